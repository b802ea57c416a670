"""Tests for the ingest stage: readers, dates, cleaning, ids.

Shared samples are read from /work/shared (skipped when absent):
``samples/seed-article.txt`` and ``samples/news/articles.jsonl`` (77 Wikinews
articles, CC BY 2.5; see samples/news/PROVENANCE.md).
"""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.config import Config
from eventscope.errors import EventscopeError
from eventscope.ingest import (
    IngestStage,
    clean_text,
    find_anchor,
    iter_articles,
    load_chrome_patterns,
    make_article,
    make_article_id,
    parse_published,
    split_title,
)
from eventscope.schema import Work

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "samples" / "seed-article.txt"
NEWS = SHARED / "samples" / "news" / "articles.jsonl"

BODY = "Both sides agreed to a ceasefire on Sunday, the mediators said in a joint statement."


def read(paths, **kwargs):
    """All articles and problem messages of one ``iter_articles`` run."""
    problems: list[str] = []
    articles = list(iter_articles([str(p) for p in paths], on_problem=problems.append, **kwargs))
    return articles, problems


def staged(articles):
    return IngestStage().process([Work(article=a) for a in articles])


# ---------------------------------------------------------------- cleaning


def test_chrome_table_loads_with_descriptions():
    patterns = load_chrome_patterns()
    assert len(patterns) >= 20
    assert all(description for _, description in patterns)


@pytest.mark.parametrize(
    "line",
    [
        "Updated on",
        "Updated on 28 September 2015, 10:42 GMT",
        "Leave a Comment",
        "Share this",
        "Share on Facebook",
        "Click here to subscribe to our newsletter",
        "Follow us on Twitter @examplewire",
        "ADVERTISEMENT",
        "Read more: Russia boosts Tajik base",
        "Related: Earlier talks collapse",
        "We use cookies to improve your experience. By continuing you agree to our cookie policy.",
        "© 2015 Example Wire. All rights reserved.",
        "Copyright 2015 Example Wire",
    ],
)
def test_chrome_lines_are_removed(line):
    assert clean_text(f"{BODY}\n\n{line}\n\n{BODY}") == f"{BODY}\n\n{BODY}"


@pytest.mark.parametrize(
    "line",
    [
        "Many diplomats share this view of the crisis.",
        "Officials said they would read more of the report before deciding.",
        "The minister was updated on the situation by the army chief on Monday.",
        "Websites must ask users to consent before placing cookies, the court ruled.",
        "Comments by the president angered the opposition.",
        "Related talks in Geneva ended without agreement.",
    ],
)
def test_sentences_mentioning_chrome_words_survive(line):
    assert clean_text(f"{BODY}\n\n{line}") == f"{BODY}\n\n{line}"


def test_clean_text_normalises_newlines_nfc_and_spaces():
    raw = "  Caf\u0065\u0301 talks   \r\n\r\n\r\n\r\nSecond\u00a0paragraph\u200b here.  \r\n"
    assert clean_text(raw) == "Caf\u00e9 talks\n\nSecond paragraph here."
    assert clean_text(clean_text(raw)) == clean_text(raw)


def test_stage_cleans_sets_id_and_flags_chrome_only_article():
    raw = make_article("placeholder").model_copy(
        update={"article_id": "", "text": f"Updated on\r\n\r\n{BODY}  \r\nShare this\r\n"}
    )
    chrome_only = raw.model_copy(update={"article_id": "x", "text": "Share this\n\nLeave a Comment\n"})
    done, empty = staged([raw, chrome_only])
    assert done.error is None
    assert done.article.text == BODY
    assert done.article.article_id == make_article_id(BODY, None)
    reasons = [r["reason"] for r in done.article.metadata["ingest_removed"]]
    assert len(reasons) == 2 and all(r.startswith("page chrome:") for r in reasons)
    assert empty.error and empty.error.startswith("[W101]") and "chrome" in empty.error


def test_stage_skips_works_with_error():
    work = Work(article=make_article(BODY).model_copy(update={"text": "Share this\n" + BODY}), error="earlier")
    assert IngestStage().process([work])[0].article.text.startswith("Share this")


def test_make_article():
    art = make_article(f"{BODY}\r\n\r\nRead more: other story\r\n", published="2015-09-29T10:00:00Z", url="https://x.org/1")
    assert art.text == BODY
    assert art.published == "2015-09-29" and art.published_from == "record"
    assert art.article_id == make_article_id(BODY, "https://x.org/1")
    assert make_article(BODY).published is None and make_article(BODY).published_from == "none"
    with pytest.raises(EventscopeError) as exc:
        make_article(BODY, published="29/09/2015")
    assert exc.value.code == "E108"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2015-09-29", "2015-09-29"),
        ("2015-09-29T23:30:00Z", "2015-09-29"),
        ("2015-09-29 08:15:00+05:00", "2015-09-29"),
        ("2015-02-30", None),
        ("2015-9-29", None),
        ("September 29, 2015", None),
        ("", None),
    ],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


