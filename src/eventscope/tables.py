"""Load the data tables shipped in ``eventscope/data`` (TSV, ``#`` comment lines, one header line),
and a small per-user disk cache for structures derived from data files (``load_cached``)."""
from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any


@functools.cache
def cue_words(kind: str) -> frozenset[str]:
    """The words of ``data/attributes/cues.tsv`` rows of one kind ("speech", "death", "group", "vow_verb"...)."""
    return frozenset(r["word"] for r in load_table("attributes/cues.tsv") if r["kind"] == kind)


@functools.cache
def cue_classes(kind: str) -> dict[str, str]:
    """word -> class of the ``data/attributes/cues.tsv`` rows of one kind ("preventing": negated / hypothetical /
    unless_begun; "reporter_noun": country / capital / remote)."""
    return {r["word"]: r["class"] for r in load_table("attributes/cues.tsv") if r["kind"] == kind}


@functools.cache
def report_verbs() -> frozenset[str]:
    """Verbs that report an event (``attributes/cues.tsv`` kind ``speech``: say, tell, claim...; and
    ``dates/lexicon.tsv`` kind ``report_verb``: confirm, report, acknowledge...)."""
    return cue_words("speech") | frozenset(r["word"] for r in load_table("dates/lexicon.tsv") if r["kind"] == "report_verb")


@functools.cache
def trigger_lemmas(pos: str, types: tuple[str, ...]) -> frozenset[str]:
    """Lemmas of ``events/triggers.tsv`` rows of part of speech ``pos`` ("V" or "N") coding one of the PLOVER
    ``types``: the verbs of attacking or seizing (``("V", ("ASSAULT", "COERCE"))``: attack, shoot, abduct ...), the
    nouns of protests and attacks."""
    return frozenset(r["lemma"].lower() for r in load_table("events/triggers.tsv") if r["pos"] == pos and r["plover"] in types)


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


# ---------------------------------------------------------------------------
# per-user disk cache of structures derived from data files (e.g. the gazetteer index)

CACHE_ENV = "EVENTSCOPE_CACHE_DIR"  # a folder, or "off" to disable the cache
_CACHE_FORMAT = 1


def cache_dir() -> Path | None:
    """``$EVENTSCOPE_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventscope`` or ``~/.cache/eventscope``;
    None if disabled (``EVENTSCOPE_CACHE_DIR=off``)."""
    value = os.environ.get(CACHE_ENV)
    if value is not None:
        return None if value.strip().lower() in ("", "0", "off", "no", "false") else Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eventscope"


def fingerprint(*parts: object, files: Iterable[Path] = (), stat_files: Iterable[Path] = ()) -> str:
    """Hex digest over ``parts`` (their repr), the bytes of ``files`` and the path, size and
    modification time of ``stat_files`` (large files that only change when reinstalled), plus
    the Python version and the pickle protocol."""
    h = hashlib.sha256(repr((_CACHE_FORMAT, sys.version, pickle.HIGHEST_PROTOCOL, parts)).encode())
    for path in files:
        h.update(str(path).encode() + b"\0" + Path(path).read_bytes() + b"\0")
    for path in stat_files:
        st = os.stat(path)
        h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()


def _cache_file(folder: Path, name: str, key: str) -> Path:
    """One file per key, so checkouts or installs with different code keep their own entry."""
    return folder / f"{name}-{key[:16]}.pickle"


def load_cached(name: str, key: str) -> Any | None:
    """The value stored by ``store_cached(name, key, value)``, or None if there is none for this
    exact key (or the cache is off, unreadable or damaged: the caller then rebuilds)."""
    folder = cache_dir()
    if folder is None:
        return None
    path = _cache_file(folder, name, key)
    try:
        with open(path, "rb") as fh:
            stored_key, value = pickle.load(fh)
    except Exception:  # noqa: BLE001 - missing, stale format or damaged: rebuild
        return None
    if stored_key != key:
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept when older entries are pruned
    return value


CACHE_KEEP = 3  # entries kept per name: the most recently used


def store_cached(name: str, key: str, value: Any) -> bool:
    """Write ``value`` under ``name`` for ``key`` (atomically: readers see the old or the new
    file, never a partial one) and remove all but the ``CACHE_KEEP`` most recently used entries
    of ``name``; False if the cache is off or not writable."""
    folder = cache_dir()
    if folder is None:
        return False
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((key, value), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, _cache_file(folder, name, key))
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no error
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return False
    with contextlib.suppress(OSError):
        entries = sorted(folder.glob(f"{name}-*.pickle"), key=lambda f: f.stat().st_mtime_ns, reverse=True)
        for old in entries[CACHE_KEEP:]:
            old.unlink()
        (folder / f"{name}.pickle").unlink(missing_ok=True)  # the single-file layout before per-key files
    return True
