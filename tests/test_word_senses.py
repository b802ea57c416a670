"""Word senses that PETRARCH2's verb dictionary reads as events: its plain rows for "demonstrate",
"march", "release" and "impact" fire whatever the object or subject.  The curated rows of
``data/events/triggers.tsv`` say which sense is the event; every sentence here was written for these
tests.  Each case checks the event sense first, so a test cannot pass by detecting nothing."""
import pytest

from .conftest import events_of


def _types(pipeline, text):
    return {(e.event_type, e.trigger.text) for e in events_of(pipeline, text)}


@pytest.mark.parametrize("event, not_event, plover", [
    # demonstrate: taking part in a protest, not showing something
    ("Thousands of students demonstrated outside the parliament in Dhaka.",
     "This recapture clearly demonstrates the strength of the Taliban.", "PROTEST"),
    # release: freeing people, not publishing a document or a video
    ("The rebels released twenty hostages near the border on Sunday.",
     "The rebels released a video of the attack on Sunday.", "RETREAT"),
    ("The junta released the detained journalists.",
     "The Kremlin released a statement on Ukraine.", "RETREAT"),
    ("The junta released the detained journalists.",
     "President Trump released his tax returns to Congress.", "RETREAT"),
])
def test_a_dictionary_verb_has_its_event_only_in_the_event_sense(pipeline, event, not_event, plover):
    assert any(t == plover for t, _ in _types(pipeline, event)), event
    assert not any(t == plover for t, _ in _types(pipeline, not_event)), not_event


def test_demonstrating_outside_a_place_is_still_a_protest(pipeline):
    """The parser may take the place or the feeling shown for an object: only "showing" objects block it."""
    for text in ["Workers demonstrated outside parliament, smashing the silence with drums.",
                 "Farmers demonstrated their anger outside parliament in Brussels."]:
        assert ("PROTEST", "demonstrated") in _types(pipeline, text), text


def test_marching_troops_move_and_marching_protesters_protest(pipeline):
    assert ("PROTEST", "marched") in _types(pipeline, "Hundreds of protesters marched to the presidential palace.")
    assert ("PROTEST", "marched") in _types(pipeline, "Soldiers marched in protest against pension cuts in Kinshasa.")
    troops = _types(pipeline, "Russian troops marched into the town of Balakliia on Friday.")
    assert ("MOBILIZE", "marched") in troops and ("PROTEST", "marched") not in troops


def test_impact_is_no_support(pipeline):
    text = "The fall of the city will impact the government very deeply, the Afghan minister said."
    assert not any(t == "SUPPORT" or trig == "impact" for t, trig in _types(pipeline, text))
    assert ("SUPPORT", "backed") in _types(pipeline, "The Afghan minister backed the government's plan.")


@pytest.mark.parametrize("text, plover", [
    ("Protesters put up barricades across the main road.", "PROTEST"),  # PETRARCH2 "* UP BARRICADE # PUT"
    ("Militants set off explosives near the checkpoint.", "ASSAULT"),  # "* OFF EXPLOSIVE # SET"
    ("Rebels carried out an operation against the army in Kivu.", "ASSAULT"),  # "+CARRY_OUT ... * OPERATION"
    ("The government shut down the opposition television station.", "COERCE"),
])
def test_phrasal_dictionary_patterns_keep_their_particle(pipeline, text, plover):
    assert any(t == plover for t, _ in _types(pipeline, text)), text


@pytest.mark.parametrize("text", [
    "Lawmakers battled the government over the budget.",  # politicians fighting, no armed word
    "Russia hit back with sanctions on British officials.",  # hitting with sanctions
    "The opposition leader hammered the government's policy on migration.",
])
def test_political_fights_are_no_assault(pipeline, text):
    """PETRARCH2 keeps a violent verb's other senses in patterns written for other verbs of its block; without
    them (see scripts/build_verb_table.py) the figurative rule reads a fight between politicians, or one fought
    with sanctions, as no physical violence. Rebels battling troops stay an ASSAULT."""
    assert not any(t == "ASSAULT" for t, _ in _types(pipeline, text)), text
    assert any(t == "ASSAULT" for t, _ in _types(pipeline, "Rebels battled government troops near the airport."))
    assert any(t == "ASSAULT" for t, _ in _types(pipeline, "The president fought the rebels for ten years."))
