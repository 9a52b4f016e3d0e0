"""Question texts, segment titles and notes show in tooltips as they were typed.

Qt renders any tooltip that looks like markup as rich text: a question "<b>…" was bold, an
"<img src=…>" a broken image. Each tooltip is checked by what Qt would show of it.
"""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtGui import Qt as GuiQt

from moderator_app.core.questions import Question, QuestionQueue
from moderator_app.io.question_store import QuestionBook
from moderator_app.io.session import ShowSession
from moderator_app.ui.questions_import import ImportDialog
from moderator_app.ui.questions_model import COL_TEXT, QuestionTableModel
from moderator_app.ui.runsheet_model import COL_NOTES, COL_TITLE, RunSheetModel
from moderator_app.ui.timeline import TimelineStrip
from moderator_app.ui.widgets import plain_tooltip

HOSTILE = 'Coût <b>bold</b> <img src="x.png"> & <span style="color:red">rouge</span>\n2ᵉ ligne'


def shown(tooltip: str) -> str:
    """The text a user reads in ``tooltip``, decided the way QToolTip decides."""
    doc = QTextDocument()
    if GuiQt.mightBeRichText(tooltip):
        doc.setHtml(tooltip)
    else:
        doc.setPlainText(tooltip)
    return doc.toPlainText()


def test_plain_tooltip_shows_markup_literally(qapp) -> None:
    assert shown(plain_tooltip(HOSTILE)) == HOSTILE
    assert shown(plain_tooltip("a  b\r\nc")) == "a  b\nc"  # spaces and breaks kept
    assert plain_tooltip("") == ""


def test_question_table_tooltip_is_plain(qapp) -> None:
    queue = QuestionQueue()
    q = Question.new(HOSTILE, source="t")
    queue.apply(queue.plan_import([q], file="f", skipped=0).changes)
    queue.apply(queue.plan_edit(q.id, note="<i>note</i>"))
    model = QuestionTableModel(queue)
    tip = model.index(0, COL_TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert shown(tip).startswith(HOSTILE) and shown(tip).endswith("<i>note</i>")


def test_run_sheet_tooltips_are_plain(qapp, session: ShowSession) -> None:
    seg = session.show.segments[1]
    session.show.segments[1] = replace(seg, title=HOSTILE, notes="<u>notes</u> <a href=x>l</a>")
    model = RunSheetModel(session)
    assert shown(model.index(1, COL_TITLE).data(Qt.ItemDataRole.ToolTipRole)) == HOSTILE
    assert shown(model.index(1, COL_NOTES).data(Qt.ItemDataRole.ToolTipRole)) == (
        "<u>notes</u> <a href=x>l</a>")


def test_timeline_tooltip_is_plain(qtbot, session: ShowSession) -> None:
    session.show.segments[0] = replace(session.show.segments[0], title="<b>Bienvenue</b>")
    strip = TimelineStrip(session.show, session.engine)
    qtbot.addWidget(strip)
    strip.resize(600, 48)
    strip.update_snapshot(session.snapshot())
    strip.event(QHelpEvent(QEvent.Type.ToolTip, QPoint(2, 10), strip.mapToGlobal(QPoint(2, 10))))
    assert shown(strip.toolTip()).startswith("1. <b>Bienvenue</b>")


def test_import_preview_tooltip_is_plain(qtbot, session: ShowSession, tmp_path: Path) -> None:
    path = tmp_path / "slido.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["Question", "Author", "Likes"], [HOSTILE, "Ana", 3]])
    dialog = ImportDialog(QuestionBook(session))
    qtbot.addWidget(dialog)
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.source is not None, timeout=5000)
    assert shown(dialog.preview.item(0, 0).toolTip()) == HOSTILE
