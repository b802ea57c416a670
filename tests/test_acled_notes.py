"""ACLED event and sub-event types on text ACLED itself would code: the ACLED-notes set in eval/acled_notes/
(written for eventscope, MIT; see its README.md) is scored with ``eventscope eval events`` and must stay
above the floors in eval/acled_notes/baseline-{dev,heldout}.json. The baselines live beside the set, not
in eval/baselines/: tests/test_eval_gate.py reads every file there as a gold file under ../shared."""
import json
from pathlib import Path

import pytest

from .conftest import measure_against

NOTES = Path(__file__).resolve().parents[1] / "eval" / "acled_notes"


@pytest.mark.parametrize("part", ["dev", "heldout"])
def test_acled_notes_not_below_baseline(part):
    result = measure_against(NOTES / f"baseline-{part}.json")
    assert {"acled_event_type", "acled_sub_event_type"} <= set(result["fields"])


def test_acled_notes_split_and_labels():
    """Dev and held-out hold different texts, every label is one of ACLED's types or null, and a sub-event
    type always belongs to its event type (acled_types.tsv)."""
    from eventscope.events import acled_event_type

    texts = {}
    for part in ("dev", "heldout"):
        for line in (NOTES / f"{part}.jsonl").read_text("utf-8").splitlines():
            rec = json.loads(line)
            texts.setdefault(rec["text"], set()).add(part)
            sub, kind = rec["labels"]["acled_sub_event_type"], rec["labels"]["acled_event_type"]
            assert (sub is None) == (kind is None)
            if sub is not None:
                assert acled_event_type(sub) == kind, rec["id"]
    assert all(len(parts) == 1 for parts in texts.values())
    assert len(texts) >= 120
