#!/usr/bin/env bash
# Executes every notebook in Notebooks/ headless, top to bottom, and fails on
# any cell error, naming the notebook. The committed .ipynb files are not
# modified: the runs, with their outputs, go to out/notebooks/executed/, the
# reports they read to out/notebooks/<notebook>/ and the plots to
# out/notebooks/figures/ (out/ is git-ignored).
#
#   Notebooks/run-notebooks.sh [PYTHON]           # run them all
#   Notebooks/run-notebooks.sh --strip [PYTHON]   # clear outputs after editing in Jupyter
#
# PYTHON is the python of a virtual environment with Notebooks/requirements.txt
# installed (default: $CHANCERY_PYTHON), for example:
#
#   python3 -m venv /tmp/chancery-notebooks
#   /tmp/chancery-notebooks/bin/pip install -r Notebooks/requirements.txt
#   Notebooks/run-notebooks.sh /tmp/chancery-notebooks/bin/python
#
# Environment:
#   CHANCERY_BIN              the chancery binary to run; when unset, this script
#                             builds it with `swift build -c release --product chancery`
#   CHANCERY_NOTEBOOK_CORPUS  a corpus to read instead of Corpora/demo
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
scratch="$root/out/notebooks"

strip=0
if [ "${1:-}" = "--strip" ]; then strip=1; shift; fi
python="${1:-${CHANCERY_PYTHON:-}}"
if [ -z "$python" ]; then
    echo "usage: Notebooks/run-notebooks.sh [--strip] PYTHON   (or set CHANCERY_PYTHON)" >&2
    echo "PYTHON: a virtual environment's python with Notebooks/requirements.txt installed" >&2
    exit 2
fi
if ! "$python" -c 'import nbclient, ipykernel, pandas, matplotlib, openpyxl' 2>/dev/null; then
    echo "error: $python lacks the notebooks' packages; install them with:" >&2
    echo "    $python -m pip install -r Notebooks/requirements.txt" >&2
    exit 2
fi

notebooks=("$here"/[0-9][0-9]-*.ipynb)
if [ "$strip" -eq 1 ]; then
    exec "$python" "$here/execute_notebooks.py" --strip "${notebooks[@]}"
fi

# The chancery binary: as given, else built (incrementally) from this tree.
if [ -z "${CHANCERY_BIN:-}" ]; then
    if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
        export PATH="/opt/swift/usr/bin:$PATH"
    fi
    if command -v swift >/dev/null 2>&1; then
        echo "==> swift build -c release --product chancery" >&2
        (cd "$root" && swift build -c release --product chancery >&2)
        CHANCERY_BIN="$(cd "$root" && swift build -c release --show-bin-path)/chancery"
    else
        for candidate in "$root/.build/release/chancery" "$root/.build/debug/chancery"; do
            if [ -x "$candidate" ]; then CHANCERY_BIN="$candidate"; break; fi
        done
    fi
fi
if [ ! -x "${CHANCERY_BIN:-}" ]; then
    echo "error: no chancery binary: build it with 'swift build -c release --product chancery' or set CHANCERY_BIN" >&2
    exit 2
fi
export CHANCERY_BIN

# The notebooks show ../shared/corpora when it is there and pass without it;
# under CI it must be there, as for the Swift tests that read it.
if [ -n "${CI:-}" ] && [ ! -d "$root/../shared/corpora" ]; then
    echo "error: CI is set but ../shared/corpora is not beside the repository; the notebooks' real-document sections would not run" >&2
    exit 1
fi

# Keep Jupyter, IPython and matplotlib state in the scratch folder, not in $HOME,
# and no __pycache__ beside the notebooks.
mkdir -p "$scratch"
export JUPYTER_PLATFORM_DIRS=1
export JUPYTER_RUNTIME_DIR="$scratch/.runtime"
export IPYTHONDIR="$scratch/.ipython"
export MPLCONFIGDIR="$scratch/.matplotlib"
export PYTHONDONTWRITEBYTECODE=1

echo "==> notebooks with $CHANCERY_BIN on ${CHANCERY_NOTEBOOK_CORPUS:-Corpora/demo}$([ -d "$root/../shared/corpora" ] && echo ' and ../shared/corpora')" >&2
started=$SECONDS
status=0
"$python" "$here/execute_notebooks.py" --out "$scratch/executed" "${notebooks[@]}" || status=$?
echo "==> notebooks took $((SECONDS - started)) s; runs in ${scratch#"$root"/}/executed/, plots in ${scratch#"$root"/}/figures/" >&2
exit "$status"
