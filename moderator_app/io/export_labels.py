"""What the report exports say, in English and French: sheet names, headers, words, notes.

Only the words change with the language: figures, number formats, the CSV's comma
separator and UTF-8 BOM, and the JSON report (a machine format, English keys) stay the
same. The English CSV keeps its snake_case headers (``planned_start``...), which scripts
may read; the French CSV has French headers, with ``(s)`` on columns in seconds.

Keys: ``sheet.*`` sheet names and CSV section titles, ``col.*`` workbook column headers,
``item.*`` summary items, ``csv.*`` CSV headers, ``csv.summary.*`` CSV summary items, ``word.*`` state and
yes/no words (unknown values fall back to the value itself, tidied), ``note.*`` the
report's notes (templates for ``core.report_notes.render_note``).
"""

from __future__ import annotations

from collections.abc import Mapping

from moderator_app.core.report_notes import NOTE_TEXT, ReportNote, render_note

LANGUAGES = ("en", "fr")

# Workbook columns, in order, per sheet (labels under ``col.``).
SEGMENT_COLUMNS = (
    "index", "title", "speaker", "status", "planned_start", "actual_start", "planned_end",
    "actual_end", "planned_duration", "actual_duration", "running_time", "over_under",
    "over_under_s", "pauses", "paused", "time_added", "visits", "messages", "corrected",
)  # fmt: skip
# Every question of the show: where it ended first (the producer filters on it), who asked
# it, then when it was on air.
QUESTION_COLUMNS = (
    "state", "question", "asker", "organisation", "votes", "asked_at", "source", "source_file",
    "on_air", "answered", "duration", "segment", "speaker", "answered_in_source", "id",
    "answer_limit", "answer_over",
)  # fmt: skip
EDIT_COLUMNS = ("time", "seq", "change", "segment", "field", "before", "after", "live")
EVENT_COLUMNS = ("seq", "time", "type", "segment_on_air", "detail", "undone", "from")
# Notes from a producer to the moderator: when, who, what, when read, where from.
NOTE_COLUMNS = ("time", "seq", "sender", "note", "read_at", "from")

# CSV columns: the report's JSON keys (labels under ``csv.``; English is the key itself).
CSV_SEGMENT_COLUMNS = (
    "index", "title", "speaker", "status", "planned_start", "actual_start", "planned_end",
    "actual_end", "planned_duration_s", "actual_duration_s", "running_s", "over_under_s",
    "pauses", "paused_s", "added_s", "visits", "corrected",
)  # fmt: skip
CSV_QUESTION_COLUMNS = (
    "state", "text", "asker", "organisation", "votes", "asked_at", "source", "source_file",
    "on_air_at", "answered_at", "duration_s", "segment", "speaker", "answered_in_source", "id",
    "answer_limit_s", "answer_over_s",
)  # fmt: skip
CSV_EDIT_COLUMNS = ("at", "seq", "op", "segment", "field", "before", "after", "live")
CSV_EVENT_COLUMNS = ("seq", "at", "type", "segment", "detail", "undone", "origin", "role")
# "note", not the JSON's "text": the French CSV says "Question" for a question's text.
CSV_NOTE_COLUMNS = ("at", "seq", "sender", "note", "read_at", "origin", "role")
CSV_SUMMARY_ITEMS = (
    "item", "value", "title", "timezone", "run", "label", "state", "planned_start",
    "actual_start", "start_delay_s", "planned_end", "actual_end", "final_over_under_s",
    "longest_overrun_title", "longest_overrun_s", "paused_s", "pauses", "added_s", "messages",
    "questions_answered", "questions_on_air", "questions_shortlisted", "questions_dismissed",
    "questions_not_reached", "questions_merged", "questions_total", "edits", "plan_shift_s",
    "moderator_notes", "note",
)  # fmt: skip

