"""Event detection and typing: trigger rules over the dependency parse, weighed by a trained model.

Rules: for every token of every sentence, a trigger whose lemma and part of speech
match a row of ``data/events/triggers.tsv`` (curated) or else of
``data/events/verb_patterns.tsv`` (PETRARCH2's CAMEO verb dictionary mapped to
PLOVER, built by ``scripts/build_verb_table.py``) and whose optional syntactic cue
holds (e.g. ``fall`` needs a child ``to``: "Kunduz fell to the Taliban")
becomes a candidate.  One event is kept per (sentence, PLOVER type), the most
confident.  The PLOVER mode comes from the trigger row, else from weapon or
protest words in the sentence (``mode_cues.tsv``); CAMEO root and ACLED types
come from ``plover_map.tsv``.

Models (``event_model.py``, on unless ``events.model = false``): a candidate's
confidence is the rule's confidence updated (odds times (K x P)^weight) by the sentence
model's probability of its type in the sentence and, in articles of several sentences,
by the article model's probability of it in the whole article (``events.article_weight``, in
full from ``events.article_ramp`` + 1 sentences, less in shorter stories, which are mostly their
lead), so the article's main event ranks first; a model with no opinion (flat probabilities)
leaves the rule's confidence as it is.  Confidences are not rounded: the ranking needs
their precision.  The sentence model alone proposes an event for a sentence no trigger
matched when it is sure (``events.model_min_prob``); the article's main event, when the
article is about a type no sentence produced (``events.article_min_prob``), is anchored at
the main verb of a lead sentence whose own most likely type it is.  Each event records
why it got its type, with the models' probabilities.
"""
from __future__ import annotations

import functools
import hashlib
import math
import re
from dataclasses import dataclass

from .event_model import article_features, features, load_article_model, load_type_model
from .schema import Event, Span, Work
from .stage import Stage
from .tables import cue_classes, cue_words, load_table, trigger_lemmas

DICTIONARY_REASON = "PETRARCH2 dictionary "  # prefix of the type reason of a verb_patterns.tsv row
_VERB_POS = {"VERB"}
_VERBAL_TYPES = {"AGREE", "REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT", "CONCEDE"}  # need a speaker
_GUESSED_MODES = {"firearms", "aerial"}  # trigger-row modes that are a guess ('clash' firearms, 'strike' aerial)
_NOUN_POS = {"NOUN"}
_NAME_ENTS = {"ORG", "WORK_OF_ART", "LAW", "EVENT", "FAC", "PRODUCT"}
_OBJ_DEPS = {"dobj", "obj", "nsubjpass", "attr", "oprd"}
_MOD_DEPS = {"compound", "amod", "nmod"}
# a participle before a noun ("a banned group", "a fighting force") or a noun modifying another ("assault rifle",
# "resignation speech") describes that noun: it reports no event of its own, unless that noun is itself an event
# (EventsStage.event_head: "shooting incident", "coup attempt", "bombing raids")
_MODIFIER_DEP = {"V": "amod", "N": "compound"}
HYPHENS = {"-", "\u2010", "\u2011"}  # hyphen-minus, hyphen, non-breaking hyphen
_QUANTIFIERS = {"some", "many", "most", "all", "one", "each", "any", "none", "several", "few", "much", "part"}
_LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "around", "across", "on", "into", "from"}


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str  # V or N
    plover: str
    mode: str | None
    cameo: str | None
    cue: str | None
    acled_sub_event_type: str | None
    weight: float
    curated: bool = True  # False: a row derived from PETRARCH2's verb dictionary
    note: str = ""  # why a rule of match() changed the row's type (added to the type reason)


@functools.lru_cache(maxsize=None)
def parse_cue(cue: str) -> tuple[bool, str, frozenset[str]]:
    """``"!obj:a|b"`` -> ``(negate, kind, words)`` (cached: rows share few distinct cues)."""
    negate = cue.startswith("!")
    kind, _, spec = cue.lstrip("!").partition(":")
    return negate, kind, frozenset(w.strip().lower() for w in spec.split("|") if w.strip())


@functools.lru_cache(maxsize=None)
def _pairs(words: frozenset[str]) -> frozenset[tuple[str, ...]]:
    """The ``a=b`` words of a ``prepent:`` cue as pairs."""
    return frozenset(tuple(w.split("=", 1)) for w in words)


def cue_holds(tok, cue: str | None, subtree_lemmas: set[str] | None = None) -> bool:
    """Check a trigger row's cue (see the header of triggers.tsv) against token ``tok``.

    ``subtree_lemmas`` (the lemmas within three levels below ``tok``) may be passed in so that
    many ``desc:`` rows of one verb compute it once."""
    if not cue:
        return True
    if "&" in cue:
        return all(cue_holds(tok, part, subtree_lemmas) for part in cue.split("&"))
    negate, kind, words = parse_cue(cue)
    if kind == "desc":  # most checks (PETRARCH2's noun patterns): no need for the children
        lemmas = subtree_lemmas if subtree_lemmas is not None else {d.lemma_.lower() for d in _subtree(tok, 3)}
        return words.isdisjoint(lemmas) == negate
    children = list(tok.children)
    if kind == "prep":
        found = any(c.dep_ in ("prep", "agent", "dative") and c.lower_ in words for c in children) \
            or _misattached_prep(tok, words)
    elif kind == "prt":
        found = any(c.dep_ == "prt" and c.lower_ in words for c in children)
    elif kind == "obj":
        objs = [c for c in children if c.dep_ in _OBJ_DEPS]
        found = bool(objs) if "*" in words else any(o.lemma_.lower() in words or o.lower_ in words for o in objs)
    elif kind == "objent":  # a direct/passive object naming a place ("liberated Palmyra": GPE)
        found = any(c.dep_ in _OBJ_DEPS and c.ent_type_.lower() in words for c in children)
    elif kind == "pobj":  # the object of the trigger's own preposition ("fired into the air"; not "fired on protesters
        # while helicopters circled in the air", nor "fired rockets into the air base")
        found = any(c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in words for g in c.children)
                    for c in children)
    elif kind == "prepent":  # a preposition's object by entity label, "on=gpe" ("a strike on Iran"; not "a strike on
        # Monday" nor "a strike in France on Monday": the label must be the named preposition's object)
        pairs = _pairs(words)  # (or its possessor: "a strike on Iran's nuclear sites")
        found = any(c.dep_ == "prep" and any((c.lower_, x.ent_type_.lower()) in pairs
                                             for x in (g, *(p for p in g.children if p.dep_ == "poss")))
                    for c in children for g in c.children if g.dep_ == "pobj")
    elif kind == "child":
        found = any(c.lower_ in words for c in children)
    elif kind == "dep":
        found = any(c.dep_ in words for c in children)
    elif kind == "head":
        found = tok.head.i != tok.i and tok.head.lemma_.lower() in words
    elif kind == "subj":  # a subject by lemma or by entity label ("Kunduz fell to", not "shares fell to")
        found = any(c.lemma_.lower() in words or c.ent_type_.lower() in words for c in _subjects(tok))
    elif kind == "mod":
        found = any(c.dep_ in _MOD_DEPS and c.lower_ in words for c in children)
    elif kind == "modent":  # a modifier naming a people or a state ("Israeli strikes": NORP)
        found = any(c.dep_ in _MOD_DEPS and c.ent_type_.lower() in words for c in children)
    elif kind == "verb":  # the verb the noun is an argument of, directly or through a preposition ("strikes killed
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head  # 20", "killed in strikes")
        found = tok.head.i != tok.i and verb.pos_ in _VERB_POS and verb.lemma_.lower() in words
    elif kind == "vobj":  # the direct object of the verb the noun is the subject of ("strikes hit flights"), by word
        verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i != tok.i else None  # or entity label
        found = verb is not None and any(c.dep_ == "dobj" and (c.lemma_.lower() in words or c.lower_ in words
                                                               or c.ent_type_.lower() in words)
                                         for c in verb.children)
    elif kind == "vsubj":  # the subject of the verb the noun is the object of ("unions launched a strike")
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        found = tok.dep_ in ("dobj", "pobj") and tok.head.i != tok.i and verb.pos_ in _VERB_POS and any(
            c.lemma_.lower() in words or c.lower_ in words for c in _subjects(verb))
    else:
        found = False
    return found != negate


