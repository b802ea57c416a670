"""Dates stage: find temporal expressions, normalise them TIMEX3-style, date each event.

Three layers:

* ``find_timexes(text, anchor)`` runs a small rule grammar (regular expressions
  built from ``data/dates/lexicon.tsv``) over the article and normalises every
  match against the publication date ``anchor``: explicit dates, relative days
  and weekdays, months, seasons, years, weeks, ``PRESENT_REF``/``PAST_REF``,
  durations (``P4Y``), times and sets.  Underspecified expressions (a bare
  weekday, a month without a year, "March 3") are resolved with the tense of
  the clause governing them: from the dependency parse when the caller has one
  (``parse_tense_oracle``: VBD, have + VBN, will/shall/going to), else from the
  cue words of the sentence (``data/dates/tense_cues.tsv``): future tense picks the next
  occurrence; past tense the most recent one; a bare weekday with no tense cue
  follows the news convention (``dates.weekday_convention``, default "past":
  the most recent such day on or before the anchor); a month or month-day with
  no cue takes the occurrence closest to the anchor.  With no anchor, relative
  expressions keep ``value=None`` and precision ``"unanchored"``; absolute ones
  still resolve.  Today's date is never used.
* ``normalise(span_text, anchor, context)`` normalises one given span (used to
  score value accuracy on gold spans).  It falls back to recognizers-text-suite
  for spans the grammar does not cover.
* ``DatesStage`` stores the article's timexes on ``Work.timexes`` and gives
  every event an ``EventDate``: the timex syntactically attached to the
  trigger's clause, else the nearest one in the trigger's sentence, else the
  paragraph's date when it has exactly one (``_paragraph_date``), else no date for a
  past-perfect clause (background before the story), else the lead's day for a past-tense
  event of the story (``_story_date``), else the publication date ("article" precision);
  the rule used is in ``reason``.

``evaluate(gold_path)`` scores the normaliser and the finder on TempEval-3
style JSONL (see /work/shared/data/dates/PROVENANCE.md).
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .config import Config
from .coref import antecedent
from .schema import EventDate, Timex, Work
from .stage import Stage
from .tables import load_table, report_verbs

Date = dt.date


# ----------------------------------------------------------------------------
# Tables (pure data, cached)
# ----------------------------------------------------------------------------

def _read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``data/dates/<name>`` (see ``eventscope.tables``)."""
    return load_table(f"dates/{name}")


@functools.lru_cache(maxsize=None)
def load_lexicon() -> dict[str, dict[str, str]]:
    """``{kind: {word: value}}`` from ``lexicon.tsv`` (months, weekdays, units, ...)."""
    out: dict[str, dict[str, str]] = {}
    for row in _read_tsv("lexicon.tsv"):
        out.setdefault(row["kind"], {})[row["word"]] = row["value"]
    return out


@functools.lru_cache(maxsize=None)
def load_tense_cues() -> dict[str, str]:
    """``{cue phrase: "past" | "future"}`` from ``tense_cues.tsv``."""
    return {row["cue"]: row["tense"] for row in _read_tsv("tense_cues.tsv")}


def _alt(words) -> str:
    """Regex alternation of ``words``, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# ----------------------------------------------------------------------------
# Small date arithmetic helpers
# ----------------------------------------------------------------------------

def _week_value(day: Date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _season_of(day: Date) -> tuple[int, str]:
    """Northern-hemisphere meteorological season of ``day`` (Dec-Feb winter belongs to the Dec year)."""
    m = day.month
    if m in (12, 1, 2):
        return (day.year if m == 12 else day.year - 1), "WI"
    return day.year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(m, "FA")


_SEASON_ORDER = ("SP", "SU", "FA", "WI")


def _pick(candidates: list, anchor_key, tense: str | None):
    """Choose among ordered candidates (same kind as ``anchor_key``) by tense.

    past: the latest candidate <= anchor; future: the earliest >= anchor;
    no tense (or no candidate on that side): the closest one (ties go to the past).
    """
    past = [c for c in candidates if c[0] <= anchor_key]
    future = [c for c in candidates if c[0] >= anchor_key]
    if tense == "past" and past:
        return max(past)[1]
    if tense == "future" and future:
        return min(future)[1]
    return min(candidates, key=lambda c: (abs(c[0] - anchor_key), c[0] > anchor_key))[1]


# ----------------------------------------------------------------------------
# Result record for one rule match
# ----------------------------------------------------------------------------

@dataclass
class _Hit:
    start: int
    end: int
    type: str
    value: str | None
    precision: str
    reason: str
    day_assumed: bool = False  # Timex.day_assumed

    def timex(self, text: str) -> Timex:
        return Timex(text=text[self.start:self.end], start=self.start, end=self.end, type=self.type,
                     value=self.value, precision=self.precision, reason=self.reason, day_assumed=self.day_assumed)


TenseOracle = Callable[[int, int], "str | None"]


class _Ctx:
    """What a rule handler needs: the text, the anchor and the tense of an expression.

    ``tense_oracle(start, end)`` (offsets into the full text) gives the tense of
    the clause governing an expression from a dependency parse ("past",
    "future", "present") or None when the parse cannot tell; the word-cue
    heuristics are used only then.
    """

    def __init__(self, text: str, anchor: Date | None, weekday_convention: str = "past",
                 tense_text: str | None = None, tense_offset: int = 0, tense_oracle: TenseOracle | None = None,
                 aside_oracle: Callable[[int, int], str | None] | None = None):
        self.text = text
        self.aside = aside_oracle  # (start, end) -> the kind of aside a date is in, or None (``parse_aside_oracle``)
        self.anchor = anchor
        self.weekday_convention = weekday_convention
        self._tense_text = text if tense_text is None else tense_text
        self._tense_offset = tense_offset
        self._oracle = tense_oracle

    def _parsed(self, start: int, end: int) -> str | None:
        if self._oracle is None:
            return None
        return self._oracle(start + self._tense_offset, end + self._tense_offset)

    def tense(self, start: int, end: int) -> str | None:
        """"past", "future" or None: the parse's tense when known, else the sentence's cue words."""
        parsed = self._parsed(start, end)
        if parsed is not None:
            return parsed if parsed in ("past", "future") else None
        tense = sentence_tense(self._tense_text, start + self._tense_offset, end + self._tense_offset)
        return tense if tense in ("past", "future") else None

    def clause_tense(self, start: int, end: int) -> str | None:
        """Like ``tense`` but the cue words must be in the expression's own clause (``clause_tense``)."""
        parsed = self._parsed(start, end)
        if parsed is not None:
            return parsed if parsed in ("past", "future") else None
        return clause_tense(self._tense_text, start + self._tense_offset, end + self._tense_offset)

    def before(self, pos: int, n: int) -> str:
        """Up to ``n`` characters of the surrounding text before ``pos`` (a position in ``text``)."""
        full = pos + self._tense_offset
        return self._tense_text[max(0, full - n):full]

    def after(self, pos: int, n: int) -> str:
        """Up to ``n`` characters of the surrounding text from ``pos`` on."""
        full = pos + self._tense_offset
        return self._tense_text[full:full + n]


# ----------------------------------------------------------------------------
# Tense of the sentence around an expression
# ----------------------------------------------------------------------------

