"""The eval gate: every committed baseline in eval/baselines/ is re-measured on its gold file
(from ../shared/data, see each PROVENANCE.md) and CI fails when a metric drops below its floor.
Raising a floor is a reviewed change to the baseline file; lowering one needs a note on the issue."""
import json
from pathlib import Path

import pytest

from eventscope.eval import check_baseline, evaluate, sha256

from .conftest import shared_file

BASELINES = sorted((Path(__file__).resolve().parents[1] / "eval" / "baselines").glob("*.json"))


def test_there_are_baselines_for_every_task():
    tasks = {json.loads(p.read_text())["task"] for p in BASELINES}
    assert tasks == {"geo", "dates", "events"}


@pytest.mark.parametrize("baseline", BASELINES, ids=[p.stem for p in BASELINES])
def test_score_not_below_baseline(baseline):
    spec = json.loads(baseline.read_text())
    gold = shared_file(spec["gold"])
    assert sha256(gold) == spec["sha256"], f"{gold} changed: re-measure and update {baseline.name}"
    result = evaluate(spec["task"], gold)
    assert check_baseline(result, baseline) == []


def test_gate_can_fail(tmp_path):
    strict = tmp_path / "strict.json"
    strict.write_text(json.dumps({"floors": {"fields.plover.macro_f1": 0.99}}))
    result = {"fields": {"plover": {"macro_f1": 0.5}}}
    assert check_baseline(result, strict)
