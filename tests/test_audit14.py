"""Fourteenth-session rules, from the place and date patterns of the third blind audit (eval/sample_audit/third/):
a headline's town is the story's place, a person's surname or a common word is no small town, a state is not its
namesake town, "the weekend" and "the following day" are days, a story's lead day may be a "Friday night", and
background in the past perfect is not dated at publication. Every sentence was written for these tests (none is
copied from the sample, eval/, train/ or the gold files in ../shared/data)."""
import datetime as dt

from eventscope.dates import event_date_of, find_timexes
from eventscope.schema import Article

from .conftest import event_at as _at
from .conftest import one_event


def _work(pipeline, text: str, title: str | None = None, published: str = "2024-03-06"):
    return pipeline.process([Article(article_id="t", text=text, title=title, published=published)])[0]


def _places(work) -> dict[str, tuple]:
    return {p.text: (p.name, p.country, p.precision) for p in work.places}


# -- places: who is a person, what is a common word, which Nevada ---------------------------------------------

def test_a_possessive_surname_of_a_named_person_is_no_town(pipeline):
    text = "Jacob Sterling was charged in Ohio on Monday. Supporters came to Sterling's defense and paid Sterling's bail."
    assert "Sterling" not in _places(_work(pipeline, text))  # Sterling, Illinois is a town
    # the town after a cue of where is still read: "in Warren" with Elizabeth Warren named
    text = "Elizabeth Warren spoke on Monday. Two men were arrested in Warren, Michigan, after a protest."
    assert _places(_work(pipeline, text)).get("Warren", (None, None))[1] == "USA"


def test_a_small_town_named_like_an_institution_needs_a_cue_of_where(pipeline):
    text = "The senator said members of Congress must serve shorter terms, according to the Secretary of Justice."
    got = _places(_work(pipeline, text))
    assert "Congress" not in got and "Justice" not in got


def test_a_state_is_not_its_namesake_town(pipeline):
    work = _work(pipeline, "On Tuesday in the US state of Alabama, the governor signed a bill.")
    assert _places(work)["Alabama"][2] == "admin1"
    text = ("Candidates campaigned in Iowa and New Hampshire in January. Nevada holds its caucuses in February, "
            "and Nevada's party officials expect a large turnout.")
    assert _places(_work(pipeline, text))["Nevada"][2] == "admin1"


def test_the_headline_names_the_story_town(pipeline):
    text = ("Police arrested a man after the attack on Saturday evening. The man lived in Reading. "
            "Officers said the United Kingdom's counter-terror police were leading the inquiry, as is usual "
            "in the United Kingdom.\n\nThree people were injured in the attack, police said.")
    title = "Three injured in knife attack in Reading, England"
    work = _work(pipeline, text, title)
    ev = next(e for e in work.events if e.trigger.text == "injured")
    assert ev.location is not None and ev.location.name == "Reading" and "headline" in ev.location.reason
    # without the headline the story has no town of its own
    work = _work(pipeline, text, None)
    ev = next(e for e in work.events if e.trigger.text == "injured")
    assert ev.location is None or ev.location.name != "Reading"
    # a headline naming several states names no one place
    work = _work(pipeline, text.replace("lived in Reading", "lived in Reading and worked in Oxford"),
                 "Reading and Oxford: three injured in knife attacks")
    ev = next(e for e in work.events if e.trigger.text == "injured")
    assert ev.location is None or "headline" not in ev.location.reason


# -- dates -------------------------------------------------------------------------------------------------------

def _timex(text: str, words: str, anchor=dt.date(2024, 3, 6)):  # a Wednesday
    return next(t for t in find_timexes(text, anchor) if t.text == words)


def test_the_weekend_is_the_last_one_or_the_coming_one():
    t = _timex("Police said they arrested four men over the weekend.", "the weekend")
    assert (t.value, t.precision) == ("2024-W09-WE", "week")  # Sat 2 and Sun 3 March 2024
    t = _timex("The talks will continue over the weekend.", "the weekend")
    assert t.value == "2024-W10-WE"
    assert _timex("Protests this past weekend were calm.", "this past weekend").value == "2024-W09-WE"
    assert event_date_of(t, dt.date(2024, 3, 6)) == ("2024-03-09", "week")  # an event of a weekend: its Saturday


