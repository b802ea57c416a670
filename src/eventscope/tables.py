"""Load the data tables shipped in ``eventscope/data`` (TSV, ``#`` comment lines, one header line)."""
from __future__ import annotations

import functools
from importlib import resources


@functools.lru_cache(maxsize=None)
def load_table(relpath: str) -> tuple[dict[str, str], ...]:
    """Rows of ``data/<relpath>`` as dicts of stripped strings (read-only, cached per process).

    Blank and ``#`` lines are skipped; fields are split on tabs with no quoting (what
    ``csv.DictReader(delimiter="\\t", quoting=csv.QUOTE_NONE)`` gives, at a fifth of the cost); a
    row with fewer fields than the header gets "" for the missing ones, one with more is an error."""
    text = resources.files("eventscope").joinpath("data", relpath).read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        return ()
    header = lines[0].split("\t")
    width = len(header)
    rows = []
    for n, line in enumerate(lines[1:], 2):
        fields = line.split("\t")
        if len(fields) != width:
            if len(fields) > width:
                raise ValueError(f"data/{relpath}: data line {n} has {len(fields)} fields, the header {width}")
            fields += [""] * (width - len(fields))
        rows.append(dict(zip(header, [f.strip() for f in fields])))
    return tuple(rows)
