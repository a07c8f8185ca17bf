#!/usr/bin/env python3
"""Baselines for term counting, on the same files as Benchmarks/TermCounting.

  python3 baselines/count_terms.py counter FOLDER      # regex tokenizer + collections.Counter, unigrams and bigrams
  python3 baselines/count_terms.py unigrams FOLDER     # the same, unigrams only
  python3 baselines/count_terms.py sklearn FOLDER      # scikit-learn CountVectorizer, ngram_range=(1, 2)

Files are read one at a time in sorted order (CountVectorizer gets a
generator), lower-cased, tokenized with the same word pattern (words with
inner hyphens and apostrophes); bigrams are consecutive tokens of a file.
Run one mode per process and measure peak memory with /usr/bin/time -v.
"""
import collections
import os
import re
import sys
import time

TOKEN = r"\w+(?:[-'’]\w+)*"


def files(folder):
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                yield os.path.join(root, name)


def texts(folder, sizes):
    for path in files(folder):
        with open(path, "rb") as handle:
            data = handle.read()
        sizes.append(len(data))
        yield data.decode("utf-8")


def main(mode, folder):
    sizes = []
    start = time.perf_counter()
    if mode == "sklearn":
        from sklearn.feature_extraction.text import CountVectorizer
        vectorizer = CountVectorizer(ngram_range=(1, 2), token_pattern=TOKEN, lowercase=True)
        matrix = vectorizer.fit_transform(texts(folder, sizes))
        tokens = int(matrix.sum())
        distinct = len(vectorizer.vocabulary_)
    else:
        pattern = re.compile(TOKEN)
        counts = collections.Counter()
        tokens = 0
        for text in texts(folder, sizes):
            words = pattern.findall(text.lower())
            tokens += len(words)
            counts.update(words)
            if mode == "counter":
                counts.update(zip(words, words[1:]))
        distinct = len(counts)
    seconds = time.perf_counter() - start
    megabytes = sum(sizes) / 1048576
    print(f"python   {mode:<9} {megabytes:8.1f} MB in {seconds:6.2f} s  {megabytes / seconds:7.1f} MB/s  {tokens} tokens  {distinct} distinct terms")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
