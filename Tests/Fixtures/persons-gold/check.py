#!/usr/bin/env python3
"""Check the hand-made person gold (persons.json) against the document bodies Chancery reads.

For every annotated document it runs `chancery documents PATH --json` (only the fields id, body,
header and closing are used; the reader's own `persons` field is never read), then:
  - every surface form of every person and organization must occur in the body,
  - every form listed under outside_body must occur in the header, closing or title,
  - the mentions are recounted from the forms and compared with the counts in persons.json.

Counting rule (README.md in this folder): all forms of all persons of a document are matched
together, longest form first, case-sensitive, bounded by non-word characters (so "Chiang's" and
"Beam-Wang" match, "Pakistan" does not match "Pak"), and an occurrence already taken by a longer
form is not counted again ("Pak" inside "Pak Yong-guk"). Organizations are matched the same way,
separately. A mention is "in brackets" when it lies inside [...] in the body (a translator's or
editor's insertion or resolution).

Usage: python3 Tests/Fixtures/persons-gold/check.py [--chancery PATH] [--gold persons.json|holdout.json] [--verbose]
Exit status 1 when a form is missing or a count differs.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
SOURCES = {
    "frus-dev": os.path.join(ROOT, "..", "shared", "corpora", "frus-dev"),
    "seed": os.path.join(ROOT, "..", "shared", "corpora", "seed"),
    "demo": os.path.join(ROOT, "Corpora", "demo"),
    "holdout": os.path.join(ROOT, "..", "shared", "corpora", "frus-holdout-plain"),
}


def form_pattern(form):
    return re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")


def bracket_spans(body):
    """Ranges of [...] in the body (not nested in the documents annotated)."""
    return [(m.start(), m.end()) for m in re.finditer(r"\[[^\[\]]*\]", body)]


def count_mentions(body, entities):
    """Per entity: (mentions, mentions inside brackets, matched spans), longest form first."""
    forms = sorted(((f, i) for i, e in enumerate(entities) for f in e["surface_forms"]),
                   key=lambda fi: (-len(fi[0]), fi[0]))
    taken = []  # accepted (start, end, entity index)
    for form, i in forms:
        for m in form_pattern(form).finditer(body):
            s, e = m.span()
            if any(s < te and ts < e for ts, te, _ in taken):
                continue
            taken.append((s, e, i))
    brackets = bracket_spans(body)
    result = []
    for i, _ in enumerate(entities):
        spans = sorted((s, e) for s, e, j in taken if j == i)
        inside = sum(1 for s, e in spans if any(bs < s and e < be for bs, be in brackets))
        result.append((len(spans), inside, spans))
    return result


def load_documents(chancery, sources):
    docs = {}
    for source, path in SOURCES.items():
        if source not in sources:
            continue
        out = subprocess.run([chancery, "documents", path, "--json"], check=True,
                             capture_output=True, text=True).stdout
        for d in json.loads(out):
            docs[d["id"]] = {"body": d["body"], "header": d.get("header") or [],
                             "closing": d.get("closing") or [], "title": d.get("title") or ""}
    return docs


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chancery", default=os.path.join(ROOT, ".build", "debug", "chancery"))
    ap.add_argument("--gold", default=os.path.join(HERE, "persons.json"))
    ap.add_argument("--verbose", action="store_true", help="print every matched mention in context")
    args = ap.parse_args()

    gold = json.load(open(args.gold, encoding="utf-8"))
    docs = load_documents(args.chancery, {g["source"] for g in gold["documents"]})
    problems = 0
    totals = {}
    print(f"{'document':38} {'src':8} {'pers':>4} {'ment':>4} {'[..]':>4} {'orgs':>4} {'ment':>4} {'outside':>7}")
    for g in gold["documents"]:
        doc = docs.get(g["document_id"])
        if doc is None:
            print(f"MISSING document {g['document_id']}")
            problems += 1
            continue
        body = doc["body"]
        for kind in ("persons", "organizations"):
            entities = g.get(kind, [])
            for e in entities:
                for f in e["surface_forms"]:
                    if not form_pattern(f).search(body):
                        print(f"  {g['document_id']}: {kind[:-1]} form not in body: {f!r} ({e['name']})")
                        problems += 1
            for e, (n, inside, spans) in zip(entities, count_mentions(body, entities)):
                if n != e["mentions"] or inside != e.get("in_brackets", 0):
                    print(f"  {g['document_id']}: {e['name']}: gold {e['mentions']} mentions "
                          f"({e.get('in_brackets', 0)} in brackets), forms give {n} ({inside})")
                    problems += 1
                if args.verbose:
                    for s, t in spans:
                        ctx = body[max(0, s - 30):t + 30].replace("\n", " ")
                        print(f"    {e['name']:32} | {ctx}")
        # A plain-text document's title line is neither header nor closing (holdout.json: where = title).
        outside_text = "\n".join(doc["header"] + doc["closing"] + [doc["title"]])
        for x in g.get("outside_body", []):
            for f in x["forms"]:
                if f not in outside_text:
                    print(f"  {g['document_id']}: outside-body form not in header/closing: {f!r}")
                    problems += 1
        p = g.get("persons", [])
        o = g.get("organizations", [])
        row = (len(p), sum(e["mentions"] for e in p), sum(e.get("in_brackets", 0) for e in p),
               len(o), sum(e["mentions"] for e in o), len(g.get("outside_body", [])))
        print(f"{g['document_id']:38} {g['source']:8} {row[0]:4} {row[1]:4} {row[2]:4} {row[3]:4} {row[4]:4} {row[5]:7}")
        t = totals.setdefault(g["source"], [0] * 7)
        t[0] += 1
        for k in range(6):
            t[k + 1] += row[k]
    print()
    for source, t in totals.items():
        print(f"{source:9} documents {t[0]:2}  persons {t[1]:3}  mentions {t[2]:4} ({t[3]} in brackets)"
              f"  organizations {t[4]:3}  mentions {t[5]:4}  outside-body entries {t[6]:3}")
    print("OK" if problems == 0 else f"{problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
