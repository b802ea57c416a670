"""Back-references: which earlier event of its article a definite event noun is a later mention of.

"Gunmen attacked a police station in Zamfara on Sunday. ... The attack was condemned by the governor": the
second sentence tells no new event, it names the first one again. One finder (``link_mentions``) decides this
once per article, and three stages use its answer:

* ``actors.place`` (after ``geo``, where it runs): a mention of violence, protest or coercion (``BACK_TYPES``)
  whose sentence names no one takes the source and target of the event it refers to, and its place when its own
  is missing or of lower confidence (``inherit_actors_and_place``);
* ``dates``: a mention whose sentence gives it no date takes its antecedent's (``antecedent``), unless that is
  only the article's date;
* ``attributes``: a mention that still has its antecedent's type and factuality is recorded as a repeat in
  ``reasons["coref"]`` ("repeats event <id>: ..."), and dedup counts the two as one event (``mark_repeats``).

A mention is a noun event with "the", "this", "these"... and nothing that makes it another event: a number, a
date, a word such as "second" or "same" (``cues.tsv`` kind ``distinct``), a possessor, an "of", "by" or "on"
phrase ("the shooting of the suspect", "the blast on Tuesday"). Its antecedent is an earlier event of the same
type that is not itself a mention, chosen by the trigger's family (``data/actors/back_references.tsv``):

* a family word ("the shooting") refers to the nearest earlier event of its family ("police shot him");
* "the attack", "the incident" (family ``*``), or a family word with no event of its family before it, refer to
  the first event of the type whose trigger names no other family: in a story whose events of that type are all in one place, the story's first ("the attack"
  later in a story is its lead's stabbing, not the police shooting the attacker); in a story of incidents in
  several places, the first of the mention's own paragraph ("In Zamfara, bandits attacked a market. The attack
  left three dead"), else none;
* a word the table does not list ("the talks", "the meeting"), or one with "that" or "those" ("That attack was
  claimed by Islamic State" after a second attack), refers to the nearest earlier event of its type (of its
  family, if there is one).

For family words, a telling whose sentence names a doer or a victim is preferred: the rules above are tried first
on those (the event the story is about: "90 civilians were wounded" rather than "twin bombings struck the
cathedral"), then on all. A mention with a firm place of its own refers to an event there first ("The talks in
Cairo"); one of violence, protest or coercion never to one placed elsewhere ("the attack in Beslan"; a place
holding the other's, a country or an admin1, is no elsewhere: "arrested in Dakar ... the arrests across Senegal"); none to one whose
actors have other countries. When the attributes stage finds that the antecedent was no event of the same
reality (a threatened attack, recoded THREATEN), the mention is no repeat and is dated by its own words. Every
link carries its reason ("'shooting' refers back to the ASSAULT event at 'shot' ...")."""
from __future__ import annotations

from functools import lru_cache

from .geo import FINENESS
from .schema import Event, Work
from .tables import cue_words, load_table

BACK_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE"})  # types whose mention takes its antecedent's actors
REPEAT_REASON = "repeats event"
_DETERMINERS = frozenset({"the", "this", "these", "that", "those"})
_OWN_PARTS = frozenset({"nummod", "poss"})  # "two attacks", "his arrest": another event, or one coded by itself
_OWN_PREPS = frozenset({"of", "by", "on"})  # its victim, doer or day: "the shooting of the suspect"
_DATED = frozenset({"DATE", "TIME"})
# how a word that sets a mention apart modifies it ("the second attack", "another attack"; not "the first bomb went
# off in the cathedral, the second in its car park", where "second" is an elliptic apposition)
_MODIFIERS = frozenset({"amod", "det", "nummod", "compound", "advmod", "quantmod", "predet", "npadvmod"})


@lru_cache(maxsize=None)
def families() -> dict[str, str]:
    """{lemma: family} of ``back_references.tsv`` ("shooting" and "shoot": shoot; "attack": * for any)."""
    return {r["word"]: r["family"] for r in load_table("actors/back_references.tsv")}


def _family(tok) -> str | None:
    table = families()
    return table.get(tok.lemma_.lower()) or table.get(tok.lower_)


def is_mention(tok) -> bool:
    """A noun with a definite determiner and no part that sets it apart (see the module docstring)."""
    if tok is None or tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in _DETERMINERS for c in tok.children):
        return False
    distinct = cue_words("distinct")
    for c in tok.children:
        if c.dep_ in _OWN_PARTS or c.lower_ in distinct and c.dep_ in _MODIFIERS or c.ent_type_ in _DATED \
                or c.dep_ == "prep" and c.lower_ in _OWN_PREPS:
            return False
        if c.dep_ in ("prep", "relcl", "acl") and any(g.ent_type_ in _DATED for g in c.subtree):
            return False  # "the blast on Tuesday", "the protests that erupted in 2019"
    return True


