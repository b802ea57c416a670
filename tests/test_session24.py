"""Twenty-fourth session: PETRARCH2's verb patterns read the words after the verb, not its subject; an event noun
doing a dictionary verb is one event; a protest that is only the motive of an act is none; calling or cancelling a
strike or a meeting; a time clause under a future verb; a court ordering a payment; where a reporter is. Every text
was written for these tests."""
import pytest

from .conftest import event_at, events_of, one_event


def types(pipeline, text):
    return {e.event_type for e in events_of(pipeline, text)}


# -- PETRARCH2's patterns ("- * POLICE # ORDER") name words after the verb ------------------------------------------
def test_a_dictionary_pattern_does_not_read_the_subject(pipeline):
    ev = event_at(pipeline, "Police ordered protesters to disperse.", "ordered")
    assert ev.event_type == "REQUEST"  # an order (PLOVER: "all requests, demands, and orders"), no mobilisation
    one_event(pipeline, "The government ordered police to the border.", "MOBILIZE", "ordered")


def test_a_passive_subject_is_the_dictionary_verbs_object(pipeline):
    # "- * STATION # CLOSE": the station is what is closed, before the verb in the passive
    before = one_event(pipeline, "The main railway station was closed by police on Monday.", "COERCE", "closed")
    assert before.source is not None and before.source.sector == "COP"


@pytest.mark.parametrize("text, plover", [
    ("A strike by junior doctors hit NHS services across England.", "PROTEST"),
    ("Strikes hit hospitals across England as nurses walked out over pay.", "PROTEST"),
    ("US strikes hit Houthi targets in Yemen on Saturday.", "ASSAULT"),
])
def test_an_event_noun_doing_a_dictionary_verb_is_one_event(pipeline, text, plover):
    events = events_of(pipeline, text)
    assert {e.event_type for e in events} == {plover}
    assert not [e for e in events if e.trigger.text == "hit"]


def test_breaking_a_promise_is_no_attack(pipeline):
    text = "The president has broken his promises to the farmers of Brazil."
    assert "ASSAULT" not in types(pipeline, text)


# -- a motive is no event of its own ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, act, plover", [
    ("The minister resigned in protest over the decision.", "resigned", "RETREAT"),
    ("Israel summoned the Brazilian ambassador in protest.", "summoned", None),
])
def test_in_protest_is_the_motive_of_the_act(pipeline, text, act, plover):
    events = events_of(pipeline, text)
    assert not [e for e in events if e.trigger.text == "protest"]
    if plover:
        ev = one_event(pipeline, text, plover, act)
        assert "motive" in ev.reasons.get("purpose", "")


@pytest.mark.parametrize("text", [
    "Doctors gathered in protest outside the ministry on Monday.",  # no act but the protest
    "Two people were killed in a protest in Nairobi on Monday.",  # an occasion, with its article
])
def test_a_protest_with_no_other_act_stays(pipeline, text):
    one_event(pipeline, text, "PROTEST", "protest")


# -- a preposition the parser hung on the verb ------------------------------------------------------------------------
def test_strikes_on_a_named_place_are_attacks_where_on_hangs_on_the_verb(pipeline):
    text = "Egypt condemned the Israeli strikes on Rafah."
    one_event(pipeline, text, "ASSAULT", "strikes")
    assert "PROTEST" not in types(pipeline, text)


def test_strikes_on_a_day_stay_labour_strikes(pipeline):
    text = "Unions condemned the French strikes on Monday."
    assert "ASSAULT" not in types(pipeline, text)


# -- calling and cancelling -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, noun", [
    ("The union called a strike for Monday.", "strike"),
    ("The opposition called a rally for Saturday.", "rally"),
    ("Students called a sit-in for Monday.", "in"),  # spaCy: the noun "in", with "sit"
    ("Argentina's CGT labour federation called a general strike against the reforms.", "strike"),
])
def test_a_called_strike_is_planned_and_the_call_no_phone_call_or_threat(pipeline, text, noun):
    events = events_of(pipeline, text)
    assert [(e.event_type, e.factuality) for e in events if e.trigger.text == noun] == [("PROTEST", "planned")]
    assert not [e for e in events if e.trigger.text == "called"]


