#!/usr/bin/env python3
"""Recall benchmark: plants one known defect into real postings of ../shared/corpus/real and counts how often jdlint
reports it at the planted span, per rule.

  recall.py [--bin PATH] [--compare PATH] [--per-rule N] [--seed S]

Each rule has planted variants written for this benchmark (no corpus text is copied into the project): a sentence
with the defect inserted at a sentence boundary of a body paragraph, or a structural change (a duplicated heading,
a heading with nothing under it, a mixed bullet marker, page residue at the end). A plant counts as found when a
finding of the rule overlaps the planted span. Document-level rules (missing-section, length, too-many) have no
span to plant and are not measured here. Vague pay words are planted only in postings that state no pay figure: next
to a figure they are harmless by the rule's contract (salary/vague reports them only when the posting gives no pay).
"""
import argparse, collections, json, os, random, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CORPUS = os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus", "real"))

# rule -> sentences; [[…]] marks the span the finding must overlap.
SENTENCES = {
    "grammar/indefinite-article": ["We run [[a induction]] week for new starters.", "You will join [[an university]] hospital team.",
                                   "Shifts start on [[a 8-hour]] rota.", "You will hold [[a MBA]] or similar.",
                                   "This is [[an one-year]] contract.", "We will send you [[a email]] within days.",
                                   "You will report to [[a RN]] on each shift.", "We are [[an European]] company."],
    "grammar/repeated-word": ["You will work closely with [[the the]] wider team.", "We offer a friendly [[and and]] supportive place.",
                              "Training is provided [[for for]] every new starter."],
    "grammar/spacing": ["You will join a friendly[[  ]]team of analysts.", "We offer flexible hours[[ ,]] remote days and training."],
    "grammar/degree-possessive": ["A [[bachelors degree]] in a related field is preferred.", "A [[masters degree]] is welcome but not needed."],
    "grammar/subject-verb-agreement": ["The successful candidate [[have]] strong communication skills.",
                                       "Our responsibilities [[includes]] weekly reporting."],
    "grammar/unbalanced-delimiters": ["You will support the team [[(]]including occasional weekend cover.",
                                      "We call it the [[“]]open door policy every day."],
    "grammar/sentence-case": ["We value teamwork. [[you]] will grow with us."],
    "inclusive/exclusionary-jargon": ["We want a coding [[rockstar]] who ships fast.", "Join our team of sales [[ninjas]] today."],
    "inclusive/gendered-terms": ["The [[chairman]] of the panel will review your application.",
                                 "Every applicant should bring [[his]] own laptop."],
    "inclusive/ableist": ["Our release weeks can get [[crazy]] at times.", "We never turn a [[blind eye]] to safety."],
    "inclusive/age": ["We are looking for [[digital natives]] to join us.", "You are [[young and energetic]] with a can-do attitude."],
    "requirements/vague-physical": ["Candidates must be [[physically fit]] for this role.", "The role calls for [[heavy lifting]] daily."],
    "salary/vague": ["The salary is [[commensurate with experience]].", "Pay is [[negotiable]] for the right person."],
    "salary/missing-currency": ["The salary for this post is [[61,000 - 68,000]] per year."],
    "salary/missing-period": ["The salary for this post is [[$61,500 - $68,500]]."],
    "salary/inverted-range": ["The salary for this post is [[$68,000 - $61,000]] per year."],
    "salary/number-format": ["The salary for this post is [[$61500]] per year.", "The salary for this post is [[£43500]] per year."],
    "salary/history-request": ["Please state your [[salary history]] in your cover letter."],
    "salary/implausible": ["The salary for this post is [[$25 per year]]."],
    "requirements/technology-age": ["You have [[25 years of experience with Kubernetes]]."],
    "requirements/experience-mismatch": ["This [[entry-level]] role requires [[8+ years of experience]]."],
    "structure/template-residue": ["Please send your CV to [[[Contact Email]]] by the closing date.", "Your line manager will be [[TODO]] on arrival."],
}
# Rules that run only under a profile are measured with it.
RULE_ARGS = {"salary/history-request": ["--profile", "us-ca"]}
# Spacing that a renderer collapses (two spaces in HTML or Markdown) is not a visible defect: those formats get the
# space-before-comma variant only.
RENDERED = {"grammar/spacing": ["We offer flexible hours[[ ,]] remote days and training."]}
STRUCTURAL = ["structure/page-residue", "structure/duplicate-heading", "structure/empty-section", "structure/heading-level",
              "structure/bullet-style"]


