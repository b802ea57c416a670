"""Eighth-session fixes found by a blind audit of 80 random events of the bundled sample
(``eval/sample_audit/``).  Every sentence here was written for these tests (none is copied from the
sample or from the gold files in ../shared/data).  Each case pairs what the fix must find with a near
miss it must leave alone, so that no case passes by finding nothing."""
import pytest

from .conftest import events_of, one_event


def _place(ev):
    return ev.location.name if ev.location else None


def _at(pipeline, text, trigger):
    """The event of ``text`` at the trigger word ``trigger`` (StopIteration when there is none)."""
    return next(e for e in events_of(pipeline, text) if e.trigger.text == trigger)


# -- places: the time clause of another verb, and a person's surname ----------------------------------------

def test_a_trigger_in_a_time_clause_takes_the_place_of_the_clause_it_modifies(pipeline):
    ev = one_event(pipeline, "A reporter died in Aden on Tuesday after being shot in his car.", "ASSAULT", "shot")
    assert _place(ev) == "Aden" and "'after' clause" in ev.location.reason
    ev = one_event(pipeline, "Students gathered in Nairobi on Monday before police fired tear gas.", "ASSAULT", "fired")
    assert _place(ev) == "Nairobi"
    # a cause is no same scene: the attack need not have happened where the arrest did
    ev = one_event(pipeline, "The minister was arrested in Paris because he had attacked a guard.", "ASSAULT",
                   "attacked")
    assert _place(ev) != "Paris"


def test_a_surname_of_a_person_named_in_full_is_no_place(pipeline):
    text = ("Senator Elizabeth Warren met the governor on Monday. Warren later criticised the mayor of "
            "Detroit.")
    assert all(_place(e) != "Warren" for e in events_of(pipeline, text))
    # after a locative cue it is the town
    ev = one_event(pipeline, "Senator Elizabeth Warren spoke. Police arrested a man in Warren, Michigan, on Friday.",
                   "COERCE", "arrested")
    assert _place(ev) == "Warren"


# -- fatalities: one person, nobody, conjuncts -------------------------------------------------------------

@pytest.mark.parametrize("text, trigger, dead", [
    ("Gunmen shot dead a local councillor in Kaduna on Monday.", "shot", 1),
    ("A policeman was killed in an ambush near Maiduguri.", "killed", 1),
    ("He lost his life in the bombing.", "lost", 1),
    ("Two soldiers and a civilian were killed in the clash.", "killed", 3),
    ("No one was killed in the attack.", "killed", 0),
    # near misses: a group, a negated death, a bare plural say no count
    ("A family was killed in the airstrike.", "killed", None),
    ("The bomb did not kill the governor.", "kill", None),
    ("Soldiers were killed in the ambush.", "killed", None),
])
def test_fatalities_count_one_person_and_nobody(pipeline, text, trigger, dead):
    ev = _at(pipeline, text, trigger)
    assert ev.fatalities == dead, ev.reasons.get("fatalities")


def test_a_death_denied_by_its_subject_is_negated(pipeline):
    assert one_event(pipeline, "Not a single American soldier was killed.", "ASSAULT").factuality == "negated"
    assert one_event(pipeline, "A single American soldier was killed.", "ASSAULT").factuality == "asserted"


# -- actors: passives without a subject, plural titles, adjectives -----------------------------------------

def test_a_subjectless_passive_is_done_to_the_governing_subject(pipeline):
    ev = one_event(pipeline, "A journalist died in Aden on Tuesday after being shot by gunmen.", "ASSAULT", "shot")
    assert ev.target is not None and ev.target.text == "A journalist" and ev.source.text == "gunmen"
    ev = one_event(pipeline, "The former minister was arrested and charged with corruption.", "ACCUSE", "charged")
    assert ev.source is None and ev.target is not None and ev.target.text == "The former minister"
    # an active verb still borrows its governor's subject as the doer
    ev = one_event(pipeline, "The rebels agreed to release the hostages.", "CONCEDE")
    assert ev.source is not None and ev.source.text == "The rebels"


def test_a_plural_title_is_not_the_last_named_person(pipeline):
    text = "President Joe Biden spoke on Monday. The ministers signed a trade agreement with Japan."
    ev = one_event(pipeline, text, "SUPPORT", "signed")
    assert ev.source is not None and ev.source.name is None
    text = "President Joe Biden spoke on Monday. The president signed a trade agreement with Japan."
    ev = one_event(pipeline, text, "SUPPORT", "signed")
    assert ev.source is not None and ev.source.name == "Joe Biden"


