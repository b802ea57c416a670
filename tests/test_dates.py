"""Tests for the dates stage (eventscope.dates).

The seed article is /work/shared/samples/seed-article.txt (published 2015-09-29).
The eval smoke test reads the TempEval-3 platinum JSONL described in
/work/shared/data/dates/PROVENANCE.md (UzZaman et al. 2013); both are skipped
when /work/shared is absent.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.config import Config
from eventscope.dates import DatesStage, evaluate, find_timexes, normalise
from eventscope.schema import Article, Event, Span, Work

SHARED = Path(__file__).parents[2] / "shared"
SEED = SHARED / "samples" / "seed-article.txt"
GOLD = SHARED / "data" / "dates" / "te3-platinum.jsonl"
ANCHOR = dt.date(2015, 9, 29)  # a Tuesday


def _at(timexes, text, needle):
    """The timex overlapping the first occurrence of ``needle`` in ``text``."""
    i = text.index(needle)
    hits = [t for t in timexes if t.start < i + len(needle) and i < t.end]
    assert hits, f"no timex found for {needle!r}"
    return hits[0]


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip("seed article absent")
    text = SEED.read_text("utf-8")
    return text, find_timexes(text, ANCHOR)


@pytest.mark.parametrize("needle,value,precision", [
    ("Only yesterday", "2015-09-28", "day"),
    ("this Monday", "2015-09-28", "day"),
    ("On Friday", "2015-09-25", "day"),
    ("this month", "2015-09", "month"),
    ("December last year", "2014-12", "month"),
    ("Back in 2012", "2012", "year"),
    ("Next year", "2016", "year"),
    ("three years ago", "2012", "year"),
])
def test_seed_article_values(seed, needle, value, precision):
    text, timexes = seed
    t = _at(timexes, text, needle)
    assert (t.type, t.value, t.precision) == ("DATE", value, precision)
    assert t.reason


def test_seed_money_and_durations(seed):
    text, timexes = seed
    i = text.index("$16 billion")
    assert not [t for t in timexes if t.start < i + len("$16 billion") and i < t.end]
    four = _at(timexes, text, "four years")
    assert (four.type, four.value) == ("DURATION", "P4Y")
    people = text.index("22 people")
    assert not [t for t in timexes if t.start < people + 9 and people < t.end]


def test_no_anchor_leaves_relative_unanchored():
    text = "Only yesterday, Kunduz fell. Back in 2012, donors met in Tokyo on September 28, 2015."
    timexes = {t.text: t for t in find_timexes(text, None)}
    assert timexes["yesterday"].value is None and timexes["yesterday"].precision == "unanchored"
    assert timexes["2012"].value == "2012"
    assert timexes["September 28, 2015"].value == "2015-09-28"


@pytest.mark.parametrize("span,context,value", [
    ("2015-09-28", "", "2015-09-28"),
    ("28 Sept", "The talks ended on 28 Sept.", "2015-09-28"),
    ("last December", "", "2014-12"),
    ("last week", "", "2015-W39"),
    ("this week", "", "2015-W40"),
    ("now", "", "PRESENT_REF"),
    ("currently", "", "PRESENT_REF"),
    ("in March", "Talks were held in March.", "2015-03"),
    ("2015-W39", "", "2015-W39"),
    ("the 1990s", "", "199"),
    ("the 20th century", "", "19"),
])
def test_normalise_spans(span, context, value):
    assert normalise(span, ANCHOR, context).value == value


def test_year_range_and_two_digit_year():
    text = "the pandemic of 2009-2010 and the expedition of 1957-58"
    values = [(t.text, t.value) for t in find_timexes(text, ANCHOR)]
    assert values == [("2009", "2009"), ("2010", "2010"), ("1957", "1957"), ("58", "1958")]
    assert normalise("58", ANCHOR, text, offset=text.index("58")).value == "1958"


def test_false_dates_are_refused():
    text = "They pledged $2015 and sent 2000 soldiers; 1500 troops, 22 people, a 22-year-old son, 2,014 votes."
    assert [t for t in find_timexes(text, ANCHOR) if t.type == "DATE"] == []


def test_weekday_future_tense_picks_next_day():
    text = "Putin will meet Rakhmon on Friday."
    assert _at(find_timexes(text, ANCHOR), text, "Friday").value == "2015-10-02"
    past = "Putin met Rakhmon on Friday."
    assert _at(find_timexes(past, ANCHOR), past, "Friday").value == "2015-09-25"


def test_bare_month_uses_tense():
    fut = "The book is due to be published in May."
    past = "The book was published in May."
    assert normalise("May", dt.date(2013, 3, 22), fut).value == "2013-05"
    assert normalise("May", dt.date(2013, 3, 22), past).value == "2012-05"


@given(st.dates(min_value=dt.date(1900, 1, 8), max_value=dt.date(2099, 12, 24)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
@settings(max_examples=80, deadline=None)
def test_relative_days_property(anchor, weekday):
    assert normalise("yesterday", anchor).value == (anchor - dt.timedelta(days=1)).isoformat()
    assert normalise("tomorrow", anchor).value == (anchor + dt.timedelta(days=1)).isoformat()
    text = f"The minister spoke on {weekday}."
    day = dt.date.fromisoformat(normalise(weekday, anchor, text).value)
    assert day.strftime("%A") == weekday
    assert anchor - dt.timedelta(days=6) <= day <= anchor


# --- event dates ----------------------------------------------------------------

@pytest.fixture(scope="module")
def parser():
    from eventscope.nlp import NlpStage

    stage = NlpStage(Config())
    stage.ensure_setup()
    return stage


def _work(parser, text, published="2015-09-29"):
    work = Work(article=Article(article_id="a1", text=text, published=published))
    parser.process([work])
    return work


def _event(text, trigger, sentence):
    t0 = text.index(trigger)
    s0 = text.index(sentence)
    return Event(event_id="e", article_id="a1", event_type="ASSAULT",
                 trigger=Span(text=trigger, start=t0, end=t0 + len(trigger)),
                 evidence=Span(text=sentence, start=s0, end=s0 + len(sentence)))


def test_event_date_attached_timex(parser):
    text = ("Only yesterday, the city of Kunduz fell to the Taliban.\n\n"
            "Back in 2012, donors met in Tokyo and pledged $16 billion in aid over four years.")
    work = _work(parser, text)
    fell = _event(text, "fell", "Only yesterday, the city of Kunduz fell to the Taliban.")
    pledged = _event(text, "pledged", "Back in 2012, donors met in Tokyo and pledged $16 billion in aid over four years.")
    work.events = [fell, pledged]
    DatesStage(Config()).process([work])
    assert fell.date.value == "2015-09-28" and fell.date.precision == "day"
    assert "yesterday" in fell.date.text and "attached" in fell.date.reason
    assert pledged.date.value == "2012" and pledged.date.precision == "year"


def test_event_date_fallbacks(parser):
    text = ("Putin arrived in Dushanbe this Monday.\n\n"
            "Rebels attacked a checkpoint near the border.\n\n"
            "The fighting is now spreading to the north.")
    work = _work(parser, text)
    arrived = _event(text, "arrived", "Putin arrived in Dushanbe this Monday.")
    attacked = _event(text, "attacked", "Rebels attacked a checkpoint near the border.")
    spreading = _event(text, "spreading", "The fighting is now spreading to the north.")
    work.events = [arrived, attacked, spreading]
    DatesStage(Config()).process([work])
    assert arrived.date.value == "2015-09-28"
    assert (attacked.date.value, attacked.date.precision) == ("2015-09-29", "article")
    assert "publication" in attacked.date.reason
    assert (spreading.date.value, spreading.date.precision) == ("2015-09-29", "article")


def test_event_date_week_and_unanchored(parser):
    text = "Troops clashed with militants last week.\n\nOnly yesterday, Kunduz fell."
    work = _work(parser, text)
    clashed = _event(text, "clashed", "Troops clashed with militants last week.")
    work.events = [clashed]
    DatesStage(Config()).process([work])
    assert (clashed.date.value, clashed.date.precision) == ("2015-09-21", "week")

    work = _work(parser, text, published=None)
    fell = _event(text, "fell", "Only yesterday, Kunduz fell.")
    work.events = [fell]
    DatesStage(Config()).process([work])
    assert fell.date.value is None and fell.date.precision == "unanchored" and fell.date.text == "yesterday"
    assert work.timexes and work.timexes[0].value is None


def test_stage_skips_errored_work():
    work = Work(article=Article(article_id="x", text="Only yesterday, Kunduz fell.", published="2015-09-29"),
                error="bad")
    DatesStage(Config()).process([work])
    assert work.timexes == []


# --- evaluation -------------------------------------------------------------------

@pytest.mark.slow
def test_evaluate_smoke():
    if not GOLD.exists():
        pytest.skip("TE3 gold absent (see /work/shared/data/dates/PROVENANCE.md)")
    result = evaluate(GOLD)
    assert result["n"] == result["by_type"]["DATE"]["n"] > 0
    assert 0.0 <= result["value_accuracy"] <= 1.0
    assert set(result["e2e"]) >= {"precision", "recall", "f1", "relaxed", "value_accuracy"}
    for key in ("precision", "recall", "f1"):
        assert 0.0 <= result["e2e"][key] <= 1.0
    assert result["value_accuracy"] >= 0.85  # the project's target
