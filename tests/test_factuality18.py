"""Eighteenth-session factuality rules: an event banned, prevented or foiled did not happen as told (cues.tsv kinds
head, ban_noun, defying), and an authority that prevents people from acting restricts them (triggers.tsv). Every
sentence was written for these tests (none is copied from the sample, eval/, train/ or the gold files in
../shared/data)."""
import pytest

from eventscope.schema import Article


def _events(pipeline, text: str):
    return pipeline.process([Article(article_id="t", text=text, published="2024-03-06")])[0].events


def _event(pipeline, text: str, trigger: str):
    return next(e for e in _events(pipeline, text) if e.trigger.text == trigger)


@pytest.mark.parametrize("text, trigger, factuality", [
    ("The assembly passed a decree banning rallies outside the presidential palace.", "rallies", "hypothetical"),
    ("The governor of Lagos imposed a ban on demonstrations in the city centre.", "demonstrations", "hypothetical"),
    ("Security forces foiled a bomb attack on a mosque in Peshawar.", "attack", "negated"),
    ("Riot police prevented striking dockers from marching to the port in Mombasa.", "marching", "negated"),
])
def test_a_banned_or_prevented_event_is_not_asserted(pipeline, text, trigger, factuality):
    ev = _event(pipeline, text, trigger)
    assert ev.factuality == factuality, ev.reasons["factuality"]


def test_a_defied_ban_was_defied_by_doing_it(pipeline):
    ev = _event(pipeline, "Thousands of students in Conakry defied a ban on demonstrations on Friday.", "demonstrations")
    assert ev.factuality == "asserted", ev.reasons["factuality"]


def test_an_authority_preventing_a_march_restricts(pipeline):
    ev = _event(pipeline, "Riot police prevented striking dockers from marching to the port in Mombasa.", "prevented")
    assert (ev.event_type, ev.mode) == ("COERCE", "restrict")


def test_preventing_a_disease_is_no_coercion(pipeline):
    assert not any(e.trigger.text == "prevent" for e in _events(
        pipeline, "Health workers are working to prevent cholera from spreading in the camps near Beira."))
