"""Seventeenth-session rules: whom a protest is aimed at, who is asked to resign or withdraw, who made the decision
an act answers, "took to the streets", the story's suspect named by apposition, title or "identified as", and the
phrase-level speed-ups that must change nothing. Every sentence was written for these tests (none is copied from
the sample, eval/, train/ or the gold files in ../shared/data)."""
import pytest

from eventscope.actors import ActorResolver
from eventscope.schema import Article


def _work(pipeline, text: str):
    return pipeline.process([Article(article_id="t", text=text.replace("\\n", "\n\n"), published="2024-03-06")])[0]


def _event(pipeline, text: str, trigger: str):
    return next(e for e in _work(pipeline, text).events if e.trigger.text == trigger)


@pytest.mark.parametrize("text, trigger, target", [
    # a participle beside the protest states its aim ("calling for", "chanting ... against")
    ("Teachers rallied in Accra calling for the resignation of Education Minister Kwame Boateng.", "rallied",
     "Education Minister Kwame Boateng"),
    ("Students marched in Kampala chanting slogans against President Yoweri Museveni.", "marched",
     "President Yoweri Museveni"),
    # the protest answers a decision: its maker, by the "by" agent of a verb of deciding
    ("Taxi drivers blocked roads in Lusaka to protest a fuel levy imposed by the Zambian government.", "blocked",
     "the Zambian government"),
    ("Fishermen blocked roads in Boulogne to denounce a fishing ban adopted by the European Commission.", "blocked",
     "the European Commission"),
])
def test_a_protest_is_aimed_at_whom_its_aim_names(pipeline, text, trigger, target):
    ev = _event(pipeline, text, trigger)
    assert ev.event_type == "PROTEST"
    assert ev.target is not None and ev.target.text == target, ev.target
    assert "the aim of" in ev.target.reason


def test_in_defiance_of_a_ban_is_aimed_at_who_imposed_it(pipeline):
    ev = _event(pipeline, "Hundreds of women marched in Khartoum in defiance of a ban issued by the army.", "marched")
    assert ev.target is not None and ev.target.sector == "MIL"
    assert "in defiance" in ev.target.reason


def test_a_road_blocked_yields_to_whom_the_protest_is_aimed_at(pipeline):
    ev = _event(pipeline, "Farmers blocked a highway in Mali to demand that the Wagner group leave the country.",
                "blocked")
    assert ev.target is not None and "Wagner" in ev.target.text
    # with no aim named, the thing blocked stays what it was
    ev = _event(pipeline, "Farmers blocked a highway in Mali on Monday.", "blocked")
    assert ev.target is None or "Wagner" not in ev.target.text


def test_a_call_for_a_resignation_asks_the_one_who_would_resign(pipeline):
    ev = _event(pipeline, "The bar association called for the resignation of Justice Minister Ana Costa.", "called")
    assert ev.event_type == "REQUEST"
    assert ev.target is not None and ev.target.name == "Ana Costa"
    ev = _event(pipeline, "Senators called for the withdrawal of Turkish troops from northern Iraq.", "called")
    assert ev.target is not None and ev.target.country == "TUR" and ev.target.sector == "MIL"


def test_a_call_for_a_release_does_not_ask_the_prisoners(pipeline):
    ev = _event(pipeline, "The families called for the release of the fishermen held in Karachi.", "called")
    assert ev.target is None or "fishermen" not in ev.target.text


def test_a_decision_made_by_someone_is_answered_to_them(pipeline):
    ev = _event(pipeline, "Kenya condemned the tariffs imposed by Tanzania on its maize exports.", "condemned")
    assert ev.target is not None and ev.target.country == "TZA"


def test_a_protest_noun_is_never_decided(pipeline):
    # "issued by" hangs on the protest noun by a misparse: the ministry did not stage the demonstrations
    work = _work(pipeline, "Students in Dakar defied a ban on demonstrations issued by the interior ministry.")
    for ev in work.events:
        if ev.event_type == "PROTEST":
            assert ev.source is None or "ministry" not in ev.source.text


@pytest.mark.parametrize("text", [
    "Thousands of people took to the streets of Sofia on Sunday to protest against corruption.",
    "Nurses took to the streets in Nairobi over unpaid wages.",
])
def test_taking_to_the_streets_is_a_protest_there(pipeline, text):
    ev = _event(pipeline, text, "took")
    assert ev.event_type == "PROTEST" and ev.mode == "demonstrate"
    assert ev.location is not None and ev.location.name in ("Sofia", "Nairobi")
    assert ev.target is None or "streets" not in ev.target.text  # a street is where, never whom


