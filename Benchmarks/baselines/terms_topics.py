#!/usr/bin/env python3
"""Baseline for term and topic counting: what a historian would write in Python.

Reads every file under FOLDER one at a time, tokenizes with a regex (words
with inner hyphens and apostrophes), lower-cases, counts words and bigrams
with collections.Counter, and counts topic hits of the same lexicon as
Chancery (Corpora/lexicons/cold-war-cables.yml: single words with * globs as
regular expressions, phrases as word sequences).

  python3 baselines/terms_topics.py FOLDER LEXICON.yml
"""
import collections
import os
import re
import resource
import sys
import time

import yaml

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")


def files(folder):
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                yield os.path.join(root, name)


def compile_lexicon(path):
    with open(path, encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    topics = {}
    for topic, patterns in raw.items():
        compiled = []
        for pattern in patterns:
            words = pattern.lower().lstrip("=").split()
            compiled.append([re.compile("^" + re.escape(w).replace(r"\*", ".*").replace(r"\?", ".") + "$") for w in words])
        topics[topic] = compiled
    return topics


def main(folder, lexicon_path):
    topics = compile_lexicon(lexicon_path)
    words, bigrams, hits = collections.Counter(), collections.Counter(), collections.Counter()
    size = 0
    start = time.perf_counter()
    for path in files(folder):
        with open(path, "rb") as handle:
            data = handle.read()
        size += len(data)
        tokens = TOKEN.findall(data.decode("utf-8").lower())
        words.update(tokens)
        bigrams.update(zip(tokens, tokens[1:]))
        for topic, patterns in topics.items():
            for i in range(len(tokens)):
                for pattern in patterns:
                    if all(i + k < len(tokens) and part.match(tokens[i + k]) for k, part in enumerate(pattern)):
                        hits[topic] += 1
                        break
    seconds = time.perf_counter() - start
    megabytes = size / 1048576
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"python   terms+topics {megabytes:9.1f} MB {seconds:8.2f} s {megabytes / seconds:8.1f} MB/s  peak RSS {peak:7.1f} MB  "
          f"{len(words)} words, {len(bigrams)} bigrams, {sum(hits.values())} topic hits")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
