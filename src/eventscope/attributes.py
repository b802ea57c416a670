"""Event attributes: fatalities, factuality and quotes (v1).

* **fatalities**: a number (digits, number words, or a vague word from
  ``data/attributes/vague_numbers.tsv``) syntactically tied to a death word in
  the event's sentence ("22 people have lost their lives", "killing three",
  "the death toll rose to 12").  Numbers under "including ..." are parts of a
  total already counted and are ignored; ranges keep the lower figure; deaths
  a disaster, accident or disease caused ("the storm killed 12") are no fatalities.
* **factuality**: negated > hypothetical > planned > reported-claim > historical > asserted,
  from the trigger's verb chain (auxiliaries, governing verbs, subordinators;
  cue words in ``data/attributes/cues.tsv``; an infinitive completing a noun is
  hypothetical, "a vote to remove him", or planned after a noun of decision,
  "the decision to withdraw"), and from the event date
  (a date after publication means planned; a date more than a year before
  publication means historical).
* **quotes**: quoted passages (“...” or "...") with the speaker found through
  a reporting verb ("Ushakov told reporters", "says ... Haroon Mir",
  "according to X"); a surname is expanded to the full name used earlier in
  the article.  An event whose trigger lies inside a quote carries it.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from typing import Any, NamedTuple

from .coref import mark_repeats
from .dates import date_event, to_date
from .events import (HYPHENS, acled_actor_codes, acled_event_type, codes, event_id, infinitive_of_noun, keep_best,
                     natural_cause, phrasal_lemma, preventer, purpose_head)
from .schema import Event, Passage, Quote, Work
from .stage import Stage
from .tables import cue_words, load_table, trigger_lemmas

_CURLY_QUOTE = re.compile(r"“([^”]{15,})”")
_OPENING_MARK = re.compile(r'(?:^|(?<=[\s:(]))"(?=\w)')  # a straight mark that opens: not '... missing," she said'
_PLACE_ADJUNCT_PREPS = {"in", "at", "near", "inside", "outside", "across", "around", "throughout", "within"}
_PLACE_NOUNS = {"city", "town", "village", "capital", "province", "district", "region", "area", "country", "state",
                "county", "market", "street", "square", "neighbourhood", "neighborhood", "camp", "port", "border"}
_BACK_PRONOUNS = {"them", "they"}  # words that name the people acted on only by reference to an earlier sentence
_CROWD_NOUNS = {"crowd", "crowds", "gathering", "throng"}
_GOAL_PREPS = {"for", "to", "of", "toward", "towards"}  # prepositions naming what a verb or noun aims at
HISTORICAL_DAYS = 90  # an event that ended three months before publication is background
PURPOSE_REASON = "infinitive of purpose"  # factuality reason of an event stated as the aim of another act (cue "purpose")


class Stated(NamedTuple):
    """A factuality the words state (``AttributesStage.stated_factuality``): its label, the reason a user reads, and
    the kind of cue that gave it, which later rules read instead of the reason: "neg" (a negation word on the verb
    chain: "did not accept"), "no" ("no deal"), "head:<lemma>" (a governing cue word: "failed to reach"), "purpose"
    (an infinitive of purpose: "sent troops to secure the town"), "kept" (what is kept from happening), "" (another)."""
    label: str
    reason: str
    cue: str = ""
_CLIMB_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "conj", "acl", "attr", "acomp"}
_CARRY_VERBS = {"carry", "transport", "ferry", "house", "host", "shelter"}  # "a bus carrying soldiers": who is in it
_CORE_DEPS = {"nsubj", "nsubjpass", "dobj", "agent"}  # the words naming an event's participants directly
_PLACE_ENTS = {"GPE", "LOC", "FAC"}  # entity labels of places; a "@" group may name them: a place by its proper name


def parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def date_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    try:
        parts = [int(p) for p in value.split("-")]
    except ValueError:
        return None
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    day = dt.date(*parts[:3])
    return day, day


# PLOVER THREATEN modes by the threatened act (and its mode; "*" any other): THREATEN's mode is the threat's content
_THREAT_MODES = {"ASSAULT": {"*": "violence"}, "COERCE": {"arrest": "arrest", "*": "restrict"},
                 "SANCTION": {"expel": "expel", "*": "restrict"}, "RETREAT": {"*": "relations"},
                 "CONCEDE": {"*": None}}


def _victim_deps(word) -> tuple[str, ...]:
    """The dependency labels of the ones who died, on the verb of death word ``word``: the subject of "die",
    "perish", "lose (one's) life"; the passive subject or the object of "kill", "murder", "shoot dead"."""
    lemma = word.lemma_.lower()
    verb = word.head if lemma in ("life", "dead") else word
    if lemma in ("die", "perish", "life"):
        return ("nsubj",)
    return ("nsubjpass",) if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) else ("dobj",)


def _same_clause(word, trigger) -> bool:
    """``word`` and ``trigger`` share a clause: climbing from either to the other crosses no clause boundary
    (relative, adverbial, complement clause), in either direction ("police killed three protesters at the rally":
    the rally is in the killing's clause)."""
    def reaches(a, b) -> bool:
        cur = a
        for _ in range(40):
            if cur.i == b.i:
                return True
            if cur.dep_ in ("relcl", "acl") and cur.head.i == b.i:
                return True  # "protests in which two people were killed": a clause about the trigger itself
            if cur.dep_ in ("relcl", "advcl", "ccomp", "acl", "csubj", "parataxis") or cur.head.i == cur.i:
                return False
            cur = cur.head
        return False
    if word.lemma_.lower() in ("dead", "life") and word.head.i != word.i:
        word = word.head  # "shot dead", "lost their lives": the verb
    return reaches(word, trigger) or reaches(trigger, word)


def _no_one(subject) -> bool:
    """"nobody", "none", "no one", "no troops", "not a single soldier"; not "not all troops", "not everyone"."""
    if subject.lower_ in ("nobody", "none", "nothing"):
        return True
    kids = {c.lower_ for c in subject.children}
    if kids & {"all", "every", "only", "just", "even"} or subject.lower_ in ("everyone", "everybody", "everything"):
        return False
    return any(c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no" for c in subject.children) or any(
        t.lower_ == "not" and t.i < subject.i for t in subject.subtree)  # "not a single soldier"


def _one_person(tok) -> bool:
    """``tok`` names one person: he/she, a person's name, or a singular person noun (an agent noun of the actor
    tables or a word like man, woman, child) with an article or possessive ("a journalist", "the commander";
    not "a family", "the deal", "no one")."""
    if tok.lower_ in ("he", "she", "him", "her"):
        return True
    if tok.pos_ == "PROPN":
        return tok.ent_type_ == "PERSON"
    if _no_one(tok):
        return False  # "not a single soldier"
    lemma = tok.lemma_.lower()
    return tok.tag_ == "NN" and lemma not in cue_words("group") and lemma in _person_nouns() and any(
        d.dep_ in ("det", "poss") and d.lower_ not in ("no", "every", "each", "any", "some") for d in tok.children)


@functools.lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Nouns for one person: the actor tables' agent nouns (soldier, journalist, councillor...) and
    ``cues.tsv`` rows of kind ``person`` (man, woman, child...)."""
    agents = {r["noun"].lower() for r in load_table("actors/agents.tsv") if " " not in r["noun"]}
    bodies = {r["noun"].lower() for r in load_table("actors/collective_nouns.tsv")} | cue_words("group")  # government
    return frozenset((agents - bodies) | cue_words("person"))


def _refusal(tok, cue: str) -> bool:
    """A negated acceptance that tells of a refusal ("did not accede to the demands", "were not accepted by his
    campaign", "could not reach an agreement", "failed to reach agreement"): a "not" or "fail" on the verb chain (not
    "no deal", "no one"), no condition
    above it ("even if no agreement is reached", "if we can't resolve it"), not "not yet", no word of
    ``cues.tsv`` kind ``no_refusal`` near it ("did not accept the offer until Friday", "did not immediately accept",
    "did not accept responsibility", "did not agree to be named"), no "agree with" or "approve of" ("did not agree with the
    ruling", "did not approve of the violence": opinions), and a passive
    names who refused ("has not been certified" names no one). ``cue``: the kind of cue that negated it (``Stated.cue``)."""
    if tok is None or cue not in ("neg", "head:fail"):
        return False  # ("failed to reach agreement" as "could not reach" one)
    near = [t for t in tok.subtree if abs(t.i - tok.i) <= 6] + list(tok.head.children)
    if any(t.lower_ in cue_words("no_refusal") for t in near) \
            or tok.lemma_.lower() in ("agree", "approve") and any(c.dep_ == "prep" and c.lower_ in ("with", "of")
                                                                 for c in tok.children):
        return False  # "until Friday", "immediately", "responsibility", "to be named"; "agree with the ruling",
        #               "approve of the violence" are opinions
    for w in [tok, *tok.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in w.children):
            return False
        if any(c.dep_ == "advmod" and c.lower_ in ("yet", "all") for c in w.children):
            return False  # "has not yet conceded", "do not all agree"
        if w.pos_ in ("VERB", "AUX") and any(c.dep_ == "auxpass" for c in w.children) \
                and not any(c.dep_ == "agent" for c in w.children):
            return False
        if w.dep_ not in ("xcomp", "dobj", "pobj", "prep", "acomp", "conj"):
            break  # up to the clause the trigger stands in
    return True


def _if_not(mark) -> bool:
    """A concessive "if not" ("thousands if not tens of thousands were killed", "difficult if not impossible"): no
    condition."""
    doc = mark.doc
    return mark.lower_ == "if" and mark.i + 1 < len(doc) and doc[mark.i + 1].lower_ == "not"


class AttributesStage(Stage):
    name = "attributes"

    def setup(self) -> None:
        from recognizers_number import Culture, NumberRecognizer

        self.numbers = NumberRecognizer(Culture.English).get_number_model()
        self.vague = {r["word"]: int(r["value"]) for r in load_table("attributes/vague_numbers.tsv")}
        cues = load_table("attributes/cues.tsv")
        self.cues = {(r["kind"], r["word"]): r["class"] for r in cues}
        self.death_words = cue_words("death")
        self.natural_causes = cue_words("natural_cause")
        self.result_verbs = cue_words("result_verb")
        self.acled_rules = [_acled_rule(r) for r in load_table("events/acled_rules.tsv")]
        self.future_types = {(r["plover"], f): r for r in load_table("events/future_types.tsv")
                             for f in r["factuality"].split("|")}
        self.use_future_types = bool(self.config["events.future_types"])
        self.speech_words = cue_words("speech")
        self.speech_act_nouns = cue_words("speech_act_noun")

    # -- fatalities -------------------------------------------------------
    def number_of(self, tok) -> int | None:
        """The integer a token (or its number modifier) states, if any."""
        words = [tok] if tok.like_num else [c for c in tok.children if c.dep_ == "nummod" or c.like_num]
        for word in words:
            phrase = " ".join(t.text for t in word.subtree if t.like_num or t.dep_ in ("compound", "quantmod"))
            results = self.numbers.parse(phrase or word.text)
            for r in results:
                try:
                    value = float(r.resolution["value"])
                except (KeyError, TypeError, ValueError):
                    continue
                if value.is_integer() and 0 <= value < 1e6:
                    return int(value)
        text = tok.lower_
        two = " ".join(t.lower_ for t in tok.doc[max(tok.i - 1, 0): tok.i + 1])
        return self.vague.get(two, self.vague.get(text))

    def fatalities_in(self, sent, trigger=None) -> tuple[int | None, str]:
        """The number killed that ``sent`` states (ACLED's lowest credible figure) and why; 0 when it says nobody
        died and no death word counts any. With ``trigger`` (an arrest or a protest), only a death word in the
        trigger's own clause, or one whose clause holds the trigger, counts ("the soldier who killed the protester
        was arrested" states no death of the arrest)."""
        zero = None
        for tok in sent:
            lemma = tok.lemma_.lower()
            if lemma not in self.death_words or trigger is not None and not _same_clause(tok, trigger):
                continue
            if lemma == "life" and tok.head.lemma_.lower() not in ("lose", "claim"):
                continue
            verb = tok.head if lemma == "life" else tok
            if natural_cause(verb, self.natural_causes) is not None:
                continue  # "the storm killed 12": deaths no attack caused
            if any(c.dep_ == "prep" and c.lower_ in ("in", "during", "since", "throughout") and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in cue_words("whole_war") for g in c.children)
                    for c in verb.children):
                continue  # "300,000 people were killed in the conflict": a whole war's toll, no one event's
            candidates = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")]
            if lemma in ("dead", "death", "fatality", "toll"):
                candidates.append(tok)
                candidates += [c for c in tok.children if c.dep_ in ("prep",)] and [
                    g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            if lemma == "toll":
                candidates += [g for c in verb.head.children if c.dep_ == "prep" for g in c.children]
            if lemma == "life":  # "claimed the lives of at least 40 soldiers"
                candidates += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                               if g.dep_ == "pobj"]
            for cand in candidates:
                if any(a.lower_ == "including" for a in cand.ancestors if a.i > verb.i):
                    continue
                if _no_one(cand):  # "no one", "nobody", "none", "not a single soldier"
                    zero = zero or (0, f"'{cand.text}' tied to death word '{tok.text}': nobody died")
                    continue  # a later death word may still count some ("none died at the scene, two later")
                value = self.number_of(cand)
                if value is None and _one_person(cand) and any(c.dep_ == "conj" for c in cand.children) \
                        and cand.dep_ in _victim_deps(tok) and self.counts_victims(tok):
                    value = 1  # "killed a police officer and two civilians": the conjuncts add up below
                if value is not None:
                    # "two soldiers and a civilian were killed": the conjuncts' counts add up
                    more = [(c, n) for c in cand.conjuncts if c.i > cand.i
                            if (n := self.conjunct_count(c)) is not None]
                    if more:
                        total = value + sum(n for _, n in more)
                        return total, (f"numbers of '{cand.text}' and its conjuncts "
                                       f"({', '.join(c.text for c, _ in more)}) tied to death word '{tok.text}'")
                    return value, f"number '{cand.text}' tied to death word '{tok.text}'"
            victim = self.one_victim(tok) if self.counts_victims(tok) else None
            if victim is not None:
                return 1, f"one person, '{victim.text}', is the one who died ('{tok.text}')"
        return zero or (None, "")

    def conjunct_count(self, tok) -> int | None:
        """The number a coordinated victim adds: its own number, else 1 for one person ("and a civilian")."""
        value = self.number_of(tok)
        return value if value is not None else 1 if _one_person(tok) else None

    @staticmethod
    def counts_victims(word) -> bool:
        """A death word that states deaths that happened: not an infinitive or a complement ("planned to murder
        the official", "threatened to kill him")."""
        verb = word.head if word.lemma_.lower() in ("life", "dead") else word
        return not (verb.dep_ in ("xcomp", "advcl", "acl", "ccomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))

    @staticmethod
    def one_victim(word):
        """The single person a death word says died ("a journalist died", "he was killed", "killed the
        commander", "shot dead a councillor", "lost his life"): a named person, he/she, or a singular noun with
        an article or possessive that names no group ("a family", "the crew" and "no one" count nothing).
        Negated verbs and coordinated victims count nothing here."""
        lemma = word.lemma_.lower()
        verb = word
        if lemma == "life":
            if word.head.lemma_.lower() == "claim":  # "the attack claimed the life of a soldier"
                of = [g for c in word.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                      if g.dep_ == "pobj" and not any(k.dep_ in ("conj", "nummod") for k in g.children)]
                return of[0] if of and word.tag_ == "NN" and _one_person(of[0]) else None
            verb = word.head
        elif lemma == "dead" and word.dep_ in ("oprd", "acomp", "advmod", "xcomp", "ccomp", "dobj"):
            verb = word.head
        if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in verb.children):
            return None
        deps = _victim_deps(word)
        for c in verb.children:
            if c.dep_ not in deps or any(g.dep_ in ("conj", "nummod") for g in c.children):
                continue
            if _one_person(c):
                return c
        return None

    # -- factuality -------------------------------------------------------
    def verb_chain(self, tok):
        """The trigger and the words governing it, up to its clause's main verb."""
        chain, cur = [tok], tok
        for _ in range(4):
            own_subject = cur.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)
            # a coordinated verb with its own tense or auxiliary does not share its partner's negation or
            # modality: "did not concede and vowed to fight", "will not attack and will withdraw" (but "did not
            # concede or admit defeat": the bare "admit" shares "did not")
            own_tense = cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX") and (
                cur.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass", "neg") for c in cur.children))
            if own_subject or own_tense or cur.dep_ not in _CLIMB_DEPS or cur.head.i == cur.i:
                break  # a clause with its own subject carries its own modality
            cur = cur.head
            chain.append(cur)
        return chain

    def factuality(self, work: Work, ev: Event, stated: Stated | None = None) -> tuple[str, str]:
        """The event's factuality and why: from the words (``stated``, computed when not given),
        else from its date."""
        stated = stated or self.stated_factuality(work, ev)
        pub = parse_date(work.article.published)
        tok = work.token_at(ev.trigger.start)
        if stated is not None and stated.label == "planned" and tok is not None and self._called(tok) is not None \
                and pub and ev.date and ev.date.value and ev.date.basis == "sentence" \
                and (bounds := date_bounds(ev.date.value)) and bounds[1] < pub:
            return "asserted", f"{stated.reason} for {ev.date.value}, before publication"  # ("called a strike for June 3")
        if stated is not None:
            return stated.label, stated.reason
        past = tok is not None and any(t.tag_ in ("VBD", "VBN") for t in (tok, tok.head))
        if ev.date and ev.date.value and pub and ev.date.precision not in ("article", "unanchored"):
            bounds = date_bounds(ev.date.value)
            if bounds and bounds[0] > pub and not past:  # "signed a truce that takes effect next week" happened
                return "planned", f"event date {ev.date.value} is after publication {pub}"
            # a date the sentence itself gives (not one inherited from the paragraph, nor the start of
            # something going on "since June") over HISTORICAL_DAYS before publication is background; else a year
            own = ev.date.basis == "sentence" and not re.search(
                r"\bsince\s+(?:early\s+|late\s+|mid-?)?" + re.escape(ev.date.text or "\x00"), ev.evidence.text, re.I)
            days = HISTORICAL_DAYS if own else 365
            if bounds and bounds[1] < pub - dt.timedelta(days=days):
                return "historical", f"event date {ev.date.value} is over {days} days before publication {pub}"
        if ev.date and ev.date.value is None and ev.date.text and (past or re.search(r"\b\d{3}0[’']?s\b", ev.date.text)) \
                and re.search(r"\b(?:years|decades|centuries)\s+ago\b|\b\d{3}0[’']?s\b", ev.date.text, re.I):
            # (a decade, "in the 1990s", is the past whatever the trigger's form: "a policy of confiscating")
            return "historical", f"its date '{ev.date.text}' names no day but lies years before publication"
        if ev.date and ev.date.basis == "background":
            # the dates stage found the event told as background before the story
            # ("previously", "formerly", a past perfect not reported): PLOVER's auxiliary mode historical
            return "historical", f"background before the story's time ({ev.date.reason.split(':')[0]})"
        return "asserted", "no negation, modality or future cue"

    def stated_factuality(self, work: Work, ev: Event) -> Stated | None:
        """Negated, hypothetical, planned or reported-claim as the text states it (cue words on the
        trigger's verb chain), or None."""
        tok = work.token_at(ev.trigger.start)
        return self._stated(tok) if tok is not None else None

    def _stated(self, tok, outer: bool = True) -> Stated | None:
        found: dict[str, str] = {}  # label -> the reason of the first cue that gave it
        kinds: dict[str, str] = {}  # label -> that cue's kind (``Stated.cue``)

        def note(label: str, reason: str, kind: str = "") -> None:
            if label not in found:
                found[label], kinds[label] = reason, kind

        would = None
        chain = self.verb_chain(tok)
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in cue_words("ending"):
            chain = [tok]  # "called for Russia to end its invasion": the invasion goes on, whatever is asked of it
        kept = self._kept_from(tok) if outer else None
        if kept is not None and kept[0] != "asserted":
            return Stated(*kept, "kept")
        if kept is not None:  # "failed to prevent the attack": the attack happened; what governs the failing is
            chain = [tok]  # not said of the attack
        # the words above a preposition that names a topic or a relation do not say whether the event
        # happened: "asked about the bombing", "an inquiry into the arrest", "an appeal against the arrest",
        # "denied involvement in the bombing" (but "called for a ceasefire", "agreed to talks", "the threat of
        # an attack", "agreed on a ceasefire" name what is asked for, agreed or threatened: cues.tsv on_goal)
        for i, word in enumerate(chain[1:], 1):
            if word.dep_ == "prep" and word.lower_ not in _GOAL_PREPS and ("prep", word.lower_) not in self.cues \
                    and not (word.lower_ == "on" and ("on_goal", word.head.lemma_.lower()) in self.cues) \
                    or word.dep_ == "prep" and word.lower_ == "to" and word.head.lemma_.lower() in cue_words("reaction"):
                chain = chain[:i]  # (what a response is "to" has happened: "weighing a response to the attack")
                break
        for i, word in enumerate(chain):
            when = self._future_clause(word)
            if when is not None:  # "fighting will stop once the deal is signed": the signing is still to come
                note(self.cues[("future_mark", when.lower_)], f"'{when.text}' clause of the future '{word.head.text}'")
            for child in word.children:
                low = child.lower_
                if child.dep_ == "neg" or (child.dep_ == "det" and low == "no"):
                    note("negated", f"negation '{child.text}' on '{word.text}'", "neg" if child.dep_ == "neg" else "no")
                elif child.dep_ in ("nsubj", "nsubjpass") and word is tok and tok.pos_ in ("VERB", "AUX") \
                        and _no_one(child) and not _claims_responsibility(word):
                    # "no one was killed", "not a single life was lost", "no troops crossed" (the trigger's own
                    # subject: "No group has claimed the attack" does not deny the attack)
                    note("negated", f"the subject '{child.text}' is no one")
                elif child.dep_ == "aux" and low == "would":
                    if not any(g.dep_ == "advmod" and ("habitual", g.lower_) in self.cues for g in word.children):
                        would = would or (child, word)  # conditional, or future in reported speech: decided below
                    else:  # "would sometimes kill the farmers" is a past habit: background
                        note("historical", f"past habit '{child.text} ... {word.text}'")
                    # ("would sometimes kill": a past habit, not a condition)
                elif child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children):
                    mark = next(m for m in child.children if m.dep_ == "mark" and m.lower_ in ("if", "unless"))
                    note("hypothetical", f"conditional '{mark.text}' clause on '{word.text}'")
                elif child.dep_ in ("aux", "auxpass") and (("aux", low) in self.cues):
                    note(self.cues[("aux", low)], f"auxiliary '{child.text}' on '{word.text}'")
                elif child.dep_ == "mark" and ("mark", low) in self.cues and not _if_not(child):
                    note(self.cues[("mark", low)], f"'{child.text}' clause")
                elif child.dep_ == "mark" and low == "for" and (head := _for_head(word, self.cues)) is not None:
                    # "called for Ruto to resign", "it is safe for residents to return" (not "it took three days
                    # for the army to recapture the town")
                    note(self.cues[("for_head", head.lemma_.lower())], f"'for' clause of '{head.text}'")
                elif child.dep_ == "amod" and ("amod", low) in self.cues and word is tok:
                    note(self.cues[("amod", low)], f"modifier '{child.text}'")
                elif child.dep_ == "advmod" and ("advmod", low) in self.cues \
                        and not (low == "once" and child.i + 1 < len(child.doc) and child.doc[child.i + 1].lower_ == "again"):
                    # ("previously", "formerly", "once" mark a past event told as background: historical;
                    # "once again" does not)
                    note(self.cues[("advmod", low)], f"'{child.text}' on '{word.text}'")
                elif child.dep_ == "advmod" and low == "yet" and i > 0 and word.lemma_.lower() in ("have", "be"):
                    note("negated", f"'{word.text} yet to ...': not done (yet)")  # "has yet to concede"
            denied_statement = tok.pos_ == "NOUN" and tok.lemma_.lower() in self.speech_act_nouns \
                and tok.dep_ == "dobj" and tok.head.i == word.i \
                and self.cues.get(("head", word.lemma_.lower())) == "negated"  # "denied the allegations": made
            # (not "denied making any threats", "refused to make a request": none was made)
            if i > 0 and (call := self._called(chain[i - 1])) is not None and call.i == word.i:  # "the union called a
                # strike (for Monday)"
                note(self.cues[("called_event", chain[i - 1].lemma_.lower())], f"called by '{word.text}'")
            elif i > 0 and ("head", word.lemma_.lower()) in self.cues and not _claims_responsibility(word) \
                    and not _call_not_for(word) and not denied_statement:
                note(self.cues[("head", word.lemma_.lower())], f"governed by '{word.text}'", f"head:{word.lemma_.lower()}")
            elif i > 0 and ("topic_head", word.lemma_.lower()) in self.cues and proposal_talked_over(
                    tok, chain[i - 2 if i > 1 and chain[i - 1].dep_ == "prep" else i - 1], word):
                note(self.cues[("topic_head", word.lemma_.lower())], f"what '{word.text}' talks over")
            elif i > 0 and word.dep_ == "prep" and ("prep", word.lower_) in self.cues:  # "left without a deal"
                note(self.cues[("prep", word.lower_)], f"object of '{word.text}'")
        # "sent troops to secure the town", "raises money to assist": the aim of the main act, not an act done
        aim = None
        for w in chain:  # not across a finite coordination: "arrived to arrest them and shot two" shot them
            if purpose_head(w, self.result_verbs) is not None:  # ("sent to secure the town and arrest them": both aims)
                aim = w
                break
            if w.dep_ == "conj" and w.tag_ in ("VBD", "VBZ", "VBP"):
                break
        if aim is not None:
            note("planned", f"{PURPOSE_REASON} of '{aim.head.text}'", "purpose")
        # "a vote to remove him", "efforts to ban", "a motion to impose sanctions": proposed, not done
        noun = infinitive_of_noun(tok.head if tok.dep_ == "dobj" else tok)  # the trigger, or the object of one
        if noun is not None:
            label = self.cues.get(("to_noun", noun.lemma_.lower())) or self.cues.get(("head", noun.lemma_.lower()))
            note(label or "hypothetical", f"infinitive completing the noun '{noun.text}'")
        top = chain[-1]  # a clause with its own subject, complement of a cue verb: "denied that troops shelled"
        if top.dep_ == "ccomp" and ("head", top.head.lemma_.lower()) in self.cues:
            note(self.cues[("head", top.head.lemma_.lower())], f"clause governed by '{top.head.text}'")
        if would is not None:
            aux, word = would
            reported = top.dep_ == "ccomp" and top.head.lemma_.lower() in self.speech_words
            if reported and "hypothetical" not in found:  # "announced it would withdraw": future in the past
                note("planned", f"'{aux.text}' on '{word.text}' reported by '{top.head.text}' (future in the past)")
            else:
                note("hypothetical", f"auxiliary '{aux.text}' on '{word.text}'")
        for label in ("negated", "hypothetical", "planned", "reported-claim", "historical"):
            if label in found:
                return Stated(label, found[label], kinds[label])
        return None

    def _called(self, noun):
        """The verb "call" that organises the protest ``noun`` ("the union called a strike for Monday", "called a
        rally"; cues.tsv ``called_event``): still to come. None for "called off the strike", for naming ("called the
        arrests a tragedy"), for "called for", and for a strike told as done ("called a strike last week that closed
        every port")."""
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_.lower() != "call" or ("called_event", noun.lemma_.lower()) not in self.cues \
                or not _call_not_for(verb) or any(c.dep_ in ("prt", "oprd", "ccomp", "xcomp") for c in verb.children) \
                or any(c.dep_ in ("relcl", "acl") and c.tag_ == "VBD" for c in noun.children):
            return None
        return verb

    def _future_clause(self, verb):
        """The subordinator ("once", "when", "after", "until": cues.tsv ``future_mark``) of ``verb``'s time clause when
        the verb it hangs on is future ("will stop once the deal is signed", "will withdraw after the agreement is
        signed"): English tells such a clause in the present, though what it tells is still to come. None otherwise,
        and for a clause in the past ("will be tried for what happened when the troops opened fire"; a present perfect
        after "after": "will investigate after police have shot dead two protesters")."""
        if verb.dep_ != "advcl" or verb.tag_ == "VBD" \
                or any(a.dep_ in ("aux", "auxpass") and a.tag_ in ("VBD", "VBN") for a in verb.children) \
                or not any(a.dep_ == "aux" and self.cues.get(("aux", a.lower_)) == "planned" for a in verb.head.children):
            return None
        mark = next((c for c in verb.children if c.dep_ in ("mark", "advmod") and c.i < verb.i
                     and ("future_mark", c.lower_) in self.cues), None)
        if mark is not None and mark.lower_ == "after" and any(
                a.dep_ == "aux" and a.lemma_ == "have" for a in verb.children):
            return None  # "will investigate after police have shot two protesters": done ("once they have handed
        return mark  # over their weapons" is still to come)

    def _kept_from(self, tok) -> tuple[str, str] | None:
        """What an event kept from happening (``events.preventer``) is, and why: the class ``cues.tsv`` gives the
        preventing word (negated: "foiled an attack", "prevented protesters from marching"; hypothetical: "banned
        rallies", "a ban on protests") when that word is itself asserted; hypothetical when the preventing is only
        planned, asked or possible ("vowed to prevent attacks"); ``("asserted", ...)`` when it is negated ("failed
        to prevent the attack"). None when nothing keeps it from happening."""
        verb = preventer(tok)
        if verb is None:
            return None
        lemma = phrasal_lemma(verb) if verb.pos_ != "NOUN" else verb.lemma_.lower()
        label = next(self.cues[(k, w)] for w in (lemma, verb.lemma_.lower())
                     for k in ("ban_noun", "preventing", "keeping") if (k, w) in self.cues)
        if label == "unless_begun":  # "called off the strike" (``preventer`` already left out one that had gone on)
            label = "negated"
        if verb.pos_ == "NOUN":
            return label, f"banned by '{verb.text}'"
        went_ahead = next((a for c in verb.children if c.dep_ == "conj" for a in c.children
                           if a.dep_ == "advmod" and ("regardless", a.lower_) in self.cues), None) or next(
            (c for c in verb.children if c.dep_ == "conj" and ("went_ahead", c.lemma_.lower()) in self.cues
             and not any(g.dep_ == "neg" for g in c.children)
             and any(g.dep_ == "cc" and g.lower_ in ("but", "yet") for g in verb.children if g.i < c.i)), None)
        if went_ahead is not None:  # "banned the march, but thousands marched anyway", "..., but hundreds gathered"
            return "asserted", f"'{verb.text}' was defied ('{went_ahead.text}')"
        if verb.tag_ == "VBN" and any(a.lower_ == "have" for a in verb.children if a.dep_ == "aux") \
                and any(a.tag_ == "MD" for a in verb.children if a.dep_ == "aux"):  # "could have been prevented":
            return "asserted", f"'{verb.text}' could have been, and was not"  # it happened
        governor = verb.head if verb.dep_ in ("xcomp", "advcl", "relcl") and verb.head.i != verb.i else None
        if governor is not None and ("too_little", governor.lower_) in self.cues:  # "did nothing to prevent" (spaCy:
            governor = governor.head  # "to prevent" a clause of "nothing")
        too_little = next((c for c in governor.children if c.dep_ in ("dobj", "nsubjpass")  # ("nothing was done to")
                           and ("too_little", c.lower_) in self.cues), None) if governor is not None else None
        if too_little is not None:  # "did little to prevent the massacre"
            return "asserted", f"'{governor.text} {too_little.text}' to '{verb.text}' it: not kept from happening"
        if governor is not None and ("attempt", governor.lemma_.lower()) in self.cues:
            return "hypothetical", f"'{governor.text}' to keep it from happening"  # "tried to prevent the crowd from
            # storming": perhaps in vain
        own = self._stated(verb, outer=False)
        if own is None or own[0] == "reported-claim":
            return label, f"kept from happening by '{verb.text}'" + (f" ({own[1]})" if own else "")
        if own[0] == "negated":
            return "asserted", f"'{verb.text}' is negated ({own[1]}): not kept from happening"
        return "hypothetical", f"to be kept from happening by '{verb.text}' ({own[1]})"

    # -- PLOVER's future-tense rules --------------------------------------
    def future_type(self, ev: Event, words: Stated | None, tok=None) -> None:
        """A cooperative action reported in the future tense is an AGREE, an announced retreat a
        CONCEDE, a negated acceptance or concession a REJECT (PLOVER manual; ``data/events/future_types.tsv``). ``words``: the factuality the
        words give (a date after publication alone does not make a future tense); an infinitive of
        purpose ("raised money to assist") is planned but keeps its type: it is the aim of an act, not a
        future action announced. Codes follow the new type."""
        stated = words.label if words else None
        row = self.future_types.get((ev.event_type, stated))
        if row is None or words is not None and words.cue == "purpose":
            return  # a purpose ("raised money to assist") is the aim of an act, not a future action announced
        if stated == "negated" and not _refusal(tok, words.cue if words else ""):
            return
        if tok is not None and tok.dep_ == "xcomp" and ("acting_head", tok.head.lemma_.lower()) in self.cues:
            return  # PLOVER's future rules are about an actor's own intent, not what another ordered or allowed
            #         ("ordered the army to withdraw" stays RETREAT, planned)
        old = ev.event_type
        ev.event_type, ev.mode = row["becomes"], None
        ev.event_id = event_id(ev.article_id, ev.trigger.start, ev.event_type)
        for key, value in codes(ev.event_type, None).items():
            setattr(ev, key, value)
        ev.reasons["type"] = (ev.reasons.get("type", "") + f"; {stated} {old} coded {ev.event_type} "
                              f"(PLOVER manual, section {row['section']})")
        ev.reasons["mode"] = f"{ev.event_type} has no mode here (was {old})"
        if stated == "negated":  # "did not accede to the demands": the refusal is what happened
            ev.factuality = "asserted"
            ev.reasons["factuality"] += f"; the negated {old} is a refusal, which happened"

    def threat(self, ev: Event, tok, words: Stated | None) -> bool:
        """PLOVER THREATEN ("all threats, coercive or forceful warnings"; its mode is the threat's content): force,
        a coercive act or a sanction that the actor itself announces as future or conditional ("said they would
        blockade Paris", "announced that it is prepared to impose martial law", "have sworn to fight", "I will
        totally destroy the economy of Turkey" in the speaker's quote), or a withdrawal it makes conditional ("will
        withdraw its force unless ..."). Someone else's expectation ("analysts fear Russia will invade") is no
        threat. Recodes the event and returns True."""
        if tok is None or words is None or words.label not in ("planned", "hypothetical") or words.cue == "purpose":
            return False
        own_act = tok.dep_ == "dobj" and tok.head.lemma_.lower() in cue_words("act_verb")
        if tok.pos_ in ("NOUN", "PROPN") and not own_act:
            return False  # "would investigate the shooting", "vowed to retaliate for the bombing": a past event
        # a withdrawal "unless" (or "if ... not") something is done is a threat; "would free the hostages if the war
        # ended" is an offer
        conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and (m.lower_ == "unless" or m.lower_ == "if" and any(
            g.dep_ == "neg" for g in c.children)) for m in c.children) for w in self.verb_chain(tok) for c in w.children)
        if ev.event_type in ("RETREAT", "CONCEDE") and not conditional:
            return False
        if ev.event_type not in _THREAT_MODES or not self.own_intention(ev, tok):
            return False
        old, mode = ev.event_type, _THREAT_MODES[ev.event_type].get(ev.mode or "", _THREAT_MODES[ev.event_type].get("*"))
        ev.event_type, ev.mode, ev.fatalities = "THREATEN", mode, None
        ev.reasons.pop("fatalities", None)
        ev.event_id = event_id(ev.article_id, ev.trigger.start, ev.event_type)
        for key, value in codes(ev.event_type, mode).items():
            setattr(ev, key, value)
        ev.reasons["type"] = (ev.reasons.get("type", "") + f"; {words.label} {old} announced by its own actor coded THREATEN "
                              f"(PLOVER manual, THREATEN: the mode is the threat's content)")
        ev.reasons["mode"] = f"threat of {mode}" if mode else f"THREATEN has no mode here (was {old})"
        return True

    def own_intention(self, ev: Event, tok) -> bool:
        """The event is its actor's own stated intention: in a quote its subject is "I" or "we"; in a clause reported
        by a speech or vow verb its subject is a pronoun or the speaker; or it completes "vow"/"swear" ("sworn to
        fight")."""
        chain = self.verb_chain(tok)
        if any(w.pos_ in ("NOUN", "PROPN") for w in chain[1:]):
            return False  # through a noun: "comply with the request to suspend Parliament" is someone else's aim
        if any(w.lemma_.lower() in cue_words("vow_verb") for w in chain[1:]):
            return True
        top = chain[-1]
        subject = next((c for c in top.children if c.dep_ == "nsubj"), None)  # a passive "they" is the victim
        if ev.quote is not None:
            return subject is not None and subject.lower_ in ("i", "we")
        said = top.head.lemma_.lower()
        if top.dep_ == "ccomp" and (said in self.speech_words or said in cue_words("vow_verb")
                                    or said in cue_words("announce_verb")):
            if said in cue_words("vow_verb"):
                return True
            speaker = next((c for c in top.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and speaker is not None and (subject.lower_ == speaker.lower_
                                                                 or _fits(subject.lower_, speaker)):
                return True
        return False

    # -- ACLED type -------------------------------------------------------
    def refine_acled(self, ev: Event, tok, lethal: bool) -> None:
        """ACLED's sub-event type from the sentence, the trigger's own phrase (``@`` word groups) and
        the actors (``data/events/acled_rules.tsv``, first matching row); ``reasons.acled`` says which
        definition applied."""
        if tok is None:
            return
        inter = {role: acled_actor_codes().get(a.sector, (0,))[0] if a else 0
                 for role, a in (("source", ev.source), ("target", ev.target))}
        sector = {"source": ev.source.sector if ev.source else "", "target": ev.target.sector if ev.target else ""}
        words = phrase = back = core = clause = None  # the sentence's lemmas, the trigger's own phrase, the words
        # "^", "=" and "+" groups see: each built for the first rule needing it
        for rule in self.acled_rules:
            if not (_allowed(rule["plover"], ev.event_type) and _allowed(rule["mode"], ev.mode or "")):
                continue
            if rule["current"] != "*" and rule["current"] != (ev.acled_sub_event_type or "-"):
                continue
            if rule["lethal"] != "-" and (rule["lethal"] == "yes") != lethal:
                continue
            if rule["actor"] != "-":
                role, _, allowed = rule["actor"].partition(":")
                roles = ("source", "target") if role == "any" else (role,)
                values = [sector[r] if allowed.lstrip("!")[:1].isalpha() else str(inter[r]) for r in roles]  # MIL|COP or 1|2
                if not any(_allowed(allowed, v) for v in values):
                    continue
            if (rule["groups"] or rule["back_groups"]) and words is None:
                words, joined = _lemmas(tok.sent)
            if (rule["phrase_groups"] or rule["not_phrase"] or rule["acted_groups"] or rule["not_acted"]
                    or rule["doer_groups"]) and phrase is None:
                root = _clause_head(tok)
                own = _own_phrase(root)
                heads = {root, tok}
                if root.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
                    # "protesters marched to the office and looted it": the coordinated verb shares the subject
                    heads.add(root.head)
                    own += [d for c in root.head.children if c.dep_ == "nsubj" for d in c.subtree]
                own = [t for t in own if t.ent_type_ != "DATE" or t.i == tok.i]  # the month "March" is no march
                phrase = {t.lemma_.lower() for t in own} | _place_names(own)
                acted_words = _acted_on(own, heads)
                acted = {t.lemma_.lower() for t in acted_words}
                acted_ids = {t.i for t in acted_words}
                doer = {t.lemma_.lower() for t in own if t.i not in acted_ids}  # the doer and the trigger itself
            if rule["core_groups"] and core is None:
                core = _core_words(tok)
            if rule["clause_groups"] and clause is None:
                clause = _lemmas(_protest_clause(tok), with_pos=True)
            if rule["back_groups"] and back is None:
                back = [(words, joined)] + ([_lemmas(prev)] if (prev := _antecedent_sentence(tok)) is not None else [])
            if any(not _group_in(group, words, joined) for group in rule["groups"]) \
                    or any(phrase.isdisjoint(group) for group in rule["phrase_groups"]) \
                    or any(not phrase.isdisjoint(group) for group in rule["not_phrase"]) \
                    or any(acted.isdisjoint(group) for group in rule["acted_groups"]) \
                    or any(not acted.isdisjoint(group) for group in rule["not_acted"]) \
                    or any(doer.isdisjoint(group) for group in rule["doer_groups"]) \
                    or any(core.isdisjoint(group) for group in rule["core_groups"]) \
                    or any(not _group_in(group, *clause) for group in rule["clause_groups"]) \
                    or any(not any(_group_in(group, w, j) for w, j in back) for group in rule["back_groups"]):
                continue
            sub = None if rule["sub_event_type"] == "-" else rule["sub_event_type"]
            if sub != ev.acled_sub_event_type:
                ev.acled_sub_event_type, ev.acled_event_type = sub, acled_event_type(sub)
                ev.reasons["acled"] = rule["why"]
            return

    def process_one(self, work: Work) -> None:
        quotes = find_quotes(work, self.speech_words)
        for ev in work.events:
            tok = work.token_at(ev.trigger.start)
            sent = tok.sent if tok is not None else None
            if sent is not None and ev.event_type in ("ASSAULT", "PROTEST", "COERCE"):
                ev.fatalities, why = self.fatalities_in(sent, None if ev.event_type == "ASSAULT" else tok)
                if why:
                    ev.reasons["fatalities"] = why
            stated = self.stated_factuality(work, ev)
            ev.factuality, ev.reasons["factuality"] = self.factuality(work, ev, stated)
            for passage in quotes:
                if passage.start <= ev.trigger.start < passage.end:
                    ev.quote = quote = passage.quote
                    ev.reasons["quote"] = f"trigger inside a quote attributed to {quote.speaker or 'an unknown speaker'}"
                    break
            if self.use_future_types:
                if not self.threat(ev, tok, stated):
                    self.future_type(ev, stated, tok)
            lethal = bool(ev.fatalities) if ev.fatalities is not None else (
                sent is not None and any(t.lemma_.lower() in self.death_words for t in sent))  # 0: "no one was killed"
            self.refine_acled(ev, tok, lethal)
        if self.use_future_types:  # a recoded type may repeat one the sentence already had: one per type
            work.events = keep_best(work.events)
        published = to_date(work.article.published)
        for ev in mark_repeats(work):  # no longer a repeat: dated by its own words again
            if ev.date is not None and ev.date.basis == "antecedent":
                ev.date = date_event(work, ev, published)


def _fits(pronoun: str, speaker) -> bool:
    """A pronoun that can be the speaker of its reporting verb: "we"; "it"/"they" for a body, a state or a group
    ("Russia said it would", "the rebels said they would"; not "the general said they would"), "he"/"she" for
    one person."""
    person = speaker.ent_type_ == "PERSON" or speaker.tag_ == "NN" and speaker.lemma_.lower() in _person_nouns()
    if pronoun == "we":
        return True
    if pronoun in ("he", "she", "i"):
        return person
    return pronoun in ("it", "they") and not person  # a state, a body or a group (Nigeria, the army, the rebels)


def _acled_rule(row: dict) -> dict:
    """One ``acled_rules.tsv`` row with its word groups sorted by where they must (or must not) occur:
    ``groups`` the sentence, ``phrase_groups`` ("@") the trigger's own phrase, ``not_phrase`` ("@!") not
    there, ``acted_groups`` ("~") the part of the own phrase the trigger acts on (its subject and a passive
    "by" agent left out: "gunmen shot dead a councillor" acts on the councillor, not on the gunmen),
    ``not_acted`` ("~!") not there, ``doer_groups`` ("<") the rest of the own phrase (the doer: "jets bombed a
    helicopter factory"), ``core_groups`` ("=") the event's core words (``_core_words``), ``clause_groups`` ("+")
    the trigger's clause and its coordinated verbs (``_protest_clause``), ``back_groups`` ("^") the sentence or
    the one before it."""
    groups = [g.strip() for g in row["words"].split(";")] if row["words"] != "-" else []
    kinds: dict[str, list] = {"groups": [], "phrase_groups": [], "not_phrase": [], "acted_groups": [],
                              "not_acted": [], "doer_groups": [], "core_groups": [], "clause_groups": [],
                              "back_groups": []}
    for g in groups:
        for prefix, kind, as_set in (("@!", "not_phrase", True), ("@", "phrase_groups", True),
                                     ("~!", "not_acted", True), ("~", "acted_groups", True),
                                     ("<", "doer_groups", True), ("=", "core_groups", True),
                                     ("+", "clause_groups", False),
                                     ("^", "back_groups", False), ("", "groups", False)):
            if g.startswith(prefix):
                words = g[len(prefix):].split("|")
                kinds[kind].append(set(words) if as_set else words)
                break
    return dict(row, **kinds)


def _acted_on(own: list, heads: set) -> list:
    """The words of a trigger's own phrase (``_own_phrase``) that name what it acts on: without the subtree
    of the trigger's or its clause head's subject and of a passive "by" agent (the doer), with the clause
    of a carrying verb that says who is inside what it acts on ("attacked a bus carrying soldiers")."""
    head_ids = {h.i for h in heads}
    doers = {d.i for h in heads for c in h.children if c.dep_ in ("nsubj", "agent") for d in c.subtree}
    kept = [t for t in own if t.i not in doers and t.i not in head_ids]
    carried = [d for t in kept for c in t.children if c.dep_ == "acl" and c.lemma_.lower() in _CARRY_VERBS
               for d in c.subtree]
    return kept + carried


def _place_names(own: list) -> set[str]:
    """The entity labels (GPE, LOC, FAC) of the places an own phrase names by a proper name, for "@" groups;
    a proper noun someone takes control of counts as GPE whatever the small model tags it ("regained control
    of Lalibela": little-known towns are often tagged PERSON; "control of inflation" names no place)."""
    labels = {t.ent_type_ for t in own if t.ent_type_ in _PLACE_ENTS}
    if any(t.pos_ == "PROPN" and t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() == "control"
           for t in own):
        labels.add("GPE")
    return labels


def _clause_head(tok):
    """The clause a trigger hangs from ("threw a grenade into a bar, wounding four": threw)."""
    while tok.dep_ in ("advcl", "xcomp") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _core_words(tok) -> set[str]:
    """The lemmas naming the event itself for ``=`` groups: the trigger and its clause head, their subjects,
    objects and "by" agents and the objects of their prepositions (head words only): "a collision killed
    eight", "were killed in a road accident", not "killed a motorcycle accident victim" or "killed nine, in
    what officials said was no accident"."""
    heads = {tok, _clause_head(tok)}
    words = {h.lemma_.lower() for h in heads}
    for h in heads:
        for c in h.children:
            if c.dep_ in _CORE_DEPS:
                words.add(c.lemma_.lower())
            elif c.dep_ == "prep":
                words |= {o.lemma_.lower() for o in c.children if o.dep_ == "pobj"}
    return words


def _protest_clause(tok) -> list:
    """The words a demonstration does for ``+`` groups: the own phrase (``_own_phrase``) of the trigger's
    clause and of every verb coordinated with it ("protested in Goma and blocked roads with burning tyres"; for
    a demonstration noun or a participle describing the protesters, the clause they are part of: "set fire to
    cars during a protest", "youths protesting the death set up barricades"),
    without subordinate clauses about other doers or times ("protested a day after rioters burned a bus",
    "protested after their team was smashed"), in sentence order."""
    first = tok
    if first.dep_ in ("acl", "relcl") and first.head.dep_ in ("nsubj", "nsubjpass"):
        first = first.head.head  # "youths protesting the death set up barricades": what the protesters did
    while first.pos_ not in ("VERB", "AUX") and first.head.i != first.i:
        first = first.head  # a demonstration noun: "set fire to cars during a protest"
    first = _clause_head(first)
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    verbs, stack = [], [first]
    while stack:
        v = stack.pop()
        verbs.append(v)
        stack.extend(c for c in v.children if c.dep_ == "conj")
    own = {t.i: t for v in verbs for t in _own_phrase(v)}
    other = {d.i for t in own.values() for c in t.children if c.dep_ == "advcl" and any(
        g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children) for d in c.subtree}
    return [own[i] for i in sorted(own) if i not in other]


def _lemmas(span, with_pos: bool = False) -> tuple[set[str], str]:
    """A span's lemmas as a set and as one string for several-word entries, hyphens left out ("tear-gas",
    "tear-gassed" read as "tear gas") and dates too (the month "March" is no march); ``with_pos`` adds
    "lemma/POS" entries ("torch/VERB": torched, not torches carried)."""
    kept = [t for t in span if t.text not in HYPHENS and t.ent_type_ != "DATE"]
    lemmas = [t.lemma_.lower() for t in kept]
    words = set(lemmas) | ({f"{t.lemma_.lower()}/{t.pos_}" for t in kept} if with_pos else set())
    return words, " " + " ".join(lemmas) + " "


def _group_in(group, words: set[str], joined: str) -> bool:
    """One of the group's entries is among the lemmas (a several-word entry as consecutive lemmas)."""
    return any((w in words) if " " not in w else (f" {w} " in joined) for w in group)


def _antecedent_sentence(tok):
    """The previous sentence of the paragraph when the trigger's own phrase names the people it acts on only
    by a pronoun or a crowd noun, not as the doer ("police fired tear gas at them", "they were tear-gassed",
    "... on the crowd"): who they were, a demonstration or fans, is said there. None otherwise."""
    sent = tok.sent
    if sent.start == 0:
        return None
    # the doer ("they fired") is not acted on
    acted_on = [t for t in _own_phrase(_clause_head(tok)) if t.i != tok.i and t.dep_ != "nsubj"]
    if tok.dep_ == "acomp":  # "they were tear-gassed" parsed as an adjective: its copula's subject is acted on
        acted_on += [c for c in tok.head.children if c.dep_ == "nsubj"]
    if not any(t.lower_ in _BACK_PRONOUNS or t.pos_ == "NOUN" and t.lemma_.lower() in _CROWD_NOUNS for t in acted_on):
        return None
    return tok.doc[sent.start - 1].sent


def _demonstrating(part) -> bool:
    """A protest verb's participle on a noun says they demonstrate: not of an armed or criminal group (cues.tsv
    ``armed_group``: "militants rallying in a hideout", "gang members rallying"), not a rally or march of someone
    ("rallying recruits", "marching voters to the polls"), not "protesting his innocence"."""
    noun = part.head
    if {w.lemma_.lower() for w in (noun, *(c for c in noun.children if c.dep_ in ("compound", "amod")))} \
            & cue_words("armed_group"):
        return False
    objects = [c.lemma_.lower() for c in part.children if c.dep_ == "dobj"]
    return not (objects and part.lemma_.lower() in ("rally", "march") or "innocence" in objects)


def _own_phrase(tok) -> list:
    """The trigger's own phrase for ACLED's "@" word groups: its subtree without coordinated,
    relative or participle clauses (other events: "attacked the town and police fired tear gas", "a
    man who had attended a protest", "civilians fleeing the fighting") and without place adjuncts ("seized drugs in the city"; "fired at
    protesters" keeps its target); a protest verb's participle on a noun stays, without its own words ("dispersed
    students protesting in Dhaka": they are demonstrators)."""
    out, stack = [tok], list(tok.children)
    while stack:
        t = stack.pop()
        if t.dep_ == "acl" and t.tag_ == "VBG" and t.lemma_.lower() in trigger_lemmas("V", ("PROTEST",)) \
                and _demonstrating(t):
            out.append(t)  # (only the word: "dispersed students protesting in Dhaka" acts on demonstrators)
            continue
        if t.dep_ in ("conj", "cc") and t.head.i == tok.i or t.dep_ in ("relcl", "acl"):
            continue
        if t.dep_ == "prep" and t.lower_ in _PLACE_ADJUNCT_PREPS and any(
                o.dep_ == "pobj" and (o.ent_type_ in _PLACE_ENTS or o.lemma_.lower() in _PLACE_NOUNS)
                for o in t.children):
            continue
        out.append(t)
        stack.extend(t.children)
    return out


def _for_head(clause, cues: dict) -> Any:
    """The word a "for X to do Y" clause completes when it is one of asking, waiting or possibility (``cues.tsv``
    kind ``for_head``): the clause's head ("called", "waited") or that head's adjective ("is safe for")."""
    head = clause.head
    for w in (head, *(c for c in head.children if c.dep_ == "acomp")):
        if ("for_head", w.lemma_.lower()) in cues:
            return w
    return None


@functools.lru_cache(maxsize=4096)  # (every rule of acled_rules.tsv is checked against every event)
def _allowed(spec: str, value: str) -> bool:
    """``"*"`` any value, ``"a|b"`` one of them, ``"!a|b"`` none of them."""
    if spec == "*":
        return True
    negate = spec.startswith("!")
    return (value in spec.lstrip("!").split("|")) != negate


def find_quotes(work: Work, speech_words: set[str]) -> list[Passage]:
    """Quoted passages, the speaker found just before the quote (``speaker_before``) or after it
    (``speaker_near``) and expanded to the full name a person has earlier in the article.
    Found once per article (kept on ``work.quotes``: the actors and attributes stages both read them).

    A passage lies inside one paragraph: a stray quote mark must not pair with the next paragraph's and turn
    the rest of the article's quotes inside out. A quote left open at a paragraph's end goes on when the next
    paragraph opens with a quote mark (how news prints a quote of several paragraphs): it is a passage to its
    paragraph's end, spoken by whoever speaks the quote that goes on. When the next paragraph's first mark closes it
    instead (a line break inside a quote), the passage runs to that mark. Left open otherwise, it is a stray mark."""
    if work.quotes is not None:
        return work.quotes
    speech_words = speech_words | cue_words("utterance")  # 'the crowd chanted "..."' names the speaker too
    text = work.article.text
    persons = [ent.text for para in work.paragraphs for ent in para.doc.ents if ent.label_ == "PERSON"]

    def passage(start: int, end: int, inner: str, found) -> Passage:
        speaker = _phrase(found[0]) if found is not None else None
        if speaker:
            speaker = next((p for p in persons if p != speaker and p.endswith(" " + speaker)), speaker)
        return Passage(start, end, Quote(speaker=speaker, text=inner.strip()), found[1] if found is not None else None,
                       found is not None and len(found) > 2 and found[2])

    out: list[Passage] = []
    going_on: list[int] = []  # passages of earlier paragraphs whose quote goes on here: they await its speaker
    carried = None  # where a quote opened that closes in this paragraph, which does not reopen it
    for k, para in enumerate(work.paragraphs):
        body = text[para.start:para.end]
        last = 0
        if carried is not None:
            close = _first_close(body, text[carried])
            start, end = carried, para.start + close + 1
            found = speaker_before(work, start, speech_words) or speaker_near(work, end, speech_words)
            out.append(passage(start, end, text[start + 1:end - 1], found))
            carried, last = None, close + 1
        spans, opened = _quote_spans(body, last)
        for a, b in spans:
            start, end = para.start + a, para.start + b
            found = speaker_before(work, start, speech_words) or speaker_near(work, end, speech_words)
            before = out[-1] if out and out[-1].end > para.start else None  # the paragraph's quote before it
            if found is None and before is not None and before.speaker_at is not None \
                    and before.end <= before.speaker_at < start:  # '"...," he said. "..."': his words go on
                out.append(before._replace(start=start, end=end, quote=Quote(speaker=before.quote.speaker,
                                                                             text=body[a + 1:b - 1].strip())))
            else:
                out.append(passage(start, end, body[a + 1:b - 1], found))
            if going_on and a == 0:  # the quote that went on ends here: its speaker spoke it all
                for i in going_on:
                    out[i] = out[i]._replace(quote=Quote(speaker=out[-1].quote.speaker, text=out[i].quote.text),
                                             speaker_at=out[-1].speaker_at)
            going_on = []
        following = text[work.paragraphs[k + 1].start:work.paragraphs[k + 1].end] if k + 1 < len(work.paragraphs) else ""
        # a quote opens at the paragraph's start or after a sentence, a colon or a comma ('reading "Justice for
        # Mahsa and marched' is a stray mark)
        opened = opened if opened is not None and body[:opened].rstrip()[-1:] in ("", ".", "!", "?", ":", ",") else None
        goes_on = opened is not None and len(body) - opened > 15 and following[:1] in ('"', "“")
        if not (goes_on and opened == 0):
            going_on = []  # no quote went on into this paragraph, or it stopped here unclosed
        if goes_on:
            start = para.start + opened
            found = speaker_before(work, start, speech_words)
            out.append(passage(start, para.end, body[opened + 1:], found))
            if found is None:
                going_on.append(len(out) - 1)
        elif opened is not None and _first_close(following, body[opened]) is not None:
            carried = para.start + opened  # a quote over a paragraph break its writer did not reopen
    work.quotes = out
    return out


def _first_close(body: str, mark: str) -> int | None:
    """Where the paragraph's first quote mark stands when it closes a quote opened with ``mark`` in an earlier
    paragraph (a curly closing mark before any opening one; a straight mark that does not open), else None."""
    if mark == "“":
        marks = [i for i, ch in enumerate(body) if ch in "“”"][:1]
        return marks[0] if marks and body[marks[0]] == "”" else None
    first = body.find('"')
    return first if first >= 0 and not _OPENING_MARK.match(body, first) else None


def _quote_spans(body: str, after: int) -> tuple[list[tuple[int, int]], int | None]:
    """The paragraph's quoted passages from ``after`` on, as (start, end) offsets of their marks, and where a quote
    is left open at its end. Curly marks pair as they open and close; straight marks pair in order, first with
    second, third with fourth, so a short quote ('called them "traitors"') uses up its two marks instead of
    leaving the next ones to pair inside out. A passage has at least 15 characters. Left open: a curly opening mark
    that no closing one follows, or the last of an odd number of straight marks when it opens (at the start or
    after a space, a colon or a bracket, before a word)."""
    curly = [(m.start(), m.end()) for m in _CURLY_QUOTE.finditer(body, after)]
    marks = [i for i in range(after, len(body)) if body[i] == '"' and not any(a < i < b for a, b in curly)]
    straight = [(a, b + 1) for a, b in zip(marks[::2], marks[1::2]) if b - a - 1 >= 15]
    opened = None
    last_curly = body.rfind("“", max([after] + [b for _, b in curly]))
    if last_curly >= 0 and "”" not in body[last_curly:]:
        opened = last_curly
    elif len(marks) % 2 and _OPENING_MARK.match(body, marks[-1]):
        opened = marks[-1]
    return sorted(curly + straight), opened


_INTRODUCED = re.compile(r"[^.!?\"“”]{0,40}[:,]\s*$")  # "said: ", "told reporters on Monday: ", "added, "


def speaker_before(work: Work, offset: int, speech_words: set[str]) -> tuple[Any, int, bool] | None:
    """Speaker of a quote starting at ``offset`` that a reporting verb introduces just before it ("Cruz said:
    \"...\"", "She told reporters on Monday: \"...\""): the subject of that verb, when only a few words and a colon or
    comma stand between them, or whose clause the quote's words are part of ("Masra said \"the election was
    stolen\""; else the speaker is looked for after the quote, ``speaker_near``). Its head token and that token's
    offset in the article text, and whether the quote is words inside the reporting verb's clause (``embedded``)."""
    para = work.paragraph_of(offset)
    if para is None or offset == para.start:
        return None
    local = offset - para.start
    verb, embedded = None, False
    for i in range(bisect.bisect_left(para.token_starts(), local) - 1, -1, -1):  # the last one ending before it
        t = para.doc[i]
        if t.idx + len(t) <= local and t.pos_ == "VERB" and t.lemma_.lower() in speech_words:
            verb = t
            break
    starts = para.token_starts()  # 'According to X, "...': only a few words before the quote
    according = next((t for t in para.doc[bisect.bisect_left(starts, local - 60):bisect.bisect_left(starts, local)]
                      if t.lower_ == "according" and _INTRODUCED.fullmatch(para.doc.text[t.idx:local])), None)
    if according is not None and (pobj := next((g for c in according.children for g in c.children
                                                if g.dep_ == "pobj"), None)) is not None:
        return pobj, para.start + pobj.idx, False  # 'According to the police chief in Kano, "..."'
    if verb is None or not _INTRODUCED.fullmatch(para.doc.text[verb.idx + len(verb):local]):
        # "Masra said \"the election was stolen\"", "police said the protesters had \"attacked officers\"": the
        # quote's words are part of what a reporting verb before it says
        # (the first verb outside the quote that governs it: not 'gunmen who shouted "...", officials said', 'the
        # crowd chanted "...", police said', 'banners reading "..."')
        first = bisect.bisect_left(para.token_starts(), local + 1)
        verb = next((a for a in para.doc[first].ancestors if a.idx < local and a.pos_ in ("VERB", "AUX")), None) \
            if first < len(para.doc) else None
        if verb is None or verb.lemma_.lower() not in speech_words:
            return None
        embedded = True
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ in ("conj", "advcl"):  # "The general called them traitors and said: ...", "...,
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)  # adding: ...": his
    if subj is not None and subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subj = verb.head  # 'the attackers, who shouted "..."': the attackers
    if subj is None:
        return None
    appos = [a for a in subj.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
    head = appos[0] if appos else subj
    return head, para.start + head.idx, embedded


def speaker_near(work: Work, offset: int, speech_words: set[str]) -> tuple[Any, int] | None:
    """Speaker of a quote ending at ``offset``: subject of the next reporting verb in the sentence that follows the
    quote's closing mark (its head token and that token's offset in the article text)."""
    para = work.paragraph_of(offset) or work.paragraph_of(offset - 1)
    if para is None:
        return None
    local = offset - para.start
    doc = para.doc
    first = bisect.bisect_left(para.token_starts(), local - 1)  # the tokens from the quote's end ...
    after = next((t for t in doc[first:] if not t.is_punct), None)
    if after is None:
        return None
    for i in range(first, after.sent.end):  # ... to the end of the sentence that follows it (not "according to
        tok = doc[i]  # the Guardian" three sentences on)
        if tok.lower_ == "according":  # (its lemma is "accord")
            pobj = [g for c in tok.children for g in c.children if g.dep_ == "pobj"]
            return (pobj[0], para.start + pobj[0].idx) if pobj else None
        if tok.lemma_.lower() not in speech_words:
            continue
        for child in tok.children:
            if child.dep_ == "nsubj" and child.idx >= local:  # (not a word of the quote: '"Justice!" they chanted')
                appos = [a for a in child.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
                head = appos[0] if appos else child
                return head, para.start + head.idx
        break
    return None


def proposal_talked_over(trigger, noun, head) -> bool:
    """``noun``, the object of the talking-over word ``head`` (cues.tsv ``topic_head``: "discussed a ceasefire", "a
    debate on sanctions"), is a proposal, and so is the event ``trigger`` within it: a noun with no article or an
    indefinite one, or one called a proposal ("the proposed sanctions", cues.tsv ``proposed``); not a definite one
    that may exist ("discussed the recent withdrawal", "the November truce", "the ongoing deployment"), and not one
    said to be done ("a deal signed last week"). An incident (a noun of ASSAULT, COERCE or PROTEST, triggers.tsv) is
    one only with a proposal's modifier ("a possible strike on Iran") or with "a" and no date in its sentence
    ("discussed a ground invasion"; not "discussed an attack on a convoy last week", "the attack", "attacks on civilians", "the murders
    and an attack")."""
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj" and not (noun.dep_ == "pobj" and noun.head.head.i == head.i):
        return False
    if any(c.dep_ in ("acl", "relcl") and c.tag_ in ("VBN", "VBD") for c in noun.children):
        return False
    mods = [c for c in noun.children if c.dep_ in ("det", "poss", "amod", "compound", "nmod", "nummod")]
    if any(c.lemma_.lower() in cue_words("proposed") or c.lower_ in cue_words("proposed") for c in mods):
        return True
    incidents = trigger_lemmas("N", ("ASSAULT", "COERCE", "PROTEST"))
    if noun.lemma_.lower() in incidents or trigger.lemma_.lower() in incidents:
        return trigger.i == noun.i and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in mods) \
            and not any(t.ent_type_ in ("DATE", "TIME") for t in noun.sent)  # (the parse may hang the incident's
        # date on the verb: "discussed an attack on a convoy last week")
    return not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ not in ("a", "an", "any") for c in mods)


def _call_not_for(word) -> bool:
    """'call' asks for something only as "call for" / "call on X to": not in naming ("called the stabbing an act
    of barbarity", "calling the agreements legitimate"), in calling a strike or a meeting for a day, or as a noun
    ("the first call about the attack")."""
    return word.lemma_.lower() == "call" and not any(
        c.dep_ == "prep" and c.lower_ in ("for", "on", "upon")
        and not any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)  # ("called a strike
        for c in word.children)  # for Monday": when, not what is asked)


def _claims_responsibility(verb) -> bool:
    """'X claimed responsibility for the bombing', and as much 'X denied responsibility for (any role in) the
    bombing', assert that the bombing happened: what is claimed or denied is a part in it."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ("responsibility", "credit", "involvement", "role", "part")
               for c in verb.children)


_NOT_IN_SPEAKER = {"punct", "det", "prep", "pobj", "relcl", "acl", "cc", "conj", "advcl", "ccomp", "xcomp"}


def _phrase(tok) -> str:
    """A speaker's words: the head and its modifiers, without clauses, prepositional phrases, determiners or
    coordination, each left out with everything below it ("the text of the draft, which the United States is
    expected to oppose" -> "text")."""
    words = [tok]
    frontier = [tok]
    while frontier:
        frontier = [c for t in frontier for c in t.children if c.dep_ not in _NOT_IN_SPEAKER]
        words += frontier
    if tok.pos_ == "PROPN":
        words = [t for t in words if t.pos_ == "PROPN"]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i)) or tok.text
