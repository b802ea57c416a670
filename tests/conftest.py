"""Shared fixtures. Gold and sample data are read from ../shared (see each PROVENANCE.md);
under CI=true a missing shared/ folder fails instead of skipping."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTSCOPE_SHARED", ROOT.parent / "shared"))


def shared_file(rel: str) -> Path:
    path = SHARED / rel
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing: CI must run with shared/ beside the clone")
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    # shared/samples/seed-article.txt: the project's seed article (see shared/samples/).
    return shared_file("samples/seed-article.txt").read_text("utf-8")


@pytest.fixture(scope="session")
def pipeline():
    from eventscope.pipeline import Pipeline

    return Pipeline().setup()


@pytest.fixture(scope="session")
def seed_events(seed_text):
    import eventscope

    return eventscope.extract(seed_text, published="2015-09-29")


def events_of(pipeline, text: str, published: str = "2024-03-01") -> list:
    """The events the pipeline finds in one article made of ``text`` (the sentence tests' helper)."""
    from eventscope.schema import Article

    return pipeline.process([Article(article_id="t", text=text, published=published)])[0].events


def event_at(pipeline, text: str, trigger: str):
    """The event of ``text`` at the trigger word ``trigger`` (StopIteration when there is none); a literal
    ``\\n`` in ``text`` is a paragraph break."""
    return next(e for e in events_of(pipeline, text.replace("\\n", "\n")) if e.trigger.text == trigger)


def one_event(pipeline, text: str, plover: str, trigger: str | None = None, published: str = "2024-03-01"):
    """The first ``plover`` event (at ``trigger`` if given) in ``text``; fails when there is none, so a
    "does not misfire" case cannot pass by detecting nothing."""
    found = [e for e in events_of(pipeline, text, published) if e.event_type == plover
             and (trigger is None or e.trigger.text == trigger)]
    assert found, f"no {plover} event{' at ' + trigger if trigger else ''} in {text!r}"
    return found[0]



def measure_against(baseline: Path) -> dict:
    """Score the gold file a repository-relative baseline names (eval/acled_notes/, eval/pronouns/) with its
    task, check the file is the one measured, and assert no metric fell below its floor; the result."""
    import json

    from eventscope.eval import check_baseline, evaluate, sha256

    spec = json.loads(baseline.read_text("utf-8"))
    gold = ROOT / spec["gold"]
    assert sha256(gold) == spec["sha256"], f"{gold} changed: re-measure and update {baseline.name}"
    result = evaluate(spec["task"], gold)
    assert check_baseline(result, baseline) == []
    return result
