"""Tests for the geo stage: gazetteer, recognition/resolution on the seed article,
event location, and an evaluation smoke test on TR-News.

Gold data: /work/shared/data/geo/trnews.jsonl (TR-News, Kamalloo & Rafiei 2018, via
github.com/milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation; see its PROVENANCE.md).
It is read from shared/ and never copied; tests that need it skip when it is absent.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventscope.config import Config
from eventscope.geo import GeoStage, Gazetteer, article_focus, evaluate, haversine, norm, read_table
from eventscope.nlp import NlpStage
from eventscope.schema import Actor, Article, Event, Span, Work

SHARED = Path(__file__).parents[2] / "shared"
SEED = SHARED / "samples" / "seed-article.txt"
TRNEWS = SHARED / "data" / "geo" / "trnews.jsonl"

# Real coordinates (WGS84) of the places named in the seed article.
REAL = {
    "Dushanbe": (38.5598, 68.7870),
    "Kunduz": (36.7280, 68.8680),
    "Kabul": (34.5553, 69.2075),
    "Tokyo": (35.6762, 139.6503),
    "Makhachkala": (42.9849, 47.5047),
}


@pytest.fixture(scope="module")
def stage():
    st = GeoStage(Config())
    st.ensure_setup()
    return st


@pytest.fixture(scope="module")
def seed_work(stage):
    if not SEED.exists():
        pytest.skip("shared/samples/seed-article.txt not available")
    text = SEED.read_text("utf-8")
    work = Work(article=Article(article_id="seed", text=text, published="2015-09-29"))
    NlpStage(Config()).process([work])
    stage.process([work])
    return work


def _event(work: Work, trigger: str, sentence_start: str, source=None, target=None) -> Event:
    text = work.article.text
    s = text.index(sentence_start)
    t = text.index(trigger, s)
    para = work.paragraph_of(t)
    sent = work.token_at(t).sent
    return Event(
        event_id=f"e-{trigger}", article_id="seed", event_type="CONSULT",
        trigger=Span(text=trigger, start=t, end=t + len(trigger)),
        evidence=Span(text=sent.text, start=para.start + sent.start_char, end=para.start + sent.end_char),
        source=Actor(text=source) if source else None, target=Actor(text=target) if target else None,
    )


# -- gazetteer ---------------------------------------------------------------


def test_tables_have_headers_and_rows():
    for name in ("regions", "aliases", "demonyms", "nonplaces"):
        rows = read_table(name)
        assert len(rows) > 10, name
        assert all(None not in r for r in rows), f"{name}: ragged row"


def test_gazetteer_knows_places(stage):
    # its load time is measured by bench/throughput.py (the pipeline's setup), not asserted here: a
    # timed unit test fails on a busy machine or when the disk cache is being rebuilt
    gaz: Gazetteer = stage.gazetteer
    assert gaz.resolve("Ivory Coast").country == "CIV"
    assert gaz.resolve("Burma").country == "MMR"
    assert gaz.resolve("U.S.").country == "USA"
    assert gaz.resolve("Britain").country == "GBR"
    assert gaz.resolve("Ky.").precision == "admin1"
    assert gaz.resolve("Kiev").country == "UKR"
    assert gaz.candidates("Kommersant") == []
    assert [p.precision for p in gaz.candidates("Georgia")].count("country") == 1
    assert norm("Kābul") == "kabul" and norm("The Hague") == "hague"


def test_country_name_beats_same_name_towns(stage):
    gaz = stage.gazetteer
    for name, iso3 in (("Syria", "SYR"), ("Iran", "IRN"), ("Jordan", "JOR"), ("Turkish", "TUR"), ("Afghan", "AFG")):
        place = gaz.resolve(name)
        assert place.precision == "country" and place.country == iso3, name


def test_georgia_depends_on_context(stage):
    from eventscope.geo import Context
    from collections import Counter

    gaz = stage.gazetteer
    assert gaz.resolve("Georgia").country == "GEO"
    us_story = gaz.resolve("Georgia", Context(focus=Counter({"USA": 5})))
    assert us_story.precision == "admin1" and us_story.country == "USA"


# -- recognition and resolution on the seed article ---------------------------


def test_seed_cities_resolve_near_real_places(seed_work):
    by_text = {}
    for p in seed_work.places:
        by_text.setdefault(p.text, p)
    for name, (lat, lon) in REAL.items():
        assert name in by_text, f"{name} not recognised"
        p = by_text[name]
        assert haversine(lat, lon, p.lat, p.lon) < 50, (name, p)
        assert p.reason


def test_seed_admin1_and_regions(seed_work):
    by_text = {p.text: p for p in seed_work.places}
    for name in ("Dagestan", "Chechnya"):
        assert by_text[name].precision == "admin1" and by_text[name].country == "RUS", by_text[name]
    for name in ("South China Sea", "Middle East"):
        assert by_text[name].precision == "region", by_text[name]
    assert "inside AFG" in by_text["Kunduz"].reason  # "Northern Afghan city of Kunduz"


def test_seed_offsets_and_non_places(seed_work):
    text = seed_work.article.text
    for p in seed_work.places:
        assert text[p.start:p.end] == p.text
    texts = {p.text for p in seed_work.places}
    for actor in ("Kommersant", "The Diplomat", "Diplomat", "Haroon Mir", "Kremlin", "ISIS", "Taliban"):
        assert actor not in texts, actor
    assert not any("Haroon" in t or "Kerry" in t for t in texts)


# -- event location -------------------------------------------------------------


def test_event_location_rules(seed_work, stage):
    work = seed_work
    arrived = _event(work, "arrived", "Putin arrived", source="Putin")
    gathered = _event(work, "gathered", "Back in 2012", source="international donors")
    fell = _event(work, "fell", "Only yesterday", source="the Taliban")
    fell_target = _event(work, "fell", "Only yesterday", source="the Taliban", target="Kunduz")
    told = _event(work, "told", "On Friday, top", source="Yuri Ushakov")
    work.events = [arrived, gathered, fell, fell_target, told]
    stage.process([work])
    assert arrived.location.country == "TJK" and "prep 'in'" in arrived.location.reason
    assert gathered.location.name == "Tokyo" and "prep 'in'" in gathered.location.reason
    assert fell.location.text == "Kunduz" and "only non-actor place" in fell.location.reason
    assert fell_target.location is None  # the only place is the target actor; no guess
    assert told.location is None  # no place in the sentence


def _parsed(stage, text: str, published: str = "2020-01-01") -> Work:
    work = Work(article=Article(article_id="t", text=text, published=published))
    NlpStage(Config()).process([work])
    stage.process([work])
    return work


def _event_at(work: Work, trigger: str, event_type: str = "ASSAULT", source=None, target=None) -> Event:
    t = work.article.text.index(trigger)
    para = work.paragraph_of(t)
    sent = work.token_at(t).sent
    return Event(
        event_id=f"e-{trigger}", article_id=work.article.article_id, event_type=event_type,
        trigger=Span(text=trigger, start=t, end=t + len(trigger)),
        evidence=Span(text=sent.text, start=para.start + sent.start_char, end=para.start + sent.end_char),
        source=Actor(text=source) if source else None, target=Actor(text=target) if target else None,
    )


def test_fallback_paragraphs_only_place(stage):
    work = _parsed(stage, "Gunmen attacked a market in Kunduz on Monday. Police arrested four suspects later.\n\n"
                          "Officials in Kabul and Herat promised an inquiry.")
    arrested = _event_at(work, "arrested", source="Police")
    work.events = [arrested]
    stage.process([work])
    assert arrested.location is not None and arrested.location.name == "Kunduz"
    assert arrested.location.reason.startswith("paragraph's only place")


def test_fallback_article_focus_and_null(stage):
    text = ("Afghanistan held talks with donors. Afghanistan wants aid for Afghanistan's farmers.\n\n"
            "Pakistan was also invited.\n\n"
            "The ministers signed a memorandum.")
    work = _parsed(stage, text)
    signed = _event_at(work, "signed", event_type="COOPERATE", source="The ministers")
    work.events = [signed]
    stage.process([work])
    focus = article_focus(work)
    assert focus is not None and focus[0].country == "AFG" and focus[1] == 3
    assert signed.location.country == "AFG"
    assert signed.location.reason.startswith("article focus: Afghanistan (3 mentions")
    # no place anywhere: no guess
    empty = _parsed(stage, "The ministers signed a memorandum on Tuesday.")
    ev = _event_at(empty, "signed", event_type="COOPERATE", source="The ministers")
    empty.events = [ev]
    stage.process([empty])
    assert ev.location is None and article_focus(empty) is None


def test_fallback_not_used_when_sentence_has_places(stage):
    """Two candidate places in the clause: ambiguous, stays null even though the article has a focus."""
    work = _parsed(stage, "Canada praised Canada's police. Canada is calm.\n\n"
                          "Officials from Toronto and Vancouver met.")
    met = _event_at(work, "met", event_type="CONSULT", source="Officials")
    work.events = [met]
    stage.process([work])
    assert met.location is None


# -- recognition guards and disambiguation cues -------------------------------------


def test_syria_inside_isis_name_is_not_a_place(stage):
    work = _parsed(stage, "Fighters of the Islamic State of Iraq and Syria (ISIS) crossed into Iraq. Syria protested.")
    texts = [(p.text, p.start) for p in work.places]
    first_syria = work.article.text.index("Syria")
    assert ("Syria", first_syria) not in texts
    assert any(t == "Syria" and s > first_syria for t, s in texts)  # the real one is kept
    assert any(t == "Iraq" for t, _ in texts)


def test_caucasian_is_not_a_demonym(stage):
    gaz = stage.gazetteer
    assert gaz.demonym("Caucasian") is None
    assert gaz.resolve("Caucasus").precision == "region"
    work = _parsed(stage, "The suspect was described as a Caucasian man in his thirties.")
    assert work.places == []


def test_postal_code_only_in_city_state_pattern(stage):
    work = _parsed(stage, "LOUISVILLE, KY -- The company said sales in IN and OR rose. EDMONTON, Ky (WBKO) reported it.")
    by_text = {p.text: p for p in work.places}
    assert by_text["KY"].name == "Kentucky" and by_text["KY"].precision == "admin1"
    assert by_text["Ky"].name == "Kentucky"
    assert "IN" not in by_text and "OR" not in by_text
    assert by_text["EDMONTON"].country == "USA" and "Kentucky" in by_text["EDMONTON"].reason
    assert stage.gazetteer.postal_code("KY") is not None and stage.gazetteer.postal_code("Ky.") is None


def test_same_name_city_follows_the_articles_country(stage):
    """London, Ontario in a story that names Canada; London, England otherwise."""
    ca = _parsed(stage, "Organizers of a London rally thanked Canada. Canada's stand was praised. "
                        "Canada must do more, they said in London.")
    london = [p for p in ca.places if p.text == "London"]
    assert london and all(p.country == "CAN" for p in london), london
    assert "main country CAN" in london[0].reason
    uk = _parsed(stage, "Protesters marched in London on Saturday.")
    assert [p.country for p in uk.places if p.text == "London"] == ["GBR"]


def test_aliases_for_airports_and_short_names(stage):
    gaz = stage.gazetteer
    assert gaz.resolve("Heathrow").name == "London"
    assert gaz.resolve("Newfoundland").precision == "admin1"
    from collections import Counter
    from eventscope.geo import Context
    assert gaz.resolve("Newcastle", Context(focus=Counter({"GBR": 3}))).name == "Newcastle upon Tyne"



def test_admin_centre_is_middle_of_extent_without_gap_outliers():
    from eventscope.geo import _centre
    # a province whose towns crowd its south-east corner still gets the middle of its extent
    outback = [(-10.0 - i * 0.5, 138.0 + (i % 8)) for i in range(39)]  # -10..-29 S, 138..145 E
    towns = [(-27.5 + i * 0.01, 153.0 - i * 0.01) for i in range(200)] + outback
    lat, lon = _centre(towns)
    assert abs(lat - (-19.5)) < 0.01 and abs(lon - 145.5) < 0.01
    # one mis-coded village 15 degrees away is dropped, not allowed to drag the box
    towns = [(31.0 + i * 0.04, 117.0 + i * 0.04) for i in range(100)] + [(29.0, 100.3)]
    lat, lon = _centre(towns)
    assert lon > 115 and abs(lat - 32.98) < 0.01
    # the antimeridian: Fiji-like islands either side of 180
    lat, lon = _centre([(-17.0, 179.5), (-16.5, -179.8), (-18.0, 178.0), (-17.5, 179.0), (-16.8, -179.9)])
    assert lon > 178.5 or lon < -179.5


def test_capital_of_is_a_lookup(stage):
    gaz = stage.gazetteer
    assert gaz.capital_of("TJK").name == "Dushanbe"
    assert gaz.capital_of("AFG").name == "Kabul" and gaz.capital_of("AFG").capital
    assert gaz.capital_of("XXX") is None


def test_city_town_suffix_readings(stage):
    gaz = stage.gazetteer
    # "<name> Town"/"<name> City" is a reading of the bare name ...
    enfield = [p for p in gaz.candidates("Enfield") if p.country == "GBR"]
    assert enfield and enfield[0].name == "Enfield Town"
    # ... unless the bare name is a state or country: "New York" is not New York City
    assert all(p.precision != "city" for p in gaz.candidates("New York"))



def test_admin_suffix_name_also_reads_as_the_bare_names_admin_units(stage):
    """"Karak district" in a story about Jordan is Jordan's Karak, not Pakistan's Karak District."""
    from collections import Counter
    from eventscope.geo import Context
    gaz = stage.gazetteer
    assert {p.country for p in gaz.candidates("Karak district")} >= {"PAK", "JOR"}
    assert gaz.resolve("Karak district", Context(focus=Counter({"JOR": 3}))).country == "JOR"
    assert gaz.resolve("Karak district", Context(focus=Counter({"PAK": 3}))).country == "PAK"


def test_unknown_names_are_placed_by_their_parts_or_the_articles_main_place(stage):
    from eventscope.geo import ArticleResolver, Mention
    text = ("Police in Vancouver said the Vancouver Art Gallery was closed. Vancouver officials met "
            "at the Grandview Kettle Hall.")
    spans = [("Vancouver", text.index("Vancouver")), ("Vancouver Art Gallery", text.index("Vancouver Art")),
             ("Vancouver", text.index("Vancouver officials")), ("Grandview Kettle Hall", text.index("Grandview"))]
    mentions = [Mention(t, s, s + len(t)) for t, s in spans]
    ArticleResolver(stage.gazetteer).resolve_article(text, mentions)
    gallery, hall = mentions[1].place, mentions[3].place
    assert gallery.name == "Vancouver" and "contains 'Vancouver'" in gallery.reason
    assert hall.name == "Vancouver" and "main place" in hall.reason and "low confidence" in hall.reason
    # a name that is an actor stays unresolved
    m = Mention("Reuters", 0, 7)
    ArticleResolver(stage.gazetteer).resolve_article("Reuters said so in Vancouver.", [m, Mention("Vancouver", 19, 28)])
    assert m.place is None



def test_places_embedded_in_organisation_names(stage):
    """"Kentucky State Police", "University of Manitoba": the place an organisation is named
    after is a mention; a small namesake abroad ("Lakes", a South Sudan state) is not."""
    work = _parsed(stage, "Kentucky State Police said a man from Metcalfe County was arrested on Friday.")
    assert [p.text for p in work.places][:1] == ["Kentucky"] and work.places[0].precision == "admin1"
    work = _parsed(stage, "She studied at the University of Manitoba before moving to Winnipeg.")
    assert "Manitoba" in [p.text for p in work.places]
    work = _parsed(stage, "The firm Lakes Edge bought the property near Waterloo, Iowa, last week.")
    assert "Lakes" not in [p.text for p in work.places]
    assert stage.gazetteer.entries("County") == []  # "Republic County" has no bare short form



def test_unsupported_small_namesake_abroad_moves_to_the_articles_main_place(stage):
    from eventscope.geo import ArticleResolver, Mention
    text = ("Winnipeg police said the fire spread. Winnipeg firefighters came from Crescent Park. "
            "Winnipeg schools closed.")
    names = [("Winnipeg", 0), ("Winnipeg", text.index("Winnipeg fire")), ("Winnipeg", text.index("Winnipeg sch"))]
    mentions = [Mention(t, s, s + len(t)) for t, s in names] + [Mention("Crescent", text.index("Crescent"),
                                                                        text.index("Crescent") + 8)]
    ArticleResolver(stage.gazetteer).resolve_article(text, mentions)
    crescent = mentions[-1].place
    assert crescent.name == "Winnipeg" and "no support in the article" in crescent.reason
    # a small town the article supports (its country is named) keeps its reading
    text = "Police in Crescent, Oklahoma, said the United States would help."
    m = Mention("Crescent", text.index("Crescent"), text.index("Crescent") + 8)
    ArticleResolver(stage.gazetteer).resolve_article(text, [m, Mention("United States", text.index("United"),
                                                                       text.index("United") + 13)])
    assert m.place.name == "Crescent" and m.place.country == "USA"



def test_datelines_lists_and_city_of(stage):
    work = _parsed(stage, "BEIRUT \u2014 A cease-fire was agreed on Tuesday.\n\n"
                          "RUSSELLVILLE, Ark. (AP) - Authorities say a man was arrested.\n\n"
                          "The quakes struck near Tabriz and Ahar, officials said. "
                          "The City of Montreal adopted the rule.")
    by_text = {p.text: p for p in work.places}
    assert by_text["BEIRUT"].country == "LBN"
    assert by_text["RUSSELLVILLE"].country == "USA" and by_text["RUSSELLVILLE"].admin1 == "Arkansas"
    assert by_text["Ahar"].country == "IRN"
    assert "Montreal" in by_text and "City of Montreal" not in by_text
    # no dateline without the dash, and a list needs a reading in the listed place's country
    work = _parsed(stage, "OBAMA said Syria and Assad were discussed.")
    assert [p.text for p in work.places] == ["Syria"]



def test_bare_province_or_city_word_needs_the_articles_country(stage):
    """A single title-case admin1/big-city word that spaCy left unlabelled is a place when
    the article otherwise names its country; on its own it is not."""
    text = "A Queensland Amber Alert has been issued for four children."
    assert "Queensland" not in [p.text for p in _parsed(stage, text).places]
    work = _parsed(stage, text + " Police in Cairns and Brisbane are searching.")
    assert "Queensland" in [p.text for p in work.places]
    # a sentence-initial common word that names a big city is not one ("Reading", "Mobile")
    work = _parsed(stage, "Reading the report, officials in London and Manchester said Britain must act.")
    assert "Reading" not in [p.text for p in work.places]
    work = _parsed(stage, "Mobile phones were banned in Texas and Alabama schools, the U.S. report said.")
    assert "Mobile" not in [p.text for p in work.places]


# -- evaluation -----------------------------------------------------------------


@pytest.mark.slow
def test_eval_smoke_on_five_trnews_docs(tmp_path):
    if not TRNEWS.exists():
        pytest.skip("shared/data/geo/trnews.jsonl not available")
    lines = TRNEWS.read_text("utf-8").splitlines()[:5]
    small = tmp_path / "five.jsonl"
    small.write_text("\n".join(lines) + "\n", "utf-8")
    n_gold = sum(len(json.loads(line)["toponyms"]) for line in lines)
    res = evaluate(small)
    for key in ("n", "acc_161km", "median_km", "mean_km", "auc", "exact_geonameid", "e2e"):
        assert key in res
    assert res["n"] == n_gold
    assert 0.0 <= res["acc_161km"] <= 1.0 and 0.0 <= res["auc"] <= 1.0
    assert 0.0 <= res["median_km"] <= 20039 and res["mean_km"] >= 0
    assert res["acc_161km"] > 0.5  # far above random on easy news text
    for key in ("precision", "recall", "f1", "acc_161km_matched"):
        assert 0.0 <= res["e2e"][key] <= 1.0
    assert res["e2e"]["f1"] > 0.3


def test_event_nouns_as_subjects_and_places_naming_events():
    """An event noun that is the subject of its verb happened where the verb's locative says ("clashes erupted
    in Kunduz"); a town naming the event or the trigger's subject is its place ("the El Paso shooting", "a Kabul
    car bombing killed 12"); a country before a noun names its people, not the place ("US troops")."""
    import eventscope

    def place(text, trigger):
        (ev,) = [e for e in eventscope.extract(text, published="2019-08-05") if e.trigger.text == trigger]
        return ev.location.name if ev.location else None

    assert place("Protests broke out in Tehran after the vote.", "Protests") == "Tehran"
    assert place("Clashes erupted in Kunduz on Monday.", "Clashes") == "Kunduz"
    assert place("The El Paso shooting left 22 people dead.", "shooting") == "El Paso"
    assert place("A Kabul car bombing killed 12 people on Monday.", "killed") == "Kabul"
    assert place("Washington officials met Taliban negotiators in Doha.", "met") == "Doha"  # the locative first
    assert place("US troops attacked the rebels.", "attacked") != "Washington"  # a country names its people
