"""``eventscope eval events``: what it runs and how it scores actors.

The actor figures on the human-coded gold (/work/shared/data/events/cameo_manual_plover.jsonl, CC BY-SA 4.0,
see /work/shared/data/events/PROVENANCE.md: ``source_actor``/``target_actor`` are the GSR actor texts) are
gated in eval/baselines/events-cameo-manual.json; the records below are written for these tests.
"""
import json

from eventscope.eval import actor_match, actor_scores, evaluate
from eventscope.schema import Actor


def test_actor_match():
    assert actor_match("U.N.", Actor(text="U.N. helicopters", sector="IGO")) == "partial"
    assert actor_match("Israel; Palestinians", Actor(text="the Palestinians")) == "exact"
    assert actor_match("Russia troops", Actor(text="Russia", country="RUS")) == "partial"
    assert actor_match("US", Actor(text="the U.S.")) == "exact"  # a dotted abbreviation is one word
    # the canonical name counts as well as the phrase
    assert actor_match("Vladimir Putin", Actor(text="the president", name="Vladimir Putin")) == "exact"
    # not a generic word, another abbreviation or a whole sentence that happens to contain the words
    assert actor_match("Israeli security forces", Actor(text="forces")) is None
    assert actor_match("U.S.", Actor(text="U.N. envoy")) is None
    assert actor_match("Syria", Actor(text="Syria says it is willing to withdraw its troops from Lebanon")) is None
    assert actor_match("Syria", Actor(text="Lebanon")) is None
    assert actor_match("Syria", None) is None


def test_actor_scores():
    gold = ["Syria", "Israel", None, "Iran", None]
    pred = [Actor(text="Syria"), Actor(text="Egypt"), Actor(text="Jordan"), None, Actor(text="Iraq")]
    annotated = [True, True, True, True, False]  # the last record codes no actors at all: not scored
    s = actor_scores(gold, pred, annotated)
    assert (s["n"], s["predicted"]) == (3, 3)  # "Jordan" where the gold names none is a wrong prediction
    assert (s["precision"], s["recall"]) == (round(1 / 3, 4), round(1 / 3, 4))


def test_eval_events_reports_actors(tmp_path):
    gold = tmp_path / "gold.jsonl"
    records = [
        {"id": "1", "text": "Greece demanded that the United States cancel the sale of weapons to Turkey.",
         "labels": {"plover": "REQUEST", "source_actor": "Greece", "target_actor": "United States"}},
        {"id": "2", "text": "Taliban fighters attacked police in Kunduz on Sunday.",
         "labels": {"plover": "ASSAULT", "source_actor": "Taliban fighters", "target_actor": "police"}},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    result = evaluate("events", gold)
    assert result["fields"]["plover"]["accuracy"] == 1.0
    source = result["actors"]["source"]
    assert (source["n"], source["recall"]) == (2, 1.0)
    assert result["actors"]["target"]["recall"] == 1.0  # the subject of a subjunctive clause is who is asked
