"""The Ray engine (engine_ray.py) on a local Ray instance gives the same database as the local
engine, and the local engine never imports Ray.  Articles from the bundled sample corpus
(Wikinews, CC BY 2.5; see src/eventscope/data/sample/ATTRIBUTION.md)."""
from __future__ import annotations

import os
import subprocess
import sys

import duckdb
import pytest

import eventscope
from eventscope.config import Config
from eventscope.runner import sample_corpus


def _dump(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {table: sorted(con.execute(f"SELECT * EXCLUDE ({drop}) FROM {table}").fetchall())
                for table, drop in (("events", "record"), ("actors", "reason"), ("places", "reason"),
                                    ("canonical_events", "reason"), ("event_mentions", "reason"))}
    finally:
        con.close()


def test_local_engine_does_not_import_ray(tmp_path):
    corpus = tmp_path / "one.jsonl"
    corpus.write_text(sample_corpus().read_text("utf-8").splitlines()[0] + "\n")
    code = ("import sys, eventscope, eventscope.cli; eventscope.run([sys.argv[1]], sys.argv[2]); "
            "assert not [m for m in sys.modules if m == 'ray' or m.startswith('ray.')], 'ray imported'")
    r = subprocess.run([sys.executable, "-c", code, str(corpus), str(tmp_path / "e.duckdb")], capture_output=True,
                       text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]


@pytest.mark.slow
def test_ray_engine_matches_local_engine(tmp_path):
    if os.environ.get("CI") == "true":
        import ray.data  # noqa: F401 - CI installs the ray extra: a missing Ray is a failure there
    else:
        pytest.importorskip("ray.data")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(sample_corpus().read_text("utf-8").splitlines()[:6]) + "\n")
    cfg = Config.load(overrides={"engine.workers": 2, "engine.batch_size": 2})
    local = eventscope.run([corpus], tmp_path / "local.duckdb", config=cfg)
    ray_run = eventscope.run([corpus], tmp_path / "ray.duckdb", config=cfg, engine="ray")
    assert ray_run.articles == local.articles == 6 and ray_run.events == local.events > 0
    assert _dump(tmp_path / "ray.duckdb") == _dump(tmp_path / "local.duckdb")
