"""Rebuild src/eventscope/data/events/verb_patterns.tsv from PETRARCH2's CAMEO verb dictionary
(MIT) and the official CAMEO->PLOVER table (CC BY-SA 4.0).

    python scripts/build_verb_table.py ../shared/resources

Each verb block of CAMEO.2.0.txt ("---  KILL   [190]  ---") lists synonyms (a verb with an
optional own code; "+PULL_OUT" phrasal forms) and patterns ("- * ATTACK [190] # STAGE").
A synonym becomes a row (lemma -> code); a pattern becomes a row with a ``desc:`` cue on the first
plain content word after ``*`` (the object or the head of the prepositional phrase), so "stage an
attack" codes 190 while bare "stage" codes nothing.  A coded pattern is kept for the verb its
comment names ("- * (IN ELECTION) [034] # VOTE") when that verb is in the block, else for every
verb of the block (a discard pattern always for every verb): a synset groups verbs of different
senses (SELECT and VOTE; ORDER, LEAD and GOVERN), and a pattern written for one is no sense check
for the others ("select a nominee in the election" is no AGREE).  A pattern that needs a synset
word before its content word ("ORDER &PKO (TO REMAIN)") is dropped: its cue could not check the
synset, and "ordered the accused remain in custody" is no peacekeeping.
Patterns coded ``[---]`` (PETRARCH's discards: "killed in an accident") become ``NONE`` rows
that block the verb.  CAMEO codes map to PLOVER type and mode through CAMEO2PLOVER-2021.txt
(codes 01/02, statements and appeals, have no PLOVER type and are dropped).
"""
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/eventscope/data/events/verb_patterns.tsv"
STOP = {"against", "alongside", "back", "again", "also", "further", "here", "there", "now", "today", "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "from", "and", "or", "that", "as",
        "its", "his", "her", "their", "into", "over", "about", "be", "is", "was", "were", "has", "have", "had",
        "will", "would", "not", "no", "it", "this", "up", "out", "down", "off", "after", "before", "when"}
VALID_MODES = None  # filled from plover_scores.tsv


def plover_table(path: Path) -> dict[str, tuple[str, str]]:
    table = {}
    for line in path.read_text("utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?", line)
        if not m:
            continue
        code, plover, mode = m.group(1), m.group(2), (m.group(3) or "").strip().lower()
        if code not in table:  # the first line of a code wins (08 lists CONCEDE before RETREAT)
            table[code] = (plover, mode if (plover, mode) in VALID_MODES else "")
    return table


def to_plover(code: str, table: dict) -> tuple[str, str] | None:
    for n in (len(code), 3, 2):
        if code[:n] in table:
            return table[code[:n]]
    return None


def content_word(post: str) -> str | None:
    """The head word a pattern needs after the verb: the first plain word, the last word of a
    ``{multi word}`` phrase, or the object of a ``(PREP object)`` phrase (never the preposition)."""
    units = re.findall(r"\{[^}]*\}|\(\S+|[^\s()]+", post)
    for unit in units:
        if unit.startswith("("):
            continue  # "(FOR" opens a prepositional phrase: the next unit is its object
        if unit.startswith("&") or unit in ("*", "$", "+", "%", "^"):
            continue
        words = re.findall(r"[A-Za-z]+", unit)
        word = words[-1].lower() if unit.startswith("{") and words else (words[0].lower() if words else "")
        if word and word not in STOP and len(word) > 2:
            return word
    return None


PARTICLES = {"up", "down", "off", "out", "back", "away", "over", "in", "on"}  # a pattern's first word as a verb particle


def synset_before(post: str, word: str) -> bool:
    """The pattern needs a synset word (``&PKO``, ``&REFUGEE``) before its content word: "ORDER &PKO (TO
    REMAIN)" is about peacekeepers staying; a ``desc:remain`` cue alone would code any order to remain."""
    before = post.upper().split(word.upper(), 1)[0]
    return "&" in before


