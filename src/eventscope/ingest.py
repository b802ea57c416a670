"""Ingest stage: read articles from files or stdin and clean their text.

Reading (``iter_articles``) and cleaning (``IngestStage``) are split on purpose:
the reader runs once on the driver and yields *raw* ``Article`` records; the
stage normalises their text, so the same stage runs in-process or under Ray.

Input formats (chosen by file extension; ``-`` reads stdin and sniffs it):

* ``.txt`` -- one article per file.  The first line becomes the ``title`` only
  when it is obviously a headline: at most 150 characters, not ending in
  ``. , ; :``, not a page-chrome line, followed by a blank line and more text.
  The headline is then removed from the body (a JSONL record also keeps its
  title outside ``text``, so both give the same cleaned text and id).
* ``.html`` / ``.htm`` -- main text, title, canonical url and site name via
  trafilatura; each extracted line becomes one paragraph.
* ``.jsonl`` (streamed line by line) and ``.json`` (JSONL, or one JSON array /
  object) -- one article per record with keys ``id``, ``text`` or ``html``,
  ``url``, ``title``, ``published``, ``source``; other keys (and the contents
  of a ``metadata`` object) are kept in ``Article.metadata``.
* directories -- walked recursively in sorted order, keeping files whose
  extension is in ``ingest.extensions``; hidden files and folders are skipped.

Publication date (the anchor of relative dates) precedence, recorded in
``Article.published_from``: **record > html-meta > url > dateline >
updated-line > cli > none**.  A record's own ``published`` wins; else the date
htmldate finds in the page's markup (meta tags, JSON-LD, ``<time>`` elements --
never a date written in the body text); else a date in the article URL
(``/2015/09/29/``, ``/20150929/``, ``2015-09-29``); else a dateline at the
start of the text ("MOSCOW, Sept. 29 (Reuters) -", a first line "Tuesday,
September 29, 2015"); else a "Published …" / "Updated on …" timestamp line
(read from the raw text, before ``IngestStage`` strips it as page chrome);
else the ``published`` argument (CLI ``--published``), which only fills
missing dates.  The patterns are in ``data/ingest/anchor_patterns.tsv``
(``find_anchor``); a dateline without a year takes it from a year-only URL
segment (``/2015/``) or from ``--published``.  Anchors found in the URL or the
text say why in ``metadata["published_reason"]``.  With none of them the
article has ``published=None`` and ``published_from="none"`` -- never today's
date.

Bad input inside a run (invalid JSON line, wrong field type, undecodable
bytes, empty file, HTML without a body, text shorter than
``ingest.min_chars`` after cleaning) is reported through ``on_problem`` with a
numbered message naming file and line, and the record is skipped.  Only a
path that does not exist raises (``E101``).
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from .config import Config
from .errors import Errors, EventscopeError, warning
from .schema import Article, Work
from .stage import Stage

log = logging.getLogger("eventscope.ingest")

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
RECORD_FIELDS = ("id", "text", "html", "url", "title", "published", "source", "metadata")
TITLE_MAX_CHARS = 150

ChromePattern = tuple[re.Pattern[str], str]


# --------------------------------------------------------------------------- tables


@functools.lru_cache(maxsize=None)
def load_chrome_patterns() -> tuple[ChromePattern, ...]:
    """Read ``data/ingest/chrome_patterns.tsv``: ``(compiled regex, description)`` pairs.

    Lines starting with ``#`` are comments; the first other line is the
    ``pattern<TAB>description`` header.  Patterns are case-insensitive and are
    applied with ``fullmatch`` to a stripped line, so they only ever remove a
    whole line.
    """
    text = resources.files("eventscope").joinpath("data/ingest/chrome_patterns.tsv").read_text("utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not rows or rows[0].split("\t")[:2] != ["pattern", "description"]:
        raise ValueError("chrome_patterns.tsv: missing 'pattern<TAB>description' header")
    patterns = []
    for number, row in enumerate(rows[1:], start=2):
        pattern, _, description = row.partition("\t")
        try:
            patterns.append((re.compile(pattern, re.IGNORECASE), description.strip() or pattern))
        except re.error as exc:
            raise ValueError(f"chrome_patterns.tsv row {number}: bad regex {pattern!r}: {exc}") from None
    return tuple(patterns)


# --------------------------------------------------------------------------- publication date in URL / text

AnchorPattern = tuple[str, re.Pattern[str], str]  # (source, compiled regex, description)
ANCHOR_SOURCES = ("url", "url-year", "dateline", "updated-line")
DATELINE_LINES = 3  # datelines are looked for in the first non-blank lines only


@functools.lru_cache(maxsize=None)
def _date_regex_parts() -> dict[str, str]:
    """Regex pieces for ``{DATE}`` (a written date, as group ``date``) and ``{CLOCK}``.

    Month and weekday names come from the dates lexicon (``data/dates/lexicon.tsv``).
    """
    from .dates import load_lexicon

    lex = load_lexicon()

    def alt(words):
        return "|".join(re.escape(w) for w in sorted({w.rstrip(".") for w in words}, key=len, reverse=True))

    mon, wd = alt(lex["month"]), alt(lex["weekday"])
    written = (
        rf"\d{{4}}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?\S*)?"
        rf"|\d{{4}}/\d\d/\d\d"
        rf"|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}}"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{mon})\.?(?:,?\s+\d{{4}})?"
        rf"|(?:{mon})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    )
    clock = r"\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,4}\)?|\s+local\s+time)?"
    return {"DATE": rf"(?P<date>(?i:(?:(?:{wd})\.?,?\s+)?(?:{written})))", "CLOCK": f"(?i:{clock})"}


@functools.lru_cache(maxsize=None)
def load_anchor_patterns() -> tuple[AnchorPattern, ...]:
    """Rows of ``data/ingest/anchor_patterns.tsv`` compiled, in table order.

    ``{DATE}`` and ``{CLOCK}`` in a pattern are replaced by the (case-insensitive)
    regexes of ``_date_regex_parts``.  Dateline patterns are case-sensitive (a
    place name is capitalised); the others are case-insensitive.
    """
    from .tables import load_table

    parts = _date_regex_parts()
    out = []
    for number, row in enumerate(load_table("ingest/anchor_patterns.tsv"), start=1):
        source, pattern = row["source"], row["pattern"]
        if source not in ANCHOR_SOURCES:
            raise ValueError(f"anchor_patterns.tsv row {number}: unknown source {source!r}")
        pattern = pattern.replace("{DATE}", parts["DATE"]).replace("{CLOCK}", parts["CLOCK"])
        try:
            flags = 0 if source == "dateline" else re.IGNORECASE
            out.append((source, re.compile(pattern, flags), row["description"] or pattern))
        except re.error as exc:
            raise ValueError(f"anchor_patterns.tsv row {number}: bad regex: {exc}") from None
    return tuple(out)


def _month_number(word: str) -> int | None:
    from .dates import load_lexicon

    months = load_lexicon()["month"]
    word = word.lower()
    value = months.get(word) or months.get(word + ".")
    return int(value) if value else None


def parse_written_date(text: str) -> tuple[int | None, int, int] | None:
    """``(year or None, month, day)`` of a written date ("Sept. 29", "29 September 2015",
    "2015-09-29", "29/09/2015"), or None when it is not a valid date.

    A numeric ``a/b/yyyy`` date is read only when the order is certain (one part
    above 12, or both equal): "09/10/2015" is refused rather than guessed.
    """
    text = text.strip()
    if m := re.match(r"(\d{4})[-/](\d\d)[-/](\d\d)", text):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    elif m := re.search(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        if a > 12 >= b or a == b:
            d, mo = a, b
        elif b > 12 >= a:
            mo, d = a, b
        else:
            return None
    else:
        month = next((n for w in re.findall(r"[A-Za-z]+", text) if (n := _month_number(w))), None)
        day = re.search(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)", text)
        year = re.search(r"(?<!\d)(\d{4})(?!\d)", text)
        if month is None or day is None:
            return None
        y, mo, d = (int(year[1]) if year else None), month, int(day[1])
    try:
        date(y or 2000, mo, d)  # 2000 is a leap year: "Feb. 29" without a year stays possible
    except ValueError:
        return None
    return y, mo, d


def _complete_year(month: int, day: int, hint: date | None, url_year: int | None) -> tuple[date, str] | None:
    """A month-day without a year, dated with the URL's year, else the occurrence
    nearest to ``hint`` (the ``--published`` date)."""
    if url_year is not None:
        try:
            return date(url_year, month, day), "year from the URL"
        except ValueError:
            return None
    if hint is None:
        return None
    options = []
    for y in (hint.year - 1, hint.year, hint.year + 1):
        try:
            options.append(date(y, month, day))
        except ValueError:
            continue
    if not options:
        return None
    return min(options, key=lambda d: abs((d - hint).days)), "year from --published"


def find_anchor(text: str, url: str | None = None, hint: str | None = None) -> tuple[str, str, str] | None:
    """``(YYYY-MM-DD, source, reason)`` of the publication date an article states in its
    URL or its text, or None (sources tried in order: url, dateline, updated-line).

    ``text`` is the raw article text (timestamp lines are still there); ``hint``
    is the ``--published`` date, used only to give a year to a dateline that
    lacks one.
    """
    patterns = load_anchor_patterns()
    hint_day = date.fromisoformat(hint) if hint else None
    url_year = None
    if url:
        low = url.lower()
        for source, regex, description in patterns:
            if source == "url-year" and url_year is None and (m := regex.search(low)):
                url_year = int(m["y"])
            if source != "url" or not (m := regex.search(low)):
                continue
            month = int(m["m"]) if m.groupdict().get("m") else _month_number(m["mon"])
            try:
                day = date(int(m["y"]), month, int(m["d"])) if month else None
            except ValueError:
                day = None
            if day is not None:
                return day.isoformat(), "url", f"{description} '{m.group(0).strip('/')}'"
    lines = [line.strip() for line in normalise_text(text).split("\n") if line.strip()]
    for wanted in ("dateline", "updated-line"):
        candidates = lines[:DATELINE_LINES] if wanted == "dateline" else lines
        for source, regex, description in patterns:
            if source != wanted:
                continue
            for line in candidates:
                m = regex.match(line) if wanted == "dateline" else regex.fullmatch(line)
                if m is None or (parsed := parse_written_date(m["date"])) is None:
                    continue
                year, month, day_of_month = parsed
                how = ""
                if year is None:
                    completed = _complete_year(month, day_of_month, hint_day, url_year)
                    if completed is None:
                        continue
                    day, how = completed
                    how = f"; {how}"
                else:
                    day = date(year, month, day_of_month)
                return day.isoformat(), source, f"{description} '{m.group(0).strip()}'{how}"
    return None


# --------------------------------------------------------------------------- cleaning

_NEWLINES = re.compile(r"\r\n|[\r\u2028\u2029]")
_INVISIBLE = str.maketrans({"\ufeff": None, "\u200b": None, "\u00ad": None, "\u00a0": " "})


def normalise_text(text: str) -> str:
    """Newlines to ``\\n``, Unicode NFC, NBSP to space, drop BOM / zero-width space / soft hyphen."""
    return unicodedata.normalize("NFC", _NEWLINES.sub("\n", text)).translate(_INVISIBLE)


def chrome_reason(line: str, patterns: Iterable[ChromePattern] | None = None) -> str | None:
    """Description of the chrome pattern that matches the whole (stripped) ``line``, else None."""
    stripped = line.strip()
    if not stripped:
        return None
    for regex, description in load_chrome_patterns() if patterns is None else patterns:
        if regex.fullmatch(stripped):
            return description
    return None


def clean_text_with_reasons(
    text: str, patterns: Iterable[ChromePattern] | None = None
) -> tuple[str, list[dict[str, str]]]:
    """Clean ``text`` and list the removed chrome lines as ``{"text", "reason"}`` dicts.

    Steps: ``normalise_text``; strip spaces at both ends of every line; drop
    lines that wholly match a chrome pattern; collapse runs of blank lines to a
    single blank line (paragraph separator) and trim blank lines at both ends.
    Single newlines inside a paragraph are kept.  Idempotent.
    """
    patterns = load_chrome_patterns() if patterns is None else tuple(patterns)
    kept: list[str] = []
    removed: list[dict[str, str]] = []
    for line in normalise_text(text).split("\n"):
        line = line.strip()
        reason = chrome_reason(line, patterns)
        if reason is not None:
            removed.append({"text": line, "reason": f"page chrome: {reason}"})
            continue
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept), removed


def clean_text(text: str, patterns: Iterable[ChromePattern] | None = None) -> str:
    """The cleaned article text (see ``clean_text_with_reasons``)."""
    return clean_text_with_reasons(text, patterns)[0]


def make_article_id(clean: str, url: str | None = None) -> str:
    """Stable id of an article without a given id: ``sha1(cleaned text + "\\n" + url)[:16]``."""
    return hashlib.sha1(f"{clean}\n{url or ''}".encode("utf-8")).hexdigest()[:16]


def _clean_field(value: str | None) -> str | None:
    """Title/source/url: normalised, whitespace collapsed, empty -> None."""
    if value is None:
        return None
    value = " ".join(normalise_text(value).split())
    return value or None


def parse_published(value: str) -> str | None:
    """``YYYY-MM-DD`` or a full ISO datetime -> ``YYYY-MM-DD`` (the date as written, no
    timezone conversion); anything else -> None."""
    value = value.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat() if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
        if re.match(r"\d{4}-\d{2}-\d{2}[T ]", value):
            return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return None
    return None


def make_article(
    text: str,
    *,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Article:
    """A cleaned ``Article`` for the Python API (``eventscope.extract(text, published=...)``).

    ``published`` is the caller's statement of the article's own date, so it is
    recorded with ``published_from="record"``; an invalid value raises
    ``EventscopeError("E108")``.  Without it the date the URL or the text states
    is used (``find_anchor``: url > dateline > updated-line), as for files.
    """
    day = None
    if published is not None:
        day = parse_published(published)
        if day is None:
            raise EventscopeError("E108", value=published, where="")
    clean, removed = clean_text_with_reasons(text)
    url = _clean_field(url)
    fields: dict[str, Any] = {"text": text, "url": url, "metadata": {"ingest_removed": removed} if removed else {}}
    if day:
        fields.update(published=day, published_from="record")
    else:
        _stated_anchor(fields, None)
    return Article(
        article_id=make_article_id(clean, url),
        text=clean,
        title=_clean_field(title),
        url=url,
        source=_clean_field(source),
        published=fields.get("published"),
        published_from=fields.get("published_from", "none"),
        metadata=fields["metadata"],
    )


class IngestStage(Stage):
    """Clean each ``work.article`` (``clean_text``) and give it a stable id.

    Keeps a non-empty ``article_id`` (a record id, or the reader's id computed
    on the cleaned text); fills an empty one with ``make_article_id``.  Removed
    chrome lines are listed with their reason in ``metadata["ingest_removed"]``.
    An article left empty or shorter than ``ingest.min_chars`` gets
    ``work.error`` (W101).
    """

    name = "ingest"

    def setup(self) -> None:
        self.patterns = load_chrome_patterns()
        self.min_chars = int(self.config.get("ingest.min_chars", 20))

    def process_one(self, work: Work) -> None:
        article = work.article
        clean, removed = clean_text_with_reasons(article.text, self.patterns)
        metadata = dict(article.metadata)
        if removed:
            metadata["ingest_removed"] = metadata.get("ingest_removed", []) + removed
        work.article = article.model_copy(
            update={
                "text": clean,
                "article_id": article.article_id or make_article_id(clean, article.url),
                "title": _clean_field(article.title),
                "metadata": metadata,
            }
        )
        problem = _length_problem(clean, self.min_chars, removed)
        if problem:
            work.error = warning("W101", where=_where(article.origin, article.line), detail=problem)


def _length_problem(clean: str, min_chars: int, removed: list) -> str | None:
    """Why a cleaned text is unusable (empty / too short), or None."""
    if not clean:
        return "no text left after removing page chrome" if removed else "empty text"
    if len(clean) < min_chars:
        return f"text has {len(clean)} characters after cleaning, fewer than ingest.min_chars={min_chars}"
    return content_problem(clean)


MAX_ARTICLE_CHARS = 200_000  # about 33,000 words: longer inputs are dumps, not news articles
MAX_CONTROL_SHARE = 0.01  # control characters (other than newline, tab) in real text: ~0
MIN_WORDS_FOR_LANGUAGE = 40  # the language test needs this many words
MIN_FUNCTION_WORD_SHARE = 0.04  # English news: ~25 % of words are on the list; French or German: < 2 %
_WORD = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=None)
def english_function_words() -> frozenset[str]:
    """``data/ingest/english_function_words.tsv``: the words the language test counts."""
    text = resources.files("eventscope").joinpath("data/ingest/english_function_words.tsv").read_text("utf-8")
    rows = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return frozenset(rows[1:])  # rows[0] is the header


def content_problem(clean: str) -> str | None:
    """Why a cleaned text is not a processable English news article (hostile or foreign input),
    or None: longer than ``MAX_ARTICLE_CHARS``; more than 1 % control characters (binary
    data that happened to decode); or, with at least 40 words, mostly non-Latin letters or fewer
    than 4 % English function words."""
    if len(clean) > MAX_ARTICLE_CHARS:
        return f"text has {len(clean):,} characters, more than the {MAX_ARTICLE_CHARS:,} an article may have"
    controls = sum(1 for ch in clean if ch < " " and ch not in "\n\t")
    if controls > MAX_CONTROL_SHARE * len(clean):
        return f"looks like binary data ({controls} control characters in {len(clean)})"
    words = _WORD.findall(clean)
    if len(words) >= MIN_WORDS_FOR_LANGUAGE:
        latin = sum(1 for w in words if w.isascii())
        if latin < len(words) / 2:
            return f"not English: {len(words) - latin} of {len(words)} words are not in Latin letters"
        known = english_function_words()
        share = sum(1 for w in words if w.lower() in known) / len(words)
        if share < MIN_FUNCTION_WORD_SHARE:
            return f"not English: only {share:.0%} of its words are common English function words"
    return None


# --------------------------------------------------------------------------- reading


def _where(origin: str, line: int | None) -> str:
    return f"{origin}:{line}" if line is not None else origin


def _problem_text(code: str, **kwargs: Any) -> str:
    return f"[{code}] " + getattr(Errors, code).format(**kwargs)


class _Skip(Exception):
    """A record or file that cannot be used; ``str(exc)`` is the numbered problem message."""


class _Reader:
    """State of one ``iter_articles`` call: options, problem sink, default date."""

    def __init__(self, published: str | None, config: Config, on_problem: Callable[[str], None]):
        self.cli_published = published
        self.extensions = tuple(ext.lower() for ext in config["ingest.extensions"])
        self.min_chars = int(config["ingest.min_chars"])
        self.on_problem = on_problem
        self.patterns = load_chrome_patterns()

    # ---- one source (path or stdin) ------------------------------------------------

    def read(self, path: str) -> Iterator[Article]:
        if path == STDIN:
            yield from self._read_stdin()
            return
        p = Path(path)
        if p.is_dir():
            yield from self._read_dir(p)
        else:
            yield from self._read_file(p)

    def _read_dir(self, root: Path) -> Iterator[Article]:
        found = False
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith(".") or not name.lower().endswith(self.extensions):
                    continue
                found = True
                yield from self._read_file(Path(dirpath) / name)
        if not found:
            self.on_problem(warning("W103", path=root, extensions=", ".join(self.extensions)))

    def _read_file(self, p: Path) -> Iterator[Article]:
        suffix = p.suffix.lower()
        origin = str(p)
        if suffix not in (".txt", ".html", ".htm", ".jsonl", ".json"):
            self.on_problem(_problem_text("E107", path=origin, suffix=p.suffix))
            return
        if suffix == ".jsonl":
            with p.open("rb") as fh:
                yield from self._read_jsonl(_decoded_lines(fh), origin)
            return
        try:
            data = p.read_bytes()
            if not data.strip():
                raise _Skip(_problem_text("E106", path=origin))
            if suffix in (".html", ".htm"):
                yield self._finish(self._from_html(data, origin, None, {}))
            elif suffix == ".json":
                yield from self._read_json_file(data, origin)
            else:
                yield self._finish(self._from_text(_decode(data, origin), origin))
        except _Skip as exc:
            self.on_problem(str(exc))

    def _read_stdin(self) -> Iterator[Article]:
        """Sniff stdin: first non-blank line starting with ``{`` -> JSONL (streamed),
        ``<`` -> HTML, anything else -> plain text."""
        binary = getattr(sys.stdin, "buffer", None)
        lines = _decoded_lines(binary) if binary is not None else _text_lines(sys.stdin)
        head: list[tuple[int, str | None, str | None]] = []
        for item in lines:
            head.append(item)
            if item[1] is None or item[1].strip():
                break
        first = next((t.lstrip() for _, t, _ in head if t and t.strip()), "")
        all_lines = _chain(head, lines)
        if first.startswith("{"):
            yield from self._read_jsonl(all_lines, STDIN_ORIGIN)
            return
        try:
            text = _join_lines(all_lines, STDIN_ORIGIN)
            if not text.strip():
                raise _Skip(_problem_text("E106", path=STDIN_ORIGIN))
            if first.startswith("<"):
                yield self._finish(self._from_html(text, STDIN_ORIGIN, None, {}))
            else:
                yield self._finish(self._from_text(text, STDIN_ORIGIN))
        except _Skip as exc:
            self.on_problem(str(exc))

    # ---- formats -------------------------------------------------------------------

    def _read_jsonl(self, lines: Iterable[tuple[int, str | None, str | None]], origin: str) -> Iterator[Article]:
        seen_any = False
        for number, line, error in lines:
            if error is not None:
                self.on_problem(_problem_text("E105", path=f"{origin}:{number}", detail=error))
                continue
            if not line.strip():
                continue
            seen_any = True
            try:
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise _Skip(_problem_text("E102", path=origin, line=number, detail=f"{exc.msg}: column {exc.colno}"))
                yield self._finish(self._from_record(record, origin, number))
            except _Skip as exc:
                self.on_problem(str(exc))
        if not seen_any:
            self.on_problem(_problem_text("E106", path=origin))

    def _read_json_file(self, data: bytes, origin: str) -> Iterator[Article]:
        """A ``.json`` file: one array of records, one record, or JSONL."""
        text = _decode(data, origin)
        try:
            whole = json.loads(text)
        except json.JSONDecodeError:
            yield from self._read_jsonl(_text_lines(text.splitlines(keepends=True)), origin)
            return
        records = whole if isinstance(whole, list) else [whole]
        if not records:
            raise _Skip(_problem_text("E106", path=origin))
        for number, record in enumerate(records, start=1):
            try:
                yield self._finish(self._from_record(record, origin, number))
            except _Skip as exc:
                self.on_problem(str(exc))

    def _from_text(self, text: str, origin: str) -> dict[str, Any]:
        title, body = split_title(text, self.patterns)
        return {"text": body, "title": title, "origin": origin}

    def _from_html(self, html: str | bytes, origin: str, line: int | None, base: dict[str, Any]) -> dict[str, Any]:
        """Main text and metadata of an HTML page; ``base`` (record fields) wins over page metadata."""
        extracted = extract_html(html)
        if extracted is None:
            raise _Skip(_problem_text("E106", path=_where(origin, line)))
        fields = {"origin": origin, "line": line, **{k: v for k, v in extracted.items() if k != "published"}}
        fields.update({k: v for k, v in base.items() if v is not None})
        if "published" not in base and extracted.get("published"):
            fields["published"], fields["published_from"] = extracted["published"], "html-meta"
        return fields

    def _from_record(self, record: Any, origin: str, line: int) -> dict[str, Any]:
        """Validate one JSON record and turn it into Article fields."""
        if not isinstance(record, dict):
            raise _Skip(_problem_text("E109", path=origin, line=line, kind=type(record).__name__))
        for name in ("text", "html", "url", "title", "published", "source"):
            value = record.get(name)
            if value is not None and not isinstance(value, str):
                raise _Skip(_problem_text("E104", path=origin, line=line, field=name, kind="a string", value=value))
        rid = record.get("id")
        if rid is not None and (isinstance(rid, bool) or not isinstance(rid, (str, int))):
            raise _Skip(_problem_text("E104", path=origin, line=line, field="id", kind="a string", value=rid))
        extra = record.get("metadata")
        if extra is not None and not isinstance(extra, dict):
            raise _Skip(_problem_text("E104", path=origin, line=line, field="metadata", kind="an object", value=extra))
        metadata = {**(extra or {}), **{k: v for k, v in record.items() if k not in RECORD_FIELDS}}

        base: dict[str, Any] = {
            "article_id": str(rid).strip() if rid is not None and str(rid).strip() else None,
            "url": record.get("url"),
            "title": record.get("title"),
            "source": record.get("source"),
            "metadata": metadata,
        }
        if record.get("published") is not None:
            day = parse_published(record["published"])
            if day is None:
                self.on_problem(_problem_text("E108", value=record["published"], where=f" in {origin}:{line}"))
            else:
                base["published"], base["published_from"] = day, "record"
        text, html = record.get("text"), record.get("html")
        if text is not None and text.strip():
            return {"origin": origin, "line": line, "text": text, **{k: v for k, v in base.items() if v is not None}}
        if html is not None and html.strip():
            return self._from_html(html, origin, line, base)
        if text is None and html is None:
            raise _Skip(_problem_text("E103", path=origin, line=line))
        raise _Skip(_problem_text("E106", path=f"{origin}:{line}"))

    # ---- common end of every format ------------------------------------------------

    def _finish(self, fields: dict[str, Any]) -> Article:
        """Apply the CLI date, check the cleaned length and compute the id; the yielded
        Article keeps the *raw* text (``IngestStage`` cleans it)."""
        origin, line = fields["origin"], fields.get("line")
        clean, removed = clean_text_with_reasons(fields["text"], self.patterns)
        problem = _length_problem(clean, self.min_chars, removed)
        if problem:
            raise _Skip(warning("W101", where=_where(origin, line), detail=problem))
        if not fields.get("published"):
            _stated_anchor(fields, self.cli_published)
        if not fields.get("article_id"):
            fields["article_id"] = make_article_id(clean, _clean_field(fields.get("url")))
        for name in ("url", "title", "source"):
            fields[name] = _clean_field(fields.get(name))
        return Article(**fields)


def _stated_anchor(fields: dict[str, Any], cli_published: str | None) -> None:
    """Fill a missing publication date from the URL or the text (``find_anchor``),
    else from ``cli_published``; the reason goes to ``metadata["published_reason"]``."""
    found = find_anchor(fields["text"], _clean_field(fields.get("url")), cli_published)
    if found is not None:
        day, source, reason = found
        fields["published"], fields["published_from"] = day, source
        fields["metadata"] = {**fields.get("metadata", {}), "published_reason": reason}
    elif cli_published:
        fields["published"], fields["published_from"] = cli_published, "cli"


def split_title(text: str, patterns: Iterable[ChromePattern] | None = None) -> tuple[str | None, str]:
    """``(title, body)`` of a plain-text article; title None unless the first line is an
    obvious headline (short, no final ``. , ; :``, not chrome, not a date line such as
    "Tuesday, September 29, 2015", followed by a blank line and more text)."""
    norm = normalise_text(text).lstrip("\n")
    first, sep, rest = norm.partition("\n")
    candidate = first.strip()
    if (
        sep
        and candidate
        and len(candidate) <= TITLE_MAX_CHARS
        and candidate[-1] not in ".,;:"
        and rest.split("\n", 1)[0].strip() == ""
        and rest.strip()
        and chrome_reason(candidate, patterns) is None
        and find_anchor(candidate) is None
    ):
        return candidate, rest
    return None, text


def extract_html(html: str | bytes) -> dict[str, Any] | None:
    """Main text + ``title``/``url``/``source``/``published`` of an HTML page, or None.

    trafilatura gives the main text (comments and tables excluded) with one
    line per block; each block becomes a paragraph and a leading block equal
    to the title is dropped.  The date comes from ``markup_date``.
    """
    import trafilatura

    if not (html.strip() if isinstance(html, (str, bytes)) else html):
        return None
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    if doc is None or not (doc.text or "").strip():
        return None
    blocks = [b.strip() for b in doc.text.split("\n") if b.strip()]
    title = (doc.title or "").strip() or None
    if title and blocks and blocks[0].casefold() == title.casefold():
        blocks = blocks[1:]
    if not blocks:
        return None
    return {
        "text": "\n\n".join(blocks),
        "title": title,
        "url": doc.url or None,
        "source": doc.sitename or None,
        "published": markup_date(html),
    }


_DATE_HINT = re.compile(r"date|time|publish|posted|byline|dateline", re.IGNORECASE)


def markup_date(html: str | bytes) -> str | None:
    """Publication date from page markup only: ``<head>`` meta tags, JSON-LD, ``<time>``
    / ``<abbr>`` elements and short date-classed elements.

    htmldate's own last resort scans the body text for any date, which would turn
    a date mentioned in the story into a publication date; running it on a
    reduced page without the article body rules that out.  URL dates are left to
    ``find_anchor`` (source "url"), so htmldate gets an empty URL (else it reads
    the canonical link).
    """
    import lxml.html
    from htmldate import find_date
    from lxml import etree

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, etree.ParserError):
        return None
    reduced = lxml.html.Element("html")
    head = tree.find(".//head")
    if head is not None:
        reduced.append(head)
    body = etree.SubElement(reduced, "body")
    for el in tree.iter("time", "abbr", "script", "span", "div", "p", "meta", "a"):
        if el.tag == "script":
            keep = (el.get("type") or "").lower() == "application/ld+json"
        elif el.tag in ("time", "abbr", "meta"):
            keep = True
        else:
            hint = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("itemprop"))))
            keep = bool(_DATE_HINT.search(hint)) and len(el.text_content()) <= 80
        if keep:
            clone = lxml.html.fromstring(lxml.html.tostring(el))
            clone.tail = None
            body.append(clone)
    found = find_date(reduced, url="", extensive_search=False, original_date=True)
    return parse_published(found) if found else None


# ---- line helpers ---------------------------------------------------------------------


def _decode(data: bytes, origin: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Skip(_problem_text("E105", path=origin, detail=f"byte {exc.start}: {exc.reason}")) from None


def _decoded_lines(binary: Iterable[bytes]) -> Iterator[tuple[int, str | None, str | None]]:
    """``(line number, text, None)`` per line of a binary stream, or ``(n, None, error)``
    for a line that is not UTF-8 (a BOM on line 1 is dropped)."""
    for number, raw in enumerate(binary, start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield number, raw.decode("utf-8"), None
        except UnicodeDecodeError as exc:
            yield number, None, f"byte {exc.start}: {exc.reason}"


def _text_lines(lines: Iterable[str]) -> Iterator[tuple[int, str | None, str | None]]:
    for number, line in enumerate(lines, start=1):
        yield number, line.lstrip("\ufeff") if number == 1 else line, None


def _chain(head: list, rest: Iterator) -> Iterator:
    yield from head
    yield from rest


def _join_lines(lines: Iterable[tuple[int, str | None, str | None]], origin: str) -> str:
    parts = []
    for number, line, error in lines:
        if error is not None:
            raise _Skip(_problem_text("E105", path=f"{origin}:{number}", detail=error))
        parts.append(line)
    return "".join(parts)


# --------------------------------------------------------------------------- public reader


def iter_articles(
    paths: list[str],
    *,
    published: str | None = None,
    config: Config | None = None,
    on_problem: Callable[[str], None] | None = None,
) -> Iterator[Article]:
    """Yield raw ``Article`` records from files, directories and ``-`` (stdin).

    ``published`` (CLI ``--published``) fills only missing dates; an invalid
    value raises ``E108``.  Every path is checked before anything is read: a
    missing one raises ``E101``.  Problems with individual files or records go
    to ``on_problem`` (default: a logging warning) and the record is skipped.
    """
    config = config or Config()
    cli_day = None
    if published is not None:
        cli_day = parse_published(published)
        if cli_day is None:
            raise EventscopeError("E108", value=published, where=" (--published)")
    for path in paths:
        if path != STDIN and not os.path.exists(path):
            raise EventscopeError("E101", path=path)
    reader = _Reader(cli_day, config, on_problem or log.warning)
    for path in paths:
        yield from reader.read(path)
