"""The README and the code agree: two Quickstart commands, every CLI command and event key
documented, every error code raised exists in errors.py."""
import re
from pathlib import Path

from typer.main import get_command

from eventscope.cli import app
from eventscope.errors import Errors, Warnings
from eventscope.schema import Event

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")


def test_quickstart_has_exactly_two_commands():
    section = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    block = section.split("```bash", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert "run --sample" in commands[0] and "pytest" in commands[1]


def test_every_cli_command_is_documented():
    for name in get_command(app).commands:
        assert f"eventscope {name}" in README, name


def test_every_event_key_is_documented():
    for key in Event.model_fields:
        assert f"`{key}`" in README, key


def test_every_raised_code_exists():
    codes = set()
    for path in (ROOT / "src" / "eventscope").rglob("*.py"):
        codes |= set(re.findall(r"""(?:EventscopeError|warning)\(\s*["']([EW]\d{3})["']""", path.read_text("utf-8")))
    assert codes
    missing = {c for c in codes if not hasattr(Errors, c) and not hasattr(Warnings, c)}
    assert not missing