def test_the_following_day_follows_the_day_named_just_before():
    t = _timex("The summit opened on Monday. The next day the ministers signed a deal.", "The next day")
    assert (t.value, t.precision) == ("2024-03-05", "day")
    t = _timex("He was detained on February 2, and released that night.", "that night")
    assert t.value == "2024-02-02TNI"
    # a clock time names no day; nor does the publication date
    t = _timex("The first blast was at 13:40. A second blast hit the market on the same day.", "the same day")
    assert t.value is None
    assert _timex("Ministers met the following day.", "the following day").value is None


def test_a_lead_dated_by_a_night_still_dates_the_story(pipeline):
    text = ("Friday night was the third night of protests in Accra.\n\n"
            "Police fired tear gas at the protesters outside parliament.")
    ev = one_event(pipeline, text, "ASSAULT", "fired", published="2024-03-10")
    assert ev.date.value == "2024-03-08" and "lead" in ev.date.reason


def test_background_in_the_past_perfect_is_undated_unless_reported(pipeline):
    text = "Troops entered Goma on Monday.\n\nThe army had shelled the camp of the rebels."
    ev = one_event(pipeline, text, "ASSAULT", "shelled", published="2024-03-06")
    assert ev.date.value is None and "past-perfect" in ev.date.reason
    ev = one_event(pipeline, "Troops entered Goma on Monday.\n\nThe army had shelled the camp in fighting the rebels.",
                   "ASSAULT", "shelled", published="2024-03-06")
    assert ev.date.value is None  # a gerund in a phrase orders it against no event of the story
    # "said ... had killed" is the story's own event, told in reported speech
    text = "Gunmen attacked a market in Kano on Monday.\n\nA police spokesman said the attack had killed nine."
    ev = one_event(pipeline, text, "ASSAULT", "killed", published="2024-03-06")
    assert ev.date.value == "2024-03-04"


def test_a_date_of_the_object_noun_is_not_the_events(pipeline):
    ev = _at(pipeline, "The electoral board is scheduled to discuss the riots of last weekend on Thursday.", "discuss")
    assert ev.date.text == "Thursday"


def test_an_anaphoric_day_is_no_second_date_of_its_paragraph(pipeline):
    text = "Rebels attacked Goma on Friday. The army then shelled the camp of the rebels. Envoys met the next day."
    ev = one_event(pipeline, text, "ASSAULT", "shelled", published="2024-03-06")
    assert ev.date.value == "2024-03-01" and "paragraph" in ev.date.reason


# -- mends after a read-only review of the first version (its probes showed each of these) ------------------------

def test_a_small_town_after_a_place_word_or_a_motion_cue_is_kept(pipeline):
    work = _work(pipeline, "Rebels shelled a camp 15 km south of Goma on Monday, then retreated toward Goma.")
    assert _places(work).get("Goma", (None,))[0] == "Goma"


def test_a_headline_place_must_be_where_something_happened(pipeline):
    text = ("Gunmen killed three civilians near Sukhumi on Monday, officials in Georgia said. Georgia's "
            "government in Tbilisi condemned the killings.\n\nThree civilians were killed, officials said.")
    work = _work(pipeline, text, "Tbilisi condemns killing of civilians")
    assert all("headline" not in (e.location.reason if e.location else "") for e in work.events)
    text = ("A bus crashed near Harrisburg in Pennsylvania on Monday. Police in Harrisburg said the driver was "
            "from York, Pennsylvania.\n\nTen people were hurt, police said.")
    work = _work(pipeline, text, "New York-bound bus crashes in Pennsylvania")
    assert all("York" != (e.location.name if e.location else None) for e in work.events)


def test_a_namesake_town_near_a_named_city_stays_a_town(pipeline):
    text = "Troopers stopped a truck near Delaware, north of Columbus, on Monday. Ohio police arrested the driver."
    assert _places(_work(pipeline, text))["Delaware"][2] == "city"


def test_a_possessive_of_a_country_named_like_a_person_is_the_country(pipeline):
    text = "Representative Steve Israel spoke on Monday. Israel's army said it struck targets in Gaza."
    assert _places(_work(pipeline, text)).get("Israel", (None, None))[1] == "ISR"


