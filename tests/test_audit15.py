"""Fifteenth-session rules. Every sentence was written for these tests (none is copied from the sample, eval/,
train/ or the gold files in ../shared/data)."""
from eventscope.schema import Article


def _work(pipeline, text: str, title: str | None = None, published: str = "2024-03-06"):
    return pipeline.process([Article(article_id="t", text=text, title=title, published=published)])[0]


def _date_of(pipeline, text: str, trigger: str) -> str | None:
    ev = next(e for e in _work(pipeline, text).events if e.trigger.text == trigger)
    return ev.date.value if ev.date else None


# -- dates: "the weekend" is dropped only where it names a kind of thing ------------------------------------------

def test_a_weekend_in_a_relative_clause_or_after_a_noun_is_still_a_weekend(pipeline):
    # published Wednesday 6 March 2024: the weekend just gone began on Saturday 2 March
    assert _date_of(pipeline, "Officers who were attacked over the weekend said they would return to work.",
                    "attacked") == "2024-03-02"
    assert _date_of(pipeline, "Protests over the weekend in Lagos left two people dead.", "Protests") == "2024-03-02"


def test_a_weekend_modifying_a_noun_is_no_date(pipeline):
    for text in ("He was injured on the weekend shift at the plant.", "He was injured in the weekend match."):
        assert not [t for t in _work(pipeline, text).timexes if "weekend" in t.text], text
