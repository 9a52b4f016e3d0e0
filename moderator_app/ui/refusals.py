"""The console's words for a refusal from core or app (an ActionRefused, a ClockRefused, a
TimerInputError, a CueError, a ClockError, a RunSheetError or EditRefused, a DurationError):
its template translated, then formatted with its values.

The command line and the network say ``str(exc)``, the English sentence; the console says
``refusal_text(exc)``. lupdate only reads literals in the sources it scans, so every
template raised in moderator_app/core and moderator_app/app is listed below;
tests/ui/test_refusals_catalogue.py keeps this list equal to what is raised.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from moderator_app.core.refusal import Refusal

CONTEXT = "Refusal"

# fmt: off
# One literal a line: lupdate reads each call as written.
TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Refusal", "A countdown needs a duration above zero"),
    QT_TRANSLATE_NOOP("Refusal", "A cue needs a message"),
    QT_TRANSLATE_NOOP("Refusal", "A cue's message cannot contain ';' (it separates cues)"),
    QT_TRANSLATE_NOOP("Refusal", "A cue's message has at most {0} characters"),
    QT_TRANSLATE_NOOP("Refusal", "A message expires after 1 second to 24 hours"),
    QT_TRANSLATE_NOOP("Refusal", "A message needs some text"),
    QT_TRANSLATE_NOOP("Refusal", "A segment has at most {0} cues"),
    QT_TRANSLATE_NOOP("Refusal", "A segment needs a title"),
    QT_TRANSLATE_NOOP("Refusal", "A show time must carry a time zone"),
    QT_TRANSLATE_NOOP("Refusal", "A start can be corrected only while the show is running or paused"),
    QT_TRANSLATE_NOOP("Refusal", "A start correction is for the segment or the show, not {0!r}"),
    QT_TRANSLATE_NOOP("Refusal", "A timer can {0}; not {1!r}"),
    QT_TRANSLATE_NOOP("Refusal", "A timer cannot last a negative time ({0:g} s)"),
    QT_TRANSLATE_NOOP("Refusal", "A timer counts 'down' or 'up', not {0!r}"),
    QT_TRANSLATE_NOOP("Refusal", "A timer is shown {0}, not {1!r}"),
    QT_TRANSLATE_NOOP("Refusal", "A timer lasts at most 24:00:00"),
    QT_TRANSLATE_NOOP("Refusal", "A timer's name has at most 40 characters"),
    QT_TRANSLATE_NOOP("Refusal", "Add time needs a number of seconds other than zero"),
    QT_TRANSLATE_NOOP("Refusal", "Add time needs a whole number of seconds"),
    QT_TRANSLATE_NOOP("Refusal", "An overtime cue comes at most 24 hours after the end"),
    QT_TRANSLATE_NOOP("Refusal", "Cannot insert at row {0}"),
    QT_TRANSLATE_NOOP("Refusal", "Cannot move row {0} to row {1}"),
    QT_TRANSLATE_NOOP("Refusal", "Cannot read the cue {0!r}: write a time then the message, e.g. '2:00 2 minutes' or '+0:00! Time is up'"),
    QT_TRANSLATE_NOOP("Refusal", "Cannot read {0!r} as a clock time: expected 16:05, 16h05 or 4:05 PM"),
    QT_TRANSLATE_NOOP("Refusal", "Cannot read {0!r} as a duration: expected minutes (5), m:ss (5:00), h:mm:ss (0:05:00) or units such as 5 min, 1h05, 1 h 5 min, 90s"),
    QT_TRANSLATE_NOOP("Refusal", "Cannot read {0!r} as a duration: seconds over 59; expected minutes (5), m:ss (5:00), h:mm:ss (0:05:00) or units such as 5 min, 1h05, 1 h 5 min, 90s"),
    QT_TRANSLATE_NOOP("Refusal", "Cannot read {0!r} as a duration: unknown unit {1!r}; expected minutes (5), m:ss (5:00), h:mm:ss (0:05:00) or units such as 5 min, 1h05, 1 h 5 min, 90s"),
    QT_TRANSLATE_NOOP("Refusal", "Cannot read {0!r} as a number of seconds"),
    QT_TRANSLATE_NOOP("Refusal", "Cannot read {0!r} as the elapsed time in seconds (or m:ss)"),
    QT_TRANSLATE_NOOP("Refusal", "Cannot read {0!r} as yes or no"),
    QT_TRANSLATE_NOOP("Refusal", "Cannot read {0!r}: expected a clock time (16:05 or 16:05:30), '2 min ago' or -SECONDS (e.g. -120)"),
    QT_TRANSLATE_NOOP("Refusal", "Cannot remove more time than the segment has been given"),
    QT_TRANSLATE_NOOP("Refusal", "Cannot remove more time than timer {0} has"),
    QT_TRANSLATE_NOOP("Refusal", "Cues fire only during the show"),
    QT_TRANSLATE_NOOP("Refusal", "Duration {0!r} is over 24 hours"),
    QT_TRANSLATE_NOOP("Refusal", "During the show, new segments go after the one on air"),
    QT_TRANSLATE_NOOP("Refusal", "During the show, only segments after the one on air can be moved, and only among themselves"),
    QT_TRANSLATE_NOOP("Refusal", "Empty duration: expected minutes (5), m:ss (5:00), h:mm:ss (0:05:00) or units such as 5 min, 1h05, 1 h 5 min, 90s"),
    QT_TRANSLATE_NOOP("Refusal", "Empty value: expected a number of seconds"),
    QT_TRANSLATE_NOOP("Refusal", "Empty value: expected the elapsed time in seconds (or m:ss)"),
    QT_TRANSLATE_NOOP("Refusal", "Finish works only while the show is running or paused"),
    QT_TRANSLATE_NOOP("Refusal", "Go to needs a segment number"),
    QT_TRANSLATE_NOOP("Refusal", "Negative duration {0!r}: expected minutes (5), m:ss (5:00), h:mm:ss (0:05:00) or units such as 5 min, 1h05, 1 h 5 min, 90s"),
    QT_TRANSLATE_NOOP("Refusal", "No automatic start is counting down"),
    QT_TRANSLATE_NOOP("Refusal", "No automatic start is due now"),
    QT_TRANSLATE_NOOP("Refusal", "Not a valid show description: {0}"),
    QT_TRANSLATE_NOOP("Refusal", "Pause works only while a segment is running"),
    QT_TRANSLATE_NOOP("Refusal", "Resume works only while the timer is paused"),
    QT_TRANSLATE_NOOP("Refusal", "Row {0} ({1}) has already run: it stays in the run sheet"),
    QT_TRANSLATE_NOOP("Refusal", "Row {0} ({1}) has already run: its timing keeps what happened"),
    QT_TRANSLATE_NOOP("Refusal", "Row {0} ({1}) is on air: go to another segment before deleting it"),
    QT_TRANSLATE_NOOP("Refusal", "Row {0} ({1}) is on air: its start has already happened"),
    QT_TRANSLATE_NOOP("Refusal", "Row {0} ({1}): hard start {2:%H:%M} overlaps the previous segment, which ends at {3:%H:%M}"),
    QT_TRANSLATE_NOOP("Refusal", "Row {0} ({1}): the duration is zero"),
    QT_TRANSLATE_NOOP("Refusal", "Segment {0} is already the current one"),
    QT_TRANSLATE_NOOP("Refusal", "That cue has already fired"),
    QT_TRANSLATE_NOOP("Refusal", "That is already the recorded start: nothing to correct"),
    QT_TRANSLATE_NOOP("Refusal", "That moves the start by {0}: more than 12 hours cannot be a forgotten key; check the time (and the day)"),
    QT_TRANSLATE_NOOP("Refusal", "That segment has no recorded start"),
    QT_TRANSLATE_NOOP("Refusal", "That segment is already in the run sheet"),
    QT_TRANSLATE_NOOP("Refusal", "That segment is no longer in the run sheet"),
    QT_TRANSLATE_NOOP("Refusal", "The cue at {0} is longer than the segment ({1}): it could never fire"),
    QT_TRANSLATE_NOOP("Refusal", "The cue {0!r}: {1}"),
    QT_TRANSLATE_NOOP("Refusal", "The cues: {0}"),
    QT_TRANSLATE_NOOP("Refusal", "The current segment was removed; use go to"),
    QT_TRANSLATE_NOOP("Refusal", "The danger time cannot be empty"),
    QT_TRANSLATE_NOOP("Refusal", "The danger time cannot be negative"),
    QT_TRANSLATE_NOOP("Refusal", "The danger time cannot be over 24 hours"),
    QT_TRANSLATE_NOOP("Refusal", "The danger time: {0}"),
    QT_TRANSLATE_NOOP("Refusal", "The duration cannot be empty"),
    QT_TRANSLATE_NOOP("Refusal", "The duration cannot be negative"),
    QT_TRANSLATE_NOOP("Refusal", "The duration cannot be over 24 hours"),
    QT_TRANSLATE_NOOP("Refusal", "The duration must be more than zero"),
    QT_TRANSLATE_NOOP("Refusal", "The duration: {0}"),
    QT_TRANSLATE_NOOP("Refusal", "The elapsed time cannot be negative"),
    QT_TRANSLATE_NOOP("Refusal", "The elapsed time is at most 24:00:00"),
    QT_TRANSLATE_NOOP("Refusal", "The planned end must come after the start"),
    QT_TRANSLATE_NOOP("Refusal", "The run sheet has no segments to start"),
    QT_TRANSLATE_NOOP("Refusal", "The show has already started"),
    QT_TRANSLATE_NOOP("Refusal", "The show has not started yet"),
    QT_TRANSLATE_NOOP("Refusal", "The show is finished"),
    QT_TRANSLATE_NOOP("Refusal", "The show is live: the new run sheet must keep the segments that have run and the one on air ({0}) in place"),
    QT_TRANSLATE_NOOP("Refusal", "The show is live: {0} has already run; its timing stays"),
    QT_TRANSLATE_NOOP("Refusal", "The show needs a start"),
    QT_TRANSLATE_NOOP("Refusal", "The show needs a title"),
    QT_TRANSLATE_NOOP("Refusal", "The show's first segment is no longer known"),
    QT_TRANSLATE_NOOP("Refusal", "The show's planned start must carry a time zone"),
    QT_TRANSLATE_NOOP("Refusal", "The warning time cannot be empty"),
    QT_TRANSLATE_NOOP("Refusal", "The warning time cannot be negative"),
    QT_TRANSLATE_NOOP("Refusal", "The warning time cannot be over 24 hours"),
    QT_TRANSLATE_NOOP("Refusal", "The warning time: {0}"),
    QT_TRANSLATE_NOOP("Refusal", "There is no message to clear"),
    QT_TRANSLATE_NOOP("Refusal", "There is no message to clear for {0}"),
    QT_TRANSLATE_NOOP("Refusal", "There is no row {0}"),
    QT_TRANSLATE_NOOP("Refusal", "There is no segment {0}: the run sheet has segments 0 to {1}"),
    QT_TRANSLATE_NOOP("Refusal", "There is no timer action to undo"),
    QT_TRANSLATE_NOOP("Refusal", "There is no timer {0}: the timers are 1 to {1}"),
    QT_TRANSLATE_NOOP("Refusal", "This is the first segment: there is no previous one"),
    QT_TRANSLATE_NOOP("Refusal", "This is the last segment: use finish to end the show"),
    QT_TRANSLATE_NOOP("Refusal", "Time can be added or removed only during the show"),
    QT_TRANSLATE_NOOP("Refusal", "Timer {0} counts up: time is added to countdowns"),
    QT_TRANSLATE_NOOP("Refusal", "Timer {0} is already reset"),
    QT_TRANSLATE_NOOP("Refusal", "Timer {0} is already running"),
    QT_TRANSLATE_NOOP("Refusal", "Timer {0} is not running"),
    QT_TRANSLATE_NOOP("Refusal", "Two cues at {0}: keep one"),
    QT_TRANSLATE_NOOP("Refusal", "Type when it started: a clock time (16:05 or 16:05:30), '2 min ago' or -SECONDS (e.g. -120)"),
    QT_TRANSLATE_NOOP("Refusal", "Unknown edit {0!r}"),
    QT_TRANSLATE_NOOP("Refusal", "Unknown segment field {0!r}"),
    QT_TRANSLATE_NOOP("Refusal", "Unknown segment kind {0!r}: expected one of {1}"),
    QT_TRANSLATE_NOOP("Refusal", "Unknown show field {0!r}"),
    QT_TRANSLATE_NOOP("Refusal", "Unknown time zone {0!r}: expected an IANA name such as Europe/Paris"),
    QT_TRANSLATE_NOOP("Refusal", "Unknown timer action {0!r}"),
    QT_TRANSLATE_NOOP("Refusal", "cannot read {0!r} as a clock time such as 16:05 or 4:05 PM"),
    QT_TRANSLATE_NOOP("Refusal", "cannot read {0!r} as a clock time such as 4:05 PM"),
    QT_TRANSLATE_NOOP("Refusal", "the run sheet was changed by someone else meanwhile — reloaded"),
    QT_TRANSLATE_NOOP("Refusal", "the show moved on since (journal {0} > {1}): nothing done"),
    QT_TRANSLATE_NOOP("Refusal", "this computer's clock ({0:%Y-%m-%d %H:%M:%S} UTC) is {1:.0f} s behind the show's journal (last entry at {2:%H:%M:%S} UTC); nothing was saved. Check the clock, or let the console that runs the show record the action"),
    QT_TRANSLATE_NOOP("Refusal", "this computer's clock cannot be read ({0})"),
    QT_TRANSLATE_NOOP("Refusal", "this computer's clock reads {0:%Y-%m-%d %H:%M} UTC, which cannot be right; set the clock and try again"),
    QT_TRANSLATE_NOOP("Refusal", "{0!r} is not a clock time (hours 0-23, minutes 0-59)"),
    QT_TRANSLATE_NOOP("Refusal", "{0!r} is not a number of seconds"),
    QT_TRANSLATE_NOOP("Refusal", "{0!r} is not a speaker link id (see remote-links)"),
    QT_TRANSLATE_NOOP("Refusal", "{0!r} is not a timer number"),
    QT_TRANSLATE_NOOP("Refusal", "{0!r} is not a timer number (1 to {1})"),
    QT_TRANSLATE_NOOP("Refusal", "{0!r} is not an instant"),
    QT_TRANSLATE_NOOP("Refusal", "{0} is before «{1}» began (at {2}): the two segments would overlap"),
    QT_TRANSLATE_NOOP("Refusal", "{0} is before «{1}» began: the two segments would overlap"),
    QT_TRANSLATE_NOOP("Refusal", "{0} is in the future (it is {1}): a start can only be moved to a time that has passed"),
    QT_TRANSLATE_NOOP("Refusal", "{0} is too long for a timer: at most 24:00:00"),
    QT_TRANSLATE_NOOP("Refusal", "{0} needs a number of seconds, e.g. 90"),
    QT_TRANSLATE_NOOP("Refusal", "{0} refused: {1}"),
    QT_TRANSLATE_NOOP("Refusal", "{0} takes no value"),
    QT_TRANSLATE_NOOP("Refusal", "«{0}» has been on air {1} times: its start cannot be moved; use set elapsed for the time it has run"),
    QT_TRANSLATE_NOOP("Refusal", "«{0}» has no cue {1}"),
    QT_TRANSLATE_NOOP("Refusal", "«{0}» has no hard start: auto-start needs one"),
    QT_TRANSLATE_NOOP("Refusal", "«{0}» has run only {1}: its start cannot move later than that"),
    QT_TRANSLATE_NOOP("Refusal", "«{0}» starts by itself at its hard start: turn auto-start off first"),
    QT_TRANSLATE_NOOP("Refusal", "«{0}»: {1}"),
)
# fmt: on


def refusal_text(exc: BaseException) -> str:
    """What the console shows for ``exc``: a refusal in the interface's language (its
    values formatted as in English: a number, a duration, a clock time read the same), any
    other error as its own message."""
    if not isinstance(exc, Refusal):
        return str(exc)
    translated = QCoreApplication.translate(CONTEXT, exc.template)
    if not exc.values:
        return translated
    # A refusal wrapping another (e.g. "{0} refused: {1}") says the inner one translated too.
    values = [refusal_text(v) if isinstance(v, Refusal) else v for v in exc.values]
    try:
        return translated.format(*values)
    except (IndexError, KeyError, ValueError):
        # A catalogue entry whose placeholders do not fit: the English is still the truth.
        return str(exc)
