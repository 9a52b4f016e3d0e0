"""Details of the interface language (issue 12 item 14): nothing English left in the run
sheet's kind icons, its French headers fit their columns, exports are named in French."""

from __future__ import annotations

from pathlib import Path

from moderator_app.core.runsheet import SegmentKind
from moderator_app.io.session import ShowSession
from moderator_app.ui.i18n import current_language, install_language
from moderator_app.ui.report_view import ReportView
from moderator_app.ui.runsheet_editor import RunSheetEditor
from moderator_app.ui.runsheet_icons import KIND_STYLE


def test_kind_icons_carry_no_letter_of_any_language() -> None:
    glyphs = [glyph for _colour, glyph in KIND_STYLE.values()]
    assert set(KIND_STYLE) == set(SegmentKind)
    assert not [g for g in glyphs if any(c.isalpha() for c in g)], glyphs
    assert len(set(glyphs)) == len(glyphs)  # each kind tells itself apart


def _headers_fit(editor: RunSheetEditor) -> list[str]:
    header = editor.view.horizontalHeader()
    model = editor.model
    return [
        f"{model.headerData(c, header.orientation())}: {editor.view.columnWidth(c)} px "
        f"< {header.sectionSizeHint(c)} px"
        for c in range(model.columnCount() - 1)  # the last column stretches
        if editor.view.columnWidth(c) < header.sectionSizeHint(c)
    ]


def test_run_sheet_headers_fit_their_columns_in_french(qtbot, session: ShowSession) -> None:
    previous = current_language()
    try:
        install_language("fr")
        editor = RunSheetEditor(session)
        qtbot.addWidget(editor)
        assert not _headers_fit(editor)
        install_language("en")  # and after a switch at run time
        install_language("fr")
        qtbot.wait(1)
        assert not _headers_fit(editor)
    finally:
        install_language(previous)


def test_the_suggested_report_file_follows_the_interface_language(
    qtbot, session: ShowSession
) -> None:
    previous = current_language()
    try:
        view = ReportView(session)
        qtbot.addWidget(view)
        install_language("en")
        assert Path(view._suggested("xlsx")).name == f"{session.path.stem}-run1-report.xlsx"
        install_language("fr")
        assert Path(view._suggested("xlsx")).name == f"{session.path.stem}-passage1-rapport.xlsx"
        assert Path(view._suggested("png")).name == f"{session.path.stem}-passage1-rapport.png"
    finally:
        install_language(previous)


def test_report_and_run_sheet_pages_follow_a_switch_at_run_time(
    qtbot, session: ShowSession
) -> None:
    """The pages of this feature on their own (the whole window is
    test_runtime_language's): every text, table header, plot label and toolbar tooltip."""
    from PySide6.QtWidgets import QWidget

    from tests.ui.test_runtime_language import english_sources, visible_texts

    previous = current_language()
    install_language("en")
    try:
        view = ReportView(session)
        editor = RunSheetEditor(session)
        for page in (view, editor):
            qtbot.addWidget(page)
            page.show()
        install_language("fr")
        qtbot.wait(1)
        english = english_sources()
        left = set()
        for page in (view, editor):
            for widget in [page, *page.findChildren(QWidget)]:
                left |= {t for t in visible_texts(widget) if t.replace("&", "").strip() in english}
        for plot in (view.timeline, view.curve):
            item = plot.plot.getPlotItem()
            texts = [item.getAxis(n).labelText for n in ("left", "bottom")]
            if item.legend is not None:
                texts += [label.text for _sample, label in item.legend.items]
            left |= {t for t in texts if t in english}
        for action in editor.actions_by_name.values():
            left |= {t for t in (action.text(), action.toolTip().split(" (")[0]) if t in english}
        assert not left, sorted(left)
    finally:
        install_language(previous)