def test_split_title_only_when_obvious():
    assert split_title(f"Ceasefire agreed\n\n{BODY}") == ("Ceasefire agreed", f"\n{BODY}")
    assert split_title(f"{BODY}\n\n{BODY}")[0] is None  # ends with a full stop
    assert split_title(f"Ceasefire agreed\n{BODY}")[0] is None  # no blank line after it
    assert split_title("Ceasefire agreed\n\n")[0] is None  # nothing after it
    assert split_title(f"Updated on\n\n{BODY}")[0] is None  # chrome, not a title


# ---------------------------------------------------------------- ids

_line = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(
    lines=st.lists(_line, min_size=1, max_size=8),
    trailing=st.lists(st.sampled_from(["", " ", "  ", "\t"]), min_size=8, max_size=8),
    url=st.one_of(st.none(), st.just("https://example.org/a")),
)
def test_article_id_stable_under_newline_style_and_trailing_spaces(lines, trailing, url):
    unix = "\n".join(lines)
    windows = "\r\n".join(line + pad for line, pad in zip(lines, trailing))
    a, b = make_article(unix, url=url), make_article(windows, url=url)
    assert a.text == b.text
    assert a.article_id == b.article_id
    assert len(a.article_id) == 16


def test_same_article_from_txt_and_jsonl_gets_same_id(tmp_path):
    text = f"Ceasefire agreed in the east\r\n\r\nUpdated on\r\n\r\n{BODY}   \r\n"
    (tmp_path / "a.txt").write_bytes(text.encode())
    record = {"title": "Ceasefire agreed in the east", "text": BODY}
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n")
    (from_jsonl, from_txt), problems = read([tmp_path])  # sorted: a.jsonl, a.txt
    assert problems == []
    assert from_txt.origin.endswith("a.txt") and from_jsonl.origin.endswith("a.jsonl")
    assert from_txt.article_id == from_jsonl.article_id
    assert from_txt.title == from_jsonl.title


# ---------------------------------------------------------------- readers


def test_text_file_title_and_no_date(tmp_path):
    (article,), problems = read([FIXTURES / "corpus" / "b.txt"])
    assert problems == []
    assert article.title == "Ceasefire agreed in the east"
    assert article.published is None and article.published_from == "none"
    assert article.line is None and article.origin.endswith("b.txt")
    assert "Updated on" in article.text  # the reader yields raw text; the stage cleans it
    (work,) = staged([article])
    assert work.article.text == BODY


def test_html_fixture_text_and_metadata():
    (article,), problems = read([FIXTURES / "article.html"])
    assert problems == []
    assert article.title == "Russia to redeploy troops to Tajik border"
    assert article.url == "https://news.example.org/2015/russia-tajik-border"
    assert article.source == "Example Wire"
    assert (article.published, article.published_from) == ("2015-09-29", "html-meta")
    (work,) = staged([article])
    text = work.article.text
    assert text.startswith("Russia is set to redeploy")
    assert "Many analysts in the region share this view of the threat." in text
    for chrome in ("Advertisement", "Share this", "Follow us", "All rights reserved", "cookies", "Log in"):
        assert chrome not in text
    assert "\n\n" in text  # paragraphs separated by blank lines


def test_html_date_never_taken_from_body_text():
    """nodate.html has no date markup but mentions "12 March 2014" in its body."""
    (article,), _ = read([FIXTURES / "nodate.html"])
    assert article.published is None and article.published_from == "none"
    (article,), _ = read([FIXTURES / "nodate.html"], published="2014-04-01")
    assert (article.published, article.published_from) == ("2014-04-01", "cli")


