"""Actors stage: who did what to whom.

``ActorResolver`` turns a noun phrase into a ``schema.Actor`` (ISO3 country,
sector, canonical name, reason) using the tables in ``data/actors/`` (converted
from the PETRARCH2 dictionaries by ``scripts/build_actor_tables.py``, plus
small ``*.supplement.tsv`` files of hand-curated rows).  ``ActorsStage`` finds
the source and target phrases of each event from the spaCy dependency parse
and resolves them.

Sector codes follow CAMEO/PETRARCH with a few folds (see the converter):
GOV, MIL, REB (PETRARCH's unaligned armed forces, militants and international
militarised groups included), COP (police), OPP (protesters, activists), CVL
(civilians, people, refugees), MED, BUS, IGO, NGO, PTY, JUD, LEG, EDU, REL,
CRM, and ELI (a notable person outside office on the event date).

Resolution rules, in order (each adds to the actor's ``reason``):

1. media names (``media.tsv``) anywhere in the phrase -> no actor;
2. a lone pronoun -> the most recent compatible actor earlier in the same
   paragraph (from the ``ActorContext``), else no actor;
3. office-holders by full name or alias; a bare surname only when one person
   with that surname holds a dated code at the event date or was named
   earlier in the article; the date range covering the event date gives the
   sector (latest start wins when ranges overlap; undated default otherwise);
4. organisations by name or acronym;
5. country names, demonyms (also plural), capitals and government buildings
   (capital/building metonyms mean the government: sector GOV, or MIL for
   the Pentagon);
6. agent nouns (troops -> MIL, jihadists -> REB, police -> COP ...) give the
   sector when rules 3-4 did not;
7. a bare title ("the president", "the minister") with no country and no
   name -> the most recent named actor earlier in the article whose sector
   matches;
8. (before rules 3-7) "the" or "this" + one noun that ends the name of the one
   body the article named before ("the commission" after "the National
   Telecommunications Commission", "the party" after "the Conservative
   Party") -> that body, with its codes if it has any.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.attrs import DEP, ENT_TYPE, POS
from spacy.symbols import NOUN, PROPN

from .coref import BACK_TYPES, inherit_actors_and_place, link_mentions
from .events import DICTIONARY_REASON
from .geo import FINENESS, article_focus
from .schema import VERBAL_TYPES, Actor, Work
from .stage import Stage
from .tables import cue_words, load_table, trigger_lemmas

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[\w]+(?:[’'][\w]+)*")
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "some",
                "s", "’s"}
_PRONOUNS = {"it": "thing", "they": "any", "them": "any", "he": "person", "him": "person", "she": "person",
             "her": "person", "its": "thing", "their": "any", "his": "person"}
_GENDER_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                    "herself": "f"}
_RELATIVE = {"which", "who", "that", "whom"}
_PETRARCH_END = "2016-12-31"  # PETRARCH2's office-holder ranges end about here: an open one may be stale after it
_ANCHORLESS = {"the", "a", "an", "of", "and", "in", "on", "for", "to", "at", "by", "with"}  # no key's telling word
_QUOTE_MARKS = ('"', "“", "”")
_HE_SHE_OR_QUOTE = re.compile(r'["“”]|\b(?:he|she)\b', re.IGNORECASE)
_HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame"}  # not part of a name: "Mrs Fatima Noor"
_NOT_NAME_ENTS = {"FAC", "LOC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "WORK_OF_ART", "EVENT", "PRODUCT",
                  "LAW", "LANGUAGE"}
_NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "van", "von", "de", "da", "di", "du", "la", "le", "der", "den"}
COMMON_SURNAME = 10  # given names borne with a surname in the office-holder tables that make it common ("Smith": 19;
# "Mitchell" 7, "Ramos" 8: George Mitchell and Fidel Ramos stay they). Given names, not rows: PETRARCH2 lists one
# person under several spellings
# "Vice President X", "former US President X", "President-elect X" are no "the president"
_NOT_THE_TITLE = {"vice", "deputy", "former", "ex", "assistant", "acting", "then"}
# material acts that fall on a place when their clause names no one ("imposed a curfew in Haiti",
# "withdrew its troops from Lebanon"): the place's country is the target, as CAMEO coders code it
_PLACE_TARGET_TYPES = {"ASSAULT", "COERCE", "SANCTION", "RETREAT", "MOBILIZE", "CONCEDE", "AID"}
_PLACE_TARGET_PREPS = {"in", "inside", "across", "throughout"}
_LEAVING_TYPES = {"RETREAT", "CONCEDE"}  # "withdrew from Lebanon": the place left is acted on; "fired from
# Belarus", "aid from Japan" name where the act comes from
_NOT_HEADS = {"compound", "amod", "poss", "appos", "nmod"}
# a hyphenated place name with a short lower-case particle ("Port-au-Prince", "Aix-en-Provence"): no agent noun in it
_HYPHENATED_PLACE = re.compile(r"\b[A-Z][\w'’]*(?:[-‐](?:[a-z]{1,3}[-‐])+[A-Z][\w'’]*)+")
_PRIVATE_SECTORS = {"CVL", "REL", "CRM", "BUS", "MED", "EDU", "NGO"}  # no office-holder's: "a local journalist, X"
# a passive's reporter is its doer only when it is an authority that does such things (authorities.tsv)
_REPORTED_PASSIVE = " (reports the passive)"
_FIRST_PERSON = {"we", "i"}
# a verb without a subject borrows its governor's: "agreed to withdraw", "is willing to withdraw" (acomp;
# not the trigger itself as an adjective: the subject of "Parliament remains prorogued" is its patient)
_TERRITORY = {"town", "city", "village", "territory", "area", "region", "province", "district", "control", "base",
              "airport", "port", "land", "island", "peninsula", "border", "crossing"}  # what a place loses
_PUTTING_VERBS = {"place", "put", "keep", "hold", "take"}  # "placed/kept him under house arrest"
_CLIMB_DEPS = {"xcomp", "advcl", "conj", "acl", "relcl", "ccomp", "acomp"}
_ADJUNCT_PREPS = {"after", "before", "by", "in", "since", "upon", "on", "while", "without", "despite", "through"}  # ("for",
# "of", "from" and "against" take gerunds their verb's object does: "arrested him for protesting")


def _name_parts(words: list[str]) -> list[str]:
    """A name's words folded (``_fold``), dotted initials one letter each ("H.W." -> h, w)."""
    return [p for w in words for p in (re.findall(r"[a-z]", _fold(w)) if "." in w else [_fold(w)])]


def _tokens(text: str) -> list[str]:
    """Word tokens of a phrase; hyphens and punctuation split words ("ISIS-linked" -> ISIS, linked) and a
    possessive 's is dropped ("Tajikistan's" -> Tajikistan)."""
    return [w[:-2] if w.endswith("'s") else w for w in _TOKEN.findall(text.replace("’", "'"))]


def _may_start_name(words: list[str], i: int) -> bool:
    """A table name may start at ``words[i]``: a capitalised word, a digit, or a lower-case name particle before a
    capitalised word ("al-Qaeda", "al-Shabaab")."""
    w = words[i]
    return w[:1].isupper() or w[:1].isdigit() or (
        w in _NAME_PARTICLES and i + 1 < len(words) and words[i + 1][:1].isupper())


def _curated(row: dict[str, str]) -> bool:
    """The table row comes from a hand-curated ``*.supplement.tsv`` (``_read_table``), not from PETRARCH2."""
    return row["_file"].endswith(".supplement.tsv")


def _key(words: list[str]) -> str:
    return " ".join(w.casefold().replace("’", "'") for w in words)


