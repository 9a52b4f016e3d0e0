"""Says loudly what the console does when the machine misbehaves mid-show.

A show file that stops accepting writes (disk full, file made read-only) turns the banner
red until the kept actions are written; closing with actions still unwritten asks first
(keeping the console open is the default) and can keep them in a rescue file, which the
next opening of the show offers to write back. A system clock step is announced, and the
timer carries on unaffected (see MonotonicGuardClock).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from moderator_app.app.show import (
    FULL,
    READONLY,
    Rescue,
    ShowFileError,
    ShowSession,
    discard_rescue,
    find_rescue,
    replay_rescue,
)
from moderator_app.core.actions import CLOCK_JUMP, Action
from moderator_app.ui.refusals import refusal_text

if TYPE_CHECKING:
    from moderator_app.ui.main_window import MainWindow


def write_problem_text(error: str, pending: int, kind: str | None = None, name: str = "") -> str:
    """The banner: what happened, that timing goes on, and what to do, in one line."""
    if kind == FULL:
        what = QCoreApplication.translate("Reliability", "the disk holding {0} is full").format(
            name
        )
        todo = QCoreApplication.translate("Reliability", "Free some space on it")
    elif kind == READONLY:
        what = QCoreApplication.translate(
            "Reliability", "{0} cannot be written (read-only file, folder or disk)"
        ).format(name)
        todo = QCoreApplication.translate("Reliability", "Make it writable")
    else:
        what = error
        todo = QCoreApplication.translate("Reliability", "Fix the problem")
    return QCoreApplication.translate(
        "Reliability",
        "NOT SAVED: {0} -- {1} action(s) kept in memory, timing goes on. {2}; the console "
        "keeps retrying and writes them in order.",
    ).format(what, pending, todo)


def clock_jump_text(delta_s: float) -> str:
    return QCoreApplication.translate(
        "Reliability",
        "The computer's clock was corrected by {0:+.1f} s; the timer was not affected.",
    ).format(delta_s)


def attach(window: MainWindow) -> None:
    session = window.session
    if not session.readonly:
        # This window says NOT SAVED and asks before closing: it may keep actions in memory.
        session.keep_unsaved = True

    def on_write(error: str | None) -> None:
        if error is None:
            window.show_banner("")
            window.show_status(
                QCoreApplication.translate(
                    "Reliability", "All actions are saved to the show file again."
                )
            )
        else:
            window.show_banner(
                write_problem_text(
                    _said(session, error), len(session.pending), session.write_kind,
                    session.path.name,
                )
            )

    def on_action(action: Action) -> None:
        if action.seq is None and session.write_error:
            on_write(session.write_error)  # keep the count of waiting actions honest
        if action.type == CLOCK_JUMP:
            window.show_status(clock_jump_text(float(action.payload.get("delta_s", 0))))

    session.subscribe_writes(on_write)
    session.subscribe(on_action)
    window.close_checks.append(lambda: confirm_close(window))
    if session.readonly:
        return
    if session.write_error:
        on_write(session.write_error)  # opened on a file that refuses writes: say so now
    try:
        rescue = find_rescue(session.path)
    except ShowFileError as exc:
        window.show_error(refusal_text(exc))
        return
    if rescue is not None:
        QTimer.singleShot(0, lambda: offer_replay(window, rescue))


def _said(session: ShowSession, error: str | None) -> str:
    """The session's write problem in the console's language (``error`` is its English)."""
    problem = session.write_refusal
    if problem is not None and str(problem) == error:
        return refusal_text(problem)
    return error or ""


# -- closing with actions not written ------------------------------------------------------
def confirm_close(window: MainWindow) -> bool:
    """True when the window may close; asks first while actions are not in the file."""
    session = window.session
    if session.readonly or not session.pending:
        return True
    if session.flush_pending():
        return True  # the file took them at the last moment
    box = QMessageBox(window)
    box.setObjectName("UnsavedOnClose")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Reliability", "Actions not saved"))
    keep = _button(box, "keep_open", QMessageBox.ButtonRole.RejectRole,
                   QCoreApplication.translate("Reliability", "Keep the console open"))
    retry = _button(box, "retry", QMessageBox.ButtonRole.ActionRole,
                    QCoreApplication.translate("Reliability", "Try again"))
    rescue = _button(box, "rescue", QMessageBox.ButtonRole.AcceptRole,
                     QCoreApplication.translate("Reliability",
                                                "Close and keep them in a rescue file"))
    box.setDefaultButton(keep)  # Enter must never lose anything
    box.setEscapeButton(keep)
    while True:
        box.setText(
            QCoreApplication.translate(
                "Reliability", "{0} action(s) are NOT SAVED in {1}: {2}"
            ).format(len(session.pending), session.path.name, _said(session, session.write_error))
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "Reliability",
                "Keep the console open and fix the problem (it keeps retrying), or close and "
                "keep them in a rescue file: opening this show again offers to write them in.",
            )
        )
        box.exec()
        clicked = box.clickedButton()
        if clicked is retry:
            if session.flush_pending():
                return True
            continue
        if clicked is not rescue:
            return False
        try:
            where = session.rescue_pending()
        except ShowFileError as exc:
            _critical(
                window, QCoreApplication.translate("Reliability", "Actions not saved"), refusal_text(exc)
            )
            return False
        QMessageBox.information(
            window,
            QCoreApplication.translate("Reliability", "Actions kept"),
            QCoreApplication.translate(
                "Reliability",
                "The unsaved actions were kept in {0}. Open this show again to write them in.",
            ).format(where),
        )
        return True


def _critical(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


# -- offering a rescue file back -------------------------------------------------------------
def offer_replay(window: MainWindow, rescue: Rescue) -> bool:
    """Ask whether to write a rescue file's actions into the show; True if written."""
    session: ShowSession = window.session
    box = QMessageBox(window)
    box.setObjectName("ReplayUnsaved")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Reliability", "Unsaved actions found"))
    box.setText(
        QCoreApplication.translate(
            "Reliability",
            "{0} action(s) of this show could not be saved on {1} ({2}). They were kept in {3}.",
        ).format(len(rescue.actions), rescue.written_at, rescue.reason, rescue.path)
    )
    question = QCoreApplication.translate(
        "Reliability", "Write them into the show now, in order, with their original times?"
    )
    since = session.last_seq - rescue.after_seq
    if since > 0:  # e.g. the command line moved the show on meanwhile
        question = (
            QCoreApplication.translate(
                "Reliability", "{0} other action(s) were saved since; these would follow them."
            ).format(since)
            + " "
            + question
        )
    box.setInformativeText(question)
    write = _button(box, "replay", QMessageBox.ButtonRole.AcceptRole,
                    QCoreApplication.translate("Reliability", "Write them into the show"))
    later = _button(box, "later", QMessageBox.ButtonRole.RejectRole,
                    QCoreApplication.translate("Reliability", "Later"))
    drop = _button(box, "discard", QMessageBox.ButtonRole.DestructiveRole,
                   QCoreApplication.translate("Reliability", "Discard them"))
    box.setDefaultButton(write)
    box.setEscapeButton(later)  # keeps the file: asked again next time
    box.exec()
    clicked = box.clickedButton()
    try:
        if clicked is write:
            stored = replay_rescue(session.path, rescue, session)
            window.show_status(
                QCoreApplication.translate(
                    "Reliability", "{0} unsaved action(s) written into the show."
                ).format(len(stored))
            )
            return True
        if clicked is drop:
            discard_rescue(rescue)
    except ShowFileError as exc:
        window.show_error(refusal_text(exc))
    return False


def _button(box: QMessageBox, name: str, role: QMessageBox.ButtonRole, text: str):
    """A named button (the fault harness answers dialogs by these names)."""
    button = box.addButton(text, role)
    button.setObjectName(name)
    return button
