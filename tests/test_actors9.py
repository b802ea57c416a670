"""Ninth-session actor rules: pronouns and named people (see eval/pronouns/ for the measured effect).
Every sentence here was written for these tests (none is copied from the sample, the pronoun sets or the
gold files in ../shared/data). Each case pairs what a rule must find with a near miss it must leave alone."""
import pytest

from .conftest import events_of


def _at(pipeline, text, trigger):
    """The event of ``text`` at the trigger word ``trigger`` (StopIteration when there is none)."""
    return next(e for e in events_of(pipeline, text.replace("\\n", "\n")) if e.trigger.text == trigger)


def _name(actor):
    return actor.name if actor is not None else None


@pytest.mark.parametrize("text, trigger, source", [
    # gender from the article's own words (Mr/Mrs), for the only such person of the paragraph before
    ("Mr Ahmed Salim met Mrs Fatima Noor in Kano on Monday.\\n\\nShe criticised the governor on Tuesday.",
     "criticised", "Fatima Noor"),
    ("Mr Ahmed Salim met Mrs Fatima Noor in Kano on Monday.\\n\\nHe criticised the governor on Tuesday.",
     "criticised", "Ahmed Salim"),
    # a subject before a possessor: "Pelosi called Trump's conduct ... she"
    ("Senator Maria Lopez called Pedro Ruiz's remarks a disgrace. \"It is over,\" she said, and she condemned "
     "the mayor.", "condemned", "Maria Lopez"),
    # the subject of the reporting verb whose clause the pronoun is the subject of
    ("Carlos Ruiz announced, after Juan Perez left the room, that he would resign.", "resign", "Carlos Ruiz"),
])
def test_a_person_pronoun_finds_its_person(pipeline, text, trigger, source):
    ev = _at(pipeline, text, trigger)
    assert _name(ev.source) == source, ev.source


def test_a_pronoun_inside_a_quote_is_not_the_speaker(pipeline):
    ev = _at(pipeline, 'Mary Jones told reporters on Monday: "We will ask her to come back."', "ask")
    assert ev.target is None  # "her" is someone the quote does not name, not Mary Jones
    ev = _at(pipeline, '"Anna Smith must come back to London. We will ask her to come back," Mary Jones said.', "ask")
    assert _name(ev.target) == "Anna Smith"


def test_a_surname_is_the_person_the_article_named_in_full(pipeline):
    text = ("Hungarian Prime Minister Viktor Orbán met the Pope on Monday.\\n\\nOrbán criticised the European "
            "Commission on Tuesday.")
    ev = _at(pipeline, text, "criticised")
    assert (_name(ev.source), ev.source.country, ev.source.sector) == ("Viktor Orbán", "HUN", "GOV")
    # another given name is another person: not the McCarthy of the tables
    ev = _at(pipeline, "Kevin McCarthy criticised the president on Monday.", "criticised")
    assert _name(ev.source) == "Kevin McCarthy" and ev.source.country is None


def test_a_phrase_headed_by_a_name_is_that_person(pipeline):
    ev = _at(pipeline, "Trump adviser John Bolton criticised Iran on Monday.", "criticised")
    assert _name(ev.source) == "John Bolton"
    ev = _at(pipeline, "Senate President Thomas Rivera Schatz criticised the governor.", "criticised")
    assert _name(ev.source) == "Thomas Rivera Schatz" and ev.source.country == "USA"


def test_the_president_is_the_last_person_called_president(pipeline):
    text = ("President Donald Trump met Interior Secretary Ryan Zinke on Monday. The president criticised "
            "Iran on Tuesday.")
    ev = _at(pipeline, text, "criticised")
    assert _name(ev.source) == "Donald Trump"


def test_the_possessor_of_an_arrest_undergoes_it(pipeline):
    ev = _at(pipeline, "Police said Ahmed Salim was charged after his arrest on Friday.", "arrest")
    assert ev.source is None and _name(ev.target) == "Ahmed Salim"
    # with an 'of' object the possessor is the doer
    ev = _at(pipeline, "Kenya's arrest of the smugglers was praised on Friday.", "arrest")
    assert ev.source is not None and ev.source.country == "KEN"


def test_describing_or_receiving_an_act_does_not_do_it(pipeline):
    ev = _at(pipeline, "The prosecutor characterized the attack as terrorism.", "attack")
    assert ev.source is None
    ev = _at(pipeline, "Mrs Fatima Noor said she had received threats.", "threats")
    assert ev.source is None
    ev = _at(pipeline, "The rebels carried out the attack on Monday.", "attack")
    assert ev.source is not None and ev.source.sector == "REB"


def test_a_capitalised_common_word_is_no_surname(pipeline):
    # "Some" at a sentence start is no namesake from the office-holder tables
    ev = _at(pipeline, "Some called for new elections on Monday.", "called")
    assert ev.source is None
    ev = _at(pipeline, "Putin called for new elections on Monday.", "called")
    assert _name(ev.source) == "Vladimir Putin"