def _distal(tok) -> bool:
    """"that attack", "those arrests" point at the event just told ("this attack" may be the story's own)."""
    return any(c.dep_ == "det" and c.lower_ in ("that", "those") for c in tok.children)


def _firm_place(ev: Event):
    place = ev.location
    return place if place is not None and place.inferred != "focus" else None


def _contains(big, small) -> bool:
    """``big`` is the country or the admin1 ``small`` lies in (a region's bounds are not known: "the West Bank" does
    not hold Gaza City)."""
    if big.country != small.country or FINENESS.get(big.precision, 0) >= FINENESS.get(small.precision, 0):
        return False
    return big.precision == "country" or small.admin1 is not None and small.admin1 in (big.admin1, big.name)


def _elsewhere(own, theirs) -> bool:
    """The mention's own place is not where its antecedent was: another name, unless one holds the other ("Sonko
    was arrested in Dakar ... The arrest triggered the worst unrest in Senegal")."""
    if own is None or theirs is None or own.name == theirs.name:
        return False
    return not (_contains(own, theirs) or _contains(theirs, own))


def _other_countries(a: Event, b: Event) -> bool:
    """A known country of a source or target differs ("the air strikes" answering "the attacks": other sides)."""
    for role in ("source", "target"):
        x, y = getattr(a, role), getattr(b, role)
        if x is not None and y is not None and x.country and y.country and x.country != y.country:
            return True
    return False


def _choose(tok, before: list[Event], lemma: dict[str, str], own_place, veto: bool, paragraph) -> Event | None:
    """The antecedent of the mention at ``tok`` among the earlier non-mention events of its type, ``before``: one
    placed where its own firm place is first ("The talks in Cairo" are the Cairo talks); with ``veto`` (violence,
    protest, coercion), none placed elsewhere."""
    table = families()
    family = _family(tok)
    if own_place is not None:
        if veto:  # (one with no place may be there: "the attacks ... struck the plant at Abqaiq")
            before = [e for e in before if not _elsewhere(own_place, e.location)]
        before = [e for e in before if e.location is not None and e.location.name == own_place.name] or before
    if family is None or _distal(tok):  # "the talks"; "That attack", "Those arrests": the one just told
        same = next((e for e in reversed(before) if family not in (None, "*") and table.get(lemma[e.event_id]) == family),
                    None)
        return same or (before[-1] if before else None)
    # a telling whose sentence names a doer or a victim before one that names none (the event the story is about:
    # "90 civilians were wounded" rather than "twin bombings struck the cathedral"): of its family, then of the pool
    informed = [e for e in before if e.source is not None or e.target is not None]
    pool = before if family == "*" else [e for e in before if table.get(lemma[e.event_id]) in (None, "*")]
    places = {p.name for e in before if (p := _firm_place(e)) is not None}
    for group in (informed, before):
        same = None if family == "*" else next((e for e in reversed(group) if table.get(lemma[e.event_id]) == family), None)
        ids = {id(e) for e in group}
        first = same or _first([e for e in pool if id(e) in ids], places, paragraph)
        if first is not None:
            return first
    return None


def _first(pool: list[Event], places: set[str], paragraph) -> Event | None:
    """The story's first event of ``pool`` in a one-place story; in a story of incidents in several ``places``, the
    first of the mention's own paragraph ("In Zamfara, bandits attacked a market. The attack left three dead."),
    else none."""
    if len(places) <= 1:
        return pool[0] if pool else None
    return next((e for e in pool if paragraph is not None and paragraph.start <= e.trigger.start < paragraph.end), None)


def link_mentions(work: Work) -> None:
    """Fill ``work.mentions`` ({mention's trigger start: antecedent's trigger start}) and each mention's
    ``reasons["refers_back"]``. Run once actors and places are known (``actors.place``)."""
    work.mentions = {}
    lemma: dict[str, str] = {}
    earlier: list[Event] = []
    for ev in sorted(work.events, key=lambda e: e.trigger.start):
        tok = work.token_at(ev.trigger.start)
        lemma[ev.event_id] = tok.lemma_.lower() if tok is not None else ""
        if is_mention(tok):
            before = [e for e in earlier if e.event_type == ev.event_type and e.trigger.end <= ev.trigger.start]
            # a place sets incidents of violence, protest or coercion apart; a meeting's or a statement's place may
            # be its topic ("The talks focused on Ukraine")
            ante = _choose(tok, before, lemma, _firm_place(ev), ev.event_type in BACK_TYPES,
                           work.paragraph_of(ev.trigger.start))
            if ante is not None and not _other_countries(ante, ev):
                work.mentions[ev.trigger.start] = ante.trigger.start
                ev.reasons["refers_back"] = (f"'{tok.text}' refers back to the {ante.event_type} event at "
                                             f"'{ante.trigger.text}' earlier in the article")
                continue
        earlier.append(ev)