def test_a_clock_time_in_the_lead_is_no_story_day(pipeline):
    text = ("At about 2 a.m., gunmen stormed a hotel in Mogadishu, police said on Monday.\n\n"
            "Two guards were wounded by the gunmen.")
    ev = one_event(pipeline, text, "ASSAULT", "wounded", published="2024-03-06")
    assert ev.date.value == "2024-03-04"


def test_a_past_perfect_confirmed_or_ordered_against_the_story_is_its_event(pipeline):
    lead = "Gunmen stormed a hotel in Mogadishu on Monday.\n\n"
    for sentence in ("Police confirmed that the gunmen had killed 12 guests.",
                     "According to police, the gunmen had killed 12 guests.",
                     "By the time troops arrived, the gunmen had killed 12 guests."):
        ev = one_event(pipeline, lead + sentence, "ASSAULT", "killed", published="2024-03-06")
        assert ev.date.value == "2024-03-04", sentence


def test_the_next_day_does_not_follow_an_aside(pipeline):
    text = ("Rebels attacked Sake on Monday. The army, which had retaken the town on January 15, said troops "
            "were sent. The next day, rebels withdrew from the town.")
    ev = one_event(pipeline, text, "RETREAT", "withdrew", published="2024-03-06")
    assert ev.date.value == "2024-03-05"


def test_the_weekend_needs_a_preposition_of_time_and_no_present_tense(pipeline):
    assert not [t for t in find_timexes("The weekend shift starts at noon.", dt.date(2024, 3, 6)) if "eekend" in t.text]
    work = _work(pipeline, "Banks in Lagos are closed on the weekend.")
    assert not [t for t in work.timexes if "weekend" in t.text]


def test_the_infinitive_of_a_present_plan_is_future(pipeline):
    ev = _at(pipeline, "Ministers are scheduled to meet in Brussels on Thursday.", "meet")
    assert ev.date.value == "2024-03-07"  # published Friday 1 March 2024: the coming Thursday
    ev = _at(pipeline, "The president planned to visit Kyiv on Thursday, but the trip was cancelled.", "visit")
    assert ev.date.value == "2024-02-29"  # a past plan keeps the past


# -- actors: the place an actor's own phrase names; a weekday fixes a month-day's year ----------------------------

def test_an_actor_is_of_the_place_its_own_phrase_names(pipeline):
    ev = _at(pipeline, "Amina Bello, the mayor of Lagos, condemned the killings.", "condemned")
    assert (ev.source.country, ev.source.sector) == ("NGA", "GOV") and "its phrase names" in ev.source.reason
    ev = _at(pipeline, "The governor of the Mexican state of Jalisco resigned on Friday.", "resigned")
    assert ev.source.country == "MEX"
    # a name geo only guessed (placed at the article's main place, low confidence) names no country
    work = _work(pipeline, "Police in Lagos arrested Chidi Okafor on Monday. Okafor's lawyer condemned the arrest.")
    ev = next(e for e in work.events if e.trigger.text == "condemned")
    assert ev.source is None or "its phrase names" not in ev.source.reason


def test_a_weekday_fixes_the_year_of_a_month_day():
    t = _timex("The minister announced his resignation, effective Wednesday, July 31.", "Wednesday, July 31",
               anchor=dt.date(2019, 7, 28))
    assert t.value == "2019-07-31"  # 31 July 2018 was a Tuesday


def test_an_official_without_a_country_is_of_a_clear_focus_country(pipeline):
    text = ("Police in Abidjan arrested two journalists on Monday. Judge Amara Kone ordered their release on Tuesday, "
            "a lawyer in Abidjan said. The press union of Ivory Coast welcomed the ruling.")
    ev = next(e for e in _work(pipeline, text).events if e.trigger.text == "ordered")
    assert ev.source.sector == "JUD" and ev.source.country == "CIV" and "lower confidence" in ev.source.reason
    # a story of several countries leaves it unknown: whose judge is unclear
    text = text.replace("The press union of Ivory Coast", "Diplomats from France, Ghana, Mali and Senegal")
    ev = next(e for e in _work(pipeline, text).events if e.trigger.text == "ordered")
    assert ev.source.country is None


def test_suspects_and_the_accused_are_actors(pipeline):
    ev = _at(pipeline, "Judge Amara Kone ordered the accused to remain in custody.", "ordered")
    assert ev.target is not None and ev.target.sector == "CRM"
    ev = _at(pipeline, "Prosecutors charged the suspect with murder on Monday.", "charged")
    assert ev.target is not None and ev.target.sector == "CRM"


