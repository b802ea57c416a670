"""Faster forms of small helpers must answer exactly as the plain forms they replace:
``Paragraph.token_at`` (token offsets read with ``Doc.to_array``) against a scan of the
tokens, and ``geo.within_km`` (a latitude pre-check) against ``haversine(...) <= km``."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventscope.geo import _KM_PER_DEGREE_LAT, haversine, within_km
from eventscope.schema import Paragraph


@pytest.fixture(scope="module")
def blank():
    import spacy

    return spacy.blank("en")


def _scan(para: Paragraph, offset: int):
    """The last token starting at or before ``offset`` (what ``token_at`` answers)."""
    found = None
    for tok in para.doc:
        if para.start + tok.idx <= offset:
            found = tok
    return found


_text = st.text(st.sampled_from(list("ab Z9.,'-\n\u00e9\u2019")), max_size=60)


@settings(max_examples=150, deadline=None)
@given(text=_text, start=st.integers(0, 500), data=st.data())
def test_token_at_matches_a_scan(blank, text, start, data):
    para = Paragraph(start=start, doc=blank(text))
    assert para.token_starts() == [t.idx for t in para.doc]
    offsets = data.draw(st.lists(st.integers(start - 3, para.end + 3), max_size=12))
    for offset in offsets:
        got, want = para.token_at(offset), _scan(para, offset)
        assert (got.i if got is not None else None) == (want.i if want is not None else None)


_lat = st.floats(-90, 90, allow_nan=False)
_lon = st.floats(-180, 180, allow_nan=False)
_km = st.one_of(st.sampled_from([0.0, 1e-9, 1.0, 100.0, 161.0, 1000.0, 20039.0]), st.floats(0, 25000))


@settings(max_examples=400, deadline=None)
@given(lat1=_lat, lon1=_lon, lat2=_lat, lon2=_lon, km=_km)
def test_within_km_matches_haversine(lat1, lon1, lat2, lon2, km):
    assert within_km(lat1, lon1, lat2, lon2, km) == (haversine(lat1, lon1, lat2, lon2) <= km)


@settings(max_examples=400, deadline=None)
@given(lat1=st.floats(-89, 89), lon1=_lon, dlon=st.floats(-0.01, 0.01), km=_km,
       factor=st.floats(0.999999, 1.000001))
def test_within_km_matches_haversine_at_the_boundary(lat1, lon1, dlon, km, factor):
    """Points about ``km`` apart north-south, where the pre-check's rounding margin matters."""
    lat2 = lat1 + km / _KM_PER_DEGREE_LAT * factor
    if lat2 > 90:
        return
    lon2 = lon1 + dlon
    assert within_km(lat1, lon1, lat2, lon2, km) == (haversine(lat1, lon1, lat2, lon2) <= km)