def test_jsonl_good_and_broken_lines():
    articles, problems = read([FIXTURES / "mixed.jsonl"])
    by_id = {a.article_id: a for a in articles}
    assert {"a1", "a6", "a8"} <= set(by_id) and len(articles) == 4
    a1 = by_id["a1"]
    assert a1.line == 1 and a1.origin.endswith("mixed.jsonl")
    assert a1.metadata == {"licence": "CC0", "section": "politics"}
    assert (a1.published, a1.published_from, a1.source) == ("2019-05-02", "record", "Example")
    (no_id,) = [a for a in articles if a.line == 8]
    assert (no_id.published, no_id.published_from) == ("2019-06-07", "record")  # datetime -> date
    assert no_id.metadata == {"feed": "wire"}
    assert (by_id["a8"].published, by_id["a8"].published_from) == ("2018-11-20", "html-meta")
    assert by_id["a8"].title == "Envoy expelled"
    # invalid date: reported, article kept with unknown date
    assert by_id["a6"].published is None and by_id["a6"].published_from == "none"
    codes = {p.split("]")[0] + "]": p for p in problems}
    assert set(codes) == {"[E102]", "[E104]", "[E103]", "[E109]", "[E108]", "[W101]"}
    assert "mixed.jsonl:2:" in codes["[E102]"]
    assert "mixed.jsonl:4:" in codes["[E104]"] and "'text'" in codes["[E104]"]
    assert "mixed.jsonl:5:" in codes["[E103]"]
    assert "mixed.jsonl:6:" in codes["[E109]"]
    assert "mixed.jsonl:7" in codes["[E108]"] and "2019-02-30" in codes["[E108]"]
    assert "mixed.jsonl:10:" in codes["[W101]"]


def test_jsonl_undecodable_line_is_reported(tmp_path):
    path = tmp_path / "bad.jsonl"
    good = json.dumps({"id": "ok", "text": BODY}).encode()
    path.write_bytes(good + b"\n" + b'{"id": "x", "text": "caf\xe9 au lait is served"}\n')
    articles, problems = read([path])
    assert [a.article_id for a in articles] == ["ok"]
    assert len(problems) == 1 and problems[0].startswith("[E105]") and "bad.jsonl:2" in problems[0]


def test_record_date_beats_html_meta_and_cli(tmp_path):
    html = '<html><head><meta property="article:published_time" content="2018-11-20"></head><body><article><p>' + BODY + "</p></article></body></html>"
    rows = [{"id": "r", "html": html, "published": "2018-11-25"}, {"id": "h", "html": html}, {"id": "c", "text": BODY}]
    path = tmp_path / "d.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    articles, problems = read([path], published="2018-12-01")
    assert problems == []
    got = {a.article_id: (a.published, a.published_from) for a in articles}
    assert got == {"r": ("2018-11-25", "record"), "h": ("2018-11-20", "html-meta"), "c": ("2018-12-01", "cli")}


def test_json_array_file(tmp_path):
    path = tmp_path / "two.json"
    path.write_text(json.dumps([{"id": "x1", "text": BODY}, {"id": "x2", "text": BODY + " Again."}], indent=2))
    articles, problems = read([path])
    assert problems == [] and [a.article_id for a in articles] == ["x1", "x2"]


def test_directory_recursion_sorted_and_filtered():
    articles, problems = read([FIXTURES / "corpus"])
    names = [Path(a.origin).relative_to(FIXTURES / "corpus").as_posix() for a in articles]
    assert names == ["b.txt", "sub/a.txt", "sub/c.jsonl"]  # notes.md and .hidden/ skipped
    assert problems == []
    assert articles[2].article_id == "deep-1" and articles[2].line == 1


def test_directory_extensions_come_from_config():
    config = Config.load(overrides={"ingest.extensions": '[".jsonl"]'})
    articles, _ = read([FIXTURES / "corpus"], config=config)
    assert [a.article_id for a in articles] == ["deep-1"]


