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
