"""Files brought to an open show from outside: what kind a dropped spreadsheet is, and the
guarded reading every untrusted spreadsheet goes through (size-bounded, parsed in a
limited child process; see io/safe_read.py). Surfaces ask here, never io directly."""

from __future__ import annotations

from moderator_app.io.safe_read import cancel_scope
from moderator_app.io.spreadsheet_kind import QUESTIONS, RUNSHEET, detect

__all__ = ["QUESTIONS", "RUNSHEET", "cancel_scope", "detect"]
