#!/usr/bin/env python3
"""Prints issue 17's table from the scorer's and the runners' JSON outputs (run.sh calls it).

    report.py DIR

DIR holds score-chancery.json and score-heideltime.json (score.py --json), timing-chancery.json
(chancery_pred.py --timing), timing-heideltime-cli.json and timing-heideltime-batch.json
(heideltime_run.py --timing).
"""
import json
import os
import sys


def load(folder, name):
    path = os.path.join(folder, name)
    return json.load(open(path)) if os.path.exists(path) else None


def triple(m):
    return f'{m["p"]:.2f} / {m["r"]:.2f} / {m["f1"]:.2f}'


def kbs(byte_count, seconds):
    return f'{byte_count / 1024 / seconds:,.1f} KB/s' if seconds else 'n/a'


def main():
    folder = sys.argv[1]
    chancery, heideltime = load(folder, 'score-chancery.json'), load(folder, 'score-heideltime.json')
    c, h = chancery['metrics'], heideltime['metrics']
    gold = c['all']['gold']
    print(f'| on the development gold ({gold} expressions, {chancery["documents"]} documents) | Chancery | HeidelTime |')
    print('|---|---|---|')
    print(f'| all types: relaxed span P / R / F1 | {triple(c["all"]["relaxed"])} | {triple(h["all"]["relaxed"])} |')
    print(f'| all types: value F1 | {c["all"]["value"]["f1"]:.2f} | {h["all"]["value"]["f1"]:.2f} |')
    for name, label in (('DATE', 'DATE'), ('relative DATE', 'relative DATE (anchor document/narrative/context, or *_REF)'),
                        ('calendar DATE', 'calendar DATE (without PRESENT/PAST/FUTURE_REF)')):
        print(f'| {label}: value F1 ({c[name]["gold"]}) | {c[name]["value"]["f1"]:.2f} | {h[name]["value"]["f1"]:.2f} |')

    tc = load(folder, 'timing-chancery.json')
    cli = load(folder, 'timing-heideltime-cli.json')
    batch = load(folder, 'timing-heideltime-batch.json')
    if not (tc and cli):
        return
    print()
    docs, size = tc['documents'], tc['bytes']
    print(f'Tagging throughput on the same {docs} documents ({size / 1024:,.0f} KB of bodies: every document of the'
          f' three sources, annotated or not), wall time of whole processes:')
    print()
    print('| | Chancery | HeidelTime |')
    print('|---|---|---|')
    cli_run = cli.get('run') or {}
    cli_note = ' (cached run)' if cli.get('cached') else ''
    if cli_run.get('estimated'):
        cli_note = f' ({cli_run["estimated"]})'
    same = cli['documents'] == docs and cli['bytes'] == size
    runs = ', '.join(f'{s:.2f}' for s in tc['runs'])
    print(f'| end to end, one process per source folder (Chancery: `{tc["tagger"]} --json`, median of {len(tc["runs"])} runs: {runs} s);'
          f' HeidelTime: one JVM per document, {cli_run.get("jobs", "?")} at a time{cli_note} '
          f'| {kbs(size, tc["wall_seconds"])} ({tc["wall_seconds"]:.2f} s) '
          f'| {kbs(cli_run.get("bytes", 0), cli_run.get("wall_seconds"))} ({cli_run.get("wall_seconds", 0):.1f} s'
          f'{"" if cli_run.get("documents") == docs else ", on the " + str(cli_run.get("documents")) + " documents timed"}) |')
    if batch and batch.get('run'):
        b = batch['run']
        process = sum(b['process_seconds'].values())
        print(f'| HeidelTime, all documents in one JVM{" (cached run)" if batch.get("cached") else ""}: JVM start and model loading included '
              f'| | {kbs(batch["bytes"], b["wall_seconds"])} ({b["wall_seconds"]:.1f} s, {b["init_seconds"]:.1f} s of it set-up) |')
        print(f'| HeidelTime, one JVM, amortised: tagging calls only '
              f'| | {kbs(batch["bytes"], process)} ({process / batch["documents"] * 1000:.0f} ms per document) |')
        if cli_run.get('wall_seconds'):
            print()
            rate = size / tc['wall_seconds']
            print(f'Chancery / HeidelTime throughput: {rate / (cli_run["bytes"] / cli_run["wall_seconds"]):.0f}x (one JVM per document), '
                  f'{rate / (batch["bytes"] / b["wall_seconds"]):.0f}x (one JVM), '
                  f'{rate / (batch["bytes"] / process):.0f}x (tagging calls only).')
    if not same:
        print(f'note: HeidelTime (one JVM per document) tagged {cli["documents"]} documents, {cli["bytes"]} bytes')
    loads = [t.get('load_average_before_after') or (t.get('run') or {}).get('load_average_before_after')
             for t in (tc, cli, batch) if t]
    if any(loads):
        print('1-minute load average before/after each timing (2 cores, shared machine): '
              + '; '.join(f'{name} {l[0]:.1f}/{l[1]:.1f}' for name, l in zip(('Chancery', 'HeidelTime per document', 'HeidelTime one JVM'), loads) if l))


if __name__ == '__main__':
    main()
