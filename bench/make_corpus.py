#!/usr/bin/env python3
"""Builds a JSON Lines corpus of about N MB from the project's own Arabic texts.

Sources: examples/articles/*.ar.txt and tests/dev/*.ar.txt (whichever exist).
Each document is one source article; documents cycle through the articles, so
the corpus has the real mix of sentences, names and rules, whatever its size.
Ids are `bench-000001`, ... Output is deterministic for a given size.

Usage: make_corpus.py SIZE_MB OUT.jsonl [--names NAMES.txt]
With --names, also writes every gazetteer name (Arabic and English, one per
line, as written in ontology/gazetteer/*.toml) for the fixed-string peers.
"""

import argparse
import glob
import json
import os
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def articles():
    paths = sorted(glob.glob(os.path.join(ROOT, "examples/articles/*.ar.txt")))
    paths += sorted(glob.glob(os.path.join(ROOT, "tests/dev/*.ar.txt")))
    texts = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            texts.append(f.read())
    if not texts:
        sys.exit("no example texts found under examples/articles or tests/dev")
    return texts


def gazetteer_names():
    names = set()
    for path in sorted(glob.glob(os.path.join(ROOT, "ontology/gazetteer/*.toml"))):
        with open(path, "rb") as f:
            data = tomllib.load(f)
        for e in data.get("entity", []):
            for key in ("ar", "en"):
                names.add(e[key])
            for key in ("names_ar", "names_en", "nisba_ar", "nisba_en", "nicknames_ar"):
                names.update(e.get(key, []))
    return sorted(n for n in names if n.strip())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("size_mb", type=float)
    ap.add_argument("out")
    ap.add_argument("--names")
    args = ap.parse_args()
    texts = articles()
    target = int(args.size_mb * 1_000_000)
    written = 0
    n = 0
    with open(args.out, "w", encoding="utf-8") as out:
        while written < target:
            text = texts[n % len(texts)]
            n += 1
            line = json.dumps({"id": f"bench-{n:06d}", "text": text}, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
    if args.names:
        with open(args.names, "w", encoding="utf-8") as f:
            for name in gazetteer_names():
                f.write(name + "\n")
    print(f"{args.out}: {n} documents, {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
