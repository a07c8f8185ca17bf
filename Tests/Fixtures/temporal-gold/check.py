#!/usr/bin/env python3
"""Check the hand-annotated temporal gold set against the document bodies Chancery reads.

For every source (`frus-dev.jsonl`, `seed.jsonl`, `demo.jsonl` in this folder) the script runs
`chancery documents PATH --json` on the source's folder and verifies that each gold expression's
(start, end) UTF-8 byte slice of the document body equals its "text", plus the shape of each record:
type, value syntax, mod, anchor, range links, no overlapping expressions, and that every annotated
document is listed in README.md (the list a scorer needs, since a document can be annotated and hold
no expression). Guidelines: Documentation/TemporalAnnotation.md.

Usage (from the package root, after `swift build`):
    python3 Tests/Fixtures/temporal-gold/check.py [--chancery PATH] [--counts]
Exit status 0 when every check passes, 1 otherwise (each failure is printed with file and line).
"""
import argparse
import collections
import datetime
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))  # the package root
SOURCES = {
    'frus-dev': os.path.join(ROOT, '..', 'shared', 'corpora', 'frus-dev'),
    'seed': os.path.join(ROOT, '..', 'shared', 'corpora', 'seed'),
    'demo': os.path.join(ROOT, 'Corpora', 'demo'),
}
KEYS = {'document_id', 'start', 'end', 'text', 'type', 'value', 'mod', 'anchor', 'range_end', 'note'}
REQUIRED = KEYS - {'note'}
TYPES = {'DATE', 'TIME', 'DURATION', 'SET'}
MODS = {'START', 'MID', 'END', 'APPROX', 'BEFORE', 'AFTER', 'ON_OR_BEFORE', 'ON_OR_AFTER',
        'LESS_THAN', 'MORE_THAN', 'EQUAL_OR_LESS', 'EQUAL_OR_MORE'}
ANCHORS = {'explicit', 'document', 'narrative', 'editorial', 'context', 'event', 'none'}
# TIMEX3 values as the guidelines allow them, by type.
POINT = (r'(?:\d{4}|\d{3}X|\d{2}XX|XXXX)'
         r'(?:-(?:0[1-9]|1[0-2]|XX|W(?:0[1-9]|[1-4]\d|5[0-3])|WXX|SP|SU|FA|WI|H[12]|Q[1-4])'
         r'(?:-(?:0[1-9]|[12]\d|3[01]|XX))?)?')
DAY_TIME = r'T(?:\d\d(?::\d\d)?Z?|MO|AF|EV|NI)'
NUM = r'(?:\d+(?:\.\d+)?|X)'
PERIOD = (rf'P(?:(?:{NUM}Y)?(?:{NUM}M)?(?:{NUM}W)?(?:{NUM}D)?(?:T(?:{NUM}H)?(?:{NUM}M)?(?:{NUM}S)?)?'
          rf'|{NUM}(?:DE|CE))')
VALUE = {
    'DATE': re.compile(rf'^(?:PRESENT_REF|PAST_REF|FUTURE_REF|FY\d{{4}}|{POINT})$'),
    'TIME': re.compile(rf'^(?:{POINT}{DAY_TIME})$'),
    'DURATION': re.compile(rf'^{PERIOD}$'),
    'SET': re.compile(rf'^(?:{PERIOD}|XXXX-WXX-[1-7](?:{DAY_TIME})?)$'),
}


def load_documents(chancery, path):
    """Runs `chancery documents PATH --json` and returns {id: body bytes}."""
    run = subprocess.run([chancery, 'documents', path, '--json'], capture_output=True)
    if run.returncode != 0:
        sys.exit(f'{chancery} documents {path} --json failed ({run.returncode}):\n'
                 + run.stderr.decode('utf-8', 'replace'))
    return {d['id']: d['body'].encode('utf-8') for d in json.loads(run.stdout)}


def annotated_documents():
    """The document lists in README.md: a ```annotated block of `source: document_id` lines."""
    text = open(os.path.join(HERE, 'README.md'), encoding='utf-8').read()
    block = re.search(r'```annotated\n(.*?)```', text, re.S)
    if not block:
        sys.exit('README.md has no ```annotated block listing the annotated documents')
    listed = collections.defaultdict(list)
    for line in block.group(1).splitlines():
        if line.strip():
            source, doc = (part.strip() for part in line.split(':', 1))
            listed[source].append(doc)
    return listed


def valid_value(rec):
    pattern = VALUE.get(rec['type'])
    if not (pattern and isinstance(rec['value'], str) and pattern.match(rec['value'])):
        return False
    day = re.match(r'^(\d{4})-(\d\d)-(\d\d)', rec['value'])
    if day:  # a full calendar day must exist (no 1961-02-30)
        try:
            datetime.date(*map(int, day.groups()))
        except ValueError:
            return False
    return True


