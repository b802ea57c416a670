"""Resilience: a run killed with SIGKILL at random points resumes to exactly the events of an
uninterrupted run; hostile inputs are reported (file and line) and skipped while the run goes
on; a hypothesis fuzz of ingest + extract never crashes.  Articles come from the bundled
sample corpus (Wikinews, CC BY 2.5; see src/eventscope/data/sample/ATTRIBUTION.md); the
hostile corpus is generated here.

Fuzz size: ``EVENTSCOPE_FUZZ_EXAMPLES`` (default 10,000 ingest cases, a tenth of them -- those
that ingest accepts -- through the whole pipeline)."""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import eventscope
from eventscope.config import Config
from eventscope.ingest import iter_articles
from eventscope.runner import sample_corpus

KILLS = 20
FUZZ_EXAMPLES = int(os.environ.get("EVENTSCOPE_FUZZ_EXAMPLES", "10000"))


def _write_corpus(path: Path, n: int) -> None:
    lines = sample_corpus().read_text("utf-8").splitlines()[:n]
    path.write_text("\n".join(lines) + "\n")


def _snapshot(db: Path) -> tuple[dict[str, set[str]], set[str], dict[str, int]]:
    """(article -> its event ids, stored article ids, canonical id -> mentions) of a database."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        events: dict[str, set[str]] = {}
        for article_id, event_id in con.execute("SELECT article_id, event_id FROM events").fetchall():
            events.setdefault(article_id, set()).add(event_id)
        stored = {r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()}
        canonical = dict(con.execute("SELECT canonical_id, mentions FROM canonical_events").fetchall())
    finally:
        con.close()
    return events, stored, canonical


def _child_run(corpus: str, db: str, config_data: dict, pipeline) -> None:
    """A forked run that reuses the parent's loaded pipeline (the model loads once per test)."""
    import eventscope.engine as engine_mod

    def preloaded(articles, config):
        for batch in engine_mod.batched(articles, int(config["engine.batch_size"])):
            yield pipeline.process(batch)

    engine_mod.run_local = preloaded
    eventscope.run([corpus], db, config=Config(config_data), resume=True)


@pytest.mark.slow
def test_kill_9_at_random_points_then_resume_gives_the_same_events(tmp_path, pipeline):
    """20 SIGKILLs at random moments (seeded); after each, every stored article has exactly its
    reference events (a batch is all or nothing); a final --resume gives the reference database."""
    corpus = tmp_path / "corpus.jsonl"
    _write_corpus(corpus, 8)
    cfg = Config.load(overrides={"engine.batch_size": 1}).to_dict()
    ctx = mp.get_context("fork")  # the child inherits the loaded model; it opens its own database

    def start(db: Path):
        proc = ctx.Process(target=_child_run, args=(str(corpus), str(db), cfg, pipeline))
        proc.start()
        return proc

    reference_db = tmp_path / "reference.duckdb"
    t0 = time.perf_counter()
    proc = start(reference_db)
    proc.join(300)
    full = time.perf_counter() - t0
    assert proc.exitcode == 0
    ref_events, ref_articles, ref_canonical = _snapshot(reference_db)
    assert len(ref_articles) == 8 and sum(map(len, ref_events.values())) > 20

    rng = random.Random(20240508)
    db = tmp_path / "killed.duckdb"
    killed_mid_run = partial = done = attempt = 0
    scale = 0.9  # of the reference run's time; shrunk when a run ends before its kill (a busy machine made the
    # reference run slow): the test needs kills that land mid-run, whatever the load
    while killed_mid_run < KILLS and attempt < 3 * KILLS:
        if attempt % 4 == 0 and db.exists():  # start over now and then so kills land early and late
            db.unlink()
            Path(str(db) + ".wal").unlink(missing_ok=True)
            done = 0
        proc = start(db)
        # a resumed run only does the articles not yet stored: kill within the time that is left
        # (about a quarter of a full run is start-up), so that most kills land while it runs
        time.sleep(rng.uniform(0.0, full * scale * (0.25 + 0.75 * (8 - done) / 8)))
        os.kill(proc.pid, signal.SIGKILL)  # kill -9
        proc.join(60)
        attempt += 1
        mid_run = proc.exitcode == -signal.SIGKILL
        killed_mid_run += mid_run
        scale *= 1.0 if mid_run else 0.7
        if not db.exists():
            continue
        events, stored, _ = _snapshot(db)
        done = len(stored)
        assert stored <= ref_articles, f"kill {attempt}: unknown articles"
        for article_id in stored:  # all or nothing per article
            assert events.get(article_id, set()) == ref_events.get(article_id, set()), f"kill {attempt}"
        assert set(events) <= stored, f"kill {attempt}: events without their article"
        partial += 0 < len(stored) < len(ref_articles)
    assert killed_mid_run == KILLS  # every kill counted hit a running process
    assert partial >= 3  # and several left a half-done database behind
    print(f"kill -9: {attempt} kills, {killed_mid_run} mid-run, {partial} left a partial database; all consistent")

    proc = start(db)  # the final --resume
    proc.join(300)
    assert proc.exitcode == 0
    events, stored, canonical = _snapshot(db)
    assert stored == ref_articles and events == ref_events and canonical == ref_canonical