# -- mends after a second read-only review (250 probes) ----------------------------------------------------------

def test_an_event_of_a_plans_object_is_not_planned(pipeline):
    ev = _at(pipeline, "Officials plan to rebuild the bridge destroyed on Sunday.", "destroyed")
    assert ev.date.value == "2024-02-25"  # published Friday 1 March 2024: the Sunday before


def test_a_weekday_far_from_any_year_near_the_anchor_is_a_typo():
    t = _timex("The minister resigned on Wednesday, March 5, after the scandal.", "Wednesday, March 5")
    assert t.value == "2024-03-05"  # 5 March 2025 is a Wednesday, but a year after publication


def test_no_focus_country_for_officials_in_a_war_between_countries(pipeline):
    text = ("Pakistan bombed villages in Khost, Afghanistan, on Monday. Officials in Kabul condemned the raids on "
            "Khost. The army said it targeted terrorists in the border area.")
    ev = next(e for e in _work(pipeline, text).events if e.trigger.text == "targeted")
    assert ev.source is None or ev.source.country != "AFG"  # whose army: Pakistan's, most likely


def test_a_possessor_named_in_the_phrase_blocks_the_focus_country(pipeline):
    text = ("Police in Belgrade detained two men on Monday. Kosovo's prime minister accused Belgrade of stoking "
            "unrest, officials in Belgrade said.")
    ev = next(e for e in _work(pipeline, text).events if e.trigger.text == "accused")
    assert ev.source is not None and ev.source.country != "SRB"


# -- places: where an attack landed; the place of a passive's agent -----------------------------------------------

def test_an_attack_is_where_it_landed(pipeline):
    ev = _at(pipeline, "Rebels in Idlib shelled government positions in Hama on Monday.", "shelled")
    assert ev.location is not None and ev.location.name != "Idlib" and "landed" in ev.location.reason


def test_the_place_of_a_passives_agent(pipeline):
    ev = _at(pipeline, "Two men were arrested by police in Lagos on Monday.", "arrested")
    assert ev.location is not None and ev.location.name == "Lagos"


def test_the_suspect_is_the_one_person_the_article_names_as_such(pipeline):
    text = ("Police identified the gunman as 34-year-old Marcus Webb. Officers said Webb opened fire in a mall in "
            "Denver on Saturday.\n\nProsecutors charged the suspect with murder on Monday.")
    ev = next(e for e in _work(pipeline, text).events if e.trigger.text == "charged")
    assert ev.target is not None and ev.target.name == "Marcus Webb" and "names as its" in ev.target.reason
    # two such people: no one is "the suspect"
    text = text.replace("Police identified the gunman as 34-year-old Marcus Webb.",
                        "Police arrested Marcus Webb and later detained Daniel Ortiz.")
    ev = next(e for e in _work(pipeline, text).events if e.trigger.text == "charged")
    assert ev.target is None or ev.target.name is None


# -- mends after a third read-only review (200 probes) -----------------------------------------------------------

def test_a_victim_or_someone_not_charged_is_no_suspect(pipeline):
    text = ("Police identified the victim as 27-year-old Sarah Lindqvist. A gunman opened fire at a cafe in Denver on "
            "Saturday.\n\nProsecutors charged the suspect with murder on Monday.")
    ev = next(e for e in _work(pipeline, text).events if e.trigger.text == "charged")
    assert ev.target is None or ev.target.name is None
    text = ("Police charged Ali Rahimi and Omar Farouk with murder on Monday.\n\nThe accused denied the charges "
            "in court.")
    ev = next((e for e in _work(pipeline, text).events if e.trigger.text == "denied"), None)
    assert ev is None or ev.source is None or ev.source.name is None  # two suspects: "the accused" is neither


def test_an_attack_is_placed_by_its_own_verb_and_not_by_a_route_name(pipeline):
    ev = _at(pipeline, "Rioters looted shops in Leeds and attacked a hotel in Rotherham.", "attacked")
    assert ev.location is not None and ev.location.name == "Rotherham"
    ev = _at(pipeline, "Bandits attacked the Kaduna train near Katari on Monday.", "attacked")
    assert ev.location is None or ev.location.name != "Kaduna"
