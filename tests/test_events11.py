"""Eleventh-session event rules: PLOVER manual senses the trigger tables lacked (found by reading the dev errors
of eval/plover_notes/), and sentences about games and markets. Every sentence was written for these tests (none
is copied from the sample, eval/plover_notes/ or the gold files in ../shared/data); each rule is paired with a
near miss it must leave alone."""
import pytest

from .conftest import events_of


def _types(pipeline, text):
    return {(e.event_type, e.trigger.text) for e in events_of(pipeline, text)}


def _modes(pipeline, text):
    return {(e.event_type, e.mode, e.trigger.text) for e in events_of(pipeline, text)}


@pytest.mark.parametrize("text, plover, trigger", [
    # PLOVER manual, ACCUSE: summoning an ambassador to present a grievance is ACCUSE, not CONSULT or PROTEST
    ("Ghana summoned the Nigerian ambassador on Monday to protest against the deportation of traders.", "ACCUSE",
     "summoned"),
    # THREATEN: issuing an arrest warrant is a threat of arrest (manual, THREATEN "potential ambiguities")
    ("A court in Minsk issued an arrest warrant for an exiled opposition blogger.", "THREATEN", "issued"),
    # SANCTION 'withdraw' (CAMEO 161): reducing or breaking diplomatic relations
    ("Bolivia severed diplomatic relations with Israel on Tuesday.", "SANCTION", "severed"),
    ("Niger broke off diplomatic ties with Ukraine after the remarks.", "SANCTION", "broke"),
    # leaving an organisation or a treaty reduces relations
    ("Mali announced its withdrawal from the regional bloc ECOWAS.", "SANCTION", "withdrawal"),
    # RETREAT: 'out of' is often parsed as a preposition, not a particle
    ("Rwandan troops pulled out of the border town on Friday.", "RETREAT", "pulled"),
    # AID: money released to someone; a hostage rescue (manual, AID)
    ("The World Bank released 200 million dollars in emergency funding for Malawi.", "AID", "released"),
    ("Kenyan police freed 14 kidnapped traders from a hideout in Mandera.", "AID", "freed"),
    ("Japan wrote off 120 million dollars of debts owed by Zambia.", "AID", "wrote"),
    # REJECT: turning down, voting down
    ("Serbia turned down an offer of mediation from Croatia.", "REJECT", "turned"),
    ("The Kenyan parliament voted down the finance bill on Thursday.", "REJECT", "voted"),
    # MOBILIZE: dispatching or stationing forces, drills held
    ("Russia dispatched two warships to the eastern Mediterranean.", "MOBILIZE", "dispatched"),
    ("Pakistan stationed two squadrons of fighter jets near the border.", "MOBILIZE", "stationed"),
    # COERCE: censorship, a state of emergency, hacking
    ("Ethiopia's government blocked access to social media platforms in the Amhara region.", "COERCE", "blocked"),
    ("Ecuador's president declared a state of emergency in three provinces.", "COERCE", "declared"),
    ("Hackers hacked the email servers of the Polish foreign ministry.", "COERCE", "hacked"),
    ("Authorities in Gabon cut mobile internet nationwide ahead of the vote.", "COERCE", "cut"),
    # RETREAT 'disarm': weapons handed in
    ("Former rebels handed in 300 rifles to the peace commission in Bangui.", "RETREAT", "handed"),
    # COOPERATE: joint patrols, shared intelligence
    ("Ugandan soldiers carried out joint patrols with Congolese troops in Ituri.", "COOPERATE", "patrols"),
    ("Jordan shared information on the smuggling network with Iraqi police.", "COOPERATE", "shared"),
    # SUPPORT: backing given; REQUEST: a meeting sought; PROTEST: a sit-in, a stoppage, defacing property
    ("The African Union gave its backing to the transition plan in Chad.", "SUPPORT", "backing"),
    ("Armenia's prime minister sought talks with Azerbaijan's president.", "REQUEST", "sought"),
    ("A 24-hour stoppage by bus drivers paralysed Lagos on Monday.", "PROTEST", "stoppage"),
    ("Activists sprayed red paint on the gates of the parliament in Tbilisi.", "PROTEST", "sprayed"),
    # SANCTION 'expel': members thrown out of a party
    ("The ruling party threw out four lawmakers for voting with the opposition.", "SANCTION", "threw"),
])
def test_manual_senses(pipeline, text, plover, trigger):
    assert (plover, trigger) in _types(pipeline, text)


def test_near_misses_keep_their_other_senses(pipeline):
    # persons released by whoever held them: RETREAT 'release', even with 'aid' in the phrase
    assert ("RETREAT", "released") in _types(pipeline, "Gunmen released three aid workers in Darfur.")
    # roads blocked by protesters stay a protest
    assert ("PROTEST", "blocked") in _types(pipeline, "Farmers blocked the main highway into Warsaw with tractors.")
    # a health emergency declared is no coercion
    assert not any(t == "COERCE" for t, _ in _types(pipeline, "The WHO declared the outbreak a public health emergency."))
    # hacked to death is an assault, not a cyber attack
    assert ("ASSAULT", "hacked") in _types(pipeline, "A farmer was hacked to death by a gang in Kisii.")
    # troops withdrawn from a UN mission leave a place
    assert ("RETREAT", "withdrew") in _types(pipeline, "Egypt withdrew its troops from the UN mission in Mali.")