@lru_cache(maxsize=None)
def _read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``data/actors/<name>.tsv`` followed by ``<name>.supplement.tsv`` if present."""
    rows: list[dict[str, str]] = []
    for fname in (f"{name}.tsv", f"{name}.supplement.tsv"):
        if resources.files("eventscope").joinpath("data", "actors", fname).is_file():
            rows += [{**row, "_file": fname} for row in load_table(f"actors/{fname}")]
    return tuple(rows)


@dataclass
class _Entry:
    """One dictionary surface: what it resolves to and how the match must look."""

    table: str
    country: str = ""
    sector: str = ""
    name: str = ""
    kind: str = ""
    exact_case: str = ""  # all-caps acronyms (US, IS, AP) match only in that case
    person: int | None = None  # index into ActorResolver._people
    curated: bool = False  # a hand-curated supplement row: it may match after a lower-case particle ("al-Qaeda")


@dataclass
class _Mention:
    offset: int
    paragraph: int
    actor: Actor
    person: bool
    subject: bool = False  # the mention is a clause's subject ("He ..." in the next paragraph may be this one)
    plural: bool = False  # its head is a plural noun ("the Houthis", whom spaCy may tag a person): a "they"
    end: int = 0  # where its phrase ends
    group: bool = True  # its head may be a "they": no one person's noun ("the suspect"), no thing ("Iran's request")
    org: bool = False  # an organisation of the tables, whatever spaCy tags it ("the Houthis", "Boko Haram": a "they")
    patient: bool = False  # the object of a verb that does something to people ("arrested five protesters")
    main: bool = False  # an argument of its sentence's main verb
    kin: bool = False  # described as someone's relative ("Bilal Erdogan, the son of the president")


@dataclass
class ActorContext:
    """Actors already named in an article, for pronouns and bare titles.

    ``position`` (absolute offset) and ``paragraph`` say where the phrase being
    resolved sits; only mentions before ``position`` are used.
    """

    mentions: list[_Mention] = field(default_factory=list)
    position: int = 1 << 60
    paragraph: int | None = None
    # fills ``mentions`` up to a position on demand (``ActorsStage._context``): an article's later
    # paragraphs are read only if an event or quote needs them
    fill: Callable[[int], None] | None = None
    people: dict[int, set[str]] = field(default_factory=dict)  # paragraph -> surnames of its PERSON entities
    # surname (casefolded) -> mentions of named people, in article order ("Orbán" after "Prime Minister Viktor Orbán")
    surnames: dict[str, list[_Mention]] = field(default_factory=dict)
    # full name (casefolded) -> evidence of a person's gender: {"m": n, "f": n} (``_gender_evidence``)
    genders: dict[str, dict[str, int]] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)  # paragraph -> its text (quotes before a pronoun)
    # last word of a named body (casefolded) -> (offset, actor) in article order: "the commission" after "the
    # National Telecommunications Commission"
    bodies: dict[str, list[tuple[int, Actor]]] = field(default_factory=dict)
    passages: list = field(default_factory=list)  # the article's quoted passages (``attributes.find_quotes``)

    def add(self, offset: int, paragraph: int, actor: Actor, person: bool, subject: bool = False,
            plural: bool = False, end: int = 0, group: bool = True, org: bool = False,
            patient: bool = False, main: bool = False, kin: bool = False) -> _Mention:
        mention = _Mention(offset, paragraph, actor, person, subject, plural, end, group, org, patient, main, kin)
        bisect.insort(self.mentions, mention, key=lambda m: m.offset)  # mostly at the end: in reading order
        if person and actor.name and len({w.casefold() for w in _tokens(actor.text)}
                                         & {w.casefold() for w in _tokens(actor.name)}) >= 2:
            # named in full here ("Viktor Orbán"), not a bare "Orbán" or "he"
            self.surnames.setdefault(_surname_key(actor.name), []).append(mention)
        return mention

    def at(self, position: int, paragraph: int | None) -> "ActorContext":
        if self.fill is not None:
            self.fill(position)
        return ActorContext(self.mentions, position, paragraph, self.fill, self.people, self.surnames, self.genders,
                            self.texts, self.bodies, self.passages)

    def add_body(self, offset: int, actor: Actor) -> None:
        """Remember a named body ("the National Telecommunications Commission") under its name's last word."""
        words = _tokens(actor.name or "")
        if len(words) >= 2:
            self.bodies.setdefault(words[-1].casefold(), []).append((offset, actor))

    def body(self, noun: str) -> tuple[Actor, str] | None:
        """The latest body named before ``position`` whose name ends with ``noun`` ("commission", "party"), when
        only one body of that name was named before."""
        found = [a for off, a in self.bodies.get(noun.casefold(), ()) if off < self.position]
        if not found or len({a.name for a in found}) > 1:
            return None
        return found[-1], noun

    def gender(self, name: str | None) -> str | None:
        """"m" or "f" when the article's words say so for this person (``ActorsStage._context``), else None."""
        votes = self.genders.get((name or "").casefold(), {})
        m, f = votes.get("m", 0), votes.get("f", 0)
        return "m" if m > f else "f" if f > m else None

    def pronoun_person(self, pronoun: str, token=None) -> tuple[_Mention | None, str]:
        """The person a he/she (him, her, his) stands for, and why. No person whose gender the article contradicts
        (``gender``). In order: inside a quote, a person the quote names before it, or no one (the speaker is
        "I": "ask her to come back" is someone else); the subject of the reporting verb whose clause the pronoun
        is the subject of ("Rosselló announced he would resign"; no one when that subject is a name the tables
        and spaCy do not know); the latest person in its sentence, a subject first; the latest person in its
        paragraph who is a subject, else the latest person there; else the previous paragraph's only person,
        if a subject there or of the pronoun's gender ("He said" opening the next paragraph)."""
        want = _GENDER_PRONOUNS.get(pronoun)

        def fits(m: _Mention) -> bool:
            return m.person and self.gender(m.actor.name) in (None, want)

        def why(m: _Mention, where: str) -> tuple[_Mention, str]:
            return m, where + (f" ({want})" if self.gender(m.actor.name) else "")

        since, sentence = -1, -1
        if token is not None:
            base = self.position - token.idx  # the paragraph's start (``position`` is the pronoun's offset)
            before = self.texts.get(self.paragraph, "")[:token.idx]  # (``doc.text`` rebuilds the whole text)
            if sum(before.count(q) for q in _QUOTE_MARKS) % 2:  # inside a quote
                since = base + max(before.rfind(q) for q in _QUOTE_MARKS)
            clause = token.head
            if since < 0 and token.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "ccomp":
                said = next((c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
                if said is not None:
                    at = base + _phrase(said).start_char
                    m = next((m for m in self.mentions if m.offset == at), None)
                    if m is None or not m.person:
                        return None, ""  # "Rosselló announced he would": not someone else named before
                    if fits(m):
                        return m, f"subject of '{clause.head.text}', whose clause it is the subject of"
            sentence = base + token.sent.start_char
        # an object pronoun is not its own clause's subject ("Trump accused her": not Trump)
        bound = {base + _phrase(s).start_char for s in _clause_subjects(token)} \
            if token is not None and token.dep_ in ("dobj", "dative", "pobj") else set()
        if bound and token.head.dep_ == "xcomp" and token.head.head.lemma_.lower() in cue_words("ordering"):
            # "Orlando ordered police to arrest him": nor is the one who ordered it the one it is done to
            bound |= {base + _phrase(c).start_char for c in token.head.head.children if c.dep_ == "nsubj"}
        here = [m for m in self.mentions if since <= m.offset < self.position and m.paragraph == self.paragraph
                and fits(m) and m.offset not in bound]
        if since >= 0:
            return (here[-1], "most recent person in the same quote") if here else (None, "")
        own = [m for m in here if m.offset >= sentence]  # "confronted Netanyahu as he left": its own sentence
        subjects = [m for m in own if m.subject] or [m for m in here if m.subject]
        if own and not any(m.subject for m in own):
            return why(own[-1], "most recent person in its sentence")
        if bound and not own and subjects and token is not None and token.sent.start > 0:
            # an object pronoun with two people in the sentence before: "Ben-Ami criticised Levin. Katzir defended
            # him" could be either (no one)
            lo = base + token.doc[token.sent.start - 1].sent.start_char
            if len({m.actor.name or m.actor.text for m in here if lo <= m.offset < sentence}) >= 2:
                return None, ""
        if subjects:  # "Pelosi called Trump's conduct a breach ... she announced": the subject, not the possessor
            return why(subjects[-1], "most recent person who is a subject in its sentence or paragraph")
        if here:
            return why(here[-1], "most recent person in paragraph")
        if not self.paragraph:
            return None, ""
        prev = [m for m in self.mentions if m.paragraph == self.paragraph - 1 and m.person]
        names = {m.actor.name for m in prev}
        people = self.people.get(self.paragraph - 1, set())  # surnames of its PERSON entities, in the tables or not
        unlinked = people - {_surname_key(n or "") for n in names}
        candidates = [m for m in prev if fits(m)]
        if not candidates or unlinked:
            return None, ""
        last = candidates[-1]
        others = names - {last.actor.name}
        if not others and last.subject:
            return last, "the previous paragraph's only person (none in its own)"
        if self.gender(last.actor.name) == want and all(self.gender(n) not in (None, want) for n in others):
            return last, f"the previous paragraph's only person of this gender ({want}; none in its own)"
        return None, ""

    def person_named(self, surname: str) -> _Mention | None:
        """The latest earlier mention of a person the article named in full with this surname (one person only:
        two Johnsons named before leave "Johnson" unresolved)."""
        found = [m for m in self.surnames.get(_surname_key(surname), ()) if m.offset < self.position]
        return found[-1] if found and len({m.actor.name for m in found}) == 1 else None

    def recent(self, *, want: str = "any", sector: str | None = None, same_paragraph: bool = False,
               title: str | None = None) -> _Mention | None:
        """The latest mention before ``position`` matching the wanted kind (person/thing/any), sector, and title
        word in its phrase ("president" in "President Donald Trump")."""
        for m in reversed(self.mentions):
            if m.offset >= self.position:
                continue
            if same_paragraph and m.paragraph != self.paragraph:
                continue
            if want == "person" and not m.person or want == "thing" and m.person:
                continue
            if sector and m.actor.sector != sector:
                continue
            if title and not _has_title(m.actor.text, title):
                continue
            return m
        return None

    def recent_group(self, token=None) -> tuple[_Mention | None, str]:
        """What a "they" (them, their) stands for, and why. It may be an actor of its paragraph before it that is no
        one named person (unless plural, coordinated or an organisation: ``_Mention.plural``, ``org``), no one
        person's noun and no thing (``group``), not a word inside a larger phrase that may be one ("Tbilisi" in
        "Demonstrators in Tbilisi"); inside a quote not the quote's speaker, outside one no one named only inside a
        quote ('Protesters chanted "Down with the dictator" as they marched'). In order:

        * a subject "they" after two people its clause names: its subject ("Kenyatta met Odinga, and they agreed");
        * the latest one in its own sentence;
        * a subject "they": the previous sentence's plural object when its verb did something to people
          (``patient``: "Police arrested five protesters. They had attacked a bank"), else its subject, the main
          verb's first ("Protesters railed against the government. They are demanding");
        * the latest one in its paragraph;
        * a paragraph's first "They": the previous paragraph's latest plural one ("... detained 12 activists." /
          "They had gathered")."""
        if token is None:
            m = next((m for m in reversed(self.mentions) if m.offset < self.position and m.paragraph == self.paragraph
                      and (m.plural or not m.person) and m.group), None)
            return m, "latest group in paragraph"
        base = self.position - token.idx

        def quoted(paragraph: int | None, local: int) -> bool:
            return sum(self.texts.get(paragraph, "")[:local].count(q) for q in _QUOTE_MARKS) % 2 == 1

        inside = quoted(self.paragraph, token.idx)
        speaker = next((p.speaker_at for p in self.passages if p.start <= self.position < p.end), None) if inside else None

        def may_be(m: _Mention) -> bool:
            return m.offset < self.position and (m.plural or not m.person or m.org) and m.group \
                and not (speaker is not None and m.offset <= speaker < m.end) \
                and not (not inside and m.paragraph == self.paragraph and quoted(m.paragraph, m.offset - base))

        here = [m for m in self.mentions if m.paragraph == self.paragraph]
        found = [m for m in reversed(here) if may_be(m) and not any(
            o.offset < m.offset and m.end <= o.end and may_be(o) for o in here)]
        sent_start = base + token.sent.start_char
        sents = [base + s.start_char for s in token.doc.sents if s.start_char < token.sent.start_char]

        def pair(lo: int, hi: int) -> _Mention | None:
            people = [m for m in here if lo <= m.offset < hi and m.person and m.actor.name]
            if len({m.actor.name for m in people}) < 2 or not people[0].subject:
                return None
            return None if any(lo <= m.offset < hi and m.offset > people[0].offset and m.subject and may_be(m)
                               for m in here) else people[0]

        own = bool(found) and found[0].offset >= sent_start
        if token.dep_ == "nsubj" and (duo := pair(sent_start, self.position) or not own and sents
                                      and pair(sents[-1], sent_start)):
            return duo, "the subject of the two people named before it"
        if own:
            return found[0], "latest group in its sentence"
        if found and token.dep_ == "nsubj":
            before = [m for m in found if sents and m.offset >= sents[-1]]  # the sentence before
            # "They also seized rifles": who did one thing did another too, the subject, not whom it was done to
            also = any(c.dep_ == "advmod" and c.lower_ == "also" for c in token.head.children) \
                and token.head.lemma_.lower() in trigger_lemmas("V", ("ASSAULT", "COERCE")) \
                and not any(c.dep_ == "aux" and c.lower_ == "had" for c in token.head.children)  # (a force verb only,
            # not past perfect: "They also confessed", "They had also planned a protest" are the arrested)
            patient = None if also else next((m for m in before if m.patient and m.plural), None)
            if patient is not None:
                return patient, "the plural object of the sentence before, whose verb did something to them"
            subject = next((m for m in before if m.subject and m.main), None) or next((m for m in before if m.subject), None)
            if subject is not None:
                return subject, "the subject of the sentence before"
        if found:
            return found[0], "latest group in paragraph"
        if self.paragraph and not inside and token.sent.start_char == 0:
            m = next((m for m in reversed(self.mentions) if m.paragraph == self.paragraph - 1 and m.plural and may_be(m)),
                     None)
            return m, "latest plural group of the paragraph before"
        return None, ""

    def named(self, person_name: str) -> bool:
        return any(m.actor.name == person_name for m in self.mentions if m.offset < self.position)


class ActorResolver:
    """Resolve a phrase (spaCy span or text) to a ``schema.Actor``; load once, reuse."""

    def __init__(self) -> None:
        self._names: dict[str, list[_Entry]] = {}
        self._agents: dict[str, tuple[str, str]] = {}
        self._surnames: dict[str, set[int]] = {}
        self._people: list[tuple[str, list[dict[str, str]]]] = []  # (canonical name, dated rows)
        self._max_len = 1
        collective = _read_table("collective_nouns")
        self._collective = {r["noun"] for r in collective}
        self._national = {r["noun"] for r in collective if r["national"] == "yes"}  # "the Senate": the country's
        self._groups = self._collective | {r["noun"] for r in _read_table("group_nouns")}  # what a "they" may be
        # surfaces no table entry may use: PETRARCH2 aliases that are common words or numbers ("Organization", "313")
        self._stop = {_key(_tokens(r["surface"])) for r in _read_table("alias_stoplist")}
        self._load()
        self._people_names = {name for name, _ in self._people}  # canonical names of the office-holders
        self.org_names = {r["name"] for r in _read_table("organisations")}  # ... and of the organisations
        # one word of every table entry and agent noun (its longest: "state" of "head of state", not "of"), and every
        # surname and pronoun: a key matches only where all its words stand, so a phrase with none of these words
        # cannot resolve, and resolve() answers None at once (most noun phrases of an article: "the attack")
        self._vocab = {max(k.split(), key=lambda w: (w not in _ANCHORLESS, len(w))) for k in (*self._names, *self._agents)
                       if k} | {w for k in (*self._surnames, *_PRONOUNS) for w in k.split()}
        # every key's proper word prefixes ("united nations" of "united nations security council"): the
        # n-gram scan of resolve() stops extending a phrase once no key starts with it
        self._agent_words = {w for k in self._agents for w in k.split()}  # _agent() needs one of them
        self._prefixes = {" ".join(k.split()[:j]) for k in self._names for j in range(1, len(k.split()))}

    # ------------------------------------------------------------------ loading
    def _add(self, surface: str, entry: _Entry, first: bool = False) -> None:
        """File ``entry`` under ``surface``; ``first``: ahead of the entries already there (a supplement row)."""
        words = _tokens(surface)
        if words and words[0].casefold() == "the" and len(words) > 1:
            words = words[1:]
        if not words or _key(words) in self._stop:
            return
        plain = "".join(words)
        if plain.isupper() and len(plain.replace(".", "")) <= 4:
            entry = _Entry(**{**entry.__dict__, "exact_case": " ".join(words)})
        elif len(words) == 1 and len(plain) <= 3 and plain.istitle() and not entry.curated and entry.table == "organisations":
            # PETRARCH2's upper-case names came title-cased ("THE_UN" -> "The Un"): an acronym still, not the "Un" of
            # "Kim Jong Un"
            entry = _Entry(**{**entry.__dict__, "exact_case": plain.upper()})
        k = _key(words)
        entries = self._names.setdefault(k, [])
        entries.insert(0, entry) if first else entries.append(entry)
        self._max_len = max(self._max_len, len(words))

    def _load(self) -> None:
        for row in _read_table("media"):
            entry = _Entry("media", country=row["country"], sector="MED", name=row["name"])
            for s in [row["name"], *filter(None, row["aliases"].split("|"))]:
                self._add(s, entry)
        people: dict[str, int] = {}
        spelled: set[tuple[int, str]] = set()
        for row in _read_table("office_holders"):
            idx = people.get(row["name"])
            if idx is None:
                idx = people[row["name"]] = len(self._people)
                self._people.append((row["name"], []))
            entry = _Entry("office_holders", name=row["name"], person=idx)
            for s in [row["name"], *filter(None, row["aliases"].split("|"))]:
                if (idx, s) not in spelled:  # a supplement row may add a spelling ("Lula")
                    spelled.add((idx, s))
                    self._add(s, entry)
            if row["surname"]:
                self._surnames.setdefault(row["surname"].casefold(), set()).add(idx)
            self._people[idx][1].append(row)
        for row in _read_table("organisations"):
            entry = _Entry("organisations", country=row["country"] if len(row["country"]) == 3 else "",
                           sector=row["sector"], name=row["name"], curated=_curated(row))
            for s in [row["name"], *filter(None, row["aliases"].split("|"))]:
                self._add(s, entry, first=entry.curated)
        for row in _read_table("countries"):
            self._add(row["surface"], _Entry("countries", country=row["country"], sector=row["sector"],
                                             kind=row["kind"], name=row["surface"]))
        self._agents.update(_agent_table())  # a curated supplement row corrects PETRARCH2's ("spokesman" is no MED)

    # ------------------------------------------------------------------ lookups
    def _lookup(self, words: list[str], i: int, n: int) -> list[_Entry]:
        """Entries for words[i:i+n], checking capitalisation (names start upper case)."""
        chunk = words[i:i + n]
        if not _may_start_name(words, i):
            return []
        out = []
        lower_start = not chunk[0][:1].isupper() and not chunk[0][:1].isdigit()  # "al-Qaeda"
        for e in self._names.get(_key(chunk), []):
            if e.exact_case and " ".join(chunk) != e.exact_case or lower_start and not e.curated:
                continue  # PETRARCH2's "Al Haq" and "Al-Aqsa" are no "al-Haq" in a militia's or a mosque's name
            out.append(e)
        if not out and n == 1 and chunk[0].endswith("s") and len(chunk[0]) > 4:  # plural demonym: Russians
            out = [e for e in self._names.get(_key([chunk[0][:-1]]), []) if e.kind == "demonym"]
        return out

    def _reach(self, words: list[str], lower: list[str], i: int) -> int:
        """The longest n for which words[i:i+n] may be a key: 0 when the first word cannot start a name
        (``_lookup`` wants upper case or a digit), else as long as some key starts with the words."""
        if not _may_start_name(words, i):
            return 0
        n, end, key = 1, min(self._max_len, len(lower) - i), lower[i]
        while n < end:
            key += " " + lower[i + n]  # the first n + 1 words
            if key not in self._prefixes and key not in self._names:
                break
            n += 1
        return n

    def _stated_country(self, found, start: int, n: int, words: list[str]) -> tuple[str, str] | None:
        """The country a phrase gives the person named at ``words[start:start + n]``, and the words that give it:
        a country's name or demonym just before the name, with only titles and names between ("Jordan's King
        Abdullah", "Iraqi Foreign Minister Fuad Hussein"), or "of" and a country's name just after it ("Prince
        Albert II of Monaco")."""
        for s2, n2, c in found:
            if c.table != "countries" or not c.country:
                continue
            if s2 == start + n + 1 and words[start + n].casefold() == "of" and c.kind in ("name", "capital_metonym"):
                return c.country, f"'of {' '.join(words[s2:s2 + n2])}'"
            if s2 + n2 <= start and c.kind in ("name", "demonym", "capital_metonym") and all(
                    w[:1].isupper() or w.casefold() in self._agent_words for w in words[s2 + n2:start]):
                return c.country, f"'{' '.join(words[s2:s2 + n2])}'"
        return None

    def _in_office(self, entries: list[_Entry], date: dt.date | None) -> _Entry:
        """The entry a surface names: the first, or of several office-holders who share it ("King Abdullah": the
        Saudi king until 2015, Jordan's since 1999) the first whose row on ``date`` is an office (not ELI), hand-curated
        people (a supplement row) before PETRARCH2's."""
        if len(entries) == 1 or entries[0].table != "office_holders" or date is None:
            return entries[0]
        people = [e for e in entries if e.table == "office_holders"]
        curated = [e for e in people if any(_curated(r) for r in self._people[e.person][1])]
        people = curated or people  # ("Elizabeth II" is the British queen, whom PETRARCH2 files under Saint Kitts)
        return next((e for e in people if self._person_row(e.person, date)[0]["sector"] != "ELI"), people[0])

    def _other_given(self, head_name: str, matched: list[str], e: _Entry) -> str | None:
        """The given name of the person ``head_name`` when the table person ``e`` was matched on the surname alone and
        has no such given name in any spelling ("Yair Netanyahu" is not Benjamin; "Tayyip Erdogan" is Recep Tayyip
        Erdogan); None otherwise. An organisation row counts only when it is a person's name ("Bashar Al-Assad")."""
        names = [w for w in _tokens(head_name) if w.casefold() not in _NAME_PARTICLES
                 and w.casefold().rstrip(".") not in _HONORIFICS  # (a title is no given name; "Hunter" is one)
                 and (w.casefold() not in self._agent_words or (self._agents.get(w.casefold()) or ("",))[0] == "CVL")
                 and not any(x.table == "countries" for x in self._names.get(_key([w]), ()))]
        if len(names) < 2 or not names[0][:1].isupper() or names[0].casefold() in {m.casefold() for m in matched}:
            return None
        if e.table == "office_holders":
            rows = self._people[e.person][1]
            spellings = [e.name, *(a for r in rows for a in r["aliases"].split("|") if a)]
        else:
            full = [w for w in _tokens(e.name) if w.casefold() not in _NAME_PARTICLES]
            if len(full) < 2 or full[-1].casefold() != names[-1].casefold() or e.sector not in ("GOV", "ELI", ""):
                return None  # an organisation matched, or one named after its leader ("Assad Government")
            spellings = [e.name]
        known = {_fold(w) for s in spellings for w in _tokens(s)}
        given = _fold(names[0])  # "Benyamin", "Wladimir", "Nicolás", "Seyyed" are spellings, not other people
        return None if given in known or len(given) >= 4 and any(_near(given, k) for k in known) else names[0]

    def _kin_points_at(self, phrases: list, e: _Entry, country: str) -> bool:
        """The kin ``phrases`` (``_kin_phrases``) speak of the person ``e``: they give a word of one of its names
        ("the wife of Prime Minister Netanyahu"), or a definite title of no private person with no other name than its
        country's ("the son of the Turkish president", "Iran's supreme leader"; not "the son of an Ohio farmer", "the
        brother of a Palestinian prisoner")."""
        rows = self._people[e.person][1] if e.table == "office_holders" else ()  # (an organisation row of a person's
        # name: "Bashar Al-Assad")
        known = {_fold(w) for s in (e.name, *(a for r in rows for a in r["aliases"].split("|") if a)) for w in _tokens(s)
                 if w.casefold() not in _NAME_PARTICLES}
        if any(_fold(t.text) in known for p in phrases for t in p.subtree):
            return True
        heads = [p if p.dep_ != "prep" else next((c for c in p.children if c.dep_ == "pobj"), None) for p in phrases]
        return all(h is not None and h.pos_ in ("NOUN", "PROPN")
                   and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in h.children)
                   and (h.lemma_.lower() in cue_words("head_title")  # ("supreme leader")
                        or (self._agent([h.lower_]) or self._agent([h.lemma_.lower()]) or ("CVL",))[0] not in _PRIVATE_SECTORS)
                   and all(t.ent_type_ in ("", "NORP", "GPE") for t in h.doc[h.left_edge.i:h.i + 1])  # (the title's own
                   # words: not "near Hama" that the parse may hang on it)
                   and all(not states or any(x.country == country for x in states)  # a country named is its own
                           for t in h.doc[h.left_edge.i:h.i + 1] if t.ent_type_ in ("NORP", "GPE")
                           for states in [[x for x in self._names.get(_key([t.text]), ()) if x.table == "countries"]])
                   for h in heads)

    def _inside_other_name(self, words: list[str], start: int, n: int, found) -> bool:
        """The capital ``words[start:start + n]`` stands inside a longer name: a capitalised word right before or after
        it that no table entry covers and that is no title, honorific or agent word ("Real Madrid", "Dynamo Kyiv";
        not "Moscow Mayor Sergei Sobyanin", "Kabul's", "the Kabul government")."""
        covered = {j for s, k, _ in found for j in range(s, s + k)}

        def name_word(j: int) -> bool:
            if not 0 <= j < len(words) or j in covered or not words[j][:1].isupper():
                return False
            w = words[j].casefold().rstrip(".")  # (an agent noun of its own, not any word of one: "Saint" of
            return w not in self._agents and w not in cue_words("place_part") and w not in _HONORIFICS \
                and w not in _DETERMINERS  # "catholic saint"; a place's own word: "Khartoum State", "Dhaka Metropolitan")
        return name_word(start - 1) or name_word(start + n)

    def _relative_of_sitting(self, m: _Mention, surname: str, e: _Entry, date: dt.date | None) -> bool:
        """The person ``m`` named in full before shares the surname of office-holder ``e``, in office (not ELI) on
        ``date``, under another given name, and was described as a relative ("Bilal Erdogan, the son of the
        president", "Sara Netanyahu, the wife of Prime Minister Netanyahu"): after them a bare "Erdogan" is the leader
        the description brought into the story. A namesake described otherwise ("Rustam Lavrov, a farmer") or not at
        all ("Hunter Biden was convicted ... Biden's lawyers") keeps the bare surname, as news writing goes."""
        named = m.actor
        if date is None or not named.name or not m.kin or self._person_row(e.person, date)[0]["sector"] == "ELI":
            return False
        if not any(r["surname"].casefold() == surname.casefold() for r in self._people[e.person][1]):
            return False
        return _surname_key(named.name) == _surname_key(surname) and self._other_given(named.name, [surname], e) is not None

    def _namesake(self, idx: int, mention: list[str], surname: str, date: dt.date | None) -> bool:
        """The name ``mention`` (its words but particles: given name ... surname) matched the table person ``idx``, out
        of office on ``date``, only on its given name and surname, and is someone else: its middle name is not the
        person's ("Pedro Luis Lopes" is not Pedro Santana Lopes; an initial may stand for one: "George W. Bush"), or it
        has none and the surname is a common one, borne by many people of the tables (``COMMON_SURNAME``): "John
        Smith" is not Kiribati's John Hilary Smith of the 1970s. A sitting office-holder keeps the short form ("Recep
        Erdogan"), as does a name or alias the tables list in full ("Hillary Clinton") and a rare surname ("Jerry
        Rawlings" is Jerry John Rawlings)."""
        if date is None or self._person_row(idx, date)[0]["sector"] != "ELI":
            return False
        name, rows = self._people[idx]
        said = _name_parts(mention)
        fulls = [_name_parts([x for x in _tokens(full) if x.casefold() not in _NAME_PARTICLES])
                 for full in (name, *(a for r in rows for a in r["aliases"].split("|") if a))]
        if said in fulls:
            return False
        if len(said) > 2:
            def same(m: str, t: str) -> bool:  # (an initial stands for a name either way: "Fidel V. Ramos")
                return m == t or len(m) == 1 and t.startswith(m) or len(t) == 1 and m.startswith(t)
            return not any(f[:1] == said[:1] and f[-1:] == said[-1:]  # (a table name with no middle name
                           and (len(f) < 3 or all(any(same(m, t) for t in f[1:-1]) for m in said[1:-1]))  # is no
                           for f in fulls)  # other: "John R. Bolton" is the tables' John Bolton)
        return len({_fold(self._people[i][0].split()[0]) for i in self._surnames.get(surname.casefold(), ())}) \
            >= COMMON_SURNAME

    def _person_row(self, idx: int, date: dt.date | None) -> tuple[dict[str, str], str]:
        """The code row of a person valid on ``date`` and a reason fragment."""
        rows = self._people[idx][1]
        if date is None:  # the most recent office, not a later retirement ("Assad" in an undated text is the president)
            dated = sorted((r for r in rows if r["valid_from"] or r["valid_to"]), key=lambda r: r["valid_from"])
            office = [r for r in dated if r["sector"] != "ELI"]
            row = (office or dated or rows)[-1]
            return row, "no article date: most recent office" if office else "no article date: most recent code"
        iso = date.isoformat()
        covering = [r for r in rows if (r["valid_from"] or r["valid_to"])
                    and (not r["valid_from"] or r["valid_from"] <= iso) and (not r["valid_to"] or iso <= r["valid_to"])]
        if covering:
            # the latest start; on a tie a hand-curated supplement row ("Queen Elizabeth II": PETRARCH2 files her under
            # Saint Kitts and Nevis only)
            row = max(covering, key=lambda r: (r["valid_from"], _curated(r)))
            stale = not row["valid_to"] and not _curated(row) and iso > _PETRARCH_END
            return row, f"range {row['valid_from'] or '…'}..{row['valid_to'] or '…'} covers {iso}" + (
                " (an open PETRARCH2 range: its tables end about 2016, it may be stale)" if stale else "")
        default = sorted((r for r in rows if not r["valid_from"] and not r["valid_to"]), key=lambda r: r["sector"] == "ELI")
        if default:  # an undated office code before an undated elite one (Sisi: GOV, not ELI)
            return default[0], f"no range covers {iso}: default code"
        return {**rows[-1], "sector": "ELI"}, f"no range covers {iso}: not in office (ELI)"

    # ------------------------------------------------------------------ resolve
    def resolve(self, span_or_text, *, date: dt.date | None, context: ActorContext | None) -> Actor | None:
        """Resolve a phrase; ``None`` when it names no actor (or names a news medium)."""
        text = span_or_text if isinstance(span_or_text, str) else span_or_text.text
        words = _tokens(text)
        while words and words[0].casefold() in _DETERMINERS and len(words) > 1:
            words = words[1:]
        if not words:
            return None
        lower = [w.casefold() for w in words]
        ctx = context or ActorContext()
        if len(words) == 1 and text.split()[0].casefold() in ("the", "this") and len(text.split()) == 2 \
                and lower[0] not in self._collective:  # ("the government", "the Senate": rule 7's collective nouns)
            # 8. "the commission", "the party": the one body of that name the article named before
            found = ctx.body(lower[0])
            if found is not None:
                a = found[0]
                sector = a.sector or (self._agents.get(lower[0]) or (None,))[0]  # "the party": PTY at least
                return Actor(text=text, country=a.country, sector=sector, name=a.name,
                             reason=f"'{text}' -> the body the article named before: {a.name}"
                                    + (f" ({a.reason})" if a.reason else ""))
        if not any(w.replace("’", "'") in self._vocab or (w.endswith("s") and w[:-1] in self._vocab)
                   or w in ctx.surnames for w in lower):
            return None

        if len(words) == 1 and lower[0] in _PRONOUNS:
            if lower[0] in _GENDER_PRONOUNS:
                token = None if isinstance(span_or_text, str) else span_or_text.root
                m, where = ctx.pronoun_person(lower[0], token)
            elif _PRONOUNS[lower[0]] == "any":
                token = None if isinstance(span_or_text, str) else span_or_text.root
                m, where = ctx.recent_group(token)
            else:
                m, where = ctx.recent(want=_PRONOUNS[lower[0]], same_paragraph=True), "most recent actor in paragraph"
            if m is None:
                return None
            a = m.actor
            return Actor(text=a.text, country=a.country, sector=a.sector, name=a.name, basis=a.basis,
                         reason=f"pronoun '{words[0]}' -> {where} ({a.reason})")

        # scan all n-grams, longest first, left to right (only as long as some key starts with the words)
        found: list[tuple[int, int, _Entry]] = []
        i = 0
        while i < len(words):
            for n in range(self._reach(words, lower, i), 0, -1):
                entries = self._lookup(words, i, n)
                if entries:
                    found.append((i, n, self._in_office(entries, date)))
                    i += n
                    break
            else:
                i += 1
        if any(e.table == "media" and not self._person_not_medium(span_or_text, words, i, n, ctx) for i, n, e in found):
            return None  # a news medium quoted as a source is never an actor
        found = [(i, n, e) for i, n, e in found if e.table != "media"]

        country = sector = name = None
        reasons: list[str] = []
        person = False
        basis = None  # Actor.basis
        org_words: set[str] = set()
        priority = {"office_holders": 0, "organisations": 1, "countries": 2}
        # a phrase headed by a person's name is that person: "Trump adviser John Bolton" is Bolton, "Senate President
        # Thomas Rivera Schatz" is named Rivera Schatz (the Senate gives his country and sector)
        head_name = _person_entity(span_or_text) if not isinstance(span_or_text, str) else None
        apposed = head_name is None and not isinstance(span_or_text, str) \
            and (head_name := _apposed_person(span_or_text)) is not None  # "a local journalist, John Doe"
        # the phrases saying whose relative the person is ("the wife of Prime Minister Netanyahu", "the prime minister's
        # wife"): their words are the relative's, not the person's (``_kin_phrases``)
        kin = _kin_phrases(span_or_text.root) if not isinstance(span_or_text, str) else None
        in_kin = _positions_in(span_or_text, text, len(words), kin or [])
        if kin is not None and head_name is None and span_or_text.root.pos_ == "PROPN":
            head_name = _compound_name(span_or_text.root)  # no PERSON from spaCy: "Ivanka Trump, the daughter of ..."
        head_words = set(_tokens(head_name)) if head_name else set()
        # someone else of that name: a one-word table name (a king's "Hassan") inside a fuller one ("Ali Hassan"), or
        # a name apposed to an indefinite description of a private person ("a local journalist, Moussa Traore": no
        # former president of Mali; "a former president, Richard Nixon" is he)
        introduced = apposed and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in span_or_text.root.children) \
            and (self._agent(lower) or ("", ""))[0] in _PRIVATE_SECTORS \
            and not any(c.lower_ in cue_words("past_career") for c in span_or_text.root.children)  # ("a former bus
        # driver, Nicolas Maduro", "a trained doctor, Bashar al-Assad": the office-holder's past)
        one_word = any(n == 1 and len(_tokens(e.name)) == 1 for _, n, e in found if e.table == "office_holders")
        if not introduced and one_word and not isinstance(span_or_text, str) and span_or_text.root.pos_ == "PROPN":
            introduced = any(  # the same after a one-word name: "Hussein, a 34-year-old taxi driver" is no king of
                # Jordan ("Javier Milei, an economist" is the president)
                c.dep_ == "appos" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)
                and (self._agent([c.lower_]) or self._agent([c.lemma_.lower()]) or ("", ""))[0] in _PRIVATE_SECTORS
                and not any(d.lower_ in cue_words("past_career") for d in c.children)
                for c in span_or_text.root.children)
        fuller = len([w for w in head_words if w.casefold() not in self._agent_words  # (not "Crown Prince Hassan",
                      and w.casefold().rstrip(".") not in _HONORIFICS | _NAME_PARTICLES  # "Jordanian King Abdullah")
                      and not any(x.table == "countries" for x in self._names.get(_key([w]), ()))]) > 1
        for start, n, e in sorted(found, key=lambda f: priority[f[2].table]):
            surface = " ".join(words[start:start + n])
            if e.table in ("office_holders", "organisations") and in_kin.issuperset(range(start, start + n)):
                # "Ivanka Trump, the daughter of President Donald Trump"; "the son of Hamas leader Ismail Haniyeh"
                country = country or (self._person_row(e.person, date)[0]["country"] if e.table == "office_holders"
                                      else e.country) or None
                reasons.append(f"{e.name} is named only as the one whose relative this is: {country or '-'}")
                continue
            if e.table == "office_holders" and head_words & set(words[start:start + n]) and (
                    introduced or fuller and len(_tokens(e.name)) == 1):
                reasons.append(f"'{head_name}' is not office-holder {e.name}: "
                               + ("introduced as someone new" if introduced else "a fuller name"))
                continue
            if e.table in ("office_holders", "organisations") and head_name \
                    and _surname_key(head_name) in {_surname_key(w) for w in words[start:start + n]} and (  # (not a
                    # leader named only in the apposition: "Gibran Rakabuming Raka, the son of President Joko Widodo")
                    given_other := self._other_given(head_name, words[start:start + n], e)) is not None:
                reasons.append(f"'{head_name}' is not {e.name}: another given name, '{given_other}'")
                theirs = (self._person_row(e.person, date)[0]["country"] if e.table == "office_holders" else e.country)
                if kin is not None and country is None and self._kin_points_at(kin, e, theirs):
                    # "Sara Netanyahu, the wife of Prime Minister Netanyahu": a relative the article says is theirs, of
                    # their country (not "Ahmed Netanyahu, the brother of a Palestinian prisoner")
                    country = theirs or None
                    reasons.append(f"a relative of {'office-holder ' * (e.table == 'office_holders')}{e.name}: {country or '-'}")
                continue  # "Yair Netanyahu", "Bilal Erdogan", "Asma al-Assad": the family, not the office-holder
            if e.table == "office_holders" and (owned := _owned_group(span_or_text, words[start:start + n])) is not None:
                # "Imran Khan's party", "Raila Odinga's supporters" are not he ("Putin's decision", an act, is his)
                row = self._person_row(e.person, date)[0]
                country, sector = country or row["country"] or None, sector or _owned_sector(owned, row["sector"])
                reasons.append(f"office-holder {e.name} only owns '{owned.text}'" + (f" ({sector})" if sector else ""))
                continue
            stated = self._stated_country(found, start, n, words) if e.table == "office_holders" else None
            if stated is not None:  # "Jordan's King Abdullah", "Prince Albert II of Monaco"
                of_stated = next((x for x in self._lookup(words, start, n) if x.table == "office_holders"
                                  and self._person_row(x.person, date)[0]["country"] in (stated[0], "")), None)
                if of_stated is None and _short_name(words[start:start + n]):
                    reasons.append(f"'{surface}' is no office-holder of that name: {stated[1]} says {stated[0]}")
                    continue  # "Prince Albert II of Monaco" is no king of the Belgians (a full name stays its
                e = of_stated or e  # holder's: "Congolese President Denis Sassou Nguesso", whose demonym is ambiguous)
            if e.table == "office_holders" and n == 1 and name is None and not head_words - set(words[start:start + 1]) \
                    and not any(w.casefold() in self._agent_words for w in words[:start]) \
                    and (m := ctx.person_named(surface)) is not None and m.actor.name and m.actor.name != e.name \
                    and m.actor.name not in self._people_names \
                    and not self._relative_of_sitting(m, surface, e, date):  # (not "King Hussein" after
                # "Saddam Hussein": a title, a table person; not "Erdogan" after "Bilal Erdogan": the sitting leader)
                a = m.actor  # "Hassan" after "Ali Hassan, a local trader": he, not Jordan's prince Hassan
                country, sector, name, person, basis = a.country or country, a.sector, a.name, True, a.basis or "person"
                reasons.append(f"'{surface}' -> the person the article named in full before, {a.name}: "
                               f"{a.country or '-'} {a.sector or '-'} (not office-holder {e.name})")
                continue
            if e.table == "office_holders" and start > 0 and lower[start - 1] == "of" and not isinstance(span_or_text, str) \
                    and span_or_text.root.tag_ == "NNS" and head_name is None and not _is_act_noun(span_or_text.root):
                # "Supporters of Imran Khan", "allies of Putin" are not he ("the prosecution of Donald Trump" is his)
                country = country or self._person_row(e.person, date)[0]["country"] or None
                reasons.append(f"office-holder {e.name} only modifies '{span_or_text.root.text}'")
                continue
            if e.table == "office_holders" and head_words and not head_words & set(words[start:start + n]):
                if len(_tokens(e.name)) > 1:  # (a one-word name, "Hassan" in "President Hassan Sheikh Mohamud", is
                    country = country or self._person_row(e.person, date)[0]["country"] or None  # part of his name)
                reasons.append(f"office-holder {e.name} only modifies the person named '{head_name}'")
                continue
            if e.table == "office_holders" and name is None:
                row, why = self._person_row(e.person, date)
                country, sector, name, person, basis = row["country"] or country, row["sector"], e.name, True, "office_holder"
                reasons.append(f"office-holder {e.name} ({row['_file']}): {country} {sector}, {why}")
            elif e.table == "organisations" and name is None:
                country, sector, name = e.country or country, e.sector, e.name
                org_words = set(words[start:start + n])
                reasons.append(f"organisation '{surface}' -> {e.name} {e.country or '-'} {e.sector}")
            elif e.table == "countries" and e.kind == "capital_metonym" and country is None \
                    and self._inside_other_name(words, start, n, found):
                country = e.country  # still of that country ("Dhaka Metropolitan Police", "Moscow Metro staff"), not its government
                reasons.append(f"'{surface}' is part of another name, no capital standing for its state: {e.country}, no sector")
                continue  # "Real Madrid", "Dynamo Kyiv", "Paris Saint-Germain": a club, not Spain's government
            elif e.table == "countries" and country is None:
                country = e.country
                # a capital after a preposition says where they are, not that they govern ("supporters in Moscow";
                # "the government in Kabul" is GOV by its own noun)
                placed = e.kind == "capital_metonym" and start > 0 and lower[start - 1] in ("in", "from", "near", "at")
                # a capital before a common noun says where its people are from, not that they govern ("Paris fans",
                # "Kyiv residents", "Kabul-based"); not before a body's noun ("the Beijing leadership",
                # collective_nouns.tsv), as a possessor ("Cairo's security chief") or after "of" ("the leader of
                # Djibouti, the poorest country": a country of the same name)
                placed = placed or e.kind == "capital_metonym" and start + n < len(words) \
                    and words[start + n][:1].islower() and words[start + n][:1].isalpha() \
                    and lower[start + n] not in self._collective and (start == 0 or lower[start - 1] != "of") \
                    and re.search(rf"\b{re.escape(surface)}['’]s\b", text) is None
                if e.sector and sector is None and not placed:
                    sector = e.sector
                reasons.append(f"{e.kind} '{surface}' -> {e.country}" + (f" {e.sector}" if e.sector and not placed else "")
                               + (" (where they are: no sector)" if placed else ""))
        covered = {j for start, n, _ in found for j in range(start, start + n)}
        root = None if isinstance(span_or_text, str) else span_or_text.root
        group = root is not None and root.ent_type_ == "NORP" and any(  # "ethnic Ndebele", "the Ndebele"
            c.i < root.i and (c.is_lower or c.dep_ == "det") for c in root.children)
        # a given name the phrase has ("Kevin McCarthy") must be the named person's ("George McCarthy" is another)
        names = [w for w in _tokens(head_name or "") if w.casefold() not in _NAME_PARTICLES]
        given = names[0].casefold() if len(names) > 1 else None

        def same_given(full_name: str, given: str | None = given) -> bool:  # "Kevin McCarthy" is not George McCarthy
            first = [w for w in _tokens(full_name) if w.casefold() not in _NAME_PARTICLES]
            return given is None or len(first) < 2 or first[0].casefold() == given

        if name is None and not group:  # bare surname of an office-holder: the last word of a run of capitalised
            # words; not 'Haroon' in 'Haroon Mir'; not a month before its day or year ('the May 2019 map'); not an
            # ethnic group or a place ("ethnic Ndebele")
            run_ends = [w for j, w in enumerate(words) if j not in covered and w[:1].isupper()
                        and (j + 1 == len(words) or not words[j + 1][:1].isupper() and not words[j + 1][:1].isdigit())
                        and not _particle_follows(words, j)]
            for w in run_ends:
                if w.isupper() and len(w) <= 4:
                    continue  # an abbreviation ("UK"), not a surname ("Uk")
                # a text without a parse (a quote's speaker, "Senator Jane Doe"): the first of the capitalised words
                # before the surname that are no title, country or body is the given name ("Bridget" in "Bridget Anne
                # Kelly")
                given_here, j = given, words.index(w)
                end = j  # (the surname's index)
                while head_name is None and j > 0 and words[j - 1][:1].isupper() \
                        and words[j - 1].casefold() not in self._agents \
                        and words[j - 1].casefold().rstrip(".") not in _HONORIFICS | _NAME_PARTICLES \
                        and not self._lookup(words, j - 1, 1):
                    j -= 1
                    given_here = words[j].casefold()
                if head_name and w.casefold() != _surname_key(head_name):
                    continue  # "Trump adviser Bolton": the phrase names Bolton; "Nabil al-Quaety" is no Nabil
                m = ctx.person_named(w)
                if m is not None and w[:1].isupper() and any(self._relative_of_sitting(
                        m, w, _Entry("office_holders", name=self._people[i][0], person=i), date)
                        for i in self._surnames.get(w.casefold(), ())):
                    m = None  # "Biden" after "Hunter Biden": the sitting office-holder (the tables' one, below)
                owned = _owned_group(span_or_text, [w])  # "Trump's supporters", "Biden's administration": not he
                if m is not None and same_given(m.actor.name or "", given_here) and owned is not None:
                    country, sector = m.actor.country or country, _owned_sector(owned, m.actor.sector)
                    reasons.append(f"surname '{w}' of {m.actor.name}, named in full before, who only owns '{owned.text}'")
                    break
                if m is not None and same_given(m.actor.name or "", given_here):  # named in full before: "Orbán" is Viktor Orbán
                    a = m.actor
                    country, sector, name, person, basis = a.country or country, a.sector, a.name, True, a.basis or "person"
                    reasons.append(f"surname '{w}' -> the person the article named in full before, {a.name}: "
                                   f"{a.country or '-'} {a.sector or '-'}")
                    break
                ids = self._surnames.get(w.casefold(), set()) if w[:1].isupper() else set()
                narrowed = {i for i in ids if same_given(self._people[i][0], given_here)}
                if given_here != given and len(ids) > 1:  # a given name read off an unparsed run ("John Smith") only
                    # rules namesakes out; it picks one of several only when the tables' name is the run itself
                    run = [x.casefold() for x in words[j:end + 1]]
                    narrowed = {i for i in narrowed if [x.casefold() for x in _tokens(self._people[i][0])
                                                        if x.casefold() not in _NAME_PARTICLES] == run}
                ids = narrowed
                if ids and not isinstance(span_or_text, str) and not _person_word(span_or_text, w):
                    continue  # "in the Administration", "Maryan Street": a capitalised word spaCy calls no person
                # the one the article named in full, else the only one in the tables whatever the date (PETRARCH2's
                # ranges are often open-ended and stale: "in office" by its rows would single out a namesake)
                ids = {i for i in ids if ctx.named(self._people[i][0])} or ids
                mention = names if head_name else [x for x in words[j:end + 1] if x.casefold() not in _NAME_PARTICLES]
                if len(ids) == 1 and given_here is not None and self._namesake(next(iter(ids)), mention, w, date):
                    reasons.append(f"'{' '.join(mention)}' is a namesake of office-holder {self._people[next(iter(ids))][0]}"
                                   " (out of office then; another middle name, or a common surname)")
                    continue
                if len(ids) == 1 and owned is not None:
                    row = self._person_row(ids.pop(), date)[0]
                    country, sector = row["country"] or country, _owned_sector(owned, row["sector"])
                    reasons.append(f"surname '{w}' of office-holder {row['name']}, who only owns '{owned.text}'")
                    break
                if len(ids) == 1:
                    idx = ids.pop()
                    row, why = self._person_row(idx, date)
                    country, sector, name, person = row["country"] or country, row["sector"], self._people[idx][0], True
                    basis = "office_holder"
                    reasons.append(f"surname '{w}' -> office-holder {name}: {country} {sector}, {why}")
                    break

        in_place_name = {w.casefold() for m in _HYPHENATED_PLACE.finditer(text) for w in re.split(r"[-‐]", m.group())} \
            if "-" in text or "‐" in text else ()  # (resolve is called for every noun phrase: no regex without a hyphen)
        agent = self._agent([w if j not in covered and w not in in_place_name and j not in in_kin else ""
                             for j, w in enumerate(lower)])  # (no "president" of the relative's: no GOV)
        if agent:
            a_sector, noun = agent
            if not person and not (name and sector):
                sector = a_sector
            reasons.append(f"agent noun '{noun}' -> {a_sector}")
            if country is None and name is None:
                if (a_sector == "GOV" or noun in self._national) and " ".join(lower) == noun and noun in self._collective:
                    m = ctx.recent(want="any", sector="GOV")  # "the government", "the Senate": that country's
                    if m is not None and m.actor.country:
                        return Actor(text=text, country=m.actor.country, sector=a_sector, name=None,
                                     reason=f"collective noun '{noun}' -> the {noun} of the most recent GOV "
                                            f"actor's country: {m.actor.country} ({m.actor.name or m.actor.text})")
                m = ctx.recent(want="person", sector=a_sector) if a_sector == "GOV" else None
                bare = m is not None and self._is_bare_title(lower, noun)
                # "the president" is the last person called president, not the last minister
                titled = ctx.recent(want="person", title=noun) if bare else None  # not "Red Cross president X":
                m = titled if titled is not None and titled.actor.sector in (a_sector, "ELI") else m
                plural = not isinstance(span_or_text, str) and span_or_text.root.tag_ in ("NNS", "NNPS")
                if m is not None and m.actor.name and bare:
                    a = m.actor
                    if not plural and (titled is not None or noun in cue_words("head_title")):  # "the president" is
                        # the president named before, or the leader named without a title; "the attorney general" is
                        # no prime minister named before
                        return Actor(text=text, country=a.country, sector=a.sector, name=a.name, basis=a.basis,
                                     reason=f"bare title '{noun}' -> most recent named {a_sector} actor earlier: {a.name}")
                    countries = {x.actor.country for x in ctx.mentions if x.person and x.offset < ctx.position
                                 and x.actor.sector == a_sector and ctx.paragraph is not None
                                 and x.paragraph in (ctx.paragraph, ctx.paragraph - 1)}
                    if text.lower().startswith("the ") and countries == {a.country}:
                        # "the ministers" are not the minister named before: his country, when every named actor of
                        # the sector nearby has it ("Macron met Scholz. The ministers ..." has none)
                        return Actor(text=text, country=a.country, sector=a_sector, name=None,
                                     reason=f"plural title '{noun}' -> the only country of the named {a_sector} "
                                            f"actors nearby ({a.name}: {a.country})")
        if country is None and sector is None and name is None:
            return None
        venues = _words("event_modifiers", "venue")
        head = lower[-1][:-1] if lower[-1] not in venues and lower[-1].endswith("s") else lower[-1]
        if not agent and name is None and head in venues and re.search(r"['’]s\b", text) is None and all(
                e.table == "countries" and e.kind == "capital_metonym" and start + n < len(words) for start, n, e in found):
            return None  # a city before an event noun says where, not who: "a Kabul car bombing" (not "Kabul's decision",
            # "the Beijing leadership")
        if head_name and not person and not head_words & org_words:
            # "Hungarian Prime Minister Viktor Orbán": coded by its words, named by spaCy (a table row that is the
            # name itself keeps its canonical name: "Bashar al-Assad")
            name, basis = head_name, "apposed_name" if apposed and agent else "person"
            reasons.append(f"named person '{head_name}' (" + ("in apposition; " if apposed else "")
                           + "spaCy PERSON; not in the office-holder tables)")
        return Actor(text=text, country=country or None, sector=sector or None, name=name,
                     reason="; ".join(reasons), basis=basis)

    @staticmethod
    def _person_not_medium(span_or_text, words: list[str], i: int, n: int, ctx: "ActorContext") -> bool:
        """A one-word medium's name that names a person here: in a person's full name spaCy tags ("Michael
        Bloomberg", "Dawn Butler"), or the surname of a person the article named before ("Bloomberg endorsed")."""
        if n != 1:
            return False
        if not isinstance(span_or_text, str):
            ent = _entity_of(span_or_text.root)
            if ent is not None and span_or_text.root.ent_type_ == "PERSON" and len(ent) > 1 and words[i] in ent.text.split():
                return True
        return ctx.person_named(words[i]) is not None

    def may_be_they(self, tok, phrase) -> bool:
        """The head of a phrase may be what a later "they" stands for: a proper noun, a plural agent noun ("protesters"),
        a noun for a body of people (``group_nouns.tsv``, ``collective_nouns.tsv``: "the commission", "the
        government"); not a singular agent noun, which names one person ("the suspect"), nor a common noun for a thing
        or an act ("Iran's request", "U.S. citizenship")."""
        if tok.pos_ != "NOUN":
            return True
        words = (tok.lower_, tok.lemma_.lower())
        if any(w in self._groups for w in words):
            return True
        agent = self._agent([w.casefold() for w in _tokens(phrase.text)]) if tok.tag_ == "NNS" else None
        return agent is not None and agent[1].split()[-1] in words  # ("Afghan rebel leaders": 'rebel leaders')

    def is_media(self, text: str) -> bool:
        """The phrase names a news medium ("the newspaper Kommersant")."""
        words = _tokens(text)
        return any(e.table == "media" for i in range(len(words)) for n in range(1, min(self._max_len, len(words) - i) + 1)
                   for e in self._lookup(words, i, n))

    def _agent(self, lower: list[str]) -> tuple[str, str] | None:
        """Agent noun ending the phrase (longest match ending at the last word), else any agent word."""
        if self._agent_words.isdisjoint(lower):
            return None
        found = None
        for end in range(len(lower), 0, -1):
            for n in range(min(4, end), 0, -1):
                k = " ".join(lower[end - n:end])
                if "" not in lower[end - n:end] and k in self._agents:
                    if found is None and not (end == len(lower) and self._agents[k][0] == "CVL"):
                        return self._agents[k]
                    if found is None:
                        found = self._agents[k]  # "army truck drivers", "business owners": a civilian role of an
                        break                    # institution named before it is the institution's
                    if self._agents[k][0] != "CVL":
                        return self._agents[k]
        return found

    def _is_bare_title(self, lower: list[str], noun: str) -> bool:
        """"the president", not "the government" (a body: collective_nouns.tsv)."""
        return " ".join(lower) == noun and noun not in self._collective


