import JDLintCore

// libFuzzer target: every front end + every default rule + the fixer, on arbitrary UTF-8.
// The first byte picks the format; `Invariants.check` states what must hold for any input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLint(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let all = Array(UnsafeBufferPointer(start: data, count: size))
    let format = DocumentFormat.allCases[Int(all[0]) % DocumentFormat.allCases.count]
    let body = Array(all.dropFirst())
    guard Bytes.firstInvalidUTF8(body) == nil else { return 0 }
    let problems = Invariants.check(body, format: format, linter: FuzzShared.linter)
    if !problems.isEmpty { fatalError("invariant violated: \(problems.joined(separator: "; "))") }
    return 0
}

enum FuzzShared {
    static let linter = Linter()
}