def test_an_adjective_names_an_actor_only_as_a_country(pipeline):
    ev = one_event(pipeline, "Turkey began a military offensive on Wednesday.", "ASSAULT", "offensive")
    assert ev.source is not None and ev.source.country == "TUR"
    ev = one_event(pipeline, "A Russian offensive began on Wednesday.", "ASSAULT", "offensive")
    assert ev.source is not None and ev.source.country == "RUS"


# -- ACLED: a month is no march ------------------------------------------------------------------------------

def test_the_month_march_is_no_demonstration(pipeline):
    ev = one_event(pipeline, "On 3 March 2023, police arrested 30 people in Harare.", "COERCE")
    assert ev.acled_sub_event_type == "Arrests"
    ev = one_event(pipeline, "Police arrested 30 people at a march in Harare after dispersing it with tear gas.",
                   "COERCE", "arrested")
    assert ev.acled_sub_event_type == "Protest with intervention"


# -- actors named but in no table; platforms are channels ---------------------------------------------------

def test_a_named_person_missing_from_the_tables_is_the_actor_with_no_codes(pipeline):
    ev = one_event(pipeline, "On Friday, Usman Khan stabbed several people at a hall in London.", "ASSAULT")
    assert ev.source is not None and ev.source.name == "Usman Khan"
    assert ev.source.country is None and ev.source.sector is None and "no actor table" in ev.source.reason
    # a coded candidate still wins over an uncoded name the parser also offers
    ev = one_event(pipeline, "Police arrested Usman Khan in London on Friday.", "COERCE")
    assert ev.source.sector == "COP" and ev.target.name == "Usman Khan"


def test_a_social_platform_is_no_actor(pipeline):
    ev = one_event(pipeline, "Senator Bernie Sanders praised the decision on Twitter.", "SUPPORT")
    assert ev.target is None or "Twitter" not in ev.target.text


def test_a_participle_clause_is_passive(pipeline):
    ev = one_event(pipeline, "If convicted, Usman Khan could face life in prison.", "SANCTION")
    assert ev.source is None and ev.target is not None and ev.target.name == "Usman Khan"


# -- PLOVER: signing an agreement is SUPPORT, a promise to sign AGREE ----------------------------------------

def test_signing_an_agreement_is_support_and_a_promise_to_sign_agree(pipeline):
    assert one_event(pipeline, "Russia and China signed a trade agreement on Monday.", "SUPPORT", "signed")
    assert one_event(pipeline, "Russia and China will sign a trade agreement next month.", "AGREE", "sign")
    assert one_event(pipeline, "Parliament ratified the treaty on Tuesday.", "SUPPORT", "ratified")


def test_places_of_the_subject_of_a_trailing_participle_and_not_of_a_path(pipeline):
    ev = one_event(pipeline, "An assembly of foreign ministers in Cairo denounced the agreement on Wednesday.", "ACCUSE")
    assert _place(ev) == "Cairo" and "subject" in ev.location.reason
    ev = one_event(pipeline, "Soldiers who were born in Lagos attacked the village.", "ASSAULT")
    assert _place(ev) != "Lagos"  # a relative clause inside the subject says nothing of where they attacked
    ev = one_event(pipeline, "On Thursday at the headquarters of the police in Paris, a man went on a stabbing spree, "
                             "killing four.", "ASSAULT", "killing")
    assert _place(ev) == "Paris"
    ev = one_event(pipeline, "A man stabbed two people at a hall in London, then fled up Oxford Street.", "ASSAULT")
    assert _place(ev) == "London"


# -- dates: a past-tense sentence without a date continues the story of its lead ------------------------------

