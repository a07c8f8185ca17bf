#!/usr/bin/env python3
"""TempEval-3 style scoring of temporal expressions (TIMEX3) against the hand-made gold set.

    score.py GOLD.jsonl PRED.jsonl [--annotated README.md] [--json OUT.json] [--errors]

Both files hold one expression per line in the gold format of Documentation/TemporalAnnotation.md
(section 8): document_id, start, end (UTF-8 byte offsets into the body, end exclusive), text, type,
value (mod, anchor, range_end are read when present). Only the documents of the gold are scored:
those with a gold expression, plus, with --annotated, every document listed in the gold README's
```annotated block (a document annotated with no expression tests precision). Predictions in other
documents are left out (and counted); a scored document without predictions has all its gold
expressions missed.

Matching (--matching te3, the default), as TempEval-3's scorer counts: a prediction is correct
in relaxed span when it overlaps a gold expression of its document by at least one byte, a gold
expression is found when a prediction overlaps it; each side is counted on its own, so a gold
expression split in two by a tagger gives two correct predictions and one found expression. Each
expression's partner on the other side is the one it overlaps most (ties: nearest start, then
first); values and types are compared with that partner. Strict span: the spans are equal.
--matching one-to-one pairs predictions and gold expressions instead, the largest overlaps first
(ties: nearest start): a second piece of a split expression is then a false positive.

Measures, for each category: relaxed and strict span P / R / F1; value accuracy (found gold
expressions whose partner has the same value, over the found ones); value P / R / F1, as
TempEval-3's value F1: a relaxed match counts only when the values are equal too (P: predictions
whose partner has the same value, over all predictions; R: gold expressions whose partner has the
same value, over all gold expressions); type accuracy (over the found gold expressions).

Categories. `all`: every expression. `DATE`: gold type DATE. `relative DATE`: gold DATE whose
anchor is document, narrative or context, or whose value is PRESENT_REF, PAST_REF or FUTURE_REF.
`calendar DATE`: gold DATE whose value is not one of those three. (The last two overlap: "last June"
is both.) A prediction with a gold partner belongs to its partner's categories. An unmatched prediction
belongs to the categories its own type and value give: DATE if its type is DATE, relative DATE if
it is a DATE valued *_REF, calendar DATE if it is a DATE with another value; predictions' anchors
are not used (HeidelTime gives none).

Value normalisation, applied to gold and predictions alike before comparing: surrounding space
removed and letters upper-cased; a time zone `Z` after a time of day dropped (`1961-07-11T02:48Z`
= `1961-07-11T02:48`: the gold marks cable date-time groups as UTC, no tagger here writes zones);
zero seconds dropped (`T17:00:00` = `T17:00`); TimeML 1.2 decades and centuries written with X
(`196` = `196X`, `19` = `19XX`); durations in decades or centuries written in years (`P2DE` =
`P20Y`, `P1CE` = `P100Y`; `PXDE` stays). Nothing else: `P1W` and `P7D` differ, as in TempEval-3.

--errors lists, per document and offset, the misses, the false positives, the relaxed matches
with a wrong value or type or a different span, and further pieces on a gold expression already
matched ("extra piece"), with the expressions' own text only (never their sentences).
"""
import argparse
import collections
import json
import re
import sys

import common

REFS = {'PRESENT_REF', 'PAST_REF', 'FUTURE_REF'}
RELATIVE_ANCHORS = {'document', 'narrative', 'context'}
CATEGORIES = ('all', 'DATE', 'relative DATE', 'calendar DATE')


def normalise(value):
    """The value in the form both sides are compared in (see the module's docstring)."""
    if value is None:
        return ''
    value = str(value).strip().upper()
    value = re.sub(r'(T\d\d(?::?\d\d){0,2})Z$', r'\1', value)
    value = re.sub(r'(T\d\d:\d\d):00$', r'\1', value)
    if re.fullmatch(r'\d{3}', value):
        value += 'X'
    elif re.fullmatch(r'\d{2}', value):
        value += 'XX'
    decades = re.fullmatch(r'P(\d+)(DE|CE)', value)
    if decades:
        value = f'P{int(decades.group(1)) * (10 if decades.group(2) == "DE" else 100)}Y'
    return value


def gold_categories(rec):
    cats = {'all'}
    if rec.get('type') == 'DATE':
        cats.add('DATE')
        value = normalise(rec.get('value'))
        if rec.get('anchor') in RELATIVE_ANCHORS or value in REFS:
            cats.add('relative DATE')
        if value not in REFS:
            cats.add('calendar DATE')
    return cats


def prediction_categories(rec):
    cats = {'all'}
    if rec.get('type') == 'DATE':
        cats.add('DATE')
        cats.add('relative DATE' if normalise(rec.get('value')) in REFS else 'calendar DATE')
    return cats