_NAMED_ENTS = frozenset({"GPE", "LOC", "FAC", "NORP", "ORG"})  # a named place, people or body


def _misattached_prep(noun, words) -> bool:
    """The preposition right after the object noun belongs to it though the parser hung it on the verb: "condemned
    the Israeli strikes on Rafah" ("on Rafah" under "condemned"). Only before a named place or party, never a date
    ("the French strikes on Monday")."""
    doc = noun.doc
    if noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "nsubjpass") or noun.i + 1 >= len(doc):
        return False
    nxt = doc[noun.i + 1]
    return nxt.dep_ == "prep" and nxt.head.i == noun.head.i and nxt.lower_ in words and any(
        g.dep_ == "pobj" and g.ent_type_ in _NAMED_ENTS for g in nxt.children)


def _subjects(tok) -> list:
    """The verb's subjects, or those of the verb it is joined to when it has none ("the protesters clashed with
    police and threw rocks")."""
    while True:
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or tok.dep_ != "conj" or tok.head.i == tok.i:
            return subjects
        tok = tok.head


def _has_arguments(tok) -> bool:
    """The verb has a subject and an object (direct, dative or prepositional)."""
    deps = {c.dep_ for c in tok.children}
    return bool(deps & {"nsubj", "nsubjpass"}) and bool(deps & {"dobj", "dative", "prep", "agent", "xcomp", "ccomp"})


def _subtree(tok, depth: int):
    frontier = list(tok.children)
    for _ in range(depth):
        yield from frontier
        frontier = [c for t in frontier for c in t.children]


def _word_in(tok, words) -> bool:
    """The token's lemma or form, or its form without a plural -s ("Wildfires", tagged a name), is in ``words``."""
    low = tok.lower_
    return tok.lemma_.lower() in words or low in words or (low.endswith("s") and low[:-1] in words)


def participle_as_noun(tok) -> bool:
    """A past participle with a determiner is a noun for people: "the accused", "the wounded", "the detained"
    (a gerund with one, "the shooting", is an event noun)."""
    return tok.tag_ == "VBN" and any(c.dep_ == "det" and c.i < tok.i for c in tok.children)  # not "the shooting"


def stance(tok) -> bool:
    """A verb of attitude (cues.tsv kind ``stance_verb``) stating a standing position, not an act (PLOVER SUPPORT
    is to express support, REJECT to reject something put forward): a participle describing people ("legislators
    supporting the law", "conservatives opposing recognition"), a third-person present simple ("both sides oppose
    the Houthis", "a militia which supports the PKK") or a present passive ("which is recognized only by Turkey",
    "who is supported by Beijing"). A past act ("the senate opposed the bill"), a first-person present ("we support
    the decision"), a progressive or perfect, and a stance reported as stated on a dated occasion stay events."""
    if tok.lemma_.lower() not in cue_words("stance_verb"):
        return False
    if tok.dep_ == "acl" and tok.tag_ == "VBG":
        return True
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    # a stance someone is reported stating on a dated occasion is a statement of support made then ("The US supports
    # Ukraine's bid, Blinken said on Wednesday"; cues.tsv kind speech)
    speech = tok.head if tok.dep_ == "ccomp" else next((c for c in tok.children if c.dep_ in ("parataxis", "ccomp")),
                                                        None) if tok.dep_ == "ROOT" else None
    if speech is not None and speech.lemma_.lower() in cue_words("speech") and any(
            w.ent_type_ == "DATE" for w in speech.subtree if tok.dep_ != "ccomp" or not tok.left_edge.i <= w.i <= tok.right_edge.i):
        return False
    if tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in tok.children) \
            and not any(c.lower_ in ("i", "we") for c in subjects):
        return True
    return tok.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in tok.children) \
        and not any(c.dep_ == "aux" for c in tok.children)


def generic_kind(tok) -> bool:
    """A verb in a relative or participial clause that defines a kind of people ("people who
    had been accused of crimes", "anyone accused of a crime", "people living in or visiting Hong Kong", "officials
    removed from office after being impeached") describes whoever fits it, not an act that took place. Not when the
    head has a determiner or a number that picks out particular people ("the people who were arrested on Monday",
    "two officials accused of fraud")."""
    if tok.dep_ not in ("relcl", "acl") or tok.head.lower_ not in cue_words("generic_head"):
        return False
    head = tok.head
    if any(c.dep_ in ("det", "nummod", "poss") and c.lower_ not in ("any", "all") for c in head.children):
        return False
    # a time or an occasion makes them particular people: "people who had been arrested during the protests"
    return not any(w.ent_type_ in ("DATE", "TIME") or w.lemma_.lower() in cue_words("occasion") for w in tok.subtree)


def infinitive_of_noun(tok):
    """The noun an infinitive completes ("the right to strike", "a plan to attack", "efforts to ban"), or None."""
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return tok.head
    return None


def purpose_head(tok, result_verbs=frozenset()):
    """The verb whose purpose the infinitive ``tok`` states ("troops were sent to secure the town", "met to
    discuss a ceasefire": an adverbial to-infinitive with no subject of its own), or None.  The purpose is
    the aim of the main act, not an act the text reports.  An infinitive of ``result_verbs`` (cues.tsv
    ``result_verb``) states an outcome, no purpose: "the demands expanded to include", "returned to find"."""
    if tok.dep_ == "advcl" and tok.head.pos_ in ("VERB", "AUX") and tok.lemma_.lower() not in result_verbs \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children) \
            and not any(c.dep_ == "advmod" and c.lower_ == "only" for c in tok.children):  # "only to attack again": a result
        return tok.head
    return None


def motive_head(tok, motives=frozenset()):
    """The verb whose motive the bare noun ``tok`` after "in" states ("resigned in protest", "summoned the
    ambassador in protest", "shelled the town in retaliation"; ``motives``: cues.tsv ``motive``), or None. PLOVER
    codes the act done; the protest is why it was done. Not an occasion with a determiner ("killed in a protest")."""
    if tok.lower_ not in motives or tok.dep_ != "pobj" or tok.head.lower_ != "in" \
            or any(c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in tok.children):
        return None
    head = tok.head.head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ == "VERB":
        head = head.head  # "summoned the ambassador in protest"
    return head if head.pos_ == "VERB" else None


def natural_cause(tok, causes) -> object | None:
    """The disaster, accident or disease noun (``causes``) that does what the verb ``tok`` says: its subject
    ("the storm killed 12"; "a collision which killed two": the relative pronoun's noun), its passive agent
    ("destroyed by the earthquake"), the noun it describes ("wildfires destroying the forest") or the
    occasion of a passive ("killed in a car crash"); None if there is none."""
    cands = []
    for c in tok.children:
        if c.dep_ == "nsubj":  # a passive subject is what is harmed
            cands.append(tok.head if tok.dep_ == "relcl" and c.tag_ in ("WDT", "WP") else c)
        elif c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("in", "during", "by") and tok.tag_ == "VBN"):
            cands += [g for g in c.children if g.dep_ == "pobj"]
    if tok.dep_ == "acl" and infinitive_of_noun(tok) is None:
        cands.append(tok.head)
    if tok.dep_ in ("conj", "advcl") and tok.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        # the subject it shares: "Cyclone Freddy killed 400 and destroyed homes", "the storm hit Beira, killing 39"
        cands += [c for c in tok.head.children if c.dep_ == "nsubj"]
    # a named storm is its cause too ("Cyclone Freddy", "Hurricane Ian": the name's compound says what it is)
    return next((c for c in cands if _word_in(c, causes)
                 or c.pos_ == "PROPN" and any(m.dep_ == "compound" and _word_in(m, causes) for m in c.children)), None)


