"""What the temporal benchmark scripts share: the gold set's sources, the document bodies as
Chancery reads them, the list of annotated documents and the JSON-lines record format.

The gold set is Tests/Fixtures/temporal-gold (guidelines: Documentation/TemporalAnnotation.md).
Its offsets are UTF-8 byte offsets into each document body as `chancery documents PATH --json`
prints it, so every adapter here reads the bodies the same way.
"""
import collections
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))  # the package root
GOLD_DIR = os.path.join(ROOT, 'Tests', 'Fixtures', 'temporal-gold')
GOLD_README = os.path.join(GOLD_DIR, 'README.md')
# The gold set's sources, as Tests/Fixtures/temporal-gold/check.py names them.
SOURCES = collections.OrderedDict([
    ('frus-dev', os.path.join(ROOT, '..', 'shared', 'corpora', 'frus-dev')),
    ('seed', os.path.join(ROOT, '..', 'shared', 'corpora', 'seed')),
    ('demo', os.path.join(ROOT, 'Corpora', 'demo')),
])
# The fields of a gold record (Documentation/TemporalAnnotation.md, section 8); predictions use them too.
FIELDS = ('document_id', 'start', 'end', 'text', 'type', 'value', 'mod', 'anchor', 'range_end')


def parse_sources(pairs):
    """`name=PATH` pairs from the command line, or the gold set's own three sources."""
    if not pairs:
        return list(SOURCES.items())
    result = []
    for pair in pairs:
        name, sep, path = pair.partition('=')
        if not sep or not name or not path:
            sys.exit(f'--source {pair!r}: expected NAME=PATH')
        result.append((name, path))
    return result


def load_documents(chancery, path):
    """Runs `chancery documents PATH --json`; returns its documents in its order (a list of dicts)."""
    run = subprocess.run([chancery, 'documents', path, '--json'], capture_output=True)
    if run.returncode != 0:
        sys.exit(f'{chancery} documents {path} --json failed ({run.returncode}):\n'
                 + run.stderr.decode('utf-8', 'replace'))
    return json.loads(run.stdout)


def iso_date(document):
    """The document's own date as YYYY-MM-DD (a month or year alone takes day 1, month 1), or None."""
    date = document.get('date')
    value = date and date.get('value')
    if not value or not value.get('year'):
        return None
    return f"{value['year']:04d}-{value.get('month') or 1:02d}-{value.get('day') or 1:02d}"


def annotated_documents(readme=GOLD_README):
    """The document ids in the gold README's ```annotated block (`source: document_id` lines)."""
    text = open(readme, encoding='utf-8').read()
    block = re.search(r'```annotated\n(.*?)```', text, re.S)
    if not block:
        sys.exit(f'{readme} has no ```annotated block listing the annotated documents')
    ids = []
    for line in block.group(1).splitlines():
        if line.strip():
            ids.append(line.split(':', 1)[1].strip())
    return ids


def read_jsonl(path):
    records = []
    with open(path, encoding='utf-8') as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as error:
                    sys.exit(f'{path}:{number}: not JSON ({error})')
    return records


def write_jsonl(path, records):
    with open(path, 'w', encoding='utf-8') as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + '\n')


def record(document_id, start, end, text, type_, value, mod=None, anchor=None, range_end=None):
    """A prediction in the gold format."""
    return {'document_id': document_id, 'start': start, 'end': end, 'text': text, 'type': type_,
            'value': value, 'mod': mod, 'anchor': anchor, 'range_end': range_end}


def byte_offsets(text):
    """A function from a character offset in `text` to its UTF-8 byte offset."""
    table = [0]
    for character in text:
        table.append(table[-1] + len(character.encode('utf-8')))
    return lambda index: table[index]