def test_an_undated_past_event_takes_the_lead_day_and_background_does_not(pipeline):
    lead = "Gunmen killed a councillor in Kaduna yesterday, police said.\n\n"
    ev = one_event(pipeline, lead + "Two of his guards were also wounded by the gunmen.", "ASSAULT", "wounded",
                   published="2024-03-06")
    assert ev.date.value == "2024-03-05" and ev.date.precision == "article" and "lead" in ev.date.reason
    # background in the past perfect is before the story: neither its day nor the publication date (session 14)
    ev = one_event(pipeline, lead + "The gunmen had attacked the village of his guards.", "ASSAULT", "attacked",
                   published="2024-03-06")
    assert ev.date.value is None and "past-perfect" in ev.date.reason
    # a lead dated long before publication is no story day
    old = "Gunmen killed a councillor in Kaduna in 2019, police said.\n\n"
    ev = one_event(pipeline, old + "Two of his guards were also wounded by the gunmen.", "ASSAULT", "wounded",
                   published="2024-03-06")
    assert ev.date.value == "2024-03-06"


# -- review of the first audit fixes: their near misses --------------------------------------------------------

@pytest.mark.parametrize("text, trigger, factuality", [
    # only the trigger's own subject denies it
    ("No group has claimed responsibility for the bombing.", "bombing", "asserted"),
    ("Not all troops withdrew from the border town.", "withdrew", "asserted"),
    ("No soldiers attacked the village on Monday.", "attacked", "negated"),
    # negation does not leak into a finite conjunct
    ("The minister did not resign and attacked the press instead.", "attacked", "asserted"),
    ("Police did not arrest the protesters but dispersed them with tear gas.", "dispersed", "asserted"),
    ("The minister did not resign and attacked the press instead.", "resign", "negated"),
    # a bare verb coordinated under the same auxiliary shares its negation
    ("Police did not arrest or detain the protesters.", "arrest", "negated"),
])
def test_negation_reaches_the_triggers_own_subject_and_verb_only(pipeline, text, trigger, factuality):
    ev = _at(pipeline, text, trigger)
    assert ev.factuality == factuality


@pytest.mark.parametrize("text, trigger, dead", [
    ("The attack claimed the life of a soldier.", "attack", 1),
    ("The fighting has claimed the lives of at least 40 soldiers.", "fighting", 40),
    ("A suicide bomber killed a police officer and two civilians.", "killed", 3),
    ("Gunmen killed a man and his son.", "killed", 2),
    ("Security forces fired at the demonstrators; none were killed, officials said, but activists said three died.",
     "fired", 3),
    # no person died: a deal, a plan, the killers themselves
    ("He planned to murder the military official.", "murder", None),
    ("A gunman and his accomplice killed three people.", "killed", 3),
])
def test_fatalities_count_people_who_died(pipeline, text, trigger, dead):
    ev = _at(pipeline, text, trigger)
    assert ev.fatalities == dead, ev.reasons.get("fatalities")


def test_an_arrest_gets_no_deaths_of_another_clause(pipeline):
    ev = one_event(pipeline, "The soldier who killed the protester was arrested.", "COERCE", "arrested")
    assert ev.fatalities is None
    ev = one_event(pipeline, "Police killed three protesters at the rally in Lagos.", "ASSAULT")
    assert ev.fatalities == 3


def test_doers_named_by_adjectives_and_participles(pipeline):
    ev = one_event(pipeline, "The president condemned the terrorist attack on the mosque.", "ASSAULT", "attack")
    assert ev.source is not None and ev.source.sector == "REB"  # not the president who condemned it
    ev = one_event(pipeline, "The attack, carried out by the Taliban, killed 12.", "ASSAULT")
    assert ev.source is not None and ev.source.name == "Taliban" or ev.source.text == "the Taliban"
    evs = events_of(pipeline, "The attack, condemned by the White House, killed 12.")
    assert all(e.source is None or "White House" not in e.source.text for e in evs if e.event_type == "ASSAULT")
    ev = one_event(pipeline, "Anti-government protests spread to Belgrade on Tuesday.", "PROTEST")
    assert ev.source is None or "government" not in ev.source.text.lower()


def test_a_time_clause_with_its_own_place_keeps_it(pipeline):
    ev = one_event(pipeline, "Leaders met in Doha while Israeli troops raided the Jenin refugee camp.", "COERCE",
                   "raided")
    assert _place(ev) != "Doha"
    ev = one_event(pipeline, "The president was speaking in Nairobi when gunmen attacked a police station near "
                             "Mandera.", "ASSAULT", "attacked")
    assert _place(ev) == "Mandera"


def test_a_surname_before_a_noun_is_still_the_town(pipeline):
    ev = one_event(pipeline, "Senator Elizabeth Warren spoke on Monday. Warren police arrested two men.", "COERCE")
    assert _place(ev) == "Warren"