def _partitive(noun):
    """The noun a quantifier stands for: "some of the stances" -> "stances"; any other word unchanged."""
    if noun.lower_ in _QUANTIFIERS:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                return next((g for g in c.children if g.dep_ == "pobj"), noun)
    return noun


def aimed_at(tok) -> list:
    """What the fighting or attacking word ``tok`` is aimed at: its direct object and the objects of
    for/against/with ("fight for rights", "battle against corruption", "clashed with some of the stances"),
    a quantifier read as the noun it stands for; with a direct object, "with" names the means ("fight the
    virus with testing")."""
    cands = [c for c in tok.children if c.dep_ == "dobj"]
    preps = ("for", "against") if cands else ("for", "against", "with")
    cands += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
              for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]  # not "for hours"
    return [_partitive(c) for c in cands]


_COGNATE = {"battle", "fight", "war", "struggle"}
_CONTEST_TYPES = {"ASSAULT", "PROTEST", "RETREAT", "CONCEDE"}  # the types a game's words read as (not_political)
_SCORE = re.compile(r"\d{1,2}[-–]\d{1,2}")  # a game's result, "2-0" (one token) or "4", "-", "1" (three)


def game_score(sent) -> object | None:
    """A game's result in the sentence ("crushed Sevilla 4-1", "beat Liverpool 2–0"): two small numbers joined by
    a dash that count nothing (not "10-15 people", a range; a name is not counted: spaCy reads "Liverpool 2-0" so)
    and qualify no number; None if there is none."""
    def counts(w) -> bool:
        return w.dep_ in ("nummod", "quantmod") and (w.head.pos_ != "PROPN" or w.head.ent_type_ in ("DATE", "TIME"))

    for w in sent:
        if not w.text[:1].isdigit() or counts(w):
            continue
        if w.i > sent.start and w.nbor(-1).text in ("-", "–", "/"):
            continue  # part of a date or a longer chain ("1991-01-10")
        if w.i > sent.start and w.nbor(-1).lower_ in cue_words("range_before"):
            continue  # a range: "aged 18-25", "from 10-12", "between 5-6"
        after = w.i + (1 if _SCORE.fullmatch(w.text) else 3)
        if after < sent.end and w.doc[after].lower_.rstrip(".") in cue_words("range_after"):
            continue  # a day or time range: "12-14 March", "9-11 a.m."
        if _SCORE.fullmatch(w.text) or (w.text.isdigit() and len(w.text) <= 2 and w.i + 2 < sent.end
                                        and w.nbor(1).text in ("-", "–") and w.nbor(2).text.isdigit()
                                        and len(w.nbor(2).text) <= 2 and not counts(w.nbor(2))
                                        and not (w.i + 3 < sent.end and w.nbor(3).text in ("-", "–", "/"))):
            return w
    return None


def _cognate_aims(obj) -> list:
    """The with/against/for objects of a cognate object ("fought a long battle with cancer"), or [] when it is
    none."""
    if obj.lemma_.lower() not in _COGNATE:
        return []
    return [g for c in obj.children if c.dep_ == "prep" and c.lower_ in ("with", "against", "for")
            for g in c.children if g.dep_ == "pobj"]


def abstract_object(tok, abstract) -> object | None:
    """An abstract noun (``abstract``) that the fighting or attacking word ``tok`` is aimed at (``aimed_at``:
    "attacked the ruling", "fight for rights", "battle against corruption", "fight the virus"); None if
    there is none."""
    return next((c for c in aimed_at(tok) if _word_in(c, abstract)), None)


@functools.lru_cache(maxsize=1)
def _code_tables() -> tuple[dict, dict]:
    plover_map = {(r["plover"], r["mode"]): r for r in load_table("events/plover_map.tsv")}
    acled_types = {r["sub_event_type"]: r["event_type"] for r in load_table("events/acled_types.tsv")}
    return plover_map, acled_types


def acled_event_type(sub_event_type: str | None) -> str | None:
    """ACLED's event type of a sub-event type (``acled_types.tsv``)."""
    return _code_tables()[1].get(sub_event_type) if sub_event_type else None


@functools.lru_cache(maxsize=1)
def acled_actor_codes() -> dict[str, tuple[int, bool, bool]]:
    """An eventscope sector's ACLED interaction code, whether it is civilian, and whether it is coded as
    the protesters or rioters when it demonstrates (``acled_inter.tsv``)."""
    return {r["sector"]: (int(r["inter"]), r["civilian"] == "yes", r["demonstrators"] == "yes")
            for r in load_table("events/acled_inter.tsv")}


def codes(plover: str, mode: str | None, cameo: str | None = None, acled_sub: str | None = None) -> dict[str, str | None]:
    """CAMEO root/code and ACLED type/sub-type of a PLOVER type and mode (``plover_map.tsv``); a
    trigger row's own CAMEO code and ACLED sub-type take precedence."""
    plover_map, acled_types = _code_tables()
    row = plover_map.get((plover, mode or "*")) or plover_map[(plover, "*")]
    sub = acled_sub or row["acled_sub_event_type"] or None
    etype = acled_types.get(sub) if sub else (row["acled_event_type"] or None)
    cameo_code = mode_cameo(cameo, row, plover_map[(plover, "*")]["cameo_root"])
    return {"cameo_root": cameo_code[:2], "cameo_code": cameo_code, "acled_event_type": etype,
            "acled_sub_event_type": sub}


def mode_cameo(cameo: str | None, mode_row: dict, root: str) -> str:
    """The CAMEO code of an event: the trigger row's own, unless that is only the type's generic code ("190"
    for ASSAULT's root 19) and the mode has a code of its own in plover_map.tsv: crowd-control weapons are
    CAMEO 175, "use tactics of violent repression", whether the police "used" or "fired" tear gas."""
    specific = mode_row["cameo_root"]
    if len(specific) > 2 and (cameo is None or cameo in (root, root + "0")):
        return specific
    return cameo or specific


def _following(t, n: int) -> list:
    """The ``n`` words after token ``t``, skipping hyphens ("tear-gas", "water-cannon" are "tear gas")."""
    out = []
    for f in t.doc[t.i + 1: t.i + 1 + 2 * n]:
        if f.text not in HYPHENS:
            out.append(f)
            if len(out) == n:
                break
    return out


def _rank(ev: Event, kept_from: frozenset[int] = frozenset(), asides: frozenset[int] = frozenset()) -> tuple:
    """Which of two candidates of one type in one sentence is kept: one that was not kept from happening
    (``preventer``: "banned a march, but thousands marched anyway" keeps "marched"), then a curated trigger before
    a PETRARCH2 dictionary one (a dictionary verb is an event only between coded actors, so the actors stage may
    drop it: "An air strike hit a market" keeps "strike", not "hit"), then one that is no aside (``in_the_air``:
    "fired into the air, and a stray bullet killed a child" keeps the killing), then confidence."""
    return (id(ev) not in kept_from, not ev.reasons.get("type", "").startswith(DICTIONARY_REASON),
            id(ev) not in asides, ev.confidence)


def in_the_air(tok) -> bool:
    """A firing into the air or the sky: a lesser act than any other attack its sentence tells of."""
    return tok.lemma_.lower() in ("fire", "shoot") and cue_holds(tok, "prep:in|into&pobj:air|sky")


def phrasal_lemma(verb) -> str:
    """The verb's lemma with its particle "off" ("call off", "put off"): the key of cues.tsv's preventing verbs."""
    lemma = verb.lemma_.lower()
    return lemma + " off" if any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children) else lemma


