"""The type model's own training texts (train/plover_written/, MIT; see its README.md): well-formed records, and
none a near-duplicate of a text the model is scored on (eval/plover_notes, eval/acled_notes, the shared event files), so that the
held-out and cross-validated figures stay out of sample."""
import importlib.util
import json
from pathlib import Path

import pytest

from .conftest import shared_file

REPO = Path(__file__).resolve().parents[1]
WRITTEN = REPO / "train" / "plover_written"
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def _script():
    spec = importlib.util.spec_from_file_location("train_event_model", REPO / "scripts" / "train_event_model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def written() -> list[dict]:
    files = sorted(WRITTEN.glob("*.jsonl"))
    assert len(files) == 3, files  # annotators C, D and E
    return [r for f in files for r in _records(f)]


def test_written_records_are_well_formed(written):
    assert len(written) == 605 and len({r["id"] for r in written}) == len(written)
    labels = {r["labels"]["plover"] for r in written}
    assert labels == PLOVER | {None}
    for r in written:
        assert r["orig_label"].split("/")[0] == (r["labels"]["plover"] or "NONE"), r["id"]
        for role in ("source_actor", "target_actor"):
            for phrase in filter(None, (r["labels"][role] or "").split("; ")):
                assert phrase in r["text"], (r["id"], phrase)


@pytest.mark.parametrize("scored", ["eval/plover_notes/dev.jsonl", "eval/plover_notes/heldout.jsonl",
                                    "eval/acled_notes/dev.jsonl", "eval/acled_notes/heldout.jsonl",
                                    "shared:data/events/cameo_manual_plover.jsonl",
                                    "shared:data/events/ngec_synthetic.jsonl"])
def test_no_training_text_near_duplicates_a_scored_text(written, scored):
    train = _script()
    path = shared_file(scored.split(":", 1)[1]) if scored.startswith("shared:") else REPO / scored
    others = [train._word_sets(r["text"]) for r in _records(path)]
    close = [r["id"] for r in written
             if any(train.near_duplicate(train._word_sets(r["text"]), o) for o in others)]
    assert close == [], f"training texts near-duplicating {scored}: {close}"


def test_near_duplicate_judges_wording_not_topic():
    train = _script()
    a = train._word_sets("The World Food Programme airdropped food rations to civilians cut off by fighting.")
    b = train._word_sets("The World Food Programme airdropped food rations to 40,000 people cut off by floods.")
    c = train._word_sets("Rebels shelled the airport of the capital overnight, residents said.")
    assert train.near_duplicate(a, b) and not train.near_duplicate(a, c)
