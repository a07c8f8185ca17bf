#!/usr/bin/env python3
"""Writes Chancery's temporal expressions on the gold set's sources as predictions in the gold
format (UTF-8 byte offsets into each document body), with the run's timing.

--command timeline (the default; what Chancery has today): `chancery timeline PATH --json`. Its
rows are events: the document's own date (no offsets; left out) and one event per sentence that
carries a dated expression, with that sentence's "most telling" expression only (its text,
`char_start` = UTF-8 byte offset into the body, kind, value, modifier, resolution). So this is at
most one expression per sentence, and only expressions that give a date: Chancery's tagger finds
more (TemporalEvent.expressions holds all of a sentence's), but no command prints them yet. Rows
whose resolution is `event` are named events from the gazetteer ("the Cuban Missile Crisis"),
which TIMEX3 does not tag (Documentation/TemporalAnnotation.md, section 2): they are left out
unless --named-events. A season modifier (SP, SU, FA, WI) is part of the value, not a mod.

--command dates (issue 17, not built yet): `chancery dates PATH --json`, one row per expression
with document_id, start, end, text, type, value, mod, anchor, range_end, taken as they are.

Timing: --timing FILE gets the wall time of the chancery processes (each source folder is one
process; --repeat N runs them N times and keeps the median total) and the UTF-8 bytes of all the
bodies Chancery read in them (every document of each folder, not only the annotated ones).

Usage:
    chancery_pred.py --out PRED.jsonl [--timing T.json] [--command timeline|dates]
                     [--chancery BIN] [--source NAME=PATH ...] [--repeat N] [--named-events]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import common

SEASONS = {'SP', 'SU', 'FA', 'WI'}
# timeline.csv's resolution (Sources/ChanceryTime/TemporalExpression.swift) as a gold anchor.
ANCHORS = {'explicit': 'explicit', 'document': 'document', 'relative': 'document', 'narrative': 'narrative',
           'editorial': 'editorial', 'event': 'event'}


def run_chancery(chancery, command, path):
    began = time.perf_counter()
    run = subprocess.run([chancery, command, path, '--json'], capture_output=True, cwd=common.ROOT)
    took = time.perf_counter() - began
    if run.returncode != 0:
        sys.exit(f'{chancery} {command} {path} --json failed ({run.returncode}):\n'
                 + run.stderr.decode('utf-8', 'replace')[-2000:])
    return json.loads(run.stdout), took


def locate(body_bytes, start, text, document_id):
    """The (start, end) byte span of `text` at `start` in the body, or found near it; None if absent."""
    encoded = text.encode('utf-8')
    if body_bytes[start:start + len(encoded)] == encoded:
        return start, start + len(encoded)
    found = body_bytes.find(encoded, max(0, start - 200))
    if found < 0 or found > start + 200:
        print(f'warning: {document_id}: expression at byte {start} not in the body, left out', file=sys.stderr)
        return None
    print(f'warning: {document_id}: expression at byte {start} found at {found} instead', file=sys.stderr)
    return found, found + len(encoded)


def from_timeline(rows, bodies, named_events):
    records, skipped = [], {'document date': 0, 'named event': 0}
    for row in rows:
        if row.get('sentence_index') is None or row.get('char_start') is None:
            skipped['document date'] += 1
            continue
        if row.get('resolution') == 'event' and not named_events:
            skipped['named event'] += 1
            continue
        document_id = row['document_id']
        span = locate(bodies[document_id], row['char_start'], row['expression'], document_id)
        if span is None:
            continue
        mod = row.get('modifier') or None
        records.append(common.record(
            document_id, span[0], span[1], row['expression'], (row.get('kind') or 'date').upper(), row.get('value'),
            None if mod in SEASONS else mod, ANCHORS.get(row.get('resolution'), row.get('resolution'))))
    return records, skipped


def from_dates(rows, bodies):
    records = []
    for row in rows:
        document_id = row['document_id']
        span = locate(bodies[document_id], int(row['start']), row['text'], document_id)
        if span is None:
            continue
        records.append(common.record(
            document_id, span[0], span[1], row['text'], str(row.get('type', '')).upper(), row.get('value'),
            row.get('mod') or None, row.get('anchor') or None, row.get('range_end') or None))
    return records, {}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--out', required=True, help='predictions, JSON lines in the gold format')
    parser.add_argument('--timing', help="write the run's timing here (JSON)")
    parser.add_argument('--command', choices=('timeline', 'dates'), default='timeline',
                        help='the chancery command whose expressions are scored (default timeline)')
    parser.add_argument('--chancery', default=None, help='the chancery binary (default: .build/release, else .build/debug)')
    parser.add_argument('--source', action='append', default=[], metavar='NAME=PATH',
                        help="a folder of documents (default: the gold set's three sources)")
    parser.add_argument('--repeat', type=int, default=1, help='run the command N times for the timing (median)')
    parser.add_argument('--named-events', action='store_true', help="keep the timeline's named events (resolution event)")
    args = parser.parse_args()
    chancery = args.chancery or next(
        (p for p in (os.path.join(common.ROOT, '.build', c, 'chancery') for c in ('release', 'debug')) if os.path.exists(p)), None)
    if not chancery:
        sys.exit('no chancery binary: swift build, or pass --chancery')
    chancery = os.path.abspath(chancery)

    load_before = os.getloadavg()
    records, skipped, totals, total_bytes, documents = [], {}, [0.0] * args.repeat, 0, 0
    for _, path in common.parse_sources(args.source):
        bodies = {d['id']: d['body'].encode('utf-8') for d in common.load_documents(chancery, path)}
        total_bytes += sum(map(len, bodies.values()))
        documents += len(bodies)
        for attempt in range(args.repeat):
            rows, took = run_chancery(chancery, args.command, path)
            totals[attempt] += took
        found, skips = (from_timeline(rows, bodies, args.named_events) if args.command == 'timeline'
                        else from_dates(rows, bodies))
        records.extend(found)
        for key, count in skips.items():
            skipped[key] = skipped.get(key, 0) + count
    records.sort(key=lambda r: (r['document_id'], r['start']))
    common.write_jsonl(args.out, records)
    print(f'chancery {args.command}: {len(records)} expressions -> {args.out}'
          + ''.join(f'; {n} {k} rows left out' for k, n in skipped.items() if n), file=sys.stderr)
    if args.timing:
        with open(args.timing, 'w') as handle:
            json.dump({'tagger': f'chancery {args.command}', 'binary': chancery, 'documents': documents,
                       'bytes': total_bytes, 'wall_seconds': statistics.median(totals), 'runs': totals,
                       'left_out': skipped, 'load_average_before_after': [load_before[0], os.getloadavg()[0]]},
                      handle, indent=1)


if __name__ == '__main__':
    main()
