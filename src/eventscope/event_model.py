"""A small linear PLOVER classifier used by the events stage to type and rank events.

Rules (trigger words over the parse) say *where* an event is and propose a type; this
model says how likely each PLOVER type (or ``NONE``: no codable event) is for a
sentence or a whole article, from the words around the trigger.  It is a multinomial
logistic regression over sparse features (lemmas, lemma bigrams, verb→object and
verb→preposition pairs, negated verbs, the root verb; proper nouns become their entity
label so that names are not memorised), trained by ``scripts/train_event_model.py``
with scikit-learn on the labelled data in ``../shared/data/events/`` and the repository's
``train/plover_written/`` (texts written from the PLOVER manual for it) and shipped as
``data/events/type_model.npz``.  Inference needs only numpy: sublinear tf-idf, L2
normalisation, a dot product and a softmax, i.e. scikit-learn's
``DictVectorizer → TfidfTransformer(sublinear_tf=True) → LogisticRegression`` written
out (``tests/test_event_model.py`` checks the two agree).

A second model of the same form, ``data/events/article_model.npz``, is trained on the
multi-sentence records only and gives the article's view (what the whole story is about): a
story's label follows its headline event, which a model that also learns from one-sentence
examples blurs (cross-validated macro-F1 on the stories 0.68 mixed, 0.71 stories only). Its
``NONE`` class has few stories behind it (the written negatives of several sentences), so it ranks
events but the events stage never lets it create one alone.

Limits, stated in the model's ``info`` too: ``NONE`` has 121 training examples (18 CAMEO statements and
appeals of the GSR file, 103 written negatives: commentary, markets, sport, statistics), too few to tell
every kind of non-political text from events; on text unlike its training data its probabilities are
nearly flat, which the events stage treats as "no opinion".
"""
from __future__ import annotations

import functools
import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from importlib import resources

import numpy as np

MODEL_FILE = "events/type_model.npz"
ARTICLE_MODEL_FILE = "events/article_model.npz"  # trained on multi-sentence texts only (news stories)
_SKIP_POS = {"PUNCT", "SPACE", "NUM", "DET", "SYM", "X"}
_OBJ_DEPS = {"dobj", "nsubjpass", "attr", "oprd"}


def _word(t) -> str:
    """A token as a feature: its lower-case lemma; a proper noun as its entity label (no names)."""
    return f"ent={t.ent_type_}" if t.pos_ == "PROPN" else t.lemma_.lower()


def add_sentence_features(sent, feats: Counter) -> None:
    """Add one sentence's features to ``feats`` (counts), in one pass over its tokens."""
    prev = None
    for t in sent:
        pos = t.pos_
        if pos in _SKIP_POS:
            continue
        w = _word(t)
        feats["w=" + w] += 1
        if prev is not None:
            feats[f"b={prev}_{w}"] += 1
        prev = w
        if t.dep_ == "ROOT":
            feats["root=" + w] += 1
        if pos not in ("VERB", "AUX"):
            continue
        for c in t.children:
            dep = c.dep_
            if dep in _OBJ_DEPS:
                feats[f"vo={w}>{_word(c)}"] += 1
            elif dep == "prep" or dep == "agent":
                feats[f"vp={w}>{c.lower_}"] += 1
            elif dep == "neg":
                feats["neg=" + w] += 1


def features(sents: Iterable) -> Counter:
    feats: Counter = Counter()
    for sent in sents:
        add_sentence_features(sent, feats)
    return feats


def article_features(sentence_feats: list[Counter]) -> Counter:
    """A whole article: every sentence's features, plus the lead sentence's again with an ``L:``
    prefix (news leads state the main event)."""
    whole: Counter = Counter()
    for f in sentence_feats:
        whole.update(f)
    if sentence_feats:
        whole.update({"L:" + k: v for k, v in sentence_feats[0].items()})
    return whole