# ---------------------------------------------------------------------- syntax
_PHRASE_DEPS = {"det", "amod", "compound", "nmod", "poss", "case", "nummod", "quantmod", "flat", "appos", "punct"}
_SUBJ = {"nsubj", "csubj", "expl"}


def _person_word(span, word: str) -> bool:
    """``word`` may stand in ``span`` as a person's surname: a (proper) noun or a PERSON that spaCy tags as no
    place, facility or date (not "Cashel Street"; spaCy's ORG, GPE or NORP for "Trump", "Scholz", "Museveni"
    are often wrong, so they count) with no article before it ("in the Administration")."""
    for t in span:
        if t.text == word or t.text.endswith(word):
            if t.ent_type_ in _NOT_NAME_ENTS or t.ent_type_ == "GPE" and t.dep_ == "pobj" and t.head.lower_ in (
                    "in", "at", "near", "from", "to", "into", "across", "outside", "inside", "around"):
                return False  # "met in Kano": the city, not the tables' Michihiko Kano
            if t.is_sent_start and t.pos_ == "NOUN" and t.ent_type_ != "PERSON" and t.dep_ == "compound" \
                    and t.head.pos_ == "NOUN" and t.head.is_lower:
                return False  # "Church leaders", "Union officials": a common noun capitalised by the sentence
            return (t.ent_type_ == "PERSON" or t.pos_ in ("PROPN", "NOUN")) and not (  # spaCy: "Starmer" NOUN
                t.i > 0 and t.doc[t.i - 1].lower_ in ("the", "a", "an"))
    return True  # the word is not a token of its own ("Tajikistan's"): as before


