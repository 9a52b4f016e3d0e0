"""Who is asking: the role a request's token grants (``Authorization: Bearer T`` or
``?token=T``), and the 401/403 answers."""

from __future__ import annotations

from aiohttp import web

from moderator_app.app.sharing import ShareRole, Tokens, allows, role_of

NEED_TOKEN = "a valid token is needed (the link's ?token=…)"


class Denied(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def token_of(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip() or None
    return request.query.get("token") or None


def role_for(tokens: Tokens, token: str | None) -> ShareRole:
    """The role ``token`` grants; Denied(401) when it grants none."""
    role = role_of(tokens, token)
    if role is None:
        raise Denied(401, NEED_TOKEN)
    return role


def require(role: ShareRole, needed: ShareRole) -> None:
    """Denied(403) unless ``role`` may do what needs ``needed``."""
    if not allows(role, needed):
        raise Denied(403, f"this link's role ({role.value}) cannot do that; it needs {needed.value}")