_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n")
_ABBREV_END = re.compile(r"\b(?:[A-Z][a-z]{0,3}|[A-Z])\.$")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Approximate sentence around ``[start, end)``: punctuation + capital, or a newline."""
    lo = 0
    for m in _SENT_END.finditer(text, max(0, start - 600), start):
        if m.end() <= start and not _ABBREV_END.search(text[max(0, m.start() - 5):m.start() + 1]):
            lo = m.end()
    hi = len(text)
    for m in _SENT_END.finditer(text, end):
        if not _ABBREV_END.search(text[max(0, m.start() - 5):m.start() + 1]):
            hi = m.start() + 1
            break
    return lo, hi


@functools.lru_cache(maxsize=None)
def _cue_regex() -> re.Pattern:
    cues = load_tense_cues()
    return re.compile(rf"(?<![\w'])(?:{_alt(cues)})(?![\w'])|(?<![\w'])[a-z]{{2,}}(?<!ee)ed\b", re.I)


_NOT_PAST_BEFORE = re.compile(r"\b(?:be|being|to|will)\s+$", re.I)


def sentence_tense(text: str, start: int, end: int) -> str | None:
    """"past", "future", "present" or None for the expression at ``text[start:end]``.

    The nearest tense cue before the expression in its sentence decides (auxiliaries
    and main verbs usually precede a time adverbial); a sentence-initial expression
    takes the nearest cue after it.  Lexicon cues come from ``tense_cues.tsv`` (a
    "present" cue such as "is" or "expects" means neither past nor future); any
    other lower-case word ending in -ed is a past cue unless it follows "be/to/will"
    (passives and infinitives after modals).
    """
    lo, hi = _sentence_bounds(text, start, end)
    before: list[tuple[int, str]] = []
    after: list[tuple[int, str]] = []
    for pos, m_end, tense in _cue_tenses(text, lo, hi):
        if start <= pos < end:
            continue
        (before if m_end <= start else after).append((pos, tense))
    if before:
        return before[-1][1]
    if after:
        return after[0][1]
    return None


def _cue_tenses(text: str, lo: int, hi: int):
    """``(start, end, tense)`` of every tense cue in ``text[lo:hi]``: a word of ``tense_cues.tsv``,
    or a lower-case word in -ed (past) not preceded by a word that makes it a participle/adjective."""
    cues = load_tense_cues()
    for m in _cue_regex().finditer(text, lo, hi):
        tense = cues.get(re.sub(r"\s+", " ", m.group(0).lower()))
        if tense is None:
            if not m.group(0).islower() or _NOT_PAST_BEFORE.search(text[max(lo, m.start() - 8):m.start()]):
                continue
            tense = "past"
        yield m.start(), m.end(), tense


_CLAUSE_BOUNDARY = re.compile(
    r"[,;:()\u2013\u2014]|(?<![\w'])(?:that|which|who|whom|whose|because|while|whether|if|although|though|and|but|or)(?![\w'])",
    re.I)
_INFINITIVE = re.compile(r"(?<![\w'])to\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|its\b|this\b|that\b)[a-z]+\b")


def clause_tense(text: str, start: int, end: int) -> str | None:
    """"past", "future" or None from the cue words of the expression's own clause.

    Only the text between the last clause boundary (punctuation, a conjunction
    or relative pronoun) and the expression counts, and the nearest cue there
    decides: a present-tense cue ("expects", "is") or an infinitive ("to rise")
    closer to the expression than a past cue means the clause is not past, so a
    reporting verb ("said") does not make "by the end of the year" past.
    """
    lo, _ = _sentence_bounds(text, start, end)
    for m in _CLAUSE_BOUNDARY.finditer(text, lo, start):
        lo = m.end()
    found: list[tuple[int, str]] = [(pos, tense) for pos, _, tense in _cue_tenses(text, lo, start)]
    found.extend((m.start(), "present") for m in _INFINITIVE.finditer(text, lo, start))
    if not found:
        return None
    tense = max(found)[1]
    return tense if tense in ("past", "future") else None


def _aux_words(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


_NON_FINITE_DEPS = ("xcomp", "ccomp", "advcl", "acl", "relcl", "conj", "pcomp")


def verb_tense(verb, plan: bool = True) -> str | None:
    """Tense of a spaCy verb from its tag and auxiliaries: "future" (will/shall/'ll,
    "going to"), "past" (VBD, or a VBN with have/had, or a past auxiliary),
    "present" (VBZ/VBP or a present auxiliary), "modal" (could, should...), else None.

    A non-finite verb ("to rise", "meeting") takes the tense of the verb it
    depends on ("expects profits to rise" is present), except that the infinitive of
    a present verb of planning (``lexicon.tsv`` kind ``plan_verb``: "is scheduled to
    meet", "plans to visit", "is expected to vote") is "future".
    """
    planned = False  # reached from the infinitive of a verb of planning
    nominal = not plan  # the way up passed through a noun or a clause of one: a plan's object is not planned
    for _ in range(4):
        auxes = _aux_words(verb)
        words = {a.lower_ for a in auxes}
        if words & {"will", "shall", "'ll", "wo"} or (verb.lower_ == "going" and any(
                c.dep_ == "xcomp" for c in verb.children)):
            return "future"
        if any(a.lower_ == "going" for a in auxes) and "to" in words:
            return "future"
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
            return "past"
        if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "future" if planned else "present"
        if any(a.tag_ == "MD" for a in auxes):
            return "modal"  # "could", "should": neither past nor future
        if verb.dep_ in _NON_FINITE_DEPS and verb.head.i != verb.i:
            # "is scheduled to discuss ... on Thursday", "plans to visit": a present plan is of the future; not
            # "plan to rebuild the bridge destroyed on Sunday" (an event of the plan's object)
            nominal = nominal or verb.dep_ in ("acl", "relcl") or verb.head.pos_ not in ("VERB", "AUX")
            planned = not nominal and verb.dep_ == "xcomp" \
                and verb.head.lemma_.lower() in load_lexicon().get("plan_verb", {})
            verb = _clause_head(verb.head)
            continue
        return None
    return None


def parse_tense_oracle(work: Work) -> TenseOracle:
    """Tense oracle for ``find_timexes`` from the article's dependency parse: the tense
    (``verb_tense``) of the verb governing the expression; None where there is no parse."""

    def oracle(start: int, end: int) -> str | None:
        root = _span_root(work, start, end)
        if root is None or root.head.i == root.i:
            return None
        verb = _clause_head(root.head)
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        if root.dep_ == "pobj" and root.head.lower_ == "for" and not _past_perfect(verb) \
                and root.head.head.lemma_.lower() in load_lexicon().get("for_future", {}):
            # "a rally for Saturday": a day to come; "called a general strike for October 30": the nearest such
            # day, which may have passed ("called a strike for June 3" in a story of June 17; not under "had called")
            return "future" if root.lower_ in load_lexicon().get("weekday", {}) else "present"  # (no direction)
        # the date of a noun ("the strike on Kyiv on Sunday") is no date of the plan its verb is the object of
        tok, through_noun = root.head, False
        while tok.i != verb.i:
            through_noun = through_noun or tok.pos_ in ("NOUN", "PROPN", "PRON")
            tok = tok.head
        return verb_tense(verb, plan=not through_noun)

    return oracle


ASIDE_MODIFIER = "modifier of a noun"  # what ``parse_aside_oracle`` answers for "the weekend shift"


def parse_aside_oracle(work: Work) -> Callable[[int, int], str | None]:
    """Whether the date at ``[start, end)`` belongs to background or an aside, from the parse: inside a relative
    clause, an apposition or a parenthetical, in a past-perfect clause, the date of a noun ("the truce talks
    of February 26"), or a modifier of a noun ("the weekend shift"). Such a day is no antecedent for "the next
    day" (``_resolve_anaphors``).  The answer is the kind of aside (a true string) or None: ``ASIDE_MODIFIER``
    for a date word modifying a noun, the only kind that makes "the weekend" no date (``_h_weekend``: "attacked
    over the weekend" in a relative clause is still a weekend)."""

    def aside(start: int, end: int) -> str | None:
        root = _span_root(work, start, end)
        if root is None:
            return None
        last = work.token_at(end - 1)  # "the weekend shift" may hang "the" and "weekend" both on "shift"
        if root.dep_ in ("compound", "amod", "nmod") or (last is not None and last.dep_ in ("compound", "amod", "nmod")
                                                         and last.head.idx > last.idx):
            return ASIDE_MODIFIER  # "the weekend shift": a date word naming a kind of thing
        if root.dep_ == "pobj" and root.head.head.pos_ in ("NOUN", "PROPN"):
            return "date of a noun"
        tok = root
        for _ in range(40):
            if tok.dep_ in ("relcl", "appos", "parataxis", "acl"):
                return "clause " + tok.dep_
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
                return "past perfect" if _past_perfect(tok) else None
            if tok.head.i == tok.i:
                return None
            tok = tok.head
        return None

    return aside


# ----------------------------------------------------------------------------
# The grammar
# ----------------------------------------------------------------------------

def _num_value(word: str) -> float | None:
    """Number for a numeral or number word ("4", "four", "twenty-five"); None when vague."""
    lex = load_lexicon()
    w = re.sub(r"\s+", " ", word.lower().strip())
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", w):
        return float(w.replace(",", ""))
    if w in lex["number"]:
        return float(lex["number"][w])
    parts = re.split(r"[- ]", w)
    if len(parts) == 2 and parts[0] in lex["number"] and parts[1] in lex["number"]:
        return float(lex["number"][parts[0]]) + float(lex["number"][parts[1]])
    return None


def _fmt_num(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else str(n)


_UNIT_SUFFIX = {"Y": "Y", "M": "M", "W": "W", "D": "D", "DE": "DE", "CE": "CE", "Q": "Q", "WE": "WE"}
_TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}


def _duration_value(n: float | None, unit: str) -> str:
    if unit in _TIME_UNITS:
        return f"PT{_fmt_num(n)}{_TIME_UNITS[unit]}"
    if unit == "WE":
        return f"P{_fmt_num(n)}WE"
    return f"P{_fmt_num(n)}{_UNIT_SUFFIX[unit]}"


# Where a rule can match.  Every pattern starts with the boundary ``B`` and then a word of a
# known list (a month, "last", "the", a number word...), a number or the apostrophe of "'80s",
# so a match can only start where a run of letters or digits (or an apostrophe) begins whose
# *start key* is one of the rule's.  ``_finditer`` tries the pattern only there and finds the
# same matches as ``pattern.finditer`` over the whole text, eight times faster: ``finditer``
# has the regex engine try every alternative of a long case-insensitive pattern at every
# character (0.3-0.4 s for the 77 sample articles, 0.05 s this way).  A "the" is keyed together
# with the run after it ("the end" for "the end of", "the #" for "the 5th of May"): most of an
# article's "the"s start no date, and every pattern follows its "the" with white space and
# another word or a number.
_RUN = re.compile(r"[^\W\d_]+|\d+|'")  # a run of letters, a run of digits, an apostrophe
_DIGITS = "#"  # start key of a run of digits
_NON_ASCII = "*"  # start key of a run with a non-ASCII character; tried by every rule, since a
#                   case-insensitive pattern reads "ſ" as "s" and the Kelvin sign as "k"
_NUMBER = ("0",)  # phrase list standing for "any number" in ``_starts``


def _start_key(run: str) -> str:
    """Start key of a run of ``_RUN``: the run lower-cased, "#" for digits, "*" if not ASCII
    (``_runs_by_key`` inlines this)."""
    if not run.isascii():
        return _NON_ASCII
    return _DIGITS if run[0].isdigit() else run.lower()


def _starts(*phrase_lists) -> frozenset[str]:
    """Start keys of a rule whose matches begin with one of these phrases, plus "*": the key
    of each phrase's first run ("mid" for "mid-"), or for a phrase opening with "the", "the"
    and the key of its second run ("the end" for "the end of", "the #" for "the 0")."""
    keys = {_NON_ASCII}
    for phrases in phrase_lists:
        for phrase in phrases:
            runs = _RUN.findall(phrase)
            key = _start_key(runs[0])
            if key == "the":
                nxt = _start_key(runs[1])  # a bare "the" starts no phrase
                key = _NON_ASCII if nxt == _NON_ASCII else f"the {nxt}"
            keys.add(key)
    return frozenset(keys)


def _the(*phrase_lists) -> list[str]:
    """The phrases preceded by "the" (for a pattern's optional "the\\s+")."""
    return [f"the {p}" for phrases in phrase_lists for p in phrases]


@dataclass
class _Rule:
    name: str
    pattern: re.Pattern
    handler: Callable  # (m, ctx) -> list[_Hit] | None
    # Start keys (``_starts``) of every phrase a match can begin with.  Must cover the pattern:
    # a match starting at a word missing here is never tried (tests/test_dates_scan.py checks
    # every rule against ``pattern.finditer``).
    starts: frozenset[str]


@functools.lru_cache(maxsize=None)
def _grammar() -> tuple[_Rule, ...]:
    """Compile the rule list (order = priority among equally long matches)."""
    lex = load_lexicon()
    MONTH = _alt(lex["month"])
    WEEKDAY = _alt(w for w in lex["weekday"] if len(w) > 4)
    WEEKDAY_ANY = _alt(lex["weekday"])
    SEASON = _alt(lex["season"])
    UNIT = _alt(lex["unit"])
    POD = _alt(lex["part_of_day"])
    words = [w for w in lex["number"] if not w.isdigit()]
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    NUM = rf"(?:(?:{tens})[- ](?:{ones})|{_alt(words)}|\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
    VAGUE = _alt(lex["vague_number"])
    DMOD = _alt(lex["duration_modifier"])
    MOD = _alt(lex["mod"])
    YEAR = r"(?:1[0-9]\d\d|20\d\d)"
    B = r"(?<![\w$€£])"  # left word boundary that also refuses currency signs
    E = r"(?![\w])"
    OPT_MOD = rf"(?:(?P<mod>{MOD})(?:\s+|(?<=-)))?"
    OPT_WD = rf"(?:(?:{WEEKDAY_ANY}),?\s+)?"
    ORD = r"(?:st|nd|rd|th)"
    I = re.I
    # start phrases shared by several rules (see ``_starts``)
    mods = lex["mod"]  # OPT_MOD
    wds = lex["weekday"]  # OPT_WD
    months = lex["month"]
    numbers = [*words, *tens.split("|"), *_NUMBER]  # NUM
    rel_unit = ["this", "last", "next", "past", "previous", "coming", "current"]
    rel_units = ["past", "last", "next", "coming", "previous", "following", "recent"]  # bare_units
    rules = [
        _Rule("iso_date", re.compile(rf"{B}(?P<y>\d{{4}})-(?P<m>\d\d)-(?P<d>\d\d){E}"), _h_iso_date, _starts(_NUMBER)),
        _Rule("iso_week", re.compile(rf"{B}(?P<y>\d{{4}})-W(?P<w>\d\d){E}"), _h_iso_week, _starts(_NUMBER)),
        _Rule("numeric_date", re.compile(rf"{B}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}){E}"), _h_numeric_date,
              _starts(_NUMBER)),
        _Rule("day_month", re.compile(
            rf"{B}{OPT_WD}(?:the\s+)?(?P<d>\d{{1,2}}){ORD}?\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR}))?{E}", I),
            _h_month_day, _starts(wds, _the(_NUMBER), _NUMBER)),
        _Rule("month_day", re.compile(
            rf"{B}{OPT_WD}(?P<mon>{MONTH})\s+(?P<d>\d{{1,2}}){ORD}?(?![\d:])(?:,?\s+(?P<y>{YEAR}))?{E}", I),
            _h_month_day, _starts(wds, months)),
        _Rule("month_year", re.compile(rf"{B}{OPT_MOD}(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR}){E}", I), _h_month_year,
              _starts(mods, months)),
        _Rule("month_rel_year", re.compile(
            rf"{B}{OPT_MOD}(?P<mon>{MONTH})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year{E}", I), _h_month_rel_year,
            _starts(mods, months)),
        _Rule("rel_month", re.compile(rf"{B}{OPT_MOD}(?P<rel>last|this|next|past)\s+(?P<mon>{MONTH}){E}", I),
              _h_rel_month, _starts(mods, ["last", "this", "next", "past"])),
        _Rule("bare_month", re.compile(rf"{B}{OPT_MOD}(?P<mon>{MONTH}){E}", I), _h_bare_month, _starts(mods, months)),
        _Rule("season", re.compile(
            rf"{B}{OPT_MOD}(?:(?P<rel>last|this|next|past|the)\s+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?{E}", I),
            _h_season, _starts(mods, ["last", "this", "next", "past"], _the(lex["season"]), lex["season"])),
        _Rule("year_range", re.compile(rf"{B}(?P<y1>{YEAR})\s*[-–/]\s*(?P<y2>\d{{4}}|\d\d){E}"), _h_year_range,
              _starts(_NUMBER)),
        _Rule("decade", re.compile(rf"{B}{OPT_MOD}(?:(?P<c>1\d|20)?(?P<d>\d)0|'(?P<d2>\d)0)[’']?s{E}", I), _h_decade,
              _starts(mods, _NUMBER, ["'"])),
        _Rule("century", re.compile(rf"{B}{OPT_MOD}(?P<n>\d{{1,2}}){ORD}[\s-]+century{E}", I), _h_century,
              _starts(mods, _NUMBER)),
        _Rule("fiscal_year", re.compile(rf"{B}(?:fiscal(?:\s+year)?\s+|FY\s?)(?P<y>{YEAR}){E}", I), _h_fiscal_year,
              _starts(["fiscal", "FY"])),  # "FY2015" is the run "FY" and the run "2015"
        _Rule("mod_year", re.compile(rf"{B}{OPT_MOD}(?P<y>{YEAR})(?![\w%]|[.,]\d|-\d)", I), _h_year,
              _starts(mods, _NUMBER)),
        _Rule("rel_unit", re.compile(
            rf"{B}{OPT_MOD}(?:(?P<the>the)\s+)?(?P<rel>this|last|next|past|previous|coming|current)\s+"
            rf"(?:(?P<fiscal>fiscal|financial|calendar)\s+)?(?P<unit>week|month|year|quarter|decade|century|weekend){E}", I),
            _h_rel_unit, _starts(mods, rel_unit, _the(rel_unit))),
        _Rule("end_of_unit", re.compile(
            rf"{B}(?P<mod>(?:the\s+)?(?:end|start|beginning|middle)\s+of)\s+(?:the\s+)?(?P<unit>year|month|week){E}", I),
            _h_end_of_unit, _starts(["end", "start", "beginning", "middle"], _the(["end", "start", "beginning", "middle"]))),
        _Rule("ago", re.compile(
            rf"{B}(?:(?P<n>{NUM}|{VAGUE})\s+)?(?P<unit>{UNIT})\s+(?P<dir>ago|from\s+now|hence){E}", I), _h_ago,
            _starts(numbers, lex["vague_number"], lex["unit"])),
        _Rule("weekday", re.compile(
            rf"{B}(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<pod>{POD}))?{E}", I),
            _h_weekday, _starts(["last", "this", "next", "past", "coming"], wds)),
        _Rule("rel_day", re.compile(
            rf"{B}(?:the\s+day\s+(?P<ba>before|after)\s+)?(?P<day>yesterday|today|tomorrow|tonight)"
            rf"(?:\s+(?P<pod>{POD}))?{E}", I), _h_rel_day, _starts(["the day", "yesterday", "today", "tomorrow", "tonight"])),
        _Rule("weekend", re.compile(
            rf"{B}(?:(?P<past>this\s+past)|the)\s+weekend{E}(?!\s+(?:of|before|after|when)\b)", I), _h_weekend,
            _starts(["this past"], _the(["weekend"]))),
        _Rule("anaphoric_day", re.compile(
            rf"{B}(?:the\s+(?P<rel>following|next|previous|same)|(?P<that>that))\s+(?P<unit>day|{POD}){E}"
            rf"(?!\s+(?:of|as|when|that|before|after|or|and)\b)", I), _h_anaphoric_day,
            _starts(_the(["following", "next", "previous", "same"]), ["that"])),
        _Rule("this_pod", re.compile(rf"{B}(?P<rel>this|last)\s+(?P<pod>{POD}){E}", I), _h_this_pod, _starts(["this", "last"])),
        _Rule("ref", re.compile(rf"{B}(?P<ref>{_alt(lex['ref'])}){E}(?!\s+(?:that|of|when)\b)", I), _h_ref,
              _starts(lex["ref"])),
        _Rule("race_time", re.compile(rf"{B}(?P<h>\d{{1,2}}):(?P<mi>\d\d):(?P<s>\d\d){E}"), _h_race_time,
              _starts(_NUMBER)),
        _Rule("clock", re.compile(
            rf"{B}(?:(?P<h>\d{{1,2}})(?::(?P<mi>\d\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m(?![\w]))"
            rf"|(?P<h2>\d{{1,2}}):(?P<mi2>\d\d)(?::(?P<s2>\d\d))?(?![:\d])"
            rf"|(?P<word>noon|midnight)(?![\w]))"
            rf"(?:\s+(?P<tz>GMT|UTC|BST|CET|EST|EDT|ET|PT|local\s+time)(?![\w]))?"
            rf"(?:\s+(?P<wd>{WEEKDAY})(?![\w]))?", I), _h_clock, _starts(_NUMBER, ["noon", "midnight"])),
        _Rule("duration", re.compile(
            rf"{B}(?:the\s+(?:(?:past|last|next|first|coming|previous|following|final)\s+)?|(?:past|last|next)\s+)?(?:(?:{DMOD})\s+)?"
            rf"(?P<n>{NUM}|{VAGUE})(?:\s+|-)(?P<unit>{UNIT})(?P<tail>[\s-]+(?:old|of\s+age|and\s+(?:older|over|up)))?{E}"
            rf"(?!\s+(?:ago|from\s+now|hence){E})", I), _h_duration,
            _starts(_the(["past", "last", "next", "first", "coming", "previous", "following", "final"]),
                    ["past", "last", "next"], _the(lex["duration_modifier"], numbers, lex["vague_number"]),
                    lex["duration_modifier"], numbers, lex["vague_number"])),
        _Rule("bare_units", re.compile(
            rf"{B}(?:(?:the\s+)?(?P<rel>past|last|next|coming|previous|following|recent)\s+)?"
            rf"(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries|decade|century){E}", I), _h_bare_units,
            _starts(rel_units, _the(rel_units), ["years", "months", "weeks", "days", "decades", "hours", "minutes",
                                                 "centuries", "decade", "century"])),
        _Rule("set", re.compile(
            rf"{B}(?:(?P<q>every|each)\s+(?:other\s+)?(?:(?P<n>{NUM})\s+)?(?P<what>{UNIT}|{WEEKDAY}|{POD}|{SEASON}|season)"
            rf"|(?P<adv>{_alt(lex['set_adverb'])})){E}", I), _h_set, _starts(["every", "each"], lex["set_adverb"])),
    ]
    return tuple(rules)


# --- handlers ----------------------------------------------------------------
# Each returns a list of _Hit (usually one) or None to reject the match.

def _hit(m, typ, value, precision, reason, start=None, end=None, day_assumed: bool = False) -> list[_Hit]:
    return [_Hit(m.start() if start is None else start, m.end() if end is None else end,
                 typ, value, precision, reason, day_assumed)]


def _unanchored(m, typ, reason) -> list[_Hit]:
    return _hit(m, typ, None, "unanchored", f"{reason}; no publication date to anchor it")


def _month_num(word: str) -> int:
    return int(load_lexicon()["month"][word.lower()])


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _mod_note(m) -> str:
    mod = m.groupdict().get("mod")
    return f" ('{mod}' is a modifier, value unchanged)" if mod else ""


def _h_iso_date(m, ctx):
    try:
        day = Date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return _hit(m, "DATE", day.isoformat(), "day", "explicit ISO date")


def _h_iso_week(m, ctx):
    if not 1 <= int(m["w"]) <= 53:
        return None
    return _hit(m, "DATE", f"{m['y']}-W{m['w']}", "week", "explicit ISO week")


def _h_numeric_date(m, ctx):
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    month, day = (a, b) if a <= 12 else (b, a)
    try:
        value = Date(y, month, day)
    except ValueError:
        return None
    order = "month/day/year (US order)" if a <= 12 else "day/month/year"
    return _hit(m, "DATE", value.isoformat(), "day", f"numeric date read as {order}")


def _h_month_day(m, ctx):
    if not _capitalised(m["mon"]):
        return None
    month, day = _month_num(m["mon"]), int(m["d"])
    if m["y"]:
        try:
            return _hit(m, "DATE", Date(int(m["y"]), month, day).isoformat(), "day", "explicit day, month and year")
        except ValueError:
            return None
    if ctx.anchor is None:
        return _unanchored(m, "DATE", "month and day without a year")
    a = ctx.anchor
    candidates = []
    for y in (a.year - 1, a.year, a.year + 1):
        try:
            d = Date(y, month, day)
        except ValueError:
            continue
        candidates.append((d.toordinal(), d))
    if not candidates:
        return None
    first = m.group(0).split()[0].strip(",").lower()
    weekday = load_lexicon()["weekday"].get(first)
    if weekday is not None:  # "Wednesday, July 31": the year in which July 31 is a Wednesday
        fits = [c for c in candidates if c[1].isoweekday() == int(weekday) and abs((c[1] - a).days) <= 183]
        if len(fits) == 1:  # (a typo, "resigned on Wednesday, March 5" in a 2024 story, fits no year near)
            return _hit(m, "DATE", fits[0][1].isoformat(), "day",
                        f"month-day without year: the weekday '{first}' fits only {fits[0][1].year}")
    tense = ctx.tense(m.start(), m.end())
    chosen = _pick(candidates, a.toordinal(), tense)
    return _hit(m, "DATE", chosen.isoformat(), "day", f"month-day without year: {_tense_phrase(tense)} relative to anchor {a}")


def _tense_phrase(tense: str | None) -> str:
    return {"past": "past tense -> most recent", "future": "future tense -> next"}.get(tense, "no tense cue -> closest")


def _h_month_year(m, ctx):
    if not _capitalised(m["mon"]):
        return None
    return _hit(m, "DATE", f"{int(m['y']):04d}-{_month_num(m['mon']):02d}", "month", "explicit month and year" + _mod_note(m))


def _h_month_rel_year(m, ctx):
    if not _capitalised(m["mon"]):
        return None
    if ctx.anchor is None:
        return _unanchored(m, "DATE", f"month of '{m['rel']} year'")
    year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return _hit(m, "DATE", f"{year}-{_month_num(m['mon']):02d}", "month",
                f"'{m['mon']} {m['rel']} year' = month {_month_num(m['mon'])} of {year}" + _mod_note(m))


def _h_rel_month(m, ctx):
    if not _capitalised(m["mon"]):
        return None
    if ctx.anchor is None:
        return _unanchored(m, "DATE", f"'{m['rel']} {m['mon']}'")
    a, month, rel = ctx.anchor, _month_num(m["mon"]), m["rel"].lower()
    if rel in ("last", "past"):
        year = a.year if month < a.month else a.year - 1
        why = "most recent before the anchor month"
    elif rel == "next":
        year = a.year if month > a.month else a.year + 1
        why = "first after the anchor month"
    else:
        year = a.year
        why = "in the anchor year"
    return _hit(m, "DATE", f"{year}-{month:02d}", "month", f"'{rel} {m['mon']}' = {why}" + _mod_note(m))


_MONTH_CUE_BEFORE = re.compile(r"(?:\b(?:in|since|until|till|by|through|from|to|of|during|before|after|on|early|late|mid|last|this|next)\s+|mid-)$", re.I)


_MONTH_CUE_WORDS = {"in", "since", "until", "till", "by", "through", "throughout", "from", "to", "of", "during",
                    "before", "after", "on", "early", "late", "mid", "last", "this", "next", "between", "and", "or",
                    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}  # "Monday May 6"


def _h_bare_month(m, ctx):
    word = m["mon"]
    if not _capitalised(word):
        return None
    if "." in word or len(word) <= 4 and word.lower() not in ("june", "july", "may"):
        return None  # bare abbreviations ("Jan", "Mar") are too ambiguous
    if word.lower() in ("may", "march") and not m["mod"]:
        if not _MONTH_CUE_BEFORE.search(ctx.before(m.start(), 12)):
            return None  # "May" (modal) / "March" (verb/noun) need a temporal preposition
        if re.match(r"['’]s\b", ctx.after(m.end(), 3)) and any(
                g.group(1).lower() not in _MONTH_CUE_WORDS
                for g in re.finditer(rf"\b([A-Z][a-z]+)\s+{word}\b", ctx.before(m.start(), 2000))):
            return None  # the surname of a person named before: "Theresa May ... in protest to May's agreement"
    if ctx.anchor is None:
        return _unanchored(m, "DATE", "month without a year")
    a, month = ctx.anchor, _month_num(word)
    candidates = [((y * 12 + month), y) for y in (a.year - 1, a.year, a.year + 1)]
    tense = ctx.tense(m.start(), m.end())
    year = _pick(candidates, a.year * 12 + a.month, tense)
    return _hit(m, "DATE", f"{year}-{month:02d}", "month",
                f"month without year: {_tense_phrase(tense)} relative to anchor {a}" + _mod_note(m))


def _h_season(m, ctx):
    rel = (m["rel"] or "").lower()
    season_word = m["season"].lower()
    code = load_lexicon()["season"][season_word]
    if m["y"]:
        return _hit(m, "DATE", f"{m['y']}-{code}", "year", "season with explicit year" + _mod_note(m))
    if rel in ("", "the"):
        if season_word == "fall" or not (rel or m["mod"]):
            return None  # "fall" is a verb; a bare season name is usually generic
    if ctx.anchor is None:
        return _unanchored(m, "DATE", "season without a year")
    cur_year, cur = _season_of(ctx.anchor)
    cur_idx = cur_year * 4 + _SEASON_ORDER.index(cur)
    target = _SEASON_ORDER.index(code)
    candidates = [(y * 4 + target, y) for y in (cur_year - 2, cur_year - 1, cur_year, cur_year + 1)]
    if rel in ("last", "past"):
        year = max(c for c in candidates if c[0] < cur_idx)[1]
    elif rel == "next":
        year = min(c for c in candidates if c[0] > cur_idx)[1]
    elif rel == "this":
        year = _pick(candidates, cur_idx, None)
    else:
        year = _pick(candidates, cur_idx, ctx.tense(m.start(), m.end()))
    return _hit(m, "DATE", f"{year}-{code}", "year", f"'{m.group(0)}' resolved against the season of {ctx.anchor}")


def _h_year_range(m, ctx):
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else (y1 // 100) * 100 + int(m["y2"])
    if not (y1 < y2 <= y1 + 100) or _followed_by_quantity(ctx.after(m.end(), 30)):
        return None
    s2 = m.start("y2")
    return [_Hit(m.start("y1"), m.end("y1"), "DATE", str(y1), "year", "first year of a year range"),
            _Hit(s2, m.end("y2"), "DATE", str(y2), "year",
                 "second year of a year range" + (" (two digits completed from the first)" if len(m["y2"]) == 2 else ""))]


def _h_decade(m, ctx):
    if m["d2"] is not None:
        century = "19"
        digit = m["d2"]
    elif m["c"] is not None:
        century, digit = m["c"], m["d"]
    else:
        return None  # "the 80s" without century: could be ages/temperatures
    return _hit(m, "DATE", f"{century}{digit}", "year", "decade" + _mod_note(m))


def _h_century(m, ctx):
    n = int(m["n"])
    if not 1 <= n <= 22:
        return None
    return _hit(m, "DATE", f"{n - 1:02d}", "year", f"{n}th century = years {n - 1:02d}00-{n - 1:02d}99" + _mod_note(m))


def _h_fiscal_year(m, ctx):
    return _hit(m, "DATE", m["y"], "year", "fiscal year named by its year")


def _followed_by_quantity(following: str) -> bool:
    """True when the text after a number starts with a quantity noun or unit ("2000 troops", "2012 billion")."""
    nxt = re.match(r"\s*([%\w]+)", following)
    if not nxt:
        return False
    word = nxt.group(1)
    if word.lower() in load_lexicon()["quantity_word"]:
        return True
    # a lower-case plural noun right after the number: "1500 soldiers", "2000 homes"
    return word.islower() and len(word) >= 4 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))


_YEAR_CUE_BEFORE = re.compile(r"\b(?:in|since|of|from|until|till|by|before|after|during|year|early|late|mid|around|circa|c\.)\s+$|mid-$", re.I)


def _h_year(m, ctx):
    y = int(m["y"])
    nxt = re.match(r"\s+([a-z]+)", ctx.after(m.end(), 30))
    named_event = nxt is not None and nxt.group(1) in load_lexicon().get("year_event_noun", {}) and 1900 <= y <= 2099 \
        and re.search(r"(?:\b(?:the|its|his|her|their|our)|'s|’s)\s+$", ctx.before(m.start(), 12), re.I) is not None
    if _followed_by_quantity(ctx.after(m.end(), 30)) and not named_event:
        return None  # "2000 troops"; not "the 2006 riots", "the 2019 elections"
    before = ctx.before(m.start(), 12)
    if re.search(r"[\d,.#№]$|\bNo\.?\s*$|[$€£]\s*$", before):
        return None  # part of a bigger number, a numbered item or money
    if not (1900 <= y <= 2099) and not m["mod"] and not _YEAR_CUE_BEFORE.search(before):
        return None
    return _hit(m, "DATE", str(y), "year", "explicit year" + _mod_note(m))


def _h_rel_unit(m, ctx):
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if rel == "past" or (rel == "previous" and m["the"] is None):
        if m["mod"]:
            return None
        return _hit(m, "DURATION", _duration_value(1, load_lexicon()["unit"][unit]), "unanchored",
                    f"'{m.group(0)}' is a span of time ending now (duration)")
    if ctx.anchor is None:
        return _unanchored(m, "DATE", f"'{rel} {unit}'")
    a = ctx.anchor
    off = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1, "coming": 1}[rel]
    why = f"'{rel} {unit}' = anchor {unit} {off:+d}" + _mod_note(m)
    if unit == "year":
        return _hit(m, "DATE", str(a.year + off), "year", why)
    if unit == "month":
        y, mo = _add_months(a.year, a.month, off)
        return _hit(m, "DATE", f"{y}-{mo:02d}", "month", why)
    if unit in ("week", "weekend"):
        value = _week_value(a + dt.timedelta(weeks=off))
        return _hit(m, "DATE", value + ("-WE" if unit == "weekend" else ""), "week", why)
    if unit == "quarter":
        q = (a.month - 1) // 3 + off
        y = a.year + q // 4
        return _hit(m, "DATE", f"{y}-Q{q % 4 + 1}", "year", why)
    if unit == "decade":
        return _hit(m, "DATE", str(a.year // 10 + off), "year", why)
    return _hit(m, "DATE", f"{a.year // 100 + off:02d}", "year", why)


def _h_end_of_unit(m, ctx):
    """"the end/start/middle of the year/month/week": the anchor's unit, except that the
    *end* of it in a clause whose own verb is past ("the mission ended at the end of
    the year") is the previous unit, unless the anchor is already near that end.
    Only the expression's clause counts (``_Ctx.clause_tense``): "said it expects
    profits to rise by the end of the year" is not past."""
    unit = m["unit"].lower()
    if ctx.anchor is None:
        return _unanchored(m, "DATE", f"'{m.group(0)}'")
    a = ctx.anchor
    tense = ctx.clause_tense(m.start(), m.end())
    back = tense == "past" and "end" in m["mod"].lower()
    why = f"'{m.group(0)}' in a {tense or 'non-past'} clause"
    if unit == "year":
        year = a.year - 1 if back and a.month < 12 else a.year
        return _hit(m, "DATE", str(year), "year", f"{why} -> {year}")
    if unit == "month":
        y, mo = _add_months(a.year, a.month, -1 if back and a.day < 25 else 0)
        return _hit(m, "DATE", f"{y}-{mo:02d}", "month", why)
    return _hit(m, "DATE", _week_value(a - dt.timedelta(weeks=1 if back and a.weekday() < 4 else 0)), "week", why)


def _h_ago(m, ctx):
    unit = load_lexicon()["unit"][m["unit"].lower()]
    future = not m["dir"].lower().startswith("ago")
    n = _num_value(m["n"]) if m["n"] else 1.0
    if m["n"] is None and m["unit"].lower().endswith("s"):
        n = None  # "years ago"
    if n is None:
        return _hit(m, "DATE", "FUTURE_REF" if future else "PAST_REF", "article", "vague amount of time before/after now")
    if unit in _TIME_UNITS or n != int(n):
        return None
    if ctx.anchor is None:
        return _unanchored(m, "DATE", f"'{m.group(0)}'")
    k = int(n) * (1 if future else -1)
    a = ctx.anchor
    why = f"'{m.group(0)}' = anchor {'+' if future else '-'} {int(n)} {m['unit'].lower()}"
    try:
        if unit == "Y":
            return _hit(m, "DATE", str(a.year + k), "year", why)
        if unit == "DE":
            return _hit(m, "DATE", str(a.year // 10 + k), "year", why)
        if unit == "CE":
            return _hit(m, "DATE", f"{a.year // 100 + k:02d}", "year", why)
        if unit in ("M", "Q"):
            y, mo = _add_months(a.year, a.month, k * (3 if unit == "Q" else 1))
            return _hit(m, "DATE", f"{y}-{mo:02d}", "month", why)
        if unit in ("W", "WE"):
            return _hit(m, "DATE", _week_value(a + dt.timedelta(weeks=k)), "week", why)
        return _hit(m, "DATE", (a + dt.timedelta(days=k)).isoformat(), "day", why)
    except (ValueError, OverflowError):
        return None


def _weekday_date(anchor: Date, iso_wd: int, rel: str, tense: str | None, convention: str) -> tuple[Date, str]:
    """Resolve a weekday name: last/next are strict; otherwise tense, else the convention."""
    back = (anchor.isoweekday() - iso_wd) % 7  # days back to the most recent such day (0 = anchor)
    fwd = (iso_wd - anchor.isoweekday()) % 7
    if rel == "last" or rel == "past":
        return anchor - dt.timedelta(days=back or 7), "'last' = most recent such day before the anchor"
    if rel in ("next", "coming"):
        return anchor + dt.timedelta(days=fwd or 7), "'next' = first such day after the anchor"
    if tense == "future" or (tense is None and convention == "future"):
        return anchor + dt.timedelta(days=fwd), "future tense -> first such day on/after the anchor"
    why = "past tense" if tense == "past" else f"no tense cue, news convention ({convention})"
    return anchor - dt.timedelta(days=back), f"{why} -> most recent such day on/before the anchor"


def _h_weekday(m, ctx):
    wd = m["wd"]
    if not _capitalised(wd):
        return None
    iso = int(load_lexicon()["weekday"][wd.lower()])
    typ = "TIME" if m["pod"] else "DATE"
    if ctx.anchor is None:
        return _unanchored(m, typ, f"weekday '{wd}'")
    rel = (m["rel"] or "").lower()
    tense = ctx.tense(m.start(), m.end())
    day, why = _weekday_date(ctx.anchor, iso, rel, tense, ctx.weekday_convention)
    if m["pod"]:
        pod = load_lexicon()["part_of_day"][m["pod"].lower()]
        return _hit(m, "TIME", f"{day.isoformat()}T{pod}", "day", f"'{m.group(0)}': {why}")
    return _hit(m, "DATE", day.isoformat(), "day", f"'{m.group(0)}': {why} ({ctx.anchor})")


def _h_rel_day(m, ctx):
    day_word = m["day"].lower()
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[day_word]
    if m["ba"]:
        offset += -1 if m["ba"].lower() == "before" else 1
    pod = m["pod"] or ("night" if day_word == "tonight" else None)
    typ = "TIME" if pod else "DATE"
    if ctx.anchor is None:
        return _unanchored(m, typ, f"'{m.group(0)}'")
    day = ctx.anchor + dt.timedelta(days=offset)
    why = f"'{m.group(0)}' = anchor {offset:+d} day" if offset else f"'{m.group(0)}' = anchor"
    if pod:
        return _hit(m, "TIME", f"{day.isoformat()}T{load_lexicon()['part_of_day'][pod.lower()]}", "day", why)
    return _hit(m, "DATE", day.isoformat(), "day", why)


def _h_weekend(m, ctx):
    """"over/during/on the weekend", "this past weekend": the most recent weekend on or before the anchor in a
    past or untensed clause (news reports the weekend just gone), the coming one in a future or modal clause,
    none in a present one ("markets are closed on the weekend").  "The weekend" needs a preposition of time
    before it: not "the weekend shift", "travelled for the weekend", "the weekend starts on Friday"."""
    if ctx.anchor is None:
        return _unanchored(m, "DATE", f"'{m.group(0)}'")
    if not m["past"] and not re.search(r"\b(?:over|during|on|at|through|throughout|across|by|since|until)\s+$",
                                       ctx.before(m.start(), 16), re.I):
        return None  # "the weekend shift", "travelled for the weekend", "the weekend starts on Friday"
    if ctx.aside is not None and not m["past"] and ctx.aside(m.start(), m.end()) == ASIDE_MODIFIER:
        return None  # "on the weekend shift", "in the weekend edition"
    a = ctx.anchor
    parsed = None if m["past"] else ctx._parsed(m.start(), m.end())
    if parsed == "present":
        return None  # "markets are closed on the weekend", "talks are expected to resume over the weekend": no day
    tense = "future" if parsed == "modal" else None if m["past"] else ctx.tense(m.start(), m.end())
    if tense == "future":
        day = a + dt.timedelta(days=7 if a.isoweekday() == 7 else 0)
        why = "future tense -> the coming weekend"
    else:
        day = a - dt.timedelta(days=0 if a.isoweekday() >= 6 else 7)
        why = ("'this past'" if m["past"] else "past tense" if tense == "past" else "no tense cue") + \
            " -> the most recent weekend on/before the anchor"
    return _hit(m, "DATE", _week_value(day) + "-WE", "week", f"'{m.group(0)}': {why}")


_ANAPHOR = "ANAPHOR"  # value prefix of a day relative to the text's previous date (``_resolve_anaphors``)
_ANAPHOR_TEXT = re.compile(r"(?:the\s+(?:following|next|previous|same)|that)\s+\w+", re.I)  # what the rule matches
_ANAPHOR_WINDOW = 250  # characters back to look for that date: about a sentence (further back, another story's day)


def _h_anaphoric_day(m, ctx):
    """"the following day", "the next morning", "that night": a day relative to the day the text last named
    (resolved in ``_resolve_anaphors``), not to the publication date."""
    rel = (m["rel"] or "same").lower()
    offset = {"following": 1, "next": 1, "previous": -1, "same": 0}[rel]
    unit = m["unit"].lower()
    pod = "" if unit == "day" else load_lexicon()["part_of_day"][unit]
    return _hit(m, "TIME" if pod else "DATE", f"{_ANAPHOR}:{offset}:{pod}", "anaphor", f"'{m.group(0)}'")


def _resolve_anaphors(hits: list[_Hit], aside: Callable[[int, int], str | None] | None = None) -> None:
    """Give each anaphoric day (``_h_anaphoric_day``) the day named last before it, within
    ``_ANAPHOR_WINDOW`` characters, plus its offset; else no value ("unanchored": with a publication date known,
    a DATE without a value dates no event, see ``_event_date``).  ``aside(start, end)`` (from the parse) refuses
    a day of background or an aside as the antecedent: "The army, which had retaken the town on January 15,
    said on Tuesday ... The next day" counts from Tuesday."""
    last: tuple[Date, int, str] | None = None  # day, end offset, text
    for h in hits:
        if h.precision == "anaphor":
            _, off, pod = h.value.split(":")
            if last is not None and h.start - last[1] <= _ANAPHOR_WINDOW:
                day, why = last[0] + dt.timedelta(days=int(off)), f"{h.reason} relative to the day last named, {last[2]}"
            else:  # the publication date is not what "the following day" follows: no value, and it dates no event
                h.value, h.precision, h.reason = None, "unanchored", f"{h.reason}: no day named just before it"
                continue
            h.value = day.isoformat() + (f"T{pod}" if pod else "")
            h.precision, h.reason = "day", why
        if h.type in ("DATE", "TIME") and h.value and re.fullmatch(r"\d{4}-\d\d-\d\d(T[A-Z]{2})?", h.value) \
                and not (aside is not None and aside(h.start, h.end)):
            # a day the text names ("Friday", "March 3", "Friday night"); not a bare clock time ("13:40"),
            # whose day is only the anchor's
            last = (Date.fromisoformat(h.value[:10]), h.end, f"{h.value[:10]}")


def _h_this_pod(m, ctx):
    pod = load_lexicon()["part_of_day"][m["pod"].lower()]
    if m["rel"].lower() == "last" and pod != "NI":
        return None
    if ctx.anchor is None:
        return _unanchored(m, "TIME", f"'{m.group(0)}'")
    day = ctx.anchor - dt.timedelta(days=1 if m["rel"].lower() == "last" else 0)
    return _hit(m, "TIME", f"{day.isoformat()}T{pod}", "day", f"'{m.group(0)}' relative to anchor")


def _h_ref(m, ctx):
    """"now", "recently", "at the time"... -> PRESENT_REF / PAST_REF / FUTURE_REF.  The rule
    refuses a reference word followed by "that", "of" or "when": there it is a noun or
    a conjunction ("now that", "the future of Europe", "at the time of the summit")."""
    phrase = re.sub(r"\s+", " ", m["ref"].lower())
    value = load_lexicon()["ref"][phrase]
    return _hit(m, "DATE", value, "article", f"'{m.group(0)}' refers to the {value.split('_')[0].lower()}")


def _h_clock(m, ctx):
    """A clock time (12- or 24-hour, with seconds, or noon/midnight), optionally with a
    time zone and a trailing weekday ("3 p.m. EST Saturday", "15:00 GMT Saturday"): on
    the weekday's date when one is given (resolved like a bare weekday), else on the
    anchor day."""
    if m["word"]:
        value = "T12:00" if m["word"].lower() == "noon" else "T24:00"
    else:
        h = int(m["h"] or m["h2"])
        mi = int(m["mi"] or m["mi2"] or 0)
        ampm = (m["ampm"] or "").lower().replace(".", "")
        if ampm == "pm" and h < 12:
            h += 12
        elif ampm == "am" and h == 12:
            h = 0
        if h > 24 or mi > 59 or (m["s2"] and int(m["s2"]) > 59):
            return None
        value = f"T{h:02d}:{mi:02d}" if (m["mi"] or m["mi2"]) else f"T{h:02d}"
        if m["s2"]:
            value += f":{m['s2']}"
    if ctx.anchor is None:
        return _hit(m, "TIME", value, "unanchored", "clock time; no publication date to give its day")
    if m["wd"]:
        if not _capitalised(m["wd"]):
            return None
        day, why = _weekday_date(ctx.anchor, int(load_lexicon()["weekday"][m["wd"].lower()]), "",
                                 ctx.tense(m.start(), m.end()), ctx.weekday_convention)
        return _hit(m, "TIME", day.isoformat() + value, "day", f"clock time on '{m['wd']}': {why}")
    return _hit(m, "TIME", ctx.anchor.isoformat() + value, "day", "clock time, assumed on the anchor day", day_assumed=True)


@functools.lru_cache(maxsize=None)
def _duration_cue_regex() -> re.Pattern:
    cues = load_lexicon()["duration_cue"]
    return re.compile(rf"(?<![\w'])(?:{_alt(cues)})\s+(?:a\s+)?$", re.I)


def _h_race_time(m, ctx):
    """h:mm:ss is an elapsed time only after a duration cue ("finished in 2:05:31", "a time
    of 1:59:40"; ``duration_cue`` rows of the lexicon); otherwise the clock rule reads it."""
    if not _duration_cue_regex().search(ctx.before(m.start(), 30)):
        return None
    return _hit(m, "DURATION", f"PT{int(m['h'])}H{int(m['mi'])}M{int(m['s'])}S", "unanchored",
                "h:mm:ss after a duration cue read as an elapsed time")


def _h_duration(m, ctx):
    if m["tail"]:
        return None  # ages ("22 years old", "22-year-old", "6 months and older") are not timexes here
    if m["unit"].lower() == "second":
        return None  # "a second term": the ordinal, not one second
    unit = load_lexicon()["unit"][m["unit"].lower()]
    n = _num_value(m["n"])
    plural = m["unit"].lower().endswith("s")
    if n is not None and n > 1 and not plural and "-" not in m.group(0)[m.start("n") - m.start():]:
        return None  # "2013 year", "5 day" without a hyphen is not a duration phrase
    if re.fullmatch(r"\d+", m["n"]) and int(m["n"]) >= 1000 and unit not in _TIME_UNITS:
        return None
    return _hit(m, "DURATION", _duration_value(n, unit), "unanchored",
                f"amount of time '{m.group(0)}' (duration, never anchors an event)")


def _h_bare_units(m, ctx):
    unit = load_lexicon()["unit"][m["unit"].lower()]
    singular = not m["unit"].lower().endswith("s")
    if singular and not m["rel"]:
        return None
    if re.search(r"\d\s*$", ctx.before(m.start(), 4)):
        return None  # the unit of a rejected number phrase ("6 months and older")
    rel = (m["rel"] or "").lower()
    if singular and rel in ("last", "next", "coming", "previous"):
        return None  # handled as dates by rel_unit
    n = 1 if singular else None
    return _hit(m, "DURATION", _duration_value(n, unit), "unanchored", f"unquantified amount of time '{m.group(0)}'")


def _h_set(m, ctx):
    lex = load_lexicon()
    if m["adv"]:
        if _capitalised(m["adv"]) and re.match(r"\s+[A-Z]", ctx.after(m.end(), 3)):
            return None  # a name such as "Daily Mail"
        return _hit(m, "SET", lex["set_adverb"][m["adv"].lower()], "unanchored", f"'{m.group(0)}' recurs")
    what = m["what"].lower()
    n = _num_value(m["n"]) if m["n"] else 1
    if what in lex["unit"]:
        value = _duration_value(n, lex["unit"][what])
    elif what in lex["weekday"]:
        value = f"XXXX-WXX-{lex['weekday'][what]}"
    elif what in lex["part_of_day"]:
        value = f"XXXX-XX-XXT{lex['part_of_day'][what]}"
    elif what in lex["season"]:
        value = f"XXXX-{lex['season'][what]}"
    else:
        value = "P1Y"
    return _hit(m, "SET", value, "unanchored", f"'{m.group(0)}' recurs")


# ----------------------------------------------------------------------------
# Matching
# ----------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _all_starts() -> frozenset[str]:
    """The start keys of all rules."""
    return frozenset().union(*(rule.starts for rule in _grammar()))


def _runs_by_key(text: str, lo: int, hi: int) -> dict[str, list[int]]:
    """Start offsets of the runs (``_RUN``) of ``text[lo:hi]`` that some rule may start at,
    by start key (``_start_key``, inlined: this loop visits every word of the article; a
    "the" gets the key "the <key of the next run>", or "*" before a non-ASCII run)."""
    wanted = _all_starts()
    out: dict[str, list[int]] = {}
    the_at = -1  # offset of a "the" waiting for the run after it
    for m in _RUN.finditer(text, lo, hi):
        run = m.group()
        if not run.isascii():
            key = _NON_ASCII
        elif run[0].isdigit():
            key = _DIGITS
        else:
            key = run.lower()
        if the_at >= 0:
            the_key = _NON_ASCII if key == _NON_ASCII else f"the {key}"
            if the_key in wanted:
                out.setdefault(the_key, []).append(the_at)
            the_at = -1
        if key == "the":
            the_at = m.start()
        elif key in wanted:
            out.setdefault(key, []).append(m.start())
    return out


def _finditer(rule: _Rule, text: str, lo: int, hi: int, runs: dict[str, list[int]]) -> list[re.Match]:
    """The non-empty matches of ``rule.pattern.finditer(text, lo, hi)``, found by trying the
    pattern only where a run with one of the rule's start keys begins (``runs``, from
    ``_runs_by_key``).  As in ``finditer``, the leftmost match wins and the next one
    starts at or after its end.  (No rule can match the empty string.)"""
    keys = runs.keys() & rule.starts
    if not keys:
        return []
    positions = sorted(p for k in keys for p in runs[k]) if len(keys) > 1 else runs[next(iter(keys))]
    match = rule.pattern.match
    out = []
    end = lo
    for pos in positions:
        if pos >= end and (m := match(text, pos, hi)) is not None and m.end() > pos:
            out.append(m)
            end = m.end()
    return out


def _match_all(ctx: _Ctx, lo: int = 0, hi: int | None = None) -> list[_Hit]:
    """All rule matches in ``ctx.text[lo:hi]``, longest-first, overlaps removed."""
    hi = len(ctx.text) if hi is None else hi
    runs = _runs_by_key(ctx.text, lo, hi)
    found: list[tuple[int, int, int, list[_Hit]]] = []
    for prio, rule in enumerate(_grammar()):
        for m in _finditer(rule, ctx.text, lo, hi, runs):
            hits = rule.handler(m, ctx)
            if hits:
                found.append((m.start(), m.end(), prio, hits))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int]] = []
    out: list[_Hit] = []
    for start, end, _, hits in found:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        out.extend(hits)
    out.sort(key=lambda h: h.start)
    _resolve_anaphors(out, ctx.aside)
    return out


def to_date(anchor) -> Date | None:
    if anchor is None or isinstance(anchor, Date):
        return anchor
    try:
        return Date.fromisoformat(str(anchor)[:10])
    except ValueError:
        return None


def find_timexes(text: str, anchor: Date | str | None, weekday_convention: str = "past",
                 tense_oracle: TenseOracle | None = None,
                 aside_oracle: Callable[[int, int], str | None] | None = None) -> list[Timex]:
    """Temporal expressions in ``text``, normalised against the publication date ``anchor``.

    ``anchor`` may be a ``date``, a ``YYYY-MM-DD`` string or None (relative
    expressions then get ``value=None``, precision "unanchored").
    ``tense_oracle`` (e.g. ``parse_tense_oracle(work)``) gives the tense of an
    expression's clause from a parse; the cue words decide where it returns None.
    """
    ctx = _Ctx(text, to_date(anchor), weekday_convention, tense_oracle=tense_oracle, aside_oracle=aside_oracle)
    return [h.timex(text) for h in _match_all(ctx)]


def normalise(span_text: str, anchor: Date | str | None, context: str = "", offset: int | None = None,
              weekday_convention: str = "past") -> Timex:
    """Normalise one given span (e.g. a gold TIMEX3 extent).

    ``context`` is the surrounding text (the whole article is fine) used for the
    tense of underspecified expressions; ``offset`` is the span's position in it
    (found by search when omitted).  A grammar match over the context with
    exactly the span's extent wins (it sees neighbours such as the "1957-" of
    "1957-58"); else the longest match inside the span alone gives the value.
    Spans it cannot read go to recognizers-text-suite; failing that the value is None.
    """
    a = to_date(anchor)
    if context and offset is None:
        found = context.find(span_text)
        offset = found if found >= 0 else None
    if not context or offset is None:
        context, offset = span_text, 0
    end = offset + len(span_text)
    around = _Ctx(context, a, weekday_convention)
    for h in _match_all(around, max(0, offset - 40), min(len(context), end + 40)):
        if (h.start, h.end) == (offset, end):
            return h.timex(context)
    ctx = _Ctx(span_text, a, weekday_convention, tense_text=context, tense_offset=offset)
    hits = _match_all(ctx)
    if hits:
        best = max(hits, key=lambda h: h.end - h.start)
        return Timex(text=span_text, start=offset, end=offset + len(span_text), type=best.type, value=best.value,
                     precision=best.precision, reason=best.reason, day_assumed=best.day_assumed)
    return _recognizers_fallback(span_text, a, offset)


def _recognizers_fallback(span_text: str, anchor: Date | None, offset: int) -> Timex:
    """Ask recognizers-text-suite (reference = anchor at noon) about a span the grammar missed."""
    base = dict(text=span_text, start=offset, end=offset + len(span_text))
    if anchor is not None:
        from recognizers_suite import Culture, recognize_datetime

        results = recognize_datetime(span_text, Culture.English,
                                     reference=dt.datetime(anchor.year, anchor.month, anchor.day, 12))
        for r in results:
            values = (r.resolution or {}).get("values") or []
            if not values:
                continue
            timex = values[0].get("timex", "")
            kind = r.type_name.split(".")[-1]
            typ = {"duration": "DURATION", "set": "SET", "time": "TIME", "datetime": "TIME"}.get(kind, "DATE")
            if timex == "PRESENT_REF":
                typ = "DATE"
            if re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?|\d{4}-W\d\d|PRESENT_REF|P.*", timex):
                precision = {4: "year", 7: "month", 10: "day"}.get(len(timex), "week" if "-W" in timex else "article")
                if typ in ("DURATION", "SET"):
                    precision = "unanchored"
                return Timex(**base, type=typ, value=timex, precision=precision,
                             reason=f"recognizers-text-suite read '{r.text}' as {timex}")
    return Timex(**base, type="DATE", value=None, precision="unanchored", reason="no rule could read this span")


# ----------------------------------------------------------------------------
# Event dates
# ----------------------------------------------------------------------------

def event_date_of(timex: Timex, published: Date | None) -> tuple[str | None, str] | None:
    """(EventDate value, precision) for an anchoring timex, or None when it cannot date an event.

    Days, months and years pass through; a week gives its Monday and a weekend
    its Saturday, with precision "week"; a season or quarter its year; a TIME its day;
    ``PRESENT_REF`` the publication date with precision "article".  Durations,
    sets, PAST/FUTURE_REF, decades and centuries never anchor an event.
    """
    return _event_date(timex.type, timex.value, timex.precision, published)


@functools.lru_cache(maxsize=4096)  # called for every (event, timex) pair of an article
def _event_date(typ: str, v: str | None, precision: str, published: Date | None) -> tuple[str | None, str] | None:
    if typ not in ("DATE", "TIME"):
        return None
    if v is None:  # with an anchor, only an anaphor with no day before it ("the next day") has no value
        return (None, "unanchored") if precision == "unanchored" and published is None else None
    if v == "PRESENT_REF":
        return (published.isoformat(), "article") if published else (None, "unanchored")
    if m := re.fullmatch(r"(\d{4}-\d\d-\d\d)(T.*)?", v):
        return m.group(1), "day"
    if re.fullmatch(r"\d{4}-\d\d", v):
        return v, "month"
    if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", v):
        try:  # a week gives its Monday, a weekend its Saturday
            return Date.fromisocalendar(int(m.group(1)), int(m.group(2)), 6 if m.group(3) else 1).isoformat(), "week"
        except ValueError:
            return None
    if m := re.fullmatch(r"(\d{4})(-(SP|SU|FA|WI|Q\d|H\d))?", v):
        return m.group(1), "year"
    return None


def _span_root(work: Work, start: int, end: int):
    """Syntactic head of the char span ``[start, end)`` (the token whose head lies outside it)."""
    tok = work.token_at(start)
    if tok is None:
        return None
    para = work.paragraph_of(start)
    doc = tok.doc
    # the tokens starting inside the span: from ``tok`` (or the one after it, when the span
    # starts inside ``tok``) up to the first token starting at or after ``end``
    i = tok.i if para.start + tok.idx >= start else tok.i + 1
    while i < len(doc):
        t = doc[i]
        if para.start + t.idx >= end:
            break
        if not (start <= para.start + t.head.idx < end) or t.head == t:
            return t
        i += 1
    return tok


def _clause_head(tok):
    """The verb heading ``tok``'s clause: ``tok`` itself if verbal, else its nearest verbal ancestor."""
    while True:
        if tok.pos_ in ("VERB", "AUX") or tok.head == tok:
            return tok
        tok = tok.head


def _attachment(work: Work, timex: Timex, trigger_tok) -> str | None:
    """How ``timex`` attaches to the trigger's clause, or None.

    A direct dependent of the trigger gives its label ("npadvmod"); otherwise
    the verb governing the timex must head the trigger's clause, or be the verb
    the trigger's clause is coordinated with ("met in 2012 and pledged ...").
    """
    root = _span_root(work, timex.start, timex.end)
    if root is None or root.sent != trigger_tok.sent:
        return None
    if root.head == trigger_tok and root != trigger_tok:
        return root.dep_
    if _date_of_other_noun(work, timex, trigger_tok, root):
        return None  # the time of another noun ("discuss the events of this past weekend on Monday")
    gov = _clause_head(root.head)
    clause = _clause_head(trigger_tok)
    if gov == clause:
        return f"{root.dep_} of clause head '{gov.text}'"
    if clause.dep_ == "conj" and clause.head == gov:
        return f"{root.dep_} of '{gov.text}', coordinated with '{clause.text}'"
    return None


def _bare_clock(timex: Timex) -> bool:
    """A clock time with no day of its own ("began at 10:39 a.m."): its day is only the anchor's, so it dates no
    event (the paragraph's or the story's day does, or the publication)."""
    return timex.day_assumed


def _in_other_relative_clause(work: Work, timex: Timex, trigger_tok) -> bool:
    """``timex`` stands in a relative clause on the subject of a clause, one that does not hold the trigger ("Trump,
    who appointed her in 2017, responded ... calling for"): it dates that clause's verb only (a relative clause
    elsewhere may run on into the trigger's: "which he served as until 2018, resigning in protest")."""
    tok = _span_root(work, timex.start, timex.end)
    for _ in range(40):
        if tok is None or tok.head.i == tok.i:
            return False
        if tok.dep_ == "relcl" and tok.pos_ in ("VERB", "AUX"):  # (not a participle: "an order dated yesterday")
            return tok.head.dep_ in ("nsubj", "nsubjpass") and trigger_tok.i not in {t.i for t in tok.subtree}
        tok = tok.head
    return False


def _no_day(timex: Timex) -> bool:
    """A date that places an event in time but names no day: a decade ("the 1990s"), "years ago", "in the past"
    (not "recently" or "at the time", which stay near the story's time)."""
    return timex.type == "DATE" and timex.value is not None and (
        re.fullmatch(r"\d{3}", timex.value) is not None
        or timex.value == "PAST_REF" and re.search(r"\bago\b|\bthe past\b", timex.text, re.I) is not None)


def _date_of_other_noun(work: Work, timex: Timex, trigger_tok, root=None) -> bool:
    """``timex`` is the date of a noun other than the trigger, through a preposition ("the events of this past
    weekend", "his next court appearance on April 5")."""
    root = root if root is not None else _span_root(work, timex.start, timex.end)
    return root is not None and root.dep_ == "pobj" and root.head.head.pos_ in ("NOUN", "PROPN") \
        and root.head.head.i != trigger_tok.i


def anchorable_timexes(timexes: list[Timex], published: Date | None) -> list[tuple[Timex, tuple[str | None, str]]]:
    """``(timex, event_date_of(timex, published))`` for each timex that can date an event."""
    anchorable = [(t, event_date_of(t, published)) for t in timexes]
    return [(t, d) for t, d in anchorable if d is not None]


def date_event(work: Work, event, published: Date | None, antecedent=None, anchorable=None) -> EventDate:
    """Choose the EventDate for ``event`` from ``work.timexes`` (see module docstring); a later mention of an
    earlier event (``antecedent``, ``coref``) whose sentence gives it no date has that event's date, unless that
    date too is only the article's (precision ``article``).  ``anchorable``: ``anchorable_timexes(work.timexes,
    published)`` when the caller has it (the same for every event of the article)."""
    if anchorable is None:
        anchorable = anchorable_timexes(work.timexes, published)
    trig = work.token_at(event.trigger.start)
    sent_bounds = None
    if trig is not None:
        para = work.paragraph_of(event.trigger.start)
        sent = trig.sent  # spaCy finds the sentence anew on each ``Token.sent``
        sent_bounds = (para.start + sent.start_char, para.start + sent.end_char)
        for t, (value, precision) in anchorable:
            if sent_bounds[0] <= t.start < sent_bounds[1] and not _bare_clock(t):
                how = _attachment(work, t, trig)
                if how:
                    return EventDate(value=value, precision=precision, text=t.text, basis="sentence",
                                     reason=f"timex '{t.text}' attached to trigger '{event.trigger.text}' ({how}); {t.reason}")
        for t in work.timexes:  # "years ago", "in the 1990s": a date of the event that names no day
            if sent_bounds[0] <= t.start < sent_bounds[1] and _no_day(t):
                how = _attachment(work, t, trig)
                if how:
                    return EventDate(value=None, precision="unanchored", text=t.text, basis="sentence",
                                     reason=f"timex '{t.text}' attached to trigger '{event.trigger.text}' ({how}) names "
                                            f"no day ({t.value}): not another date of the sentence, nor the publication date")
    if sent_bounds is None:
        sent_bounds = (event.evidence.start, event.evidence.end)
    # the nearest date of the sentence, but for a past event not one after the publication ("ordered him held until
    # his next court appearance on April 5")
    tense = verb_tense(_clause_head(trig)) if trig is not None else None
    past = published is not None and tense == "past"
    # a date in a relative clause on the subject dates that clause, when it is not of the story's week ("Trump, who
    # appointed her in 2017, responded"; not "Protesters, who gathered on Sunday evening, clashed with police")
    week_before = (published - dt.timedelta(days=7)).isoformat() if published is not None else ""
    # an event at a clock time is dated by a day, not by a year or month of its sentence ("attacked at 3 a.m., the
    # fifth attack this year")
    clocked = trig is not None and any(_bare_clock(t) and sent_bounds[0] <= t.start < sent_bounds[1]
                                       and _attachment(work, t, trig) for t in work.timexes)
    in_sent = [(t, d) for t, d in anchorable if sent_bounds[0] <= t.start < sent_bounds[1] and not _bare_clock(t)
               and not (past and d[0] is not None and d[0][:10] > published.isoformat())
               and not (clocked and d[1] != "day")
               and not (trig is not None and (d[1] != "day" or (d[0] or "") < week_before)
                        and _in_other_relative_clause(work, t, trig))]
    if in_sent:
        t, (value, precision) = min(in_sent, key=lambda td: abs(td[0].start - event.trigger.start))
        return EventDate(value=value, precision=precision, text=t.text, basis="sentence",
                         reason=f"nearest timex '{t.text}' in the trigger's sentence; {t.reason}")
    vague = [t for t in work.timexes if sent_bounds[0] <= t.start < sent_bounds[1] and _no_day(t)]
    if vague:  # "In the 1990s, he instituted a policy of seizing land": a time, but no day
        return EventDate(value=None, precision="unanchored", text=vague[0].text, basis="sentence",
                         reason=f"the sentence's only date '{vague[0].text}' names no day ({vague[0].value}): not the "
                                f"paragraph's day, nor the publication date")
    if antecedent is not None and antecedent.date is not None and antecedent.date.precision != "article":
        # "Police are investigating the shooting": the shooting's day (not a fallback of the antecedent's own)
        return antecedent.date.model_copy(update={"basis": "antecedent", "reason": f"no date in the trigger's sentence; "
                                                            f"{event.reasons.get('refers_back', 'a later mention')}: "
                                                            f"its date ({antecedent.date.reason})"})
    if trig is not None and tense == "past" and any(
            c.dep_ == "advmod" and c.lower_ in load_lexicon().get("background_adverb", {}) and not list(c.children)
            for c in _clause_head(trig).children):  # ("threatened it before"; not "two days before")
        return EventDate(value=None, precision="unanchored", text=None, basis="background",
                         reason="no date in the sentence, and a past event the text calls earlier than the story "
                                "('previously', 'formerly'): background, so neither the paragraph's day nor the "
                                "publication date")
    from_paragraph = _paragraph_date(work, anchorable, event.trigger.start, sent_bounds, tense, published)
    if from_paragraph is not None:
        return from_paragraph
    if trig is not None and _past_perfect(_clause_head(trig)) and not _story_past_perfect(_clause_head(trig)):
        return EventDate(value=None, precision="unanchored", text=None, basis="background",
                         reason="no date in the sentence or paragraph, and a past-perfect clause ('had ...') neither reported "
                                "nor ordered against another event of the sentence: background before the story's time, "
                                "so not the publication date")
    if tense == "past" and trig is not None:
        story = _story_date(work, anchorable, published)
        if story is not None and story[0].start < sent_bounds[0]:
            t, (value, _precision) = story  # precision stays "article": dated by the story, not by its own words
            return EventDate(value=value, precision="article", text=t.text,
                             reason=f"no date in the trigger's sentence or paragraph; a past-tense event of the story: "
                                    f"the lead's date '{t.text}' (lower confidence); {t.reason}")
    if published is None:
        return EventDate(value=None, precision="unanchored", text=None,
                         reason="no date in the sentence or paragraph and no publication date")
    return EventDate(value=published.isoformat(), precision="article", text=None,
                     reason="no date in the sentence or paragraph: around publication")


def _past_perfect(verb) -> bool:
    """"had been allied", "had signed": background before the story's time."""
    return verb.tag_ == "VBN" and any(a.lower_ in ("had", "'d") for a in _aux_words(verb))


def _story_past_perfect(verb) -> bool:
    """A past perfect that still tells the story: what someone said or confirmed ("said the attack had killed
    twelve", "police confirmed that the gunmen had killed", "according to police, the gunmen had killed"):
    the backshifted past of the story's own event; or one ordered against another event of its sentence ("by
    the time troops arrived, the gunmen had killed 12"; "after he had fired, police arrived")."""
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_.lower() in report_verbs():
        return True
    if verb.dep_ == "advcl" or any(c.dep_ == "advcl" or (c.dep_ == "prep" and c.lower_ in ("by", "before", "until") and any(
            t.tag_ == "VBD" for t in c.subtree)) for c in verb.children):  # "by the time troops arrived"
        return True
    sent = verb.sent
    return "according to" in sent.text.lower()


def _story_date(work: Work, anchorable: list, published: Date | None):
    """The news story's own day: the first DATE or TIME ("Friday night") of the article's first paragraph when it names a day in the
    week up to publication ("yesterday", "on Wednesday"): later past-tense sentences without a date of their
    own continue that story ("The local police chief and two others were also injured"). None otherwise."""
    if published is None or not work.paragraphs:
        return None
    lead = work.paragraphs[0]
    for t, d in anchorable:
        if t.type == "TIME" and not re.fullmatch(r"\d{4}-\d\d-\d\dT[A-Z]{2}", t.value or "") \
                and not any(w.lower() in load_lexicon()["weekday"] for w in re.findall(r"[A-Za-z]+", t.text)):
            continue  # a bare clock time ("At about 2 a.m.") names no day: its day is only the anchor's
        if lead.start <= t.start < lead.end and t.type in ("DATE", "TIME") and d[0] is not None:
            if d[1] == "day" and 0 <= (published - Date.fromisoformat(d[0])).days <= 7:
                return t, d
            return None
    return None


def _relation_to(value: str, precision: str, published: Date) -> int:
    """-1 / 0 / 1: the period ``value`` (an EventDate value) ends before, contains, or
    starts after the publication date."""
    if precision == "year":
        start, end = Date(int(value), 1, 1), Date(int(value), 12, 31)
    elif precision == "month":
        y, mo = int(value[:4]), int(value[5:7])
        ny, nmo = _add_months(y, mo, 1)
        start, end = Date(y, mo, 1), Date(ny, nmo, 1) - dt.timedelta(days=1)
    else:
        start = Date.fromisoformat(value)
        end = start + dt.timedelta(days=6 if precision == "week" else 0)
    return -1 if end < published else 1 if start > published else 0


def _paragraph_date(work: Work, anchorable: list, offset: int, sent_bounds: tuple[int, int],
                    tense: str | None, published: Date | None) -> EventDate | None:
    """The paragraph step of ``date_event``: when the trigger's sentence has no date, a
    DATE timex of the same paragraph dates the event, but only if every dated DATE
    expression there names the same day, week, month or year (one unambiguous date;
    ``PRESENT_REF`` and unanchored ones do not count), and the event's tense (from
    the parse) does not contradict it: a present, future or modal clause never takes a
    date that ended before publication, a past one never a date after it.
    Earlier sentences are preferred to later ones for the cited expression."""
    para = work.paragraph_of(offset)
    if para is None:
        return None
    lo, hi = para.start, para.end
    found = [(t, d) for t, d in anchorable
             if lo <= t.start < hi and not sent_bounds[0] <= t.start < sent_bounds[1]
             and t.type == "DATE" and d[0] is not None and d[1] in ("day", "week", "month", "year")
             and not _ANAPHOR_TEXT.fullmatch(t.text)]  # "the next day" counts from another date: no date of its own
    if not found or len({d for _, d in found}) != 1:
        return None
    if published is not None and tense is not None:
        relation = _relation_to(*found[0][1], published)
        if (tense in ("present", "future", "modal") and relation < 0) or (tense == "past" and relation > 0):
            return None
    earlier = [td for td in found if td[0].start < sent_bounds[0]]
    t, (value, precision) = earlier[-1] if earlier else found[0]
    where = "an earlier" if earlier else "a later"
    return EventDate(value=value, precision=precision, text=t.text,
                     reason=f"no date in the trigger's sentence; the paragraph's only date '{t.text}' "
                            f"(in {where} sentence); {t.reason}")


class DatesStage(Stage):
    """Find timexes per article and date each event (config ``dates.weekday_convention``)."""

    name = "dates"

    def setup(self) -> None:
        load_lexicon()
        load_tense_cues()
        _grammar()
        self.weekday_convention = self.config.get("dates.weekday_convention", "past")

    def process_one(self, work: Work) -> None:
        published = to_date(work.article.published)
        work.timexes = find_timexes(work.article.text, published, self.weekday_convention,
                                    tense_oracle=parse_tense_oracle(work) if work.paragraphs else None,
                                    aside_oracle=parse_aside_oracle(work) if work.paragraphs else None)
        anchorable = anchorable_timexes(work.timexes, published)
        for event in sorted(work.events, key=lambda e: e.trigger.start):  # an antecedent before its mentions
            event.date = date_event(work, event, published, antecedent(work, event), anchorable)


# ----------------------------------------------------------------------------
# Evaluation on TempEval-3 style JSONL
# ----------------------------------------------------------------------------

def _prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def evaluate(gold_path: str | Path, config: Config | None = None) -> dict:
    """Score normalisation on gold spans and end-to-end finding on TE3 JSONL.

    Returns ``{"n", "value_accuracy", "by_type": {TYPE: {"n", "value_accuracy"}},
    "e2e": {"precision", "recall", "f1", "relaxed": {...}, "value_accuracy"}}``.
    ``n``/``value_accuracy`` count gold DATE timexes only (system gets the DCT,
    the full text and each gold span).  e2e spans match on exact offsets (all
    types); "relaxed" counts any overlap; its value accuracy is over DATE gold
    spans matched exactly.
    """
    convention = (config or Config()).get("dates.weekday_convention", "past")
    by_type: dict[str, list[int]] = {}
    tp = n_sys = n_gold = gold_overlapped = sys_overlapped = 0
    matched_dates = matched_dates_ok = 0
    from .eval import read_jsonl

    docs = read_jsonl(gold_path, required=("text", "dct", "timex"))
    for doc in docs:
        text, anchor = doc["text"], Date.fromisoformat(doc["dct"][:10])
        for g in doc["timex"]:
            pred = normalise(g["text"], anchor, context=text, offset=g["start"], weekday_convention=convention)
            slot = by_type.setdefault(g["type"], [0, 0])
            slot[0] += 1
            slot[1] += int(pred.value == g["value"])
        system = find_timexes(text, anchor, convention)
        n_sys += len(system)
        n_gold += len(doc["timex"])
        exact = {(t.start, t.end): t for t in system}
        starts = [t.start for t in system]
        for g in doc["timex"]:
            hit = exact.get((g["start"], g["end"]))
            if hit is not None:
                tp += 1
                if g["type"] == "DATE":
                    matched_dates += 1
                    matched_dates_ok += int(hit.value == g["value"])
            i = bisect.bisect_left(starts, g["end"])
            gold_overlapped += any(t.end > g["start"] for t in system[:i])
        sys_overlapped += sum(any(g["start"] < t.end and t.start < g["end"] for g in doc["timex"]) for t in system)
    n_date, ok_date = by_type.get("DATE", [0, 0])
    e2e = _prf(tp, n_sys, n_gold)
    relaxed = _prf(sys_overlapped, n_sys, n_sys)  # precision part only
    relaxed.update(recall=round(gold_overlapped / n_gold, 4) if n_gold else 0.0)
    p, r = relaxed["precision"], relaxed["recall"]
    relaxed["f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    e2e.update({"relaxed": relaxed, "n_gold": n_gold, "n_system": n_sys,
                "value_accuracy": round(matched_dates_ok / matched_dates, 4) if matched_dates else 0.0})
    return {
        "n": n_date,
        "value_accuracy": round(ok_date / n_date, 4) if n_date else 0.0,
        "by_type": {k: {"n": v[0], "value_accuracy": round(v[1] / v[0], 4)} for k, v in sorted(by_type.items())},
        "e2e": e2e,
    }
