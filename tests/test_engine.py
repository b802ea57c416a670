"""Engine and run resilience: a failing article is skipped, an interrupted run resumes to the
same events, and two workers give the same events as one. Uses the bundled sample corpus
(Wikinews, CC BY 2.5; see src/eventscope/data/sample/ATTRIBUTION.md)."""
import pytest

import eventscope
from eventscope.config import Config
from eventscope.engine import run_local
from eventscope.events import EventsStage
from eventscope.ingest import iter_articles
from eventscope.runner import sample_corpus


@pytest.fixture(scope="module")
def articles():
    return list(iter_articles([str(sample_corpus())]))[:6]


@pytest.fixture(scope="module")
def reference(articles):
    cfg = Config.load(overrides={"engine.batch_size": 3})
    return {ev.event_id: ev for batch in run_local(iter(articles), cfg) for w in batch for ev in w.events}


def test_failing_article_is_skipped_not_fatal(articles, monkeypatch):
    bad = articles[1].article_id
    original = EventsStage.process

    def flaky(self, batch):
        if any(w.article.article_id == bad for w in batch):
            raise RuntimeError("boom")
        return original(self, batch)

    monkeypatch.setattr(EventsStage, "process", flaky)
    works = [w for batch in run_local(iter(articles[:3]), Config()) for w in batch]
    assert [w.error is not None for w in works] == [False, True, False]
    assert "W104" in works[1].error and "events" in works[1].error
    assert works[0].events and works[2].events


def test_two_workers_match_one(articles, reference):
    cfg = Config.load(overrides={"engine.workers": 2, "engine.batch_size": 2})
    got = {ev.event_id: ev for batch in run_local(iter(articles), cfg) for w in batch for ev in w.events}
    assert got.keys() == reference.keys()
    assert all(got[k] == reference[k] for k in got)


def test_interrupted_run_resumes_to_the_same_events(articles, reference, tmp_path, monkeypatch):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(a.model_dump_json(include={"article_id", "text", "published", "url", "title"})
                            .replace('"article_id"', '"id"') + "\n" for a in articles))
    db = tmp_path / "events.duckdb"
    cfg = Config.load(overrides={"engine.batch_size": 2})
    import eventscope.store as store_mod

    calls = {"n": 0}
    original = store_mod.Store.write_batch

    def crash_on_third(self, batch, run_id):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # like Ctrl-C between two batches
        return original(self, batch, run_id)

    monkeypatch.setattr(store_mod.Store, "write_batch", crash_on_third)
    with pytest.raises(KeyboardInterrupt):
        eventscope.run([path], db, config=cfg)
    monkeypatch.setattr(store_mod.Store, "write_batch", original)
    partial = eventscope.query(db)
    assert 0 < len(partial) < len(reference)
    summary = eventscope.run([path], db, config=cfg, resume=True)
    assert summary.skipped == 4 and summary.articles == 2
    assert sorted(eventscope.query(db).event_id) == sorted(reference)


def test_warm_pool_matches_one_worker_and_reports_each_worker(articles, reference):
    from eventscope.engine import WarmPool, batched

    cfg = Config.load(overrides={"engine.workers": 2, "engine.batch_size": 2})
    with WarmPool(cfg) as pool:
        got = {ev.event_id: ev for works in pool.imap(batched(articles, 2)) for w in works for ev in w.events}
        stats = pool.stats()
    assert got == reference
    assert len({s["pid"] for s in stats}) == 2  # the barrier gives each worker one stats task
    assert all(s["setup_s"] > 0 and s["peak_rss_mb"] > 0 for s in stats)


