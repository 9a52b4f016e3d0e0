"""The question queue in the console: model, proxy, page keys, on-air panel, import."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QLabel

from moderator_app.core.actions import ActionType
from moderator_app.core.questions import QState, Question, QuestionQueue
from moderator_app.io.question_import import preview_file
from moderator_app.io.question_store import QuestionBook
from moderator_app.io.session import ShowSession
from moderator_app.ui.questions_dialogs import DuplicatesDialog, QuestionDialog
from moderator_app.ui.questions_import import ImportDialog, SourceWatcher
from moderator_app.ui.questions_model import (
    COL_STAR,
    COL_STATE,
    COL_TEXT,
    FETCH_CHUNK,
    QuestionFilterProxy,
    QuestionRole,
    QuestionTableModel,
)
from moderator_app.ui.questions_page import QuestionsPage

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "questions"
RICH = "<b>Bold?</b> <a href='x'>lien</a> = 1+1 ; fin"


def fill(book: QuestionBook, name: str = "zoom_qa_utf8bom.csv") -> None:
    # Every question starts new (the page tests move them from there), even the two the
    # Zoom report marks answered.
    book.import_result(preview_file(FIX / name, tz=book.session.show.tz), answered_as="new")


@pytest.fixture
def page(qtbot, session: ShowSession) -> QuestionsPage:
    widget = QuestionsPage(session)
    fill(widget.book)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def select_row(page: QuestionsPage, row: int) -> None:
    page.table.setFocus()
    page.table.selectRow(row)


def test_model_emits_data_changed_for_changed_cells_only(qtbot) -> None:
    queue = QuestionQueue()
    queue.apply(queue.plan_import([Question.new(f"Question {i}?", source="t") for i in range(3)],
                                  file="f", skipped=0).changes)
    model = QuestionTableModel(queue)
    seen = []
    model.dataChanged.connect(lambda a, b, roles=(): seen.append((a.row(), a.column(),
                                                                  b.column())))
    q = queue.ordered()[1]
    changes = queue.plan_edit(q.id, starred=True)
    model.questions_changed(queue.apply(changes))
    assert seen == [(1, COL_STAR, COL_STAR)]
    assert model.index(1, COL_TEXT).data(QuestionRole).starred


def test_proxy_filters_lazily_and_maps_drops(qtbot) -> None:
    queue = QuestionQueue()
    items = [Question.new(f"Question numéro {i} sur la métropole", source="t")
             for i in range(FETCH_CHUNK * 2 + 5)]
    items.append(Question.new("Coopération décentralisée ?", source="t"))
    queue.apply(queue.plan_import(items, file="f", skipped=0).changes)
    proxy = QuestionFilterProxy()
    proxy.setSourceModel(QuestionTableModel(queue))
    assert proxy.rowCount() == FETCH_CHUNK and proxy.total_rows() == len(items)
    assert proxy.canFetchMore(QModelIndex())
    proxy.fetch_all()
    assert proxy.rowCount() == len(items)
    for typed in ("c", "co", "coo", "coop", "COOPERATION"):
        proxy.set_search(typed)
    assert proxy.total_rows() == 1
    assert proxy.index(0, COL_TEXT).data() == "Coopération décentralisée ?"
    proxy.set_search("")
    proxy.set_states({"shortlisted"})
    assert proxy.total_rows() == 0
    proxy.set_states(None)
    got = []
    proxy.moveRequested.connect(lambda ids, before: got.append((ids, before)))
    data = proxy.mimeData([proxy.index(3, 0)])
    assert not proxy.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert got == [([items[3].id], items[0].id)]


def test_keys_act_on_table_but_never_in_search_box(qtbot, page: QuestionsPage) -> None:
    first = page.proxy.question_at(0)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "sd")
    assert page.book.queue.get(first.id).state is QState.NEW
    assert page.search.text() == "sd"
    page.search.clear()
    select_row(page, 0)
    qtbot.keyClick(page.table, Qt.Key.Key_S)
    assert page.book.queue.get(first.id).state is QState.SHORTLISTED
    assert page.proxy.index(0, COL_STATE).data() == "Shortlisted"
    qtbot.keyClick(page.table, Qt.Key.Key_F)
    assert page.book.queue.get(first.id).starred
    qtbot.keyClick(page.table, Qt.Key.Key_D)
    assert page.book.queue.get(first.id).state is QState.DISMISSED
    qtbot.keyClick(page.table, Qt.Key.Key_D)
    assert page.book.queue.get(first.id).state is QState.NEW
    assert page.state_buttons["new"].text().endswith("5")


def test_keyboard_reordering_keeps_selection(qtbot, page: QuestionsPage) -> None:
    ids = [q.id for q in page.book.queue.ordered()]
    select_row(page, 2)
    qtbot.keyClick(page.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(10)
    assert [q.id for q in page.book.queue.ordered()][:3] == [ids[0], ids[2], ids[1]]
    assert page.selected_ids() == [ids[2]]
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(10)
    assert [q.id for q in page.book.queue.ordered()][:4] == [ids[0], ids[1], ids[3], ids[2]]
    moves = [a for a in page.session.file.actions() if a.type == "question.moved"]
    assert len(moves) == 3


def test_take_live_during_qa(qtbot, page: QuestionsPage, clock) -> None:
    book = page.book
    book.add(Question.new(RICH, asker="<i>Chat</i>", organisation="Lyon"))
    rich = book.queue.ordered()[-1]
    book.set_state(rich.id, "shortlisted")
    second = book.queue.ordered()[0]
    book.set_state(second.id, "shortlisted")
    page.session.perform(ActionType.START, {"index": 5})
    qtbot.mouseClick(page.onair.take_button, Qt.MouseButton.LeftButton)
    assert book.queue.on_air().id == second.id
    clock.advance(120)
    qtbot.mouseClick(page.onair.take_button, Qt.MouseButton.LeftButton)
    label: QLabel = page.onair.question
    assert label.text() == RICH and label.textFormat() == Qt.TextFormat.PlainText
    assert page.onair.asker.text() == "<i>Chat</i> — Lyon"
    assert page.onair.asker.textFormat() == Qt.TextFormat.PlainText
    page.onair.update_snapshot(page.session.snapshot())
    assert "about 11 more question" in page.onair.estimate.text()  # 1380 s // 120 s
    qtbot.mouseClick(page.onair.answered_button, Qt.MouseButton.LeftButton)
    assert book.queue.on_air() is None
    assert not page.onair.take_button.isEnabled()
    page.grab().save("/tmp/questions_page.png")


def test_search_box_filters_and_counts(qtbot, page: QuestionsPage) -> None:
    qtbot.keyClicks(page.search, "villes moyennes")
    assert page.proxy.total_rows() == 2
    qtbot.mouseClick(page.state_buttons["dismissed"], Qt.MouseButton.LeftButton)
    assert page.proxy.total_rows() == 0
    assert "0 shown of 5" in page.counts.text()


def test_edit_and_duplicates_dialogs(qtbot, session: ShowSession, clock) -> None:
    book = QuestionBook(session)
    fill(book)
    q = book.queue.ordered()[2]
    dialog = QuestionDialog(session.show, q)
    qtbot.addWidget(dialog)
    assert dialog.values()["text"] == q.text  # \r\n, <, = and ; kept byte for byte
    dialog.segment.setCurrentIndex(dialog.segment.findData("europe"))
    dialog.tags.setText("budget, Europe")
    dialog.note.setText("après l'intervention de l'Europe")
    book.edit(q.id, **dialog.values())
    edited = book.queue.get(q.id)
    assert edited.tags == ("budget", "Europe") and edited.speaker == "À confirmer"
    assert edited.text == q.text
    empty = QuestionDialog(session.show)
    qtbot.addWidget(empty)
    empty.accept()
    assert empty.result() == 0 and "needs some text" in empty.error.text()
    dup = DuplicatesDialog(book.queue)
    qtbot.addWidget(dup)
    assert dup.list.count() == 1
    for keep, other in dup.chosen():
        book.merge(keep, other)
    assert book.queue.counts()["dismissed"] == 1


def test_import_dialog_detects_previews_and_imports(qtbot, session: ShowSession) -> None:
    book = QuestionBook(session)
    dialog = ImportDialog(book)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(FIX / "google_forms_fr_cp1252.csv")
    qtbot.waitUntil(lambda: dialog.source is not None, timeout=5000)
    assert dialog.profile.currentData() == "google_forms"
    assert dialog.header_row.value() == 1
    assert dialog.preview.rowCount() == 4
    assert dialog.preview.item(1, 0).text() == "Faut-il un élu dédié ; ou une direction ?"
    assert "rows without question text" in dialog.warnings.text()
    assert dialog.columns["text"].currentIndex() == 5
    dialog.dates.setCurrentIndex(2)  # month first: 12/02 becomes 2 December
    assert dialog.preview.item(0, 3).text().startswith("02/12/2021")
    dialog.dates.setCurrentIndex(0)
    dialog.grab().save("/tmp/questions_import.png")
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(book.queue) == 4
    assert "4 added, 0 already in the queue, 1 skipped" in dialog.warnings.text()


def test_import_dialog_bad_file_and_mapping_edit(qtbot, session: ShowSession) -> None:
    book = QuestionBook(session)
    dialog = ImportDialog(book)
    qtbot.addWidget(dialog)
    dialog.load(FIX / "bad_truncated.xlsx")
    qtbot.waitUntil(lambda: "bad_truncated.xlsx" in dialog.warnings.text(), timeout=5000)
    assert not dialog.import_button.isEnabled()
    dialog.load(FIX / "slido_export.csv")
    qtbot.waitUntil(lambda: dialog.source is not None, timeout=5000)
    dialog.columns["asker"].setCurrentIndex(0)  # "(none)": the author is left out
    assert dialog.preview.item(0, 1).text() == ""
    dialog.profile.setCurrentIndex(dialog.profile.findData("generic"))
    assert dialog.preview.rowCount() == 3
    assert len(book.queue) == 0


def test_import_dialog_header_row_past_the_table_end_takes_its_last_row(
    qtbot, session: ShowSession
) -> None:
    # The spin box goes to 100,000: a header row past the end once raised in the slot.
    dialog = ImportDialog(QuestionBook(session))
    qtbot.addWidget(dialog)
    dialog.load(FIX / "slido_export.csv")
    qtbot.waitUntil(lambda: dialog.source is not None, timeout=5000)
    last = len(dialog.source.table.rows)
    dialog.header_row.setValue(500)
    assert dialog.header_row.value() == last
    assert dialog.source.plan.header_row == last - 1


def test_import_dialog_shows_the_file_chosen_last(qtbot, session: ShowSession) -> None:
    # A workbook read in a child process, then at once a CSV: the workbook's late answer
    # must not replace the file the dialog shows.
    dialog = ImportDialog(QuestionBook(session))
    qtbot.addWidget(dialog)
    dialog.load(FIX / "microsoft_forms.xlsx")
    first = dialog.worker
    dialog.load(FIX / "slido_export.csv")
    qtbot.waitUntil(lambda: dialog.source is not None, timeout=5000)
    first.wait(10000)
    qtbot.wait(50)  # the workbook's answer, had it been heard
    assert dialog.path.text() == str(FIX / "slido_export.csv")
    assert dialog.source.path == FIX / "slido_export.csv"
    assert dialog.profile.currentData() == "slido"


def test_import_cancel_leaves_show_untouched(qtbot, session: ShowSession) -> None:
    book = QuestionBook(session)
    dialog = ImportDialog(book)
    qtbot.addWidget(dialog)
    dialog.load(FIX / "slido_export.csv")
    qtbot.waitUntil(lambda: dialog.source is not None, timeout=5000)
    dialog.start_import()
    dialog.worker.cancel()
    dialog.wait_idle()
    qtbot.wait(50)
    assert len(book.queue) in (0, 3)  # cancelled, or finished before the cancel landed
    if len(book.queue) == 0:
        assert "cancelled" in dialog.warnings.text().lower()


def test_watched_file_merges_new_questions(qtbot, session: ShowSession, tmp_path: Path) -> None:
    path = tmp_path / "slido.csv"
    lines = (FIX / "slido_export.csv").read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    book = QuestionBook(session)
    book.import_result(preview_file(path, tz=session.show.tz))
    book.link_source(path, "slido")
    watcher = SourceWatcher(book)
    assert path.resolve() in watcher.watch.paths
    with qtbot.waitSignal(watcher.merged, timeout=5000) as signal:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert signal.args[1] == 1 and len(book.queue) == 3


def test_watched_files_are_read_off_the_ui_thread_one_at_a_time(
        qtbot, session: ShowSession, tmp_path: Path, monkeypatch) -> None:
    import threading

    from moderator_app.app import questions as app_questions

    threads: list[threading.Thread] = []
    real_extract = app_questions.extract

    def spying_extract(*args, **kwargs):
        threads.append(threading.current_thread())
        return real_extract(*args, **kwargs)

    monkeypatch.setattr(app_questions, "extract", spying_extract)  # the one read path
    good = tmp_path / "slido.csv"
    shutil.copy(FIX / "slido_export.csv", good)
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    book = QuestionBook(session)
    book.link_source(good, "slido")
    book.link_source(bad)
    watcher = SourceWatcher(book)
    merged: list[tuple[str, int]] = []
    failed: list[str] = []
    watcher.merged.connect(lambda path, added: merged.append((path, added)))
    watcher.failed.connect(failed.append)
    watcher._pending.update({str(good.resolve()), str(bad.resolve())})
    with qtbot.waitSignal(watcher.idle, timeout=10000):
        watcher.merge_pending()
        assert watcher.worker is not None  # the UI thread is free while the file is read
    assert merged == [(str(good.resolve()), 3)] and len(book.queue) == 3
    assert len(failed) == 1 and "broken.xlsx" in failed[0]
    assert threads and all(t is not threading.main_thread() for t in threads)


def test_attach_adds_page_and_follows_other_process(qtbot, window, session: ShowSession,
                                                    clock) -> None:
    feature = window.questions
    titles = [window.pages.tabText(i) for i in range(window.pages.count())]
    assert "Questions" in titles
    texts = [a.text() for a in window.menu("questions").actions()]
    assert any("Import" in t for t in texts)
    other = ShowSession.open(session.path, clock=clock)
    try:
        fill(QuestionBook(other), "microsoft_forms.xlsx")
    finally:
        other.close()
    window.poll_file()
    assert feature.page.proxy.total_rows() == 3
    window.pages.setCurrentWidget(feature.page)
    window.grab().save("/tmp/questions_window.png")


def test_sample_resource_imports(session: ShowSession) -> None:
    from moderator_app.resources import resource

    sample = resource("sample_questions_zoom_fr.csv")
    shutil.copy(sample, session.path.parent / "sample.csv")
    result = preview_file(session.path.parent / "sample.csv", tz=session.show.tz)
    assert result.plan.profile == "zoom_qa" and len(result.questions) >= 20
    assert result.warnings == []


# -- answered in the source (issue 10, item 4) ---------------------------------------------
def _loaded_dialog(qtbot, book: QuestionBook, path: Path) -> ImportDialog:
    dialog = ImportDialog(book)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.source is not None, timeout=5000)
    return dialog


def _click_box(qtbot, box) -> None:
    """Click a check box as a user would: only one on screen can be clicked."""
    assert box.isVisible() and box.isEnabled(), box.objectName()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton,
                     pos=box.rect().topLeft() + QPoint(8, box.height() // 2))


def test_import_dialog_shows_answered_in_source_and_imports_them_answered(
        qtbot, session: ShowSession) -> None:
    book = QuestionBook(session)
    dialog = _loaded_dialog(qtbot, book, FIX / "zoom_qa_utf8bom.csv")
    header = [dialog.preview.horizontalHeaderItem(c).text()
              for c in range(dialog.preview.columnCount())]
    col = header.index("Answered in source")
    assert [dialog.preview.item(r, col).text() for r in range(5)] == ["✓", "✓", "", "", ""]
    assert "2 question(s) marked answered in the source: imported as answered" in (
        dialog.warnings.text())
    box = dialog.answered_as_answered
    assert box.isVisible() and box.isEnabled() and box.isChecked()  # answered by default
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert book.queue.counts()["answered"] == 2 and book.queue.counts()["new"] == 3
    assert "2 marked answered as in the source" in dialog.warnings.text()
    states = [a for a in session.file.actions() if a.type == "question.state"]
    assert [a.payload["to"] for a in states] == ["answered", "answered"]


def test_import_dialog_can_keep_answered_in_source_as_new(qtbot, session: ShowSession) -> None:
    book = QuestionBook(session)
    dialog = _loaded_dialog(qtbot, book, FIX / "zoom_qa_utf8bom.csv")
    _click_box(qtbot, dialog.answered_as_answered)
    assert not dialog.answered_as_answered.isChecked()
    assert "imported as new" in dialog.warnings.text()
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert book.queue.counts()["new"] == 5
    assert not [a for a in session.file.actions() if a.type == "question.state"]
    first = book.queue.ordered()[0]
    model = QuestionTableModel(book.queue)
    tip = model.index(0, COL_STATE).data(Qt.ItemDataRole.ToolTipRole)
    assert first.answered_in_source and "answered in the source" in tip
    assert model.index(2, COL_STATE).data(Qt.ItemDataRole.ToolTipRole) is None


# -- "Watch this file" (issue 10, item 5) --------------------------------------------------
def test_watch_box_is_visible_and_a_click_ticks_it(qtbot, session: ShowSession) -> None:
    dialog = _loaded_dialog(qtbot, QuestionBook(session), FIX / "slido_export.csv")
    box = dialog.watch
    assert box.isVisible() and box.window() is dialog and not box.isChecked()
    _click_box(qtbot, box)
    assert box.isChecked()
    _click_box(qtbot, box)
    assert not box.isChecked()


def test_ticking_watch_and_importing_merges_later_changes(
        qtbot, window, session: ShowSession, tmp_path: Path) -> None:
    feature = window.questions
    path = tmp_path / "slido.csv"
    lines = (FIX / "slido_export.csv").read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")  # header + one question
    dialog = feature.open_import(path)
    qtbot.waitUntil(lambda: dialog.source is not None, timeout=5000)
    _click_box(qtbot, dialog.watch)
    _click_box(qtbot, dialog.answered_as_answered)  # keep answered ones new, from now on too
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    [link] = feature.book.linked_sources()
    assert link.path == str(path.resolve()) and link.answered_as == "new"
    assert Path(link.path) in feature.watcher.watch.paths
    assert len(feature.book.queue) == 1
    # The export is written again with more questions: merged without the dialog.
    extra = [*lines[2:],
             '"Une question ajoutée après coup ?",Zoé,1,2021-02-25 17:01:00,,true,false']
    with qtbot.waitSignal(feature.watcher.merged, timeout=5000) as signal:
        path.write_text("\n".join(lines[:2] + extra) + "\n", encoding="utf-8")
    assert signal.args == [str(path.resolve()), 3] and len(feature.book.queue) == 4
    assert feature.book.queue.counts()["new"] == 4  # the link kept "answered as new"