def load(path, role):
    records = common.read_jsonl(path)
    for number, rec in enumerate(records, 1):
        for key in ('document_id', 'start', 'end', 'type', 'value'):
            if key not in rec:
                sys.exit(f'{path}: record {number}: no {key!r} ({role})')
        if not (isinstance(rec['start'], int) and isinstance(rec['end'], int) and 0 <= rec['start'] < rec['end']):
            sys.exit(f'{path}: record {number}: bad offsets {rec["start"]}..{rec["end"]} ({role})')
    return records


def best_overlaps(gold, pred):
    """For each gold expression its best overlapping prediction, and for each prediction its best
    overlapping gold expression (largest overlap, then nearest start, then first), or None."""
    gold_partner, pred_partner = [None] * len(gold), [None] * len(pred)
    gold_best, pred_best = [None] * len(gold), [None] * len(pred)
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g['end'], p['end']) - max(g['start'], p['start'])
            if overlap > 0:
                rank = (-overlap, abs(g['start'] - p['start']))
                if gold_best[gi] is None or rank < gold_best[gi]:
                    gold_best[gi], gold_partner[gi] = rank, pi
                if pred_best[pi] is None or rank < pred_best[pi]:
                    pred_best[pi], pred_partner[pi] = rank, gi
    return gold_partner, pred_partner