class TypeModel:
    """``predict(features) -> {label: probability}`` over PLOVER types and ``NONE``."""

    def __init__(self, vocab: list[str], idf: np.ndarray, coef: np.ndarray, intercept: np.ndarray,
                 classes: list[str], info: dict):
        self.index = {f: i for i, f in enumerate(vocab)}
        # the column of "L:" + f for a feature f: a sentence scored as its own lead needs no prefixed copies
        self.lead_index = {f[2:]: i for f, i in self.index.items() if f.startswith("L:")}
        self.idf = idf.astype(np.float64)
        self.coef = coef.astype(np.float64)  # (classes, features)
        self.coef_t = np.ascontiguousarray(self.coef.T)  # (features, classes): rows gathered per feature
        self.intercept = intercept.astype(np.float64)
        self.classes = [str(c) for c in classes]
        if self.coef.shape[0] != len(self.classes):
            raise ValueError(f"model has {self.coef.shape[0]} weight rows for {len(self.classes)} classes")
        self.info = info  # training data, CV figures, hyper-parameters (written by the training script)

    @classmethod
    def from_file(cls, path) -> "TypeModel":
        with np.load(path, allow_pickle=False) as z:
            return cls(list(z["vocab"]), z["idf"], z["coef"], z["intercept"], list(z["classes"]),
                       json.loads(str(z["info"])))

    def save(self, path) -> None:
        vocab = sorted(self.index, key=self.index.get)
        np.savez_compressed(path, vocab=np.array(vocab), idf=self.idf.astype(np.float32),
                            coef=self.coef.astype(np.float32), intercept=self.intercept.astype(np.float32),
                            classes=np.array(self.classes), info=np.array(json.dumps(self.info, sort_keys=True)))

    def predict(self, feats: Counter) -> dict[str, float]:
        return self.predict_many([feats])[0]

    def predict_many(self, many: list[Counter]) -> list[dict[str, float]]:
        """Probabilities for several feature sets with one gather over the weights."""
        index = self.index
        return self._scores([[(i, n) for f, n in feats.items() if (i := index.get(f)) is not None] for feats in many])

    def predict_leads(self, sentences: list[Counter]) -> list[dict[str, float]]:
        """``predict_many([article_features([f]) for f in sentences])`` (each sentence scored as a
        one-sentence text, its own lead), without building the prefixed copies: same columns, same order."""
        index, lead = self.index, self.lead_index
        return self._scores([[(i, n) for f, n in feats.items() if (i := index.get(f)) is not None]
                             + [(i, n) for f, n in feats.items() if (i := lead.get(f)) is not None] for feats in sentences])

    def _scores(self, columns: list[list[tuple[int, float]]]) -> list[dict[str, float]]:
        """Softmax probabilities of several texts given as (column, count) pairs of their known features."""
        idx = [i for pairs in columns for i, _ in pairs]
        tf = [n for pairs in columns for _, n in pairs]
        owner = [k for k, pairs in enumerate(columns) for _ in pairs]
        scores = np.tile(self.intercept, (len(columns), 1))
        if idx:
            ii, who = np.asarray(idx), np.asarray(owner)
            v = (1.0 + np.log(np.asarray(tf, dtype=np.float64))) * self.idf[ii]
            norms = np.sqrt(np.bincount(who, weights=v * v, minlength=len(columns)))
            v /= norms[who]
            starts = np.flatnonzero(np.r_[True, who[1:] != who[:-1]])  # ``owner`` is sorted
            scores[who[starts]] += np.add.reduceat(self.coef_t[ii] * v[:, None], starts, axis=0)
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        scores /= scores.sum(axis=1, keepdims=True)
        return [dict(zip(self.classes, row)) for row in scores.tolist()]


def code_fingerprint(config) -> str:
    """What the cross-validated figures stored in a model depend on besides the data: this module,
    the events stage, its trigger tables, the actors stage and its tables (it drops a dictionary verb's
    event without a coded actor), the attributes stage (factuality decides PLOVER's future-tense
    recoding) and the ``[events]`` settings. A model whose
    ``info.code`` differs has stale figures (``eval events`` says so; retrain)."""
    h = hashlib.sha256()
    pkg = resources.files("eventscope")
    actor_tables = sorted(p.name for p in pkg.joinpath("data", "actors").iterdir() if p.name.endswith(".tsv"))
    for rel in ("event_model.py", "events.py", "actors.py", "attributes.py", "data/events/triggers.tsv",
                "data/events/verb_patterns.tsv", "data/events/future_types.tsv", "data/attributes/cues.tsv",
                *(f"data/actors/{name}" for name in actor_tables)):
        h.update(pkg.joinpath(rel).read_bytes())
    events = {k: v for k, v in config.get("events", {}).items() if k != "model"}
    h.update(json.dumps(events, sort_keys=True).encode())
    return h.hexdigest()[:16]


@functools.lru_cache(maxsize=1)
def load_type_model() -> TypeModel:
    """The shipped sentence model (trained on every record), loaded once per process."""
    return TypeModel.from_file(resources.files("eventscope") / "data" / MODEL_FILE)


@functools.lru_cache(maxsize=1)
def load_article_model() -> TypeModel:
    """The shipped article model (trained on the multi-sentence records: what a whole story is about),
    loaded once per process."""
    return TypeModel.from_file(resources.files("eventscope") / "data" / ARTICLE_MODEL_FILE)
