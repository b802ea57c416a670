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
