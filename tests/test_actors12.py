"""Twelfth-session target rules: a "with" partner that names people of a named origin, a transfer's "to" recipient
before its "on" topic, verbs of aiming "at" someone (not at a venue), people PETRARCH2's agent list lacks, an agent
noun's "from" + name, a pronoun object that is not the subject again, and stones thrown by protesters as a riot.
Every sentence was written for these tests (none is copied from the sample, eval/, train/ or the gold files in
../shared/data); the near misses come from a review of the first version of these rules."""
import pytest

from .conftest import event_at as _at
from .conftest import events_of


def test_a_with_partner_of_a_named_origin_is_the_target(pipeline):
    ev = _at(pipeline, "Kenyan troops conducted joint patrols with soldiers from Uganda along the border.", "patrols")
    assert ev.target is not None and (ev.target.country, ev.target.sector) == ("UGA", "MIL")
    ev = _at(pipeline, "Vietnam's foreign minister sought a meeting with his Chinese counterpart.", "sought")
    assert ev.target is not None and (ev.target.country, ev.target.sector) == ("CHN", "GOV")
    # fellow strikers are no target, nor an instrument
    ev = _at(pipeline, "Doctors went on strike with nurses in Kisumu on Monday.", "strike")
    assert ev.target is None or "nurses" not in ev.target.text
    ev = _at(pipeline, "Gunmen attacked the convoy with rifles and grenades near Gao.", "attacked")
    assert ev.target is None or "rifles" not in ev.target.text


def test_an_agent_noun_from_a_named_place_takes_its_country(pipeline):
    ev = _at(pipeline, "Troops from Burundi attacked rebel positions in South Kivu.", "attacked")
    assert ev.source is not None and (ev.source.country, ev.source.sector) == ("BDI", "MIL")
    # a place's own "from" is no origin of people: "aid from the UN" stays the giver's
    ev = _at(pipeline, "Officials from the African Union met Sudanese leaders in Addis Ababa.", "met")
    assert ev.source is not None and ev.source.sector == "IGO"


def test_a_transfer_goes_to_its_recipient_before_its_topic(pipeline):
    ev = _at(pipeline, "Morocco's security service passed information on a jihadist cell to Spanish police.", "passed")
    assert ev.event_type == "COOPERATE" and ev.target is not None and ev.target.country == "ESP" \
        and "cell" not in ev.target.text
    # "to the dismay of" names no recipient: the "at" target stays
    ev = _at(pipeline, "Syrian jets fired rockets at rebel fighters near Idlib, to the dismay of Turkey.", "fired")
    assert ev.target is not None and ev.target.sector == "REB"


def test_verbs_of_aiming_at_someone_not_at_a_venue(pipeline):
    ev = _at(pipeline, "Poland's president lashed out at Hungary over its energy deals.", "lashed")
    assert ev.target is not None and ev.target.country == "HUN"
    ev = _at(pipeline, "The opposition leader hurled insults at the prime minister during the debate.", "hurled")
    assert ev.event_type == "ACCUSE" and ev.target is not None and ev.target.sector == "GOV"
    ev = _at(pipeline, "The finance minister lashed out at a press conference in Lusaka on Tuesday.", "lashed")
    assert ev.target is None or ev.target.country != "ZMB"


def test_people_an_act_is_done_to(pipeline):
    ev = _at(pipeline, "Cameroonian soldiers freed 14 kidnapped schoolchildren near Bamenda.", "freed")
    assert ev.target is not None and ev.target.sector == "CVL"


def test_a_pronoun_object_is_not_the_subject_again(pipeline):
    text = ("Hundreds of protesters gathered outside the palace in Yerevan on Sunday. As they tried to storm it, "
            "soldiers fired rubber bullets at them.")
    ev = _at(pipeline, text, "fired")
    assert ev.source is not None and ev.source.sector == "MIL"
    assert ev.target is None or ev.target.sector != "MIL"  # "them" resolved to the most recent actor, the soldiers


def test_stones_and_petrol_bombs_thrown_by_protesters_are_a_riot(pipeline):
    """PLOVER PROTEST 'riot' (CAMEO 145) when a crowd throws; an attacker, settlers or police throwing are no riot."""
    ev = _at(pipeline, "Masked youths hurled petrol bombs at riot police in Athens.", "hurled")
    assert (ev.event_type, ev.mode) == ("PROTEST", "riot")
    assert ev.target is not None and ev.target.sector == "COP"
    ev = _at(pipeline, "Students pelted the governor's convoy with stones in Srinagar.", "pelted")
    assert (ev.event_type, ev.mode) == ("PROTEST", "riot") and ev.acled_sub_event_type == "Violent demonstration"
    assert _at(pipeline, "A man threw acid at a journalist in Dhaka.", "threw").event_type == "ASSAULT"
    assert _at(pipeline, "Militants lobbed a grenade at a police post.", "lobbed").event_type == "ASSAULT"
    for text, verb in [("A man threw a petrol bomb at a mosque in Leeds.", "threw"),
                       ("Police hurled stones at protesters in Dhaka.", "hurled"),
                       ("Heavy rain pelted the stone houses of the old town.", "pelted"),
                       ("The pitcher threw a fastball past the batter.", "threw")]:
        assert all(e.event_type != "PROTEST" for e in events_of(pipeline, text)), text



def test_a_counterpart_is_the_other_side(pipeline):
    """"his" does not make a counterpart the subject's own (as it does "its troops"), and a bare title resolved to the
    subject itself is no target ("Lavrov met his counterpart" is not Lavrov meeting Lavrov)."""
    ev = _at(pipeline, "Kenyan President William Ruto met his Tanzanian counterpart in Arusha.", "met")
    assert ev.target is not None and ev.target.country == "TZA"
    ev = _at(pipeline, "Chinese Foreign Minister Wang Yi met his counterpart in Jakarta on Monday.", "met")
    assert ev.source is not None and ev.source.country == "CHN"
    assert ev.target is None or ev.target.name != ev.source.name
    ev = _at(pipeline, "Sudan withdrew its troops from the border town.", "withdrew")
    assert ev.target is None or "troops" not in ev.target.text


def test_a_counterpart_holds_the_sources_office(pipeline):
    ev = _at(pipeline, "Pakistan's army chief met his Afghan counterpart in Rawalpindi.", "met")
    assert ev.target is not None and (ev.target.country, ev.target.sector) == ("AFG", "MIL")
    ev = _at(pipeline, "Georgian lawmakers met their Armenian counterparts in Tbilisi.", "met")
    assert ev.target is not None and (ev.target.country, ev.target.sector) == ("ARM", "LEG")
    ev = _at(pipeline, "Kazakhstan's president held talks with his opposite number from Uzbekistan.", "talks")
    assert ev.target is not None and (ev.target.country, ev.target.sector) == ("UZB", "GOV")
