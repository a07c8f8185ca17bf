#!/usr/bin/env python3
"""Precision and recall of a report's person lists against the gold (persons.json), by the rule of README.md.

Reads report folders made by `chancery report PATH --out DIR` (one per source: frus-dev, seed, demo) and
scores, for the annotated documents:
  (a) the page's list "People and organizations named" (documents/<slug>.md, found through documents.csv);
  (b) persons.csv restricted to those documents (its `documents` column lists document ids), when present.

Unit: the (document, person) pair. An item is a true positive when it names a gold person of the document
(`names`, below); several items naming one person count once (the rest are duplicates). Neutral items (not
counted either way): persons of `outside_body` and `role_only`, and, for the page's list, which mixes people
and organizations, the document's organizations. Everything else is a false positive.

The same rule is in Tests/ChanceryReportsTests/PersonGoldTests.swift, which asserts floors.

Usage: python3 Tests/Fixtures/persons-gold/score.py REPORT_DIR... [--gold FILE] [--verbose]
(--gold defaults to persons.json; holdout.json is the held-out plain-text gold, scored from a report of
../shared/corpora/frus-holdout-plain)
"""
import csv
import html
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TITLES = {"mr", "mrs", "ms", "dr", "sir", "lord", "madame", "ambassador", "premier", "comrade", "minister",
          "vice", "deputy", "foreign", "prime", "president", "secretary", "general", "chairman", "commander",
          "governor", "section", "chief", "the", "under", "viscount", "honorable", "senator"}


def words(name):
    """The words of a name without titles, possessive 's or brackets, lower case."""
    name = name.replace("[", " ").replace("]", " ").replace("’", "'")
    out = []
    for w in re.split(r"[\s,]+", name):
        w = re.sub(r"'s$", "", w).strip(".;:()").lower()
        if w and w not in TITLES:
            out.append(w)
    return out


def contains(longer, shorter):
    n = len(shorter)
    return n > 0 and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def names(item, entity_forms):
    """Whether `item` names the entity whose forms (canonical name and surface forms) are given."""
    w = words(item)
    if not w:
        return False
    return any(contains(words(f), w) for f in entity_forms)


def score(lists, gold, mixed):
    tp = fp = neutral = dup = found = total = 0
    misses, wrong = [], []
    for g in gold["documents"]:
        doc = g["document_id"]
        if doc not in lists:
            continue
        persons = [[p["name"]] + p["surface_forms"] for p in g["persons"]]
        neutral_forms = [[x["name"]] + x["forms"] for x in g.get("outside_body", [])]
        neutral_forms += [[r["refers_to"]] + r["forms"] for r in g.get("role_only", [])]
        if mixed:
            neutral_forms += [[o["name"]] + o["surface_forms"] for o in g.get("organizations", [])]
        hit = set()
        for item in lists[doc]:
            # Surface forms first, then canonical names: "Mansfield" is Senator Mansfield's form in holdout d24, not
            # a part of Mansfield D. Sprague's canonical name.
            k = next((i for i, forms in enumerate(persons) if names(item, forms[1:])), None)
            if k is None:
                k = next((i for i, forms in enumerate(persons) if names(item, forms[:1])), None)
            if k is not None:
                if k in hit:
                    dup += 1
                else:
                    hit.add(k)
                    tp += 1
            elif any(names(item, forms) for forms in neutral_forms):
                neutral += 1
            else:
                fp += 1
                wrong.append((doc, item))
        found += len(hit)
        total += len(persons)
        misses += [(doc, persons[i][0]) for i in range(len(persons)) if i not in hit]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = found / total if total else 0.0
    return {"tp": tp, "fp": fp, "neutral": neutral, "duplicates": dup, "found": found, "gold": total,
            "precision": p, "recall": r, "misses": misses, "wrong": wrong}


def page_lists(folder):
    lists = {}
    with open(os.path.join(folder, "documents.csv"), encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            text = open(os.path.join(folder, row["report"]), encoding="utf-8").read()
            m = re.search(r"## People and organizations named\n\n(.*?)\n\n", text, re.S)
            items = [] if not m else [unescape(x).strip() for x in html.unescape(m.group(1)).split("; ")]
            lists[row["id"]] = [x for x in items if x]
    return lists


def unescape(text):
    return re.sub(r"\\(.)", r"\1", text)


def index_lists(folder):
    path = os.path.join(folder, "persons.csv")
    if not os.path.exists(path):
        return None
    lists = {}
    with open(path, encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            name = row["name"].lstrip("'")
            for doc in row["document_ids"].split("; "):
                lists.setdefault(doc, []).append(name)
    return lists


def main():
    argv = sys.argv[1:]
    gold_path = os.path.join(HERE, "persons.json")
    if "--gold" in argv:
        k = argv.index("--gold")
        gold_path = argv[k + 1]
        del argv[k:k + 2]
    args = [a for a in argv if not a.startswith("--")]
    verbose = "--verbose" in argv
    gold = json.load(open(gold_path, encoding="utf-8"))
    sources = {g["document_id"]: g["source"] for g in gold["documents"]}
    pages, index = {}, {}
    have_index = False
    for folder in args:
        pages.update(page_lists(folder))
        got = index_lists(folder)
        if got is not None:
            have_index = True
            index.update(got)
    for label, lists, mixed in [("page list", pages, True), ("persons.csv", index if have_index else None, False)]:
        if lists is None:
            print(f"{label}: no persons.csv in the report")
            continue
        for source in sorted({g["source"] for g in gold["documents"]}) + [None]:
            sub = {d: v for d, v in lists.items() if d in sources and (source is None or sources[d] == source)}
            for d in sources:
                if d not in lists and (source is None or sources[d] == source):
                    sub[d] = []
            s = score(sub, gold, mixed)
            print(f"{label:12} {source or 'all':9} P {s['precision']:.3f} ({s['tp']}/{s['tp'] + s['fp']})  "
                  f"R {s['recall']:.3f} ({s['found']}/{s['gold']})  neutral {s['neutral']}  duplicates {s['duplicates']}")
            if verbose and source is None:
                for doc, item in s["wrong"]:
                    print(f"    FP {doc}: {item}")
                for doc, item in s["misses"]:
                    print(f"    FN {doc}: {item}")


if __name__ == "__main__":
    main()
