"""Who may do what over the network: a secret token per role, kept in the show file.

Roles rank ``view < producer < control``; ``ask`` is apart (the audience's question form
only). Tokens are random (``secrets.token_urlsafe``), compared in constant time, and kept
in the show file so printed links and QR codes stay valid until regenerated. A show file
that cannot be written keeps fresh tokens in memory for the run (``persisted`` False).
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from enum import StrEnum

from moderator_app.io.session import ShowSession
from moderator_app.io.share_store import load_tokens, save_tokens
from moderator_app.io.showfile import ShowFileError


class ShareRole(StrEnum):
    VIEW = "view"
    PRODUCER = "producer"
    CONTROL = "control"
    ASK = "ask"


RANK = {ShareRole.VIEW: 1, ShareRole.PRODUCER: 2, ShareRole.CONTROL: 3, ShareRole.ASK: 0}
TOKEN_BYTES = 16


def allows(role: ShareRole, needed: ShareRole) -> bool:
    """Whether a holder of ``role`` may do what needs ``needed`` (ask only allows ask)."""
    if needed is ShareRole.ASK or role is ShareRole.ASK:
        return role is needed or (needed is ShareRole.ASK and role is ShareRole.CONTROL)
    return RANK[role] >= RANK[needed]


@dataclass
class Tokens:
    by_role: dict[ShareRole, str]
    persisted: bool  # False: the show file refused them; valid for this run only
    problem: str = ""

    def __getitem__(self, role: ShareRole) -> str:
        return self.by_role[role]


def _new() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def tokens(session: ShowSession) -> Tokens:
    """Every role's token, made and stored the first time."""
    try:
        stored = load_tokens(session.file)
    except ShowFileError:
        stored = {}  # an old read-only file without the table: tokens for this run
    by_role = {role: stored[role.value] for role in ShareRole if stored.get(role.value)}
    missing = {role: _new() for role in ShareRole if role not in by_role}
    if not missing:
        return Tokens(by_role, True)
    by_role.update(missing)
    return _store(session, by_role, {r.value: t for r, t in missing.items()})


def regenerate(session: ShowSession, role: ShareRole | str) -> Tokens:
    """A new token for ``role``: links made with the old one stop working."""
    current = tokens(session)
    fresh = _new()
    current.by_role[ShareRole(role)] = fresh
    return _store(session, current.by_role, {ShareRole(role).value: fresh})


def _store(session: ShowSession, by_role: dict[ShareRole, str], changed: dict[str, str]) -> Tokens:
    try:
        save_tokens(session.file, changed, session.now_us())
    except ShowFileError as exc:
        return Tokens(by_role, False, str(exc))
    return Tokens(by_role, True)


def role_of(tokens: Tokens | dict, token: str | None) -> ShareRole | None:
    """The role ``token`` grants, or None; every role is compared (constant time)."""
    if not token:
        return None
    by_role = tokens.by_role if isinstance(tokens, Tokens) else tokens
    given = token.encode("utf-8", "replace")
    found = None
    for role, secret in by_role.items():
        if hmac.compare_digest(given, secret.encode()):
            found = ShareRole(role)
    return found
