"""Helpers shared by Chancery's notebooks.

They find the repository and the ``chancery`` program, run ``chancery
report`` into a scratch folder that git ignores (``out/notebooks/``), read the
report's CSV files with the right column types, turn ISO dates at their
precision into the days they cover, and save figures as PNG files.

Nothing here computes a measure: every figure in the notebooks comes from
Chancery's own output files.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd

# --------------------------------------------------------------------------
# Where things are


def repository_root() -> Path:
    """The Chancery repository: $CHANCERY_ROOT, else the first folder up from here holding Package.swift."""
    if os.environ.get("CHANCERY_ROOT"):
        return Path(os.environ["CHANCERY_ROOT"]).resolve()
    for folder in [Path.cwd(), *Path.cwd().parents, Path(__file__).resolve().parent.parent]:
        if (folder / "Package.swift").is_file() and (folder / "Corpora").is_dir():
            return folder
    raise FileNotFoundError(
        "cannot find the Chancery repository (a folder with Package.swift and Corpora/) "
        f"above {Path.cwd()}; open the notebook from Notebooks/ or set CHANCERY_ROOT"
    )


ROOT = repository_root()
SCRATCH = ROOT / "out" / "notebooks"  # /out/ is in .gitignore
FIGURES = SCRATCH / "figures"


def chancery_binary() -> Path:
    """The chancery program: $CHANCERY_BIN, else the release build, else the debug build, else one on PATH."""
    candidates = []
    if os.environ.get("CHANCERY_BIN"):
        candidates.append(Path(os.environ["CHANCERY_BIN"]))
    candidates += [ROOT / ".build" / "release" / "chancery", ROOT / ".build" / "debug" / "chancery"]
    on_path = shutil.which("chancery")
    if on_path:
        candidates.append(Path(on_path))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate.resolve()
    raise FileNotFoundError(
        "the chancery program is not built; in the repository run:\n"
        "    swift build -c release --product chancery\n"
        "or point CHANCERY_BIN at a chancery binary"
    )


def corpus_path(name: str | os.PathLike) -> Path:
    """A corpus folder or file; a relative name is read from the repository root."""
    path = Path(name).expanduser()
    if not path.is_absolute():
        path = ROOT / path
    path = path.resolve()
    if not path.exists():
        raise FileNotFoundError(f"no corpus at {path}")
    return path


def shared_corpus(name: str) -> Path | None:
    """A real corpus in ../shared/corpora beside the repository, or None when it is not there."""
    path = (ROOT.parent / "shared" / "corpora" / name).resolve()
    return path if path.exists() else None


def corpora(corpus: str, real_corpus: str) -> tuple[Path, Path | None]:
    """The corpus a notebook reads and the real one it shows beside it.

    The first is $CHANCERY_NOTEBOOK_CORPUS when set, else `corpus`; the second
    is `real_corpus` in ../shared/corpora, or None when that folder is not
    beside the repository, `real_corpus` is empty, or it is the first already.
    """
    main = corpus_path(os.environ.get("CHANCERY_NOTEBOOK_CORPUS") or corpus)
    real = shared_corpus(real_corpus) if real_corpus else None
    return main, (None if real == main else real)


def display_path(path: Path) -> str:
    """A path as a reader would type it from the repository root."""
    try:
        return os.path.relpath(path, ROOT)
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------
# Running chancery


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "corpus"


def run_chancery(*arguments: str | os.PathLike, ok=(0, 1)) -> subprocess.CompletedProcess:
    """Runs chancery with these arguments; fails with its message unless the exit status is in `ok`.

    Exit status 1 means some files were skipped (each is named on stderr and
    in skipped.csv); the rest was read, so the notebooks go on.
    """
    command = [str(chancery_binary()), *(display_path(a) if isinstance(a, Path) else str(a) for a in arguments)]
    # From the repository root, with paths relative to it, so that the report's
    # manifest reads the same on every machine.
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if result.returncode not in ok:
        raise RuntimeError(
            f"chancery exited with status {result.returncode}: {' '.join(command)}\n{result.stderr}"
        )
    return result


def run_report(corpus: Path, notebook: str, *options: str, label: str | None = None) -> Path:
    """Runs `chancery report CORPUS --out out/notebooks/<notebook>/<label>` and returns the report folder.

    A previous report in the same folder is replaced (chancery does that
    itself, atomically).
    """
    label = label or _slug(display_path(corpus).replace("../", ""))
    out = SCRATCH / notebook / label
    out.parent.mkdir(parents=True, exist_ok=True)
    result = run_chancery("report", corpus, "--out", out, *options)
    print(f"$ chancery report {display_path(corpus)} --out {display_path(out)} {' '.join(options)}".rstrip())
    said = (result.stdout + result.stderr).strip()
    print(f"  exit status {result.returncode}" + (": " + said.replace("\n", "\n  ") if said else ""))
    return out


def chancery_csv(*arguments: str | os.PathLike) -> pd.DataFrame:
    """Runs a chancery command with --csv and reads what it prints as a table."""
    result = run_chancery(*arguments, "--csv")
    return pd.read_csv(io.StringIO(result.stdout), dtype=_TEXT_COLUMNS, keep_default_na=False)


# --------------------------------------------------------------------------
# Reading the report

# Columns that hold text even when they look like numbers ("1962" is a date at
# year precision, not the number 1962; "196X" is a decade).
_TEXT_COLUMNS = {
    name: "string"
    for name in [
        "id", "document_id", "title", "date", "date_precision", "document_date", "implied_start",
        "group", "term", "topic", "year", "number", "value", "modifier", "duration", "place",
        "original_language", "translator", "archive_reference", "source_url", "format", "file",
        "date_text", "date_source", "summary", "citation", "contents", "collection", "report",
        "expression", "resolution", "sentence", "actors", "topics", "kind", "events", "left",
        "match", "right", "matched_terms", "location", "reason", "code",
    ]
}


def read_table(report: Path, name: str) -> pd.DataFrame:
    """One CSV file of a report, e.g. read_table(report, "documents").

    Text columns stay text (an empty cell is ""), counts and measures are
    numbers, and `vague` is True or False.
    """
    table = pd.read_csv(report / f"{name}.csv", dtype=_TEXT_COLUMNS, keep_default_na=False)
    if "vague" in table.columns:
        table["vague"] = table["vague"].astype(str).eq("true")
    return table


# --------------------------------------------------------------------------
# Dates at their precision

_ISO = re.compile(r"^(\d{3})(\d|X)(?:-(\d{2}))?(?:-(\d{2}))?$")


def date_span(iso: str) -> tuple[_dt.date, _dt.date] | None:
    """The first and last day an ISO date at its precision covers, or None when there is no date.

    "1962-12-08" covers one day; "1962-12" the 31 days of December 1962;
    "1962" the whole year; "196X" the decade 1960-1969.
    """
    match = _ISO.match(str(iso or ""))
    if not match:
        return None
    century_decade, last_digit, month, day = match.groups()
    if last_digit == "X":
        start = int(century_decade + "0")
        return _dt.date(start, 1, 1), _dt.date(start + 9, 12, 31)
    year = int(century_decade + last_digit)
    if month is None:
        return _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    if day is None:
        first = _dt.date(year, int(month), 1)
        following = _dt.date(year + (int(month) == 12), int(month) % 12 + 1, 1)
        return first, following - _dt.timedelta(days=1)
    day_ = _dt.date(year, int(month), int(day))
    return day_, day_


def date_start(iso: str) -> _dt.date | None:
    """The first day an ISO date covers (a Python date, so years before 1677 work too)."""
    span = date_span(iso)
    return span[0] if span else None


def year_of(iso: str) -> int | None:
    """The year of an ISO date, or None for an undated document or a decade."""
    match = re.match(r"^(\d{4})", str(iso or ""))
    return int(match.group(1)) if match else None


def target_splits(documents: pd.DataFrame, target: str) -> bool:
    """Whether a keyness target (a date, a range FROM..TO, ids, topic:NAME) leaves documents on both sides."""
    if target.startswith("topic:"):
        return len(documents) > 1  # known only once the lexicon is applied; chancery says so if not
    if ".." in target:
        first, last = (date_span(part) for part in target.split("..", 1))
    else:
        first = last = date_span(target)
    if first is None or last is None:  # document ids
        inside = documents["id"].isin(target.split(",")).tolist()
    else:
        spans = [date_span(d) for d in documents["date"]]
        inside = [bool(span and span[0] <= last[1] and span[1] >= first[0]) for span in spans]
    return any(inside) and not all(inside)


def choose_period(dates) -> str:
    """"year" when the dates cover three years or more, else "month" (a collection of a year or two)."""
    years = {year_of(d) for d in dates} - {None}
    return "year" if len(years) >= 3 else "month"


def period_of(iso: str, unit: str) -> str | None:
    """The year ("1962") or month ("1962-12") an ISO date falls in; None when it is not known that finely."""
    if unit == "year":
        year = year_of(iso)
        return None if year is None else f"{year:04d}"
    match = re.match(r"^(\d{4}-\d{2})", str(iso or ""))
    return match.group(1) if match else None


def all_periods(labels, unit: str) -> list[str]:
    """Every year or month from the first label to the last, the empty ones included, in order."""
    labels = sorted(labels)
    if not labels:
        return []
    if unit == "year":
        return [f"{y:04d}" for y in range(int(labels[0]), int(labels[-1]) + 1)]
    (y0, m0), (y1, m1) = (map(int, labels[0].split("-")), map(int, labels[-1].split("-")))
    return [f"{m // 12:04d}-{m % 12 + 1:02d}" for m in range(y0 * 12 + m0 - 1, y1 * 12 + m1)]


def documents_by_period(documents: pd.DataFrame) -> tuple[str, pd.DataFrame]:
    """The period unit for these documents and those dated finely enough for it, with a `period` column."""
    unit = choose_period(documents["date"])
    dated = documents.assign(period=[period_of(d, unit) for d in documents["date"]])
    return unit, dated[dated["period"].notna()]


def period_labels(n_documents: pd.Series) -> list[str]:
    """Axis labels for periods that say how many documents stand behind each: "1962\n2 docs"."""
    return [f"{period}\n{n} doc{'s' if n != 1 else ''}" for period, n in n_documents.items()]


# --------------------------------------------------------------------------
# Figures


def save_figure(figure, notebook: str, number: int) -> Path:
    """Saves a matplotlib figure as out/notebooks/figures/<notebook>-<number>.png and returns the path."""
    FIGURES.mkdir(parents=True, exist_ok=True)
    path = FIGURES / f"{notebook}-{number}.png"
    figure.savefig(path, dpi=110, bbox_inches="tight")
    print(f"saved {display_path(path)}")
    return path


def kwic_lines(rows: pd.DataFrame, width: int = 45) -> str:
    """KWIC rows as aligned text: date, document, the left context right-aligned, | the hit |, the right context.

    The hit is set off with bars, not brackets, since square brackets in the
    context are the editors' own.
    """
    lines = []
    for row in rows.itertuples():
        left = str(row.left)[-width:]
        right = str(row.right)[:width]
        document = str(row.document_id).rsplit("/", 1)[-1][:24]
        lines.append(f"{row.date:<10}  {document:<24}  {left:>{width}} | {row.match} | {right}")
    return "\n".join(lines)