def begun(noun, verb) -> bool:
    """The event ``verb`` calls off is said to have gone on: a modifier of duration or of going on ("the ongoing strike",
    "the indefinite walkout", "the weeks-long protest", spaCy's "weeks - long"; cues.tsv ``begun``), a past relative
    clause of its own ("the strike that began on Monday"), or a time the calling off came "after" ("called off their
    walkout after seven months", "after three weeks of fighting")."""
    for c in noun.children:
        if c.dep_ in ("relcl", "acl") and c.tag_ == "VBD":
            return True
        if c.dep_ in ("amod", "compound"):
            words = "".join(t.text for t in c.subtree).lower()  # a hyphenated modifier is several tokens
            if c.lemma_.lower() in cue_words("begun") or words in cue_words("begun") or words.endswith(("-long", "-old")):
                return True
    return any(c.dep_ == "prep" and c.lower_ == "after" and any(g.dep_ == "pobj" and g.ent_type_ == "DATE"
                                                                for g in c.children) for c in verb.children)


def preventer(tok):
    """``_preventer``, but for a verb that calls off what had gone on (class ``unless_begun`` of cues.tsv
    ``preventing``, ``begun``: "called off their walkout after seven months" ended it, kept nothing from happening)."""
    verb = _preventer(tok)
    if verb is not None and verb.pos_ != "NOUN" and cue_classes("preventing").get(phrasal_lemma(verb)) == "unless_begun" \
            and begun(tok, verb):
        return None
    return verb


def _preventer(tok):
    """The word that keeps the event ``tok`` names from happening (``cues.tsv`` kinds ``preventing``, ``keeping``,
    ``ban_noun``): the verb of preventing or banning whose object it is ("foiled an attack", "the attack was
    foiled", "banned rallies"), the verb whose "from" clause it is or is the object of ("prevented protesters from
    marching", "refrained from attacking", "banned the party from holding rallies"), or the ban whose "on" object
    it is ("a ban on protests", also where spaCy hangs "on protests" on the verb: "lifted the ban on protests"; not
    a ban defied, ``defying``: "defied a ban on rallies", "the ban was ignored by thousands"). None when there is
    none."""
    head = tok.head
    if tok.dep_ in ("acl", "xcomp") and head.pos_ == "NOUN" and head.lemma_.lower() in cue_words("attempt_noun"):
        return _preventer(head)  # "foiled a plot to assassinate the president": the plot and its killing
    if tok.dep_ == "dobj" and head.dep_ == "pcomp" and head.head.lower_ == "from":
        tok, head = head, head.head  # "from holding rallies": the rallies go with the holding
    if tok.dep_ == "pobj" and head.dep_ == "prt" and head.lower_ == "off" \
            and phrasal_lemma(head.head) in cue_words("preventing"):
        return head.head  # spaCy's "called [off the rally]": the particle's object
    infinitive = tok.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    if (tok.dep_ in ("dobj", "nsubjpass") or infinitive) and phrasal_lemma(head) in cue_words("preventing") \
            and not (head.lemma_.lower() in cue_words("obstructing")
                     and tok.lemma_.lower() in trigger_lemmas("N", ("PROTEST", "ASSAULT"))):  # ("police blocked the
        # march": it was met where it marched; "blocked the deployment of troops": it did not happen)
        return head  # (an infinitive: "foiled a plot to attack", where spaCy hangs "to attack" on the verb)
    if tok.dep_ in ("pcomp", "pobj") and head.lower_ == "from" and head.head.i != head.i \
            and head.head.lemma_.lower() in cue_words("preventing") | cue_words("keeping"):
        return head.head
    if tok.dep_ == "pobj" and head.lower_ == "on":
        bans = cue_words("ban_noun")
        ban = head.head if head.head.pos_ == "NOUN" else next(  # (spaCy: "lifted [the ban] [on protests]")
            (c for c in head.head.children if c.dep_ == "dobj" and c.lemma_.lower() in bans), None)
        if ban is None or ban.pos_ != "NOUN" or ban.lemma_.lower() not in bans:
            return None
        defied = ban.dep_ in ("dobj", "nsubjpass") and ban.head.lemma_.lower() in cue_words("defying")
        return None if defied else ban
    return None


def keep_best(events: list[Event], kept_from: frozenset[int] = frozenset(),
              asides: frozenset[int] = frozenset()) -> list[Event]:
    """One event per (sentence, type): the best by ``_rank`` (``kept_from``: ids of events kept from happening;
    ``asides``: ids of firings into the air); order kept."""
    best: dict[tuple[int, str], Event] = {}
    for ev in events:
        key = (ev.evidence.start, ev.event_type)
        if key not in best or _rank(ev, kept_from, asides) > _rank(best[key], kept_from, asides):
            best[key] = ev
    kept = {id(ev) for ev in best.values()}
    return [ev for ev in events if id(ev) in kept]


def event_id(article_id: str, start: int, event_type: str) -> str:
    return hashlib.sha1(f"{article_id}|{start}|{event_type}".encode()).hexdigest()[:16]