def test_fans_celebrating_in_the_streets_are_no_protest(pipeline):
    work = _work(pipeline, "Supporters took to the streets of Lima to celebrate the title.")
    assert not any(e.event_type == "PROTEST" for e in work.events)


def test_attackers_setting_fire_is_an_attack_and_a_dismissal_is_no_shooting(pipeline):
    ev = _event(pipeline, "Armed attackers set fire to a school in Borno on Tuesday.", "set")
    assert ev.event_type == "ASSAULT"
    work = _work(pipeline, "A former guard, who had been fired from the force in 2021, was arrested in Lyon.")
    assert not any(e.trigger.text == "fired" for e in work.events)


@pytest.mark.parametrize("text, trigger, name", [
    # the one arrested, named in apposition, is the story's suspect
    ("Police in Cork arrested a 31-year-old man, Kevin Doyle, after a shop worker was stabbed on Friday.\\n"
     "The suspect threatened the worker with a knife, police said.", "threatened", "Kevin Doyle"),
    # a title does not keep the one charged from being the suspect
    ("Former police officer Jonas Berg was charged in Oslo on Monday with planning a bombing.\\n"
     "The accused threatened to attack the parliament, prosecutors said.", "threatened", "Jonas Berg"),
])
def test_the_suspect_is_the_person_the_story_named(pipeline, text, trigger, name):
    ev = _event(pipeline, text, trigger)
    assert ev.source is not None and ev.source.name == name, ev.source


def test_a_gunman_identified_as_someone_is_the_attacker(pipeline):
    work = _work(pipeline, "A gunman identified as Peter Lund killed two people at a school in Malmo on Monday.\\n"
                           "Police shot the attacker dead after a standoff.")
    ev = next(e for e in work.events if e.trigger.text == "shot")
    assert ev.target is not None and ev.target.sector == "CRM" and ev.target.name == "Peter Lund"


def test_a_person_in_apposition_names_the_phrase(pipeline):
    ev = _event(pipeline, "Soldiers detained a local journalist, Lamine Cisse, in Bamako.", "detained")
    assert ev.target is not None and ev.target.name == "Lamine Cisse" and ev.target.sector == "MED"


def test_the_prefilter_keeps_every_table_key_reachable():
    """resolve() answers None at once for a phrase with no word of ``_vocab``: each table key must keep one of its
    words there (its longest), so that no phrase a key matches is cut off."""
    r = ActorResolver()
    for key in list(r._names) + list(r._agents):
        if key:
            assert any(w in r._vocab for w in key.split()), key
    assert "the" not in r._vocab and "of" not in r._vocab  # the words that let most phrases through before


# the read-only review's cases (eval/reviews/seventeenth/first/), mended before the session ended

def test_firing_from_a_position_is_still_an_attack(pipeline):
    ev = _event(pipeline, "Government troops fired from their post at a crowd of farmers in Manipur.", "fired")
    assert ev.event_type == "ASSAULT"


def test_a_carnival_in_the_streets_is_no_protest_but_an_election_protest_is(pipeline):
    work = _work(pipeline, "Revellers took to the streets of Salvador for the carnival parade.")
    assert not any(e.event_type == "PROTEST" for e in work.events)
    ev = _event(pipeline, "Thousands took to the streets of Yerevan after the ruling party's disputed win.", "took")
    assert ev.event_type == "PROTEST"


def test_a_partner_named_in_the_aim_is_no_target(pipeline):
    ev = _event(pipeline, "Students rallied in Vilnius calling for solidarity with Georgia.", "rallied")
    assert ev.target is None or "Georgia" not in ev.target.text


def test_a_country_the_protest_is_against_stays_its_target(pipeline):
    ev = _event(pipeline, "Protesters rallied against Turkey in Erbil, calling on the regional government to act.",
                "rallied")
    assert ev.target is not None and ev.target.country == "TUR"


def test_a_list_in_apposition_names_no_one_and_an_apposed_name_keeps_the_place_country(pipeline):
    ev = _event(pipeline, "Police arrested two teachers, Peter Okello and Ruth Auma, in Gulu.", "arrested")
    assert ev.target is not None and ev.target.name is None
    ev = _event(pipeline, "Police arrested a student activist, Ruth Auma, in Kampala.", "arrested")
    assert ev.target is not None and ev.target.name == "Ruth Auma" and ev.target.country == "UGA"


