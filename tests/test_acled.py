"""ACLED event and sub-event types, and PLOVER's future-tense rules.

The sentences are written for these tests, one or two per ACLED sub-event type, from the
definitions in ACLED's public codebook (they are not taken from any ACLED record or from the
gold files in ../shared/data).  Each names the definition it exercises.
"""
import pytest

import eventscope
from eventscope.config import Config
from eventscope.exports import ACLED_FACTUALITY, to_acled
from eventscope.tables import load_table


def main_event(text):
    events = eventscope.extract(text, published="2024-03-01")
    assert events, f"no event in {text!r}"
    return max(events, key=lambda e: e.confidence)


@pytest.mark.parametrize("text, event_type, sub_event_type", [
    # Protests: peaceful / met by non-lethal intervention / met by lethal force
    ("Thousands of people marched peacefully through the capital to demand the release of political prisoners.",
     "Protests", "Peaceful protest"),
    ("Police fired tear gas to disperse hundreds of protesters in Nairobi on Monday.",
     "Protests", "Protest with intervention"),
    ("Security forces shot dead five protesters during a demonstration against fuel prices.",
     "Protests", "Excessive force against protesters"),
    # Riots: violent demonstration / mob violence
    ("Rioters threw stones at police and set fire to tyres in the city centre.", "Riots", "Violent demonstration"),
    ("A mob lynched a man suspected of theft in the village.", "Riots", "Mob violence"),
    # Battles
    ("Army troops clashed with rebels near the border, leaving 14 dead.", "Battles", "Armed clash"),
    # a battle stays a battle whoever its victims are
    ("Twenty people have lost their lives in gun battles between soldiers and militants this month.",
     "Battles", "Armed clash"),
    ("Government troops recaptured the town from the insurgents on Sunday.", "Battles", "Government regains territory"),
    # Explosions/Remote violence
    ("Militants fired mortars at the army base, killing two soldiers.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("An air strike hit a market in the province, killing 30 civilians.", "Explosions/Remote violence", "Air/drone strike"),
    ("A suicide bomber blew himself up at a checkpoint, killing 12 people.", "Explosions/Remote violence", "Suicide bomb"),
    ("A roadside bomb exploded near a military convoy.", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("A man threw a grenade into a bar, wounding four people.", "Explosions/Remote violence", "Grenade"),
    # Violence against civilians
    ("Gunmen abducted 20 students from a school.", "Violence against civilians", "Abduction/forced disappearance"),
    ("Unidentified gunmen attacked a village, killing seven civilians.", "Violence against civilians", "Attack"),
    # Strategic developments
    ("Police arrested 30 opposition supporters in the capital.", "Strategic developments", "Arrests"),
    ("The rebels and the government signed a ceasefire agreement.", "Strategic developments", "Agreement"),
    ("Soldiers defused an improvised explosive device planted on the main road.",
     "Strategic developments", "Disrupted weapons use"),
    ("The militia established a new base near the border.", "Strategic developments", "Headquarters or base established"),
    ("Soldiers looted shops and burned houses in the town.", "Strategic developments", "Looting/property destruction"),
    ("Rebel forces handed over the town to the army without a fight.",
     "Strategic developments", "Non-violent transfer of territory"),
])
def test_acled_sub_event_types(text, event_type, sub_event_type):
    ev = main_event(text)
    assert (ev.acled_event_type, ev.acled_sub_event_type) == (event_type, sub_event_type), ev.reasons


def test_acled_rule_tables_use_acled_names():
    subs = {r["sub_event_type"] for r in load_table("events/acled_types.tsv")}
    assert len(subs) == 25 and len({r["event_type"] for r in load_table("events/acled_types.tsv")}) == 6
    for row in load_table("events/acled_rules.tsv"):
        assert row["sub_event_type"] == "-" or row["sub_event_type"] in subs, row
        assert row["why"].startswith("ACLED ")


def test_agreement_needs_conflict_actors_or_words():
    # ACLED's 'Agreement' is between conflict actors; a trade or research deal is not an ACLED event
    ev = main_event("The forum agreed to set up an energy research centre in Tokyo.")
    assert ev.event_type == "AGREE" and ev.acled_event_type is None


def test_rule_reason_is_recorded():
    ev = main_event("Police fired tear gas to disperse hundreds of protesters in Nairobi on Monday.")
    assert "Protest with intervention" in ev.reasons["acled"]


@pytest.mark.parametrize("text, before, after", [
    ("The two presidents will meet in Geneva next week.", "CONSULT", "AGREE"),
    ("Japan will send emergency aid to the flood victims.", "AID", "AGREE"),
    ("The army will withdraw its troops from the border region.", "RETREAT", "CONCEDE"),
])
def test_plover_future_tense_rules(text, before, after):
    """PLOVER manual: future cooperative actions are AGREE, announced retreats CONCEDE; with
    ``events.future_types = false`` the detected type is kept."""
    ev = main_event(text)
    assert (ev.event_type, ev.factuality) == (after, "planned"), ev.reasons
    assert "PLOVER manual" in ev.reasons["type"]
    kept = eventscope.extract(text, published="2024-03-01", config=Config.load(overrides=["events.future_types=false"]))
    assert before in {e.event_type for e in kept}


def test_past_cooperation_keeps_its_type():
    ev = main_event("The two presidents met in Geneva on Tuesday.")
    assert ev.event_type == "CONSULT"


def test_acled_export_leaves_out_events_that_did_not_happen():
    rows = []
    for text in ("Rebels attacked an army base on Sunday.", "Rebels would attack the base if talks failed."):
        for ev in eventscope.extract(text, published="2024-03-01"):
            rows.append((ev.model_dump(mode="json"), {"article_id": ev.article_id}))
    facts = [rec["factuality"] for rec, _ in rows]
    assert "hypothetical" in facts and "asserted" in facts
    df = to_acled(rows)
    assert len(df) == sum(1 for rec, _ in rows if rec["acled_event_type"] and rec["factuality"] in ACLED_FACTUALITY)
    assert len(df) >= 1 and all("would" not in note for note in df["notes"])
