"""Typed records that flow between stages.

``Article`` comes out of ingest; ``Work`` is the per-article envelope that every
stage's ``process(batch)`` receives and returns; ``Event`` is the public event
contract (the keys of ``eventscope extract --format jsonl``).  Every decision a
stage makes carries a short ``reason`` string so a user can audit it.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, Field

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
Factuality = Literal["asserted", "planned", "hypothetical", "negated", "historical", "reported-claim"]
DatePrecision = Literal["day", "week", "month", "year", "article", "unanchored"]
PlacePrecision = Literal["country", "admin1", "admin2", "city", "region", "point"]


class Article(BaseModel):
    article_id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # YYYY-MM-DD; None means unknown (never "today")
    published_from: str = "none"  # record | html-meta | url | dateline | updated-line | cli | none
    origin: str = "<memory>"  # file the article came from
    line: int | None = None  # line in a JSONL file
    metadata: dict[str, Any] = Field(default_factory=dict)


class Span(BaseModel):
    text: str
    start: int  # char offsets into Article.text
    end: int


class Actor(BaseModel):
    text: str
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # GOV, MIL, REB, CVL, IGO, MED, BUS, OPP, PTY, ...
    name: str | None = None  # canonical person / organisation name when known
    reason: str = ""
    # Not stored (a flag for later rules; the reason says it in words): how a named actor was known.
    # "office_holder": a person of the office-holder tables; "person": a person's name no table has; "apposed_name":
    # such a name in apposition to a noun of the tables, which gave the sector ("a prominent activist, Sara Mahmoud").
    # A later mention by surname has the basis of the person named before.
    basis: Literal["office_holder", "person", "apposed_name"] | None = Field(default=None, exclude=True, repr=False)


class Place(BaseModel):
    """A resolved toponym mention (or an event location)."""

    name: str
    country: str | None = None  # ISO3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: PlacePrecision = "city"
    reason: str = ""
    text: str | None = None  # surface form in the article
    start: int | None = None
    end: int | None = None
    # Not stored (a flag for later stages; the reason says it in words): how geo inferred a place the text does
    # not give. "main place": a name the gazetteer lacks, put at the article's main place; "focus": an event
    # with no place of its own, given the paragraph's only place or the article's focus. Later stages trust
    # such a place less than one the text states.
    inferred: Literal["main place", "focus"] | None = Field(default=None, exclude=True, repr=False)


class Timex(BaseModel):
    """A temporal expression found in the article, normalised TIMEX3-style."""

    text: str
    start: int
    end: int
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    value: str | None = None  # 2015-09-28, 2015-09, 2015, 2015-W39, PRESENT_REF, P4Y ...
    precision: DatePrecision = "day"
    reason: str = ""
    # Not stored (a flag for the dates stage; the reason says it in words): a clock time with no day of its own,
    # put on the anchor day ("began at 10:39 a.m."), which dates no event by itself.
    day_assumed: bool = Field(default=False, exclude=True, repr=False)


class EventDate(BaseModel):
    value: str | None  # YYYY-MM-DD, YYYY-MM or YYYY (None only when unanchored)
    precision: DatePrecision
    text: str | None = None
    reason: str = ""
    # Not stored (a flag for later stages; the reason says it in words): where the date came from when later stages
    # weigh it. "sentence": a date the trigger's own sentence gives; "background": none, and the event is told as
    # background before the story ("previously", a past perfect); "antecedent": the date of the event a later
    # mention refers back to (``coref``). None: the paragraph's, the lead's or the publication's date.
    basis: Literal["sentence", "background", "antecedent"] | None = Field(default=None, exclude=True, repr=False)


class Quote(BaseModel):
    speaker: str | None
    text: str


class Passage(NamedTuple):
    """A quoted passage of an article (``attributes.find_quotes``): its span, its Quote, where the speaker's
    head word stands in the article text (None when no speaker was found), and whether the quote is words inside a
    reporter's sentence ('police said the suspects had "confessed to the attack"'), whose own syntax gives the actors."""

    start: int
    end: int
    quote: Quote
    speaker_at: int | None
    embedded: bool = False


# PLOVER's verbal types: statements, made anywhere and often quoted (actors: a quote's speaker states them; geo: the
# speaker's office is not where they happened)
VERBAL_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "THREATEN", "AGREE"})


class Event(BaseModel):
    event_id: str
    article_id: str
    event_type: str  # PLOVER, upper case
    mode: str | None = None
    cameo_root: str | None = None
    cameo_code: str | None = None  # full CAMEO code of the trigger (e.g. "042"), when known
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    trigger: Span
    source: Actor | None = None
    target: Actor | None = None
    location: Place | None = None
    date: EventDate | None = None
    factuality: Factuality = "asserted"
    fatalities: int | None = None
    quote: Quote | None = None
    evidence: Span
    confidence: float = 0.5
    reasons: dict[str, str] = Field(default_factory=dict)


@dataclass
class Paragraph:
    start: int  # offset of the paragraph in Article.text
    doc: Any  # spacy.tokens.Doc of the paragraph text
    end: int = -1  # offset just past the paragraph (computed once: Doc.text rebuilds the string)
    _token_starts: list[int] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.end < 0:
            self.end = self.start + len(self.doc.text)

    def token_starts(self) -> list[int]:
        """Char offset of each token in the paragraph (``Token.idx``), computed once."""
        if self._token_starts is None:
            # one array read: iterating the Doc would build a Token object per token
            self._token_starts = self.doc.to_array("IDX").tolist()
        return self._token_starts

    def token_at(self, offset: int):
        """The token covering absolute char ``offset`` (the token starting before it, if in whitespace)."""
        i = bisect.bisect_right(self.token_starts(), offset - self.start) - 1
        return self.doc[i] if i >= 0 else None


@dataclass
class Work:
    """Envelope for one article while it moves through the stages."""

    article: Article
    paragraphs: list[Paragraph] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Passage] | None = None  # the quoted passages; found once (attributes.find_quotes)
    mentions: dict[int, int] = field(default_factory=dict)  # a later mention's trigger start: its antecedent's (coref)
    # a mention's trigger start: what it took from an earlier telling ("source", "target", "location"; coref)
    inherited: dict[int, set[str]] = field(default_factory=dict)
    error: str | None = None  # set when a stage skipped the article

    def token_at(self, offset: int):
        """The spaCy token covering absolute char ``offset`` (None if outside every paragraph)."""
        para = self.paragraph_of(offset)
        return para.token_at(offset) if para is not None else None

    def paragraph_of(self, offset: int) -> Paragraph | None:
        """The paragraph containing absolute char ``offset`` (paragraphs are in text order)."""
        i = bisect.bisect_left(self.paragraphs, offset + 1, key=lambda p: p.start) - 1
        if i >= 0 and offset < self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def sentences(self):
        """Yield (paragraph, spaCy sentence span, absolute start, absolute end)."""
        for para in self.paragraphs:
            for sent in para.doc.sents:
                yield para, sent, para.start + sent.start_char, para.start + sent.end_char
