"""Actors (twenty-first session): a person the article calls a leader's relative is of the leader's country but
holds none of the leader's office, whether named by the same surname ("Sara Netanyahu, the wife of Prime Minister
Netanyahu") or another ("Kaesang Pangarep, the son of President Joko Widodo"); the title in that
description ("president", "prime minister") is the leader's, not the relative's sector. Every text was written
for these tests (none is copied from the sample, eval/, train/ or the gold files in ../shared/data)."""
import pytest

from .conftest import event_at


@pytest.mark.parametrize("text, trigger, country", [
    ("Sara Netanyahu, the wife of Prime Minister Benjamin Netanyahu, sued a tabloid for libel.", "sued", "ISR"),
    ("Sara Netanyahu, the prime minister's wife, sued a tabloid for libel.", "sued", "ISR"),
    ("Bilal Erdogan, a son of the Turkish president, met Qatari investors in Doha.", "met", "TUR"),
    ("Asma al-Assad, the wife of President Bashar al-Assad, visited a hospital in Homs in 2019.", "visited", "SYR"),
    ("Kaesang Pangarep, the son of President Joko Widodo, met Chinese investors in Jakarta.", "met", "IDN"),
])
def test_a_leaders_relative_is_of_the_country_not_the_office(pipeline, text, trigger, country):
    source = event_at(pipeline, text, trigger).source
    assert source is not None and source.country == country
    assert source.sector not in ("GOV", "ELI", "OPP")  # the description's title is the leader's, not theirs
    assert source.name and source.name.split()[0] in text.split()[0]  # still the relative, by name


@pytest.mark.parametrize("text, trigger", [
    ("Rustam Lavrov, a farmer, met officials in Moscow.", "met"),  # a namesake: no country from Sergey Lavrov
    ("Yusuf Erdogan, a shopkeeper, sued a newspaper in Ankara.", "sued"),
])
def test_a_namesake_described_as_no_relative_takes_no_country(pipeline, text, trigger):
    source = event_at(pipeline, text, trigger).source
    assert source is not None and source.country is None


def test_a_leader_described_as_someones_son_keeps_his_office(pipeline):
    source = event_at(pipeline, "Ilham Aliyev, the son of former president Heydar Aliyev, met Russian President "
                                "Vladimir Putin in Baku in 2019.", "met").source
    assert (source.country, source.sector) == ("AZE", "GOV")


@pytest.mark.parametrize("text, trigger", [
    ("Ahmed Netanyahu, the brother of a Palestinian prisoner, accused Israeli guards of torture.", "accused"),
    ("Anna Erdogan, the wife of a Turkish farmer, accused police of beating her husband.", "accused"),
    ("Bilal Erdogan, the son of the Mexican president, met investors in Monterrey.", "met"),
])
def test_a_relative_of_someone_else_takes_no_leaders_country(pipeline, text, trigger):
    # the kin phrase must speak of the office-holder: by name, or by a title of no private person of its country
    source = event_at(pipeline, text, trigger).source
    assert source is not None and source.country is None


@pytest.mark.parametrize("text, trigger, sector", [
    ("Senator Ayse Erdogan, the daughter of Senator Mehmet Erdogan, criticised the army.", "criticised", "LEG"),
    ("Police Chief Ali Kagame, a nephew of police chief Paul Kagame, arrested protesters.", "arrested", "COP"),
])
def test_the_relatives_own_title_still_codes_them(pipeline, text, trigger, sector):
    # only the words of the kin phrase are the relative's: the same title before the name is the person's own
    assert event_at(pipeline, text, trigger).source.sector == sector


def test_a_relative_spacy_tags_no_person_is_not_the_leader(pipeline):
    source = event_at(pipeline, "Ivanka Trump, the daughter of President Donald Trump, met South Korean officials in "
                                "Seoul.", "met").source
    assert source.name != "Donald Trump" and source.country == "USA" and source.sector is None


@pytest.mark.parametrize("published, text, trigger, expected", [
    # office-holder supplement rows (public dates of office): a relative who holds an office is coded by it
    ("2024-12-01", "Gibran Rakabuming Raka, the son of Joko Widodo, met Chinese investors.", "met", ("IDN", "GOV")),
    ("2024-05-01", "Mehriban Aliyeva, the wife of President Ilham Aliyev, met French officials.", "met", ("AZE", "GOV")),
    ("2024-05-01", "President Ferdinand Marcos Jr. met Japanese officials in Tokyo.", "met", ("PHL", "GOV")),
    ("2024-05-01", "Hun Manet met Chinese officials in Phnom Penh.", "met", ("KHM", "GOV")),
])
def test_supplement_rows_of_relatives_in_office(pipeline, published, text, trigger, expected):
    from .conftest import events_of

    source = next(e for e in events_of(pipeline, text, published) if e.trigger.text == trigger).source
    assert (source.country, source.sector) == expected


@pytest.mark.parametrize("text, trigger, country", [
    ("The president's son, Bilal Erdogan, met Qatari investors in Doha in 2019.", "met", "TUR"),  # before the name
    ("President Erdogan's son Bilal Erdogan criticised opposition leaders in 2019.", "criticised", "TUR"),
    ("Israeli forces killed Hazem Haniyeh, the son of Hamas leader Ismail Haniyeh.", "killed", "PSE"),  # an organisation's
])
def test_a_description_before_the_name_or_an_organisations_leader(pipeline, text, trigger, country):
    ev = event_at(pipeline, text, trigger)
    person = ev.target if trigger == "killed" else ev.source
    assert person.country == country and person.sector is None  # not GOV, not Hamas's REB
