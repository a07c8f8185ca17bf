#!/usr/bin/env python3
"""Baseline: the tokenizer a historian would write in Python, on the same files.

Reads every file under FOLDER into memory, then times a regex tokenizer
(words with inner hyphens and apostrophes, numbers with separators) over the
bytes decoded as UTF-8, with and without lower-casing each token.

  python3 baselines/tokenize_words.py /tmp/corpus-50m
"""
import os
import re
import sys
import time

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")


def main(folder):
    texts = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                with open(os.path.join(root, name), "rb") as handle:
                    texts.append(handle.read().decode("utf-8"))
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1048576

    start = time.perf_counter()
    tokens = sum(1 for text in texts for _ in TOKEN.finditer(text))
    scan = time.perf_counter() - start
    print(f"python regex scan   {megabytes:8.1f} MB in {scan:6.3f} s  {megabytes / scan:7.1f} MB/s  {tokens} tokens")

    start = time.perf_counter()
    folded = sum(len(m.group().lower()) for text in texts for m in TOKEN.finditer(text))
    fold = time.perf_counter() - start
    print(f"python scan + lower {megabytes:8.1f} MB in {fold:6.3f} s  {megabytes / fold:7.1f} MB/s")


if __name__ == "__main__":
    main(sys.argv[1])
