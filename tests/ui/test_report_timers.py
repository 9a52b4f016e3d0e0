"""The report page marks a corrected start and each answer against its timer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from moderator_app.app import timers
from moderator_app.core.actions import Action
from moderator_app.core.actions import ActionType as A
from moderator_app.io.session import ShowSession
from moderator_app.ui.report_view import ReportView

T0 = datetime(2027, 2, 25, 15, 0, tzinfo=UTC)


def column(model, title: str) -> int:
    return next(
        c for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == title
    )  # fmt: skip


def test_corrected_start_and_answer_timer(qtbot, session: ShowSession, clock) -> None:
    clock.set(T0 + timedelta(minutes=2))
    session.perform(A.START)
    timers.started_at(session, "16:00", scope=timers.SCOPE_SHOW)
    payload = {"id": "q1", "text": "Why?", "asker": "Ana"}
    session.record(Action("question.state", session.now_us(),
                          {**payload, "from": "new", "to": "on_air", "answer_s": 120}))  # fmt: skip
    clock.advance(150)
    session.record(
        Action("question.state", session.now_us(), {**payload, "from": "on_air", "to": "answered"})
    )
    session.perform(A.NEXT)
    session.perform(A.FINISH)
    view = ReportView(session)
    qtbot.addWidget(view)
    view.show()
    segs = view.segments_model
    start = segs.index(0, column(segs, "Actual start"))
    assert segs.data(start) == "✎ 16:00:00"
    assert not segs.data(segs.index(1, column(segs, "Actual start"))).startswith("✎")
    qs = view.questions_model
    over = qs.index(0, column(qs, "vs answer timer"))
    assert qs.data(over) == "+0:30"
    assert qs.data(over, Qt.ItemDataRole.ForegroundRole).name() == "#c62828"
    assert "corrected after the fact" in view.summary.text()
