"""Train the PLOVER type models shipped as ``src/eventscope/data/events/type_model.npz`` (sentences)
and ``article_model.npz`` (what a whole story is about).

    python scripts/train_event_model.py [--data DIR_OR_FILE ...] [--folds 5] [--out DIR]

Training data: every JSONL file in the ``--data`` folders (default: ``../shared/data/events``, the
human-coded PLOVER GSR/CAMEO-manual sentences, CC BY-SA 4.0, and NGEC's synthetic stories, MIT; and
``train/plover_written``, 605 texts written for eventscope from the PLOVER manual, MIT, see its
README.md), in the format of ``shared/data/events/PROVENANCE.md``; a record's unit is its whole text
(``article_features``: every sentence, the lead again), its label ``labels.plover`` (null = ``NONE``, no
codable event).  The sentence model learns from every record, the article model from the
records of more than one sentence (the stories).  Features: ``eventscope.event_model.features``.  Model: scikit-learn
``DictVectorizer → TfidfTransformer(sublinear_tf=True) → LogisticRegression(C, balanced)``,
exported to numpy arrays (no pickle).  Features seen in one record only are dropped.

Before fitting on everything, the script measures what the model is worth on text it has
not seen: grouped, label-stratified k-fold cross-validation (near-duplicate texts, token
Jaccard ≥ 0.3 or same first sentence words ≥ 0.5, share a fold) of the *whole events
stage* (rules + the fold's model, then the attributes stage), scored exactly as ``eventscope eval events`` scores
(the most confident event of each record).  These cross-validated figures are stored in the
model file (``info.cv``) and are the honest estimate; ``eval events`` on the same files
afterwards is in-sample.  Requires the ``train`` extra (scikit-learn).
"""
from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventscope.config import Config  # noqa: E402
from eventscope.eval import event_stages, label_scores  # noqa: E402
from eventscope.event_model import ARTICLE_MODEL_FILE, MODEL_FILE, TypeModel, article_features, code_fingerprint, features  # noqa: E402
from eventscope.ingest import make_article  # noqa: E402
from eventscope.schema import Work  # noqa: E402

C = 10.0
MIN_DF = 2
DEFAULT_DATA = (ROOT.parent / "shared" / "data" / "events", ROOT / "train" / "plover_written")


def training_files(paths: list[str]) -> list[Path]:
    """The JSONL files named or found in ``paths``, in order; two with the same name are an error (a model's
    ``trained_on`` and its cross-validated figures are keyed by file name)."""
    files = [f for p in map(Path, paths) for f in (sorted(p.glob("*.jsonl")) if p.is_dir() else [p])]
    names = [f.name for f in files]
    if len(set(names)) != len(names):
        raise SystemExit(f"two training files share a name: {sorted(n for n in names if names.count(n) > 1)}")
    return files


def _where(path: Path) -> str:
    """A training file's folder as the tests find it: ``repo:`` + its path in the repository, ``shared:`` + its
    path in ``../shared``, else absolute."""
    folder = path.resolve().parent
    for prefix, base in (("repo:", ROOT), ("shared:", ROOT.parent / "shared")):
        if folder.is_relative_to(base.resolve()):
            return prefix + folder.relative_to(base.resolve()).as_posix()
    return folder.as_posix()


def _word_sets(text: str) -> tuple[set[str], set[str]]:
    """A text's words and its first sentence's words (lower case), what near-duplicates are judged by."""
    return set(re.findall(r"\w+", text.lower())), set(re.findall(r"\w+", text.split(".")[0].lower()))


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / max(1, len(a | b))


def near_duplicate(a: tuple[set, set], b: tuple[set, set]) -> bool:
    """Two texts (as ``_word_sets``) near-duplicate each other: token Jaccard >= 0.3 or first-sentence Jaccard >= 0.5."""
    return _jaccard(a[0], b[0]) >= 0.3 or _jaccard(a[1], b[1]) >= 0.5


def near_duplicate_groups(texts: list[str]) -> list[int]:
    """A group number per text: near-duplicates (and near-duplicates of those) share one."""
    sets = [_word_sets(t) for t in texts]
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in itertools.combinations(range(len(texts)), 2):
        if near_duplicate(sets[i], sets[j]):
            parent[find(i)] = find(j)
    return [find(i) for i in range(len(texts))]


def fit(feats: list[dict], labels: list[str], info: dict) -> TypeModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.linear_model import LogisticRegression

    df: dict[str, int] = {}
    for f in feats:
        for k in f:
            df[k] = df.get(k, 0) + 1
    feats = [{k: v for k, v in f.items() if df[k] >= MIN_DF} for f in feats]
    vec = DictVectorizer()
    tfidf = TfidfTransformer(sublinear_tf=True)
    clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
    clf.fit(tfidf.fit_transform(vec.fit_transform(feats)), labels)
    return TypeModel(list(vec.feature_names_), tfidf.idf_, clf.coef_, clf.intercept_, list(clf.classes_), info)


