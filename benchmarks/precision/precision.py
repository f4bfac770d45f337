#!/usr/bin/env python3
"""Precision benchmark of jdlint on the real corpus (../shared/corpus/real).

  precision.py sample --per-rule 40 --seed N --out DIR   draw unjudged findings at random, write judging packets
  precision.py score [--bin PATH]                        re-run jdlint, print precision per rule against the
                                                         committed judgements (judgements.tsv)
  precision.py merge FILE...                             add judged packets' verdicts to judgements.tsv
  precision.py rounds [--by-rule]                        each round's sample as judged (the unbiased figure)

A finding is keyed by its posting's path (relative to the corpus), its rule and a hash of its message and the
flagged bytes with 48 bytes of context either side: the key survives line shifts elsewhere in the posting, and the
judgements file holds no corpus text. A judged finding whose message changes is unjudged again (its key changes).
"""
import argparse, collections, hashlib, json, os, random, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CORPUS = os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus", "real"))
JUDGEMENTS = os.path.join(HERE, "judgements.tsv")
CONTEXT = 48


def lint(binary):
    out = subprocess.run([binary, "--format", "json", "--no-config", CORPUS], capture_output=True)
    if out.returncode not in (0, 1):
        sys.exit("jdlint failed: %s" % out.stderr.decode(errors="replace"))
    report = json.loads(out.stdout)
    findings = []
    for f in report["files"]:
        rel = os.path.relpath(os.path.normpath(f["path"]), CORPUS)
        data = None
        for d in f["diagnostics"]:
            if data is None:
                with open(os.path.join(CORPUS, rel), "rb") as fh:
                    data = fh.read()
            s, e = d["range"]["start"]["offset"], d["range"]["end"]["offset"]
            ctx = data[max(0, s - CONTEXT):e + CONTEXT]
            h = hashlib.sha1(d["rule"].encode() + b"\0" + d["message"].encode() + b"\0" + ctx).hexdigest()[:16]
            findings.append({"path": rel, "rule": d["rule"], "severity": d["severity"], "key": h,
                             "message": d["message"], "line": d["range"]["start"]["line"],
                             "column": d["range"]["start"]["column"], "start": s, "end": e,
                             "endLine": d["range"]["end"]["line"]})
    return findings