def body_start(text):
    if text.startswith("---"):
        m = re.search(r"\n---[ \t]*\n", text[3:])
        if m:
            return 3 + m.end()
    return 0


def insertion_points(text, ext):
    """Offsets just after '. ' that start a new sentence of a body paragraph (not a heading, bullet, tag or code)."""
    start = body_start(text)
    pts = []
    for m in re.finditer(r"[a-z]\. (?=[A-Z][a-z])", text):
        p = m.end()
        if p < start:
            continue
        ls = text.rfind("\n", 0, p) + 1
        le = text.find("\n", p)
        line = text[ls:le if le >= 0 else len(text)]
        st = line.lstrip()
        if st.startswith(("#", "-", "*", "•", "|", ">", "```", "    ")) or re.match(r"\d+[.)] ", st):
            continue
        if len(line) < 80:
            continue
        if ext in (".html", ".markdown") or "<" in line:
            # not inside a tag or an attribute
            if text.rfind("<", ls, p) > text.rfind(">", ls, p):
                continue
        pts.append(p)
    return pts


MONEY = re.compile(r"[$£€]\s?\d{2}|\d{2}\s?[$£€]|\b(?:USD|GBP|EUR)\s?\d{2}")


def plant_sentence(text, ext, rule, rng):
    pts = insertion_points(text, ext)
    if not pts:
        return None
    p = rng.choice(pts)
    choices = RENDERED[rule] if rule in RENDERED and ext in (".md", ".markdown", ".html") else SENTENCES[rule]
    s = rng.choice(choices)
    spans = []
    out = ""
    k = 0
    for m in re.finditer(r"\[\[(.*?)\]\](?!\])", s):
        out += s[k:m.start()]
        a = len(out.encode())
        out += m.group(1)
        spans.append((a, len(out.encode())))
        k = m.end()
    out += s[k:] + " "
    base = len(text[:p].encode())
    return text[:p] + out + text[p:], [(base + a, base + b) for a, b in spans]


def plant_structural(text, ext, rule, rng):
    b = lambda s: len(s.encode())
    start = body_start(text)
    md = ext in (".md", ".markdown") and "<p>" not in text and "<P>" not in text
    html = ext == ".html"
    if rule == "structure/page-residue":
        line = "<p>Back to top</p>" if html else "Back to top"
        t = text.rstrip("\n") + "\n\n"
        return t + line + "\n", [(b(t), b(t) + b(line))]
    if rule == "structure/duplicate-heading":
        if md:
            hs = [m for m in re.finditer(r"^(##+) +(\S[^\n]{2,60})$", text, re.M) if m.start() >= start]
            if not hs:
                return None
            m = rng.choice(hs)
            sec_end = text.find("\n" + m.group(1) + " ", m.end())
            sec_end = len(text) if sec_end < 0 else sec_end + 1
            ins = m.group(0) + "\n\nWe will tell you more at interview.\n\n"
            t = text[:sec_end].rstrip("\n") + "\n\n"
            return t + ins + text[sec_end:], [(b(t), b(t) + b(m.group(0)))]
        if html:
            hs = list(re.finditer(r"<h([23])>([^<]{3,60})</h\1>", text))
            if not hs:
                return None
            m = rng.choice(hs)
            t = text.rstrip("\n") + "\n"
            return t + m.group(0) + "<p>We will tell you more at interview.</p>\n", [(b(t), b(t) + b(m.group(0)))]
        return None
    if rule == "structure/empty-section":
        # A label inserted right before an existing heading of the same level: a section with nothing in it.
        if md:
            hs = [m for m in re.finditer(r"^(##) +\S[^\n]*$", text, re.M) if m.start() >= start]
            ins, label = "## Additional information\n\n", "## Additional information"
        elif html:
            hs = list(re.finditer(r"<h2>", text))
            ins = label = "<h2>Additional information</h2>"
        else:
            return None
        if not hs:
            return None
        k = rng.choice(hs).start()
        return text[:k] + ins + text[k:], [(b(text[:k]), b(text[:k]) + b(label))]
    if rule == "structure/heading-level":
        if md:
            hs = [m for m in re.finditer(r"^## +\S[^\n]*\n", text, re.M) if m.start() >= start]
            if not hs:
                return None
            m = rng.choice(hs)
            ins = "\n#### In detail\n\n"
            t = text[:m.end()]
            return t + ins + text[m.end():], [(b(t) + 2, b(t) + b(ins) - 2)]
        return None
    if rule == "structure/bullet-style":
        if html:
            return None
        runs = []
        lines = text[start:].split("\n")
        off = start
        prev = None
        run = []
        for ln in lines:
            m = re.match(r"([-*•]) \S", ln)
            if m and (prev is None or prev == m.group(1)):
                run.append(off)
                prev = m.group(1)
            else:
                if len(run) >= 3:
                    runs.append((prev, run))
                run = [off] if m else []
                prev = m.group(1) if m else None
            off += len(ln) + 1
        if len(run) >= 3:
            runs.append((prev, run))
        if not runs:
            return None
        marker, items = rng.choice(runs)
        k = rng.choice(items[1:])
        other = "*" if marker != "*" else "-"
        t = text[:k] + other + text[k + len(marker):]
        return t, [(b(text[:k]), b(text[:k]) + 1)]
    return None