@pytest.mark.slow
def test_kill_9_of_the_cli_then_resume(tmp_path):
    """The real command line, killed once mid-run, resumes to the uninterrupted events."""
    corpus = tmp_path / "corpus.jsonl"
    _write_corpus(corpus, 4)
    cmd = [sys.executable, "-m", "eventscope", "run", str(corpus), "--set", "engine.batch_size=1"]
    ref = tmp_path / "ref.duckdb"
    subprocess.run(cmd + ["--db", str(ref)], check=True, capture_output=True, timeout=600)
    db = tmp_path / "killed.duckdb"
    proc = subprocess.Popen(cmd + ["--db", str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = Path(str(db) + ".wal")
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None and not (wal.exists() and wal.stat().st_size > 20_000):
        time.sleep(0.05)  # wait until batches are being committed
    subprocess.run(["kill", "-9", str(proc.pid)], check=False)
    proc.wait(60)
    subprocess.run(cmd + ["--db", str(db), "--resume"], check=True, capture_output=True, timeout=600)
    assert _snapshot(db) == _snapshot(ref)


# -- hostile input ---------------------------------------------------------------------


def _hostile_corpus(d: Path) -> dict[str, str]:
    """Write the bad inputs; returns file name -> a word its message must contain."""
    rnd = random.Random(7)
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(rnd.randrange(256) for _ in range(4096)))
    (d / "controls.txt").write_bytes(b"\x00\x01\x02abc" * 2000)
    (d / "huge_line.txt").write_bytes(b"word " * (50 * 1024 * 1024 // 5))  # 50 MB, one line
    (d / "bad_utf8.txt").write_bytes("Soldiers attacked the village.".encode() + b"\xff\xfe\xc3(")
    (d / "nobody.html").write_text("<html><head><title>Nothing</title></head></html>")
    (d / "nested.html").write_text("<html><body>" + "<div>" * 50_000 + "Police arrested ten protesters."
                                   + "</div>" * 50_000 + "</body></html>")
    (d / "russian.txt").write_text("Военные атаковали деревню недалеко от Кабула в понедельник. " * 20)
    (d / "french.txt").write_text("Les soldats ont attaqué le village près de Kaboul lundi, selon les autorités "
                                  "locales qui ont confirmé la nouvelle dans la soirée. " * 10)
    (d / "oneword.txt").write_text("Attack")
    words = ["soldiers", "attacked", "the", "village", "police", "arrested", "protesters", "in", "Kabul", "on"]
    (d / "long.txt").write_text(" ".join(rnd.choice(words) for _ in range(100_000)) + ".")
    (d / "broken.jsonl").write_text("\n".join([
        '{"id": "ok", "text": "Police arrested ten protesters in Paris on Monday after clashes with the army."}',
        "{broken", '{"id": 3.5, "text": 5}', "[1, 2]", '"just a string"', '{"id": "h", "html": 7}',
        '{"id": "n", "title": "no text"}']) + "\n")
    return {"empty.txt": "E106", "binary.txt": "E105", "controls.txt": "binary", "huge_line.txt": "characters",
            "bad_utf8.txt": "E105", "nobody.html": "E106", "nested.html": "E106", "russian.txt": "not English",
            "french.txt": "not English", "oneword.txt": "min_chars", "long.txt": "characters",
            "broken.jsonl:2": "E102", "broken.jsonl:3": "E104", "broken.jsonl:4": "E109", "broken.jsonl:5": "E109",
            "broken.jsonl:6": "E104", "broken.jsonl:7": "E103"}


@pytest.mark.slow
def test_hostile_inputs_are_named_and_skipped(tmp_path):
    expected = _hostile_corpus(tmp_path / "bad")
    good = tmp_path / "bad" / "good.txt"
    good.write_text("Police arrested ten protesters in Paris on Monday, officials said.")
    summary = eventscope.run([tmp_path / "bad"], tmp_path / "events.duckdb")
    assert summary.articles == 2 and summary.failed == 0  # good.txt and the good JSONL line
    assert summary.events >= 2
    problems = summary.problems
    for where, word in expected.items():
        hits = [p for p in problems if f"{where}:" in p or p.rstrip().endswith(where) or f"{where} " in p]
        assert hits, f"no message names {where}: {problems}"
        assert any(word in p for p in hits), f"{where}: {hits}"
    assert len(problems) == len(expected)


# -- fuzz --------------------------------------------------------------------------------

_WORDS = ["the", "police", "arrested", "protesters", "in", "Kabul", "on", "Monday", "army", "attacked",
          "village", "killing", "12", "people", "said", "talks", "with", "Russia", "yesterday", "\u00e9t\u00e9",
          "\u0432\u043e\u0439\u043d\u0430", "<b>", "</p>", "{", '"', "\n\n", ".", ","]
_text = st.lists(st.sampled_from(_WORDS) | st.text(max_size=8), max_size=80).map(" ".join)
_record = st.dictionaries(st.sampled_from(["id", "text", "html", "url", "title", "published", "source", "metadata",
                                           "x"]),
                          st.none() | st.integers() | st.booleans() | _text | st.lists(st.integers(), max_size=2)
                          | st.dictionaries(st.text(max_size=3), st.integers(), max_size=2), max_size=6)
_payload = st.one_of(
    st.binary(max_size=400).map(lambda b: ("txt", b)),
    _text.map(lambda t: ("txt", t.encode("utf-8", "surrogatepass"))),
    _text.map(lambda t: ("html", f"<html><body><p>{t}</p></body></html>".encode("utf-8", "surrogatepass"))),
    st.lists(_record.map(lambda r: json.dumps(r)) | _text, max_size=4).map(
        lambda lines: ("jsonl", "\n".join(lines).encode("utf-8", "surrogatepass"))),
    _record.map(lambda r: ("json", json.dumps(r).encode())),
)


@pytest.mark.slow
def test_fuzz_ingest_and_extract_never_crash(tmp_path_factory, pipeline):
    folder = tmp_path_factory.mktemp("fuzz")
    counts = {"cases": 0, "articles": 0}

    @settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(_payload)
    def case(payload):
        suffix, data = payload
        path = folder / f"case.{suffix}"
        path.write_bytes(data)
        problems: list[str] = []
        articles = list(iter_articles([str(path)], on_problem=problems.append))
        for msg in problems:
            assert str(path) in msg or "<" in msg or "published" in msg, msg
        counts["cases"] += 1
        if articles and counts["articles"] * 10 <= counts["cases"]:  # extract about one case in ten
            counts["articles"] += len(articles)
            for work in pipeline.process(articles):
                assert work.error is None or work.error.startswith("[W")

    case()
    assert counts["cases"] >= FUZZ_EXAMPLES
    print(f"fuzz: {counts['cases']} ingest cases, {counts['articles']} articles extracted, no crash")