def _has_title(text: str, title: str) -> bool:
    """The phrase gives its person this title: "President Donald Trump" is "president"; "Vice President Pence",
    "former president Obama" are not, nor is "President Putin's spokesman Dmitry Peskov" (the possessor's title)."""
    possessive = ([None] + list(re.finditer(r"['’]s\b", text)))[-1]  # the last: "Russia's President Putin's spokesman"
    if possessive is not None and text[possessive.end():].strip():  # (not the possessor itself: "President Trump's")
        text = text[possessive.end():]
    words, want = [w.casefold() for w in _tokens(text)], title.split()
    return any(words[i:i + len(want)] == want and not _NOT_THE_TITLE & set(words[:i])
               and words[i + len(want):i + len(want) + 1] != ["elect"] for i in range(len(words) - len(want) + 1))


_ROMAN = re.compile(r"^(?:[IVX]+|[ivx]+)$")


def _short_name(words: list[str]) -> bool:
    """A one-word name or a regnal one ("Hussein", "Albert II"): a stated country other than its holder's says it is
    someone else's; a full personal name ("Denis Sassou Nguesso") is its holder's whatever a demonym says."""
    return len(words) == 1 or len(words) == 2 and bool(_ROMAN.match(words[1]))


def _table_person(actor: Actor) -> bool:
    """The actor is a person of the office-holder tables (spaCy may not have tagged "Pelosi" a PERSON)."""
    return actor.basis == "office_holder"


def _clause_subjects(token) -> list:
    """The subjects of the clause ``token`` is an object in: its verb's, or, for a verb without one, the governing
    verb's ("lashed out at the mayor, accusing her": who lashed out)."""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    for hop in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.i == verb.i:
            return subjects
        if verb.dep_ == "xcomp" and hop == 0:  # "urged supporters to defend him", "called on the army to back him":
            # whoever is to do it is the governing verb's object (object control), not who urged (the pronoun's own
            # verb only: "calling on Erdogan to step down and accusing him", parsed as one more verb of "step")
            controllers = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")] + [
                g for c in verb.head.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children
                if g.dep_ == "pobj"]
            if controllers:
                return controllers
        verb = verb.head
    return []


def _particle_follows(words: list[str], j: int) -> bool:
    """A name goes on after ``words[j]`` through lower-case particles ("Bill de Blasio", "Ursula von der Leyen"):
    ``words[j]`` is a given name, not a surname."""
    k = j + 1
    while k < len(words) and words[k].casefold() in _NAME_PARTICLES and words[k][:1].islower():
        k += 1
    return k > j + 1 and k < len(words) and words[k][:1].isupper()


def _surname_key(name: str) -> str:
    """The key a person's surname mentions and paragraph are filed under: the last word of the name, casefolded, after
    hyphens ("el-Sisi" -> "sisi") and without generation suffixes ("Elizabeth II" -> "elizabeth")."""
    words = [w for w in re.split(r"[\s\-‐]+", name.casefold()) if w and w not in ("jr", "jr.", "sr", "sr.", "ii", "iii", "iv")]
    return words[-1] if words else ""


@lru_cache(maxsize=None)
def _gender_words() -> dict[str, str]:
    return {r["word"]: r["gender"] for r in _read_table("gender_words")}


def _entity_name(ent) -> str | None:
    """An entity's name: no "the", possessive 's or leading honorific ("Mrs Fatima Noor" -> Fatima Noor)."""
    words = [t for t in ent if t.lower_ != "the" and t.text not in ("'s", "’s")]
    while len(words) > 1 and words[0].lower_.rstrip(".") in _HONORIFICS:
        words = words[1:]
    return ent.doc[words[0].i:words[-1].i + 1].text if words else None


def _entity_of(tok):
    """The named entity span ``tok`` is part of (None outside one), from the token's IOB tags: reading
    ``doc.ents`` builds every entity of the paragraph each time."""
    if not tok.ent_type_:
        return None
    doc, lo, hi = tok.doc, tok.i, tok.i + 1
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    return doc[lo:hi]


def _person_entity(span) -> str | None:
    """The name of the PERSON entity a phrase is headed by ("Yemeni journalist Mohammed Al-Absi" -> "Mohammed
    Al-Absi"; not "Viktor Orbán's government", whose head is no person)."""
    root = span.root
    if root.ent_type_ != "PERSON":
        return None
    ent = _entity_of(root)
    return _entity_name(ent) if ent is not None else None


def _apposed_person(span) -> str | None:
    """The full name of a person in apposition to a phrase's common-noun head ("a 24-year-old man, John Doe" ->
    "John Doe"; two words at least: not a bare "Doe")."""
    root = span.root
    if root.pos_ != "NOUN" or root.tag_ == "NNS":  # not a list: "two journalists, John Smith and Mary Jones"
        return None
    for c in root.children:
        if c.dep_ == "appos" and c.ent_type_ == "PERSON" and span.start <= c.i < span.end \
                and not any(g.dep_ == "conj" for g in c.children) \
                and (ent := _entity_of(c)) is not None and len(ent) > 1:
            return _entity_name(ent)
    return None


def _phrase(tok):
    """The noun phrase headed by ``tok``: left modifiers, appositions and 'of'/'in' + proper noun
    ("the government in Kabul"; a name's "of": "the Bank of England"), an apposition's or an agent noun's
    'from' + proper noun ("a journalist from Yemen", "soldiers from Chad"); no clauses.

    Coordinated phrases ("Russia and China") keep only the first conjunct.
    """
    keep = {tok.i}

    def walk(t):
        for c in t.children:
            if c.dep_ in _PHRASE_DEPS and not (c.dep_ == "punct" and c.i > tok.i and not any(
                    a.dep_ == "appos" and a.i > c.i for a in t.children)):
                keep.add(c.i)
                walk(c)
            elif c.dep_ == "prep" and c.lower_ == "for" and t.lower_.startswith("spokes") and _pobj(c) is not None:
                # "a spokesman for the rebels" speaks for them: their words code him
                keep.add(c.i)
                for g in c.children:
                    keep.add(g.i)
                    walk(g)
            elif c.dep_ == "prep" and not (c.lower_ == "in" and any(k.dep_ == "conj" and k.i < c.i for k in t.children)) \
                    and (c.lower_ in ("of", "in") or c.lower_ == "from" and (
                    t.dep_ == "appos" or _agent_noun(t) or _counterpart(t))) \
                    and (t.pos_ == "NOUN" or _names_own_of(t, c)) \
                    and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children):
                # "the government in Kabul" (not "the army and RSF fighters in Khartoum": the place of the
                # coordination); an apposition's origin: "al-Quaety, a journalist from Yemen"; a
                # name's own "of" ("the International Court of Justice", "the Organisation of Islamic Cooperation")
                keep.add(c.i)
                for g in c.children:
                    keep.add(g.i)
                    walk(g)

    walk(tok)
    doc = tok.doc
    lo, hi = min(keep), max(keep)
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    while lo >= 2 and doc[lo - 1].text == "-" and not doc[lo - 1].whitespace_ and not doc[lo - 2].whitespace_:
        lo -= 2  # "counter-protesters" that spaCy split: the whole word
    return doc[lo:hi + 1]


def _phrase_heads(doc) -> list:
    """The tokens of ``doc`` whose phrases ``ActorsStage._context`` reads: nouns and proper nouns that head a phrase,
    not modifiers (``_NOT_HEADS``) but for a person's possessive ("President Putin's spokesman"). Chosen from the
    doc's arrays, so that the other tokens are never made into Python objects."""
    strings = doc.vocab.strings
    modifiers, poss, person = {strings[d] for d in _NOT_HEADS}, strings["poss"], strings["PERSON"]
    return [doc[i] for i, (pos, dep, ent) in enumerate(doc.to_array([POS, DEP, ENT_TYPE]).tolist())
            if pos in (NOUN, PROPN) and (dep not in modifiers or dep == poss and ent == person)]


def _names_own_of(name, prep) -> bool:
    """``prep`` is the "of" right after the proper noun ``name``, part of the name ("the International Court of
    Justice"), unless the verb whose object the name is owns its "of" phrase (``verb_frames.tsv`` role
    ``argument``: "accused Kyiv of Nazism")."""
    return name.pos_ == "PROPN" and prep.lower_ == "of" and prep.i == name.i + 1 and not (
        name.dep_ == "dobj" and _frames()[0].get((name.head.lemma_.lower(), "(of)")) == "argument")


def _against_or_for(tok) -> bool:
    """The modifier is "anti-X" or "pro-X" (one token or three)."""
    low = tok.lower_
    if low.startswith(("anti-", "pro-", "anti", "pro")) and (low.startswith(("anti-", "pro-")) or low in ("anti", "pro")):
        return True
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text in ("-", "\u2010", "\u2011") and doc[tok.i - 2].lower_ in ("anti", "pro")


def _conjuncts(tok) -> list[str]:
    return [c.text for c in tok.conjuncts if c.i > tok.i]


_PREP_NOUNS = {"behalf", "favour", "favor", "spite", "lieu", "addition", "terms", "respect", "view", "light"}


def _pobj(prep):
    """The object of a preposition; none for a complex preposition ("on behalf of", "in favour of":
    the noun there is part of the preposition, not a participant)."""
    objects = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
    o = objects[0] if objects else None
    while o is not None and o.i + 2 < len(o.doc) and o.doc[o.i + 1].text == "-" and o.doc[o.i + 2] in objects:
        o = o.doc[o.i + 2]  # "with counter - protesters", one word spaCy split into three objects: its head word
    return None if o is not None and o.lemma_.lower() in _PREP_NOUNS else o


@lru_cache(maxsize=None)
def _words(table: str, role: str) -> frozenset[str]:
    """The words of one role in a two-column actors table: ``_words("event_modifiers", "venue")``."""
    return frozenset(r["word"] for r in _read_table(table) if r["role"] == role)


@lru_cache(maxsize=None)
def _authorities() -> dict[str, frozenset[str]]:
    """``{event type: sectors}`` that may do an event their reporter tells in the passive (authorities.tsv)."""
    out: dict[str, set[str]] = {}
    for r in _read_table("authorities"):
        out.setdefault(r["event_type"], set()).add(r["sector"])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def _frames() -> tuple[dict[tuple[str, str], str], tuple[str, ...]]:
    special: dict[tuple[str, str], str] = {}
    generic: list[str] = []
    for row in _read_table("verb_frames"):
        if row["lemma"] == "*":
            generic.append(row["prep"])
        else:
            special[(row["lemma"], row["prep"])] = row["role"]
    return special, tuple(generic)


