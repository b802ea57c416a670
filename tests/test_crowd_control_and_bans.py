"""Mends after the review of the crowd-control, standing-ban and modifier rules (sentences written for
these tests; ACLED sub-event types follow the definitions of ACLED's public codebook)."""
import pytest

from .conftest import events_of, one_event


def _events(pipeline, text):
    return events_of(pipeline, text, published="2020-01-01")


def _one(pipeline, text, plover):
    return one_event(pipeline, text, plover, published="2020-01-01")


@pytest.mark.parametrize("text,sub_event", [
    ("Police fired tear gas at football fans outside the stadium.", "Mob violence"),
    ("Police fired tear gas to disperse crowds demanding the release of the opposition leader.",
     "Protest with intervention"),  # a protest word anywhere in the sentence, not only in the trigger's phrase
    ("Israeli soldiers fired tear gas at Palestinian worshippers at the mosque.", "Attack"),  # no crowd violence
])
def test_crowd_control_weapons_need_a_crowd_to_be_a_riot(pipeline, text, sub_event):
    assert _one(pipeline, text, "ASSAULT").acled_sub_event_type == sub_event


def test_violent_demonstration_needs_demonstrators(pipeline):
    assert _one(pipeline, "Police clashed with protesters in the capital.", "ASSAULT").acled_sub_event_type \
        == "Violent demonstration"  # either side may be the subject
    assert _one(pipeline, "Opposition forces attacked an army base in the north.", "ASSAULT").acled_event_type \
        != "Riots"  # the opposition sector alone also covers armed groups


def test_use_is_an_assault_only_with_a_crowd_control_weapon(pipeline):
    assert _one(pipeline, "Police used tear gas and water cannon against the crowd.", "ASSAULT").mode == "crowd-control"
    for text in ("They used the money to tear down the old stadium.", "The farmer used crop spray on the fields.",
                 "The plant used natural gas from the north."):
        assert not any(e.event_type == "ASSAULT" for e in _events(pipeline, text)), text


def test_a_standing_ban_is_background_but_a_dated_or_announced_one_is_an_act(pipeline):
    assert not _events(pipeline, "The PKK is banned in Turkey.")
    for text in ("As of Sunday, the opposition newspaper is banned.",
                 "Public gatherings are banned under the new emergency decree.",
                 "The government said that the group is now banned."):
        assert _one(pipeline, text, "COERCE").trigger.text == "banned", text


def test_a_modifier_of_an_event_noun_is_an_event(pipeline):
    assert _one(pipeline, "A shooting incident in the city centre left two people dead on Sunday.", "ASSAULT")
    assert _one(pipeline, "The European Union approved a new sanctions package against Russia.", "SANCTION")
    # people who survived an earlier attack are no new attack
    assert not any(e.event_type == "ASSAULT" for e in _events(pipeline, "Attack survivors gathered at the memorial."))


def test_seeking_to_act_is_planned(pipeline):
    assert _one(pipeline, "Rebels seek to retake the city from the army.", "ASSAULT").factuality == "planned"