def test_calling_something_a_name_plans_nothing(pipeline):
    ev = event_at(pipeline, "The interior minister called the stabbing an act of barbarity.", "stabbing")
    assert ev.factuality != "planned"


@pytest.mark.parametrize("text, noun", [
    ("Teachers called off a planned strike after the government agreed to a pay rise.", "strike"),
    ("The union called off next week's strike.", "strike"),
    ("The union cancelled the strike planned for Friday.", "strike"),
    ("The opposition called off the rally after police banned it.", "rally"),  # spaCy: "rally" under "off"
    ("Israel called off its planned strike on the Iranian nuclear facility at the last minute.", "strike"),
])
def test_a_strike_called_off_or_cancelled_did_not_happen(pipeline, text, noun):
    assert event_at(pipeline, text, noun).factuality == "negated"


@pytest.mark.parametrize("text, noun", [
    ("Trainee doctors called off their walkout after seven months.", "walkout"),
    ("The union called off the ongoing strike on Friday.", "strike"),
    ("The army called off its offensive in Jabalia after three weeks of fighting.", "offensive"),
    ("The union called off the weeks-long strike on Friday.", "strike"),  # spaCy: "weeks - long"
])
def test_a_strike_called_off_after_it_went_on_happened(pipeline, text, noun):
    assert event_at(pipeline, text, noun).factuality == "asserted"  # cues.tsv kind begun


def test_a_strike_called_and_told_as_done_is_no_plan(pipeline):
    ev = event_at(pipeline, "The union called a strike last week that closed every port in Chile.", "strike")
    assert ev.factuality == "asserted"


def test_a_refusal_in_protest_keeps_the_protest(pipeline):
    one_event(pipeline, "Prisoners refused food in protest at their treatment.", "PROTEST", "protest")


@pytest.mark.parametrize("text, verb, noun", [
    ("Morocco cancelled next week's meeting with a European Parliament delegation.", "cancelled", "meeting"),
    ("The president called off his visit to Paris.", "called", "visit"),
])
def test_cancelling_a_meeting_is_reject(pipeline, text, verb, noun):
    ev = one_event(pipeline, text, "REJECT", verb)  # PLOVER manual: "Cancellation of meetings are REJECT"
    assert ev.mode == "meet"
    assert event_at(pipeline, text, noun).factuality == "negated"


def test_a_court_ordering_a_payment_is_sanction(pipeline):
    text = "The Inter-American Court of Human Rights ordered Honduras to pay compensation to the family."
    ev = one_event(pipeline, text, "SANCTION", "ordered")  # PLOVER manual: court-ordered payments
    assert ev.source.sector == "IGO" and ev.source.country is None  # no "American" -> USA
    assert ev.target.country == "HND"


# -- a time clause under a future verb --------------------------------------------------------------------------------
@pytest.mark.parametrize("text, trigger, plover", [
    ("Fighting will stop once the deal is signed, the minister said.", "signed", "SUPPORT"),
    ("The protesters say they will not leave the square until the president resigns.", "resigns", "RETREAT"),
])
def test_a_time_clause_of_a_future_is_still_to_come(pipeline, text, trigger, plover):
    ev = event_at(pipeline, text, trigger)
    assert ev.factuality == "hypothetical"
    assert ev.event_type == plover  # a condition keeps its type (no intent to concede is the president's)


@pytest.mark.parametrize("text, trigger", [
    ("He will resign after protesters stormed the building.", "stormed"),
    ("The ministry will investigate after police have shot dead two protesters.", "shot"),
])
def test_a_past_time_clause_is_as_told(pipeline, text, trigger):
    assert event_at(pipeline, text, trigger).factuality == "asserted"


def test_a_perfect_still_to_come_is_hypothetical(pipeline):
    ev = event_at(pipeline, "The army will withdraw once the rebels have handed over their weapons.", "handed")
    assert ev.factuality == "hypothetical"