def antecedent(work: Work, ev: Event) -> Event | None:
    """The event ``ev`` is a later mention of (same type), or None."""
    start = work.mentions.get(ev.trigger.start)
    if start is None:
        return None
    return next((e for e in work.events if e.trigger.start == start and e.event_type == ev.event_type), None)


def inherit_actors_and_place(work: Work) -> None:
    """A mention of ``BACK_TYPES`` by a word of ``back_references.tsv`` whose sentence names no one takes the
    source and target of the first telling of its event that names someone in its own words: the antecedent, or
    else a mention between ("The Houthi movement claimed responsibility for the attacks. ... the attacks occurred
    at 4:00 A.M."); its place too, when its own is missing or of lower confidence (and in that event's
    country): "The attacks triggered major fires" was where the attack it names was. A firm place of its own stays
    ("The riots spread across Senegal")."""
    inherited: set[int] = set()
    for ev in sorted(work.events, key=lambda e: e.trigger.start):
        tok = work.token_at(ev.trigger.start)
        ante = antecedent(work, ev) if ev.event_type in BACK_TYPES and ev.source is None and ev.target is None \
            and tok is not None and _family(tok) is not None else None
        if ante is None:
            continue
        root = ante.trigger.start
        tellings = [e for e in work.events if e.event_type == ev.event_type and e.trigger.start < ev.trigger.start
                    and (e.trigger.start == root or work.mentions.get(e.trigger.start) == root)
                    and id(e) not in inherited and (e.source is not None or e.target is not None)]
        if not tellings:
            continue  # no telling names anyone: nothing to lend (nor a place chosen without a doer or a victim)
        donor = min(tellings, key=lambda e: e.trigger.start)
        why = ev.reasons["refers_back"]
        if donor is not ante:
            why += f", told again at '{donor.trigger.text}'"
        taken = work.inherited.setdefault(ev.trigger.start, set())
        for side in ("source", "target"):
            actor = getattr(donor, side)
            if actor is not None:
                setattr(ev, side, actor.model_copy(update={"reason": f"{why}: its {side} ({actor.reason})"}))
                inherited.add(id(ev))
                taken.add(side)
        own, theirs = ev.location, donor.location or ante.location
        if theirs is not None and (own is None or own.country == theirs.country and own.inferred == "focus"):
            ev.location = theirs.model_copy(update={"reason": f"{why}: its place ({theirs.reason})"})
            taken.add("location")


def _other_years(a: Event, b: Event) -> bool:
    own = ("article", "unanchored")
    return bool(a.date and b.date and a.date.value and b.date.value and a.date.precision not in own
                and b.date.precision not in own and a.date.value[:4] != b.date.value[:4])


_HAPPENED = frozenset({"asserted", "reported-claim"})


def _same_reality(a: str | None, b: str | None) -> bool:
    """Both happened (told as fact or as someone's claim: "90 civilians were wounded, Mijares claimed" and "the
    attacks"), or the same other factuality (planned, hypothetical, negated, historical)."""
    return a == b or a in _HAPPENED and b in _HAPPENED


def mark_repeats(work: Work) -> list[Event]:
    """After factuality (attributes stage): a mention whose antecedent still has its type (a type can be recoded)
    and its factuality (``_same_reality``), and no date of another year, is a repeat: ``reasons["coref"]`` =
    "repeats event <id>: ..."; dedup counts both as one canonical event (the records stay, with what each sentence
    adds). Any other mention is no repeat: returned, so that the caller dates it anew if it took its antecedent's
    date ("The rebels threatened on Friday to attack Goma ... The attack would displace a million people": the
    attack would come later than the threat). Its actors and place stay: they are the same people and place; not for
    one its own words date in another year ("In 2021, the arrests sparked riots"), which is another event."""
    undone = []
    for ev in work.events:
        if ev.trigger.start not in work.mentions:
            continue
        ante = antecedent(work, ev)
        if ante is not None and _same_reality(ante.factuality, ev.factuality) and not _other_years(ante, ev):
            ev.reasons["coref"] = f"{REPEAT_REASON} {ante.event_id}: {ev.reasons['refers_back']}"
            continue
        undone.append(ev)
        if ante is not None and _other_years(ante, ev):  # "In 2021, the arrests sparked riots": other arrests
            taken = work.inherited.get(ev.trigger.start, set())
            for side in ("source", "target"):
                if side in taken:
                    setattr(ev, side, None)
            if "location" in taken:
                ev.location = None
    return undone
