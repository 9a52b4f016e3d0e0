"""Cues and auto-start in the run sheet editor: typed into their columns like any cell."""

from __future__ import annotations

from moderator_app.core.cues import Cue
from moderator_app.io.session import ShowSession
from moderator_app.ui.runsheet_model import COL_AUTO_START, COL_CUES, COL_START
from tests.ui.test_runsheet_editor import _journal, _type_into, editor  # noqa: F401


def test_cues_column(qtbot, editor, session: ShowSession) -> None:  # noqa: F811
    speaker = next(i for i, s in enumerate(session.show.segments) if s.kind.value == "speaker")
    assert editor.model.index(speaker, COL_CUES).data() == "2:00 2 minutes; 0:30! Merci de conclure"
    _type_into(qtbot, editor, 0, COL_CUES, "1:00 One minute; +0:00! Time is up")
    assert session.show.segments[0].cues == (Cue(60, "One minute"), Cue(0, "Time is up", True))
    assert _journal(session)[-1].payload["field"] == "cues"
    before = len(_journal(session))
    _type_into(qtbot, editor, 0, COL_CUES, "9:00 far too early")  # the welcome lasts 5:00
    assert len(_journal(session)) == before
    assert "longer than the segment" in editor.message.text()
    _type_into(qtbot, editor, 0, COL_CUES, "none")
    assert session.show.segments[0].cues == ()
    assert editor.model.index(0, COL_CUES).data() == "none"


def test_auto_start_column(qtbot, editor, session: ShowSession) -> None:  # noqa: F811
    _type_into(qtbot, editor, 2, COL_AUTO_START, "yes")
    assert not session.show.segments[2].auto_start
    assert "no hard start" in editor.message.text()
    _type_into(qtbot, editor, 2, COL_START, "16:20")
    _type_into(qtbot, editor, 2, COL_AUTO_START, "oui")
    assert session.show.segments[2].auto_start
    assert editor.model.index(2, COL_AUTO_START).data() == "yes"


def test_show_wide_cues_in_the_properties_dialog(qtbot, session: ShowSession) -> None:
    from moderator_app.ui.runsheet_dialogs import ShowPropertiesDialog
    from moderator_app.ui.runsheet_editor import RunSheetEditor

    editor_widget = RunSheetEditor(session)
    qtbot.addWidget(editor_widget)
    dialog = ShowPropertiesDialog.run(editor_widget)
    dialog.cues.setText("soon")
    dialog.accept()
    assert dialog.isVisible() and "Cannot read the cue" in dialog.error.text()
    dialog.cues.setText("1:00 One minute")
    dialog.accept()
    assert session.show.cues == (Cue(60, "One minute"),)
    assert session.show.cues_of(session.show.segments[0]) == (Cue(60, "One minute"),)
