"""The ways reading a spreadsheet fails, shared by the readers and their guard."""

from __future__ import annotations

import os

from moderator_app.core.refusal import Refusal


class TableError(Refusal):
    """A file that cannot be read as a table; the message names the file and the problem
    (a template and its values, so the console says it in its language)."""


class FileRefused(TableError):
    """A file refused because reading it could take the console down: a bomb or a lie
    about its size found before parsing, a reader that ran out of its memory or time, or
    something that is not a file at all (a pipe, a device)."""


def too_large(path: str | os.PathLike, reason: Refusal) -> FileRefused:
    """``reason`` is the limit passed, itself a refusal so the console says it in its
    language too."""
    return FileRefused("{0}: this file is too large or damaged to read ({1})", path, reason)


def unreadable_workbook(path: str | os.PathLike, detail: str) -> TableError:
    detail = " ".join(detail.split())[:160]
    return TableError(
        "{0}: not a readable spreadsheet (xlsx, xls, ods): truncated, damaged or not a "
        "spreadsheet ({1})",
        path,
        detail,
    )


class ReadCancelled(TableError):
    """The reading of a file was cancelled (a closed window, a cancelled import)."""
