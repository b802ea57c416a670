"""Configuration: shipped ``defaults.toml``, an optional user file layered on
top, then dotted overrides such as ``geo.min_population=1000``.

A ``Config`` is a plain value passed to every stage (no module globals).
"""
from __future__ import annotations

import copy
import json
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import EventscopeError


_AT_LEAST_ONE = {"engine.workers", "engine.batch_size", "nlp.batch_size", "nlp.max_paragraph_chars", "events.article_ramp"}


def _defaults() -> dict[str, Any]:
    text = resources.files("eventscope").joinpath("defaults.toml").read_text("utf-8")
    return tomllib.loads(text)


class Config:
    def __init__(self, data: dict[str, Any] | None = None):
        self._data = copy.deepcopy(data) if data is not None else _defaults()

    @classmethod
    def load(cls, path: str | Path | None = None, overrides: dict[str, Any] | list[str] | None = None) -> "Config":
        cfg = cls()
        if path:
            try:
                user = tomllib.loads(Path(path).read_text("utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise EventscopeError("E003", path=path, detail=exc) from None
            for section, values in user.items():
                if not isinstance(values, dict):
                    raise EventscopeError("E001", key=section, known=", ".join(cfg._data))
                for key, value in values.items():
                    cfg.set(f"{section}.{key}", value)
        if isinstance(overrides, list):
            overrides = parse_overrides(overrides)
        for key, value in (overrides or {}).items():
            cfg.set(key, value)
        return cfg

    def get(self, dotted: str, default: Any = None) -> Any:
        node: Any = self._data
        for part in dotted.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    def __getitem__(self, dotted: str) -> Any:
        sentinel = object()
        value = self.get(dotted, sentinel)
        if value is sentinel:
            raise EventscopeError("E001", key=dotted, known=", ".join(self.keys()))
        return value

    def set(self, dotted: str, value: Any) -> None:
        section, _, key = dotted.partition(".")
        if section not in self._data or not key or key not in self._data[section]:
            raise EventscopeError("E001", key=dotted, known=", ".join(self.keys()))
        old = self._data[section][key]
        if isinstance(value, str) and not isinstance(old, str):
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                pass
        if type(old) is not type(value) and not (isinstance(old, float) and isinstance(value, int)):
            raise EventscopeError("E002", key=dotted, kind=type(old).__name__, value=value)
        if dotted in _AT_LEAST_ONE and value < 1:
            raise EventscopeError("E005", key=dotted, minimum=1, value=value)
        self._data[section][key] = value

    def keys(self) -> list[str]:
        return [f"{s}.{k}" for s, vals in self._data.items() for k in vals]

    def to_dict(self) -> dict[str, Any]:
        return copy.deepcopy(self._data)


def parse_overrides(items: list[str]) -> dict[str, Any]:
    """``["geo.min_population=1000"]`` -> ``{"geo.min_population": "1000"}``."""
    out: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise EventscopeError("E004", item=item)
        out[key.strip()] = value.strip()
    return out
