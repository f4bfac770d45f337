import JDLintCore
import JDLintKit

/// `jdlint test-pack FILE…`: runs every rule's examples in rule packs (triggering examples must report exactly at
/// their `↓` markers, non-triggering ones nothing, corrections must fix to the expected output), as written, with
/// CRLF line endings and with shifted offsets. Prints pass/fail per rule. Exit 0: all pass; 1: an example failed
/// (or a rule has no examples); 2: a pack could not be loaded (file, JSON path and reason are printed).
enum TestPackCommand {
    static let usage = """
        usage: jdlint test-pack FILE [FILE…]
        Runs the examples of each rule in the rule packs and prints pass/fail per rule.
        Exit status: 0 all pass, 1 an example failed, 2 a pack has an error.

        """

    static func run(_ args: [String], _ out: OutputStream, _ err: OutputStream) -> Int32 {
        if args.contains("--help") || args.contains("-h") {
            out.write(usage)
            return 0
        }
        if let bad = args.first(where: { $0.hasPrefix("-") && $0 != "-" }) {
            err.write("jdlint test-pack: unknown option \(bad)\n\(usage)")
            return 2
        }
        guard !args.isEmpty else {
            err.write("jdlint test-pack: give a pack file\n\(usage)")
            return 2
        }
        var packs: [RulePack] = []
        var loadFailed = false
        for path in args {
            do {
                packs.append(try ConfigLoader.loadPack(path: path))
            } catch {
                err.write("\(error)\n")
                loadFailed = true
            }
        }
        if loadFailed { return 2 }
        var passed = 0, failed = 0
        for pack in packs {
            let registry = RuleRegistry.builtin.adding(pack.rules)
            let title = pack.name.isEmpty ? "" : " (\(pack.name))"
            out.write("\(pack.origin)\(title): \(pack.rules.count) rule\(pack.rules.count == 1 ? "" : "s")\n")
            for rule in pack.rules {
                let m = rule.meta
                var failures = grouped(ExampleChecker.check(rule, registry: registry))
                if m.triggering.isEmpty { failures.append("\(m.id): no triggering example (add one with ↓ where the finding starts)") }
                if m.nonTriggering.isEmpty { failures.append("\(m.id): no non-triggering example (add a look-alike that must not trigger)") }
                if let f = m.fix, f != .displayOnly, m.corrections.isEmpty {
                    failures.append("\(m.id): the rule offers fixes but has no correction example")
                }
                let counts = "\(m.triggering.count) triggering, \(m.nonTriggering.count) non-triggering, \(m.corrections.count) correction\(m.corrections.count == 1 ? "" : "s")"
                if failures.isEmpty {
                    passed += 1
                    out.write("  ok    \(m.id)  (\(counts))\n")
                } else {
                    failed += 1
                    out.write("  FAIL  \(m.id)  (\(counts))\n")
                    for f in failures {
                        out.write(f.split(separator: "\n", omittingEmptySubsequences: false).map { "        " + $0 }.joined(separator: "\n") + "\n")
                    }
                }
            }
        }
        out.write("\(passed) passed, \(failed) failed\n")
        return failed > 0 ? 1 : 0
    }

    /// One line per distinct failure, naming every variant it happened in (`[as written, CRLF, BOM]`).
    static func grouped(_ failures: [ExampleChecker.Failure]) -> [String] {
        var order: [String] = []
        var variants: [String: [String]] = [:]
        var first: [String: ExampleChecker.Failure] = [:]
        for f in failures {
            let key = f.example + "\u{0}" + f.message
            if variants[key] == nil { order.append(key); first[key] = f }
            variants[key, default: []].append(f.variant)
        }
        return order.map { key in
            let f = first[key]!
            return "\(f.rule) [\(variants[key]!.joined(separator: ", "))]: \(f.message)\n  example: \(f.example.debugDescription)"
        }
    }
}
