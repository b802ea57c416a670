"""Tenth-session event rules: word senses of join, speak, seek and contribute, and claims of responsibility.
Every sentence was written for these tests (none is copied from the sample or the gold files in
../shared/data); each rule is paired with a near miss it must leave alone."""
from .conftest import event_at as _at
from .conftest import events_of


def _types(pipeline, text):
    return {(e.event_type, e.trigger.text) for e in events_of(pipeline, text)}


def test_joining_a_protest_is_the_protest_not_an_accusation(pipeline):
    types = _types(pipeline, "Opposition leaders joined the protests in Nairobi on Monday.")
    assert ("PROTEST", "protests") in types and not any(t == "ACCUSE" for t, _ in types)
    ev = _at(pipeline, "Opposition leaders joined the protests in Nairobi on Monday.", "protests")
    assert ev.source is not None and ev.source.text == "Opposition leaders" and ev.target is None


def test_speaking_by_phone_is_a_phone_consultation(pipeline):
    ev = _at(pipeline, "Macron and Putin spoke by telephone on Tuesday.", "spoke")
    assert (ev.event_type, ev.mode) == ("CONSULT", "phone")
    assert not _types(pipeline, "The minister spoke to reporters in Geneva on Tuesday.")


def test_bare_seek_and_contribute_are_no_events(pipeline):
    # PETRARCH2 codes a bare "seek" as AGREE (030) and a bare "contribute" as AID (070)
    assert not _types(pipeline, "The Kenyan government sought a remedy through the courts.")
    assert not _types(pipeline, "Kenyan police contributed to the confusion by closing the roads.")
    # money or troops contributed are aid
    assert ("AID", "contributed") in _types(pipeline, "Germany contributed 500 troops to the UN mission in Mali.")


def test_who_claims_an_attack_did_it_and_a_denial_does_not_undo_it(pipeline):
    ev = _at(pipeline, "Al-Shabaab has claimed responsibility for the attack on the base.", "attack")
    assert ev.source is not None and ev.source.sector == "REB" and ev.factuality == "asserted"
    ev = _at(pipeline, "The rebels denied responsibility for the attack in Kabul.", "attack")
    assert ev.factuality == "asserted"  # the attack happened; the rebels deny a part in it
    assert ev.source is None
    ev = _at(pipeline, "The army denied that it had attacked the village.", "attacked")
    assert ev.factuality == "negated"  # a denied act


def test_a_denied_or_refused_statement_was_still_made_by_someone_else(pipeline):
    ev = _at(pipeline, "Israel denied the allegations made by Human Rights Watch.", "allegations")
    assert ev.factuality == "asserted" and ev.source is not None and ev.source.sector == "NGO"
    ev = _at(pipeline, "The government refused the demands of the striking teachers.", "demands")
    # the government did not demand, it refused; the teachers did (the "of" maker, eleventh session)
    assert ev.source is not None and "teachers" in ev.source.text
    ev = _at(pipeline, "Russia denied the attack on the convoy.", "attack")
    assert ev.factuality == "negated"  # a denied act is still a denied act


def test_a_statement_that_was_not_made_stays_negated(pipeline):
    ev = _at(pipeline, "Hamas denied making any threats against civilians.", "threats")
    assert ev.factuality == "negated"
    ev = _at(pipeline, "The ministry refused to make a formal request for aid.", "request")
    assert ev.factuality == "negated"


def test_speaking_by_phone_to_a_reporter_is_no_consultation(pipeline):
    text = "Speaking by phone from Gaza City, a resident said the strikes continued overnight."
    assert not any(t == "CONSULT" for t, _ in _types(pipeline, text))
    assert not _types(pipeline, "An official spoke to Reuters by phone from Tripoli.")
    assert ("CONSULT", "spoke") in _types(pipeline, "On Monday, Trump and Erdogan spoke on the phone.")


def test_seeking_aid_or_an_arrest_is_a_request(pipeline):
    ev = _at(pipeline, "Police are seeking the arrest of the former minister.", "seeking")
    assert ev.event_type == "REQUEST"
    assert ("AID", "contributed") in _types(pipeline, "Kenya contributed 1,000 police officers to the Haiti mission.")
