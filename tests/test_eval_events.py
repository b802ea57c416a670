"""``eventscope eval events``: what it runs and how it scores actors.

The actor figures on the human-coded gold (/work/shared/data/events/cameo_manual_plover.jsonl, CC BY-SA 4.0,
see /work/shared/data/events/PROVENANCE.md: ``source_actor``/``target_actor`` are the GSR actor texts) are
gated in eval/baselines/events-cameo-manual.json; the records below are written for these tests.
"""
import json

from eventscope.config import Config
from eventscope.eval import actor_match, actor_scores, evaluate, event_stages
from eventscope.schema import Actor


def test_eval_runs_the_stages_that_decide_an_event():
    # the actors stage drops a dictionary verb's event without a coded actor and the ACLED rules read
    # the actors' sectors: scoring without it would measure something the pipeline never outputs
    assert [s.name for s in event_stages(Config())] == ["nlp", "events", "actors", "attributes"]


def test_actor_match():
    un = Actor(text="U.N. helicopters", sector="IGO")
    assert actor_match("U.N.", un) == "partial"
    assert actor_match("Israel; Palestinians", Actor(text="the Palestinians")) == "exact"
    assert actor_match("Russia troops", Actor(text="Russia", country="RUS")) == "partial"
    # the canonical name counts as well as the phrase
    assert actor_match("Vladimir Putin", Actor(text="the president", name="Vladimir Putin")) == "exact"
    assert actor_match("Syria", Actor(text="Lebanon")) is None
    assert actor_match("Syria", None) is None


def test_actor_scores_count_only_records_whose_gold_names_the_role():
    gold = ["Syria", "Israel", None, "Iran"]
    pred = [Actor(text="Syria"), Actor(text="Egypt"), Actor(text="Jordan"), None]
    s = actor_scores(gold, pred)
    assert (s["n"], s["predicted"]) == (3, 2)
    assert (s["precision"], s["recall"]) == (0.5, round(1 / 3, 4))


def test_eval_events_reports_actors(tmp_path):
    gold = tmp_path / "gold.jsonl"
    records = [
        {"id": "1", "text": "Greece demanded that the United States cancel the sale of weapons to Turkey.",
         "labels": {"plover": "REQUEST", "source_actor": "Greece", "target_actor": "United States"}},
        {"id": "2", "text": "Taliban fighters attacked a police checkpoint in Kunduz on Sunday.",
         "labels": {"plover": "ASSAULT", "source_actor": "Taliban fighters", "target_actor": "police"}},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    result = evaluate("events", gold)
    assert result["fields"]["plover"]["accuracy"] == 1.0
    assert result["actors"]["source"] == {**result["actors"]["source"], "n": 2, "recall": 1.0}
    assert result["actors"]["target"]["recall"] == 1.0  # the subject of a subjunctive clause is who is asked
