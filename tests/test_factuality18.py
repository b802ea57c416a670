"""Eighteenth-session factuality rules: an event banned, prevented or foiled did not happen as told (cues.tsv kinds
preventing, keeping, ban_noun, defying, regardless, went_ahead, too_little, attempt, attempt_noun), and an authority
that prevents people from acting restricts them (triggers.tsv). Every sentence was written for these tests (none is
copied from the sample, eval/, train/ or the gold files in ../shared/data)."""
import pytest

from .conftest import event_at as _event, events_of as _events


@pytest.mark.parametrize("text, trigger, factuality", [
    ("The assembly passed a decree banning rallies outside the presidential palace.", "rallies", "hypothetical"),
    ("The governor of Lagos imposed a ban on demonstrations in the city centre.", "demonstrations", "hypothetical"),
    ("Security forces foiled a bomb attack on a mosque in Peshawar.", "attack", "negated"),
    ("Riot police prevented striking dockers from marching to the port in Mombasa.", "marching", "negated"),
    ("The electoral court banned the opposition party from holding rallies in Lahore.", "rallies", "hypothetical"),
    # spaCy hangs "on protests" on the verb here
    ("The authorities in Dhaka extended the ban on protests until the end of the month.", "protests", "hypothetical"),
    ("Security forces foiled a plot to assassinate the governor of Kaduna, the police said.", "assassinate", "negated"),
    # the preventing verb's own factuality decides (first review of the session, eval/reviews/eighteenth/first)
    ("Soldiers failed to prevent an attack on the market in Bunia.", "attack", "asserted"),
    ("Peacekeepers did nothing to prevent the massacre in the village near Beni.", "massacre", "asserted"),
    ("Nothing was done to prevent the attack on the village of Mangu.", "attack", "asserted"),
    ("The interior minister vowed to prevent further attacks on refugees in Calais.", "attacks", "hypothetical"),
    ("Guards tried to prevent the inmates from storming the gate of the prison in Kirikiri.", "storming",
     "hypothetical"),
    # what could have been prevented happened (second review)
    ("Investigators said the bombing in Kerman could have been prevented.", "bombing", "asserted"),
    # a ban defied, in the active or the passive, or gone against by a clause joined with 'but'
    ("Thousands of students in Conakry defied a ban on demonstrations on Friday.", "demonstrations", "asserted"),
    ("A ban on marches was flouted by thousands of teachers in Harare on Monday.", "marches", "asserted"),
    ("The march was banned by the governor, but thousands of nurses gathered outside the court in Kano.", "march",
     "asserted"),
    ("The march was banned by the governor, but the organisers called it off.", "march", "hypothetical"),
])
def test_what_is_kept_from_happening(pipeline, text, trigger, factuality):
    ev = _event(pipeline, text, trigger)
    assert ev.factuality == factuality, ev.reasons["factuality"]


def test_an_authority_preventing_a_march_restricts(pipeline):
    ev = _event(pipeline, "Riot police prevented striking dockers from marching to the port in Mombasa.", "prevented")
    assert (ev.event_type, ev.mode) == ("COERCE", "restrict")


def test_preventing_a_disease_is_no_coercion(pipeline):
    assert not any(e.trigger.text == "prevent" for e in _events(
        pipeline, "Health workers are working to prevent cholera from spreading in the camps near Beira."))


def test_a_ban_gone_against_leaves_the_protest_that_happened(pipeline):
    events = _events(pipeline, "The governor banned a rally by nurses, but thousands rallied anyway in Kano.")
    assert [e.factuality for e in events if e.event_type == "PROTEST"] == ["asserted"]


def test_who_bans_a_march_does_not_march(pipeline):
    ev = _event(pipeline, "The governor of Kano banned the opposition march on Friday.", "march")
    assert ev.source is None or ev.source.sector != "GOV", ev.source