def _two_sided_with(noun, obj) -> bool:
    """The "with" object of a one-sided strike noun (``verb_frames.tsv`` role ``means``) that is its other side all the
    same: in an exchange or a trade of strikes ("Hezbollah's exchange of strikes with Israel"), or a state or a
    government (cues.tsv kind ``counterpart``) when the noun names no "on"/"against" target and is no joint act ("the
    strike with the government"); not "airstrikes with the Royal Saudi Air Force on Houthi positions", "a joint
    operation with Kenya"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in ("exchange", "trade", "swap"):
        return True
    if any(c.dep_ == "prep" and c.lower_ in ("on", "against", "upon", "at") or c.dep_ in ("amod", "compound")
           and c.lower_ in ("joint", "combined", "coordinated", "allied") for c in noun.children):
        return False
    return obj is not None and (obj.ent_type_ == "GPE" or obj.lemma_.lower() in cue_words("counterpart"))


def find_arguments(trigger, inner: bool = True) -> tuple[list[tuple[object, str]], list[tuple[object, str]]]:
    """Candidate (token, rule) lists for source and target of the event triggered by ``trigger``.

    Verbs: nsubj -> source, dobj/dative/prepositional objects -> target;
    passive "X was attacked by Y": Y source, X target; "Kunduz fell to the
    Taliban" (frames marked source_swap): the "to" object is the source and the
    subject the target; death verbs (frames marked victim: "died", "lost their
    lives") make the subject the target; a verb without its own subject borrows it from the
    governing verb (xcomp, advcl, conj, acomp: "is willing to withdraw") or from the noun it modifies
    (acl, relcl), and a gerund under an adjunct preposition from that verb's subject ("Before resigning, Rosselló
    appointed").  With ``inner`` (a curated trigger), targets the clause states further in come after the verb's
    own (``_inner_targets``: "demanded that the US cancel", "agreed to lift the embargo on Iran"); without it
    (a PETRARCH2 dictionary verb) a gerund borrows no subject.
    Nouns: possessor, adjective/compound modifier or "by" object ->
    source, on/against/... object -> target; a noun that is the object of a
    verb ("launched an attack", "granted asylum to 18 rebels") takes that verb's subject as source
    and its on/against/to/with... object as target.
    """
    special, generic = _frames()
    sources: list[tuple[object, str]] = []
    targets: list[tuple[object, str]] = []
    t = trigger
    if t.pos_ in ("VERB", "AUX"):
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children) or (
            # "was arrested and charged": a participle coordinated with a passive verb shares its auxiliary
            t.dep_ == "conj" and t.tag_ == "VBN" and not any(c.dep_ in _SUBJ | {"aux"} for c in t.children)
            and any(c.dep_ in ("nsubjpass", "auxpass") for c in t.head.children)) or (
            # "If convicted, Rittenhouse could...", "Once arrested, they were...": a participle clause is passive
            t.dep_ == "advcl" and t.tag_ == "VBN" and not any(c.dep_ in _SUBJ | {"aux", "nsubjpass", "dobj"}
                                                            for c in t.children)) or (
            # "saw thousands of Ndebele killed", "with three people killed", "left two dead and five wounded": a
            # participle with a subject and no auxiliary, as the complement of a verb of perceiving or leaving or
            # of "with", is passive (not a reported clause, whose "protested" spaCy may tag a participle)
            t.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in t.children)
            and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in t.children)
            and _bare_participle_head(t))
        for c in t.children:
            if c.dep_ in _SUBJ:
                (sources if not passive else targets).append((c, f"{c.dep_} of '{t.text}'"))
            elif c.dep_ == "nsubjpass":
                targets.append((c, f"passive subject of '{t.text}'"))
            elif c.dep_ == "agent":
                o = _pobj(c)
                if o is not None:
                    sources.append((o, f"'by' agent of passive '{t.text}'"))
        if passive and not sources:  # "dozens were killed in Israeli strikes": the act they were killed in is the
            for c in t.children:  # doer's ("Israeli strikes killed dozens"; its own doer first, _doers_behind)
                if c.dep_ == "prep" and c.lower_ in ("in", "during") and (o := _pobj(c)) is not None and _is_act_noun(o) \
                        and o.lemma_.lower() in trigger_lemmas("N", ("ASSAULT", "COERCE")) \
                        and (_of_named_origin(o) or _behind(o)):  # (an act of force: not "arrested during a protest
                    # by opposition supporters")  # (whose phrase names its doer: not "in an airstrike")
                    sources.append((o, f"'{c.text}' act of passive '{t.text}'"))
        if t.dep_ == "pcomp" and t.head.lower_ == "on" and t.head.head.lemma_.lower() in _words("act_nouns", "utterance") \
                and any(s.pos_ == "PROPN" or s.lemma_.lower() in _CHANNEL_WORDS for s, _ in sources):
            # spaCy's other reading of "a message on Twitter blaming Iran": "Twitter" the subject of "blaming"
            sources[:] = _issuers(t.head.head)
        for c in t.children:
            if c.dep_ in ("dobj", "dative") and not _own(c):
                # "granted asylum to a journalist": spaCy's dative is the "to"
                targets.append((_dative_object(c), f"{c.dep_} of '{t.text}'"))
        if not passive:
            # verbs sharing one object: "shot and killed a civilian" (spaCy hangs the object on the last verb; not
            # "called for calm and warned residents", "is preparing for conflict and has sent warships")
            shared = next((v for v in t.children if v.dep_ == "conj" and v.pos_ == "VERB"
                           and not any(c.dep_ in _SUBJ | {"nsubjpass", "auxpass"} for c in v.children)), None)
            if shared is not None and not all(
                    c.dep_ in _SUBJ | {"cc", "conj", "punct", "aux", "neg", "advmod", "npadvmod"} or c.dep_ == "prep"
                    and (o := _pobj(c)) is not None and o.ent_type_ == "DATE" for c in t.children):
                shared = None  # only a bare first verb (a date aside) shares it: not "attacked at dawn and lost
                # dozens of fighters", "met in Munich and warned Taiwan", "fired in the air and arrested two men",
                # "withdrew during the night and released 20 hostages"
            if shared is not None:
                targets += [(c, f"dobj of '{shared.text}', the verb '{t.text}' shares it with")
                            for c in shared.children if c.dep_ == "dobj" and not _own(c)]
        # a verb that moves its object somewhere gives it "to" someone before it is "on" or "with" anything
        # ("passed information on a jihadist cell to its French counterparts"; not "to the dismay of France")
        transfer = any(c.dep_ == "dobj" for c in t.children)
        for c in sorted(t.children, key=lambda c: not (transfer and c.dep_ == "prep" and c.lower_ == "to"
                                                        and _names_someone(_pobj(c)))):
            if c.dep_ != "prep":
                continue
            o = _pobj(c)
            if o is None:
                continue
            role = special.get((t.lemma_.lower(), c.lower_))
            if role == "source_swap":
                targets[:0] = [(s, f"subject of '{t.text} {c.text}' (loses to the {c.text}-object)") for s, _ in
                               sources]
                sources[:] = [(o, f"'{c.text}' object of '{t.text}' (frame {t.lemma_} {c.text})")]
            elif role == "taking":
                # "confiscated land from white farm-owners", "seized the town from the rebels", "seized Crimea from
                # Ukraine"; not "seized a shipment of drones from Turkey": goods from a place came from there
                if o.ent_type_ not in ("GPE", "LOC", "FAC") or any(
                        d.dep_ == "dobj" and (d.ent_type_ in ("GPE", "LOC", "FAC") or d.lemma_.lower() in _TERRITORY)
                        for d in t.children):
                    targets.append((o, f"'{c.text}' object of '{t.text}', who loses what is taken (frame)"))
            elif (c.lower_ in generic or role == "target" and (c.lower_ != "at" or _names_someone(o))) \
                    and o.lemma_.lower() not in cue_words("public_space") \
                    and not (c.lower_ in ("in", "into") and o.lemma_.lower() in ("air", "sky")):  # fired into the air
                # (an "at" object of a verb of aiming is whom it is aimed at, not a venue: "lashed out at a rally";
                # a street is where: "took to the streets of Belgrade")
                targets.append((o, f"'{c.text}' object of '{t.text}'"))
        objects = {c.lemma_.lower() for c in t.children if c.dep_ == "dobj"}
        keys = {t.lemma_.lower()} | {f"{t.lemma_.lower()}:{o}" for o in objects}
        if any(special.get((k, "(subject)")) == "victim" for k in keys):
            # "22 people have lost their lives", "three soldiers died": the subject is the victim
            targets[:0] = [(s, f"subject of '{t.text}' is the victim (frame)") for s, _ in sources]
            sources.clear()
            return sources, targets
        if inner:
            targets += _inner_targets(t, special, generic)
        if passive and not sources:
            # "were injured after being attacked by protesters": the doer of the attack they were hurt in
            clauses = [c for c in t.children if c.dep_ == "advcl" and c.tag_ == "VBN"] + [
                g for c in t.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBN"]
            clauses = [c for c in clauses if c.lemma_.lower() in trigger_lemmas("V", ("ASSAULT", "COERCE"))]  # not "after being rescued by"
            sources += [(_pobj(g), f"'by' agent of '{c.text}', which '{t.text}' follows from")
                        for c in clauses for g in c.children if g.dep_ == "agent" and _pobj(g) is not None]
        if passive and not any(c.dep_ in ("nsubjpass", "nsubj") for c in t.children):
            # a passive verb without its own subject is done to the governing clause's subject: "died in Aden
            # after being shot", "was arrested and charged", "asked to be released"
            gov = t.head.head if t.dep_ == "pcomp" and t.head.dep_ == "prep" else t.head if t.dep_ in _CLIMB_DEPS else None
            if gov is not None and gov.i != t.i and gov.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "relcl"):
                targets[:0] = [(c, f"subject of governing verb '{gov.text}' (undergoes passive '{t.text}')")
                               for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")]
            return sources, targets
        noun = t.head.head if t.dep_ == "pcomp" and t.head.lower_ == "of" else None
        if not sources and noun is not None and noun.pos_ == "NOUN" and noun.dep_ in ("dobj", "attr") \
                and special.get((noun.head.lemma_.lower(), "(of gerund)")) == "holding":
            # "instituted a policy of seizing land", "has a history of attacking convoys": who holds the policy does
            # it (verb_frames.tsv role "holding"; not "condemned", "documented" or "halted the practice of torturing")
            sources += [(c, f"subject of '{noun.head.text}' whose object is '{noun.text} of {t.text}'")
                        for c in noun.head.children if c.dep_ in _SUBJ]
        # "the attack, carried out by the Taliban, killed 12": the doer of the subject event
        sources += [(agent, f"'by' agent of '{a.text}' modifying the subject '{c.text}' of '{t.text}'")
                    for c in t.children if c.dep_ in _SUBJ for a in c.children for agent in _doing_agents(a, special)]
        head, hops = t, 0
        gov = t.head.head if t.dep_ == "pcomp" and t.head.dep_ == "prep" else None
        if inner and not sources and gov is not None and t.head.lower_ in _ADJUNCT_PREPS and gov.pos_ in ("VERB", "AUX") \
                and not any(c.dep_ in _SUBJ | {"nsubjpass"} for c in t.children) \
                and not (t.head.lower_ == "by" and any(c.dep_ == "auxpass" for c in gov.children)) \
                and not (t.lemma_.lower() in trigger_lemmas("V", ("PROTEST",))
                         and gov.lemma_.lower() in trigger_lemmas("V", ("ASSAULT", "COERCE"))
                         and any(c.dep_ == "dobj" for c in gov.children)):
            # a gerund under an adjunct preposition is done by its verb's subject: "Before resigning, Rosselló
            # appointed ...", "had been allied with Kurdish groups in fighting ISIS" (not "arrested him for
            # protesting", "prevented them from marching": the object does it; nor "was interrupted by protesting
            # legislators"; nor a protest after an arrest or attack of someone: "arrested dozens of fans after
            # rioting"; a dictionary verb's gerund is mostly a light use: "after finding out", "without providing
            # details")
            sources += [(c, f"subject of governing verb '{gov.text}' ('{t.head.text} {t.text}')")
                        for c in gov.children if c.dep_ in _SUBJ | {"nsubjpass"}]
        while not sources and hops < 3 and head.dep_ in _CLIMB_DEPS and not (head is t and t.dep_ == "acomp") \
                and not (passive and head.dep_ in ("advcl", "acl", "relcl")):
            # (a passive borrows its reporter, "Police said 12 suspects were arrested", but not the subject of the
            # clause it is a time clause of: "Police arrested a suspect after a man was shot dead")
            if head.dep_ in ("acl", "relcl"):
                noun = _channel_holder(head.head) if head is t else head.head
                if head is t and (noun.lemma_.lower() in _words("act_nouns", "utterance") or noun.pos_ in ("VERB", "AUX")):
                    # "posted a message blaming Iran", "issued a statement condemning the attack", "posted on
                    # Twitter blaming Iran": who issued it
                    sources += _issuers(noun)
                else:
                    sources.append((head.head, f"noun modified by '{t.text}' ({head.dep_})"))
                break
            clause, head, hops = head, head.head, hops + 1
            controller = _controller(clause, special)
            if controller is not None:  # "urged Hamas to release the hostages": Hamas is to release them
                sources.append((controller, f"object of '{head.text}', who is to '{clause.text}' (object control)"))
                break
            for c in head.children:
                if c.dep_ in _SUBJ | {"nsubjpass"}:
                    sources.append((c, f"subject of governing verb '{head.text}' ({t.dep_})"
                                       + (_REPORTED_PASSIVE if passive else "")))
    else:
        makers: list[tuple[object, str]] = []  # tried after the verb's subject: "the US sped up the withdrawal of forces"
        for c in t.children:
            if c.dep_ == "poss" and special.get((t.lemma_.lower(), "(poss)")) == "patient" and (
                    c.lower_ in ("his", "her") or c.ent_type_ == "PERSON") and not any(
                    p.dep_ == "prep" and p.lower_ == "of" for p in t.children):
                # a person's: "his arrest"; not "Iran's release of the prisoners", "China's detentions"
                targets.append((c, f"possessor of '{t.text}', who undergoes it"))  # "his arrest", "her release"
            elif c.dep_ == "poss":
                sources.append((c, f"possessor of '{t.text}'"))
            elif c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN", "NOUN") and _against_or_for(c):
                continue  # "anti-government protests" are against the government, "pro-Russian rallies" not by Russia
            elif c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN"):
                sources.append((c, f"{c.dep_} of '{t.text}'"))
            elif c.dep_ == "compound" and c.pos_ == "NOUN" and _agent_sector(c) in ("COP", "MIL", "GOV", "REB") \
                    and special.get((t.lemma_.lower(), "(poss)")) != "patient":
                # "a police raid", "an army offensive"; not "journalist arrests", "student detentions" (undergone)
                sources.append((c, f"agent noun before '{t.text}'"))
            elif c.dep_ == "prep" and c.lower_ == "by" and _pobj(c) is not None:
                sources.append((_pobj(c), f"'by' object of '{t.text}'"))
            elif _maker_of(t, c, special):  # "the demands of the striking teachers", "the visit of President Xi"
                makers.append((_pobj(c), f"'of' object of '{t.text}', who makes it (frame)"))
            elif c.dep_ == "prep" and c.lower_ == "of" and _pobj(c) is not None \
                    and special.get((t.lemma_.lower(), "(poss)")) == "patient" \
                    and not any(g.dep_ == "poss" for g in _pobj(c).children):  # ("of the president's son": the
                #   tables would code the son by his father's office)
                # "the assassination of the mayor", "the release of the prisoners": who undergoes it
                targets.append((_pobj(c), f"'of' object of '{t.text}', who undergoes it (frame)"))
            elif c.dep_ == "prep" and special.get((t.lemma_.lower(), c.lower_)) == "means" and not any(
                    x.dep_ == "conj" and special.get((x.lemma_.lower(), c.lower_)) != "means" for x in t.children) \
                    and not _two_sided_with(t, _pobj(c)):
                continue  # "airstrikes with the Royal Saudi Air Force": what strikes, not what is struck (not
                #           "bombing and clashes with pro-government forces": the clashes' other side)
            elif c.dep_ == "prep" and c.lower_ in generic and _pobj(c) is not None:
                targets.append((_pobj(c), f"'{c.text}' object of '{t.text}'"))
            else:  # "the attack, reportedly conducted by the Taliban" (not "the attack, condemned by the UN")
                sources += [(agent, f"'by' agent of '{c.text}' modifying '{t.text}'") for agent in _doing_agents(c, special)]
        holder = t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" else None
        verb, keys = None, []
        if holder is not None and holder.pos_ in ("VERB", "AUX"):  # "went on strike", "took part in the protests"
            verb = holder
            keys = [verb.lemma_.lower()] + [f"{verb.lemma_.lower()}:{c.lemma_.lower()}" for c in verb.children
                                            if c.dep_ == "dobj"]
        elif holder is not None and holder.pos_ == "NOUN" and holder.dep_ == "dobj" and holder.head.pos_ == "VERB":
            verb = holder.head  # "claimed responsibility for the bombings"
            keys = [f"{verb.lemma_.lower()}:{holder.lemma_.lower()}"]
        if verb is not None and t.head.lower_ == "under" and special.get((t.lemma_.lower(), "(poss)")) == "patient":
            if verb.lemma_.lower() in _PUTTING_VERBS:
                # "placed the president under house arrest", "was put under arrest": the holder's object undergoes
                # it, and whoever put them there did it
                held_sources, _ = find_arguments(verb, inner=False)
                targets += [(c, f"{c.dep_} of '{verb.text}', put under '{t.text}'") for c in verb.children
                            if c.dep_ in ("dobj", "nsubjpass")]
                sources += [(c, f"{how}, who put someone under '{t.text}'") for c, how in held_sources]
            elif verb.lemma_.lower() in ("be", "remain", "stay", "live"):  # "has been under house arrest since 2019"
                targets += [(c, f"subject of '{verb.text}' under '{t.text}'") for c in verb.children if c.dep_ in _SUBJ]
        claim = holder is not None and holder.pos_ == "NOUN"
        if verb is not None and any(special.get((k, t.head.lower_)) == "joining" for k in keys) and not (
                claim and any(c.dep_ == "neg" for c in verb.children)):  # "has not claimed responsibility"
            # "Students went on hunger strike", "workers took part in the protests": they do it
            sources += [(c, f"subject of '{verb.text} {t.head.text}' whose object is '{t.text}'")
                        for c in verb.children if c.dep_ in _SUBJ]
        if t.dep_ in ("dobj", "attr") and t.head.pos_ in ("VERB", "AUX"):
            # "Egypt condemned the airstrike": not the doer; "Wiranto survived the attack": the one it fell on
            reaction = _reacts(t.head, t, special)  # (role undergoing too)
            undergone = special.get((t.head.lemma_.lower(), "(object event)")) == "undergoing"
            for c in t.head.children:
                if c.dep_ in _SUBJ and undergone:
                    targets.append((c, f"subject of '{t.head.text}', who underwent '{t.text}' (frame)"))
                elif c.dep_ in _SUBJ and not reaction:
                    sources.append((c, f"subject of '{t.head.text}' whose object is '{t.text}'"))
                elif c.dep_ == "dative":  # "granted Uganda's rebels asylum", "granted asylum to 18 rebels"
                    targets.append((_dative_object(c), f"dative of '{t.head.text}' whose object is '{t.text}'"))
            # "granted asylum to 18 rebels", "held talks with Japan"
            targets += [(o, f"'{p}' object of '{t.head.text}' whose object is '{t.text}'")
                        for o, p in _prep_objects(t.head, generic)]
        sources += makers
        sides = _between_sides(t) if not sources else []  # ("demanded talks between the junta and the opposition":
        #                                                        the demander is no side)
        if sides:  # "talks between Russia and Ukraine": one side and the other
            sources[:0], targets[:0] = sides[:1], sides[1:]
    return sources, targets


def _between_sides(noun) -> list[tuple[object, str]]:
    """[(first side, rule), (second side, rule)] of an event noun's "between X and Y" phrase (also on its participle
    or on the verb it is the subject of: "talks between Russia and Ukraine", "the agreement signed between Turkey
    and Libya", "fighting broke out between the army and rebels"); empty unless the phrase names two sides."""
    holders = [noun, *(c for c in noun.children if c.dep_ == "acl")]
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        holders.append(noun.head)
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("between", "among", "amongst"):
                first = _pobj(c)
                other = next((x for x in first.conjuncts if x.i > first.i), None) if first is not None else None
                if other is not None:
                    return [(first, f"first side of '{c.text}' ('{noun.text}')"),
                            (other, f"other side of '{c.text}' ('{noun.text}')")]
    return []


def place_targets(trigger, event_type: str) -> list[tuple[object, str]]:
    """(token, rule) for the places named by an "in"/"inside"/"across"/"throughout" phrase of the trigger
    or of its object ("imposed a curfew in Haiti"), and for a withdrawal also by a "from" phrase
    ("withdrew its troops from Lebanon"): the target of a material act whose clause names no one."""
    preps = _PLACE_TARGET_PREPS | {"from"} if event_type in _LEAVING_TYPES else _PLACE_TARGET_PREPS
    out = []
    for head in [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                o = _pobj(c)
                if o is not None and o.ent_type_ in ("GPE", "LOC"):
                    out.append((o, f"the place the act falls on ('{c.text}' object of '{head.text}')"))
    return out


def _behind(tok) -> list[tuple[object, str]]:
    """(token, how) for who stands behind an act a noun names ("denounced Serbia's suppression of the unrest",
    "rejected calls by Belarus's rulers", "dismissed an appeal from President Gbagbo", "alleged crimes committed
    by Croat forces"): its possessor (not a pronoun: "its demands" are usually the subject's own), its "by" or
    "from" object (not a place, nor after a noun of leaving or giving, ``verb_frames.tsv`` roles ``leaving``
    and ``giving``: "the withdrawal of forces from Bosnia", "aid from the UN" to someone), the
    "by" agent of a participle of doing modifying it (``verb_frames.tsv`` role ``doing``: "committed by", not
    "followed by"). Not a demonym modifying it: "sanctions on North Korean banks" fall on the banks (the whole
    phrase gives the country)."""
    special, _ = _frames()
    out: list[tuple[object, str]] = []
    for c in tok.children:
        if c.dep_ == "poss" and c.pos_ != "PRON" and special.get((tok.lemma_.lower(), "(poss)")) != "patient":
            out.append((c, f"possessor of '{tok.text}'"))  # not "Navalny's arrest": he undergoes it
        elif c.dep_ == "prep" and c.lower_ in ("by", "from") and _pobj(c) is not None and not (
                c.lower_ == "from" and (_pobj(c).ent_type_ in ("GPE", "LOC", "FAC")
                                        and special.get((tok.lemma_.lower(), "(of)")) != "maker"  # "a request from Lithuania"
                                        or _from_no_party(tok, special))):
            out.append((_pobj(c), f"'{c.text}' object of '{tok.text}'"))
        elif _maker_of(tok, c, special):
            out.append((_pobj(c), f"'of' object of '{tok.text}', who makes it"))
        elif c.dep_ == "prep" and c.lower_ == "of" and tok.lemma_.lower() in _words("act_nouns", "frame") \
                and (o := _pobj(c)) is not None and _is_act_noun(o):
            out += _behind(o)  # "a wave of arrests ordered by the army": who is behind the arrests
        else:
            out += [(agent, f"'by' agent of '{c.text}' modifying '{tok.text}'") for agent in _doing_agents(c, special)]
    return out


_CHANNEL_WORDS = {"media", "website", "platform", "channel", "television", "radio", "tv", "account", "page", "blog"}


def _channel_holder(noun):
    """The message or the verb an "on" channel belongs to ("a message on Twitter blaming Iran", "posted on Facebook
    calling for ..."), else ``noun`` itself."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "on" and (noun.pos_ == "PROPN" or noun.lemma_.lower() in _CHANNEL_WORDS):
        return noun.head.head
    return noun


def _force_done(noun) -> list[tuple[object, str]]:
    """(token, rule) for whom an act of force that is a verb's subject did it to, when that verb is one of force
    too ("an Israeli strike hit aid workers", "the raid killed two people"; not "the attack angered Washington", nor
    a protest's "protests killed three people", the caller's type being ASSAULT or COERCE)."""
    verb = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ != "nsubj" or verb.pos_ != "VERB" \
            or verb.lemma_.lower() not in trigger_lemmas("V", ("ASSAULT", "COERCE")) \
            | (cue_words("strike_verb") if noun.lemma_.lower() in ("strike", "airstrike") else set()):
        return []
    return [(c, f"dobj of '{verb.text}', which the subject '{noun.text}' did") for c in verb.children if c.dep_ == "dobj"]


def _issuers(noun) -> list[tuple[object, str]]:
    """(token, rule) for who issued the message ``noun`` names (``act_nouns.tsv`` role ``utterance``): its
    possessor or "by"/"from" object ("Pompeo's tweet", "a letter from 40 senators"), else the subject of the verb
    of issuing it is the object of (``cues.tsv`` kind ``issue_verb``: "issued a statement"; not "found a note"),
    or of the verb whose "in" phrase it is ("said in a statement"), or the "by" agent when it is the passive
    subject ("a statement was released by the ministry")."""
    out = [(c, f"possessor of '{noun.text}', which does it") for c in noun.children if c.dep_ == "poss"]
    out += [(_pobj(c), f"'{c.text}' object of '{noun.text}', which does it") for c in noun.children
            if c.dep_ == "prep" and c.lower_ in ("by", "from") and _pobj(c) is not None
            and _pobj(c).ent_type_ not in ("GPE", "LOC", "FAC")]
    if out:
        return out
    if noun.pos_ in ("VERB", "AUX"):
        return [(c, f"subject of '{noun.text}', which posted it") for c in noun.children if c.dep_ in _SUBJ]
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if verb.pos_ not in ("VERB", "AUX") or noun.dep_ not in ("dobj", "pobj", "nsubjpass") \
            or noun.dep_ != "pobj" and verb.lemma_.lower() not in cue_words("issue_verb"):
        return []  # who found, saw or received "a note threatening the school" did not write it
    deps = ("agent",) if noun.dep_ == "nsubjpass" else tuple(_SUBJ)
    return [(_pobj(c) if c.dep_ == "agent" else c, f"subject of '{verb.text}', whose '{noun.text}' does it")
            for c in verb.children if c.dep_ in deps and (c.dep_ != "agent" or _pobj(c) is not None)]


def _doing_agents(participle, special, role: str = "doing") -> list:
    """The "by" agents of ``participle`` when it is a participle of doing that modifies a noun ("the attack,
    carried out by the Taliban"; ``verb_frames.tsv`` role ``doing``; not "condemned by the UN") or of deciding that
    modifies a noun other than a protest or an attack (role ``deciding``: "a ban imposed by the junta"), or of
    another ``role`` (``owning``: "a depot operated by Aramco")."""
    found = special.get((participle.lemma_.lower(), "(by)"))
    if participle.dep_ != "acl" or participle.tag_ != "VBN" or found != role and not (
            role == "doing" and found == "deciding" and participle.head.lemma_.lower() not in trigger_lemmas("N", ("PROTEST", "ASSAULT"))):
        return []
    return [_pobj(g) for g in participle.children if g.dep_ == "agent" and _pobj(g) is not None]


# acts done to a thing or a place are done to whoever owns or holds it (``_owners``)
_PROPERTY_TARGET_TYPES = {"ASSAULT", "COERCE", "PROTEST", "SANCTION"}


@lru_cache(maxsize=None)
def _property_words() -> frozenset[str]:
    return frozenset(r["word"] for r in _read_table("property_nouns"))


def _owners(noun) -> list[tuple[object, str]]:
    """(token, how) for who owns, holds or uses the thing or place ``noun`` names (``property_nouns.tsv``): its
    possessor ("stormed the party's offices"; not a pronoun), its "of" object when that names someone and is no
    place ("shelled positions of the SDF", "raided the homes of opposition activists"), the "by" agent of a
    participle of owning modifying it (``verb_frames.tsv`` role ``owning``: "a depot operated by Aramco"). ACLED
    codes an attack on a thing as done to its owner."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _property_words() and noun.lower_ not in _property_words():
        return []
    special, _ = _frames()
    out: list[tuple[object, str]] = []
    for c in noun.children:
        o = _pobj(c) if c.dep_ == "prep" and c.lower_ == "of" else None
        if c.dep_ == "poss" and _owner(c):
            out.append((c, f"possessor of '{noun.text}', which it holds"))
        elif o is not None and _owner(o):
            out.append((o, f"'of' object of '{noun.text}', which it holds"))
        else:
            out += [(a, f"'by' agent of '{c.text}' modifying '{noun.text}', which it holds")
                    for a in _doing_agents(c, special, "owning") if _owner(a)]
    return out


def _owner(tok) -> bool:
    """A possible owner: a person, an organisation or a people by name, a noun for people or a body ("activists",
    "the army"), or one whose modifier is ("the opposition leader", "Iranian firms"); not a place ("Kharkiv's
    power plants"), a pronoun or an unnamed proper noun."""
    return tok.pos_ != "PRON" and (tok.ent_type_ in ("PERSON", "ORG", "NORP") or _agent_noun(tok) or any(
        c.dep_ in ("compound", "amod") and (_agent_noun(c) or c.ent_type_ == "NORP") for c in tok.children))
    # ("the opposition leader's house", "vessels owned by Iranian firms")


@lru_cache(maxsize=None)
def _act_noun_words() -> frozenset[str]:
    """Nouns that name an act, a statement or a decision: ``act_nouns.tsv`` and the event nouns of
    ``data/events/triggers.tsv``."""
    return frozenset({r["word"] for r in _read_table("act_nouns") if r["role"] != "frame"} | {
        r["lemma"] for r in load_table("events/triggers.tsv") if r["pos"] == "N" and r["plover"] != "NONE"})


_OWNED_SECTORS = {"party": "PTY", "parties": "PTY"}  # what a leader's own group is when its noun is no agent noun


def _fold(w: str) -> str:
    """A word case- and accent-folded ("Nicolás" -> "nicolas")."""
    return "".join(c for c in unicodedata.normalize("NFKD", w.casefold()) if not unicodedata.combining(c))


def _near(a: str, b: str) -> bool:
    """Two spellings one edit apart ("Benyamin"/"Benjamin", "Muhammad"/"Mohammad"; words of four letters or more)."""
    if abs(len(a) - len(b)) > 1 or len(b) < 4:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _described_as_kin(tok) -> bool:
    """A person named with a description that makes them someone's relative ("Bilal Erdogan, a son of the president",
    "Sara Netanyahu, the wife of Prime Minister Netanyahu"); not one of their own ("businessman Mehmet Erdogan",
    "Rustam Lavrov, a farmer": a namesake), nor none ("Hunter Biden was convicted": a later "Biden" is he, as news
    writing goes)."""
    desc = [c for c in tok.children if c.dep_ == "appos" or c.dep_ in ("compound", "amod") and c.i < tok.i
            and c.pos_ == "NOUN" and c.is_lower]
    desc += [d for c in desc for d in c.conjuncts]
    kin = cue_words("kin")
    return any(c.lemma_.lower() in kin or c.lower_ in kin for c in desc)


def _kin_phrases(tok) -> list | None:
    """The phrases saying whose relative ``tok`` is, when ``_described_as_kin``: the possessive, "of" phrase or name
    in apposition of its kin noun ("Sara Netanyahu, the wife of Prime Minister Netanyahu", "..., the prime minister's
    wife", "..., the son of President Recep Tayyip Erdogan" with the name apposed to "son"), or, when ``tok`` is the
    kin noun with a person's name apposed, its own ("The president's son, Bilal Erdogan"); an empty list for a kin
    noun that says of no one ("Emine Erdogan, the first lady"). None for anyone else, and for an unnamed relative
    ("the president's son": with no sector left, the phrase would give way to its apposition, "..., the president")."""
    kin = cue_words("kin")
    if (tok.lemma_.lower() in kin or tok.lower_ in kin) and any(  # the description before the name: "The
            c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON" for c in tok.children):  # president's son, Bilal Erdogan"
        return [p for p in tok.children if p.dep_ == "poss" or p.dep_ == "prep" and p.lower_ == "of"]
    if not _described_as_kin(tok):
        return None
    return [p for c in tok.children if c.dep_ in ("appos", "compound", "amod") for d in (c, *c.conjuncts)
            if d.lemma_.lower() in kin or d.lower_ in kin
            for p in d.children if p.dep_ in ("poss", "appos") or p.dep_ == "prep" and p.lower_ == "of"]


def _positions_in(span, text: str, n_words: int, phrases: list) -> set[int]:
    """The positions, in ``resolve``'s words of ``span`` (``_tokens`` of ``text`` less leading determiners: the last
    ``n_words``), of the words inside ``phrases`` (spaCy tokens heading parts of the span)."""
    if not phrases:
        return set()
    starts = [m.start() for m in _TOKEN.finditer(text.replace("’", "'"))][-n_words:]
    ranges = [(p.left_edge.idx - span.start_char, p.right_edge.idx + len(p.right_edge) - span.start_char) for p in phrases]
    return {j for j, at in enumerate(starts) if any(lo <= at < hi for lo, hi in ranges)}


def _compound_name(tok) -> str | None:
    """A proper noun with the capitalised proper nouns compounded just before it ("Ivanka Trump"), when spaCy tags no
    entity there; None for a single word."""
    doc, i = tok.doc, tok.i
    while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].dep_ == "compound" and doc[i - 1].head.i == tok.i \
            and doc[i - 1].text[:1].isupper() and not doc[i - 1].ent_type_:
        i -= 1
    return doc[i:tok.i + 1].text if i < tok.i else None


def _owned_sector(owned, owner_sector: str | None) -> str | None:
    """The sector of a group or seat a person owns: a party's PTY; a leader's staff or office the government when the
    owner governs ("Netanyahu's office"); else none of its own (an agent noun may still give one)."""
    lemma = owned.lemma_.lower()
    return _OWNED_SECTORS.get(lemma) or ("GOV" if lemma in cue_words("leader_staff") and owner_sector == "GOV" else None)


def _owned_group(span, matched: list[str]):
    """The common noun a person named by ``matched`` owns as a possessor when it names people (an agent noun, a
    person or group word, an adherent or a leader's staff of ``cues.tsv``), not an act nor a thing ("Imran Khan's
    party", "Odinga's supporters"; not "Putin's decision", "Trump's financial affairs"); None otherwise."""
    if isinstance(span, str) or not matched:
        return None
    root = span.root
    lemma = root.lemma_.lower()
    if root.pos_ != "NOUN" or _is_act_noun(root) or lemma in cue_words("leader_own") or not (
            _agent_noun(root) or lemma in _OWNED_SECTORS or any(lemma in cue_words(k) or root.lower_ in cue_words(k)
                                                                for k in ("person", "group", "adherent", "leader_staff"))):
        return None  # (no people: "Trump's financial affairs" are his)
    poss = next((c for c in root.children if c.dep_ == "poss" and c.text == matched[-1]), None)
    return root if poss is not None else None


def _is_act_noun(tok) -> bool:
    """The common noun ``tok`` names an act, a statement or a decision ("claims", "proposal", "raids",
    ``_act_noun_words``; a frame noun of one: "a state of emergency"), not a thing ("the man's house") or a body ("the
    attorney's office")."""
    words = _act_noun_words()
    return tok.pos_ == "NOUN" and (tok.lower_ in words or tok.lemma_.lower() in words or (
        tok.lemma_.lower() in _words("act_nouns", "frame") and any(  # "a state of emergency", "a wave of arrests"
            c.dep_ == "prep" and c.lower_ == "of" and (o := _pobj(c)) is not None and _is_act_noun(o) for c in tok.children)))


def _dative_object(tok):
    """The noun of a dative: itself ("granted Uganda's rebels asylum"), or the object of a dative "to"/"for"
    ("granted asylum to a Nicaraguan journalist", which spaCy labels the preposition dative)."""
    if tok.pos_ == "ADP":
        o = _pobj(tok)
        return o if o is not None else tok
    return tok


def _maker_of(noun, prep, special) -> bool:
    """``prep`` is an "of" phrase of ``noun`` naming who makes the statement or does the act (``verb_frames.tsv``
    role ``maker``: "the demands of the striking teachers", "the visit of President Xi", "the withdrawal of the United
    Kingdom"; not a place that is no state, a time or a pronoun)."""
    if prep.dep_ != "prep" or prep.lower_ != "of" or special.get((noun.lemma_.lower(), "(of)")) != "maker":
        return False
    o = _pobj(prep)
    if o is None or o.ent_type_ in ("LOC", "FAC", "DATE", "TIME") or o.pos_ == "PRON":
        return False
    # someone: a name, or a noun for people or a body ("the striking teachers", "the government"); not "UNRWA
    # funding" nor "Iraq's holy sites", whose modifier would resolve
    return o.pos_ == "PROPN" or o.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or _agent_noun(o) or any(
        c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in o.children)  # "the IAEA chief Rafael Grossi"


@lru_cache(maxsize=None)
def _agent_lemmas() -> frozenset[str]:
    """One-word agent nouns of the actor tables (teacher, rebel, ministry, government ...)."""
    return frozenset(r["noun"].casefold() for r in _read_table("agents") if " " not in r["noun"])


def _names_someone(tok) -> bool:
    """A phrase head that is a name, a noun for people or a body, or a personal pronoun ("Norway", "protesters",
    "them"; not "a rally", "it")."""
    return tok is not None and (_named(tok) or _agent_noun(tok) or tok.lower_ in ("him", "her", "them", "us", "me"))


def _of_named_origin(tok) -> bool:
    """People whose phrase names where they are from: a demonym, a name or a "from" + name ("his Cambodian
    counterpart", "Chadian soldiers", "soldiers from Chad")."""
    return any(c.dep_ in ("amod", "compound") and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE"))
               or c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
               for c in tok.children)


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    """Two actors code the same: country, sector and name ("the police" and "officers")."""
    return a is not None and b is not None and (a.country, a.sector, a.name) == (b.country, b.sector, b.name)


@lru_cache(maxsize=None)
def _agent_table() -> dict[str, tuple[str, str]]:
    """Agent noun (casefolded) -> (sector, noun) from ``agents.tsv``; a curated ``agents.supplement.tsv`` row
    replaces PETRARCH2's, otherwise the first row wins."""
    table: dict[str, tuple[str, str]] = {}
    for r in _read_table("agents"):
        if _curated(r) or r["noun"].casefold() not in table:
            table[r["noun"].casefold()] = (r["sector"], r["noun"])
    return table


def _agent_sector(tok) -> str | None:
    """The sector the agent tables give the noun (a curated row first), or None."""
    row = _agent_table().get(tok.lower_) or _agent_table().get(tok.lemma_.lower())
    return row[0] if row else None


def _agent_noun(tok) -> bool:
    """The noun names people or a body: an agent noun of the tables, by form or lemma."""
    return tok.lower_ in _agent_lemmas() or tok.lemma_.lower() in _agent_lemmas()


def _from_no_party(noun, special) -> bool:
    """The "from" object of ``noun`` is a place left or a giver, not who is asked or behind it ("the withdrawal
    of troops from Mali", "aid from the UN"; ``verb_frames.tsv`` roles ``leaving`` and ``giving``)."""
    return special.get((noun.lemma_.lower(), "(from)")) in ("leaving", "giving")


_PARTICIPLE_HEADS = {"see", "leave", "have", "watch", "get", "want", "keep"}  # not "find": "found police fired"


def _unplaced_name(actor: Actor) -> bool:
    """No name, or only the name of a person in apposition to a noun of the actor tables ("a prominent activist, Sara
    Mahmoud"), none of the office-holder tables: the phrase says what they are, not where they are from."""
    return actor.name is None or actor.basis == "apposed_name"


def _only_a_place(actor: Actor) -> bool:
    """The actor is only a thing in a place ("a road in Niger" -> NER): a country from a place name, no sector, no
    name, and a common noun in its phrase (not "Israel" itself)."""
    return actor.sector is None and actor.name is None and any(
        w[:1].islower() and w not in ("a", "an", "the", "of", "in", "at", "on", "near") for w in actor.text.split())


def _bare_participle_head(t) -> bool:
    """The participle ``t`` (with its own subject) completes "saw", "left", "had", "with" ...: a small clause."""
    head = t
    while head.dep_ == "conj" and head.head.i != head.i:  # "left two killed and five wounded"
        head = head.head
    if head.dep_ in ("ccomp", "xcomp", "oprd", "advcl", "pcomp") and head.head.lemma_.lower() in _PARTICIPLE_HEADS:
        return True
    return head.dep_ in ("pcomp", "pobj", "advcl") and head.head.lower_ in ("with", "without") or any(
        c.dep_ == "mark" and c.lower_ in ("with", "without") for c in head.children)


def protest_aims(trigger) -> list[tuple[object, str]]:
    """(token, rule) for whom a protest is aimed at, when its own clause names no one: the targets of the
    clause stating its aim, when that is to oppose someone (``verb_frames.tsv`` role ``opposing``: "went on hunger
    strike to protest against the new law", "blocked roads to demand the minister's resignation"; not "rallied to
    support the president") and the object of an "in protest at/against/of/over" phrase."""
    special, _ = _frames()
    out: list[tuple[object, str]] = []
    # a protest noun's aim may hang from its verb: "went on hunger strike to protest ...", "staged a strike to ..."
    heads = [trigger]
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "pobj"):
        verb = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
        if verb.pos_ == "VERB":
            heads.append(verb)
    for c in (c for h in heads for c in h.children):
        if c.dep_ in ("advcl", "acl", "xcomp") and c.pos_ == "VERB" and (any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children) or c.tag_ == "VBG" and c.dep_ == "advcl"
                and not any(a.dep_ in _SUBJ for a in c.children)) \
                and special.get((c.lemma_.lower(), "(aim)")) == "opposing":
            # "to demand ...", or a participle beside it: "rallied calling for ...", "marched chanting slogans against"
            _, targets = find_arguments(c)
            out += [(t, f"{rule}, the aim of '{trigger.text}'") for t, rule in targets
                    if not (t.dep_ == "pobj" and t.head.lower_ == "with")]  # "calling for solidarity with Ukraine"
        elif c.dep_ == "prep" and c.lower_ == "in" and (o := _pobj(c)) is not None \
                and o.lemma_.lower() in ("protest", "defiance"):
            # "in protest at the air strikes", "in defiance of a ban imposed by the junta"
            out += [(_pobj(p), f"'{p.text}' object of 'in {o.text}' ('{trigger.text}')") for p in o.children
                    if p.dep_ == "prep" and p.lower_ in ("at", "against", "of", "over") and _pobj(p) is not None]
    return out


def _reacts(verb, noun, special) -> bool:
    """The subject of ``verb`` answers or reacts to the act its object ``noun`` names, so it is not its doer
    (``verb_frames.tsv`` role ``reaction``: "Egypt condemned the bombing"; role ``answer``: "the government refused
    the demands", but one who accepts or rejects a deal, a truce or talks, nouns of role ``mutual``, is a party to
    it; role ``denial``: one who denies a statement did not make it, one who denies an attack is its alleged doer;
    role ``topic``: one who talks over an incident that happened did not do it)."""
    role = special.get((verb.lemma_.lower(), "(object event)"))
    lemma = noun.lemma_.lower()
    if role == "answer":
        return special.get((lemma, "(object event)")) != "mutual"
    if role == "denial":
        return lemma in cue_words("speech_act_noun")
    if role == "topic":  # "the Security Council discussed an attack": not its doer; "discussed a deal": a party, and
        # so may be who talks over a proposed act ("Israeli ministers debated a military strike on Iran")
        from .attributes import proposal_talked_over  # (attributes imports nothing from actors)
        return lemma in trigger_lemmas("N", ("ASSAULT", "COERCE", "PROTEST")) \
            and not proposal_talked_over(noun, noun, verb)
    return role in ("reaction", "undergoing")


def threat_conditions(trigger) -> list[tuple[object, str]]:
    """(token, rule) for whom a threat is made against, when its clause names no one: the subject of its
    condition ("threatened to strike unless Israel rescinded the law", "... if Baghdad refuses"), on the
    threatening verb or the verb it controls; not a pronoun (often the threatener: "unless they are paid")."""
    out: list[tuple[object, str]] = []
    for head in [trigger] + [c for c in trigger.children if c.dep_ == "xcomp"]:
        for c in head.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children):
                out += [(g, f"subject of the condition '{c.text}' of '{trigger.text}'")
                        for g in c.children if g.dep_ in ("nsubj", "nsubjpass") and g.pos_ != "PRON"]
    return out


