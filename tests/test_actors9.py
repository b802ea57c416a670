"""Ninth-session actor rules: pronouns and named people (see eval/pronouns/ for the measured effect).
Every sentence here was written for these tests (none is copied from the sample, the pronoun sets or the
gold files in ../shared/data). Each case pairs what a rule must find with a near miss it must leave alone."""
import pytest

from .conftest import event_at as _at
from .conftest import events_of


def _name(actor):
    return actor.name if actor is not None else None


@pytest.mark.parametrize("text, trigger, source", [
    # gender from the article's own words (Mr/Mrs), for the only such person of the paragraph before
    ("Mr Ahmed Salim met Mrs Fatima Noor in Kano on Monday.\\n\\nShe criticised the governor on Tuesday.",
     "criticised", "Fatima Noor"),
    ("Mr Ahmed Salim met Mrs Fatima Noor in Kano on Monday.\\n\\nHe criticised the governor on Tuesday.",
     "criticised", "Ahmed Salim"),
    # a subject before a possessor: "Pelosi called Trump's conduct ... she"
    (("Senator Maria Lopez called Pedro Ruiz's remarks a disgrace. \"It is over,\" she said, and she condemned "
     "the mayor."), "condemned", "Maria Lopez"),
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
    # a bare "Senate" names no country (alias_stoplist.tsv: it was PETRARCH2's United States Congress); the
    # Senate gives the sector
    assert _name(ev.source) == "Thomas Rivera Schatz" and ev.source.sector == "LEG"
    ev = _at(pipeline, "US Senate President Thomas Rivera Schatz criticised the governor.", "criticised")
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


def test_a_given_name_is_no_surname_and_an_apposition_gives_the_origin(pipeline):
    # "Nabil" is the given name here, not the surname of a namesake in the office-holder tables
    ev = _at(pipeline, "Gunmen shot Nabil al-Quaety in Aden on Tuesday.", "shot")
    assert ev.target is not None and ev.target.country is None and ev.target.sector is None
    ev = _at(pipeline, "Gunmen shot Nabil al-Quaety, a journalist from Yemen, in Aden on Tuesday.", "shot")
    assert (ev.target.country, ev.target.sector) == ("YEM", "MED")


# -- near misses found by the session's review (each was wrong after the first version of these rules) -------

@pytest.mark.parametrize("text, trigger, source", [
    # a "his" or "her" about someone else says nothing of the gender of the person before it
    (("Russian President Vladimir Putin spoke on Monday.\\n\\nGerman Chancellor Angela Merkel criticised his "
     "remarks. She called for sanctions against Russia."), "called", "Angela Merkel"),
    # two Clintons are two people, each with a gender
    (("Hillary Clinton said she would visit Paris. Mrs Clinton met the mayor.\\n\\nBill Clinton said he backed "
     "the election. He condemned the violence."), "condemned", "Bill Clinton"),
    # inside a quote the speaker is not "he"
    ('Joe Biden spoke on Monday. "Trump is a threat. He will attack our democracy," Biden said.', "attack",
     "Donald Trump"),
    # the person of its own sentence before an earlier subject
    (("Joe Biden met Benjamin Netanyahu in Jerusalem. Later, protesters confronted Netanyahu as he left the "
     "Knesset, and he criticised them."), "criticised", "Benjamin Netanyahu"),
    # a reporting verb's subject the tables lack is not replaced by someone named before
    ("Governor Ricardo Rosselló met Ricardo Llerandi on Monday.\\n\\nRosselló announced he would resign.",
     "resign", "Rosselló"),
])
def test_pronoun_near_misses(pipeline, text, trigger, source):
    ev = _at(pipeline, text, trigger)
    assert ev.source is not None and source.split()[-1] in (ev.source.name or ""), ev.source


@pytest.mark.parametrize("text, country", [
    ("Starmer condemned the bombing on Monday.", "GBR"),  # spaCy tags it a common noun
    ("Chancellor Olaf Scholz met President Emmanuel Macron. Scholz criticised Russia.", "DEU"),  # tagged GPE
])
def test_a_surname_spacy_mislabels_still_resolves(pipeline, text, country):
    ev = next(e for e in events_of(pipeline, text) if e.event_type == "ACCUSE")
    assert ev.source is not None and ev.source.country == country


def test_the_president_is_neither_a_former_one_nor_hidden_in_a_possessive(pipeline):
    ev = _at(pipeline, "President Vladimir Putin's spokesman Dmitry Peskov spoke on Monday. The president "
                       "criticised NATO.", "criticised")
    assert _name(ev.source) == "Vladimir Putin"
    ev = _at(pipeline, "Barack Obama met former US President Bill Clinton on Monday. The president criticised "
                       "Russia.", "criticised")
    assert _name(ev.source) != "Bill Clinton"


def test_a_state_possessor_of_detentions_does_them(pipeline):
    ev = _at(pipeline, "China's mass detentions in Xinjiang were condemned by the UN.", "detentions")
    assert ev.source is not None and ev.source.country == "CHN" and ev.target is None