_EN: dict[str, str] = {
    "sheet.summary": "Summary",
    "sheet.segments": "Segments",
    "sheet.questions": "Questions",
    "sheet.edits": "Run sheet edits",
    "sheet.events": "Events",
    "sheet.notes": "Notes to the moderator",
    # Segments
    "col.index": "#",
    "col.title": "Title",
    "col.speaker": "Speaker",
    "col.status": "Status",
    "col.planned_start": "Planned start",
    "col.actual_start": "Actual start",
    "col.planned_end": "Planned end",
    "col.actual_end": "Actual end",
    "col.planned_duration": "Planned duration",
    "col.actual_duration": "Actual duration",
    "col.running_time": "Running time",
    "col.over_under": "Over/under",
    "col.over_under_s": "Over/under (s)",
    "col.pauses": "Pauses",
    "col.paused": "Paused",
    "col.time_added": "Time added",
    "col.visits": "Visits",
    "col.messages": "Messages",
    # Questions
    "col.on_air": "On air",
    "col.answered": "Answered",
    "col.duration": "Duration",
    "col.segment": "Segment",
    "col.asker": "Asker",
    "col.question": "Question",
    "col.state": "State",
    "col.id": "Id",
    "col.organisation": "Organisation",
    "col.votes": "Votes",
    "col.asked_at": "Asked at",
    "col.source": "Source",
    "col.source_file": "Source file",
    "col.answered_in_source": "Answered in source",
    "col.corrected": "Start corrected",
    "col.answer_limit": "Answer timer",
    "col.answer_over": "Over answer timer",
    # Run sheet edits, events
    "col.time": "Time",
    "col.seq": "#",
    "col.change": "Change",
    "col.field": "Field",
    "col.before": "Before",
    "col.after": "After",
    "col.live": "Live",
    "col.type": "Type",
    "col.segment_on_air": "Segment on air",
    "col.detail": "Detail",
    "col.undone": "Undone",
    "col.from": "From",
    # Notes to the moderator
    "col.sender": "Sender",
    "col.note": "Note",
    "col.read_at": "Read at",
    # Summary
    "item.item": "Item",
    "item.value": "Value",
    "item.show": "Show",
    "item.run": "Run",
    "item.label": "Run label",
    "item.state": "State",
    "item.timezone": "Time zone of all times",
    "item.planned_start": "Planned start",
    "item.actual_start": "Actual start",
    "item.start_delay": "Start delay",
    "item.planned_end": "Planned end",
    "item.actual_end": "Actual end",
    "item.final_over_under": "Final over/under",
    "item.final_over_under_s": "Final over/under (s)",
    "item.longest_overrun": "Longest overrun",
    "item.longest_overrun_by": "Longest overrun by",
    "item.paused": "Total pause",
    "item.pauses": "Pauses",
    "item.added": "Time added",
    "item.messages": "Messages to speakers",
    "item.questions_answered": "Questions answered",
    "item.questions_on_air": "Questions on air",
    "item.questions_shortlisted": "Questions shortlisted",
    "item.questions_dismissed": "Questions dismissed",
    "item.questions_not_reached": "Questions not reached",
    "item.questions_merged": "Duplicates merged",
    "item.questions_total": "Questions in the show",
    "item.edits": "Run sheet edits",
    "item.moderator_notes": "Notes to the moderator",
    "item.note": "Note",
    # Words (English: the value with spaces, as the workbook always wrote it)
    "word.unknown": "unknown",
    "word.none": "none",
    "word.yes": "yes",
    "word.no": "no",
    "word.undone": "undone",
    "word.network": "network",
    "word.note.sent": "note.sent",
    "word.note.read": "note.read",
}
_EN.update({f"note.{key}": text for key, text in NOTE_TEXT.items()})