# -- where the reporter is --------------------------------------------------------------------------------------------
def test_the_reporters_city_gives_only_the_country(pipeline):
    text = "Jihadists struck a military post on Sunday, killing 12 soldiers, security sources in Ouagadougou said."
    ev = one_event(pipeline, text, "ASSAULT", "struck")
    assert ev.location is not None and ev.location.precision == "country" and ev.location.country == "BFA"
    assert "reporter" in ev.location.reason
    assert ev.target.country == "BFA"  # the country is stated: the actors may take it


def test_the_reporters_country_also_for_a_foreign_shelling(pipeline):
    ev = one_event(pipeline, "A spokesman in Kherson said Russian shelling killed three people.", "ASSAULT")
    assert ev.location is not None and ev.location.country == "UKR"


def test_a_remote_observer_places_nothing(pipeline):
    ev = one_event(pipeline, "Diplomats in Addis Ababa said al-Shabaab fighters attacked a base.", "ASSAULT")
    assert ev.location is None or ev.location.country != "ETH"


def test_local_officials_are_where_it_happened_capital_officials_give_the_country(pipeline):
    ev = one_event(pipeline, "Officials in Kherson said Russian shelling killed three people in the city.", "ASSAULT")
    assert ev.location is not None and ev.location.precision != "country" and ev.location.country == "UKR"
    ev = one_event(pipeline, "Gunmen killed five villagers in the north, officials in Abuja told AFP.", "ASSAULT")
    assert ev.location is not None and ev.location.precision == "country" and ev.location.country == "NGA"


@pytest.mark.parametrize("text, trigger, place", [
    ("Police in Lagos said officers arrested 20 protesters.", "arrested", "Lagos"),  # they report their own work
    ("Witnesses in Goma said M23 fighters shelled the camp.", "shelled", "Goma"),  # witnesses saw it there
    ("Jihadists struck a military post in Djibo on Sunday, security sources in Ouagadougou said.", "struck", "Djibo"),
])
def test_a_place_of_the_event_or_of_those_who_were_there_stays(pipeline, text, trigger, place):
    ev = event_at(pipeline, text, trigger)
    assert ev.location is not None and ev.location.name == place


@pytest.mark.parametrize("text", [
    "The government ordered the opposition newspaper La Prensa to suspend publication indefinitely.",
    "The military government ordered the network to shut down on Monday.",
])
def test_ordering_a_newspaper_to_close_is_repression(pipeline, text):
    ev = one_event(pipeline, text, "COERCE", "ordered")
    assert ev.mode == "restrict"


def test_a_country_is_named_as_running_text_names_it(pipeline):
    ev = one_event(pipeline, "Rebels attacked a village in the Democratic Republic of Congo.", "ASSAULT")
    assert ev.location.name == "Democratic Republic of the Congo"  # not ISO's "Congo, The Democratic Republic of the"


@pytest.mark.parametrize("text, trigger", [
    ("Ethiopian forces recaptured Lalibela on Sunday.", "recaptured"),  # spaCy: Lalibela PERSON
    ("Syrian troops retook Palmyra from Islamic State fighters.", "retook"),  # spaCy: Palmyra PERSON
])
def test_armed_people_retaking_a_name_the_model_calls_a_person_retake_a_town(pipeline, text, trigger):
    one_event(pipeline, text, "ASSAULT", trigger)


@pytest.mark.parametrize("text", [
    "Police recaptured Smith two days after he escaped from prison.",
    "Soldiers recaptured Bello Turji, who had escaped from custody.",
])
def test_recapturing_a_fugitive_is_no_battle(pipeline, text):
    assert "ASSAULT" not in types(pipeline, text)


def test_a_strike_called_for_a_day_is_dated_to_come(pipeline):
    ev = one_event(pipeline, "Unions called a general strike for October 30.", "PROTEST", published="2024-09-10")
    assert ev.date.value == "2024-10-30"  # not 2023-10-30: "for" names a day to come (lexicon kind for_future)
    assert ev.factuality == "planned"