def test_a_call_for_someone_to_act_asks_them_and_the_act_is_not_done(pipeline):
    work = _work(pipeline, "Lawyers in Harare called for Justice Minister Tendai Moyo to resign.")
    call = next(e for e in work.events if e.trigger.text == "called")
    assert call.event_type == "REQUEST" and call.target is not None and call.target.name == "Tendai Moyo"
    resign = next(e for e in work.events if e.trigger.text == "resign")
    assert resign.factuality == "hypothetical"  # 'for' ... 'to': what is asked, not what happened


def test_a_strike_called_by_a_union_and_arson_by_police(pipeline):
    ev = _event(pipeline, "Parents criticised a strike declared by the nurses' union in Kano.", "strike")
    assert ev.source is not None and "union" in ev.source.text
    ev = _event(pipeline, "Police set fire to market stalls in Mombasa, traders said.", "set")
    assert ev.event_type == "ASSAULT"


def test_a_country_behind_the_decision_replaces_the_thing_blocked(pipeline):
    ev = _event(pipeline, "Herders blocked a border road in Chad to protest new grazing rules imposed by Niger.",
                "blocked")
    assert ev.target is not None and ev.target.country == "NER"


def test_a_suspect_found_dead_is_no_attack_and_rights_groups_are_no_observatory(pipeline):
    work = _work(pipeline, "A gunman killed four people at a mall in Tulsa.\\nThe gunman was later found dead.")
    assert not any(e.trigger.text == "found" for e in work.events)
    ev = _event(pipeline, "Rights groups condemned the detentions in Baku.", "condemned")
    # PETRARCH2 files the Syrian Observatory for Human Rights as a person: "Rights" is no surname
    assert ev.source is not None and ev.source.name is None and ev.source.sector == "NGO"


# the second review's cases (eval/reviews/seventeenth/second/), mended before the session ended

@pytest.mark.parametrize("text, trigger", [
    ("It took two weeks for the army to retake the airport from the militia.", "retake"),
    ("It was unusual for the navy to shell the coast, but it did so on Friday.", "shell"),
])
def test_a_for_clause_of_time_or_rarity_happened(pipeline, text, trigger):
    assert _event(pipeline, text, trigger).factuality != "hypothetical"


def test_an_event_asked_to_end_goes_on(pipeline):
    work = _work(pipeline, "Human rights groups called for the army to end its crackdown in Bamenda.")
    assert next(e for e in work.events if e.trigger.text == "crackdown").factuality == "asserted"
    assert next(e for e in work.events if e.trigger.text == "called").target.sector == "MIL"


def test_a_place_the_aim_names_is_no_country_behind_it(pipeline):
    ev = _event(pipeline, "Students blocked a road in Ghana to demand visas for Germany.", "blocked")
    assert ev.target is None or ev.target.country != "DEU"


def test_burning_seized_drugs_is_no_attack(pipeline):
    work = _work(pipeline, "Soldiers set fire to seized cocaine in Cali on Monday.")
    assert not any(e.trigger.text == "set" for e in work.events)


# object control: who is to do what a verb of asking, allowing or forcing names as its object

def test_the_one_urged_or_called_on_is_the_doer_of_the_act_asked(pipeline):
    work = _work(pipeline, "The bishops urged President Hakainde Hichilema to release the detained journalists.")
    ev = next(e for e in work.events if e.trigger.text == "release")
    assert ev.source is not None and "Hichilema" in ev.source.text and "object control" in ev.source.reason
    ev = _event(pipeline, "London called for Tehran to free the detained sailors.", "called")
    assert ev.target is not None and ev.target.country == "IRN"


def test_a_purpose_clause_or_an_instrument_keeps_its_subject(pipeline):
    work = _work(pipeline, "Militants used drones to attack the base near Erbil.")
    ev = next(e for e in work.events if e.trigger.text in ("attack", "used"))
    assert ev.source is None or "drones" not in ev.source.text
    work = _work(pipeline, "Police detained the driver to question him about the blast in Quetta.")
    assert not any(e.source is not None and "driver" in e.source.text for e in work.events)


def test_a_common_noun_capitalised_by_the_sentence_is_no_surname(pipeline):
    ev = _event(pipeline, "Church leaders condemned the killings in Bamenda.", "condemned")
    assert ev.source is None or ev.source.name is None  # not the tables' Michael Church (Grenada)