_FR: dict[str, str] = {
    "sheet.summary": "Synthèse",
    "sheet.segments": "Séquences",
    "sheet.questions": "Questions",
    "sheet.edits": "Modifications du conducteur",
    "sheet.events": "Journal",
    "sheet.notes": "Notes au modérateur",
    # Segments
    "col.index": "#",
    "col.title": "Titre",
    "col.speaker": "Intervenant",
    "col.status": "État",
    "col.planned_start": "Début prévu",
    "col.actual_start": "Début réel",
    "col.planned_end": "Fin prévue",
    "col.actual_end": "Fin réelle",
    "col.planned_duration": "Durée prévue",
    "col.actual_duration": "Durée réelle",
    "col.running_time": "Durée hors pauses",
    "col.over_under": "Avance/retard (+ = retard)",
    "col.over_under_s": "Avance/retard (s)",
    "col.pauses": "Pauses",
    "col.paused": "Temps en pause",
    "col.time_added": "Temps ajouté",
    "col.visits": "Passages à l’antenne",
    "col.messages": "Messages",
    # Questions
    "col.on_air": "À l’antenne",
    "col.answered": "Répondue",
    "col.duration": "Durée",
    "col.segment": "Séquence",
    "col.asker": "Auteur",
    "col.question": "Question",
    "col.state": "État",
    "col.id": "Id",
    "col.organisation": "Organisation",
    "col.votes": "Votes",
    "col.asked_at": "Posée à",
    "col.source": "Source",
    "col.source_file": "Fichier source",
    "col.answered_in_source": "Répondue dans la source",
    "col.corrected": "Début corrigé",
    "col.answer_limit": "Minuteur de réponse",
    "col.answer_over": "Dépassement du minuteur",
    # Run sheet edits, events
    "col.time": "Heure",
    "col.seq": "#",
    "col.change": "Modification",
    "col.field": "Champ",
    "col.before": "Avant",
    "col.after": "Après",
    "col.live": "Pendant le direct",
    "col.type": "Type",
    "col.segment_on_air": "Séquence à l’antenne",
    "col.detail": "Détail",
    "col.undone": "Annulée",
    "col.from": "Provenance",
    # Notes to the moderator
    "col.sender": "Expéditeur",
    "col.note": "Note",
    "col.read_at": "Lue à",
    # Summary
    "item.item": "Élément",
    "item.value": "Valeur",
    "item.show": "Émission",
    "item.run": "Passage",
    "item.label": "Nom du passage",
    "item.state": "État",
    "item.timezone": "Fuseau horaire de toutes les heures",
    "item.planned_start": "Début prévu",
    "item.actual_start": "Début réel",
    "item.start_delay": "Décalage du début (+ = retard)",
    "item.planned_end": "Fin prévue",
    "item.actual_end": "Fin réelle",
    "item.final_over_under": "Avance/retard final (+ = retard)",
    "item.final_over_under_s": "Avance/retard final (s)",
    "item.longest_overrun": "Plus long dépassement",
    "item.longest_overrun_by": "Plus long dépassement de",
    "item.paused": "Durée totale des pauses",
    "item.pauses": "Pauses",
    "item.added": "Temps ajouté",
    "item.messages": "Messages aux intervenants",
    "item.questions_answered": "Questions répondues",
    "item.questions_on_air": "Questions à l’antenne",
    "item.questions_shortlisted": "Questions présélectionnées",
    "item.questions_dismissed": "Questions écartées",
    "item.questions_not_reached": "Questions non atteintes",
    "item.questions_merged": "Doublons fusionnés",
    "item.questions_total": "Questions de l’émission",
    "item.edits": "Modifications du conducteur",
    "item.moderator_notes": "Notes au modérateur",
    "item.note": "Note",
    # CSV: summary items, then columns (durations in seconds)
    "csv.summary.item": "Élément",
    "csv.summary.value": "Valeur",
    "csv.summary.title": "Émission",
    "csv.summary.timezone": "Fuseau horaire",
    "csv.summary.run": "Passage",
    "csv.summary.label": "Nom du passage",
    "csv.summary.state": "État",
    "csv.summary.planned_start": "Début prévu",
    "csv.summary.actual_start": "Début réel",
    "csv.summary.start_delay_s": "Décalage du début (s)",
    "csv.summary.planned_end": "Fin prévue",
    "csv.summary.actual_end": "Fin réelle",
    "csv.summary.final_over_under_s": "Avance/retard final (s)",
    "csv.summary.longest_overrun_title": "Plus long dépassement",
    "csv.summary.longest_overrun_s": "Plus long dépassement (s)",
    "csv.summary.paused_s": "Durée totale des pauses (s)",
    "csv.summary.pauses": "Pauses",
    "csv.summary.added_s": "Temps ajouté (s)",
    "csv.summary.messages": "Messages",
    "csv.summary.questions_answered": "Questions répondues",
    "csv.summary.questions_on_air": "Questions à l’antenne",
    "csv.summary.questions_shortlisted": "Questions présélectionnées",
    "csv.summary.questions_dismissed": "Questions écartées",
    "csv.summary.questions_not_reached": "Questions non atteintes",
    "csv.summary.questions_merged": "Doublons fusionnés",
    "csv.summary.questions_total": "Questions de l’émission",
    "csv.summary.edits": "Modifications du conducteur",
    "csv.summary.plan_shift_s": "Décalage du plan (s)",
    "csv.summary.moderator_notes": "Notes au modérateur",
    "csv.summary.note": "Note",
    "csv.title": "Titre",
    "csv.planned_start": "Début prévu",
    "csv.actual_start": "Début réel",
    "csv.planned_end": "Fin prévue",
    "csv.actual_end": "Fin réelle",
    "csv.pauses": "Pauses",
    "csv.paused_s": "Temps en pause (s)",
    "csv.added_s": "Temps ajouté (s)",
    "csv.state": "État",
    "csv.index": "#",
    "csv.speaker": "Intervenant",
    "csv.status": "État",
    "csv.planned_duration_s": "Durée prévue (s)",
    "csv.actual_duration_s": "Durée réelle (s)",
    "csv.running_s": "Durée hors pauses (s)",
    "csv.over_under_s": "Avance/retard (s)",
    "csv.visits": "Passages à l’antenne",
    "csv.on_air_at": "À l’antenne",
    "csv.answered_at": "Répondue",
    "csv.duration_s": "Durée (s)",
    "csv.segment": "Séquence",
    "csv.asker": "Auteur",
    "csv.text": "Question",
    "csv.id": "Id",
    "csv.organisation": "Organisation",
    "csv.votes": "Votes",
    "csv.asked_at": "Posée à",
    "csv.source": "Source",
    "csv.source_file": "Fichier source",
    "csv.answered_in_source": "Répondue dans la source",
    "csv.corrected": "Début corrigé",
    "csv.answer_limit_s": "Minuteur de réponse (s)",
    "csv.answer_over_s": "Dépassement du minuteur (s)",
    "csv.at": "Heure",
    "csv.seq": "#",
    "csv.op": "Modification",
    "csv.field": "Champ",
    "csv.before": "Avant",
    "csv.after": "Après",
    "csv.live": "Pendant le direct",
    "csv.type": "Type",
    "csv.detail": "Détail",
    "csv.undone": "Annulée",
    "csv.origin": "Provenance",
    "csv.role": "Rôle",
    "csv.sender": "Expéditeur",
    "csv.read_at": "Lue à",
    "csv.note": "Note",
    # Words: run states, segment statuses, question states, edits, event types
    "word.finished": "terminé",
    "word.no_finish": "sans fin",
    "word.in_progress": "en cours",
    "word.not_started": "non commencé",
    "word.done": "terminée",
    "word.incomplete": "sans fin",
    "word.not_reached": "non atteinte",
    "word.new": "nouvelle",
    "word.shortlisted": "présélectionnée",
    "word.on_air": "à l’antenne",
    "word.answered": "répondue",
    "word.dismissed": "écartée",
    "word.manual": "saisie à la main",
    "word.set": "modification",
    "word.insert": "ajout",
    "word.delete": "suppression",
    "word.move": "déplacement",
    "word.show": "émission",
    "word.replace": "remplacement",
    "word.start": "démarrage",
    "word.pause": "pause",
    "word.resume": "reprise",
    "word.next": "suivante",
    "word.previous": "précédente",
    "word.goto": "aller à",
    "word.add_time": "temps ajouté",
    "word.finish": "fin",
    "word.undo": "annulation",
    "word.new_run": "nouveau passage",
    "word.message": "message",
    "word.clear_message": "message effacé",
    "word.clock.jump": "correction d’horloge",
    "word.question.state": "question",
    "word.question.imported": "questions importées",
    "word.runsheet.edit": "modification du conducteur",
    "word.runsheet.replace": "conducteur remplacé",
    "word.unknown": "inconnu",
    "word.none": "aucun",
    "word.yes": "oui",
    "word.no": "non",
    "word.undone": "annulée",
    "word.network": "réseau",
    "word.view": "lecture",
    "word.producer": "production",
    "word.control": "pilotage",
    "word.ask": "public",
    "word.note.sent": "note envoyée",
    "word.note.read": "note lue",
    # Notes (see core.report_notes for the placeholders)
    "note.not_started": "Ce passage n’a jamais démarré : il n’y a aucun horaire réel.",
    "note.in_progress": "Ce passage est en cours{where}{when} : sa fin et son avance/retard "
    "final seront connus une fois terminé.",
    "note.in_progress.where": " (« {segment} » à l’antenne)",
    "note.in_progress.when": ", commencé à {time}",
    "note.no_finish": "Le passage n’a pas d’action de fin{when}{where}. La fin de cette "
    "séquence, la fin de l’émission et l’avance/retard final sont inconnus.",
    "note.no_finish.when": " : le journal s’arrête à {time}",
    "note.no_finish.where": " pendant « {segment} »",
    "note.plan_shift": "Ce passage a commencé loin du début prévu (une répétition ?) : son "
    "plan est recalé sur le début réel, donc l’avance/retard compare des durées.",
    "note.undone": "{count} action(s) du minuteur ont été annulées ; elles restent dans le "
    "journal mais ne sont pas comptées.",
    "note.out_of_order": "{count} entrées du journal sont datées avant une entrée qui les "
    "précède{when} : un ordinateur à l’horloge fausse les a écrites. Elles sont comptées à "
    "l’heure la plus tardive, donc les durées autour d’elles sont incertaines.",
    "note.out_of_order.when": " (la première comptée à {time})",
    "note.corrected": "{count} heure(s) de début ou durée(s) écoulée(s) ont été corrigées "
    "après coup ; les séquences concernées sont marquées, avec leurs heures corrigées.",
}