def test_plural_titles_keep_the_country(pipeline):
    text = "Prime Minister Narendra Modi met the governors. The governors then pledged support."
    ev = next(e for e in events_of(pipeline, text) if e.trigger.text == "pledged")
    assert ev.source.country == "IND" and ev.source.name is None


# -- PLOVER THREATEN: a coercive act the actor announces for the future or on a condition ------------------------

@pytest.mark.parametrize("text, trigger", [
    ("Radical French farmers said on Friday they would blockade Paris from Monday night.", "blockade"),
    ("Iraq's government announced that it is prepared to impose martial law.", "impose"),
    ("Nigeria announced that it will withdraw its peacekeepers from Chad unless a ceasefire is agreed.", "withdraw"),
    ('"If Turkey goes too far, I will destroy the economy of Turkey," Trump wrote.', "destroy"),
])
def test_an_announced_coercive_act_is_a_threat(pipeline, text, trigger):
    assert one_event(pipeline, text, "THREATEN", trigger)


@pytest.mark.parametrize("text, trigger, plover", [
    ("Analysts fear that Russia will invade Ukraine next year.", "invade", "ASSAULT"),
    ("Nigeria announced that it will withdraw its peacekeepers from Chad next month.", "withdraw", "CONCEDE"),
    ("The Queen said she will comply with the request of the prime minister to suspend Parliament.", "suspend",
     "SANCTION"),
])
def test_someone_elses_expectation_or_an_unconditional_withdrawal_is_no_threat(pipeline, text, trigger, plover):
    assert one_event(pipeline, text, plover, trigger)


# -- a later mention of an event in its article is the same event (dedup counts it once) -------------------------

def test_a_definite_event_noun_repeats_the_earlier_event(pipeline):
    text = ("Gunmen attacked a police station in Kano on Monday, killing three officers.\n\n"
            "The attack was condemned by the state governor.\n\n"
            "A second attack hit a market in Zaria an hour later.")
    evs = sorted((e for e in events_of(pipeline, text) if e.event_type == "ASSAULT"), key=lambda e: e.trigger.start)
    first, repeat = evs[0], next(e for e in evs if e.trigger.text == "attack" and e.evidence.text.startswith("The"))
    assert repeat.reasons["coref"].startswith(f"repeats event {first.event_id}")
    assert "coref" not in first.reasons
    assert all("coref" not in e.reasons for e in evs if e.evidence.text.startswith("A second"))


def test_dedup_links_a_repeat_within_its_article():
    from eventscope.dedup import deduplicate_rows

    base = {"article_id": "a1", "event_type": "ASSAULT", "factuality": "asserted", "location_country": "NGA",
            "date_start": None, "date_precision": "unanchored", "evidence": "", "confidence": 0.5}
    rows = [{**base, "event_id": "e1", "evidence": "Gunmen attacked a police station in Kano."},
            {**base, "event_id": "e2", "evidence": "The governor condemned it.", "refers_to": "e1"},
            {**base, "event_id": "e3", "evidence": "Another unrelated text entirely."}]
    canonical, mentions = deduplicate_rows(rows)
    by_event = {m["event_id"]: m["canonical_id"] for m in mentions}
    assert by_event["e1"] == by_event["e2"] != by_event["e3"] and len(canonical) == 2
    assert "mentioned again in its article" in next(m["reason"] for m in mentions if m["event_id"] == "e2")


# -- speakers, pronouns across a paragraph, destinations --------------------------------------------------------

def test_first_person_in_a_quote_is_the_speaker(pipeline):
    text = 'Trump defended his decision on Monday: "If Turkey goes too far, I will destroy the economy of Turkey," Trump wrote.'
    ev = one_event(pipeline, text, "THREATEN", "destroy")
    assert ev.source is not None and ev.source.name == "Donald Trump"


def test_he_or_she_opening_a_paragraph_is_the_only_person_of_the_one_before(pipeline):
    ev = one_event(pipeline, "Nancy Pelosi spoke to reporters on Tuesday.\n\nShe accused the president of betraying "
                             "his oath.", "ACCUSE")
    assert ev.source is not None and ev.source.name == "Nancy Pelosi"
    # two people before: no guess
    ev = one_event(pipeline, "Nancy Pelosi met Joe Biden on Tuesday.\n\nShe accused the president of betraying his "
                             "oath.", "ACCUSE")
    assert ev.source is None or ev.source.name is None