def _own(tok) -> bool:
    """An object the subject owns ("withdrew its troops", "their bases"): a pronoun possessor, no target; not a
    counterpart, who is by definition the other side ("met his Russian counterpart"), nor one an apposition names
    ("endorsed his former rival, Joe Biden") unless the verb sends or calls back one's own agents (``verb_frames.tsv``
    role ``sending``: "recalled its ambassador, Naledi Pandor"), nor one whose "his"/"her" is no person the subject
    is ("police arrested her son"; nor a plural subject: "the rebels released his hostage")."""
    pronoun = next((p for p in tok.children if p.dep_ == "poss" and p.pos_ == "PRON"), None)
    if pronoun is None or _counterpart(tok):
        return False
    if pronoun.lower_ in ("his", "her") and not any(  # "police arrested her son": not the police's; nor a plural
            (s.ent_type_ == "PERSON" or s.lower_ in ("he", "she") or s.lemma_.lower() in cue_words("person"))
            and s.tag_ not in ("NNS", "NNPS") for s in tok.head.children if s.dep_ in ("nsubj", "nsubjpass")):
        return False  # subject's: "the rebels released his hostage"
    sent_own = tok.dep_ == "dobj" and _frames()[0].get((tok.head.lemma_.lower(), "(object)")) == "sending" \
        and tok.lemma_.lower() in cue_words("own_agent")  # (not "sent his ally, X, a message")
    return sent_own or not any(
        a.dep_ == "appos" and a.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for a in tok.children)


def _counterpart(tok) -> bool:
    """"counterpart(s)" or "opposite number(s)": the holder of the same office on the other side."""
    return tok.lemma_.lower() == "counterpart" or (
        tok.lemma_.lower() == "number" and any(c.lower_ == "opposite" and c.dep_ == "amod" for c in tok.children))


_WHERE_PREPS = frozenset({"in", "near", "outside", "inside", "across", "throughout"})  # (not "at", "around": "fired
# at Ahmed Salah", "rallied around Sonko")


def _placed_by_preposition(tok) -> bool:
    """``tok``, a one-word name, is the object of a preposition of place ("in Gao", "near Tillaberi"): a place,
    whatever entity label spaCy gave it; not a full name ("lost confidence in Ahmed Salah") nor a name described in
    apposition ("lost trust in Bako, the local chief")."""
    ent = _entity_of(tok)
    return tok.dep_ == "pobj" and tok.head.lower_ in _WHERE_PREPS and ent is not None and len(ent) == 1 \
        and not any(c.dep_ == "appos" for c in tok.children)


def _named(tok) -> bool:
    """A phrase head that names someone: a proper noun or a named entity ("Japan", "the U.S."; not
    "American bombs")."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")


def _prep_objects(tok, preps: tuple[str, ...]) -> list[tuple[object, str]]:
    """``(object, preposition)`` of ``tok``'s prepositional phrases headed by one of ``preps``; a "with"
    phrase only when it names someone, or people of a named origin ("talks with Japan", "joint patrols with
    soldiers from Chad", "a meeting with his Cambodian counterpart"; "airstrikes with American bombs" is an
    instrument, "staged a strike with nurses" names fellow strikers)."""
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            o = _pobj(c)
            if o is not None and (c.lower_ != "with" or _named(o) or _agent_noun(o) and _of_named_origin(o)):
                out.append((o, c.text))
    return out


_MANDATIVE_AUX = {"to", "be", "should", "must"}


def _controller(clause, special: dict[tuple[str, str], str]):
    """Who is to do what the to-infinitive ``clause`` says, when its governing verb names someone as object (object
    control, ``verb_frames.tsv`` role ``controlling``: "urged Hamas to release", "allowed the opposition to hold a
    rally"; a verb of asking's "for" object: "called for Beijing to stop") rather than its own subject ("promised
    voters to cut taxes": the promiser; "used drones to attack", "occupied the university to demand": a purpose)."""
    verb = clause.head
    if clause.dep_ not in ("xcomp", "advcl") \
            or not any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children) \
            or any(a.dep_ in _SUBJ | {"nsubjpass"} for a in clause.children):
        return None
    for c in verb.children:
        if c.i > clause.i:
            break
        # (a purpose clause, an advcl, is its subject's doing: "arrested the man to question him"; only the "for"
        # object of a verb of asking, which spaCy may hang a complement beside, asks: "called for Beijing to stop")
        o = c if c.dep_ in ("dobj", "dative") and clause.dep_ == "xcomp" \
            and special.get((verb.lemma_.lower(), "(object to)")) == "controlling" else _pobj(c) if c.dep_ == "prep" and (
            c.lower_ == "for" and special.get((verb.lemma_.lower(), "for")) == "asking" or c.lower_ == "on"
            and verb.lemma_.lower() == "call") else None
        if o is not None and _names_someone(o):
            return o
    return None


def _directive_clause(clause, special: dict[tuple[str, str], str]) -> str | None:
    """A complement clause that says who is to act: a mandative subjunctive ("demanded that the US
    cancel", "... that its partners should refuse") or an infinitive with its own subject ("allowed the
    opposition leader to hold a rally"); not a report or a prediction ("warned that police will no longer
    tolerate rallies", "said that Israel had strengthened its forces")."""
    aux = [c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a not in _MANDATIVE_AUX for a in aux):
        return None
    if "to" in aux:
        return "infinitive" if clause.tag_ == "VB" else None
    # the base form; a plural subject's base form is tagged present ("that the United States cancel" is
    # VBP): that reads as a subjunctive only after a verb of demanding (verb_frames.tsv, "(that)"
    # mandative rows), not after a report ("denied that Russian jets bomb civilians")
    if clause.tag_ == "VB" or clause.tag_ == "VBP" and special.get((clause.head.lemma_.lower(), "(that)")) == "mandative":
        return "subjunctive"
    return None


@lru_cache(maxsize=None)
def _own_target_preps() -> dict[str, tuple[str, ...]]:
    """{verb lemma: prepositions whose object is its target} from the lemma-specific ``target`` rows of
    ``verb_frames.tsv`` ("demand from": "demanded autonomy from the Serbian authorities")."""
    out: dict[str, tuple[str, ...]] = {}
    for (lemma, prep), role in _frames()[0].items():
        if role == "target":
            out[lemma] = out.get(lemma, ()) + (prep,)
    return out


def _inner_targets(t, special: dict[tuple[str, str], str], generic: tuple[str, ...]) -> list[tuple[object, str]]:
    """Targets a verb's clause states further in, tried after its own objects:

    * whom the act a "for" phrase names is with ("arrived in Baghdad for talks with the Iraqi prime minister");
    * the direct object's prepositional object ("shared evidence with the U.S.");
    * the subject of a complement clause, who is asked, allowed or made to act ("demanded that the US
      cancel", "allowed the opposition leader to hold a rally");
    * whom a participle of harming that follows it (``cues.tsv`` kind ``harm``) harms ("launched missiles at Odesa,
      killing five people");
    * what a controlled verb ("agreed to ...") or a joined verb that shares this one's subject and
      states the objects this one lacks ("donated and delivered goods to the hospital") acts on: its
      object's prepositional object ("agreed to lift the embargo on Iran"), its own "to"/"for"...
      object when it has a direct object ("agreed to send troops to Syria"; not the destination of
      "returned to their bases"), then its direct object: a joined verb's always ("shooting and
      killing two people"), a controlled verb's when it names someone ("agreed to recognise Serbia";
      not "agreed to withdraw its troops"); none of a controlled verb's when this verb's object is a person, who is
      the one ordered or asked ("ordered Rudy Giuliani to pay ... to two election workers")."""
    out: list[tuple[object, str]] = []
    # "arrived in Baghdad for talks with the Iraqi prime minister": the act it is for names whom it is with
    for c in t.children:
        o = _pobj(c) if c.dep_ == "prep" and c.lower_ == "for" else None
        if o is not None and _is_act_noun(o):
            out += [(_pobj(w), f"'with' object of '{o.text}', the act '{t.text}' is for") for w in o.children
                    if w.dep_ == "prep" and w.lower_ == "with" and _pobj(w) is not None]  # a partner, not a tool
    own_arguments = any(c.dep_ in ("dobj", "dative", "prep") for c in t.children)
    # "demanded autonomy from the Serbian authorities": asked of them (verb_frames.tsv rows "demand from target")
    own = _own_target_preps().get(t.lemma_.lower(), ())
    taking = special.get((t.lemma_.lower(), "from")) == "taking"
    for c in t.children:
        if c.dep_ == "dobj":
            out += [(o, f"'{p}' object of '{c.text}', object of '{t.text}'")
                    for o, p in _prep_objects(c, generic + (() if _from_no_party(c, special) else own))]
            if taking and (c.ent_type_ in ("GPE", "LOC", "FAC") or c.lemma_.lower() in _TERRITORY):
                # "seized Crimea from Ukraine" (spaCy hangs the "from" on the object): who loses the territory
                out += [(o, f"'from' object of '{c.text}', taken by '{t.text}' (frame)") for o, _ in _prep_objects(c, ("from",))]
    # "called for UN action", "demanded Israeli withdrawal": whoever is to do the act asked for is asked (a verb of
    # demanding, verb_frames.tsv "(that) mandative", or asking "for", role "asking"; not "demanded Navalny's
    # release": a patient noun's possessor undergoes it)
    lemma = t.lemma_.lower()
    asks = special.get((lemma, "(that)")) == "mandative"
    for c in t.children:
        act = c if c.dep_ == "dobj" and asks else _pobj(c) if c.dep_ == "prep" and c.lower_ == "for" and (
            asks or special.get((lemma, "for")) == "asking") else None
        if act is not None and _is_act_noun(act) and special.get((act.lemma_.lower(), "(poss)")) != "patient":
            out += [(m, f"{m.dep_} of '{act.text}', the act '{t.text}' asks for (who is to do it)") for m in act.children
                    if m.dep_ == "poss" and m.pos_ != "PRON" or m.dep_ in ("compound", "amod") and m.pos_ in ("ADJ", "PROPN")]
            # "called for the resignation of the prime minister", "the withdrawal of Russian troops": its maker
            out += [(_pobj(m), f"'of' object of '{act.text}', the act '{t.text}' asks for (who is to do it)")
                    for m in act.children if _maker_of(act, m, special)]
    # "called for Beijing to stop the drills" (spaCy: "for Beijing" a prepositional object, "to stop" its sibling):
    # whom the verb of asking asks (``_controller``; a direct object is the verb's own target already)
    out += [(ctl, f"'{ctl.head.text}' object of '{t.text}', who is to '{c.text}'") for c in t.children
            if (ctl := _controller(c, special)) is not None and ctl.dep_ == "pobj"]
    # "launched missiles at Odesa, killing five people": whom a participle of harming that follows it harms
    out += [(g, f"{g.dep_} of '{c.text}', the harm done by '{t.text}'") for c in t.children
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in cue_words("harm")
            and not any(g.dep_ in _SUBJ for g in c.children)
            for g in c.children if g.dep_ == "dobj"]
    for c in t.children:
        joined = c.dep_ == "conj" and c.pos_ == "VERB" and not own_arguments \
            and not any(g.dep_ in _SUBJ | {"nsubjpass"} for g in c.children)
        kind = _directive_clause(c, special) if c.dep_ == "ccomp" or c.dep_ == "advcl" and (
            asks or special.get((lemma, "for")) == "asking") and any(
            m.dep_ == "mark" and m.lower_ == "for" for m in c.children) else None  # "called for Ruto to resign"
        if kind:
            out += [(g, f"subject of '{c.text}', the {kind} clause '{t.text}' governs")
                    for g in c.children if g.dep_ == "nsubj" and g.pos_ != "PRON"]
        elif c.dep_ == "xcomp" and any(d.dep_ == "dobj" and (d.ent_type_ == "PERSON" or d.lower_ in ("him", "her", "them"))
                                       for d in t.children):
            pass  # "ordered Rudy Giuliani (him) to pay $148 million to two election workers": the person ordered is
            # the target, in the tables or not, not whom the controlled verb acts on
        elif c.dep_ == "xcomp" or joined:
            rel = "controlled verb" if c.dep_ == "xcomp" else "verb joined to it"
            objects = [g for g in c.children if g.dep_ in ("dobj", "dative")]
            for g in objects:
                out += [(o, f"'{p}' object of '{g.text}', object of '{c.text}' ({rel} of '{t.text}')")
                        for o, p in _prep_objects(g, generic + ("for",))]
            if objects:
                out += [(o, f"'{p}' object of '{c.text}', {rel} of '{t.text}'")
                        for o, p in _prep_objects(c, generic + ("for",))]
            # a joined verb's object is this verb's too ("shooting and killing two people"); a controlled
            # verb's is often a theme ("agreed to send troops"), so only one that names someone
            out += [(g, f"{g.dep_} of '{c.text}', {rel} of '{t.text}'") for g in objects
                    if (joined or _named(g)) and not _own(g)]
    return out


