"""The PLOVER type model: numpy inference equals scikit-learn's, the shipped file matches the
training data in ../shared/data/events (PROVENANCE.md there), and the events stage uses it."""
import hashlib
from collections import Counter

import numpy as np
import pytest

from eventscope.config import Config
import importlib.util
from pathlib import Path

from eventscope.event_model import TypeModel, article_features, code_fingerprint, features, load_article_model, load_type_model
from eventscope.events import EventsStage
from eventscope.errors import EventscopeError
from eventscope.ingest import make_article
from eventscope.nlp import NlpStage
from eventscope.schema import PLOVER_TYPES, Work

from .conftest import shared_file


REPO = Path(__file__).resolve().parents[1]


def _training_script():
    path = REPO / "scripts" / "train_event_model.py"
    spec = importlib.util.spec_from_file_location("train_event_model", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_numpy_inference_matches_scikit_learn():
    pytest.importorskip("sklearn")  # in the test extra; the runtime needs only numpy
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    train = _training_script()
    rng = np.random.default_rng(0)
    words = [f"w={i}" for i in range(40)]
    X = [Counter({w: int(rng.integers(1, 4)) for w in rng.choice(words, 6, replace=False)}) for _ in range(60)]
    y = [["ASSAULT", "CONSULT", "NONE"][i % 3] for i in range(60)]
    ours = train.fit(X, y, {})  # the script's own fit: min_df filter, balanced classes, export to numpy
    df = Counter(k for x in X for k in x)
    kept = [{k: v for k, v in x.items() if df[k] >= train.MIN_DF} for x in X]
    pipe = make_pipeline(DictVectorizer(), TfidfTransformer(sublinear_tf=True),
                         LogisticRegression(C=train.C, max_iter=3000, class_weight="balanced"))
    pipe.fit(kept, y)
    probe = [Counter({"unseen": 1}), Counter({"w=1": 2, "w=5": 1, "unseen": 3}), Counter(), Counter({"w=7": 1})]
    theirs = pipe.predict_proba(probe)
    for got in (ours.predict_many(probe), [ours.predict(f) for f in probe]):
        for row, one in zip(theirs, got):
            assert [one[c] for c in pipe.classes_] == pytest.approx(list(row), abs=1e-6)


def test_save_and_load_round_trip(tmp_path):
    m = TypeModel(["w=a", "w=b"], np.array([1.0, 2.0]), np.array([[1.0, -1.0], [-1.0, 1.0]]),
                  np.array([0.0, 0.1]), ["AID", "NONE"], {"note": "x"})
    m.save(tmp_path / "m.npz")
    back = TypeModel.from_file(tmp_path / "m.npz")
    f = Counter({"w=a": 1})
    assert back.predict(f) == pytest.approx(m.predict(f), abs=1e-6) and back.info == {"note": "x"}


def test_shipped_model_matches_its_training_data():
    model = load_type_model()
    assert set(model.classes) == set(PLOVER_TYPES) | {"NONE"}
    for name, digest in model.info["trained_on"].items():
        where = model.info["trained_from"][name]  # "shared:data/events" or "repo:train/plover_written"
        assert where.startswith(("shared:", "repo:")), f"{name} was not trained from the repository or ../shared"
        place, folder = where.split(":", 1)
        path = shared_file(f"{folder}/{name}") if place == "shared" else REPO / folder / name
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, \
            f"{name} changed: retrain with python scripts/train_event_model.py"
    # the cross-validated figures in the model describe the current events code, tables and settings
    assert model.info["code"] == code_fingerprint(Config()), \
        "events code, trigger tables or [events] settings changed: retrain (python scripts/train_event_model.py)"


def test_shipped_article_model_is_trained_with_the_sentence_model():
    sentence, article = load_type_model(), load_article_model()
    # every PLOVER type and NONE (the written negatives of several sentences: train/plover_written)
    assert set(article.classes) == set(sentence.classes) == set(PLOVER_TYPES) | {"NONE"}
    assert article.info["trained_on"] == sentence.info["trained_on"] and article.info["code"] == sentence.info["code"]
    assert sentence.info["n_article_records"] < sentence.info["n_records"]  # stories only, not the one-sentence records


class _Always(TypeModel):
    """A stand-in model with fixed probabilities."""

    def __init__(self, probs):
        self.probs, self.classes, self.info = probs, list(probs), {}

    def predict_many(self, many):
        return [dict(self.probs) for _ in many]

    predict_leads = predict_many


@pytest.fixture(scope="module")
def nlp():
    return NlpStage()


def test_scoring_sentences_as_leads_equals_the_prefixed_copies(nlp):
    """The events stage scores every sentence as its own lead with ``predict_leads``, a shortcut for
    ``predict_many`` over ``article_features([f])`` (the features plus their "L:" copies)."""
    work = Work(article=make_article("Rebels attacked a convoy near the border on Monday. The minister met "
                                     "his Russian counterpart in Moscow. Talks will resume next week."))
    nlp.process([work])
    feats = [features([s]) for _, s, _, _ in work.sentences()]
    model = load_type_model()
    assert model.predict_leads(feats) == model.predict_many([article_features([f]) for f in feats])


def _events(nlp, text, model):
    stage = EventsStage(Config.load(overrides=["events.model=false"]))
    stage.ensure_setup()
    stage.model = model
    work = Work(article=make_article(text))
    stage.process(nlp.process([work]))
    return work.events


def test_the_model_proposes_an_event_no_trigger_word_states(nlp):
    text = "Crowds stood in the central square of the capital."
    assert _events(nlp, text, None) == []
    probs = {t: 0.01 for t in PLOVER_TYPES} | {"PROTEST": 0.8, "NONE": 0.05}
    (ev,) = _events(nlp, text, _Always(probs))
    assert ev.event_type == "PROTEST" and ev.trigger.text == "stood"
    assert ev.reasons["type"].startswith("model: P(PROTEST)=0.80")
    assert ev.acled_event_type == "Protests"


def test_an_unsure_model_proposes_nothing(nlp):
    probs = {t: 0.05 for t in PLOVER_TYPES} | {"PROTEST": 0.2}
    assert _events(nlp, "Crowds stood in the central square of the capital.", _Always(probs)) == []


def test_the_model_reranks_rule_events(nlp):
    text = "The minister met his counterpart and the army attacked the rebels."
    assert {e.event_type for e in _events(nlp, text, None)} >= {"CONSULT", "ASSAULT"}
    for favoured in ("CONSULT", "ASSAULT"):
        probs = {t: 0.01 for t in PLOVER_TYPES} | {favoured: 0.7, "NONE": 0.1}
        events = _events(nlp, text, _Always(probs))
        assert max(events, key=lambda e: e.confidence).event_type == favoured
        assert all("model P(" in e.reasons["type"] for e in events)


def test_a_strong_article_view_keeps_the_sentence_ranking():
    """Evidence is summed in log-odds: two events the article favours equally keep the order the sentence
    model gave them, however strong the article's view (no saturation at 1.0)."""
    stage = EventsStage()
    stage.ensure_setup()
    article = {t: 0.2 / 15 for t in PLOVER_TYPES} | {"ASSAULT": 0.8}
    sentence_a = {t: 1 / 17 for t in PLOVER_TYPES} | {"NONE": 1 / 17, "ASSAULT": 0.3}
    sentence_b = {t: 1 / 17 for t in PLOVER_TYPES} | {"NONE": 1 / 17, "ASSAULT": 0.2}
    a = stage.combine(0.9, [(sentence_a, "ASSAULT", 1.0), (article, "ASSAULT", 6.0)])
    b = stage.combine(0.9, [(sentence_b, "ASSAULT", 1.0), (article, "ASSAULT", 6.0)])
    assert 1.0 > a > b > 0.99


def test_the_article_view_weighs_more_in_longer_stories(nlp):
    """The article model's weight grows with the story (``events.article_ramp``): a two-sentence story is mostly its
    lead, so the same article view moves a rule event's confidence less there than in a story of seven sentences."""
    stage = EventsStage(Config.load(overrides=["events.model=false"]))
    stage.ensure_setup()
    flat = {t: 1 / 17 for t in PLOVER_TYPES} | {"NONE": 1 / 17}
    stage.model, stage.article_model = _Always(flat), _Always({t: 0.2 / 16 for t in flat} | {"CONSULT": 0.8})
    lead = "The minister met his counterpart in Geneva on Monday."
    confidence = {}
    for n in (2, 7, 9):
        work = Work(article=make_article(lead + " It rained." * (n - 1)))
        stage.process(nlp.process([work]))
        (ev,) = [e for e in work.events if e.event_type == "CONSULT"]
        confidence[n] = ev.confidence
    assert stage.article_ramp == 6  # full weight from 7 sentences on
    assert confidence[2] < confidence[7] == confidence[9] < 1.0
    with pytest.raises(EventscopeError, match="E005"):  # no ramp of 0 sentences (a division by zero)
        Config.load(overrides=["events.article_ramp=0"])


def test_a_flat_model_leaves_the_rule_confidence_alone():
    stage = EventsStage()
    stage.ensure_setup()
    flat = {t: 1 / 17 for t in PLOVER_TYPES} | {"NONE": 1 / 17}
    assert stage.update(0.8, flat, "ASSAULT", 1.0) == pytest.approx(0.8)
    sure = {t: 0.4 / 16 for t in flat} | {"ASSAULT": 0.6}
    assert stage.update(0.8, sure, "ASSAULT", 1.0) > 0.95 > 0.8 > stage.update(0.8, sure, "CONSULT", 1.0) + 0.1


def test_article_main_event_and_questions(nlp):
    text = ("Crowds stood in the central square of the capital on Sunday. "
            "Was the square closed? Officials stood aside.")
    probs = {t: 0.03 for t in PLOVER_TYPES} | {"PROTEST": 0.45, "NONE": 0.1}
    events = _events(nlp, text, _Always(probs))  # 0.45: below model_min_prob, above article_min_prob
    (ev,) = events
    assert ev.event_type == "PROTEST" and ev.trigger.text == "stood" and ev.evidence.start == 0
    assert ev.reasons["type"].startswith("model: article about PROTEST")
    assert all("?" not in e.evidence.text for e in events)


def _events2(nlp, text, sentence_model, article_model):
    stage = EventsStage(Config.load(overrides=["events.model=false"]))
    stage.ensure_setup()
    stage.model, stage.article_model = sentence_model, article_model
    work = Work(article=make_article(text))
    stage.process(nlp.process([work]))
    return work.events


def test_the_article_model_ranks_the_article_main_event_first(nlp):
    text = "The minister met his counterpart in the capital. The army attacked the rebels in the north."
    flat = _Always({t: 1 / 17 for t in PLOVER_TYPES} | {"NONE": 1 / 17})
    for favoured in ("CONSULT", "ASSAULT"):  # the article model has no NONE class (16 types)
        article = _Always({t: 0.5 / 15 for t in PLOVER_TYPES} | {favoured: 0.5})
        events = _events2(nlp, text, flat, article)
        assert {e.event_type for e in events} >= {"CONSULT", "ASSAULT"}
        assert max(events, key=lambda e: e.confidence).event_type == favoured
        assert "in article" in max(events, key=lambda e: e.confidence).reasons["type"]


def test_the_article_model_alone_does_not_make_an_event(nlp):
    """An article model sure of PROTEST adds a PROTEST event only where the lead sentence's own most likely
    type is PROTEST too."""
    text = "Crowds stood in the central square of the capital on Sunday. Officials stood aside."
    article = _Always({t: 0.4 / 15 for t in PLOVER_TYPES} | {"PROTEST": 0.6})
    disagrees = _Always({t: 0.03 for t in PLOVER_TYPES} | {"AID": 0.3, "PROTEST": 0.2, "NONE": 0.1})
    assert _events2(nlp, text, disagrees, article) == []
    agrees = _Always({t: 0.03 for t in PLOVER_TYPES} | {"AID": 0.2, "PROTEST": 0.3, "NONE": 0.1})
    (ev,) = _events2(nlp, text, agrees, article)
    assert ev.event_type == "PROTEST" and ev.reasons["type"].startswith("model: article about PROTEST")


def test_features_use_entity_labels_not_names(nlp):
    work = Work(article=make_article("Vladimir Putin visited Dushanbe on Monday."))
    nlp.process([work])
    feats = features(s for _, s, _, _ in work.sentences())
    assert "w=visit" in feats and "root=visit" in feats
    assert not any("putin" in f.lower() or "dushanbe" in f.lower() for f in feats)