def test_fork_server_sets_up_once_for_all_workers():
    """The fork server builds the pipeline of the first pool's config and its workers inherit it;
    a pool with another config (outside [engine]) sets up its own.  In a fresh interpreter: the
    fork server lives as long as the process that started it."""
    import subprocess
    import sys

    code = (
        "import json\n"
        "from eventscope.config import Config\n"
        "from eventscope.engine import WarmPool\n"
        "if __name__ == '__main__':\n"
        "    out = []\n"
        "    for over in ([], ['events.model=false']):\n"
        "        with WarmPool(Config.load(overrides=['engine.workers=2', *over])) as pool:\n"
        "            out.append(pool.stats())\n"
        "    print(json.dumps(out))\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    import json

    shared, own = json.loads(r.stdout.strip().splitlines()[-1])
    assert len({s["pid"] for s in shared}) == 2 and all(s["shared_setup_s"] > 0 for s in shared)
    assert shared[0]["shared_setup_s"] == shared[1]["shared_setup_s"]  # one setup, in the fork server
    assert all(s["shared_setup_s"] == 0 for s in own)  # another config: each worker set up itself


def test_tables_parse_like_csv_dictreader():
    """``load_table`` splits on tabs; it must give what csv.DictReader (its former parser) gives."""
    import csv
    from importlib import resources
    from pathlib import Path

    from eventscope.tables import load_table

    base = Path(str(resources.files("eventscope").joinpath("data")))
    paths = sorted(base.rglob("*.tsv"))
    assert len(paths) > 20
    for path in paths:
        lines = [ln for ln in path.read_text("utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        expected = tuple({k: (v or "").strip() for k, v in row.items()} for row in reader)
        assert load_table(str(path.relative_to(base))) == expected, path


def test_gazetteer_disk_cache_gives_the_same_gazetteer(tmp_path, monkeypatch):
    import numpy as np

    from eventscope.geo import Gazetteer
    from eventscope.tables import CACHE_ENV

    def same(x, y):
        if isinstance(x, np.ndarray):
            return x.dtype == y.dtype and np.array_equal(x, y)
        if isinstance(x, dict):
            return type(x) is type(y) and list(x) == list(y) and all(same(x[k], y[k]) for k in x)
        if isinstance(x, (list, tuple)):
            return type(x) is type(y) and len(x) == len(y) and all(same(a, b) for a, b in zip(x, y))
        return x == y

    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    built = Gazetteer()  # builds and stores
    cached = Gazetteer()
    assert not built.from_cache and cached.from_cache
    a, b = Gazetteer(cache=False)._state(), cached._state()
    assert list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    assert cached.resolve("Kiev").country == "UKR" and cached.resolve("Ky.").precision == "admin1"
    # a damaged cache file is rebuilt and rewritten; "off" never reads or writes one
    [stored] = (tmp_path / "cache").glob("gazetteer-*.pickle")
    stored.write_bytes(b"not a pickle")
    assert not Gazetteer().from_cache and Gazetteer().from_cache
    monkeypatch.setenv(CACHE_ENV, "off")
    assert not Gazetteer().from_cache


def test_disk_cache_keeps_one_entry_per_key_and_prunes_the_least_recently_used(tmp_path, monkeypatch):
    """Two checkouts with different code (different keys) must not overwrite each other's entry;
    only the CACHE_KEEP most recently used entries of a name stay on disk."""
    import hashlib
    import os

    from eventscope.tables import CACHE_ENV, CACHE_KEEP, load_cached, store_cached

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    keys = [hashlib.sha256(bytes([i])).hexdigest() for i in range(CACHE_KEEP + 1)]
    for i, key in enumerate(keys[:CACHE_KEEP]):
        assert store_cached("thing", key, i)
    assert [load_cached("thing", key) for key in keys] == [*range(CACHE_KEEP), None]
    oldest = tmp_path / f"thing-{keys[1][:16]}.pickle"
    for f in tmp_path.glob("thing-*.pickle"):
        os.utime(f, ns=(1, 1) if f == oldest else (2, 2))  # keys[1] unused the longest
    assert store_cached("thing", keys[-1], "new")
    left = {f.name for f in tmp_path.glob("thing-*.pickle")}
    assert len(left) == CACHE_KEEP and oldest.name not in left
    assert load_cached("thing", keys[1]) is None and load_cached("thing", keys[0]) == 0
    assert load_cached("thing", keys[-1]) == "new"
    # reading an entry marks it used: the entry read last survives the next store, the unread oldest goes
    first = tmp_path / f"thing-{keys[0][:16]}.pickle"
    for f in tmp_path.glob("thing-*.pickle"):
        os.utime(f, ns=(1, 1) if f == first else (3, 3))  # keys[0] is the oldest entry ...
    assert load_cached("thing", keys[0]) == 0  # ... until it is read
    assert store_cached("thing", keys[1], "again")
    assert load_cached("thing", keys[0]) == 0 and load_cached("thing", keys[1]) == "again"
    assert len(list(tmp_path.glob("thing-*.pickle"))) == CACHE_KEEP