def load_judgements():
    j = {}
    if os.path.exists(JUDGEMENTS):
        with open(JUDGEMENTS, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or not line.strip():
                    continue
                path, rule, key, verdict, rnd, reason = line.rstrip("\n").split("\t", 5)
                j[(path, rule, key)] = (verdict, rnd, reason)
    return j


def default_bin():
    return os.environ.get("JDLINT_BIN") or os.path.join(ROOT, ".build", "release", "jdlint")


def excerpt(rel, f, lines_around=3):
    with open(os.path.join(CORPUS, rel), "rb") as fh:
        text = fh.read().decode("utf-8", errors="replace").split("\n")
    a = max(0, f["line"] - 1 - lines_around)
    b = min(len(text), f["endLine"] + lines_around)
    out = []
    for i in range(a, b):
        mark = ">>" if f["line"] - 1 <= i <= f["endLine"] - 1 else "  "
        line = text[i]
        if len(line) > 700:
            line = line[:700] + " …[line cut]"
        out.append("%s %4d| %s" % (mark, i + 1, line))
    return "\n".join(out)


def cmd_sample(args):
    findings = lint(args.bin or default_bin())
    judged = load_judgements()
    rng = random.Random(args.seed)
    by_rule = collections.defaultdict(list)
    judged_now = collections.Counter()
    for f in findings:
        if f["severity"] == "info" and not args.info:
            continue
        if (f["path"], f["rule"], f["key"]) in judged:
            judged_now[f["rule"]] += 1
            continue
        if args.only and f["rule"] not in args.only:
            continue
        by_rule[f["rule"]].append(f)
    os.makedirs(args.out, exist_ok=True)
    picked = []
    for rule in sorted(by_rule):
        pool = by_rule[rule]
        rng.shuffle(pool)
        # Judged findings that the current build still reports (precision is measured on those).
        have = judged_now[rule]
        want = max(0, args.per_rule - (have if args.topup else 0))
        picked.extend(pool[:want])
    rng.shuffle(picked)
    chunks = [picked[i::args.packets] for i in range(args.packets)]
    for n, chunk in enumerate(chunks):
        with open(os.path.join(args.out, "%s-%02d.md" % (args.prefix, n)), "w", encoding="utf-8") as fh:
            for f in chunk:
                with open(os.path.join(CORPUS, f["path"]), "rb") as pf:
                    flagged = pf.read()[f["start"]:f["end"]].decode("utf-8", errors="replace")
                if len(flagged) > 300:
                    flagged = flagged[:300] + "…"
                fh.write("## %s\t%s\t%s\n" % (f["path"], f["rule"], f["key"]))
                fh.write("posting: %s (line %d, column %d)\n" % (os.path.join(CORPUS, f["path"]), f["line"], f["column"]))
                fh.write("%s: %s\n" % (f["severity"], f["message"]))
                fh.write("flagged text: «%s»\n```\n%s\n```\nVERDICT: \nREASON: \n\n" % (flagged, excerpt(f["path"], f)))
    print("%d findings in %d packets under %s" % (len(picked), len(chunks), args.out))


def cmd_merge(args):
    j = load_judgements()
    added = 0
    for name in args.files:
        cur = None
        verdict = None
        with open(name, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("## "):
                    cur = line[3:].rstrip("\n").split("\t")
                    verdict = None
                elif line.startswith("VERDICT:") and cur:
                    verdict = line.split(":", 1)[1].strip().lower()
                elif line.startswith("REASON:") and cur and verdict in ("true", "false"):
                    reason = line.split(":", 1)[1].strip().replace("\t", " ")
                    j[(cur[0], cur[1], cur[2])] = (verdict, args.round, reason)
                    added += 1
                    cur = None
    with open(JUDGEMENTS, "w", encoding="utf-8") as fh:
        fh.write("# path\trule\tkey\tverdict\tround\treason  (see benchmarks/precision/README.md)\n")
        for k in sorted(j):
            v = j[k]
            fh.write("\t".join([k[0], k[1], k[2], v[0], v[1], v[2]]) + "\n")
    print("merged %d judgements; %d in total" % (added, len(j)))


def cmd_score(args):
    findings = lint(args.bin or default_bin())
    judged = load_judgements()
    current = collections.defaultdict(list)
    present = set()
    for f in findings:
        current[f["rule"]].append(f)
        present.add((f["path"], f["rule"], f["key"]))
    rules = sorted(set(current) | {k[1] for k in judged})
    sev = {f["rule"]: f["severity"] for f in findings}
    print("| rule | severity | findings | judged now | precision | false alarms back | true vanished | unjudged |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    tot_w = tot_true_w = 0.0
    for r in rules:
        cur = current.get(r, [])
        jt = jf = 0
        for f in cur:
            v = judged.get((f["path"], r, f["key"]))
            if v:
                if v[0] == "true":
                    jt += 1
                else:
                    jf += 1
        vanished = sum(1 for k, v in judged.items() if k[1] == r and v[0] == "true" and k not in present)
        n = jt + jf
        prec = "%.0f%%" % (100.0 * jt / n) if n else "—"
        print("| `%s` | %s | %d | %d | %s | %d | %d | %d |" % (r, sev.get(r, "—"), len(cur), n, prec, jf, vanished, len(cur) - n))
        if sev.get(r) in ("warning", "error") and n:
            tot_w += len(cur)
            tot_true_w += len(cur) * jt / n
    if tot_w:
        print("\nweighted precision over warnings and errors (each rule's judged precision × its findings): %.1f%%" % (100 * tot_true_w / tot_w))
    print("findings: %d in %d postings" % (len(findings), len({f['path'] for f in findings})))


def cmd_rounds(args):
    """Precision of each round's sample as it was judged (on the build of that round, before the fixes it led to):
    the unbiased figure; `score` re-applies all judgements to today's build, where fixed false alarms are gone."""
    per = collections.defaultdict(lambda: [0, 0])
    with open(JUDGEMENTS, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            r = line.rstrip("\n").split("\t")
            if len(r) < 6:
                continue
            key = (r[4], r[1] if args.by_rule else "all")
            per[key][0] += 1
            per[key][1] += r[3] == "true"
    print("| round | rule | judged | true | precision |")
    print("| --- | --- | ---: | ---: | ---: |")
    # Rounds in numeric order (round 10 after round 9).
    for (rnd, rule), (n, t) in sorted(per.items(), key=lambda kv: (int(kv[0][0]) if kv[0][0].isdigit() else 0, kv[0][1])):
        print("| %s | %s | %d | %d | %.1f%% |" % (rnd, rule, n, t, 100.0 * t / n))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--per-rule", type=int, default=40)
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--packets", type=int, default=8)
    s.add_argument("--info", action="store_true", help="sample info findings too")
    s.add_argument("--topup", action="store_true", help="only as many as a rule lacks to reach --per-rule judged")
    s.add_argument("--only", action="append", help="sample this rule only (repeatable)")
    s.add_argument("--prefix", default="packet", help="packet file name prefix")
    s.add_argument("--bin")
    m = sub.add_parser("merge")
    m.add_argument("--round", required=True)
    m.add_argument("files", nargs="+")
    c = sub.add_parser("score")
    c.add_argument("--bin")
    rd = sub.add_parser("rounds")
    rd.add_argument("--by-rule", action="store_true")
    a = p.parse_args()
    if not os.path.isdir(CORPUS):
        print("precision benchmark skipped: no corpus at %s" % CORPUS)
        return
    if a.cmd == "rounds":
        return cmd_rounds(a)
    {"sample": cmd_sample, "merge": cmd_merge, "score": cmd_score}[a.cmd](a)


if __name__ == "__main__":
    main()
