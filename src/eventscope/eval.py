"""``eventscope eval``: score a stage on gold data and gate on a committed baseline.

Tasks: ``geo`` (geo.evaluate), ``dates`` (dates.evaluate), ``events`` and ``pronouns`` (below).
A baseline file (``eval/baselines/<task>.json``) holds floors for metrics at
dotted paths, e.g. ``{"floors": {"acc_161km": 0.80}}``; ``check_baseline``
lists every metric that fell below its floor.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

from .config import Config
from .errors import EventscopeError

TASKS = ("geo", "dates", "events", "pronouns")
EVENT_FIELDS = {  # gold label field -> Event attribute
    "plover": "event_type",
    "cameo_root": "cameo_root",
    "acled_event_type": "acled_event_type",
    "acled_sub_event_type": "acled_sub_event_type",
}


def read_jsonl(path: str | Path, required: tuple[str, ...] = ()) -> list[dict]:
    path = Path(path)
    if not path.exists():
        raise EventscopeError("E101", path=path)
    out = []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EventscopeError("E102", path=path, line=i, detail=exc.msg) from None
            for key in required:
                if key not in rec:
                    raise EventscopeError("E402", path=path, line=i, field=key)
            out.append(rec)
    return out


def sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def evaluate(task: str, gold: str | Path, config: Config | None = None) -> dict:
    config = config or Config()
    if task == "geo":
        from .geo import evaluate as run
    elif task == "dates":
        from .dates import evaluate as run
    elif task == "events":
        run = evaluate_events
    elif task == "pronouns":
        run = evaluate_pronouns
    else:
        raise EventscopeError("E401", task=task, choices=", ".join(TASKS))
    if not Path(gold).exists():
        raise EventscopeError("E101", path=gold)
    result = run(gold, config)
    result["gold"] = {"path": str(gold), "sha256": sha256(gold)}
    return result


def label_scores(gold: list[str | None], pred: list[str | None]) -> dict:
    """Per-label precision/recall/F1 over labels present in gold, macro and weighted F1, accuracy.

    A prediction of X on a record whose gold is null or another label is a false
    positive for X; accuracy counts null == null as correct.
    """
    labels = sorted({g for g in gold if g is not None})
    support = Counter(g for g in gold if g is not None)
    per_label = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred) if p == lab and g != lab)
        fn = sum(1 for g, p in zip(gold, pred) if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_label[lab] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                          "support": support[lab]}
    total = sum(support.values())
    macro = sum(v["f1"] for v in per_label.values()) / len(per_label) if per_label else 0.0
    weighted = sum(v["f1"] * v["support"] for v in per_label.values()) / total if total else 0.0
    accuracy = sum(1 for g, p in zip(gold, pred) if g == p) / len(gold) if gold else 0.0
    return {"macro_f1": round(macro, 4), "weighted_f1": round(weighted, 4), "accuracy": round(accuracy, 4),
            "n": sum(1 for g in gold if g is not None), "per_label": per_label}


def event_stages(config: Config) -> list:
    """The stages that decide an event's scored fields, in pipeline order: the parse, the events stage,
    the actors stage (it drops a dictionary verb's event that has no coded actor, and the ACLED rules read
    the actors' sectors) and the attributes stage (factuality, fatalities, ACLED refinement). The geo and
    dates stages are left out: they decide where and when, and a gold record has no publication date."""
    from .actors import ActorsStage
    from .attributes import AttributesStage
    from .events import EventsStage
    from .nlp import NlpStage

    return [NlpStage(config), EventsStage(config), ActorsStage(config), AttributesStage(config)]


_ACTOR_STOP = {"the", "a", "an", "of", "and", "in", "on"}


def _actor_words(text: str | None) -> frozenset[str]:
    """Case-folded words without articles, "of", "and", "in", "on" and a possessive 's; a dotted
    abbreviation is one word without its dots ("U.S." = "US")."""
    text = re.sub(r"['’]s\b", "", (text or "").casefold())
    words = (w.replace(".", "") for w in re.findall(r"(?:[^\W\d_]\.){2,}|\w+", text))
    return frozenset(w for w in words if w not in _ACTOR_STOP)


def actor_match(gold: str, actor) -> str | None:
    """How a predicted actor matches a gold actor text (several gold actors are joined by "; "):
    ``"exact"`` when the words (``_actor_words``) are the same, ``"partial"`` when they share at least
    half of the words of the two together (Jaccard >= 0.5: "U.N. helicopters" for "U.N.", "Russia" for
    "Russia troops"; not "forces" for "Israeli security forces", nor a whole sentence), else None.
    The predicted actor's phrase and its canonical name are both tried."""
    if actor is None or not gold:
        return None
    best = None
    for g in gold.split(";"):
        gw = _actor_words(g)
        for text in (actor.text, actor.name):
            pw = _actor_words(text)
            if not gw or not pw:
                continue
            if gw == pw:
                return "exact"
            if len(gw & pw) * 2 >= len(gw | pw):
                best = "partial"
    return best


def actor_scores(gold: list[str | None], pred: list, annotated: list[bool]) -> dict:
    """One role (source or target) over the records whose gold codes actors (``annotated``: it names a
    source or a target; a record that names neither was not coded for actors): ``recall`` = right /
    records whose gold names the role; ``precision`` = right / records given one (one given where the
    gold names none, e.g. a target for "protesters rioted", is wrong); a prediction is right on an
    exact or partial match (``actor_match``). ``exact_recall`` counts exact matches only."""
    rows = [(g, a) for g, a, e in zip(gold, pred, annotated) if e]
    matches = [actor_match(g, a) if g else None for g, a in rows]
    n = sum(1 for g, _ in rows if g)
    given = sum(1 for _, a in rows if a is not None)
    hit = sum(1 for m in matches if m)
    p = hit / given if given else 0.0
    r = hit / n if n else 0.0
    return {"n": n, "predicted": given, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "exact_recall": round(sum(1 for m in matches if m == "exact") / n, 4) if n else 0.0}


def evaluate_events(gold_path: str | Path, config: Config) -> dict:
    """Run each gold record's text through ``event_stages``; the prediction is its most confident event
    (null when none). Scores every label field the gold fills, the actors (``actors.source``,
    ``actors.target``) where it names them, and fatalities."""
    from .ingest import make_article
    from .schema import Work

    records = read_jsonl(gold_path, required=("text", "labels"))
    stages = event_stages(config)
    works = [Work(article=make_article(r["text"])) for r in records]
    for i in range(0, len(works), 64):
        batch = works[i:i + 64]
        for stage in stages:
            batch = stage.process(batch)
        for w in batch:
            w.paragraphs = []
    best = [max(w.events, key=lambda e: e.confidence) if w.events else None for w in works]
    out: dict = {"n": len(records), "fields": {}}
    for field, attr in EVENT_FIELDS.items():
        gold = [r["labels"].get(field) for r in records]
        if all(g is None for g in gold):
            continue
        pred = [getattr(ev, attr) if ev else None for ev in best]
        out["fields"][field] = label_scores(gold, pred)
    out["detected_share"] = round(sum(1 for b in best if b) / len(best), 4) if best else 0.0
    annotated = [bool(r["labels"].get("source_actor") or r["labels"].get("target_actor")) for r in records]
    for role in ("source", "target"):
        gold = [r["labels"].get(f"{role}_actor") for r in records]
        if any(gold):
            out.setdefault("actors", {})[role] = actor_scores(gold, [getattr(ev, role) if ev else None for ev in best],
                                                              annotated)
    dead = [(r["labels"]["fatalities"], w) for r, w in zip(records, works) if r["labels"].get("fatalities") is not None]
    if dead:  # a record's fatalities: the largest figure among its events (0 when none states one)
        hits = sum(1 for gold, w in zip([d for d, _ in dead], [w for _, w in dead])
                   if max((e.fatalities or 0 for e in w.events), default=0) == gold)
        out["fatalities"] = {"n": len(dead), "exact_match": round(hits / len(dead), 4)}
    model = stages[1].model
    trained = {digest: name for name, digest in (model.info.get("trained_on", {}) if model else {}).items()}
    name = trained.get(sha256(gold_path))
    if name is not None:  # the shipped type model saw this file: the figures above are in-sample
        from .event_model import code_fingerprint

        out["in_sample"] = True
        out["cross_validated"] = model.info["cv"]["files"].get(Path(name).stem)
        out["note"] = ("the type model was trained on this file: the scores above are in-sample; "
                       "cross_validated holds the k-fold figures of rules + a model that never saw the fold")
        if model.info.get("code") != code_fingerprint(config):
            out["cross_validated_stale"] = True
            out["note"] += ("; STALE: the events, actors or attributes code, their tables or the [events] settings "
                            "changed since the model was trained (python scripts/train_event_model.py)")
    out["confusion"] = {field: confusion([r["labels"].get(field) for r in records],
                                         [getattr(ev, attr) if ev else None for ev in best])
                        for field, attr in EVENT_FIELDS.items() if field in out["fields"]}
    return out


_FUNCTION_WORDS = {"the", "and", "for", "from", "with", "who", "whom", "that", "this", "these", "those", "their",
                   "its", "his", "her", "our", "are", "was", "were", "has", "have", "had", "not", "all", "both", "some",
                   "other", "others", "than", "into", "over", "after", "before", "about", "under", "across"}


def _name_words(text: str) -> set[str]:
    """Accent-folded, case-folded words of three letters or more, function words left out ("Vázquez" -> "vazquez";
    "the protesters in Minsk" -> protesters, minsk: "the" is shared by every group)."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return {w for w in re.findall(r"\w+", folded) if len(w) > 2 and w not in _FUNCTION_WORDS}


def _same_referent(pronoun: str, referent: str, actor) -> bool:
    """A person pronoun's prediction is right when it shares a word with the gold name (a surname is enough); a
    "they"'s when its words are all among one of the gold phrases' or the reverse ("the parliament" for "Tonga's
    parliament"; not "Hong Kong's police complex" for "Hong Kong protesters")."""
    if pronoun.lower() not in ("they", "them", "their"):
        return bool(_name_words(referent) & _name_words(f"{actor.name or ''} {actor.text}"))
    said = [w for w in (_name_words(actor.text), _name_words(actor.name or "")) if w]
    gold = [w for w in map(_name_words, referent.split(" | ")) if w]
    return any(p <= g or g <= p for p in said for g in gold)


def _pronoun_documents(gold_path: Path, records: list[dict]) -> dict[tuple[str, str], object]:
    """The articles the records point into: ``corpus`` "sample" is the bundled sample (by article id); any other
    corpus is a JSONL file of ``{"id", "text"}`` (and ``dct`` or ``published``) relative to the gold file."""
    from .ingest import iter_articles, make_article
    from .runner import sample_corpus

    docs: dict[tuple[str, str], object] = {}
    for corpus in sorted({r["corpus"] for r in records}):
        if corpus == "sample":
            for a in iter_articles([str(sample_corpus())]):
                docs[(corpus, a.article_id)] = a
            continue
        path = (gold_path.parent / corpus).resolve()
        if not path.exists():
            raise EventscopeError("E101", path=path)
        for row in read_jsonl(path, required=("id", "text")):
            published = (row.get("dct") or row.get("published") or "")[:10] or None
            docs[(corpus, str(row["id"]))] = make_article(row["text"], published=published)
    return docs


def evaluate_pronouns(gold_path: str | Path, config: Config) -> dict:
    """How the actors stage resolves a pronoun (he/she to a person, they to a group) to an actor the article names.

    A gold record ``{"id", "corpus", "doc", "offset", "pronoun", "referent"}`` marks a pronoun at a character
    offset of an article's cleaned text and names whom it stands for (for he/she the fullest name the article
    gives; for they every phrase the article names the group with before it, separated by " | "; "UNNAMED: ..."
    for someone the article never names, null for no one: a generic "they", or things). The prediction is
    ``ActorResolver.resolve`` on the pronoun with the article's context up to it, as the actors stage calls
    it. It is right when it shares a word of three letters or more, no function word, with the gold name, or for a
    "they" when its words are all among one gold phrase's or the reverse (``_same_referent``).
    ``recall`` = right / records with a named referent; ``precision`` = right / records given an actor (one
    given for an unnamed or no referent is wrong)."""
    import datetime as dt

    from .actors import ActorsStage, _phrase
    from .nlp import NlpStage
    from .schema import Work

    gold_path = Path(gold_path)
    records = read_jsonl(gold_path, required=("corpus", "doc", "offset", "pronoun", "referent"))
    docs = _pronoun_documents(gold_path, records)
    nlp, actors = NlpStage(config), ActorsStage(config)
    actors.ensure_setup()
    by_doc: dict[tuple[str, str], list[tuple[int, dict]]] = {}
    for line, r in enumerate(records, 1):
        key = (r["corpus"], str(r["doc"]))
        if key not in docs:
            raise EventscopeError("E402", path=gold_path, line=line, field=f"doc {r['doc']!r} in {r['corpus']}")
        by_doc.setdefault(key, []).append((line, r))
    right = given = named = 0
    for key, items in by_doc.items():
        article = docs[key]
        work = nlp.process([Work(article=article)])[0]
        date = dt.date.fromisoformat(article.published) if article.published else None
        ctx = actors._context(work, date)
        for line, r in items:
            offset = int(r["offset"])
            p_index = next((i for i, p in enumerate(work.paragraphs) if p.start <= offset < p.end), None)
            para = work.paragraphs[p_index] if p_index is not None else None
            tok = next((t for t in para.doc if para.start + t.idx == offset), None) if para else None
            if tok is None or tok.text != r["pronoun"]:
                raise EventscopeError("E408", path=gold_path, line=line, pronoun=r["pronoun"], offset=offset,
                                      doc=r["doc"], found=article.text[offset:offset + 12])
            actor = actors.resolver.resolve(_phrase(tok), date=date, context=ctx.at(offset, p_index))
            referent = r["referent"]
            is_named = bool(referent) and not referent.startswith("UNNAMED")
            named += is_named
            if actor is not None:
                given += 1
                right += is_named and _same_referent(r["pronoun"], referent, actor)
    p = right / given if given else 0.0
    rec = right / named if named else 0.0
    return {"n": len(records), "named": named, "resolved": given, "right": right, "precision": round(p, 4),
            "recall": round(rec, 4), "f1": round(2 * p * rec / (p + rec), 4) if p + rec else 0.0}


def confusion(gold: list[str | None], pred: list[str | None]) -> dict[str, dict[str, int]]:
    """``{gold label: {predicted label: count}}`` with None shown as "-"."""
    table: dict[str, dict[str, int]] = {}
    for g, p in zip(gold, pred):
        row = table.setdefault(g or "-", {})
        row[p or "-"] = row.get(p or "-", 0) + 1
    return table


def metric_at(result: dict, dotted: str):
    node = result
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def check_baseline(result: dict, baseline_path: str | Path) -> list[str]:
    """Messages for every floor in the baseline that ``result`` falls below (empty = pass)."""
    if not Path(baseline_path).is_file():
        raise EventscopeError("E101", path=baseline_path)
    baseline = json.loads(Path(baseline_path).read_text("utf-8"))
    failures = []
    for dotted, floor in baseline.get("floors", {}).items():
        value = metric_at(result, dotted)
        if value is None:
            raise EventscopeError("E404", metric=dotted, path=baseline_path)
        if value + 1e-9 < floor:
            failures.append(f"{dotted} = {value} is below the baseline floor {floor} ({baseline_path})")
    return failures