def test_empty_and_undecodable_files_are_skipped(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks in the capital ended without any agreement.".encode("latin-1"))
    (tmp_path / "empty.html").write_text("<html><body></body></html>")
    (tmp_path / "z.txt").write_text(BODY)
    articles, problems = read([tmp_path])
    assert [Path(a.origin).name for a in articles] == ["z.txt"]
    assert len(problems) == 3
    assert any(p.startswith("[E105]") and "latin1.txt" in p for p in problems)
    assert sum(p.startswith("[E106]") and "empty." in p for p in problems) == 2


def test_missing_path_raises_before_reading():
    with pytest.raises(EventscopeError) as exc:
        list(iter_articles([str(FIXTURES / "corpus" / "b.txt"), "/nonexistent/x.jsonl"]))
    assert exc.value.code == "E101" and "/nonexistent/x.jsonl" in str(exc.value)


def test_invalid_cli_date_raises():
    with pytest.raises(EventscopeError) as exc:
        list(iter_articles([str(FIXTURES / "corpus" / "b.txt")], published="yesterday"))
    assert exc.value.code == "E108"


def test_unsupported_file_type_is_reported():
    articles, problems = read([FIXTURES / "corpus" / "notes.md"])
    assert articles == [] and problems[0].startswith("[E107]")


@pytest.mark.parametrize(
    "payload, expect_ids",
    [
        (json.dumps({"id": "s1", "text": BODY}) + "\n\n" + json.dumps({"id": "s2", "text": BODY}) + "\n", ["s1", "s2"]),
        ("\n<html><head><title>T</title></head><body><article><p>" + BODY + "</p></article></body></html>", None),
        ("Ceasefire agreed in the east\n\n" + BODY + "\n", None),
    ],
    ids=["jsonl", "html", "text"],
)
def test_stdin_is_sniffed(monkeypatch, payload, expect_ids):
    monkeypatch.setattr(sys, "stdin", io.StringIO(payload))
    articles, problems = read(["-"])
    assert problems == []
    if expect_ids:
        assert [a.article_id for a in articles] == expect_ids and articles[1].line == 3
    else:
        (article,) = articles
        assert staged([article])[0].article.text == BODY
    assert all(a.origin == "<stdin>" for a in articles)


def test_stdin_bytes_with_bom(monkeypatch):
    class FakeStdin:
        buffer = io.BytesIO(b"\xef\xbb\xbf" + json.dumps({"id": "b1", "text": BODY}).encode() + b"\n")

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    articles, problems = read(["-"])
    assert problems == [] and [a.article_id for a in articles] == ["b1"]


def test_empty_stdin_is_reported(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n\n"))
    articles, problems = read(["-"])
    assert articles == [] and problems[0].startswith("[E106]")


# ---------------------------------------------------------------- shared samples


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article absent")
def test_seed_article():
    (article,), problems = read([SEED])
    assert problems == []
    assert article.title == "Russia To Redeploy Troops To Afghanistan – Tajikistan Border"
    assert article.published is None and article.published_from == "none"
    (work,) = staged([article])
    lines = work.article.text.split("\n")
    assert "Updated on" not in lines and "Leave a Comment" not in lines
    assert lines[0].startswith("According to Russian newspaper Kommersant")
    assert work.error is None


@pytest.mark.skipif(not NEWS.exists(), reason="shared news sample absent (see samples/news/PROVENANCE.md)")
def test_news_sample_corpus():
    articles, problems = read([NEWS])
    assert problems == []
    assert len(articles) == 77
    assert all(a.published_from == "record" and parse_published(a.published) for a in articles)
    assert all(a.article_id.startswith("wikinews-") and a.title and a.url for a in articles)
    assert all("licence" in a.metadata for a in articles)
    works = staged(articles)
    assert all(w.error is None for w in works)
    raw = {json.loads(line)["id"]: json.loads(line)["text"] for line in NEWS.read_text(encoding="utf-8").splitlines()}
    # the corpus is already clean: cleaning must not change a single character
    assert all(w.article.text == raw[w.article.article_id] for w in works)


# ---------------------------------------------------------------- publication date from URL / text


def _txt(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_url_date_in_canonical_link_is_source_url():
    """urldate.html: no date markup, a dated canonical URL and an "Updated on" line."""
    (article,), problems = read([FIXTURES / "urldate.html"])
    assert problems == []
    assert (article.published, article.published_from) == ("2015-09-29", "url")
    assert "2015/09/29" in article.metadata["published_reason"]


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://x.org/world/2015/09/29/talks-resume", "2015-09-29"),
        ("https://x.org/world/2015/sep/29/talks-resume", "2015-09-29"),
        ("https://x.org/news/20150929/talks", "2015-09-29"),
        ("https://x.org/news/talks-resume-2015-09-29.html", "2015-09-29"),
        ("https://x.org/story/12015092901", None),  # a long id, not a date
        ("https://x.org/2015/13/45/talks", None),  # no such date
    ],
)
def test_url_patterns(url, expected):
    found = find_anchor(BODY, url)
    assert (found[0] if found else None) == expected
    if found:
        assert found[1] == "url"


@pytest.mark.parametrize(
    "first, expected",
    [
        ("MOSCOW, Sept. 29, 2015 (Reuters) - Russia will redeploy troops.", "2015-09-29"),
        ("KABUL, Afghanistan, 29 September 2015 — Rebels attacked a checkpoint.", "2015-09-29"),
        ("Tuesday, September 29, 2015", "2015-09-29"),
        ("Tuesday, September 29, 2015 10:42 GMT", "2015-09-29"),
        ("September 29, 2015 was a quiet day in Kabul.", None),  # a sentence, not a dateline
        ("Officials said, Sept. 29 - nothing happened.", None),  # not a place name
    ],
)
def test_dateline_patterns(tmp_path, first, expected):
    (article,), _ = read([_txt(tmp_path, "d.txt", f"{first}\n\n{BODY}\n")])
    assert article.published == expected
    assert article.published_from == ("dateline" if expected else "none")


def test_dateline_without_year_takes_it_from_url_or_cli(tmp_path):
    text = f"MOSCOW, Sept. 29 (Reuters) - {BODY}"
    assert find_anchor(text) is None  # no year anywhere: not an anchor
    assert find_anchor(text, "https://x.org/2015/russia-troops")[:2] == ("2015-09-29", "dateline")
    (article,), _ = read([_txt(tmp_path, "d.txt", text)], published="2016-01-03")
    assert (article.published, article.published_from) == ("2015-09-29", "dateline")  # nearest Sept. 29
    assert "--published" in article.metadata["published_reason"]


def test_updated_line_is_read_before_it_is_stripped(tmp_path):
    text = f"Ceasefire agreed in the east\n\nUpdated on 28 September 2015, 10:42 GMT\n\n{BODY}\n"
    (article,), problems = read([_txt(tmp_path, "u.txt", text)], published="2015-10-05")
    assert problems == []
    assert (article.published, article.published_from) == ("2015-09-28", "updated-line")
    (work,) = staged([article])
    assert work.article.text == BODY  # the timestamp line is still removed as chrome
    assert work.article.published == "2015-09-28"


def test_published_line_beats_updated_line_and_ambiguous_dates_are_refused():
    text = f"Published: 2015-09-27T10:00:00Z\n\n{BODY}\n\nUpdated on 28 September 2015"
    assert find_anchor(text)[:2] == ("2015-09-27", "updated-line")
    assert find_anchor(f"Posted on 09/10/2015\n\n{BODY}") is None  # day/month order unknown
    assert find_anchor(f"Posted on 29/09/2015\n\n{BODY}")[0] == "2015-09-29"
    assert find_anchor(f"Updated on\n\n{BODY}") is None  # a bare label has no date


def test_anchor_precedence(tmp_path):
    meta = '<meta property="article:published_time" content="2015-09-25">'
    page = ('<html><head>{meta}</head><body><article><p>Updated on 28 September 2015</p><p>'
            + BODY + " " + BODY + "</p></article></body></html>")
    rows = [
        {"id": "record", "html": page.format(meta=meta), "url": "https://x.org/2015/09/26/a", "published": "2015-09-24"},
        {"id": "meta", "html": page.format(meta=meta), "url": "https://x.org/2015/09/26/a"},
        {"id": "url", "text": f"MOSCOW, Sept. 27, 2015 (Reuters) - {BODY}", "url": "https://x.org/2015/09/26/a"},
        {"id": "dateline", "text": f"MOSCOW, Sept. 27, 2015 (Reuters) - {BODY}\n\nUpdated on 28 September 2015"},
        {"id": "updated", "html": page.format(meta="")},
        {"id": "cli", "text": BODY},
    ]
    path = tmp_path / "p.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    articles, problems = read([path], published="2015-09-30")
    assert problems == []
    got = {a.article_id: (a.published, a.published_from) for a in articles}
    assert got == {
        "record": ("2015-09-24", "record"),
        "meta": ("2015-09-25", "html-meta"),
        "url": ("2015-09-26", "url"),
        "dateline": ("2015-09-27", "dateline"),
        "updated": ("2015-09-28", "updated-line"),
        "cli": ("2015-09-30", "cli"),
    }
    assert "published_reason" not in articles[0].metadata and "published_reason" in articles[2].metadata


def test_make_article_reads_a_stated_date():
    art = make_article(f"MOSCOW, Sept. 29, 2015 (Reuters) - {BODY}")
    assert (art.published, art.published_from) == ("2015-09-29", "dateline")
    assert make_article(BODY, url="https://x.org/2015/09/29/a").published_from == "url"
    assert make_article(BODY, published="2015-10-01", url="https://x.org/2015/09/29/a").published_from == "record"


def test_no_anchor_keeps_relative_dates_unanchored(tmp_path):
    from eventscope.dates import find_timexes

    (article,), _ = read([_txt(tmp_path, "n.txt", "Only yesterday, the city of Kunduz fell to the Taliban fighters.")])
    assert (article.published, article.published_from) == (None, "none")
    (yesterday,) = find_timexes(article.text, article.published)
    assert (yesterday.text, yesterday.value, yesterday.precision) == ("yesterday", None, "unanchored")