def _gender_evidence(text: str, para, people: list[_Mention], ctx: ActorContext) -> None:
    """What a paragraph (``text``, its ``para``) says of its people's gender (``ctx.genders``, by full name: a
    Hillary and a Bill Clinton are two): a gendered word in a person's own phrase ("Princess Ubolratana", "Mr
    Johnson"), and a subject he/she outside quotes whose sentence names one person before it, the subject of a
    clause the pronoun's clause hangs from ("Pelosi announced that she would ..."; not "Merkel criticised his
    remarks", whose "his" is someone else's, nor "May appointed him Foreign Secretary, which he served as").
    ``people``: the paragraph's named person mentions. Reads the text: only a pronoun's sentence is parsed."""
    words = _gender_words()

    def vote(m: _Mention, gender: str) -> None:
        votes = ctx.genders.setdefault((m.actor.name or "").casefold(), {})
        votes[gender] = votes.get(gender, 0) + 1

    for m in people:
        for w in _tokens(m.actor.text):
            if w.casefold() in words:
                vote(m, words[w.casefold()])
    quotes = 0
    for hit in _HE_SHE_OR_QUOTE.finditer(text):
        if hit.group() in _QUOTE_MARKS:
            quotes += 1
            continue
        span = para.doc.char_span(hit.start(), hit.end()) if quotes % 2 == 0 else None
        if span is None or span[0].dep_ not in ("nsubj", "nsubjpass"):
            continue
        lo = para.start + span[0].sent.start_char
        before = {m.actor.name: m for m in people if lo <= m.offset < para.start + hit.start()}
        if len(before) == 1 and next(iter(before.values())).offset in _governing_subjects(span[0], para.start):
            vote(next(iter(before.values())), _GENDER_PRONOUNS[hit.group().lower()])


