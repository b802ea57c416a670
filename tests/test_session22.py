"""Twenty-second session: later stages read how a place was inferred from ``Place.inferred``, not from the words of
its reason; every text was written for these tests."""
from eventscope.coref import _firm_place
from eventscope.schema import Event, Place, Span


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
