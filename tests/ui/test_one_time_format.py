"""One time format per locale on every screen: the interface locale's rule (24-hour in
French; the system's habit in English, "4:05 PM" for an American system)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale

from moderator_app.ui import report_table
from moderator_app.ui.formatting import clock_time, day_and_time
from moderator_app.ui.report_plots import ClockAxis

PARIS = ZoneInfo("Europe/Paris")
MOMENT = datetime(2027, 2, 25, 15, 5, 7, tzinfo=UTC)  # 16:05:07 in Paris


@pytest.fixture(params=[("en", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
                         "4:05\u202fPM", "4:05:07\u202fPM"),
                        ("fr", QLocale(QLocale.Language.French, QLocale.Country.France),
                         "16:05", "16:05:07")], ids=["en_US", "fr_FR"])
def locale(request, qapp):
    previous = QLocale()
    QLocale.setDefault(request.param[1])
    yield request.param
    QLocale.setDefault(previous)


def test_every_surface_formats_a_time_by_the_one_rule(locale) -> None:
    _, _, short, long = locale
    assert clock_time(MOMENT, PARIS) == short
    assert clock_time(MOMENT, PARIS, seconds=True) == long
    assert report_table.clock(MOMENT, PARIS) == long  # the report's tables
    assert day_and_time(MOMENT, PARIS) == f"2027-02-25 {short}"  # asked at, run dates
    axis = ClockAxis.__new__(ClockAxis)  # the plots' time axis, as pyqtgraph calls it
    axis.origin, axis.tz = MOMENT, PARIS
    assert axis.tickStrings([0.0, 60.0], 1.0, 60) == [short, clock_time(MOMENT.replace(minute=6), PARIS)]


def test_timeline_rows_are_told_apart(qapp) -> None:
    from moderator_app.ui.report_plots import _short

    titles = ["Représentant·e d'une ville d'Afrique du Nord", "Représentant·e d'une ville d'Europe",
              "Représentant·e d'une ville d'Amérique du Nord"]
    labels = [_short(i + 2, t) for i, t in enumerate(titles)]
    assert len(set(labels)) == 3 and all(len(x) <= 28 for x in labels)
    assert labels[0].startswith("3. Représen") and labels[0].endswith("Afrique du Nord")
    assert labels[2].endswith("mérique du Nord")  # the ends tell the rows apart


def test_the_run_sheet_and_the_rundown_show_times_by_the_same_rule(locale, session) -> None:
    from PySide6.QtCore import Qt

    from moderator_app.ui.rundown_model import COL_PLANNED, RundownModel
    from moderator_app.ui.runsheet_model import COL_START, RunSheetModel

    expected = clock_time(session.show.planned_starts()[1], session.show.tz)
    sheet = RunSheetModel(session)
    assert sheet.index(1, COL_START).data(Qt.ItemDataRole.DisplayRole).endswith(expected)
    rundown = RundownModel(session.show, session.engine)
    rundown.update(session.snapshot())
    assert rundown.index(1, COL_PLANNED).data(Qt.ItemDataRole.DisplayRole) == expected


def test_added_minutes_and_the_live_figures_agree_across_pages(qtbot, window, session, clock) -> None:
    """The rundown's duration counts the minutes added; the run sheet footer gives the live
    over/under the console gives, next to the plan's own fit."""
    from PySide6.QtCore import Qt

    from moderator_app.core.actions import ActionType
    from moderator_app.ui.formatting import over_under_text
    from moderator_app.ui.rundown_model import COL_DURATION

    session.perform(ActionType.START)
    session.perform(ActionType.ADD_TIME, {"seconds": 60})
    clock.advance(400)
    window.ticker.fire()
    duration = window.rundown.index(0, COL_DURATION).data(Qt.ItemDataRole.DisplayRole)
    assert duration == "6:00 (+1:00)"
    footer = window.runsheet_editor.total.text()
    assert over_under_text(window.snapshot.over_under_s) in footer
    assert window.panel.over_under.text().endswith(over_under_text(window.snapshot.over_under_s))
