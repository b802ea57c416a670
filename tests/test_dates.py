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
    # an undated past event continues the lead's story: its day, flagged as dated by the article
    assert (attacked.date.value, attacked.date.precision) == ("2015-09-28", "article")
    assert "lead" in attacked.date.reason
    # a present-tense one ("now") is around publication
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


# --- review findings (regression tests) --------------------------------------------

MARCH = dt.date(2015, 3, 10)


def _one(text, anchor=ANCHOR, needle=None):
    timexes = find_timexes(text, anchor)
    return _at(timexes, text, needle) if needle else timexes


@pytest.mark.parametrize("text,value", [
    # a reporting verb does not make the clause of "by the end of the year" past
    ("The company said it expects profits to rise by the end of the year.", "2015"),
    ("The company said it expected profits to rise by the end of the year.", "2015"),
    ("Officials said the talks will end by the end of the year.", "2015"),
    # the clause's own verb is past: the year that has ended
    ("The company said profits rose sharply by the end of the year.", "2014"),
    ("The mission ended at the end of the year.", "2014"),
    ("The mission ended at the end of last year.", "2014"),
])
def test_end_of_year_uses_the_clause_tense(text, value):
    t = _one(text, MARCH, "end of")
    assert (t.type, t.value) == ("DATE", value)
    assert "clause" in t.reason or "last year" in t.reason


def test_end_of_year_uses_the_parse_tense_in_the_stage(parser):
    text = "The company said it expects profits to rise by the end of the year."
    work = _work(parser, text, published="2015-03-10")
    DatesStage(Config()).process([work])
    assert [(t.text, t.value) for t in work.timexes] == [("the end of the year", "2015")]
    past = "The company said the mission ended at the end of the year."
    work = _work(parser, past, published="2015-03-10")
    DatesStage(Config()).process([work])
    assert [(t.text, t.value) for t in work.timexes] == [("the end of the year", "2014")]


@pytest.mark.parametrize("text,needle,value", [
    ("Polls close at 15:00 GMT Saturday.", "15:00", "2015-09-26T15:00"),
    ("Polls closed at 3 p.m. Saturday.", "3 p.m.", "2015-09-26T15"),
    ("Polls closed at 3 p.m. EST Saturday.", "3 p.m.", "2015-09-26T15"),
    ("Polls closed at noon Saturday.", "noon", "2015-09-26T12:00"),
    ("Polls closed at 10:15:30 Saturday.", "10:15:30", "2015-09-26T10:15:30"),
    ("Polls closed at 3 p.m.", "3 p.m.", "2015-09-29T15"),
])
def test_every_clock_form_takes_a_trailing_weekday(text, needle, value):
    t = _one(text, ANCHOR, needle)
    assert (t.type, t.value) == ("TIME", value)
    assert "Saturday" not in text or t.text.endswith("Saturday")


@pytest.mark.parametrize("text,needle,typ,value", [
    ("The alarm rang at 10:15:30 on Monday.", "10:15:30", "TIME", "2015-09-29T10:15:30"),
    ("Kipchoge finished in 2:05:31 in Berlin.", "2:05:31", "DURATION", "PT2H5M31S"),
    ("She set a time of 1:59:40 on the course.", "1:59:40", "DURATION", "PT1H59M40S"),
])
def test_hms_is_a_duration_only_after_a_duration_cue(text, needle, typ, value):
    t = _one(text, ANCHOR, needle)
    assert (t.type, t.value) == (typ, value)


def test_reference_words_used_as_nouns_are_not_timexes():
    assert _one("Leaders disagreed at the time of the summit.") == []
    assert _one("The future of Europe was discussed.") == []
    assert _one("Now that the talks failed, troops moved in.") == []
    t = _one("He was not in the country at the time.", ANCHOR, "at the time")
    assert t.value == "PAST_REF"


def test_vague_spans_still_read_without_redundant_lexicon_rows():
    from eventscope.dates import load_lexicon

    assert not {"recent", "the past several"} & set(load_lexicon()["vague_number"])
    text = "In recent years prices rose; over the past several years wages fell."
    assert [(t.text, t.type, t.value) for t in _one(text)] == [
        ("recent years", "DURATION", "PXY"), ("the past several years", "DURATION", "PXY")]


