"""Rebuild src/eventscope/data/events/plover_scores.tsv from the PLOVER manual's
"PLOVER conflict--cooperation scores" table (CC BY-SA 4.0).

    python scripts/build_plover_scores.py ../shared/resources/plover/PLOVER_MANUAL.tex
"""
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/eventscope/data/events/plover_scores.tsv"


def main(tex_path: str) -> None:
    tex = Path(tex_path).read_text("utf-8")
    start = tex.index("\\textbf{CATEGORY: Mode} & \\textbf{Score}")  # the live table, not the commented draft
    table = tex[start:tex.index("\\label{tab:ploverscores}", start)]
    rows = []
    for line in table.splitlines():
        if line.lstrip().startswith("%"):
            continue
        cells = [re.sub(r"\\cellcolor\{[^}]*\}", "", c).strip() for c in line.rstrip("\\ ").split("&")]
        for name, score in zip(cells[0::2], cells[1::2]):
            if not re.fullmatch(r"-?\d+(\.\d+)?", score):
                continue
            plover, _, mode = name.partition(":")
            rows.append((plover.strip(), mode.strip().lower() or "*", float(score)))
    # The manual prints ACCUSE's base score as 3 while every ACCUSE mode is negative: a sign typo.
    rows = [(p, m, -3.0 if (p, m) == ("ACCUSE", "*") and s == 3 else s) for p, m, s in rows]
    lines = [
        "# PLOVER conflict-cooperation scores (-10..+10, Goldstein-like) per type and mode, from the PLOVER manual "
        "draft 0.8 table 'PLOVER conflict--cooperation scores' (openeventdata/PLOVER @ 5e0c24fb), CC BY-SA 4.0 "
        "(see LICENSE-plover.txt). Changed: ACCUSE base score 3 -> -3 (sign typo: all its modes are negative). "
        "Built by scripts/build_plover_scores.py.",
        "plover\tmode\tscore",
    ] + [f"{p}\t{m}\t{s:g}" for p, m, s in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
