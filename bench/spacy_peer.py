#!/usr/bin/env python3
"""The spaCy peer: what a Python user would pick instead of sanad.

Reads the JSON Lines corpus, runs spacy.blank("ar") with a sentencizer and a
PhraseMatcher over the same gazetteer names sanad uses (one name per line in
NAMES), and prints one line of JSON with documents, sentences, matches,
bytes, seconds and MB/s. Timing covers reading, the pipeline and matching,
not building the matcher (sanad's figure includes compiling its ontology).

Usage: spacy_peer.py CORPUS.jsonl NAMES.txt
"""

import json
import sys
import time

import spacy
from spacy.matcher import PhraseMatcher


def main():
    corpus, names_path = sys.argv[1], sys.argv[2]
    nlp = spacy.blank("ar")
    nlp.add_pipe("sentencizer")
    with open(names_path, encoding="utf-8") as f:
        names = [line.strip() for line in f if line.strip()]
    matcher = PhraseMatcher(nlp.vocab)
    matcher.add("GAZETTEER", list(nlp.tokenizer.pipe(names)))
    documents = sentences = matches = size = 0
    start = time.perf_counter()
    with open(corpus, "rb") as f:
        def texts():
            nonlocal size
            for line in f:
                size += len(line)
                yield json.loads(line)["text"]

        for doc in nlp.pipe(texts(), batch_size=64):
            documents += 1
            sentences += sum(1 for _ in doc.sents)
            matches += len(matcher(doc))
    seconds = time.perf_counter() - start
    print(json.dumps({
        "documents": documents, "sentences": sentences, "matches": matches,
        "bytes": size, "seconds": round(seconds, 3), "mb_per_s": round(size / 1e6 / seconds, 3),
    }))


if __name__ == "__main__":
    main()
