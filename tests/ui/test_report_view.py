from __future__ import annotations

import os
import stat
from pathlib import Path

import openpyxl
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from moderator_app.core.actions import Action
from moderator_app.core.actions import ActionType as A
from moderator_app.io.session import ShowSession
from moderator_app.ui.ops import Operation
from moderator_app.ui.report_live import LivePlotsPage
from moderator_app.ui.report_view import ReportView

# Set REPORT_SHOTS=/some/dir to keep screenshots of the pages for a look.
SHOTS = os.environ.get("REPORT_SHOTS")


def shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / name))


def take_question(session: ShowSession, clock, qid: str, took: float) -> None:
    payload = {"id": qid, "text": f"=cmd|' /C calc'!{qid}", "asker": "<b>Zoé</b>"}
    session.record(
        Action(
            "question.state", session.now_us(), {**payload, "from": "shortlisted", "to": "on_air"}
        )
    )
    clock.advance(took)
    session.record(
        Action("question.state", session.now_us(), {**payload, "from": "on_air", "to": "answered"})
    )


def rehearse(session: ShowSession, clock) -> None:
    """A late start, a pause, added time, an overrun and three questions taken."""
    clock.advance(90)
    session.perform(A.START)
    clock.advance(200)
    session.perform(A.PAUSE)
    clock.advance(45)
    session.perform(A.RESUME)
    clock.advance(100)
    session.perform(A.NEXT)
    clock.advance(30)
    session.perform(A.ADD_TIME, {"seconds": 120})
    clock.advance(800)
    session.perform(A.NEXT)
    for qid, took in (("q1", 60), ("q2", 95), ("q3", 40)):
        take_question(session, clock, qid, took)
    clock.advance(400)
    session.perform(A.NEXT)
    clock.advance(500)


@pytest.fixture
def played(session: ShowSession, clock) -> ShowSession:
    rehearse(session, clock)
    session.perform(A.FINISH)
    return session


def test_report_view_shows_run(qtbot, played: ShowSession) -> None:
    view = ReportView(played)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    assert view.run_box.count() == 1
    assert view.segments_model.rowCount() == len(played.show.segments)
    assert view.questions_model.rowCount() == 3
    text = view.summary.text()
    assert "Questions: 3 answered, 0 on air" in text and "Paused 0:45" in text
    assert view.summary.textFormat() == Qt.TextFormat.PlainText
    over = view.segments_model.index(1, 7)
    assert view.segments_model.data(over) == "+3:50"  # 830 s held of 600 planned
    assert view.segments_model.data(over, Qt.ItemDataRole.ForegroundRole).name() == "#c62828"
    shot(view, "report_view.png")
    view.tabs.setCurrentWidget(view.timeline)
    shot(view, "report_timeline.png")
    view.tabs.setCurrentWidget(view.curve)
    shot(view, "report_curve.png")
    view.tabs.setCurrentIndex(3)
    shot(view, "report_questions.png")


def test_export_off_thread_and_png(qtbot, played: ShowSession, tmp_path: Path, monkeypatch) -> None:
    view = ReportView(played)
    qtbot.addWidget(view)
    target = tmp_path / "out.xlsx"
    monkeypatch.setattr(view, "ask_path", lambda *a: str(target))
    with qtbot.waitSignal(view.exported, timeout=10000) as blocker:
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [str(target)]
    ws = openpyxl.load_workbook(target)["Summary"]
    values = {r[0]: r[1] for r in ws.iter_rows(values_only=True)}
    assert values["Questions answered"] == 3
    assert "Report written" in view.status.text()
    bad = tmp_path / "nope" / "out.json"
    monkeypatch.setattr(view, "ask_path", lambda *a: str(bad))
    with qtbot.waitSignal(view.export_failed, timeout=10000) as blocker:
        view.export_report()
    assert "Cannot write" in blocker.args[0] and not bad.parent.exists()
    assert view.export_button.isEnabled()
    with qtbot.waitSignal(view.plot_exported, timeout=10000) as blocker:
        assert view.export_png(str(tmp_path / "plot.png")) is not None  # written off the UI thread
    png = blocker.args[0]
    assert Path(png).read_bytes()[:4] == b"\x89PNG" and "Plot written" in view.status.text()
    # No temp files (the show's clock record, io.clockwitness, is not one).
    assert not [
        p for p in tmp_path.iterdir() if p.name.startswith(".") and p.suffix != ".clock"
    ]
    mask = os.umask(0)
    os.umask(mask)
    for path in (target, Path(png)):  # the umask's mode, as any file the user writes
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask, path


