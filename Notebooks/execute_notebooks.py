"""Executes Chancery's notebooks headless, top to bottom, and fails on any cell error.

    python execute_notebooks.py --out DIR NOTEBOOK.ipynb...   # check they are stripped, run each, write the runs to DIR
    python execute_notebooks.py --strip NOTEBOOK.ipynb...     # clear outputs and execution counts in place

The committed notebooks are never modified by a run: each one is executed in
memory, in its own folder (so `import chancery_notebook` works), and written
with its outputs to DIR. Committed notebooks must carry no outputs and no
execution counts; a run fails before executing anything if one does.
Run through run-notebooks.sh, which also finds the chancery binary.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ANSI = re.compile(r"\x1b\[[0-9;]*m")
KEPT_CELL_METADATA = {"tags"}


def leftovers(notebook) -> list[str]:
    """What a committed notebook should not carry: outputs, execution counts, per-cell UI state."""
    problems = []
    for number, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type == "code" and cell.get("outputs"):
            problems.append(f"cell {number} has outputs")
        if cell.cell_type == "code" and cell.get("execution_count") is not None:
            problems.append(f"cell {number} has an execution count")
        extra = set(cell.get("metadata", {})) - KEPT_CELL_METADATA
        if extra:
            problems.append(f"cell {number} has metadata {sorted(extra)}")
    return problems


def strip(notebook) -> None:
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.metadata = {key: value for key, value in cell.get("metadata", {}).items() if key in KEPT_CELL_METADATA}
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }


def execute(path: Path, out: Path, timeout: int) -> tuple[bool, str]:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        # the kernel's own start-up warnings are noise in a test log
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    try:
        client.execute()
        return True, ""
    except Exception as error:  # a cell error, a time-out or a dead kernel: report it and go on
        return False, ANSI.sub("", str(error)).strip()
    finally:
        out.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, out / path.name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, help="folder for the executed notebooks")
    parser.add_argument("--strip", action="store_true", help="clear outputs of the notebooks in place, run nothing")
    parser.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell")
    args = parser.parse_args()

    notebooks = {path: nbformat.read(path, as_version=4) for path in args.notebooks}
    if args.strip:
        for path, notebook in notebooks.items():
            strip(notebook)
            nbformat.write(notebook, path)
            print(f"stripped {path}")
        return 0
    if args.out is None:
        parser.error("--out is required unless --strip")

    dirty = {path: leftovers(notebook) for path, notebook in notebooks.items()}
    dirty = {path: problems for path, problems in dirty.items() if problems}
    for path, problems in dirty.items():
        print(f"{path}: error: committed notebook is not stripped: {'; '.join(problems)}", file=sys.stderr)
    if dirty:
        print("Clear them with: Notebooks/run-notebooks.sh --strip", file=sys.stderr)
        return 1

    failed = []
    for path in args.notebooks:
        started = time.monotonic()
        print(f"--- {path.name}", flush=True)
        ok, message = execute(path, args.out, args.timeout)
        seconds = time.monotonic() - started
        if ok:
            print(f"ok    {path.name} ({seconds:.1f} s)", flush=True)
        else:
            failed.append(path.name)
            print(f"FAIL  {path.name} ({seconds:.1f} s): a cell failed; the run with its outputs is {args.out / path.name}", flush=True)
            print(message, file=sys.stderr, flush=True)
    if failed:
        print(f"failed notebooks: {', '.join(failed)}", file=sys.stderr)
    print(f"notebooks: {len(args.notebooks) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