def one_to_one(gold, pred):
    """One-to-one pairs within a document, the largest overlaps paired first (ties: nearest start)."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g['end'], p['end']) - max(g['start'], p['start'])
            if overlap > 0:
                candidates.append((-overlap, abs(g['start'] - p['start']), gi, pi))
    candidates.sort()
    gold_partner, pred_partner = [None] * len(gold), [None] * len(pred)
    for _, _, gi, pi in candidates:
        if gold_partner[gi] is None and pred_partner[pi] is None:
            gold_partner[gi], pred_partner[pi] = pi, gi
    return gold_partner, pred_partner


def prf(tp_p, n_pred, tp_r, n_gold):
    precision = tp_p / n_pred if n_pred else 0.0
    recall = tp_r / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(gold_records, pred_records, documents, matching='te3'):
    gold_by_doc, pred_by_doc = collections.defaultdict(list), collections.defaultdict(list)
    for rec in gold_records:
        gold_by_doc[rec['document_id']].append(rec)
    ignored = 0
    for rec in pred_records:
        if rec['document_id'] in documents:
            pred_by_doc[rec['document_id']].append(rec)
        else:
            ignored += 1
    counts = {c: collections.Counter() for c in CATEGORIES}
    errors = []  # (document, start, kind, gold, pred)
    same_value = lambda g, p: normalise(g['value']) == normalise(p['value'])
    for doc in sorted(documents):
        gold = sorted(gold_by_doc.get(doc, []), key=lambda r: (r['start'], r['end']))
        pred = sorted(pred_by_doc.get(doc, []), key=lambda r: (r['start'], r['end']))
        gold_partner, pred_partner = (best_overlaps if matching == 'te3' else one_to_one)(gold, pred)
        spans = collections.defaultdict(list)
        for index, p in enumerate(pred):
            spans[(p['start'], p['end'])].append(index)
        gold_spans = {(g['start'], g['end']): index for index, g in enumerate(gold)}
        strict_gold = [spans[(g['start'], g['end'])][0] if spans.get((g['start'], g['end'])) else None for g in gold]
        strict_pred = [gold_spans.get((p['start'], p['end'])) for p in pred]
        if matching != 'te3':  # one-to-one: a second prediction with the same span is not a match
            strict_pred = [gi if gi is not None and strict_gold[gi] == pi else None for pi, gi in enumerate(strict_pred)]
        gold_cats = [gold_categories(g) for g in gold]
        for gi, g in enumerate(gold):
            partner = gold_partner[gi]
            for c in gold_cats[gi]:
                counts[c]['gold'] += 1
                counts[c]['strict_gold'] += strict_gold[gi] is not None
                if partner is not None:
                    counts[c]['relaxed_gold'] += 1
                    counts[c]['value_gold'] += same_value(g, pred[partner])
                    counts[c]['type_gold'] += g['type'] == pred[partner]['type']
            if partner is None:
                errors.append((doc, g['start'], 'miss', g, None))
                continue
            p = pred[partner]
            bad = [k for k, wrong in (('value', not same_value(g, p)), ('type', g['type'] != p['type']),
                                      ('span', (g['start'], g['end']) != (p['start'], p['end']))) if wrong]
            if bad:
                errors.append((doc, g['start'], '+'.join(bad), g, p))
        for pi, p in enumerate(pred):
            partner = pred_partner[pi]
            # A prediction that overlaps the gold takes its gold partner's categories, else its own.
            cats = gold_cats[partner] if partner is not None else prediction_categories(p)
            for c in cats:
                counts[c]['pred'] += 1
                if partner is not None:
                    counts[c]['relaxed_pred'] += 1
                    counts[c]['value_pred'] += same_value(gold[partner], p)
            strict_cats = gold_cats[strict_pred[pi]] if strict_pred[pi] is not None else prediction_categories(p)
            for c in strict_cats:
                counts[c]['strict_pred_n'] += 1
                counts[c]['strict_pred'] += strict_pred[pi] is not None
            if partner is None:
                errors.append((doc, p['start'], 'false positive', None, p))
            elif gold_partner[partner] != pi:  # a further prediction on a gold expression matched already
                kind = 'extra piece' + ('' if same_value(gold[partner], p) else ' (value)')
                errors.append((doc, p['start'], kind, gold[partner], p))
    metrics = {}
    for c in CATEGORIES:
        k = counts[c]
        rp, rr, rf = prf(k['relaxed_pred'], k['pred'], k['relaxed_gold'], k['gold'])
        sp, sr, sf = prf(k['strict_pred'], k['strict_pred_n'], k['strict_gold'], k['gold'])
        vp, vr, vf = prf(k['value_pred'], k['pred'], k['value_gold'], k['gold'])
        metrics[c] = {
            'gold': k['gold'], 'pred': k['pred'], 'gold_found': k['relaxed_gold'], 'pred_matched': k['relaxed_pred'],
            'relaxed': {'p': rp, 'r': rr, 'f1': rf}, 'strict': {'p': sp, 'r': sr, 'f1': sf},
            'value_accuracy': k['value_gold'] / k['relaxed_gold'] if k['relaxed_gold'] else 0.0,
            'value': {'p': vp, 'r': vr, 'f1': vf},
            'type_accuracy': k['type_gold'] / k['relaxed_gold'] if k['relaxed_gold'] else 0.0,
        }
    return metrics, errors, ignored


def show(rec):
    if rec is None:
        return '-'
    mod = f' {rec["mod"]}' if rec.get('mod') else ''
    return f'{rec["start"]}-{rec["end"]} {json.dumps(rec.get("text", ""), ensure_ascii=False)} {rec["type"]} {rec["value"]}{mod}'


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('gold')
    parser.add_argument('pred')
    parser.add_argument('--annotated', metavar='README', help='score every document in this README\'s ```annotated block too')
    parser.add_argument('--json', metavar='OUT', help='write the measures here as JSON')
    parser.add_argument('--errors', action='store_true', help='list misses, false positives and wrong values')
    parser.add_argument('--matching', choices=('te3', 'one-to-one'), default='te3',
                        help='te3 (default): each side matched on its own by overlap; one-to-one: pairs')
    args = parser.parse_args()
    gold = load(args.gold, 'gold')
    pred = load(args.pred, 'prediction')
    documents = {r['document_id'] for r in gold}
    if args.annotated:
        documents |= set(common.annotated_documents(args.annotated))
    metrics, errors, ignored = score(gold, pred, documents, args.matching)

    print(f'{len(documents)} documents scored; {len(gold)} gold expressions; '
          f'{len(pred) - ignored} predictions in them ({ignored} in other documents left out)')
    header = (f'{"category":<14} {"gold":>5} {"pred":>5}  {"relaxed P/R/F1":<17} {"strict P/R/F1":<17} '
              f'{"val.acc":>7}  {"value P/R/F1":<17} {"type.acc":>8}')
    print(header)
    for c in CATEGORIES:
        m = metrics[c]
        triple = lambda t: f'{t["p"]:.3f}/{t["r"]:.3f}/{t["f1"]:.3f}'
        print(f'{c:<14} {m["gold"]:>5} {m["pred"]:>5}  {triple(m["relaxed"]):<17} {triple(m["strict"]):<17} '
              f'{m["value_accuracy"]:>7.3f}  {triple(m["value"]):<17} {m["type_accuracy"]:>8.3f}')
    if args.errors:
        tally = collections.Counter(kind for _, _, kind, _, _ in errors)
        print('\nerrors: ' + ', '.join(f'{kind} {n}' for kind, n in sorted(tally.items())))
        print('document\tkind\tgold (start-end "text" type value)\tpredicted')
        for doc, _, kind, g, p in sorted(errors, key=lambda e: (e[0], e[1], e[2])):
            print(f'{doc}\t{kind}\t{show(g)}\t{show(p)}')
    if args.json:
        with open(args.json, 'w') as handle:
            json.dump({'documents': len(documents), 'ignored_predictions': ignored, 'metrics': metrics,
                       'matching': args.matching,
                       'errors': collections.Counter(kind for _, _, kind, _, _ in errors)}, handle, indent=1)


if __name__ == '__main__':
    main()