def test_export_and_png_run_through_ops_and_fail_in_one_line(
    qtbot, played: ShowSession, tmp_path: Path, monkeypatch
) -> None:
    """Both writes go through ui/ops.py; a refusal comes back as one line, the button
    comes back, and a second click while a write is under way starts nothing."""
    view = ReportView(played)
    qtbot.addWidget(view)
    monkeypatch.setattr(view, "ask_path", lambda *a: str(tmp_path / "r.csv"))
    op = view.export_report()
    assert isinstance(op, Operation) and view.export_report() is None
    assert not view.export_button.isEnabled()
    with qtbot.waitSignal(view.exported, timeout=10000):
        pass
    assert view.export_button.isEnabled() and view.export_op is None
    bad = tmp_path / "nope" / "plot.png"
    assert isinstance(view.export_png(str(bad)), Operation)
    assert view.export_png(str(bad)) is None  # one at a time
    qtbot.waitUntil(lambda: view.png_op is None, timeout=10000)
    assert view.status.text().startswith(f"Cannot write {bad}") and "\n" not in view.status.text()
    assert not bad.parent.exists() and view.png_op is None


def test_view_closed_while_its_export_runs(qtbot, played: ShowSession, tmp_path: Path) -> None:
    """The window may close while a file is written: the result finds no page, and
    nothing raises on the UI thread."""
    view = ReportView(played)
    view.ask_path = lambda *a: str(tmp_path / "r.xlsx")
    op = view.export_report()
    png = view.export_png(str(tmp_path / "p.png"))
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(view)
    for running in (op, png):
        running.wait(10000)
    qtbot.wait(50)  # the queued results are delivered
    assert (tmp_path / "r.xlsx").exists() and (tmp_path / "p.png").exists()


def test_compare_runs_in_view(qtbot, played: ShowSession, clock) -> None:
    played.perform(A.NEW_RUN, {"label": "Live"})
    clock.advance(3600)
    played.perform(A.START)
    clock.advance(250)
    played.perform(A.NEXT)
    view = ReportView(played)
    qtbot.addWidget(view)
    assert view.run_box.count() == 2
    assert view.run_box.currentData() == 2 and "Live" in view.run_box.currentText()
    view.compare_box.setCurrentIndex(view.compare_box.findData(1))
    assert view.compare_model.rowCount() == len(played.show.segments)
    row0 = view.compare_model.rows[0]
    assert row0.a_duration_s == 250 and row0.b_duration_s == 345
    # The latest run has no finish yet: it is going on, not crashed.
    text = view.summary.text()
    assert "in progress" in text and "no finish" not in text and "unknown" not in text
    assert "(in progress)" in view.run_box.currentText()
    assert view.segments_model.data(view.segments_model.index(1, 2)) == "on air"
    view.run_box.setCurrentIndex(view.run_box.findData(1))
    assert view.report.summary.run == 1
    view.tabs.setCurrentIndex(4)
    view.resize(1200, 600)
    shot(view, "report_compare.png")


def test_run_cut_off_by_a_new_run_reads_as_stopped(qtbot, session: ShowSession, clock) -> None:
    session.perform(A.START)
    clock.advance(100)
    session.perform(A.NEW_RUN, {"label": "Live"})  # the rehearsal never finished
    view = ReportView(session)
    qtbot.addWidget(view)
    assert "(not started)" in view.run_box.currentText()
    view.run_box.setCurrentIndex(view.run_box.findData(1))
    assert "(no finish)" in view.run_box.currentText()
    text = view.summary.text()
    assert "stopped without a finish" in text and "in progress" not in text
    assert view.segments_model.data(view.segments_model.index(0, 2)) == "no end"


