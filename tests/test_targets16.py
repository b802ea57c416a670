"""Sixteenth-session rules: the owner of a thing attacked, the maker of an act condemned, missiles and drones
launched at something, acts not yet done or declined. Every sentence was written for these tests (none is copied from the sample, eval/, train/ or
the gold files in ../shared/data)."""
import pytest

from eventscope.schema import Article


def _event(pipeline, text: str, trigger: str):
    work = pipeline.process([Article(article_id="t", text=text, published="2024-03-06")])[0]
    return next(e for e in work.events if e.trigger.text == trigger)


@pytest.mark.parametrize("text, trigger, target", [
    ("Security forces raided the homes of opposition activists in Harare before dawn.", "raided", "opposition activists"),
    ("Soldiers burned the homes of villagers in Darfur on Monday.", "burned", "villagers"),
    ("Houthi rebels seized a cargo ship owned by an Israeli businessman.", "seized", "an Israeli businessman"),
    ("Police stormed the headquarters of the Awami League in Dhaka.", "stormed", "the Awami League"),
])
def test_an_attack_on_a_thing_is_done_to_its_owner(pipeline, text, trigger, target):
    ev = _event(pipeline, text, trigger)
    assert ev.target is not None and ev.target.text.startswith(target)
    assert "which it holds" in ev.target.reason or "modifying" in ev.target.reason


def test_a_thing_with_no_owner_named_is_the_target_itself(pipeline):
    ev = _event(pipeline, "Rebels attacked an army checkpoint near Beni.", "attacked")
    assert ev.target is not None and ev.target.sector == "MIL"
    ev = _event(pipeline, "An airstrike hit a hospital in Gaza City on Friday.", "hit")
    assert ev.target is not None and ev.target.sector == "CVL"


def test_a_place_is_no_owner_and_a_manager_no_victim(pipeline):
    ev = _event(pipeline, "Militants attacked the offices of Kandahar in the morning.", "attacked")
    assert ev.target is None or ev.target.text != "Kandahar"
    ev = _event(pipeline, "Russian drones struck Kharkiv's power plants overnight.", "struck")
    assert ev.target is None or ev.target.name is None and ev.target.country == "UKR"  # the city's people, no org
    ev = _event(pipeline, "Rebels shelled a camp run by the UN refugee agency near Goma on Sunday.", "shelled")
    assert ev.target is None or ev.target.sector != "IGO"


def test_a_statement_about_a_thing_has_no_owner_rule(pipeline):
    ev = _event(pipeline, "The minister criticised the homes of the wealthy as too large.", "criticised")
    assert ev.target is None or "which it holds" not in ev.target.reason


@pytest.mark.parametrize("text, trigger, target", [
    ("Egypt condemned the actions of Israeli forces in Rafah.", "condemned", "Israeli forces"),
    ("The minister criticised the decision of the Supreme Court.", "criticised", "the Supreme Court"),
])
def test_an_accusation_of_an_act_targets_who_did_it(pipeline, text, trigger, target):
    ev = _event(pipeline, text, trigger)
    assert ev.target is not None and ev.target.text == target and "who makes it" in ev.target.reason


def test_missiles_launched_at_something_are_an_attack(pipeline):
    ev = _event(pipeline, "Houthi forces launched drones at a commercial ship in the Red Sea.", "launched")
    assert ev.event_type == "ASSAULT" and ev.source is not None and ev.source.country == "YEM"
    for text in ("The company launched a new satellite on Friday.", "The space agency launched a rocket on Monday.",
                 "North Korea launched a ballistic missile into the sea on Monday."):
        work = pipeline.process([Article(article_id="t", text=text, published="2024-03-06")])[0]
        assert not any(e.event_type == "ASSAULT" for e in work.events), text
    ev = next(e for e in pipeline.process([Article(
        article_id="t", text="Russia launched missiles at Odesa on Tuesday, killing five people.",
        published="2024-03-06")])[0].events if e.event_type == "ASSAULT")
    assert ev.target is not None  # the victims (or the city), not an attack on no one


def test_an_act_not_yet_done_or_declined_is_negated(pipeline):
    assert _event(pipeline, "The candidate has yet to concede the election.", "concede").factuality == "negated"
    assert _event(pipeline, "The president declined to meet the delegation on Monday.", "meet").factuality == "negated"
    assert _event(pipeline, "Hungary declined to sign the joint statement.", "declined").event_type == "REJECT"


@pytest.mark.parametrize("text", ["The ministry declined to comment on the report.",
                                  "A spokesman declined to give details.", "He declined to be named."])
def test_declining_to_comment_is_no_event(pipeline, text):
    assert not pipeline.process([Article(article_id="t", text=text, published="2024-03-06")])[0].events


def test_yet_as_an_adverb_of_time_negates_nothing(pipeline):
    assert _event(pipeline, "The rebels have attacked the town yet again.", "attacked").factuality == "asserted"


# -- near misses found by the third read-only review (eval/reviews/sixteenth/) --------------------------------------

@pytest.mark.parametrize("text", [
    "Iran launched drones towards Israel on Saturday night.",
    "Hamas launched rockets into southern Israel on Monday.",
    "Gaza militants launched mortar shells at Israeli troops near the border on Tuesday.",
])
def test_launch_with_the_preposition_on_the_object(pipeline, text):
    work = pipeline.process([Article(article_id="t", text=text, published="2024-03-06")])[0]
    assert any(e.event_type == "ASSAULT" for e in work.events), text


def test_a_participle_that_harms_no_one_gives_no_victim(pipeline):
    ev = _event(pipeline, "Rebels attacked the town on Monday, losing 15 fighters.", "attacked")
    assert ev.target is None or "15 fighters" not in ev.target.text


@pytest.mark.parametrize("text, trigger, target", [
    ("Troops raided a warehouse used by the rebels near Goma.", "raided", "the rebels"),
    ("The US sanctioned vessels owned by Iranian firms on Monday.", "sanctioned", "Iranian firms"),
    ("Gunmen torched the opposition leader's house in Bulawayo on Sunday.", "torched", "the opposition leader"),
])
def test_owners_named_by_a_modified_noun(pipeline, text, trigger, target):
    ev = _event(pipeline, text, trigger)
    assert ev.target is not None and ev.target.text.startswith(target)
