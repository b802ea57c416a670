"""Load the data tables shipped in ``eventscope/data`` (TSV, ``#`` comment lines, one header line)."""
from __future__ import annotations

import csv
import functools
from importlib import resources


@functools.lru_cache(maxsize=None)
def load_table(relpath: str) -> tuple[dict[str, str], ...]:
    """Rows of ``data/<relpath>`` as dicts (read-only, cached per process)."""
    text = resources.files("eventscope").joinpath("data", relpath).read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in reader)