def check_source(source, path, chancery, listed, problems):
    gold_file = os.path.join(HERE, f'{source}.jsonl')
    bodies = load_documents(chancery, path)
    records = []
    for number, line in enumerate(open(gold_file, encoding='utf-8'), 1):
        where = f'{source}.jsonl:{number}'
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f'{where}: not JSON ({error})')
            continue
        if not REQUIRED <= set(rec) or not set(rec) <= KEYS:
            problems.append(f'{where}: keys {sorted(rec)}; expected {sorted(REQUIRED)} (+ optional note)')
            continue
        records.append((where, rec))
        body = bodies.get(rec['document_id'])
        if body is None:
            problems.append(f'{where}: document {rec["document_id"]!r} not among those Chancery read in {path}')
            continue
        if rec['document_id'] not in listed.get(source, []):
            problems.append(f'{where}: document {rec["document_id"]!r} missing from README.md annotated list')
        start, end = rec['start'], rec['end']
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body)):
            problems.append(f'{where}: offsets {start}..{end} outside the body ({len(body)} bytes)')
            continue
        piece = body[start:end]
        try:
            piece_text = piece.decode('utf-8')
        except UnicodeDecodeError:
            problems.append(f'{where}: offsets {start}..{end} cut a UTF-8 character')
            continue
        if piece_text != rec['text']:
            problems.append(f'{where}: body[{start}:{end}] is {piece_text!r}, gold text is {rec["text"]!r}')
        if rec['type'] not in TYPES:
            problems.append(f'{where}: type {rec["type"]!r}')
        elif not valid_value(rec):
            problems.append(f'{where}: value {rec["value"]!r} is not a TIMEX3 value for {rec["type"]}')
        if rec['mod'] is not None and rec['mod'] not in MODS:
            problems.append(f'{where}: mod {rec["mod"]!r}')
        if rec['anchor'] not in ANCHORS:
            problems.append(f'{where}: anchor {rec["anchor"]!r}')
    # Expressions of one document: no overlaps; range links point at an expression after the start.
    by_doc = collections.defaultdict(list)
    for where, rec in records:
        by_doc[rec['document_id']].append((where, rec))
    for doc, items in by_doc.items():
        items.sort(key=lambda item: item[1]['start'])
        for (w1, a), (w2, b) in zip(items, items[1:]):
            if b['start'] < a['end']:
                problems.append(f'{w2}: overlaps {w1} in {doc}')
        spans = {(rec['start'], rec['end']): rec for _, rec in items}
        for where, rec in items:
            link = rec['range_end']
            if link is None:
                continue
            target = spans.get((link.get('start'), link.get('end'))) if isinstance(link, dict) else None
            if target is None:
                problems.append(f'{where}: range_end {link!r} is not an expression of {doc}')
            elif target['start'] <= rec['start'] or target['value'] != link.get('value'):
                problems.append(f'{where}: range_end {link!r} must name a later expression and its value')
    for doc in listed.get(source, []):
        if doc not in bodies:
            problems.append(f'README.md: listed {source} document {doc!r} not read from {path}')
    return [rec for _, rec in records], len(listed.get(source, []))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--chancery', default=os.environ.get('CHANCERY_BIN',
                        os.path.join(ROOT, '.build', 'debug', 'chancery')),
                        help='the chancery executable (default: .build/debug/chancery; run `swift build` first)')
    parser.add_argument('--counts', action='store_true', help='print the counts table for README.md')
    args = parser.parse_args()
    if not os.access(args.chancery, os.X_OK):
        sys.exit(f'no chancery executable at {args.chancery}: run `swift build` or pass --chancery')
    listed = annotated_documents()
    problems, summary = [], {}
    for source, path in SOURCES.items():
        records, documents = check_source(source, path, args.chancery, listed, problems)
        summary[source] = (documents, records)
    for problem in problems:
        print('FAIL', problem)
    total = sum(len(records) for _, records in summary.values())
    if args.counts:
        print('| source | documents | expressions | DATE | TIME | DURATION | SET |')
        print('|---|---|---|---|---|---|---|')
        for source, (documents, records) in summary.items():
            types = collections.Counter(rec['type'] for rec in records)
            print(f'| {source} | {documents} | {len(records)} | '
                  + ' | '.join(str(types[t]) for t in ('DATE', 'TIME', 'DURATION', 'SET')) + ' |')
        anchors = collections.Counter(rec['anchor'] for _, records in summary.values() for rec in records)
        print('\nanchors: ' + ', '.join(f'{a} {anchors[a]}' for a in sorted(ANCHORS, key=lambda a: -anchors[a])))
    print(f'{"FAILED" if problems else "OK"}: {total} expressions in '
          f'{sum(d for d, _ in summary.values())} documents checked, {len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
