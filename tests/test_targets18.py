"""Eighteenth-session actor rules. Every sentence was written for these tests (none is copied from the sample,
eval/, train/ or the gold files in ../shared/data)."""
import pytest

from .conftest import event_at as _event


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


@pytest.mark.parametrize("text, trigger, role, name, sector", [
    # a one-word table name (Jordan's Prince Hassan) inside a fuller name is someone else
    ("Police in Beirut detained a former minister, Hassan Khalil, on Monday.", "detained", "target", "Hassan Khalil", "GOV"),
    # a private person introduced by an indefinite description is no namesake office-holder (Mali's late president)
    ("Soldiers abducted a local journalist, Moussa Traore, in Gao on Friday.", "abducted", "target", "Moussa Traore", "MED"),
])
def test_a_namesake_is_not_the_office_holder(pipeline, text, trigger, role, name, sector):
    actor = getattr(_event(pipeline, text, trigger), role)
    assert actor is not None and (actor.name, actor.sector) == (name, sector), actor
    assert "is not office-holder" in actor.reason


def test_an_office_holder_introduced_by_his_office_is_still_he(pipeline):
    ev = _event(pipeline, "In 1974 a former vice president, Richard Nixon, resigned after the Watergate scandal.",
                "resigned")
    assert ev.source is not None and ev.source.name == "Richard M. Nixon" and ev.source.country == "USA", ev.source


@pytest.mark.parametrize("text, trigger, sector", [
    # a frame noun ("a state of", "a wave of") names the act its "of" object names: the protest is aimed at its maker
    ("Lawyers rallied in Tunis against a state of emergency declared by the army.", "rallied", "MIL"),
    ("Students marched in Islamabad against a wave of arrests ordered by the police.", "marched", "COP"),
])
def test_a_protest_against_a_framed_act_is_aimed_at_its_maker(pipeline, text, trigger, sector):
    ev = _event(pipeline, text, trigger)
    assert ev.target is not None and ev.target.sector == sector, ev.target


def test_a_recalled_envoy_named_in_apposition_is_still_the_senders_own(pipeline):
    ev = _event(pipeline, "Chile recalled its ambassador, Javier Rojas, from Caracas on Tuesday.", "recalled")
    assert ev.target is None or "ambassador" not in ev.target.text, ev.target


def test_the_one_chosen_to_act_acts(pipeline):
    ev = _event(pipeline, "The ruling party chose Amina Bello to challenge Governor Musa Dauda in the election.",
                "challenge")
    assert ev.source is not None and ev.source.name == "Amina Bello", ev.source


@pytest.mark.parametrize("text, trigger, name, country", [
    # an office-holder described by a past career is still the office-holder (second review of the session)
    ("A former bus driver, Nicolas Maduro, accused the United States of plotting a coup in Caracas.", "accused",
     "Nicolas Maduro", "VEN"),
    # a title word is no part of a fuller name
    ("Crown Prince Hussein visited troops stationed on the border with Syria on Sunday.", "visited", "Hussein", "JOR"),
])
def test_office_holders_described_by_their_past_or_a_title(pipeline, text, trigger, name, country):
    ev = _event(pipeline, text, trigger)
    assert ev.source is not None and (ev.source.name, ev.source.country) == (name, country), ev.source


def test_no_agent_noun_inside_a_hyphenated_place_name(pipeline):
    ev = _event(pipeline, "Residents of Port-au-Prince marched against gang violence on Friday.", "marched")
    assert ev.source is not None and ev.source.sector == "CVL", ev.source


def test_a_one_word_table_name_inside_a_split_name_gives_no_country(pipeline):
    ev = _event(pipeline, "Somali President Hassan Sheikh Mohamud met Kenyan President William Ruto in Nairobi.", "met")
    assert ev.source is not None and ev.source.country == "SOM", ev.source