def test_near_misses_found_by_the_review(pipeline):
    """A read-only review of the first version of these rules (390 probe sentences) found each of these misfiring."""
    # a market word is the doer only as its own subject: a noun event it follows still happened
    assert ("ASSAULT", "attack") in _types(pipeline, "Oil prices surged after Iran's missile attack on Israel.")
    assert ("PROTEST", "protests") in _types(pipeline, "Rising fuel prices sparked protests across Kenya.")
    assert ("ACCUSE", "condemned") in _types(pipeline, "State Department spokesman Ned Price condemned the attack.")
    # party names and sports people are no game
    assert ("ACCUSE", "condemned") in _types(pipeline, "The Arab League condemned the Israeli strike on Rafah.")
    assert ("COERCE", "arrested") in _types(pipeline, "Former cricket captain Imran Khan was arrested in Islamabad.")
    assert any(t == "ASSAULT" for t, _ in _types(pipeline, "An Israeli strike hit a football field in Gaza, killing 10 children."))
    # physical blockades, power stations and administrative leave
    assert ("PROTEST", "blocked") in _types(pipeline, "Farmers blocked access to the nuclear site in Brittany.")
    assert not any(t == "COERCE" for t, _ in _types(pipeline, "Ukraine shut down the last reactor at the power station."))
    assert not any(t == "MOBILIZE" for t, _ in _types(pipeline, "The officer was placed on administrative leave."))
    # a candidate withdrawn from an election, a search warrant, espionage, data sold to advertisers
    assert not any(t == "SANCTION" for t, _ in _types(pipeline, "The party withdrew its candidate from the council elections."))
    assert not any(t == "THREATEN" for t, _ in _types(pipeline, "A Paris judge issued a search warrant for the offices."))
    assert not any(t == "COOPERATE" for t, _ in _types(pipeline, "A soldier was charged with passing classified information to China."))
    # villagers hacked with pangas were attacked, not hacked into
    assert not any(t == "COERCE" for t, _ in _types(pipeline, "Five villagers were hacked with pangas in an overnight attack."))
    # a political demand with a word the market rows use
    assert ("REQUEST", "demand") in _types(pipeline, "Students' demand for loan forgiveness was rejected by the court.")


def test_the_purpose_of_a_protest_noun_is_its_topic(pipeline):
    # PLOVER manual, PROTEST: the topic of a protest is not coded as a separate event
    types = _types(pipeline, "Nurses staged a sit-in at the health ministry to denounce unpaid wages.")
    assert ("PROTEST", "in") in types and not any(t == "ACCUSE" for t, _ in types)


@pytest.mark.parametrize("text", [
    "Ghana crushed Sudan 3-0 in an Africa Cup of Nations qualifier in Kumasi.",
    "The visitors attacked down the right wing, but the league match ended goalless.",
    "Shares in Mumbai retreated from record highs as investors booked profits.",
    "The rand came under attack from speculators on Friday.",
    "The singer, who fought a long battle with cancer, died in Accra at 71.",
    "Oil prices fell as weak factory data dented hopes of a rebound in demand.",
    "The Labour Party, which controlled a majority of the council, lost ten seats.",
])
def test_games_markets_and_other_senses_are_no_events(pipeline, text):
    assert not _types(pipeline, text)


def test_crowd_violence_at_a_game_and_a_political_demand_stay_events(pipeline):
    assert ("ASSAULT", "clashed") in _types(pipeline, "Fans clashed with police after the football match in Cairo.")
    assert ("ASSAULT", "attacked") in _types(pipeline, "Gunmen attacked a football stadium in Mogadishu.")
    assert ("REQUEST", "demand") in _types(pipeline, "Protesters repeated their demand for the release of prisoners.")


def test_near_misses_found_by_the_second_review(pipeline):
    """A second read-only review (229 probe texts against the first review's mends) found each of these."""
    # trade is no aid: a company's deliveries, oil or grain sold
    assert not _types(pipeline, "Tesla delivered 435,000 vehicles in the first quarter.")
    assert not _types(pipeline, "Russia delivered 1.5 million tonnes of crude oil to China in March.")
    assert ("AID", "delivered") in _types(pipeline, "Iran delivered drones to Russia for use in Ukraine.")
    # armed men leaving a town under a deal retreat; they do not leave the deal
    assert ("RETREAT", "withdrew") in _types(pipeline, "The militants withdrew from the town under an evacuation deal.")
    # a game word that describes a person, and demonstrators at a game
    assert ("CONCEDE", "conceded") in _types(pipeline, "George Weah, a former footballer, conceded defeat to Joseph Boakai.")
    assert ("PROTEST", "protested") in _types(
        pipeline, "Hundreds of demonstrators protested outside the stadium before the World Cup qualifier.")
    # "in their demand" is a demand; "a rebound in demand" is not
    assert ("REQUEST", "demand") in _types(pipeline, "The union remained firm in its demand for a pay rise.")
    assert not any(t == "REQUEST" for t, _ in _types(pipeline, "Copper fell on fears of a slump in demand."))
    # killings with blades, a company closing its own newspaper, a unit placed under investigation
    assert not any(t == "COERCE" for t, _ in _types(pipeline, "Militants hacked 20 villagers to pieces in Ituri."))
    assert ("COERCE", "hacked") in _types(pipeline, "Chinese state hackers hacked the US Treasury Department.")
    assert not _types(pipeline, "The owners shut down the newspaper, citing falling advertising revenue.")
    assert not any(t == "MOBILIZE" for t, _ in _types(pipeline, "The army placed the unit under investigation."))
    # recalling one's own envoy for consultations is no protest
    assert not any(t == "ACCUSE" for t, _ in _types(pipeline, "Algeria summoned its ambassador in Paris for consultations."))
    # an index as the doer of a market move
    assert not _types(pipeline, "The Nikkei surrendered early gains as the yen strengthened.")
