"""The change list of a run sheet import, in words: one line per segment that changes,
naming each field, for the import dialog and the linked sheet's bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from moderator_app.core.runsheet_diff import FieldChange, RunSheetDiff


def field_label(name: str) -> str:
    """A segment field as the run sheet table's column calls it."""
    labels = {
        "title": QCoreApplication.translate("RunSheetModel", "Title"),
        "planned_duration_s": QCoreApplication.translate("RunSheetModel", "Duration"),
        "kind": QCoreApplication.translate("RunSheetModel", "Kind"),
        "speaker": QCoreApplication.translate("RunSheetModel", "Speaker"),
        "organisation": QCoreApplication.translate("RunSheetModel", "Organisation"),
        "region": QCoreApplication.translate("RunSheetModel", "Region"),
        "speaker_timezone": QCoreApplication.translate("RunSheetModel", "Speaker time zone"),
        "hard_start": QCoreApplication.translate("ImportDialog", "Hard start"),
        "warning_s": QCoreApplication.translate("RunSheetModel", "Warning"),
        "danger_s": QCoreApplication.translate("RunSheetModel", "Danger"),
        "notes": QCoreApplication.translate("RunSheetModel", "Notes"),
        "cues": QCoreApplication.translate("RunSheetModel", "Cues"),
        "auto_start": QCoreApplication.translate("RunSheetModel", "Auto-start"),
    }
    return labels.get(name, name)


def show_field_label(name: str) -> str:
    """A field of the show itself, as the show properties dialog calls it."""
    labels = {
        "title": QCoreApplication.translate("ShowPropertiesDialog", "Title"),
        "organisers": QCoreApplication.translate("ShowPropertiesDialog", "Organisers"),
        "moderator": QCoreApplication.translate("ShowPropertiesDialog", "Moderator"),
        "language": QCoreApplication.translate("ShowPropertiesDialog", "Language"),
        "timezone": QCoreApplication.translate("ShowPropertiesDialog", "Time zone"),
        "planned_start": QCoreApplication.translate("ShowPropertiesDialog", "Start"),
        "planned_end": QCoreApplication.translate("ShowPropertiesDialog", "Planned end"),
        "warning_s": QCoreApplication.translate("RunSheetModel", "Warning"),
        "danger_s": QCoreApplication.translate("RunSheetModel", "Danger"),
        "cues": QCoreApplication.translate("ShowPropertiesDialog", "Automatic cues"),
    }
    return labels.get(name, name)


def _names(changes: list[FieldChange], label) -> str:
    # "cleared" matters: an empty column in the file blanks the field on purpose, and the
    # producer should see that before applying.
    return ", ".join(
        QCoreApplication.translate("RunSheetChanges", "{0} (cleared)").format(label(c.field))
        if c.cleared
        else label(c.field)
        for c in changes
    )


def change_lines(diff: RunSheetDiff) -> list[str]:
    """Every change, one line each: added, removed, moved, then each segment kept with
    the fields that change, then the show's own fields."""
    lines = [
        QCoreApplication.translate("RunSheetChanges", "Added: {0}").format(title)
        for title in diff.added
    ]
    lines += [
        QCoreApplication.translate("RunSheetChanges", "Removed: {0}").format(title)
        for title in diff.removed
    ]
    lines += [
        QCoreApplication.translate("RunSheetChanges", "Moved: {0}").format(title)
        for title in diff.moved
    ]
    lines += [
        QCoreApplication.translate("RunSheetChanges", "{0}: {1}").format(
            c.title, _names(c.fields, field_label)
        )
        for c in diff.changes
    ]
    if diff.show:
        lines.append(
            QCoreApplication.translate("RunSheetChanges", "Show: {0}").format(
                _names(diff.show, show_field_label)
            )
        )
    return lines


def nothing_changes() -> str:
    return QCoreApplication.translate("RunSheetChanges", "Nothing in the show changes.")
