"""NLP stage: split each article into paragraphs and parse them with spaCy.

Paragraphs (blank-line separated, or single lines for text without blank
lines) are parsed with one batched ``nlp.pipe`` call per batch of articles;
``Work.paragraphs`` keeps each paragraph's offset so every token maps back to
the article text.
"""
from __future__ import annotations

import re

from .errors import EventscopeError
from .schema import Paragraph, Work
from .stage import Stage

_PARA_SPLIT = re.compile(r"\n\s*\n")


def split_paragraphs(text: str, max_chars: int = 20000) -> list[tuple[int, str]]:
    """Return ``(offset, paragraph)`` pairs; whitespace-only pieces are dropped.

    Text with no blank lines is split on single newlines instead.  Paragraphs
    longer than ``max_chars`` are cut at the last sentence-ish boundary so the
    parser never sees a huge single doc.
    """
    sep = _PARA_SPLIT if _PARA_SPLIT.search(text) else re.compile(r"\n")
    pieces: list[tuple[int, str]] = []
    pos = 0
    for m in list(sep.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            start = pos + lead
            pieces.extend(_cut(start, stripped, max_chars))
        pos = m.end() if m else len(text)
    return pieces


def _cut(start: int, text: str, max_chars: int) -> list[tuple[int, str]]:
    out = []
    while len(text) > max_chars:
        cut = text.rfind(". ", 0, max_chars)  # prefer a sentence end in the second half
        if cut < max_chars // 2:
            cut = text.rfind(" ", 0, max_chars)
        cut = cut + 1 if cut > 0 else max_chars
        out.append((start, text[:cut].rstrip()))
        rest = text[cut:]
        lead = len(rest) - len(rest.lstrip())
        start, text = start + cut + lead, rest.lstrip()
    if text:
        out.append((start, text))
    return out


def load_model(name: str):
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        raise EventscopeError("E201", name=name) from None


class NlpStage(Stage):
    name = "nlp"

    def setup(self) -> None:
        self.nlp = load_model(self.config["nlp.model"])

    def process(self, batch: list[Work]) -> list[Work]:
        self.ensure_setup()
        jobs: list[tuple[Work, int, str]] = []
        for work in batch:
            if work.error:
                continue
            for start, para in split_paragraphs(work.article.text, self.config["nlp.max_paragraph_chars"]):
                jobs.append((work, start, para))
        docs = self.nlp.pipe((p for _, _, p in jobs), batch_size=self.config["nlp.batch_size"])
        for (work, start, text), doc in zip(jobs, docs):
            work.paragraphs.append(Paragraph(start=start, doc=doc, end=start + len(text)))
        return batch
