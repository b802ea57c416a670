"""The dates grammar tries each rule only where one of its start words begins
(``dates._finditer``, a speed-up); it must find exactly what a full ``finditer`` scan of the
rule's pattern finds.  A rule whose ``starts`` misses a word its pattern can begin with
fails here."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope import dates
from eventscope.ingest import iter_articles
from eventscope.runner import sample_corpus


def _full_scan(rule, text, lo, hi):
    return [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text, lo, hi) if m.end() > m.start()]


def _fast_scan(rule, text, lo, hi):
    runs = dates._runs_by_key(text, lo, hi)
    return [(m.span(), m.groupdict()) for m in dates._finditer(rule, text, lo, hi, runs)]


def _assert_same(text, lo, hi):
    for rule in dates._grammar():
        assert _fast_scan(rule, text, lo, hi) == _full_scan(rule, text, lo, hi), (rule.name, text[lo:hi])


def test_sample_articles_whole_and_windows():
    rng = random.Random(7)
    texts = [a.text for a in iter_articles([str(sample_corpus())])]
    assert texts
    for text in texts:
        _assert_same(text, 0, len(text))
        for _ in range(3):  # ``normalise`` scans windows that may cut words
            lo = rng.randrange(len(text))
            _assert_same(text, lo, rng.randrange(lo, len(text) + 1))


def _vocabulary() -> list[str]:
    lex = dates.load_lexicon()
    words = sorted({w for kind in lex.values() for w in kind})
    return words + [
        # words the patterns spell out themselves
        "the", "last", "this", "next", "past", "previous", "coming", "current", "following", "recent", "first",
        "final", "end", "start", "beginning", "middle", "day", "before", "after", "yesterday", "today", "tomorrow",
        "tonight", "every", "each", "noon", "midnight", "local time", "financial", "calendar",
        # other pieces of dates and numbers
        "of", "that", "and", "other", "Other", "year", "season", "fiscal", "FY", "FY2015", "FY 2016",
        "'80s", "’90s", "1980s", "80s", "12th", "3rd", "21st", "3:15", "15:00:07", "2:05:31", "3pm", "p.m.",
        "a.m.", "GMT", "2015", "2015-09-28", "2015-W39", "12/05/2014", "1990-91", "1990–1991", "No.", "$2015",
        "€", "£", "%", "2,000", "1.5", "twenty-five", "mid-", "ago", "from now", "hence", "old", "and older",
        "\u017funday", "\u017fummer", "\u212aate", "\u0130", "\u0131", "caf\u00e9", "e\u0301", "\u0663", "\u00b2", "x_2015", "_",
    ]


_SEPARATORS = [" ", " ", " ", "", "\n", "  ", "-", ", ", ". ", "(", ")", "/", "'"]


@st.composite
def _texts(draw):
    vocab = _vocabulary()
    n = draw(st.integers(1, 25))
    parts = []
    for _ in range(n):
        word = draw(st.sampled_from(vocab))
        case = draw(st.sampled_from([str, str.lower, str.upper, str.title, str.capitalize]))
        parts.append(case(word) + draw(st.sampled_from(_SEPARATORS)))
    text = "".join(parts)
    lo = draw(st.integers(0, len(text)))
    hi = draw(st.integers(lo, len(text)))
    return text, lo, hi


@settings(max_examples=400, deadline=None)
@given(_texts())
def test_generated_texts(case):
    text, lo, hi = case
    _assert_same(text, 0, len(text))
    _assert_same(text, lo, hi)


_TAILS = [" 5", " 5th", "th", "s", " May", " May 2015", " 2015", "-March 2015", " years ago", " days", "-year",
          " week", " month", " weekend", " of the year", " night", " summer", " Sunday", ":30", " p.m.",
          " 5th of May", " day before yesterday", " end of the year", " last week", " past two weeks",
          " summer of 2015", " every day", " May 5", " century", " last year"]


@pytest.mark.parametrize("rule", [r.name for r in dates._grammar()])
def test_every_start_phrase_is_covered(rule):
    """Every word of the vocabulary at the start of a short text, in three cases, before each
    of ``_TAILS`` (deterministic: the generated texts above find a missing start word only
    by chance)."""
    r = next(x for x in dates._grammar() if x.name == rule)
    for word in _vocabulary():
        for case in (str.lower, str.upper, str.title):
            for tail in _TAILS:
                text = case(word) + tail
                assert _fast_scan(r, text, 0, len(text)) == _full_scan(r, text, 0, len(text)), text


_EXPRESSIONS = ["May last year", "May 2015", "May 5", "5 May", "1980s", "80s", "'80s", "5th century", "2015", "last week",
                "this year", "March", "summer", "next March", "the summer", "end of the year", "two weeks"]


@pytest.mark.parametrize("rule", [r.name for r in dates._grammar()])
def test_every_modifier_and_weekday_prefix_is_covered(rule):
    """The optional words a pattern may open with ("mid-", "the end of", "Monday,") before
    complete expressions: the match then starts at the optional word."""
    lex = dates.load_lexicon()
    r = next(x for x in dates._grammar() if x.name == rule)
    for prefix in [*lex["mod"], *lex["weekday"], "the"]:
        for sep in (" ", "-", ", "):
            for expression in _EXPRESSIONS:
                for case in (str.lower, str.title):
                    text = case(prefix) + sep + expression
                    assert _fast_scan(r, text, 0, len(text)) == _full_scan(r, text, 0, len(text)), text


@pytest.mark.parametrize("rule", [r.name for r in dates._grammar()])
def test_every_word_after_the_is_covered(rule):
    """A "the" is keyed together with the word after it ("the end", "the #"): every
    vocabulary word after "the", before a few tails."""
    r = next(x for x in dates._grammar() if x.name == rule)
    for word in _vocabulary():
        for case in (str.lower, str.title):
            for tail in ("", " days", " two days", " 5 days", " of the year", " May", " summer"):
                text = case("the " + word) + tail
                assert _fast_scan(r, text, 0, len(text)) == _full_scan(r, text, 0, len(text)), text