def predicted_types(stages: list, works: list[Work]) -> list[str | None]:
    """The type of each text's most confident event after the stages of ``eval.event_stages`` (the actors
    stage drops a dictionary verb's event without a coded actor; PLOVER's future-tense rules need
    factuality), as ``eventscope eval events`` predicts it."""
    out = []
    for w in works:
        for stage in stages:
            stage.process_one(w)
        out.append(max(w.events, key=lambda e: e.confidence).event_type if w.events else None)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", nargs="+", default=[str(p) for p in DEFAULT_DATA],
                    help="JSONL files or folders of them (default: ../shared/data/events and train/plover_written)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", default=str(ROOT / "src" / "eventscope" / "data"), help="the package's data folder")
    ap.add_argument("--predictions", metavar="FILE",
                    help="also write each record's cross-validated and rules-only prediction (JSONL) for error analysis")
    args = ap.parse_args(argv)
    from sklearn.model_selection import StratifiedGroupKFold

    t0 = time.time()
    files = training_files(args.data)
    records, origin = [], []
    for path in files:
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
        records += rows
        origin += [path.stem] * len(rows)
    config = Config.load(overrides=["events.model=false"])  # folds set stage.model themselves
    nlp, stage, actors, attributes = event_stages(config)
    after = [stage, actors, attributes]  # what runs on a parsed text, as in eval events
    for st in after:
        st.ensure_setup()
    works = [Work(article=make_article(r["text"])) for r in records]
    for i in range(0, len(works), 64):
        nlp.process(works[i:i + 64])
    feats = [article_features([features([s]) for _, s, _, _ in w.sentences()]) for w in works]
    labels = [r["labels"]["plover"] or "NONE" for r in records]
    story = [len(list(w.sentences())) > 1 for w in works]  # what the article model learns from
    groups = []
    for name in sorted(set(origin)):
        idx = [i for i, o in enumerate(origin) if o == name]
        groups += [f"{name}:{g}" for g in near_duplicate_groups([records[i]["text"] for i in idx])]
    print(f"{len(records)} records parsed in {time.time() - t0:.0f} s", file=sys.stderr)

    # cross-validated figures of the whole events stage (rules + a model that never saw the fold)
    pred: list[str | None] = [None] * len(records)
    rules_only: list[str | None] = [None] * len(records)
    folds = StratifiedGroupKFold(args.folds, shuffle=True, random_state=0)
    strata = [f"{o}:{lab}" for o, lab in zip(origin, labels)]
    for k, (train, test) in enumerate(folds.split(feats, strata, groups)):
        stage.model = fit([feats[i] for i in train], [labels[i] for i in train], {})
        stage.article_model = fit([feats[i] for i in train if story[i]], [labels[i] for i in train if story[i]], {})
        for i, p in zip(test, predicted_types(after, [works[i] for i in test])):
            pred[i] = p
        print(f"fold {k + 1}/{args.folds} done", file=sys.stderr)
    stage.model = stage.article_model = None
    rules_only = predicted_types(after, works)
    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8") as out_file:
            for i, r in enumerate(records):
                out_file.write(json.dumps({"id": r["id"], "file": origin[i], "gold": r["labels"]["plover"], "cv": pred[i],
                                           "rules_only": rules_only[i], "text": r["text"]}) + "\n")
    cv: dict = {}
    for name in sorted(set(origin)):
        idx = [i for i, o in enumerate(origin) if o == name]
        gold = [records[i]["labels"]["plover"] for i in idx]
        cv[name] = {"n": len(idx),
                    "rules_and_model": _summary(label_scores(gold, [pred[i] for i in idx])),
                    "rules_and_model_macro_f1_95ci": bootstrap_interval(gold, [pred[i] for i in idx]),
                    "rules_only_in_sample": _summary(label_scores(gold, [rules_only[i] for i in idx]))}
    info = {
        "trained_on": {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files},
        "trained_from": {p.name: _where(p) for p in files},
        "code": code_fingerprint(config),
        "n_records": len(records),
        "labels": sorted(set(labels)),
        "n_article_records": sum(story),
        "C": C, "min_df": MIN_DF,
        "cv": {"folds": args.folds, "grouping": "near-duplicate texts share a fold", "files": cv,
               "caveats": "the [events] weights and thresholds were chosen on these same folds (slightly optimistic); "
                          "rules_only_in_sample is not cross-validated: the trigger tables were written with the "
                          "shared files in view (not with train/plover_written, whose rules-only figures are out of "
                          "sample); the plover_written texts were written by language-model helpers from the PLOVER "
                          "manual, like eval/plover_notes, so they resemble its held-out half more than real news"},
        "licence": "trained on CC BY-SA 4.0 (PLOVER GSR), MIT (NGEC) and MIT (train/plover_written) data: "
                   "the weights are CC BY-SA 4.0",
    }
    out = Path(args.out)
    model = fit(feats, labels, info)
    model.save(out / MODEL_FILE)
    article = fit([f for f, s in zip(feats, story) if s], [lab for lab, s in zip(labels, story) if s],
                  {"role": "article model: the records of more than one sentence; figures in type_model.npz",
                   "trained_on": info["trained_on"], "trained_from": info["trained_from"], "code": info["code"], "licence": info["licence"]})
    article.save(out / ARTICLE_MODEL_FILE)
    print(json.dumps(info["cv"], indent=2))
    print(f"wrote {out / MODEL_FILE} ({len(model.index)} features) and {out / ARTICLE_MODEL_FILE} "
          f"({len(article.index)} features), {len(model.classes)} classes, in {time.time() - t0:.0f} s", file=sys.stderr)
    return 0


def bootstrap_interval(gold: list, pred: list, rounds: int = 1000) -> list[float]:
    """95 % percentile interval of macro-F1 over records resampled with replacement (seed 0)."""
    rng = np.random.default_rng(0)
    n = len(gold)
    scores = sorted(label_scores([gold[i] for i in idx], [pred[i] for i in idx])["macro_f1"]
                    for idx in (rng.integers(0, n, n) for _ in range(rounds)))
    return [round(scores[int(0.025 * rounds)], 4), round(scores[int(0.975 * rounds) - 1], 4)]


def _summary(scores: dict) -> dict:
    return {k: scores[k] for k in ("macro_f1", "weighted_f1", "accuracy")}


if __name__ == "__main__":
    raise SystemExit(main())