def main(resources: str) -> None:
    global VALID_MODES
    root = Path(resources)
    scores = (Path(__file__).resolve().parents[1] / "src/eventscope/data/events/plover_scores.tsv").read_text("utf-8")
    VALID_MODES = {tuple(line.split("\t")[:2]) for line in scores.splitlines()[2:] if line}
    table = plover_table(root / "plover/CAMEO2PLOVER-2021.txt")
    lines = (root / "petrarch2/CAMEO.2.0.txt").read_text("utf-8", errors="replace").splitlines()
    rows: dict[tuple, tuple] = {}
    block_code, verbs, patterns, block_verbs = None, [], [], set()

    def flush():
        for lemma, cue_word, code in verbs:
            for desc, pcode, owner, particle in patterns:
                if pcode != "---" and owner in block_verbs and owner != lemma:
                    continue  # a pattern written for another verb of the synset ("# VOTE" on "select")
                add(lemma, particle or cue_word, desc, pcode)
            if code and code != "---":
                add(lemma, cue_word, None, code)

    def add(lemma, particle, desc, code):
        cue = f"desc:{desc}" if desc else (f"child:{particle}" if particle else "")
        if particle and desc:  # a phrasal verb's pattern needs its particle too ("put up barricades", "set off explosives")
            cue = f"child:{particle}&desc:{desc}"
        if code == "---":
            rows.setdefault((lemma, cue), (lemma, "NONE", "", "", cue, 0.6))
            return
        mapped = to_plover(code, table)
        if mapped is None:
            return
        plover, mode = mapped
        rows.setdefault((lemma, cue), (lemma, plover, mode, code, cue, 0.6 if cue else 0.5))

    for line in lines:
        line, _, comment = line.partition("#")
        line = line.rstrip()
        head = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if head:
            flush()
            block_code, verbs, patterns, block_verbs = head.group(2), [], [], set()
            continue
        if block_code is None or not line.strip():
            continue
        code_m = re.search(r"\[([0-9-]+)\]", line)
        code = code_m.group(1) if code_m else None
        if line.startswith("- "):
            body = line[2:line.index("[")] if "[" in line else line[2:]
            tokens = body.split()
            if "*" not in tokens or code is None:
                continue
            post = body.split("*", 1)[1]
            desc = content_word(post)
            owner = (comment.split() or [""])[0].lstrip("+").split("_")[0].lower()
            first = (post.split() or [""])[0].lower()
            particle = first if first in PARTICLES else None  # "- * UP BARRICADE # PUT": "put up barricades"
            if desc and not synset_before(post, desc):
                patterns.append((desc, code, owner, particle))
            continue
        word = line.split()[0]
        if word.startswith("&") or word.startswith("-"):
            continue
        word = word.lstrip("+").rstrip("_").lower()
        parts = word.split("_")
        if len(parts) > 2 or not parts[0].isalpha():
            continue  # "kidnapped_and_killed" and other irregular multi-word forms
        verbs.append((parts[0], parts[1] if len(parts) == 2 else None, code or block_code))
        block_verbs.add(parts[0])
    flush()
    out = [
        "# Verb patterns converted from PETRARCH2's CAMEO verb dictionary (openeventdata/petrarch2 @ "
        "676801cd9cb2924bbbad09f86d15c9323e7097bf, CAMEO.2.0.txt, MIT, (c) 2015 Open Event Data Alliance; see "
        "LICENSE-petrarch2.txt in data/actors) mapped to PLOVER with CAMEO2PLOVER-2021.txt (openeventdata/PLOVER @ "
        "5e0c24fb, CC BY-SA 4.0; see LICENSE-plover.txt). This table is CC BY-SA 4.0. Built by "
        "scripts/build_verb_table.py; plover NONE = a PETRARCH discard pattern that blocks the verb.",
        "lemma\tpos\tplover\tmode\tcameo\tcue\tacled_sub_event_type\tweight",
    ]
    ordered = sorted(rows.values(), key=lambda r: (r[0], r[4] == "", r[4]))  # cue rows before the plain row
    out += [f"{lemma}\tV\t{plover}\t{mode}\t{code}\t{cue}\t\t{w}" for lemma, plover, mode, code, cue, w in ordered]
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {len(ordered)} rows to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
