#!/usr/bin/env bash
# Chancery's benchmark suite, side by side with Python baselines on the same files.
#
#   Benchmarks/run-benchmarks.sh [SIZES...]     # default: 10MB 100MB 1GB
#
# Corpora are generated at run time with ../shared/tools/make-corpus into
# $BENCH_DIR (default /tmp/chancery-bench) and never committed. Every line
# gives seconds, MB/s and the process's peak RSS; compare ratios, not seconds
# (the machines are shared). Needs: the release build of this package and of
# chancery, and the Python packages in Benchmarks/requirements.txt (made here
# in Benchmarks/.venv when missing).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="$(cd "$root/.." && pwd)/shared"
bench_dir="${BENCH_DIR:-/tmp/chancery-bench}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10MB 100MB 1GB)

if [ ! -x "$here/.venv/bin/python3" ]; then python3 -m venv "$here/.venv"; fi
"$here/.venv/bin/python3" -m pip install -q --disable-pip-version-check -r "$here/requirements.txt"
python="$here/.venv/bin/python3"
(cd "$root" && swift build -c release --product chancery >/dev/null)
(cd "$here" && swift build -c release >/dev/null)
chancery="$root/.build/release/chancery"
bin="$here/.build/release"
lexicon="$root/Corpora/lexicons/cold-war-cables.yml"
mkdir -p "$bench_dir"
reports=()

timed() { /usr/bin/time -f "    wall %e s, peak RSS %M KB" "$@"; }

for size in "${sizes[@]}"; do
    corpus="$bench_dir/corpus-$size"
    [ -d "$corpus" ] || python3 "$shared/tools/make-corpus" --size "$size" --out "$corpus" >/dev/null
    echo "== $size: $(du -sh "$corpus" | cut -f1), $(find "$corpus" -type f | wc -l) files"
    # Every program below reads the files from the page cache, the first one included.
    find "$corpus" -type f -exec cat {} + > /dev/null
    # Term counting on one core, files streamed: unigrams, then unigrams + bigrams.
    timed "$bin/TermCounting" unigrams "$corpus"
    timed "$python" "$here/baselines/count_terms.py" unigrams "$corpus"
    timed "$bin/TermCounting" text "$corpus"
    timed "$python" "$here/baselines/count_terms.py" counter "$corpus"
    if [ "$size" != "1GB" ]; then timed "$python" "$here/baselines/count_terms.py" sklearn "$corpus"; fi
    # The report's phases on both cores, one per process.
    for phase in ingest terms topics timeline; do "$bin/ChanceryBench" "$phase" "$corpus"; done
    # Pure Python pattern matching is slow (150 s for 10 MB): the topic baseline runs on the smallest corpus only.
    if [ "$size" = "10MB" ]; then timed "$python" "$here/baselines/terms_topics.py" "$corpus" "$lexicon"; fi
    # A new folder each time: ext4 is slow to create files right after a folder of them was deleted.
    out="$bench_dir/report-$size-$$"
    echo "  chancery report (csv, xlsx, md), phases and sizes:"
    CHANCERY_PHASE_TIMES=1 timed "$chancery" report "$corpus" --out "$out" 2>&1 | grep -E "wall|wrote|phase|words"
    "$python" "$here/baselines/xlsx_terms.py" "$out/terms.csv" "$bench_dir/terms-$size-python.xlsx"
    "$bin/ChanceryBench" xlsx-terms "$corpus" "$bench_dir/terms-$size-chancery.xlsx"
    reports+=("$out")
done
echo "== XLSX, 1,000,000 rows × 5 columns"
"$bin/ChanceryBench" xlsx-rows 1000000 "$bench_dir/rows.xlsx"
rm -rf "${reports[@]}"