def test_live_plots_update_per_tick(qtbot, session: ShowSession, clock) -> None:
    page = LivePlotsPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.show()
    qtbot.waitExposed(page)
    page.on_tick(session.snapshot())
    rehearse(session, clock)
    page.on_tick(session.snapshot())
    rebuilds = page.rebuilds
    planned_item = page.timeline.planned
    widths = page.timeline._actual_w.copy()
    line = page.curve.points()
    for _ in range(5):
        clock.advance(1)
        page.on_tick(session.snapshot())
    assert page.rebuilds == rebuilds  # no action: the line is not rebuilt each second
    assert page.timeline.planned is planned_item
    assert page.timeline.now_line.isVisible()
    assert (page.timeline._actual_w != widths).sum() == 1  # only the current bar grew
    # Running within its time, the figure stays flat: the line's end moves right only.
    assert page.curve.points()[:-1] == line[:-1]
    assert page.curve.points()[-1] == (line[-1][0] + 5, line[-1][1])
    assert page.curve.points()[-1][1] == session.snapshot().over_under_s
    shot(page, "live_plots.png")


def test_live_plots_skip_hidden_ticks_and_catch_up(qtbot, session: ShowSession, clock) -> None:
    page = LivePlotsPage(session)
    qtbot.addWidget(page)
    session.perform(A.START)
    for _ in range(3):
        clock.advance(1)
        page.on_tick(session.snapshot())
    assert (page.updates, page.skipped, page.curve.count) == (0, 3, 0)
    clock.advance(400)  # into overtime while nobody looks
    session.perform(A.NEXT)
    page.on_tick(session.snapshot())
    page.show()
    qtbot.waitExposed(page)
    assert page.updates == 1
    assert page.curve.points() == [(0, 0), (300, 0), (403, 103)]  # start, overtime, next


def test_over_under_shading_early_green_late_red(qtbot, session: ShowSession, clock) -> None:
    page = LivePlotsPage(session)
    qtbot.addWidget(page)
    page.show()
    clock.advance(-60)
    session.perform(A.START)  # a minute early
    clock.advance(400)  # 100 s into overtime: 40 s late now
    page.on_tick(session.snapshot())
    curve = page.curve
    assert curve.points() == [(-60, -60), (240, -60), (300, 0), (340, 40)]
    late = curve.late_fill.getData()[1]
    early = curve.early_fill.getData()[1]
    assert min(late) == 0 and max(late) == 40 / 60
    assert max(early) == 0 and min(early) == -1
    red, green = (pg.mkBrush(c.opts["fillBrush"]).color() for c in (curve.late_fill,
                                                                     curve.early_fill))
    assert red.red() > 150 > red.green()
    assert green.green() > 100 > green.red()


def test_pages_built_when_first_shown(qtbot, window, clock) -> None:
    titles = [window.pages.tabText(i) for i in range(window.pages.count())]
    assert "Timeline" in titles and "Report" in titles
    feature = window.report_feature
    assert not feature.live_tab.is_built and not feature.view_tab.is_built
    qtbot.keyClick(window, Qt.Key.Key_Space)  # start the show with the real key
    clock.advance(2)
    window.ticker.fire()
    assert not feature.live_tab.is_built  # ticks cost nothing until the page is opened
    window.pages.setCurrentWidget(feature.live_tab)
    assert feature.live_tab.is_built and feature.live.isVisible()
    before = feature.live.updates
    assert before >= 1  # caught up from the last snapshot when shown
    clock.advance(1)
    window.ticker.fire()
    assert feature.live.updates > before
    window.pages.setCurrentIndex(0)
    skipped = feature.live.skipped
    clock.advance(1)
    window.ticker.fire()
    assert feature.live.skipped == skipped + 1
    assert window.session.engine.state.status == "running"
    texts = [a.text() for a in window.menu("report").actions()]
    assert "Export report…" in texts and "Export plot as PNG…" in texts
    window.pages.setCurrentWidget(feature.live_tab)
    window.resize(1280, 900)
    shot(window, "window_timeline.png")
    window.pages.setCurrentWidget(feature.view_tab)
    assert feature.view_tab.is_built
    assert "in progress" in feature.view.summary.text()


