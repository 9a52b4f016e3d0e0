"""A refused run sheet edit reads in the console's language.

Typed like a producer: an unreadable duration and a cue that cannot be read or cannot fit
in the Run sheet tab's cells, a bad default cue in the show's properties. In English the
console shows today's sentences, which are also what the command line says.
"""

from __future__ import annotations

import pytest

from moderator_app.io.session import ShowSession
from moderator_app.ui.runsheet_editor import RunSheetEditor
from moderator_app.ui.runsheet_model import COL_CUES, COL_DURATION, COL_START
from tests.ui.test_runsheet_editor import _journal, _type_into

EXPECTED_FR = (
    "attendu des minutes (5), m:ss (5:00), h:mm:ss (0:05:00) ou des unités comme "
    "5 min, 1h05, 1 h 5 min, 90s"
)
EXPECTED_EN = (
    "expected minutes (5), m:ss (5:00), h:mm:ss (0:05:00) or units such as "
    "5 min, 1h05, 1 h 5 min, 90s"
)
UNREADABLE_DURATION = {
    "fr": f"La durée : Impossible de lire 'abc' comme une durée : {EXPECTED_FR}",
    "en": f"The duration: Cannot read 'abc' as a duration: {EXPECTED_EN}",
}
UNREADABLE_CUE = {
    "fr": "Impossible de lire le message automatique 'soon' : écrivez une durée puis le "
    "texte, par ex. « 2:00 2 minutes » ou « +0:00! Temps écoulé »",
    "en": "Cannot read the cue 'soon': write a time then the message, e.g. '2:00 2 minutes' "
    "or '+0:00! Time is up'",
}
CUE_TOO_LATE = {
    "fr": "« {0} » : Le message automatique à 9:00 dépasse la durée de la séquence (5:00) : "
    "il ne partirait jamais",
    "en": "«{0}»: The cue at 9:00 is longer than the segment (5:00): it could never fire",
}
OVERLAP = {
    "fr": "Ligne 4 ({0}) : l’heure fixe 16:20 chevauche la séquence précédente, qui finit à 16:27",
    "en": "Row 4 ({0}): hard start 16:20 overlaps the previous segment, which ends at 16:27",
}


@pytest.fixture
def editor(language, qtbot, session: ShowSession) -> RunSheetEditor:
    widget = RunSheetEditor(session)
    qtbot.addWidget(widget)
    widget.resize(1300, 520)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitActive(widget)
    return widget


def test_an_unreadable_duration(qtbot, editor, session, language) -> None:
    _type_into(qtbot, editor, 2, COL_DURATION, "abc")
    assert editor.message.text() == UNREADABLE_DURATION[language]
    assert session.show.segments[2].planned_duration_s == 720
    assert _journal(session) == []


def test_a_cue_that_cannot_be_read_or_cannot_fire(qtbot, editor, session, language) -> None:
    _type_into(qtbot, editor, 0, COL_CUES, "soon")
    assert editor.message.text() == UNREADABLE_CUE[language]
    _type_into(qtbot, editor, 0, COL_CUES, "9:00 far too early")  # the welcome lasts 5:00
    assert editor.message.text() == CUE_TOO_LATE[language].format(session.show.segments[0].title)
    assert _journal(session) == []


def test_a_hard_start_that_overlaps(qtbot, editor, session, language) -> None:
    _type_into(qtbot, editor, 3, COL_START, "16:20")
    assert editor.message.text() == OVERLAP[language].format(session.show.segments[3].title)
    assert session.show.segments[3].hard_start is None


def test_a_bad_default_cue_in_the_show_properties(qtbot, editor, session, language) -> None:
    from moderator_app.ui.runsheet_dialogs import ShowPropertiesDialog

    dialog = ShowPropertiesDialog.run(editor)
    dialog.cues.setText("soon")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error.text() == UNREADABLE_CUE[language]
    dialog.reject()
    assert session.show.cues == ()


WRAPPED = {
    # a show-wide threshold: the field's own sentence around the duration's refusal
    ("warning_s", "soon"): {
        "fr": f"Le seuil d’alerte : Impossible de lire 'soon' comme une durée : {EXPECTED_FR}",
        "en": f"The warning time: Cannot read 'soon' as a duration: {EXPECTED_EN}",
    },
    ("danger_s", ""): {
        "fr": "Le seuil de danger ne peut pas être vide",
        "en": "The danger time cannot be empty",
    },
    ("timezone", "Mars/Base"): {
        "fr": "Fuseau horaire inconnu 'Mars/Base' : attendu un nom IANA comme Europe/Paris",
        "en": "Unknown time zone 'Mars/Base': expected an IANA name such as Europe/Paris",
    },
}


@pytest.mark.parametrize("field,value", list(WRAPPED))
def test_show_values_refused_in_the_console_language(language, session, field, value) -> None:
    from moderator_app.core.runsheet_edit import EditRefused, set_show
    from moderator_app.ui.refusals import refusal_text

    with pytest.raises(EditRefused) as refused:
        set_show(session.show, field, value)
    assert refusal_text(refused.value) == WRAPPED[(field, value)][language]
    assert str(refused.value) == WRAPPED[(field, value)]["en"]  # the CLI's sentence
