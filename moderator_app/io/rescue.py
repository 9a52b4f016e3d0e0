"""The rescue file: actions the console could not write to the show file when it closed.

When a show file refuses writes (disk full, read-only) the console keeps timing in memory;
if it has to close before the file accepts them, the waiting actions go to a small JSON
file beside the show (``NAME.show.unsaved.json``), or, if that folder cannot be written
either, to the user data folder. The next open of the show offers to write them into it,
in order, with their original time stamps.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from moderator_app.core.actions import Action
from moderator_app.io.showfile import ShowFileError
from moderator_app.paths import data_dir

SUFFIX = ".unsaved.json"
FORMAT = 1


class _Journal(Protocol):
    path: Path

    def record_many(self, actions: list[Action]) -> list[Action]: ...


@dataclass(frozen=True)
class Rescue:
    """Actions waiting in a rescue file for the show at ``show``."""

    path: Path
    show: Path
    actions: list[Action]
    after_seq: int  # the journal entry they would have followed
    reason: str
    written_at: str


def beside(show: Path) -> Path:
    return show.with_name(f"{show.name}{SUFFIX}")


def in_data_dir(show: Path) -> Path:
    # Named for the show and its full path: two shows called the same never share one.
    digest = hashlib.sha256(str(show.resolve()).encode("utf-8")).hexdigest()[:12]
    return data_dir() / "unsaved" / f"{show.name}-{digest}{SUFFIX}"


def candidates(show: Path) -> list[Path]:
    return [beside(show), in_data_dir(show)]


def write_rescue(show: Path, actions: Iterable[Action], *, after_seq: int, reason: str) -> Path:
    """Save ``actions`` for ``show``; adds to a rescue file already there. Returns its path.

    Raises ShowFileError when neither the show's folder nor the data folder takes it.
    """
    show = Path(show)
    waiting = list(actions)
    earlier = find_rescue(show)
    if earlier is not None:
        waiting = earlier.actions + waiting
        after_seq = earlier.after_seq
    data = {
        "format": FORMAT,
        "show": str(show.resolve()),
        "after_seq": after_seq,
        "reason": reason,
        "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "actions": [{"type": a.type, "at_us": a.at_us, "payload": a.payload} for a in waiting],
    }
    text = json.dumps(data, ensure_ascii=False, indent=1)
    problems = []
    for target in candidates(show):
        try:
            _write_whole(target, text)
        except OSError as exc:
            problems.append(f"{target.parent}: {exc.strerror or exc}")
            continue
        if earlier is not None and earlier.path != target:
            earlier.path.unlink(missing_ok=True)
        return target
    raise ShowFileError(
        "{0}: the unsaved actions could not be kept in a rescue file either ({1}); keep the "
        "console open and free space or fix the disk",
        show,
        "; ".join(problems),
    )


def _write_whole(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.writing")
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)  # whole or not at all
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise


def find_rescue(show: Path) -> Rescue | None:
    """The rescue file waiting for ``show``, if any; a damaged one is refused by name."""
    show = Path(show)
    for path in candidates(show):
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise ShowFileError(
                "{0}: cannot read the unsaved actions ({1})", path, exc.strerror
            ) from None
        return _parse(path, show, text)
    return None


def _parse(path: Path, show: Path, text: str) -> Rescue:
    try:
        data = json.loads(text)
        actions = [
            Action(str(a["type"]), int(a["at_us"]), dict(a["payload"])) for a in data["actions"]
        ]
        return Rescue(
            path=path,
            show=show,
            actions=actions,
            after_seq=int(data.get("after_seq", 0)),
            reason=str(data.get("reason", "")),
            written_at=str(data.get("written_at", "")),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise ShowFileError(
            "{0}: the file of unsaved actions is damaged ({1!r}); it was left untouched",
            path,
            exc,
        ) from None


def replay(session: _Journal, rescue: Rescue) -> list[Action]:
    """Write the rescued actions into the show, in order, in one commit; then drop the file."""
    stored = session.record_many(rescue.actions) if rescue.actions else []
    discard(rescue)
    return stored


def discard(rescue: Rescue) -> None:
    try:
        rescue.path.unlink(missing_ok=True)
    except OSError as exc:
        raise ShowFileError("{0}: cannot remove it ({1})", rescue.path, exc.strerror) from None