def _governing_subjects(pronoun, start: int) -> set[int]:
    """Offsets of the subjects of the verbs a subject pronoun's clause hangs from through clauses only ("Pelosi
    announced that she would": Pelosi; not "May appointed him Foreign Secretary, which he served as": the
    relative clause hangs from a noun)."""
    verb, verbs = pronoun.head, [pronoun.head]
    while verb.dep_ in ("ccomp", "xcomp", "conj", "advcl", "parataxis") and verb.head.i != verb.i:
        verb = verb.head
        verbs.append(verb)
    return {start + _phrase(c).start_char for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass")}


class ActorsStage(Stage):
    """Set ``event.source`` / ``event.target`` for every event of every article."""

    name = "actors"

    def setup(self) -> None:
        self.resolver = ActorResolver()
        self.speech_words = cue_words("speech")
        self.patient_verbs = cue_words("patient_verb")

    def _context(self, work: Work, date: dt.date | None) -> ActorContext:
        """Actors named in the article (noun phrases that resolve), for pronouns and bare titles.

        Read lazily, a paragraph at a time: ``ctx.at(position)`` first reads every paragraph that starts
        before ``position`` (a mention's offset lies inside its paragraph, so the mentions before a
        position are all known then, and each phrase is resolved with the mentions before it, as in
        one pass over the whole article)."""
        from .attributes import find_quotes

        ctx = ActorContext(passages=find_quotes(work, self.speech_words))  # (a quote's speaker is not its "they")
        read = 0  # paragraphs read (or being read)

        def fill(position: int) -> None:
            nonlocal read
            while read < len(work.paragraphs) and work.paragraphs[read].start < position:
                p_index, para = read, work.paragraphs[read]
                read += 1
                ctx.people[p_index] = {_surname_key(e.text) for e in para.doc.ents if e.label_ == "PERSON"}
                ctx.texts[p_index] = work.article.text[para.start:para.end]
                people: list[_Mention] = []
                for tok in _phrase_heads(para.doc):
                    phrase = _phrase(tok)
                    offset = para.start + phrase.start_char
                    actor = self.resolver.resolve(phrase, date=date, context=ctx.at(offset, p_index))
                    if tok.ent_type_ == "ORG" and tok.pos_ == "PROPN":  # a named body: "the commission" later
                        named = self._named(tok, phrase)
                        body = actor if actor is not None and actor.name else named if actor is None or named is None \
                            else actor.model_copy(update={"name": named.name})  # "the US Embassy": USA GOV, named
                        if body is not None and body.name and not body.reason.startswith("'"):
                            ctx.add_body(offset, body)
                    if actor is None and tok.ent_type_ == "PERSON" and not _placed_by_preposition(tok):
                        actor = self._named(tok, phrase)  # in no table: "he" may still be this person (not a town
                        # spaCy calls a person: "arrested a journalist in Gao. Soldiers beat him")
                    if actor is not None:
                        person = bool(actor.name) and (any(t.ent_type_ == "PERSON" for t in phrase)
                                                       or actor.basis is not None)
                        # a partitive's people stand where the partitive does ("25 members of an opposition party")
                        outer = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" \
                            and tok.head.head.lower_ in _words("partitives", "quantity") else tok
                        verb = outer.head.head if outer.head.dep_ == "conj" else outer.head
                        m = ctx.add(offset, p_index, actor, person=person, subject=outer.dep_ in ("nsubj", "nsubjpass"),
                                    plural=tok.tag_ == "NNPS" or tok.tag_ == "NNS" and tok.ent_type_ != "PERSON"
                                    or outer is not tok and outer.tag_ in ("NNS", "CD")
                                    or any(c.dep_ == "conj" for c in tok.children),  # ("Buttigieg and Klobuchar")
                                    end=para.start + phrase.end_char, group=self.resolver.may_be_they(tok, phrase),
                                    org=actor.name in self.resolver.org_names,
                                    patient=outer.dep_ == "dobj" and outer.head.lemma_.lower() in self.patient_verbs,
                                    main=verb.dep_ == "ROOT", kin=_described_as_kin(tok))
                        if person and actor.name:
                            people.append(m)
                if people:
                    _gender_evidence(ctx.texts[p_index], para, people, ctx)

        ctx.fill = fill
        return ctx

    def _named(self, tok, phrase) -> Actor | None:
        """A person or organisation named by its proper name but in no actor table ("28-year-old Usman Khan
        stabbed several people"): an actor with its name and no country or sector, so that the event says who
        and the user sees it is not coded. Not a news medium, not a place."""
        if tok.pos_ != "PROPN" or tok.ent_type_ not in ("PERSON", "ORG"):
            return None
        ent = _entity_of(tok)
        if ent is None or self.resolver.is_media(ent.text) and not (tok.ent_type_ == "PERSON" and len(ent) > 1):
            return None  # (a person's full name is no medium: "Michael Bloomberg", "Dawn Butler")
        name = _entity_name(ent) or ent.text
        return Actor(text=phrase.text, name=name, basis="person" if tok.ent_type_ == "PERSON" else None,
                     reason=f"{tok.ent_type_.lower()} '{name}' is in no actor table: named, no country or sector")

    def _actors_behind(self, targets: list[tuple[object, str]], event_type: str | None = None) -> list[tuple[object, str]]:
        """Targets with, before a noun that names an act rather than an actor (``_is_act_noun``: "Serbia's
        suppression", "calls by Belarus's rulers"), who stands behind that act (``_behind``): an event is done to
        the actor whose act it answers (CAMEO codes "Albania denounced Serbia's suppression" as done to Serbia).
        For an attack, a raid or a protest (``_PROPERTY_TARGET_TYPES``), before a thing or a place someone holds,
        its owner instead (``_owners``: "shelled positions of the SDF" is done to the SDF)."""
        out: list[tuple[object, str]] = []
        for tok, rule in targets:
            owners = _owners(tok) if event_type in _PROPERTY_TARGET_TYPES else []
            if owners:  # the owner only: "the headquarters of the Awami League in Dhaka" is not Dhaka's
                out += [(b, f"{how}, {rule}", (tok, "act")) for b, how in owners]
                continue
            if _is_act_noun(tok):
                out += [(b, f"{how}, {rule}", (tok, "act")) for b, how in _behind(tok)]
            out.append((tok, rule))
        return out

    @staticmethod
    def _doers_behind(sources: list[tuple]) -> list[tuple]:
        """Sources with, before a subject that names an act ("An attack by Islamist militants killed 30 soldiers",
        "a wave of attacks by militants", "Russia's shelling killed five"; a passive's act, "were killed in an attack by
        militants"), who does that act (``_behind``). For
        force only: an act that kills or detains is its doer's; one that "spurred thousands to protest" or "halted
        exports" is not its doer's act of support or concession."""
        out: list[tuple] = []
        for cand in sources:
            tok, rule = cand[0], cand[1]
            if (rule.startswith("nsubj") or " act of passive " in rule) and _is_act_noun(tok):
                out += [(b, f"{how}, {rule}", (tok, "act")) for b, how in _behind(tok)]
            out.append(cand)
        return out

    def _pick(self, candidates, date, ctx, work, exclude=None, event_type: str | None = None):
        """First candidate whose phrase resolves to an actor, with the syntactic rule in the reason; when none
        does, the first that names a person or organisation the tables lack (``_named``)."""
        found = self._pick_from(candidates, date, ctx, work, exclude, False, event_type)
        return found if found[0] is not None else self._pick_from(candidates, date, ctx, work, exclude, True, event_type)

    def _pick_target(self, candidates, source: Actor | None, doc, date, ctx, work, used) -> Actor | None:
        """``_pick`` for the target, who is not the source again: a pronoun object coding as the source ("police
        fired tear gas at them", the resolver's most recent actor being the subject) or a title resolved to the
        source's own name ("Lavrov met his counterpart") gives way to the next candidate. A counterpart holds the
        source's office: a general's counterpart is military, a minister's government."""
        target, t_i = self._pick(candidates, date, ctx, work, exclude=used)
        if t_i is not None and source is not None and (
                doc[t_i].pos_ == "PRON" and _same_actor(source, target) or target.name and target.name == source.name):
            target, t_i = self._pick([c for c in candidates if c[0].i != t_i], date, ctx, work, exclude=used)
        if t_i is not None and _counterpart(doc[t_i]) and source is not None and source.sector \
                and target.sector != source.sector:
            target = target.model_copy(update={
                "sector": source.sector, "reason": f"{target.reason}; a counterpart holds the source's office: {source.sector}"})
        return target

    def _pick_from(self, candidates, date, ctx, work, exclude, named: bool, event_type: str | None):
        for tok, rule, whole in self._expanded(candidates):
            if exclude is not None and tok.i == exclude:
                continue
            phrase = _phrase(tok)
            p_index = next((i for i, p in enumerate(work.paragraphs) if p.doc is tok.doc), None)
            start = work.paragraphs[p_index].start if p_index is not None else 0
            if named:
                actor = self._named(tok, phrase)
            else:
                actor = self.resolver.resolve(phrase, date=date, context=ctx.at(start + phrase.start_char, p_index))
            if actor is None:
                continue
            if _REPORTED_PASSIVE in rule and actor.sector not in _authorities().get(event_type, ()):
                continue  # "Police said 12 were arrested" did it; "Residents said they would be killed" did not
            if tok.pos_ == "ADJ" and rule.startswith("amod of") \
                    and tok.lemma_.lower() in _words("event_modifiers", "descriptive"):
                continue  # "an official inquiry", "a military offensive" say what kind, not who ("terrorist attack" does)
            if rule.startswith("compound of") and actor.reason.startswith("capital_metonym") \
                    and tok.head.lemma_.lower() in _words("event_modifiers", "venue"):
                continue  # "the Moscow talks", "the Kabul bombing": the city says where ("Washington sanctions": who)
            if whole is not None:
                actor = self._with_whole(actor, whole[0], date, ctx, work, act=whole[1] == "act")
            extra = _conjuncts(tok)
            note = f"; coordinated with {', '.join(extra)} (first conjunct kept)" if extra else ""
            return actor.model_copy(update={"reason": f"{rule}: {actor.reason}{note}"}), tok.i
        return None, None

    @staticmethod
    def _expanded(candidates):
        """(token, rule, whole) to try, in order: a relative pronoun is its antecedent; a partitive ("Hundreds of
        farmers", "a crowd of mourners"; not a name: "the Group of Seven") is tried as its "of" object, then as
        itself; a candidate that stands inside a larger phrase (a partitive's people, a possessor of an act) keeps
        that phrase (``whole``) to borrow a country or sector from."""
        for cand in candidates:
            tok, rule = cand[0], cand[1]
            whole = cand[2] if len(cand) > 2 else None
            if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
                tok = tok.head.head
                rule += " (relative pronoun -> antecedent)"
            if tok.lower_ in _words("partitives", "quantity") and tok.pos_ != "PROPN" and tok.ent_type_ != "ORG":
                of = next((_pobj(c) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                if of is not None:
                    yield of, rule + f" (its people: the 'of' object '{of.text}')", (tok, "group")
            yield tok, rule, whole
            if tok.pos_ == "NOUN" and tok.lemma_.lower() not in _TERRITORY:  # "two former aides, John Smith and
                for c in tok.children:                                             # Mary Jones,": the names say who
                    if c.dep_ == "appos" and (c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG") or c.pos_ == "NOUN"):
                        yield c, rule + f" (its apposition '{c.text}')", whole  # ("his hostage, an American missionary")

    def _with_whole(self, actor: Actor, whole, date, ctx, work, act: bool) -> Actor:
        """A narrowed actor ("the opposition's" in "Israel's military campaign", "mourners" in "a crowd of mourners in
        Khartoum") with the sector or country that only the larger phrase states: for the possessor of an act, the
        words up to the act noun ("Israel's military campaign": MIL; not "the settlers' attack on Palestinians in the
        West Bank": the victims' and the place's country is not the doers'); for a partitive's people, the whole
        group ("a crowd of mourners in Khartoum": SDN); never a country for an international body. Its text loses
        a possessive 's and stray quotes ("'Yellow Vest' protesters")."""
        text = re.sub(r"\s*['’]s?$", "", actor.text)
        text = re.sub(r"(?<!\w)['‘’\"“”]|['‘’\"“”](?!\w)", "", text).strip() or actor.text
        update: dict = {"text": text}
        if actor.country is None or actor.sector is None:
            phrase = _phrase(whole)
            if act:
                phrase = phrase.doc[phrase.start:whole.i + 1]
            p_index = next((i for i, p in enumerate(work.paragraphs) if p.doc is whole.doc), None)
            start = work.paragraphs[p_index].start if p_index is not None else 0
            outer = self.resolver.resolve(phrase, date=date, context=ctx.at(start + phrase.start_char, p_index))
            if outer is not None:
                if actor.sector is None and outer.sector:
                    update["sector"] = outer.sector
                if actor.country is None and outer.country and (update.get("sector") or actor.sector) not in ("IGO", "NGO"):
                    update["country"] = outer.country
                if len(update) > 1:
                    update["reason"] = actor.reason + f"; {', '.join(k for k in update if k not in ('text', 'reason'))} " \
                                                      f"from the phrase '{phrase.text}'"
        return actor.model_copy(update=update)

    def _quoted_statements(self, work: Work, date, ctx: ActorContext, speaker_may_be_source: set[str],
                           first_person: set[str]) -> None:
        """A verbal event stated inside a quote ("The fall of Kunduz was a failure ... the government
        in Kabul is not taking responsibility", says Haroon Mir): the speaker is its source when the
        clause names no one else (no pronoun or proper-noun subject but "we"/"I") and the speaker is
        not a news medium; its target, when the clause names none, is the first actor with a country named in
        the rest of the quote (not the source's own). Any event whose subject is "I" or "we" in a quote
        ("I will totally destroy the economy of Turkey") also has the speaker as its source; only such an event does
        when the quote is words inside the reporter's own sentence ('police said the suspects had "confessed to
        planning the attack"': ``Passage.embedded``), whose syntax gives its actors."""
        quoted = [ev for ev in work.events if ev.event_type in VERBAL_TYPES and (ev.source is None or ev.target is None)
                  or ev.source is None and ev.event_id in first_person]
        if not quoted:
            return
        from .attributes import find_quotes  # attributes imports nothing from actors; kept local to show the use

        quotes = find_quotes(work, self.speech_words)
        for ev in quoted:
            q = next((p for p in quotes if p.start <= ev.trigger.start < p.end), None)
            if q is None:
                continue
            start, end, quote, speaker_at, embedded = q
            if ev.source is None and quote.speaker and ev.event_id in speaker_may_be_source \
                    and (not embedded or ev.event_id in first_person) \
                    and not self.resolver.is_media(quote.speaker):
                p_index = next((i for i, p in enumerate(work.paragraphs) if p.start <= end - 1 < p.end), None)
                # a speaker named before the quote ("he said, \"...\"") is read where it stands, not after the quote
                head = work.token_at(speaker_at) if speaker_at is not None and speaker_at < start else None
                tok = head if head is not None and " " not in quote.speaker else None
                at = speaker_at if tok is not None else speaker_at + len(head) if head is not None else end
                actor = self.resolver.resolve(_phrase(tok) if tok is not None else quote.speaker, date=date,
                                              context=ctx.at(at, p_index))
                words = quote.speaker.split()
                named = quote.speaker[:1].isupper() and quote.speaker.lower() not in _PRONOUNS and not (
                    words[0].lower() in _SPEAKER_DETERMINERS and not any(x[:1].isupper() for x in words[1:]))
                # a reporter is no party; an unresolved "he said" or "the group said" names no one
                if not (actor is not None and actor.sector == "MED" or actor is None and not named):
                    ev.source = (actor or Actor(text=quote.speaker, name=quote.speaker, reason="")).model_copy(
                        update={"reason": "speaker of the quote that states the event"
                                + (f": {actor.reason}" if actor else " (not in the actor tables)")})
            if ev.target is None and ev.event_type in VERBAL_TYPES:
                ev.target = self._first_actor_in(work, ev.trigger.end, end, date, ctx, exclude=ev.source)

    def _first_actor_in(self, work: Work, start: int, end: int, date, ctx: ActorContext, exclude) -> Actor | None:
        for p_index, para in enumerate(work.paragraphs):
            if para.end <= start or para.start >= end:
                continue
            for tok in para.doc:
                offset = para.start + tok.idx
                if not start <= offset < end or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in _NOT_HEADS:
                    continue
                phrase = _phrase(tok)
                actor = self.resolver.resolve(phrase, date=date, context=ctx.at(offset, p_index))
                if actor is None or actor.country is None:
                    continue
                if exclude is not None and ((actor.name or actor.text) == (exclude.name or exclude.text)
                                            or (actor.country == exclude.country and exclude.country)):
                    continue
                return actor.model_copy(update={"reason": f"the clause names no target: first actor later in the "
                                                          f"same quote, '{phrase.text}': {actor.reason}"})
        return None

    def process_one(self, work: Work) -> None:
        if not work.events:
            return
        date = None
        if work.article.published:
            try:
                date = dt.date.fromisoformat(work.article.published)
            except ValueError:
                date = None
        ctx = self._context(work, date)
        speaker_may_be_source: set[str] = set()  # events whose clause names no one but "we"/"I"
        first_person: set[str] = set()  # events whose own subject is "I" or "we"
        for event in work.events:
            tok = work.token_at(event.trigger.start)
            if tok is None:
                continue
            # a bare dictionary verb codes an actor-on-actor clause only (PETRARCH): its own arguments
            sources, targets = find_arguments(tok, inner=not event.reasons.get("type", "").startswith(DICTIONARY_REASON))
            if event.event_type == "MOBILIZE":  # the forces moved are its theme: "dispatched a battalion to the CAR"
                targets = [(t, r) for t, r in targets if not r.startswith("dobj of")]
            doers = self._doers_behind(sources) if event.event_type in ("ASSAULT", "COERCE") else sources
            forced = _force_done(tok) if event.event_type in ("ASSAULT", "COERCE") else []
            targets = targets + forced
            event.source, used = self._pick(doers, date, ctx, work, event_type=event.event_type)
            event.target = self._pick_target(self._actors_behind(targets, event.event_type), event.source, tok.doc,
                                             date, ctx, work, used)
            if event.target is not None and not event.target.country and not event.target.sector \
                    and event.target.text in {_phrase(c).text for c, _ in forced}:
                event.target = None  # a building the tables cannot code ("struck the Jolo Cathedral"): whom the attack
                # hit, an earlier mention of it may name (back references)
            if event.event_type == "PROTEST" and (event.target is None or _only_a_place(event.target)):
                # whom the protest is aimed at, when its clause names no one, or only a place or a thing it blocks
                # or fills ("blocked a road in Niger to demand that the French army leave")
                aimed, a_i = self._pick(self._actors_behind(protest_aims(tok), event.event_type), date, ctx, work,
                                        exclude=used)
                behind = a_i is not None and (tok.doc[a_i].dep_ == "poss" or tok.doc[a_i].head.dep_ == "agent")
                if aimed is not None and (event.target is None or aimed.sector or aimed.name
                                          or aimed.country and aimed.country != event.target.country and behind):
                    # (a country behind the decision protested: "rules imposed by Kazakhstan"; not a place the
                    # aim names: "to demand scholarships in Russia")
                    event.target = aimed
            if event.target is None and event.event_type == "THREATEN":
                event.target, _ = self._pick(threat_conditions(tok), date, ctx, work, exclude=used)
            if event.target is None and event.event_type in _PLACE_TARGET_TYPES | {"THREATEN"}:
                # a threat falls where the act it threatens would: "threatened to impose a curfew in Algiers"
                # (the verb it controls, when the trigger is "threatened": not where the threat was made)
                controlled = [c for c in tok.children if c.dep_ == "xcomp"] if event.event_type == "THREATEN" else []
                heads = controlled or [tok]
                place, _ = self._pick([p for h in heads for p in place_targets(h, event.event_type)], date, ctx, work,
                                      exclude=used)
                if place is not None and place.country:
                    # the place's people, not its government: "Kabul" as a place is no AFG GOV
                    event.target = Actor(text=place.text, country=place.country, reason=place.reason)
            # the speaker may be the source when the clause names no one else: no subject-like word
            # that is a pronoun or a name ("They rejected..."), other than "we"/"I"
            if not any(t.pos_ in ("PRON", "PROPN") and t.lower_ not in _FIRST_PERSON for t, _ in sources):
                speaker_may_be_source.add(event.event_id)
            if sources and sources[0][0].lower_ in _FIRST_PERSON and sources[0][1].startswith("nsubj"):
                first_person.add(event.event_id)
        self._quoted_statements(work, date, ctx, speaker_may_be_source, first_person)
        # As in PETRARCH, a dictionary verb codes an event only between coded actors: without a
        # source or target that has a country or sector it is ordinary prose, not an event.
        work.events = [ev for ev in work.events if not ev.reasons.get("type", "").startswith(DICTIONARY_REASON)
                       or any(a is not None and (a.country or a.sector) for a in (ev.source, ev.target))]


# meetings, agreements and signings bring parties from elsewhere ("the minister arrived in Beijing for talks",
# "rebel leaders and officials signed a deal in Juba"): their place says nothing of their country
_MEETING_TYPES = {"CONSULT", "AGREE", "SUPPORT", "COOPERATE"}
# acts whose target is where they happen (the people attacked, arrested, aided, protested at); a statement's target
# may be anywhere
_PRESENT_TARGET_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "AID"}


# civil groups that are the story country's own even where only the article's focus places them ("police", "protesters",
# "residents"); soldiers, officials and armed groups there may be foreign
_LOCAL_SECTORS = {"COP", "OPP", "CVL", "MED", "JUD", "LEG", "EDU"}


# a speaker's first word that makes no name of a capitalised phrase: "His daughter and member" is nobody's name
_SPEAKER_DETERMINERS = {"his", "her", "their", "its", "our", "my", "your", "the", "a", "an", "this", "that"}


@lru_cache(maxsize=None)
def _outsider_words() -> frozenset[str]:
    return frozenset(r["word"] for r in _read_table("outsiders"))


def _elsewhere(actor: Actor, event_type: str, place) -> bool:
    """The actor's place need not be its country: a party to a meeting or a deal, people often from elsewhere
    (``outsiders.tsv``: settlers, peacekeepers, migrants, envoys, "foreign troops"), an actor whose phrase names
    a possessor the tables did not code ("Kosovo's prime minister"), or, for soldiers, officials and armed groups
    (not the civil groups of ``_LOCAL_SECTORS``: police, protesters, residents), a place the article's focus or
    the paragraph gave (lower confidence)."""
    words = {w.casefold() for w in _tokens(actor.text)}
    return event_type in _MEETING_TYPES or bool(words & _outsider_words()) \
        or re.search(r"['’]s\b", actor.text) is not None \
        or place.inferred == "focus" and actor.sector not in _LOCAL_SECTORS


_FOCUS_SHARE = 0.6  # the focus country's least share of the article's country evidence for an official to take it




@lru_cache(maxsize=None)
def _suspect_words(kind: str) -> frozenset[str]:
    """``suspect_words.tsv`` words of ``kind``: role_noun, charge_verb or not_suspect."""
    return frozenset(r["word"] for r in _read_table("suspect_words") if r["kind"] == kind)


@lru_cache(maxsize=1)
def _role_noun() -> re.Pattern:
    """A bare role noun as an actor's whole text: "the accused", "the suspected gunman"."""
    roles = "|".join(sorted(_suspect_words("role_noun")))
    return re.compile(rf"(?i)^(?:the|this)\s+(?:(?:alleged|suspected|accused|lone)\s+)?(?P<role>{roles})$")


def _role_person(work: Work) -> str | None:
    """The one person the article names as its suspect or attacker, or None: a PERSON of two or more words in
    apposition to a role noun ("Patrick Crusius, the suspect", "the gunman, John Doe"), named as one ("identified
    the suspect as John Doe", "the gunman was identified as John Doe"), or arrested, charged or detained ("John Doe
    was charged with murder", "police arrested John Doe", "An Australian, John Doe, appeared in court, charged
    with murder"); not when negated ("was not charged"), released, called a lawyer, judge, witness or victim, or
    an official the tables know.
    Two such people, or two names one inside the other ("John Doe", "John Doe Jr"), name no one."""
    found: set[str] = set()
    released: set[str] = set()
    for para in work.paragraphs:
        for ent in para.doc.ents:
            if ent.label_ != "PERSON" or len(ent) < 2:
                continue
            root = ent.root
            own = {t.lemma_.lower() for t in ent} | {c.lemma_.lower() for c in root.children if c.dep_ in (
                "appos", "compound", "amod")} | ({root.head.lemma_.lower()} if root.dep_ == "appos" else set())
            if own & _suspect_words("not_suspect"):
                continue
            titled = bool(own & _suspect_words("title"))  # no suspect, unless the one arrested or charged
            # the one arrested may be named in apposition: "police arrested a 24-year-old man, John Doe"
            held = root.head if root.dep_ == "appos" and root.head.pos_ == "NOUN" else root
            verb = held.head
            negated = any(c.dep_ == "neg" for c in verb.children)
            if verb.lemma_.lower() == "release" and held.dep_ in ("nsubjpass", "dobj"):
                released.add(ent.text)
            people = [ent.text] + [c.text for c in root.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"]
            roles, charges = _suspect_words("role_noun"), _suspect_words("charge_verb")
            if held.dep_ in ("nsubjpass", "dobj") and verb.lemma_.lower() in charges and not negated:
                found.update(people)
            elif titled:
                continue
            elif root.dep_ == "appos" and root.head.lemma_.lower() in roles or any(
                    c.dep_ == "appos" and c.lemma_.lower() in roles for c in root.children):
                found.update(people)
            elif root.dep_ == "pobj" and root.head.lower_ == "as" and (named_as := root.head.head).lemma_.lower() in (
                    "identify", "name") and (any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in roles
                                                 for c in named_as.children)  # "identified the gunman as", not "the victim as"
                                             or named_as.dep_ == "acl" and named_as.head.lemma_.lower() in roles):
                found.add(ent.text)  # (or "a gunman identified as John Doe")
            elif any(c.dep_ == "acl" and c.lemma_.lower() in charges for c in root.children):
                found.update(people)
            elif (subj := root.head if root.dep_ == "appos" else root).dep_ == "nsubj" and any(
                    c.dep_ in ("advcl", "conj") and c.tag_ == "VBN" and c.lemma_.lower() in charges
                    for c in subj.head.children):  # "(An Australian,) John Doe appeared in court, charged with"
                found.update(people)
    found -= released
    officials = {a.name for e in work.events for a in (e.source, e.target)  # "Donald Trump was indicted": no gunman
                 if a is not None and a.name and a.sector in ("GOV", "LEG", "JUD", "MIL", "COP", "IGO")
                 and _table_person(a)}  # (an official of the tables: not "former army officer John Doe")
    found = {n for n in found if n not in officials}
    if len(found) != 1:
        return None
    return next(iter(found))


def _link_role_nouns(work: Work) -> None:
    """"The accused", "the suspect", "the gunman" with no name of their own are the one person the article names
    as such (``_role_person``), with that person's country when another event gave one."""
    person = _role_person(work)
    if person is None:
        return
    country = next((a.country for e in work.events for a in (e.source, e.target)  # "An Australian, John Doe": AUS
                    if a is not None and a.country and person in a.text), None)  # the text's, not a table's match
    for event in work.events:
        for side in ("source", "target"):
            actor = getattr(event, side)
            if actor is not None and actor.name is None and (m := _role_noun().match(actor.text.strip())):
                setattr(event, side, actor.model_copy(update={
                    "name": person, "country": actor.country or country,
                    "reason": f"{actor.reason}; the {m.group('role')}: the one person the article names as its "
                              f"suspect or attacker, {person}"}))


_FORCE_TYPES = {"ASSAULT", "MOBILIZE", "THREATEN", "COERCE"}  # COERCE only by soldiers: "Israeli forces arrested"
_NON_STATE = {"CRM", "CVL", "OPP", "MED", "EDU", "REL", "BUS", "PTY", "NGO"}  # doers whose act is no war


def _between_countries(work: Work, country: str) -> bool:
    """Some act of force of the article, by a state or an armed group, is between the focus ``country`` and
    another ("Russian missiles struck Kyiv", "Pakistan struck hideouts in Afghanistan"): its unnamed officials may
    be of either side (a war or a strike story; not a domestic one that mentions a phone call abroad, nor an arrest
    or a lone foreign attacker)."""
    return any(e.event_type in _FORCE_TYPES and e.source is not None and e.target is not None
               and e.source.country and e.target.country and e.source.country != e.target.country
               and e.source.sector not in _NON_STATE and (e.event_type != "COERCE" or e.source.sector == "MIL")
               and country in (e.source.country, e.target.country)
               for e in work.events)


@lru_cache(maxsize=None)
def _country_names() -> dict[tuple[str, ...], str]:
    """A country's names and demonyms (``countries.tsv`` kinds ``name`` and ``demonym``), as lower-case word tuples:
    ("ukrainian",) -> UKR, ("south", "korea") -> KOR."""
    return {tuple(w.casefold() for w in _tokens(r["surface"])): r["country"]
            for r in _read_table("countries") if r["kind"] in ("name", "demonym") and r["country"]}


def headline_country(title: str | None) -> str | None:
    """The one country a headline names by a capitalised name or demonym ("Ukrainian president rejects prime
    minister's resignation": UKR), else None (none, or several: "UK urges US to waive immunity")."""
    names, words = _country_names(), _tokens(title or "")
    longest = max((len(k) for k in names), default=0)
    found = {names[key] for i, w in enumerate(words) if w[:1].isupper()
             for n in range(1, longest + 1) if (key := tuple(x.casefold() for x in words[i:i + n])) in names}
    return found.pop() if len(found) == 1 else None


def _country_share(work: Work, country: str, counts: Callable[[Actor], bool] = lambda a: True) -> float:
    """The share of the article's country evidence that is ``country``: its places (not those geo only guessed)
    and the countries of its events' actors that ``counts`` ("Russian missiles struck Kyiv": Russia counts too)."""
    countries = [p.country for p in work.places if p.country and p.inferred is None]
    actors = {(a.name or a.text.casefold()): a.country for e in work.events for a in (e.source, e.target)
              if a is not None and a.country and counts(a)}  # each actor once: a suspect named in five events is one
    countries += list(actors.values())
    return countries.count(country) / len(countries) if countries else 0.0


class _OwnPlaces:
    """Finds a place an actor's own phrase names: "the mayor of Lagos", "the governor of the Mexican state of
    Jalisco", "a pastor from Kaduna", "Kosovo's prime minister", or begins with: "Kentucky State Police", "the Lagos
    State Police Command", "West Midlands Police" (group ``place``, ``owner`` or ``lead`` of the match). Such an
    actor is of that place's country, named or not: the place is in its own words, not only where the event
    happened. Only the article's places with a country count, not a name geo only guessed ("low confidence").
    The pattern (one per article) is compiled on the first phrase that contains one of the names."""

    _UNIT = r"(?:[\w-]+\s+)?(?:state|province|region|city|town|county|district)\s+of\s+(?:the\s+)?"

    def __init__(self, work: Work) -> None:
        self.places = {p.text.casefold(): p for p in work.places if p.text and p.country
                       and p.inferred is None}
        self.names = sorted({p.text for p in work.places if p.text and p.text.casefold() in self.places},
                            key=len, reverse=True)
        self._pattern: re.Pattern | None = None

    def search(self, text: str) -> re.Match | None:
        folded = text.casefold()
        if not any(name.casefold() in folded for name in self.names):
            return None  # (most phrases: no regex to compile)
        if self._pattern is None:
            names = "|".join(re.escape(t) for t in self.names)
            self._pattern = re.compile(rf"\b(?:of|from)\s+(?:the\s+)?(?:{self._UNIT})?(?P<place>{names})\b"
                                       rf"|(?P<owner>{names})['’]s?\s|^(?:the\s+)?(?P<lead>{names})\s+(?=\w)", re.I)
        return self._pattern.search(text)


def _owners_that_are_places(work: Work) -> None:
    """An owner (``_owners``) the parser took for an organisation that geo found to be a place ("Kharkiv's power
    plants"): the act falls on that place's people, as any act on a place does (``place_targets``)."""
    places = {p.text.casefold(): p for p in work.places if p.text and p.country}
    for ev in work.events:
        t = ev.target
        p = places.get(t.text.casefold()) if t is not None and t.country is None and t.sector is None \
            and "which it holds" in t.reason else None
        if p is not None:
            ev.target = Actor(text=t.text, country=p.country,
                              reason=f"{t.reason}; but '{t.text}' is a place ({p.name}, {p.country}): its people")


def _accuse_the_doer(work: Work) -> None:
    """An accusation aimed at an act is aimed at its doer: "condemned the stabbing", "are investigating the
    shooting" (the act's source, which a back-reference may have given it: ``coref``)."""
    at = {e.trigger.start: e for e in work.events}
    for ev in work.events:
        if ev.event_type != "ACCUSE" or ev.target is not None:
            continue
        tok = work.token_at(ev.trigger.start)
        para = work.paragraph_of(ev.trigger.start)
        for c in (tok.children if tok is not None else ()):
            act = at.get(para.start + c.idx) if c.dep_ == "dobj" else None
            if act is not None and act is not ev and act.source is not None and act.event_type in BACK_TYPES \
                    and not _same_actor(act.source, ev.source):
                ev.target = act.source.model_copy(update={
                    "reason": f"doer of the '{act.trigger.text}' that '{ev.trigger.text}' is aimed at: {act.source.reason}"})
                break


class ActorPlaceStage(Stage):
    """After ``geo``: an unnamed actor the tables gave a sector but no country ("police", "protesters", "the
    army") takes the country of its event's place, as ACLED codes "Police Forces of Serbia" for police in
    Belgrade (``actors.place_country``; the sectors in ``actors.place_country_sectors``). The source (the doer
    is where the act is); the target only of acts done where it is (``_PRESENT_TARGET_TYPES``: the people
    attacked or arrested, not the settlers a statement condemns); never for a meeting, a deal or a signing,
    people often from elsewhere, a possessor left uncoded or a place of lower confidence (``_elsewhere``).
    Named actors and international bodies keep what the tables said: a visitor is not of the country he
    visits."""

    name = "actors.place"

    def setup(self) -> None:
        self.on = bool(self.config.get("actors.place_country", True))
        self.sectors = frozenset(self.config.get("actors.place_country_sectors", ()) or ())
        self.focus_sectors = frozenset(self.config.get("actors.focus_country_sectors", ()) or ())

    def _own_people(self, actor: Actor) -> bool:
        """An actor whose country says where a story is: an official or a state, not a private person or an envoy,
        who may be a foreigner there ("Nigerian man jailed", "British tourist dies", "Chinese ambassador")."""
        return (actor.sector is None or actor.sector in self.focus_sectors) \
            and not {w.casefold() for w in _tokens(actor.text)} & _outsider_words()

    def process_one(self, work: Work) -> None:
        _owners_that_are_places(work)
        link_mentions(work)  # which event noun refers back to which event (coref: also for dates and dedup)
        if not self.on:
            inherit_actors_and_place(work)
            _accuse_the_doer(work)
            return
        _link_role_nouns(work)
        inherit_actors_and_place(work)
        _accuse_the_doer(work)
        own = _OwnPlaces(work)
        for event in work.events:
            if own.names:
                for side in ("source", "target"):
                    actor = getattr(event, side)
                    if actor is not None and actor.country is None and (m := own.search(actor.text)):
                        p = own.places[(m.group("place") or m.group("owner") or m.group("lead")).casefold()]
                        if m.group("lead") and event.location is not None \
                                and event.location.country not in (None, p.country):
                            continue  # a name before the noun, read by geo in another country than the event's
                            # place ("Mansoura police chief" in an Egyptian story: not Algeria's Mansoura)
                        setattr(event, side, actor.model_copy(update={
                            "country": p.country,
                            "reason": f"{actor.reason}; the place its phrase names, '{m.group(0).strip()}' -> "
                                      f"{p.name} ({p.country})"}))
            place = event.location
            if place is None or not place.country:
                continue
            for side in ("source", "target"):
                actor = getattr(event, side)
                if side == "target" and event.event_type not in _PRESENT_TARGET_TYPES:
                    continue  # whom a statement is about need not be there ("condemned the settlers' attack")
                if actor is not None and actor.country is None and _unplaced_name(actor) and actor.sector in self.sectors \
                        and not _elsewhere(actor, event.event_type, place):
                    setattr(event, side, actor.model_copy(update={
                        "country": place.country,
                        "reason": f"{actor.reason}; country of the event's place {place.name} ({place.country})"}))
        focus = article_focus(work) if self.focus_sectors else None
        if focus is not None:
            country, why = focus[0].country, f"the article's focus country {focus[0].country}"
        else:  # no place to go by: the one country the headline names ("Ukrainian president rejects ...")
            country = headline_country(work.article.title) if self.focus_sectors else None
            why = f"the country its headline names, {country}"
        if focus is None and country and _country_share(work, country, self._own_people) < _FOCUS_SHARE:
            return  # the headline's demonym may be a foreigner's ("Nigerian man jailed in ..."): the body must agree
        if not country or _country_share(work, country) < _FOCUS_SHARE or _between_countries(work, country):
            return  # no country, or a story of several countries (a visit, a war, a summit): whose is unclear
        for event in work.events:
            if event.location is not None and event.location.country not in (None, country):
                continue  # an act done in another country: its officials need not be the story's
            for side in ("source", "target"):
                actor = getattr(event, side)
                if actor is not None and actor.country is None and actor.sector in self.focus_sectors \
                        and not {w.casefold() for w in _tokens(actor.text)} & _outsider_words() \
                        and not re.search(r"\b[A-Z][\w-]*['’]s?\s|\b(?:in|from) [A-Z]", actor.text):
                    # not "Kosovo's prime minister", "officials in Pristina": a place or name the phrase gives
                    setattr(event, side, actor.model_copy(update={
                        "country": country,
                        "reason": f"{actor.reason}; an official the text gives no country: {why} (lower confidence)"}))