def test_a_strike_called_for_a_day_that_has_passed_happened(pipeline):
    ev = one_event(pipeline, "The union called a strike for June 3.", "PROTEST", published="2024-06-17")
    assert ev.date.value == "2024-06-03" and ev.factuality == "asserted"


@pytest.mark.parametrize("text, plover", [
    ("Opposition lawmakers walked out in protest at the ruling.", "PROTEST"),
    ("The delegation walked out of the talks in Geneva.", "SANCTION"),  # CAMEO 164, halt negotiations
])
def test_a_walk_out_is_a_protest_or_a_halt_of_talks_never_a_meeting(pipeline, text, plover):
    ev = event_at(pipeline, text, "walked")
    assert ev.event_type == plover


def test_a_strike_on_a_consulate_is_an_attack(pipeline):
    text = "Iran condemned the strike on its consulate in Damascus."
    one_event(pipeline, text, "ASSAULT", "strike")
    assert "PROTEST" not in types(pipeline, text)


def test_workers_staging_a_strike_on_a_base_strike(pipeline):
    text = "Contract workers staged a strike on the air base over unpaid wages."
    one_event(pipeline, text, "PROTEST", "strike")
    assert "ASSAULT" not in types(pipeline, text)


def test_walking_out_of_a_conference_in_protest_is_no_halt_of_talks(pipeline):
    text = "Journalists walked out of the press conference in protest."
    assert "SANCTION" not in types(pipeline, text) and "PROTEST" in types(pipeline, text)


def test_a_correspondent_reporting_is_a_reporter(pipeline):
    ev = one_event(pipeline, "Gunmen killed 12 soldiers near the border, a correspondent in Bamako reported.",
                   "ASSAULT")
    assert ev.location.precision == "country" and ev.location.country == "MLI"


@pytest.mark.parametrize("text, plover", [
    ("Italy announced a suspension of air links with Serbia on Wednesday, one day after a Serbian army jet shot down "
     "a helicopter carrying truce monitors.", "SANCTION"),
    ("Israel reimposed blockades in the West Bank following the shooting deaths of two Israelis.", "COERCE"),
])
def test_the_main_act_outranks_its_context(pipeline, text, plover):
    events = events_of(pipeline, text)
    assert max(events, key=lambda e: e.confidence).event_type == plover  # cues.tsv kind context_mark


def test_a_peoples_plural_blocking_roads_obstructs_them(pipeline):
    ev = one_event(pipeline, "Young Algerians blocked roads leading to the city centre on Sunday to press their demands.",
                   "PROTEST", "blocked")
    assert ev.mode == "obstruct"
    one_event(pipeline, "Israel blocked roads into the West Bank city of Nablus.", "COERCE", "blocked")


@pytest.mark.parametrize("text, trigger", [
    ("Palestinians and Israelis failed to reach agreement on the fate of the offices on Sunday.", "agreement"),
    ("Failing to reach an agreement, the two sides left Geneva on Friday.", "agreement"),
    ("The two sides failed to agree on a new border on Tuesday.", "agree"),
])
def test_failing_to_agree_is_a_refusal(pipeline, text, trigger):
    ev = event_at(pipeline, text, trigger)  # as "could not reach an agreement": PLOVER REJECT, which happened
    assert (ev.event_type, ev.factuality) == ("REJECT", "asserted")


def test_agreeing_on_is_agreeing_to(pipeline):
    # cues.tsv on_goal: the 'on' object of agree/decide/settle is what it settles, not a topic that cuts the chain
    assert event_at(pipeline, "The two sides failed to agree on a ceasefire.", "ceasefire").factuality == "negated"
    on = event_at(pipeline, "The two sides agreed on a ceasefire.", "ceasefire")
    to = event_at(pipeline, "The two sides agreed to a ceasefire.", "ceasefire")
    assert (on.event_type, on.factuality) == (to.event_type, to.factuality)