LABELS: dict[str, dict[str, str]] = {"en": _EN, "fr": _FR}


def export_language(value: str | None) -> str:
    """``fr`` for any French language tag (``fr``, ``fr-CA``, ``French``), else ``en``."""
    return "fr" if (value or "").strip().lower().startswith("fr") else "en"


class Labels:
    """The labels of one language; a missing key falls back to English."""

    def __init__(self, language: str | None) -> None:
        self.language = export_language(language)
        self._table: Mapping[str, str] = LABELS[self.language]

    def __getitem__(self, key: str) -> str:
        return self._table.get(key) or _EN[key]

    def word(self, value: str) -> str:
        """A state or code word: translated if known, else the value with spaces."""
        return self._table.get(f"word.{value}") or value.replace("_", " ")

    def code(self, value: str) -> str:
        """An event type or edit kind: translated if known, else kept as the code it is."""
        return self._table.get(f"word.{value}") or value

    def csv(self, key: str) -> str:
        """A CSV column header: the JSON key in English."""
        return self._table.get(f"csv.{key}") or key

    def csv_item(self, key: str) -> str:
        """A CSV summary item: the JSON key in English."""
        return self._table.get(f"csv.summary.{key}") or key

    def note(self, note: ReportNote) -> str:
        templates = {k[5:]: v for k, v in self._table.items() if k.startswith("note.")}
        return render_note(note, templates)

    def headers(self, columns: tuple[str, ...]) -> list[str]:
        return [self[f"col.{c}"] for c in columns]

    def csv_headers(self, columns: tuple[str, ...]) -> list[str]:
        return [self.csv(c) for c in columns]