class EventsStage(Stage):
    name = "events"

    def setup(self) -> None:
        self.triggers: dict[tuple[str, str], list[Trigger]] = {}
        # curated rows first, then PETRARCH2's verb patterns (cue rows before each verb's plain row)
        curated_rows = load_table("events/triggers.tsv")
        for n, row in enumerate(curated_rows + load_table("events/verb_patterns.tsv")):
            t = Trigger(
                lemma=row["lemma"].lower(), pos=row["pos"], plover=row["plover"], mode=row["mode"] or None,
                cameo=row["cameo"] or None, cue=row["cue"] or None,
                acled_sub_event_type=row["acled_sub_event_type"] or None, weight=float(row["weight"]),
                curated=n < len(curated_rows),
            )
            self.triggers.setdefault((t.lemma, t.pos), []).append(t)
        # PETRARCH2's rows of a verb come sorted by cue text, so a phrasal verb's bare particle row ("drop" child:out ->
        # CONCEDE) shadowed its more specific rows ("child:out&desc:race" -> NONE, "ask" child:for&desc:apology ->
        # ACCUSE): 243 dictionary rows could never match. The dictionary rows of a verb are tried most cue parts first
        # (curated rows first, in their order).
        for key, rows in self.triggers.items():
            cur = [t for t in rows if t.curated]
            dic = sorted((t for t in rows if not t.curated), key=lambda t: -len(t.cue.split("&")) if t.cue else 0)
            self.triggers[key] = cur + dic
        # the word pairs whose rows check the words below the trigger (a ``desc:`` cue): only there does match()
        # gather them
        self.desc_rows = {k for k, rows in self.triggers.items() if any(t.cue and "desc:" in t.cue for t in rows)}
        curated = {r["lemma"].lower() for r in load_table("events/triggers.tsv")}
        # "is set to deploy", "plans to attack": a modal head verb with a complement is not an event itself
        self.modal_heads = cue_words("head") - curated - cue_words("acting_head")  # ("ordered them to remain": an order)
        # nouns that an event-word modifier still makes an event ("shooting deaths", "coup attempt")
        self.event_heads = cue_words("death") | cue_words("event_head")
        self.motives = cue_words("motive")
        self.context_marks = cue_words("context_mark")
        kinds = {k: cue_words(k)
                 for k in ("capacity", "natural_cause", "natural_modifier", "abstract", "verbal_attack", "plural_only",
                           "contest_verb", "electoral", "armed", "result_verb", "politician", "death", "sport",
                           "sport_crowd", "market", "market_change")}
        self.sport_words, self.sport_crowd, self.market_words = kinds["sport"], kinds["sport_crowd"], kinds["market"]
        self.market_changes = kinds["market_change"]
        self.capacity_nouns, self.natural_causes = kinds["capacity"], kinds["natural_cause"]
        self.natural_modifiers, self.abstract_nouns = kinds["natural_modifier"], kinds["abstract"]
        self.verbal_attacks, self.plural_only = kinds["verbal_attack"], kinds["plural_only"]
        self.contest_verbs, self.electoral_words, self.armed_words = kinds["contest_verb"], kinds["electoral"], kinds["armed"]
        self.result_verbs = kinds["result_verb"]
        self.politicians = kinds["politician"]
        self.harm_words = (kinds["death"] - {"life"}) | {"wound", "injure", "injury", "casualty", "shoot", "stab", "behead"}
        self.document_nouns = self.abstract_nouns | cue_words("document")
        self.speech_verbs = cue_words("speech")
        self.vetoed: set[str] = set()  # types the rules of checked() turned down in the current sentence
        # (type, word) -> (priority, mode): rows are in priority order, the most specific weapon first;
        # a several-word cue ("tear gas") is kept under its first word with the words that must follow
        self.mode_cues: dict[tuple[str, str], tuple[int, str]] = {}
        self.mode_phrases: dict[tuple[str, str], list[tuple[list[str], tuple[int, str]]]] = {}
        for n, r in enumerate(load_table("events/mode_cues.tsv")):
            first, *rest = r["word"].lower().split()
            if rest:
                self.mode_phrases.setdefault((r["plover"], first), []).append((rest, (n, r["mode"])))
            else:
                self.mode_cues[(r["plover"], first)] = (n, r["mode"])
        self.mode_types = {plover for plover, _ in [*self.mode_cues, *self.mode_phrases]}  # types that have cues
        self.min_confidence = float(self.config["events.min_confidence"])
        self.model = load_type_model() if self.config["events.model"] else None
        self.article_model = load_article_model() if self.config["events.model"] else None
        self.sentence_weight = float(self.config["events.sentence_weight"])
        self.article_weight = float(self.config["events.article_weight"])
        self.article_ramp = float(self.config["events.article_ramp"])
        self.article_w = self.article_weight  # this article's weight (process_one: grows with its length)
        self.model_min_prob = float(self.config["events.model_min_prob"])
        self.article_min_prob = float(self.config["events.article_min_prob"])
        self.lead_sentences = int(self.config["events.lead_sentences"])

    # -- candidates -------------------------------------------------------
    def match(self, tok) -> Trigger | None:
        pos = "V" if tok.pos_ in _VERB_POS else "N" if tok.pos_ in _NOUN_POS else None
        if pos is None:
            return None
        lemma = tok.lemma_.lower()
        rows = self.triggers.get((lemma, pos))
        if not rows:  # most words (looked up first: the checks below cost more)
            return None
        if tok.ent_type_ in _NAME_ENTS:
            return None  # "Treaty" in "Collective Security Treaty Organization" is a name, not an event
        if tok.dep_ == _MODIFIER_DEP[pos] and not self.event_head(tok.head):
            return None  # "a banned organization", "pledged delegates", "an assault rifle", "arrest warrants": it describes a noun
        if lemma in self.modal_heads and any(c.dep_ == "xcomp" for c in tok.children):
            return None
        desc = (lemma, pos) in self.desc_rows
        lemmas = later = None  # the words below the trigger, for the rows' desc: cues (computed when first needed)
        particles = [c.lower_ for c in tok.children if c.dep_ == "prt"]
        for trig in rows:
            if not trig.curated:
                if later is None:  # (once, at the first dictionary row: they come after the curated ones)
                    if self._act_subject(tok):  # (every later row is a dictionary one)
                        return None
                    # PETRARCH2's patterns name the words after the verb ("- * POLICE # ORDER": order the police to
                    # deploy), so its rows read no active subject: "Police ordered protesters to disperse" is no
                    # mobilisation (a passive subject is the verb's object: "the station was closed")
                    doer = {d.i for c in tok.children if c.dep_ in ("nsubj", "csubj") for d in c.subtree}
                    later = {d.lemma_.lower() for d in _subtree(tok, 3) if d.i not in doer} if desc else set()
                if not trig.cue and not _has_arguments(tok):
                    continue  # a bare dictionary verb codes only an actor-on-actor clause, as PETRARCH does
                if not all(f"child:{p}" in (trig.cue or "") for p in particles):
                    continue  # PETRARCH2 lists phrasal verbs apart (+CALL_OFF): "sworn in" is not "swear", "set up" not "set"
            elif desc and lemmas is None:
                lemmas = {d.lemma_.lower() for d in _subtree(tok, 3)}
            if cue_holds(tok, trig.cue, lemmas if trig.curated else later):
                return None if trig.plover == "NONE" else self.checked(tok, trig)  # NONE: a discard pattern blocks the verb
        return None

    def _act_subject(self, tok) -> bool:
        """An event noun does the verb ("US strikes hit Houthi targets", "a strike by doctors hit services"): that noun
        tells the event, and a dictionary row of the verb makes no second one (what it did)."""
        return any(c.dep_ == "nsubj" and (c.lemma_.lower(), "N") in self.triggers for c in tok.children)

    def event_head(self, head) -> bool:
        """The noun a modifier describes is itself an event, so the modifier says which one ("shooting
        incident", "bombing raids", "coup attempt", "sanctions package"): an event head of cues.tsv, a death
        word or a trigger noun."""
        lemma = head.lemma_.lower()
        return lemma in self.event_heads or (lemma, "N") in self.triggers

    def checked(self, tok, trig: Trigger) -> Trigger | None:
        """The rules that read a matched trigger's context (word tables in cues.tsv): an infinitive
        completing a noun of capacity states no event ("the right to strike"); a medical condition is no
        event ("heart attack", "cardiac arrest"); a disaster, accident or disease does no ASSAULT (PLOVER:
        ASSAULT is deliberate; "mudslides destroyed dozens of houses" is not coded); figurative fighting or
        attacking (``figurative``: an abstract thing, an election contest) is no ASSAULT, and attacking an
        abstract thing in words is criticism, ACCUSE.
        A noun that is an event only in the plural ("talks") is none in the singular ("a talk at a think tank");
        a participle with a determiner is a noun ("the accused"); a dictionary verb whose subject is a law or
        document states what the text says ("the constitution prohibits").
        A type turned down here is noted in ``vetoed`` (the sentence's model event may not have it)."""
        trig2 = self._checked(tok, trig)
        if trig2 is None or trig2.plover != trig.plover:
            self.vetoed.add(trig.plover)  # the sentence model may not bring back what a rule turned down
        return trig2

    def _checked(self, tok, trig: Trigger) -> Trigger | None:
        if trig.pos == "V" and participle_as_noun(tok):
            return None
        if trig.pos == "V" and stance(tok):
            return None
        if trig.pos == "V" and generic_kind(tok):
            return None
        if not trig.curated and self.document_subject(tok) is not None:
            return None
        # a speech act or a threat needs someone to make it; a law, a limit, a life or an act as the doer ("term limits offer a solution", "the Constitution demands a trial", "the law has condemned
        # women to...", "the mother's life is threatened by the pregnancy", "acts that threaten sovereignty") is a
        # figure of speech, no PLOVER event (curated rows too)
        if trig.pos == "V" and trig.plover in _VERBAL_TYPES and self.thing_as_doer(tok) is not None:
            return None
        verb = tok.head if tok.dep_ == "dobj" else tok  # "the power to impose sanctions": its object too
        noun = infinitive_of_noun(verb)
        if noun is not None and _word_in(noun, self.capacity_nouns):
            return None
        if trig.pos == "N" and (self.medical(tok) or self.singular_only_in_name(tok)):
            return None
        for part in (trig.cue or "").split("&"):  # "announced the cause of death as a cardiac arrest": no arrest
            negate, kind, words = parse_cue(part)
            if kind == "desc" and not negate:
                hits = [d for d in _subtree(tok, 3) if d.lemma_.lower() in words]
                if hits and all(self.medical(d) for d in hits):
                    return None
        if self.not_political(tok, trig.plover) is not None:
            return None
        if trig.pos == "V" and trig.plover in ("ASSAULT", "PROTEST") and natural_cause(tok, self.natural_causes) is not None:
            return None  # "the storm killed 12", "an earthquake struck", "floods blocked roads": no one's act
        if trig.plover != "ASSAULT":
            return trig
        why = self.figurative(tok)
        if why is None:
            return trig
        if trig.pos == "V" and tok.lemma_.lower() in self.verbal_attacks and any(c.dep_ == "dobj" for c in tok.children) \
                and abstract_object(tok, self.abstract_nouns) is not None:
            return Trigger(trig.lemma, trig.pos, "ACCUSE", "disapprove", "111", None, None, trig.weight, trig.curated,
                           note=f"; figurative attack ({why}): criticism (PLOVER ACCUSE)")
        return None

    def figurative(self, tok) -> str | None:
        """Why the conflict word ``tok`` names no physical violence (PLOVER ASSAULT is the use of force; a
        political contest or criticism is ACCUSE or no event), or None when it may be violence:
        it is aimed at an abstract thing, a law or a disease ("fight for rights", "battle for the nomination",
        "fight the virus", "clashed with some of the stances"), or a contest verb at a disaster ("fought the
        blaze"); its subject is abstract ("his politics clashed
        with"); or a contest verb (cues.tsv ``contest_verb``: defeat, fight, battle) with no armed word
        (``armed``) in its phrase or its subject's is a contest in an election (an ``electoral`` word in its
        phrase, or in the object of the verb it is the purpose of: "entered the race to defeat Trump"),
        or a fight with no one to fight and no place, in a sentence with no armed word ("Let's keep
        fighting", "our moment to fight for an America that works")."""
        aims = aimed_at(tok)
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and tok.dep_ in ("advcl", "xcomp", "conj"):  # "troops were sent to fight": the head's
            subjects = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(_word_in(w, self.armed_words) for s in subjects for w in s.subtree):
            return None  # armed doers: "Taliban fighters attacked the election", "militias battled for influence"
        abstract = self.abstract_nouns  # a contest with a disaster is no violence either: "fought the blaze"
        if tok.lemma_.lower() in self.contest_verbs:  # (not "opened fire": the fire is the weapon)
            abstract = abstract | self.natural_causes

        def abstract_aim(c) -> bool:  # a cognate object stands for what it is fought with: "a battle with cancer"
            return _word_in(c, abstract) or any(_word_in(g, abstract) for g in _cognate_aims(c))

        obj = next((c for c in aims if abstract_aim(c)), None)
        if obj is not None and all(abstract_aim(c) for c in aims):  # "fought police for democracy" is violence
            return f"aimed at the abstract '{obj.text}'"
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and not self.event_head(c)  # "fighting killed 20"
                     and (c.lower_ in self.abstract_nouns or c.tag_ == "NN" and c.lemma_.lower() in self.abstract_nouns)),
                    None)  # singular or as listed: "Western powers bombed Libya" are states, not power
        if subj is not None:
            return f"its subject '{subj.text}' is abstract"
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.contest_verbs or self.violent_context(tok, aims):
            return None
        scope = list(_subtree(tok, 3))
        if tok.dep_ in ("advcl", "xcomp"):  # the purpose of entering a race: the race is the head's object
            scope += [w for c in tok.head.children if c.dep_ in ("dobj", "prep") for w in c.subtree]
        politician = next((w for s in subjects for w in (s, *s.conjuncts) if _word_in(w, self.politicians)), None)
        if politician is not None:  # "Lawmakers battled the government over the budget" (not "the president's guards")
            return f"a political contest ('{politician.text}' with no armed word)"
        contest = next((w for w in scope if _word_in(w, self.electoral_words)), None)
        political = not aims or any(a.ent_type_ in ("PERSON", "ORG", "NORP") or _word_in(a, self.electoral_words)
                                    or _word_in(a, self.politicians) for a in aims)
        if contest is not None and political:  # against a candidate or a party, not "opposition supporters"
            return f"a contest in an election ('{contest.text}')"
        targets = [c for c in tok.children if c.dep_ == "dobj" or c.dep_ == "prt" and c.lower_ in ("back", "off")] + [
            c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("against", "with", "over", *_LOCATIVE_PREPS)]
        if not targets and not any(_word_in(w, self.armed_words) for w in tok.sent):
            return "no one to fight, no place and no armed word in the sentence"
        return None

    def violent_context(self, tok, aims) -> bool:
        """The fighting word ``tok`` is physical: an armed word (``armed``: soldiers, gunmen, rioters, guards)
        in what it acts on (its object, a passive agent, an against/on/at phrase; not a "with every weapon" or
        a clause), or a death or injury word in its own clause outside what it is aimed at, a participle such
        as "leaving 40 dead" included, a reported or planned clause not ("fought the lockdown, saying it would
        kill"; "fought to save lives")."""
        acted = [w for c in tok.children if c.dep_ in ("dobj", "agent") or c.dep_ == "prep" and c.lower_ in
                 ("against", "on", "at") for w in c.subtree]
        if any(_word_in(w, self.armed_words) for w in acted):
            return True
        aimed = {w.i for a in aims for w in a.subtree}
        skip = {w.i for c in tok.children if c.dep_ in ("ccomp", "xcomp", "csubj") or c.dep_ == "advcl" and (
            c.tag_ != "VBG" or c.lemma_.lower() in self.speech_verbs) for w in c.subtree}
        return any(w.lemma_.lower() in self.harm_words and w.i not in aimed and w.i not in skip and w.i != tok.i
                   for w in tok.subtree)

    def singular_only_in_name(self, tok) -> bool:
        """A noun that is an event only in the plural, used in the singular: "talks" are negotiations, "his talk
        at the think tank" is a speech (cues.tsv ``plural_only``)."""
        return tok.tag_ == "NN" and tok.lemma_.lower() in self.plural_only

    def document_subject(self, tok):
        """The subject of a PETRARCH2 dictionary verb when it is a law, a document or an abstract thing ("the
        policy provides airlines with 45 days", "the constitution prohibits", "the decision put it"): what a
        text says or allows is no act of an actor (PETRARCH codes actor-on-actor clauses); None otherwise."""
        return next((c for c in tok.children if c.dep_ == "nsubj" and _word_in(c, self.document_nouns)), None)

    @staticmethod
    def thing_as_doer(tok):
        """The doer of a verbal act when it is a thing: an active subject, or the agent of a passive ("threatened by the pregnancy"), that is a common noun of a law, a document, an abstract thing or
        one of cues.tsv kind ``thing_doer`` (not a name, a pronoun or a person)."""
        doers = [c for c in tok.children if c.dep_ == "nsubj"]
        doers += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if tok.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in tok.children):
            doers.append(tok.head)  # "acts that threaten sovereignty": the noun the relative clause describes
        return next((d for d in doers if (d.pos_ == "NOUN" and not d.ent_type_ or d.pos_ == "PROPN"
                                          and d.ent_type_ not in ("PERSON", "GPE", "NORP"))
                     and _word_in(d, cue_words("thing_doer"))), None)

    def not_political(self, tok, plover: str) -> str | None:
        """Why the trigger ``tok`` reports a market move or a game, not a political event, or None:

        * its doer (its subject, or for a noun the subject of the verb it "comes under": "the rand came under
          attack") is a price, a currency, an index or a traded good (cues.tsv ``market``: "shares retreated",
          "the Nikkei surrendered early gains"; not a person, "Ned Price condemned", nor a noun event's cause,
          "oil prices surged after the attack");
        * it is "demand" after a rise or fall (``market_change``: "a rebound in demand");
        * it is a contest word (ASSAULT, PROTEST, RETREAT, CONCEDE: "crushed", "a late strike", "conceded two
          goals") in a sentence with a word only games use (``sport``: "qualifier", "goalless", "midfielder")
          or a game's score (``game_score``: "crushed Sevilla 4-1"; not beside a vote's word), and no armed people
          nor a crowd (``armed``, ``sport_crowd``)."""
        head = tok
        if tok.pos_ in _NOUN_POS and tok.dep_ == "pobj" and tok.head.lower_ == "under":
            head = tok.head.head
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None) if head.pos_ in _VERB_POS else None
        if subject is not None and subject.pos_ in ("NOUN", "PROPN") and subject.ent_type_ != "PERSON" \
                and _word_in(subject, self.market_words):
            return f"its subject '{subject.text}' is a price or a market"
        if tok.lower_ == "demand" and tok.dep_ == "pobj" and tok.head.lower_ == "in" \
                and _word_in(tok.head.head, self.market_changes):
            return f"a '{tok.head.head.text} in demand' is a market quantity"
        if plover not in _CONTEST_TYPES:
            return None
        sport = next((w for w in tok.sent if _word_in(w, self.sport_words)), None)
        if sport is None and (score := game_score(tok.sent)) is not None \
                and not any(_word_in(w, self.electoral_words) or w.pos_ in ("VERB", "NOUN")
                            and w.lemma_.lower() in cue_words("tally") for w in tok.sent):  # (a
            # vote's "52-48" is no game, nor a court's "ruled 6-3")
            sport = score
        if sport is not None and not any(_word_in(w, self.armed_words) or _word_in(w, self.sport_crowd)
                                         for w in tok.sent):
            return f"a game ('{sport.text}'), no armed people or crowd"
        return None

    def medical(self, tok) -> bool:
        """An event noun made a medical condition by its modifier ("heart attack", "cardiac arrest")."""
        return any(c.dep_ in _MOD_DEPS and c.lower_ in self.natural_modifiers for c in tok.children)

    def force_blocked(self, tok, plover: str) -> bool:
        """A model-proposed ASSAULT anchored at a verb whose doer is a disaster, accident or disease, or
        figurative (``figurative``)."""
        return plover == "ASSAULT" and (natural_cause(tok, self.natural_causes) is not None
                                        or self.figurative(tok) is not None)

    def confidence(self, tok, trig: Trigger, lead: bool = False) -> float:
        """Detector confidence: the trigger row's weight, plus syntax support (a subject, the
        sentence's main verb, a satisfied cue) and news-lead prominence (the article's first
        sentence states its main event: inverted-pyramid writing)."""
        score = trig.weight + (0.1 if lead else 0.0)
        deps = {c.dep_ for c in tok.children}
        if deps & {"nsubj", "nsubjpass", "agent"}:
            score += 0.1
        if tok.dep_ == "ROOT":
            score += 0.1
        if trig.cue:
            score += 0.05
        if self.in_context_clause(tok):
            score -= 0.1
        return round(min(score, 0.95), 2)

    def in_context_clause(self, tok) -> bool:
        """The trigger tells the context of another act: a clause or a noun after "after", "following", "since",
        "amid" (cues.tsv ``context_mark``: "Italy announced a suspension of air links one day after a Serbian jet shot
        down a helicopter", "reimposed blockades following the shooting deaths"), which news writes after the main
        event."""
        if tok.dep_ == "pobj":
            return tok.head.lower_ in self.context_marks and tok.head.head.i != tok.head.i
        return tok.dep_ == "advcl" and any(c.dep_ in ("mark", "prep") and c.lower_ in self.context_marks and c.i < tok.i
                                           for c in tok.children)

    def mode_for(self, sent, trig: Trigger, tok=None) -> tuple[str | None, str]:
        # a row's default weapon mode ('clash'/'fight' firearms, 'strike' aerial) is a guess; a weapon named in the trigger's own phrase says how ("protesters clashed with police
        # and threw rocks": primitive; "drone strikes": drone; "clashed with police" and nothing else: no mode)
        if trig.mode in _GUESSED_MODES and trig.plover == "ASSAULT" and tok is not None \
                and not _word_in(tok, cue_words("weapon_word")):  # ("shot dead a knife-wielding attacker": a gun)
            mode, why = self.mode_cue([], trig.plover, tok)
            if mode is not None:
                return mode, why
            if trig.mode == "firearms" and any(_word_in(w, cue_words("crowd_word")) for w in tok.sent):
                return None, f"no weapon named for a crowd's clash (row default '{trig.mode}' dropped)"
        if trig.mode:
            return trig.mode, f"mode '{trig.mode}' from trigger row"
        return self.mode_cue(sent, trig.plover, tok)

    def mode_cue(self, sent, plover: str, tok=None) -> tuple[str | None, str]:
        """The mode set by cue words (or consecutive words: "tear gas"), first in the trigger's own phrase,
        else in the sentence; of several, the one listed first in ``mode_cues.tsv`` (the most specific:
        "fired mortars" is heavy-weapons, not firearms)."""
        if plover not in self.mode_types:
            return None, "no mode cue"
        for scope, words in (("phrase", list(tok.subtree) if tok is not None else []), ("sentence", sent)):
            found = []
            for t in words:
                hit = self.mode_cues.get((plover, t.lower_)) or self.mode_cues.get((plover, t.lemma_.lower()))
                if hit:
                    found.append((hit, t.text))
                for rest, phrase_hit in self.mode_phrases.get((plover, t.lower_), ()):
                    following = _following(t, len(rest))
                    if len(following) == len(rest) and all(w in (f.lower_, f.lemma_.lower()) for w, f in zip(rest, following)):
                        found.append((phrase_hit, " ".join([t.text] + [f.text for f in following])))
            if found:
                (_, mode), word = min(found)
                return mode, f"mode '{mode}' from cue word '{word}' in the trigger's {scope}"
        return None, "no mode cue"

    def codes(self, plover: str, mode: str | None, trig: Trigger | None) -> dict[str, str | None]:
        return codes(plover, mode, trig.cameo if trig else None, trig.acled_sub_event_type if trig else None)

    def _event(self, work, tok, start, plover, trig, sent, s_start, s_end, conf, type_reason) -> Event:
        if trig is not None:
            mode, mode_reason = self.mode_for(sent, trig, tok)
            codes = self.codes(plover, mode, trig)
        else:
            mode, mode_reason = self.mode_cue(sent, plover, tok)
            codes = self.codes(plover, mode, None)
        return Event(
            event_id=event_id(work.article.article_id, start, plover),
            article_id=work.article.article_id,
            event_type=plover,
            mode=mode,
            **codes,
            trigger=Span(text=tok.text, start=start, end=start + len(tok.text)),
            evidence=Span(text=work.article.text[s_start:s_end], start=s_start, end=s_end),
            confidence=conf,
            reasons={"type": type_reason, "mode": mode_reason},
        )

    def process_one(self, work: Work) -> None:
        sentences = list(work.sentences())
        probs: list[dict[str, float] | None] = [None] * len(sentences)
        article_p = None
        if self.model is not None and sentences:
            feats = [features([s]) for _, s, _, _ in sentences]
            # every sentence is scored as the model saw one-sentence texts in training (it is its own lead)
            probs = self.model.predict_leads(feats)  # = predict_many([article_features([f]) for f in feats])
            if len(sentences) > 1:  # the article's view: what the whole story is about (news leads state it)
                article_p = (self.article_model or self.model).predict(article_features(feats))
                # ... which says more than its sentences the longer the story: a two-sentence one is mostly its lead
                self.article_w = self.article_weight * min(1.0, (len(sentences) - 1) / self.article_ramp)
        events: list[Event] = []
        sentence_p: list[tuple[dict[str, float] | None, tuple]] = []
        for i, (para, sent, s_start, s_end) in enumerate(sentences):
            if sent.text.rstrip().endswith("?"):
                continue  # questions report no event
            p = probs[i]
            sentence_p.append((p, (para, sent, s_start, s_end)))
            found: list[Event] = []
            self.vetoed = set()
            anchors: dict[int, int] = {}  # token index -> position in found
            for tok in sent:
                trig = self.match(tok)
                if trig is None:
                    continue
                conf = self.confidence(tok, trig, lead=i == 0)
                if conf < self.min_confidence:
                    continue
                reason = (DICTIONARY_REASON if not trig.curated else "") \
                    + f"{'verb' if trig.pos == 'V' else 'noun'} trigger '{tok.lemma_}'" \
                    + (f" with cue {trig.cue}" if trig.cue else "") + f" -> {trig.plover}" + trig.note
                if p is not None:
                    conf, reason = self.rescore(conf, reason, trig.plover, p, article_p)
                anchors[tok.i] = len(found)
                found.append(self._event(work, tok, para.start + tok.idx, trig.plover, trig, sent, s_start, s_end,
                                         conf, reason))
            kept_from = frozenset(id(found[n]) for i, n in anchors.items() if preventer(sent.doc[i]) is not None)
            asides = frozenset(id(found[n]) for i, n in anchors.items() if in_the_air(sent.doc[i]))
            found = keep_best(self.without_purposes(sent, found, anchors), kept_from, asides)  # one per type
            if p is not None and not found:
                ev = self.model_event(work, p, article_p, para, sent, s_start, s_end)
                found = [ev] if ev is not None else []
            events.extend(found)
        if article_p is not None:
            main = self.article_main_event(work, events, sentence_p, article_p)
            if main is not None:
                events.append(main)
                events.sort(key=lambda e: e.trigger.start)
        work.events = events

    def without_purposes(self, sent, found: list[Event], anchors: dict[int, int]) -> list[Event]:
        """The sentence's candidates less those stated as the purpose of another candidate ("troops were
        deployed to help", "the delegations met to sign an agreement", "staged a sit-in to denounce the cuts"):
        PLOVER codes the act done, and the purpose clause's event is only its aim (one left alone gets
        factuality planned in the attributes stage). So too a motive ("resigned in protest": ``motive_head``)."""
        drop, result_verbs = set(), self.result_verbs
        purposes = {pos: purpose_head(sent.doc[i], result_verbs) for i, pos in anchors.items()}
        for i, pos in anchors.items():
            motive = motive_head(sent.doc[i], self.motives)
            done = found[anchors[motive.i]] if motive is not None and motive.i in anchors else None
            if done is not None and not done.reasons["type"].startswith(DICTIONARY_REASON) and done.event_type != "REJECT":
                # "resigned in protest": the resignation only (a dictionary row's act may still lose its actors, the
                # protest stays; a refusal in protest is the protest: "refused food in protest")
                drop.add(pos)
                done.reasons["purpose"] = f"'in {sent.doc[i].text}' states its motive, not an event"
                continue
            head = purposes[pos]
            # the act is the head verb, or the event noun it does ("staged a sit-in to denounce the cuts": PLOVER
            # codes the protest, not its topic)
            act = None if head is None else head.i if head.i in anchors else next(
                (c.i for c in head.children if c.dep_ == "dobj" and c.i in anchors and c.i != i), None)
            if act is not None:
                drop.add(pos)
                found[anchors[act]].reasons["purpose"] = f"'{sent.doc[i].text}' states its purpose, not an event"
            elif head is not None and any(ev.event_type == found[pos].event_type and purposes.get(n) is None
                                          for n, ev in enumerate(found) if n != pos):
                drop.add(pos)  # "entered the village to attack residents, killing nine": the killing is the act done
        return [ev for n, ev in enumerate(found) if n not in drop]

    # -- the model's part -----------------------------------------------------------
    def update(self, conf: float, p: dict[str, float], label: str, weight: float) -> float:
        """Bayes-style update of a confidence by the model's evidence for ``label``: the odds are
        multiplied by (K x P(label))^weight, K = number of labels. A model with no opinion (flat
        probabilities, e.g. on text unlike its training data) gives a factor near 1: no change."""
        return self.combine(conf, [(p, label, weight)])

    @staticmethod
    def combine(conf: float, evidence: list[tuple[dict[str, float], str, float]]) -> float:
        """The rule's confidence (clamped to [0.01, 0.99]) updated by several models' evidence at once,
        summed in log-odds so that a strong article view does not saturate what the sentence said."""
        conf = min(max(conf, 0.01), 0.99)
        z = math.log(conf / (1 - conf))
        for p, label, weight in evidence:
            z += weight * math.log(max(p.get(label, 0.0) * len(p), 1e-3))
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def rescore(self, conf: float, reason: str, plover: str, p: dict[str, float],
                article_p: dict[str, float] | None) -> tuple[float, str]:
        """The rule's confidence updated by the model's evidence for the rule's type in the sentence
        and, in a longer article, in the whole article."""
        evidence = [(p, plover, self.sentence_weight)]
        note = f"; model P({plover})={p.get(plover, 0.0):.2f} in sentence"
        if article_p is not None:
            evidence.append((article_p, plover, self.article_w))
            note += f", {article_p.get(plover, 0.0):.2f} in article"
        return self.combine(conf, evidence), reason + note

    def model_event(self, work: Work, p, article_p, para, sent, s_start, s_end) -> Event | None:
        """A sentence no trigger word matched: the model's type when it is sure (``model_min_prob``)
        and the sentence has a main verb (the event's anchor; a copula states no event)."""
        top = max(p, key=p.get)
        root = self.anchor(sent)
        if top == "NONE" or p[top] < self.model_min_prob or root.pos_ != "VERB" or top in self.vetoed:
            return None
        if self.force_blocked(root, top):
            return None
        evidence = [(p, top, self.sentence_weight)]
        reason = f"model: P({top})={p[top]:.2f} in sentence, anchored at the main verb '{root.lemma_}'"
        if article_p is not None:
            evidence.append((article_p, top, self.article_w))
            reason += f"; {article_p.get(top, 0.0):.2f} in article"
        conf = self.combine(self.min_confidence, evidence)
        return self._event(work, root, para.start + root.idx, str(top), None, sent, s_start, s_end, conf, reason)

    def anchor(self, sent):
        """The verb a model-only event hangs on: the sentence's main verb, or in a report ("the government
        ordered the paper to close, a spokesman said"; "Ethnic Albanians have sworn to fight, officials said")
        the reported clause's verb, whose subject is the event's source as event coders code it; a report of
        another speech act keeps the reporting verb ("the minister said he had told the ambassador to leave")."""
        root = sent.root
        if root.lemma_.lower() in self.speech_verbs:
            inner = next((c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
            if inner is not None and inner.lemma_.lower() not in self.speech_verbs:
                return inner
        return root

    def article_main_event(self, work: Work, events: list[Event], sentence_p, article_p) -> Event | None:
        """The article is about type T (article model, ``article_min_prob``) but no sentence produced
        a T event: among the first ``lead_sentences`` sentences with a main verb, the one the sentence
        model finds most typical of T states it, if T is also that sentence's most likely type."""
        top = max(article_p, key=article_p.get)
        if top == "NONE" or article_p[top] < self.article_min_prob or any(e.event_type == top for e in events):
            return None
        lead = [(p, s) for p, s in sentence_p[: self.lead_sentences] if p is not None and self.anchor(s[1]).pos_ == "VERB"]
        if not lead:
            return None
        p, (para, sent, s_start, s_end) = max(lead, key=lambda ps: ps[0].get(top, 0.0))
        if max(p, key=p.get) != top:
            return None  # the article model alone does not make an event: the sentence must agree
        root = self.anchor(sent)
        if self.force_blocked(root, top):
            return None
        conf = self.combine(self.min_confidence, [(p, top, self.sentence_weight), (article_p, top, self.article_w)])
        reason = (f"model: article about {top} (P={article_p[top]:.2f}), no trigger word for it; "
                  f"lead sentence most typical of it (P={p.get(top, 0.0):.2f}), anchored at '{root.lemma_}'")
        return self._event(work, root, para.start + root.idx, str(top), None, sent, s_start, s_end, conf, reason)
