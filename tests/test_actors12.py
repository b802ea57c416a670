"""Twelfth-session target rules: a "with" partner that names people, a transfer's "to" recipient before its "on"
topic, verbs of aiming "at" someone, people PETRARCH2's agent list lacks, and a pronoun object that is not the
subject again. Every sentence was written for these tests (none is copied from the sample, eval/plover_notes/,
train/ or the gold files in ../shared/data)."""
import pytest

from .conftest import event_at as _at


def test_a_with_partner_that_names_people_is_the_target(pipeline):
    ev = _at(pipeline, "Kenyan troops conducted joint patrols with soldiers from Uganda along the border.", "patrols")
    assert ev.target is not None and "soldiers" in ev.target.text and ev.target.sector == "MIL"
    ev = _at(pipeline, "Vietnam's foreign minister sought a meeting with his Chinese counterpart.", "sought")
    assert ev.target is not None and (ev.target.country, ev.target.sector) == ("CHN", "GOV")
    # an instrument is no partner
    ev = _at(pipeline, "Gunmen attacked the convoy with rifles and grenades near Gao.", "attacked")
    assert ev.target is None or "rifles" not in ev.target.text


def test_a_transfer_goes_to_its_recipient_before_its_topic(pipeline):
    ev = _at(pipeline, "Morocco's security service passed information on a jihadist cell to Spanish police.", "passed")
    assert ev.event_type == "COOPERATE" and ev.target is not None and ev.target.country == "ESP" \
        and "cell" not in ev.target.text
    # without a direct object nothing is moved: "on" keeps its place
    ev = _at(pipeline, "Rebels opened fire on the army convoy near Beni.", "opened")
    assert ev.target is not None and "convoy" in ev.target.text


def test_verbs_of_aiming_at_someone(pipeline):
    ev = _at(pipeline, "Poland's president lashed out at Hungary over its energy deals.", "lashed")
    assert ev.target is not None and ev.target.country == "HUN"
    ev = _at(pipeline, "The opposition leader hurled insults at the prime minister during the debate.", "hurled")
    assert ev.event_type == "ACCUSE" and ev.target is not None and ev.target.sector == "GOV"


def test_stones_and_petrol_bombs_thrown_are_a_riot(pipeline):
    """PLOVER PROTEST 'riot' (CAMEO 145); acid or a grenade thrown at someone stays an assault."""
    ev = _at(pipeline, "Masked youths hurled petrol bombs at riot police in Athens.", "hurled")
    assert (ev.event_type, ev.mode) == ("PROTEST", "riot")
    assert ev.target is not None and ev.target.sector == "COP"
    ev = _at(pipeline, "Students pelted the governor's convoy with stones in Srinagar.", "pelted")
    assert (ev.event_type, ev.mode) == ("PROTEST", "riot") and ev.acled_sub_event_type == "Violent demonstration"
    assert _at(pipeline, "A man threw acid at a journalist in Dhaka.", "threw").event_type == "ASSAULT"
    assert _at(pipeline, "Militants lobbed a grenade at a police post.", "lobbed").event_type == "ASSAULT"
    with pytest.raises(StopIteration):  # a ball thrown is no event
        _at(pipeline, "The pitcher threw a fastball past the batter.", "threw")


def test_people_an_act_is_done_to(pipeline):
    ev = _at(pipeline, "Cameroonian soldiers freed 14 kidnapped schoolchildren near Bamenda.", "freed")
    assert ev.target is not None and ev.target.sector == "CVL"


def test_a_pronoun_object_is_not_the_subject_again(pipeline):
    ev = _at(pipeline, "When they tried to enter the ministry, police fired tear gas at them.", "fired")
    assert ev.source is not None and ev.source.sector == "COP"
    assert ev.target is None or ev.target.sector != "COP"
