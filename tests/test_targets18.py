"""Eighteenth-session actor rules. Every sentence was written for these tests (none is copied from the sample,
eval/, train/ or the gold files in ../shared/data)."""
import pytest

from eventscope.schema import Article


def _event(pipeline, text: str, trigger: str):
    work = pipeline.process([Article(article_id="t", text=text, published="2024-03-06")])[0]
    return next(e for e in work.events if e.trigger.text == trigger)


@pytest.mark.parametrize("text, trigger, name", [
    ("On Tuesday Senator Maria Lopez endorsed her former rival, Joe Biden.", "endorsed", "Joe Biden"),
    ("Chancellor Olaf Scholz met his old ally, Emmanuel Macron, in Paris.", "met", "Emmanuel Macron"),
])
def test_an_object_an_apposition_names_is_no_thing_the_subject_owns(pipeline, text, trigger, name):
    ev = _event(pipeline, text, trigger)
    assert ev.target is not None and ev.target.name == name, ev.target


def test_a_thing_the_subject_owns_is_still_no_target(pipeline):
    ev = _event(pipeline, "The Malian army withdrew its troops from the border town on Sunday.", "withdrew")
    assert ev.target is None or "troops" not in ev.target.text


@pytest.mark.parametrize("text, trigger, sector", [
    # a purpose: whoever occupies, blocks or uses something demands
    ("Students occupied the university in Dakar to demand the resignation of the rector.", "demand", "EDU"),
])
def test_an_infinitive_after_an_object_is_the_subjects_purpose(pipeline, text, trigger, sector):
    ev = _event(pipeline, text, trigger)
    assert ev.source is not None and ev.source.sector == sector, ev.source
    assert "object control" not in ev.source.reason


@pytest.mark.parametrize("text, trigger, name", [
    # verbs of object control (verb_frames.tsv role controlling): their object is to act
    ("The bishops urged President Emmerson Mnangagwa to release the jailed journalists.", "release",
     "Emmerson Mnangagwa"),
    ("Mass protests forced Prime Minister Imran Khan to withdraw the bill.", "withdraw", "Imran Khan"),
])
def test_the_object_of_a_verb_of_control_is_to_act(pipeline, text, trigger, name):
    ev = _event(pipeline, text, trigger)
    assert ev.source is not None and ev.source.name == name, ev.source
    assert "object control" in ev.source.reason
