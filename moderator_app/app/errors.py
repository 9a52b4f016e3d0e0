"""The refusals an operation on a show can end with, each carrying a one-line message for
the user: what a surface (console, command line, network) shows as it is, never as a
traceback. Anything else escaping an operation is a bug."""

from __future__ import annotations

from moderator_app.core.actions import ActionRefused, ClockRefused
from moderator_app.core.chat import ChatError
from moderator_app.core.clock import ClockError
from moderator_app.core.durations import DurationError
from moderator_app.core.questions import QuestionError
from moderator_app.core.runsheet import RunSheetError
from moderator_app.core.runsheet_edit import EditRefused
from moderator_app.io.question_import import ImportCancelled
from moderator_app.io.report_export import ReportExportError
from moderator_app.io.runsheet_export import RunSheetExportError
from moderator_app.io.runsheet_import import RunSheetImportError
from moderator_app.io.showfile import ShowFileError
from moderator_app.io.table_errors import FileRefused, ReadCancelled, TableError

USER_ERRORS: tuple[type[Exception], ...] = (
    ActionRefused, ChatError, ClockError, DurationError, QuestionError, RunSheetError, ImportCancelled,
    ReportExportError, RunSheetExportError, RunSheetImportError, ShowFileError, TableError,
)  # fmt: skip
CANCELLED: tuple[type[Exception], ...] = (ImportCancelled, ReadCancelled)

__all__ = [
    "CANCELLED", "USER_ERRORS", "ActionRefused", "ChatError", "ClockError", "ClockRefused",
    "DurationError", "EditRefused", "FileRefused", "ImportCancelled", "QuestionError",
    "ReadCancelled", "ReportExportError", "RunSheetError", "RunSheetExportError",
    "RunSheetImportError", "ShowFileError", "TableError",
]  # fmt: skip
