"""PLOVER types and actors on text written for eventscope from the PLOVER manual (eval/plover_notes/, MIT; see its
README.md): both halves are scored with ``eventscope eval events`` and must stay above the floors in
eval/plover_notes/baseline-{dev,heldout}.json (beside the set: tests/test_eval_gate.py reads every file in
eval/baselines/ as a gold file under ../shared)."""
import json
from pathlib import Path

import pytest

from .conftest import measure_against

NOTES = Path(__file__).resolve().parents[1] / "eval" / "plover_notes"
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


@pytest.mark.parametrize("part", ["dev", "heldout"])
def test_plover_notes_not_below_baseline(part):
    result = measure_against(NOTES / f"baseline-{part}.json")
    assert {"source", "target"} <= set(result["actors"])


def test_plover_notes_split_and_labels():
    """Dev and held-out hold different texts, each half 10 records of every PLOVER type and 20 negatives, and
    every actor is a phrase of its text (what ``eval.actor_match`` compares predictions with)."""
    texts: dict[str, str] = {}
    for part in ("dev", "heldout"):
        counts: dict[str | None, int] = {}
        for line in (NOTES / f"{part}.jsonl").read_text("utf-8").splitlines():
            rec = json.loads(line)
            assert texts.setdefault(rec["text"], part) == part, rec["id"]
            label = rec["labels"]["plover"]
            assert label is None or label in PLOVER, rec["id"]
            counts[label] = counts.get(label, 0) + 1
            for role in ("source_actor", "target_actor"):
                for phrase in filter(None, (rec["labels"][role] or "").split("; ")):
                    assert phrase in rec["text"], (rec["id"], phrase)
        assert counts == {**{t: 10 for t in PLOVER}, None: 20}, part
