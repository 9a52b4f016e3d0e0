"""The show on its own thread: the server's ShowSession, question book and tokens live on
ONE worker thread; the asyncio loop hands it work and never touches SQLite itself, so a
lock wait (another process writing) never stalls pushes or pongs.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from moderator_app.app import live_feed, live_words, net_questions, notes, sharing
from moderator_app.app.questions import QuestionBook
from moderator_app.app.show import Role, ShowSession, open_show
from moderator_app.core.actions import Changes, Part
from moderator_app.core.clock import to_us

T = TypeVar("T")
# How long a write waits for another writer (the console's commit, an import) before the
# request is answered "not saved": long enough for any one commit, short for a button.
WRITE_WAIT_S = 5.0


@dataclass
class ShowContext:
    """What the show thread holds; used only on that thread."""

    session: ShowSession
    book: QuestionBook
    tokens: sharing.Tokens
    changed: set[Part] = field(default_factory=set)

    def note(self, notice: Changes) -> None:
        self.changed.add(notice.part)


class ShowThread:
    def __init__(self, path: str | os.PathLike) -> None:
        self.path = path
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="show")
        self.ctx: ShowContext | None = None

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(ctx, *args)`` on the show thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, lambda: fn(self.ctx, *args))

    async def open(self) -> ShowContext:
        def opening(_ctx: object) -> ShowContext:
            session = open_show(self.path, role=Role.COMMAND, wait_s=WRITE_WAIT_S)
            try:
                ctx = ShowContext(session, QuestionBook(session), sharing.tokens(session))
            except BaseException:
                session.close()
                raise
            session.subscribe_changes(ctx.note)
            return ctx

        self.ctx = await self.run(opening)
        return self.ctx

    async def close(self) -> None:
        if self.ctx is not None:
            await self.run(lambda ctx: ctx.session.close())
        self._pool.shutdown(wait=True)

    def now_us(self) -> int:
        """The show's clock (the one journal stamps and frames use), read on any thread:
        a pong must not wait for the show thread."""
        assert self.ctx is not None
        return to_us(self.ctx.session.clock.now())


# -- work done on the show thread ---------------------------------------------------------
def poll_changes(ctx: ShowContext) -> set[Part]:
    """Fold what other processes journaled; the parts of the show that changed since the
    last call (ours included)."""
    ctx.session.refresh()
    changed, ctx.changed = ctx.changed, set()
    return changed


def reload_tokens(ctx: ShowContext) -> bool:
    """Take tokens regenerated elsewhere (the console's Share dialog); True if any changed.
    Tokens kept only in memory (a read-only file) stay as they are."""
    if not ctx.tokens.persisted:
        return False
    fresh = sharing.tokens(ctx.session)
    if fresh.by_role == ctx.tokens.by_role:
        return False
    ctx.tokens = fresh
    return True


def language(ctx: ShowContext, asked: str | None) -> str:
    return live_words.language(asked, ctx.session.show.language)


Audience = tuple[str, str | None]  # (language, a speaker's remote link id or None)


def state_message(ctx: ShowContext, now_us: int, lang: str, audience: str | None = None) -> dict:
    """The state as the LAN views and the remote links get it; ``audience``: the speaker
    (remote link id) whose addressed message the frames carry (None: everyone's)."""
    session = ctx.session
    return {
        "tag": "state",
        "seq": session.last_seq,
        "server_us": now_us,
        "poll": live_feed.poll_json(session),
        "frames": live_feed.frames(
            session, now_us, lang=lang, question=net_questions.on_air_line(ctx.book),
            audience=audience,
        ),
    }


def state_messages(ctx: ShowContext, now_us: int, wanted: set[Audience]) -> dict[Audience, dict]:
    """The state for each (language, audience) in ``wanted``, computed once: a speaker
    with no message addressed to them shares everyone's state."""
    addressed = set(ctx.session.engine.direct)
    out: dict[Audience, dict] = {}
    for lang, audience in sorted(wanted, key=lambda w: (w[0], w[1] or "")):
        if audience is not None and audience not in addressed:
            if (lang, None) not in out:
                out[(lang, None)] = state_message(ctx, now_us, lang)
            out[(lang, audience)] = out[(lang, None)]
        elif (lang, audience) not in out:
            out[(lang, audience)] = state_message(ctx, now_us, lang, audience)
    return out


def part_message(ctx: ShowContext, tag: str) -> dict:
    session = ctx.session
    if tag == "rundown":
        return {"tag": tag, "seq": session.last_seq, "segments": live_feed.rundown_json(session)}
    if tag == "questions":
        return {"tag": tag, "seq": session.last_seq, "items": net_questions.items_json(ctx.book)}
    return {
        "tag": "notes", "seq": session.last_seq,
        "items": [n.to_dict() for n in notes.notes(session)],
    }  # fmt: skip


def parts_to_tags(parts: set[Part]) -> set[str]:
    """Which producer pushes a change calls for (segment states follow the timer)."""
    tags = set()
    if parts & {Part.RUNSHEET, Part.TIMER, Part.CLOCK}:
        tags.add("rundown")
    if Part.QUESTIONS in parts:
        tags.add("questions")
    if Part.NOTES in parts:
        tags.add("notes")
    return tags


def next_flip(ctx: ShowContext, now_us: int) -> int:
    return live_feed.next_flip_us(ctx.session, now_us)