def lint(binary, folder, extra=()):
    out = subprocess.run([binary, "--format", "json", "--no-config", *extra, folder], capture_output=True)
    if out.returncode not in (0, 1):
        sys.exit("jdlint failed: %s" % out.stderr.decode(errors="replace")[:500])
    return {os.path.basename(f["path"]): f["diagnostics"] for f in json.loads(out.stdout)["files"]}


def measure(binary, plants, tmp):
    res = {}
    for sub in sorted(os.listdir(tmp)):
        extra = RULE_ARGS.get(sub.replace("_", "/", 1), [])
        res.update(lint(binary, os.path.join(tmp, sub), extra))
    found = collections.Counter()
    total = collections.Counter()
    misses = collections.defaultdict(list)
    for name, (rule, spans, src) in plants.items():
        total[rule] += 1
        ds = res.get(name, [])
        hit = any(d["rule"] == rule and any(d["range"]["start"]["offset"] < e and d["range"]["end"]["offset"] > s
                                            or d["range"]["start"]["offset"] == s for s, e in spans) for d in ds)
        if hit:
            found[rule] += 1
        else:
            misses[rule].append(src)
    return found, total, misses


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.environ.get("JDLINT_BIN") or os.path.join(ROOT, ".build", "release", "jdlint"))
    ap.add_argument("--compare", help="a second binary (today's main) measured on the same plants")
    ap.add_argument("--per-rule", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--misses", action="store_true", help="list the postings where a plant was missed")
    a = ap.parse_args()
    if not os.path.isdir(CORPUS):
        print("recall benchmark skipped: no corpus at %s" % CORPUS)
        return 0
    rng = random.Random(a.seed)
    files = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(CORPUS) for f in fs if not f.startswith("_"))
    plants = {}
    tmp = tempfile.mkdtemp(prefix="jdlint-recall-")
    for rule in list(SENTENCES) + STRUCTURAL:
        order = files[:]
        rng.shuffle(order)
        n = 0
        for path in order:
            if n >= a.per_rule:
                break
            ext = os.path.splitext(path)[1]
            with open(path, encoding="utf-8", errors="strict") as fh:
                try:
                    text = fh.read()
                except UnicodeDecodeError:
                    continue
            # Vague pay words are a defect only where the posting states no pay figure (the rule's documented
            # contract): "commensurate with experience" beside a stated range is harmless, so it is not planted there.
            if rule == "salary/vague" and MONEY.search(text):
                continue
            r = plant_sentence(text, ext, rule, rng) if rule in SENTENCES else plant_structural(text, ext, rule, rng)
            if not r:
                continue
            name = "%s__%03d%s" % (rule.replace("/", "_"), n, ext)
            os.makedirs(os.path.join(tmp, rule.replace("/", "_")), exist_ok=True)
            with open(os.path.join(tmp, rule.replace("/", "_"), name), "w", encoding="utf-8") as fh:
                fh.write(r[0])
            plants[name] = (rule, r[1], os.path.relpath(path, CORPUS))
            n += 1
    found, total, misses = measure(a.bin, plants, tmp)
    cmp = measure(a.compare, plants, tmp) if a.compare else None
    head = "| rule | planted | recall |" + (" recall (compared) |" if cmp else "")
    print(head)
    print("| --- | ---: | ---: |" + (" ---: |" if cmp else ""))
    worst = 1.0
    for rule in list(SENTENCES) + STRUCTURAL:
        t = total[rule]
        if not t:
            print("| `%s` | 0 | — |" % rule)
            continue
        r = found[rule] / t
        worst = min(worst, r)
        row = "| `%s` | %d | %.0f%% |" % (rule, t, 100 * r)
        if cmp:
            row += " %.0f%% |" % (100 * cmp[0][rule] / t)
        print(row)
        if a.misses and misses[rule]:
            print("    missed: " + ", ".join(misses[rule][:10]))
    print("plants: %d in %s" % (len(plants), tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