def test_parse_tense_beats_cue_words(parser):
    # cue words: the nearest cue after a sentence-initial date is "will" -> next Monday;
    # the parse: "On Monday" modifies "arrived" (VBD) -> the Monday before publication.
    text = "On Monday, the minister who will chair the talks arrived in Kabul."
    assert _one(text, ANCHOR, "Monday").value == "2015-10-05"
    work = _work(parser, text)
    DatesStage(Config()).process([work])
    (monday,) = work.timexes
    assert monday.value == "2015-09-28"


def test_verb_tense_from_the_parse(parser):
    from eventscope.dates import verb_tense

    cases = {
        "Putin met Rakhmon.": ("met", "past"),
        "Putin has met Rakhmon.": ("met", "past"),
        "Putin will meet Rakhmon.": ("meet", "future"),
        "Putin is going to meet Rakhmon.": ("meet", "future"),
        "Putin meets Rakhmon.": ("meets", "present"),
        "The firm expects profits to rise.": ("rise", "present"),
        "The deal could collapse.": ("collapse", "modal"),
    }
    for text, (word, tense) in cases.items():
        work = _work(parser, text)
        tok = next(t for t in work.paragraphs[0].doc if t.text == word)
        assert verb_tense(tok) == tense, text


# --- paragraph step of the event date ------------------------------------------------

def test_event_date_from_the_paragraph(parser):
    text = ("Fighting broke out in Kunduz on Monday. Rebels attacked a checkpoint near the border.\n\n"
            "Rebels attacked a second checkpoint near the border.")
    work = _work(parser, text)
    first = _event(text, "attacked", "Rebels attacked a checkpoint near the border.")
    t1 = text.rindex("attacked")
    other = Event(event_id="e2", article_id="a1", event_type="ASSAULT",
                  trigger=Span(text="attacked", start=t1, end=t1 + 8),
                  evidence=Span(text="Rebels attacked a second checkpoint near the border.",
                                start=text.rindex("Rebels"), end=len(text)))
    work.events = [first, other]
    DatesStage(Config()).process([work])
    assert (first.date.value, first.date.precision, first.date.text) == ("2015-09-28", "day", "Monday")
    assert "paragraph" in first.date.reason and "earlier sentence" in first.date.reason
    # another paragraph's date is no date of the event's own: at most the lead's story day (precision article)
    assert (other.date.value, other.date.precision) == ("2015-09-28", "article") and "lead" in other.date.reason


def test_paragraph_date_must_be_single_and_fit_the_tense(parser):
    two = "Talks began on Monday. Rebels attacked a checkpoint. A truce was signed on Friday."
    work = _work(parser, two)
    ev = _event(two, "attacked", "Rebels attacked a checkpoint.")
    work.events = [ev]
    DatesStage(Config()).process([work])
    assert ev.date.precision == "article"  # two different dates: ambiguous
    present = "The border was opened in 2001. The rebels attack the crossing every night."
    work = _work(parser, present)
    ev = _event(present, "attack", "The rebels attack the crossing every night.")
    work.events = [ev]
    DatesStage(Config()).process([work])
    assert ev.date.precision == "article"  # present tense never takes a past year


# --- the seed figures of issue 6 (shared/samples/seed-article.txt, published 2015-09-29) ---

def test_seed_event_dates(seed_events):
    def dated(needle, trigger):
        (ev,) = [e for e in seed_events if needle in e.evidence.text and e.trigger.text == trigger]
        return ev

    fell = dated("Kunduz fell", "fell")
    assert (fell.date.value, fell.date.precision) == ("2015-09-28", "day")
    battles = dated("gun battles", "lost")
    assert (battles.date.value, battles.date.precision) == ("2015-09", "month")
    end = dated("December last year", "end")
    assert (end.date.value, end.date.precision) == ("2014-12", "month")
    pledge = dated("Tokyo", "pledged")
    assert (pledge.date.value, pledge.factuality) == ("2012", "historical")
    gather = dated("Next year", "gather")
    assert (gather.date.value, gather.date.precision) == ("2016", "year")
    assert all("$16" not in (e.date.text or "") for e in seed_events)
