"""The run sheet operations every surface calls: the console's editor, import dialog and
linked sheet, and ``moderator-app runsheet`` / ``new --runsheet``.

An import is one path whatever starts it: the producer's file is read through the guarded
reader (``read_table`` / ``read_sheet``: size-bounded, a workbook parsed in a limited
child process), previewed (``preview``), planned against the show (``plan``: the change
list, what the file has no column for kept, live-safe) and applied (``apply_import``:
planned again on the show as it is now and journaled as one ``runsheet.replace``, segment
ids kept). Reading a file is slow and may hang on a network drive: the console runs
``read_*`` off the UI thread; planning and applying work on the open show, in memory.

Edits, undo and redo (``commit``, ``RunSheetHistory``) are journaled, so they survive a
restart and follow other processes. The link to a producer's file lives in the journal
too (``link`` / ``unlink`` / ``linked_path``); app/watch.py watches it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from moderator_app.core.actions import RUNSHEET_LINK, RUNSHEET_UNLINK, Action
from moderator_app.core.runsheet import Show
from moderator_app.core.runsheet_diff import RunSheetDiff
from moderator_app.core.runsheet_edit import RUNSHEET_EDIT_TYPES, Edit, inverse, replace_all
from moderator_app.core.undo_history import (
    GROUP,
    LEGACY_UNDO,
    REDOES,
    UNDOES,
    UndoHistory,
    new_group,
)
from moderator_app.io.export_labels import export_language
from moderator_app.io.runsheet_cells import text_of
from moderator_app.io.runsheet_export import RunSheetExportError, export_runsheet
from moderator_app.io.runsheet_import import (
    FIELDS,
    ImportPlan,
    RunSheetImport,
    RunSheetImportError,
    SheetTable,
    build_runsheet,
    detect_mapping,
    load_table,
    new_show,
    plan_import,
    preview_dict,
    read_runsheet,
)
from moderator_app.io.runsheet_store import RunSheetMoved, commit_edit
from moderator_app.io.session import ShowSession
from moderator_app.io.showfile import ShowFileError
from moderator_app.resources import default_show

__all__ = [
    "FIELDS", "Applied", "Edit", "ImportPlan", "RunSheetDiff", "RunSheetExportError",
    "RunSheetHistory", "RunSheetImport", "RunSheetImportError", "RunSheetMoved", "SheetTable",
    "ShowFileError",
    "ShowSession", "apply_import", "build", "commit", "export", "export_language", "link",
    "linked_path", "linked_path_of", "plan", "preview", "read_sheet", "read_table",
    "show_from_sheet", "text_of", "unlink", "with_header_row",
]  # fmt: skip


# -- reading (a file read: off the UI thread) -------------------------------------------------
def read_table(path: str | os.PathLike, *, header_row: int | None = None) -> SheetTable:
    """The rows of a producer's file and where its header is (found, or ``header_row``),
    read through the guarded reader; RunSheetImportError in one line."""
    return load_table(Path(path), header_row=header_row)


def read_sheet(
    path: str | os.PathLike,
    *,
    mapping: dict[str, int | None] | None = None,
    header_row: int | None = None,
) -> RunSheetImport:
    """The run sheet a producer's file holds (columns mapped automatically, or as
    ``mapping`` corrects them); RunSheetImportError in one line."""
    return read_runsheet(Path(path), mapping=mapping, header_row=header_row)


# -- preview and plan (in memory) -------------------------------------------------------------
def with_header_row(table: SheetTable, header_row: int) -> SheetTable:
    """``table`` read with another header row, from the rows already read (no file read:
    the dialog's header spin box stays on the UI thread)."""
    if not 0 <= header_row < len(table.rows):
        raise RunSheetImportError(
            "{0}: there is no row {1} to use as header", table.path, header_row + 1
        )
    return SheetTable(table.path, table.rows, header_row, detect_mapping(table.rows[header_row]))


def build(table: SheetTable) -> RunSheetImport:
    """The run sheet ``table`` makes with its current mapping."""
    return build_runsheet(table)


def preview(result: RunSheetImport) -> dict:
    """Each segment the file makes with its planned clock start, and the warnings: what
    ``runsheet preview`` prints and the dialog's preview shows."""
    return preview_dict(result)


def plan(session: ShowSession, result: RunSheetImport) -> ImportPlan:
    """The show importing ``result`` makes of the session's, and its change list: what the
    file has no column for is kept; during the show what has run and the segment on air
    stay put. RunSheetImportError when the sheet's times overlap."""
    return plan_import(session.show, result, session.engine)


# -- applying --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Applied:
    plan: ImportPlan
    action: Action | None  # None for a dry run


def apply_import(
    session: ShowSession, result: RunSheetImport, *, dry_run: bool = False
) -> Applied:
    """Import ``result`` into the session's show as one journaled ``runsheet.replace``
    (undoable; segment ids kept). Planned again on the show as it is now: another process,
    or the show itself, may have moved on since the preview. Raises RunSheetImportError,
    EditRefused (the live rule) or ShowFileError (read-only, disk), and then changes nothing."""
    if not session.readonly:
        session.refresh()
    planned = plan(session, result)
    if dry_run:
        return Applied(planned, None)
    edit = replace_all(session.show, planned.show)
    action = commit_edit(session, edit, extra={"source": result.path.name})
    return Applied(planned, action)


def commit(
    session: ShowSession, edit: Edit, *, extra: dict | None = None, since: int | None = None
) -> Action:
    """Make ``edit`` on the session's show, journaled before the show changes; raises
    EditRefused or ShowFileError and then writes nothing. With ``since`` (the journal
    position the edit was decided on), RunSheetMoved if another writer changed the run
    sheet after it (see io/runsheet_store.commit_edit)."""
    return commit_edit(session, edit, extra=extra, since=since)


class RunSheetHistory:
    """The run sheet's undo and redo: a fold over the journal (core/undo_history.py), so
    they survive a restart and include another process's edits. ``feed`` it every action
    the session announces."""

    def __init__(self, session: ShowSession) -> None:
        self.session = session
        self._history = UndoHistory(
            lambda a: a.type in RUNSHEET_EDIT_TYPES,
            session.file.actions(types=tuple(RUNSHEET_EDIT_TYPES)),
        )

    def feed(self, action: Action) -> None:
        self._history.feed(action)

    def can_undo(self) -> bool:
        return self._history.can_undo()

    def can_redo(self) -> bool:
        return self._history.can_redo()

    def undo(self) -> bool:
        """Undo the latest run sheet change still in force (a grouped step as one); False
        when there is nothing to undo. EditRefused or ShowFileError when the run sheet
        moved on (the live rule, another process) or the file cannot be written."""
        step = self._history.undo_step()
        if not step:
            return False
        group = new_group() if len(step) > 1 else None
        for action in step:
            extra = {LEGACY_UNDO: True, UNDOES: action.seq, **({GROUP: group} if group else {})}
            commit_edit(self.session, inverse(Edit.from_payload(action.payload)), extra=extra)
        return True

    def redo(self) -> bool:
        """Make again what the latest undo undid; False when there is nothing to redo."""
        step = self._history.redo_step()
        if not step:
            return False
        group = new_group() if len(step) > 1 else None
        for action in step:
            extra = {REDOES: action.seq, **({GROUP: group} if group else {})}
            commit_edit(self.session, Edit.from_payload(action.payload), extra=extra)
        return True


# -- export -----------------------------------------------------------------------------------
def export(show: Show, path: str | os.PathLike, *, language: str | None = None) -> Path:
    """Write the run sheet to ``path`` (.xlsx or .csv, replaced whole or not at all),
    headers in ``language`` (the show's when None); RunSheetExportError in one line."""
    return export_runsheet(show, Path(path), language=language)


# -- a new show ------------------------------------------------------------------------------
def show_from_sheet(path: str | os.PathLike, base: Show | None = None) -> Show:
    """A new show made from a producer's run sheet (``new --runsheet``, the console's New
    from Spreadsheet): ``base``'s header (the default show's when None: organisers,
    thresholds...), the sheet's segments, start, end and title line. A file read."""
    return new_show(base if base is not None else default_show(), read_sheet(path))


# -- the link to a producer's file ------------------------------------------------------------
def linked_path(actions: Iterable[Action]) -> Path | None:
    """The file the run sheet is linked to after ``actions`` (None: not linked)."""
    path = None
    for action in actions:
        if action.type == RUNSHEET_LINK:
            path = Path(action.payload["path"])
        elif action.type == RUNSHEET_UNLINK:
            path = None
    return path


def linked_path_of(session: ShowSession) -> Path | None:
    """The file the session's run sheet is linked to, from its journal."""
    return linked_path(session.file.actions(types=(RUNSHEET_LINK, RUNSHEET_UNLINK)))


def link(session: ShowSession, path: str | os.PathLike) -> Path:
    """Link the run sheet to ``path`` (journaled: the link travels with the show file)."""
    target = Path(path).resolve()
    session.record(Action(RUNSHEET_LINK, session.now_us(), {"path": str(target)}))
    return target


def unlink(session: ShowSession, path: str | os.PathLike) -> None:
    session.record(Action(RUNSHEET_UNLINK, session.now_us(), {"path": str(path)}))