def test_rehearsal_with_real_keys_xlsx_agrees_with_cli_json(
    qtbot, window, clock, tmp_path, capsys
) -> None:
    """The issue's 'done when': keys, pause, added time, overrun, three questions."""
    from moderator_app.cli import main

    session = window.session
    key = lambda k: qtbot.keyClick(window, k)  # noqa: E731
    clock.advance(60)
    key(Qt.Key.Key_Space)  # start, a minute late
    clock.advance(100)
    key(Qt.Key.Key_Space)  # pause
    clock.advance(30)
    key(Qt.Key.Key_Space)  # resume
    key(Qt.Key.Key_Plus)  # +1 min
    clock.advance(500)  # overrun of Bienvenue: 300 + 60 planned, 630 held
    key(Qt.Key.Key_Right)
    for qid, took in (("q1", 50), ("q2", 70), ("q3", 30)):
        take_question(session, clock, qid, took)
    clock.advance(300)
    qtbot.mouseClick(window.buttons["finish"], Qt.MouseButton.LeftButton)
    window.findChild(QMessageBox, "FinishPrompt").button(QMessageBox.StandardButton.Ok).click()
    assert session.engine.state.status == "finished"
    view = window.report_feature.view
    view.refresh()
    s = view.report.summary
    assert (s.pauses, s.paused_s, s.added_s, s.questions_answered) == (1, 30, 60, 3)
    assert s.longest_overrun.title == "Bienvenue" and s.longest_overrun.seconds == 330
    target = tmp_path / "rehearsal.xlsx"
    monkey = view.ask_path
    view.ask_path = lambda *a: str(target)
    with qtbot.waitSignal(view.exported, timeout=10000):
        view.export_report()
    view.ask_path = monkey
    assert main(["report", str(session.path), "--json"]) == 0
    data = __import__("json").loads(capsys.readouterr().out)
    wb = openpyxl.load_workbook(target)
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(values_only=True)}
    assert summary["Final over/under (s)"] == data["summary"]["final_over_under_s"]
    assert summary["Questions answered"] == data["summary"]["questions_answered"] == 3
    assert summary["Longest overrun"] == data["summary"]["longest_overrun"]["title"]
    seg_rows = list(wb["Segments"].iter_rows(min_row=2, values_only=True))
    assert [r[12] for r in seg_rows[:2]] == [g["over_under_s"] for g in data["segments"][:2]]
    assert len(list(wb["Questions"].iter_rows(min_row=2))) == len(data["questions"]) == 3


def test_report_view_counts_the_show_questions(qtbot, session: ShowSession, clock) -> None:
    from moderator_app.io.question_import import extract, load_source
    from moderator_app.io.question_store import QuestionBook
    from moderator_app.resources import resource

    book = QuestionBook(session)
    source = load_source(resource("sample_questions_zoom_fr.csv"))
    book.import_result(extract(source, tz=session.show.tz), "new")  # only live answers
    session.perform(A.START)
    for q in book.queue.ordered()[:2]:
        book.set_state(q.id, "shortlisted")
    for _ in range(2):
        clock.advance(30)
        book.take_next()
    book.answered()
    view = ReportView(session)
    qtbot.addWidget(view)
    view.refresh()
    assert (view.report.summary.questions_answered, view.report.summary.questions_total) == (2, 25)
    assert (
        "Questions: 2 answered, 0 on air, 0 shortlisted, 0 dismissed, 23 not reached; "
        "25 in the show, 0 duplicate(s) merged." in view.summary.text()
    )
    # The table lists every question of the show, as the exports do.
    model = view.questions_model
    assert model.rowCount() == 25
    column = {model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole): c
              for c in range(model.columnCount())}  # fmt: skip
    states = [model.index(r, column["State"]).data() for r in range(25)]
    assert states == ["answered"] * 2 + ["not reached"] * 23
    assert model.index(24, column["On air"]).data() == ""  # never taken: blank, not unknown
    assert model.index(0, column["Took"]).data() == "0:30"
