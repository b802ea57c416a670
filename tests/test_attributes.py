"""Fatalities, factuality and quotes on hand-made sentences."""
import pytest

from eventscope.attributes import AttributesStage, date_bounds
from eventscope.events import EventsStage
from eventscope.ingest import make_article
from eventscope.nlp import NlpStage
from eventscope.schema import EventDate, Work


@pytest.fixture(scope="module")
def run():
    stages = [NlpStage(), EventsStage(), AttributesStage()]

    def go(text, published="2020-05-01"):
        work = Work(article=make_article(text, published=published))
        batch = [work]
        for st in stages:
            batch = st.process(batch)
        return work

    return go


@pytest.mark.parametrize("text, dead", [
    ("Already 22 people have lost their lives in gun battles.", 22),
    ("Militants attacked the village, killing three civilians.", 3),
    ("A car bomb killed at least twenty soldiers at the base.", 20),
    ("Gunmen killed 10 people, including 3 soldiers, in the raid.", 10),
    ("Dozens of people were killed in the clashes.", 12),
])
def test_fatalities(run, text, dead):
    work = run(text)
    assert any(e.fatalities == dead for e in work.events), [(e.event_type, e.fatalities) for e in work.events]


def test_no_fatalities_without_death_words(run):
    work = run("Rebels attacked 3 army bases in the north.")
    assert all(e.fatalities is None for e in work.events)


@pytest.mark.parametrize("text, label", [
    ("Police did not arrest the protesters.", "negated"),
    ("The army could attack the town soon.", "hypothetical"),
    ("The two leaders will meet in Paris.", "planned"),
    ("Russia is set to deploy troops to the border.", "planned"),
    ("Police arrested the protesters.", "asserted"),
    ("According to local officials, rebels attacked the village.", "asserted"),  # attributed like "said"
    ("The army reportedly shelled the town.", "reported-claim"),
    ("Witnesses claimed that soldiers attacked the crowd.", "reported-claim"),
    ("The group claimed responsibility for the bombing of the market.", "asserted"),
    ("The army will reportedly attack the town.", "planned"),  # planned wins over reported
])
def test_factuality_from_syntax(run, text, label):
    work = run(text)
    assert work.events and work.events[0].factuality == label, [(e.event_type, e.factuality) for e in work.events]


def test_factuality_over_a_that_clause(run):
    work = run("Russia denied that its troops shelled the plant.")
    (shelled,) = [e for e in work.events if e.trigger.text == "shelled"]
    assert shelled.factuality == "negated" and "denied" in shelled.reasons["factuality"]


def test_historical_from_event_date(run):
    stage = AttributesStage()
    stage.ensure_setup()
    work = run("Donors pledged aid to the country.", published="2015-09-29")
    ev = work.events[0]
    ev.date = EventDate(value="2012", precision="year", text="2012", reason="test")
    assert stage.factuality(work, ev)[0] == "historical"
    ev.date = EventDate(value="2015-06", precision="month", text="in June", reason="test")
    assert stage.factuality(work, ev)[0] == "asserted"
    ev.date = EventDate(value="2016", precision="year", text="next year", reason="test")
    assert stage.factuality(work, ev)[0] == "asserted"  # "pledged" is past: a later date is not its future
    work = run("Donors pledge aid to the country.", published="2015-09-29")
    ev = work.events[0]
    ev.date = EventDate(value="2016", precision="year", text="next year", reason="test")
    assert stage.factuality(work, ev)[0] == "planned"
    assert date_bounds("2015-02")[1].day == 28


def test_quote_speaker_full_name(run):
    text = ("Kremlin aide Yuri Ushakov spoke on Friday.\n\n"
            "“We are ready to provide assistance to our allies,” Ushakov told reporters.")
    work = run(text)
    ev = next(e for e in work.events if e.event_type == "AID")
    assert ev.quote is not None and ev.quote.speaker == "Yuri Ushakov"
    assert ev.quote.text.startswith("We are ready")


@pytest.mark.parametrize("text, trigger, label", [
    # an infinitive completing a noun is proposed or decided, not done
    ("Parliament rejected a motion to impose sanctions on the company.", "sanctions", "hypothetical"),
    ("A vote to expel the ambassador failed on Tuesday.", "expel", "hypothetical"),
    ("The government announced its decision to withdraw troops from the town.", "withdraw", "planned"),
])
def test_factuality_of_an_infinitive_completing_a_noun(run, text, trigger, label):
    work = run(text)
    (ev,) = [e for e in work.events if e.trigger.text == trigger]
    assert ev.factuality == label and "infinitive completing the noun" in ev.reasons["factuality"]


def test_disaster_deaths_are_no_fatalities_of_an_assault(run):
    work = run("The earthquake killed 40 people, and looters attacked shops in the city.")
    assaults = [e for e in work.events if e.event_type == "ASSAULT"]
    assert assaults and all(e.fatalities is None for e in assaults), [(e.trigger.text, e.fatalities) for e in assaults]