def test_a_destination_is_not_where_it_happened(pipeline):
    text = ("A bomb exploded in a market in Jolo on Sunday. Ninety civilians were wounded.\n\n"
            "Soldiers were wounded too. They were airlifted to Zamboanga.")
    ev = next(e for e in events_of(pipeline, text) if e.evidence.text.startswith("Soldiers"))
    assert _place(ev) != "Zamboanga"


# -- second review (on f7fba32): near misses of the THREATEN, coref, speaker and place rules -----------------------

@pytest.mark.parametrize("text, trigger, plover", [
    ("Police said they would investigate the shooting.", "shooting", "ASSAULT"),     # a past event, not a threat
    ("Hamas said it would free all the hostages if Israel ended the war.", "free", "RETREAT"),  # an offer
    ('"They will kill us all," a refugee told reporters.', "kill", "ASSAULT"),         # someone else, in a quote
    ("The general said they would attack again soon.", "attack", "ASSAULT"),           # "they" is not the general
    ("The rebels said they would attack the town.", "attack", "THREATEN"),
    ("Russia said it would withdraw from the grain deal unless its demands were met.", "withdraw", "THREATEN"),
])
def test_threats_are_the_speakers_own_coercion(pipeline, text, trigger, plover):
    assert one_event(pipeline, text, plover, trigger)


def test_reported_passives_and_reactions(pipeline):
    ev = one_event(pipeline, "The Israeli military said a Hamas commander was killed in an airstrike.", "ASSAULT")
    assert ev.source is not None and ev.source.country == "ISR"  # an authority reporting its own act
    ev = one_event(pipeline, "Residents said they would be killed if they stayed in the city.", "ASSAULT")
    assert ev.source is None or ev.source.text != "Residents"
    ev = one_event(pipeline, "Egypt condemned the airstrike on Rafah.", "ASSAULT", "airstrike")
    assert ev.source is None and ev.target is not None and "Rafah" in ev.target.text
    ev = one_event(pipeline, "Ukrainian forces repelled an attack near Avdiivka.", "ASSAULT", "attack")
    assert ev.source is None


def test_a_repeat_must_be_the_same_event(pipeline):
    text = ("Police arrested the opposition leader in Dhaka on Saturday.\n\n"
            "The arrest of a journalist in Chittagong was also criticised.")
    ev = next(e for e in events_of(pipeline, text) if e.evidence.text.startswith("The arrest"))
    assert "coref" not in ev.reasons


def test_protest_deaths_in_its_own_clause_count(pipeline):
    ev = one_event(pipeline, "Three protesters lost their lives during the protest in Nairobi.", "PROTEST")
    assert ev.fatalities == 3
    ev = one_event(pipeline, "Police arrested 20 people during protests in which two people were killed.", "PROTEST")
    assert ev.fatalities == 2
    ev = one_event(pipeline, "Not a single soldier was killed in the attack.", "ASSAULT")
    assert ev.fatalities == 0 and ev.factuality == "negated"


def test_places_an_origin_or_a_route_does_not_hide(pipeline):
    ev = one_event(pipeline, "A man died in Lyon after being attacked by a gang from Marseille.", "ASSAULT")
    assert _place(ev) == "Lyon"
    text = "Gunmen stormed a hotel on Monday.\n\nThe hotel is on the main road into Mogadishu. Two guards were killed."
    ev = next(e for e in events_of(pipeline, text) if e.evidence.text.startswith("Two guards"))
    assert _place(ev) == "Mogadishu"


def test_a_speaker_who_names_no_one_or_a_reporter_is_no_source(pipeline):
    ev = one_event(pipeline, '"We will kill the president," the group said.', "THREATEN")
    assert ev.source is None or ev.source.name != "group"


def test_a_whole_wars_toll_is_no_events_fatalities(pipeline):
    ev = one_event(pipeline, "Around 300,000 people were killed in the conflict, during which he served in the rebel "
                             "group.", "ASSAULT")
    assert ev.fatalities is None
    ev = one_event(pipeline, "Three soldiers were killed in the fighting near Mosul on Monday.", "ASSAULT")
    assert ev.fatalities == 3
