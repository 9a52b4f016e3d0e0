from __future__ import annotations

import pytest

from moderator_app.core.report_notes import NOTE_TEXT, ReportNote, render_note
from moderator_app.io.export_labels import (
    CSV_EDIT_COLUMNS,
    CSV_EVENT_COLUMNS,
    CSV_QUESTION_COLUMNS,
    CSV_SEGMENT_COLUMNS,
    CSV_SUMMARY_ITEMS,
    EDIT_COLUMNS,
    EVENT_COLUMNS,
    LABELS,
    QUESTION_COLUMNS,
    SEGMENT_COLUMNS,
    Labels,
    export_language,
)


def test_french_says_everything_english_says() -> None:
    en, fr = LABELS["en"], LABELS["fr"]
    assert set(en) - set(fr) == set()
    columns = SEGMENT_COLUMNS + QUESTION_COLUMNS + EDIT_COLUMNS + EVENT_COLUMNS
    assert {f"col.{c}" for c in columns} <= set(en)
    csv_columns = CSV_SEGMENT_COLUMNS + CSV_QUESTION_COLUMNS + CSV_EDIT_COLUMNS
    assert {f"csv.{c}" for c in csv_columns + CSV_EVENT_COLUMNS} <= set(fr)
    assert {f"csv.summary.{c}" for c in CSV_SUMMARY_ITEMS} <= set(fr)
    assert {f"note.{c}" for c in NOTE_TEXT} <= set(fr)
    for lang in ("en", "fr"):
        names = [LABELS[lang][k] for k in LABELS[lang] if k.startswith("sheet.")]
        assert all(len(n) <= 31 and not set("[]:*?/\\") & set(n) for n in names)  # Excel
        assert len(set(names)) == len(names)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("fr", "fr"), ("fr-CA", "fr"), ("French", "fr"), ("FR", "fr"), ("en", "en"),
     ("de", "en"), ("", "en"), (None, "en")],
)  # fmt: skip
def test_export_language(value: str | None, expected: str) -> None:
    assert export_language(value) == expected


def test_words_fall_back_to_the_value() -> None:
    en, fr = Labels("en"), Labels("fr-FR")
    assert fr.language == "fr"
    assert en.word("not_reached") == "not reached" and fr.word("not_reached") == "non atteinte"
    assert en.word("in_progress") == "in progress" and fr.word("in_progress") == "en cours"
    assert fr.word("some_new_state") == "some new state"
    assert en.code("add_time") == "add_time" and fr.code("add_time") == "temps ajouté"
    assert fr.code("plugin.thing") == "plugin.thing"
    assert en.csv("planned_duration_s") == "planned_duration_s"
    assert fr.csv("planned_duration_s") == "Durée prévue (s)"
    assert en.csv_item("title") == "title" and fr.csv_item("title") == "Émission"
    assert fr.csv("title") == "Titre"  # a segment's title, not the show's


def test_notes_in_both_languages_keep_untrusted_text_as_is() -> None:
    note = ReportNote("in_progress", segment="{0} =SUM(A1) «x»", time="16:05:00")
    assert note.text == str(note) == render_note(note, NOTE_TEXT)
    assert "(«{0} =SUM(A1) «x»» is on air), started at 16:05:00" in note.text
    fr = Labels("fr").note(note)
    assert fr.startswith("Ce passage est en cours (« {0} =SUM(A1) «x» » à l’antenne), commencé")
    bare = ReportNote("no_finish")
    assert Labels("fr").note(bare).startswith("Le passage n’a pas d’action de fin. La fin")
    assert Labels("en").note(bare).startswith("The run has no finish action. That")
    assert Labels("fr").note(ReportNote("undone", count=3)).startswith("3 action(s)")
    assert Labels("fr").note(ReportNote("future_code")) == "future_code"
