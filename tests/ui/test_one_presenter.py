"""The moderator's panel and the stage display render one presenter output.

For a set of snapshots across a show (before it, running, warning, wrap-up, overtime,
paused, finished) both screens show the same big figure, phase symbol, segment and
message: there is no second computation of what the live screens say.
"""

from __future__ import annotations

import pytest

from moderator_app.app.presenter import present
from moderator_app.core.actions import ActionType
from moderator_app.ui.formatting import big_text


def states(session, clock):
    """(name, do) steps that move the show through its states."""
    first = session.show.segments[0].planned_duration_s
    yield "before", lambda: clock.advance(-750)
    yield "long before", lambda: clock.advance(-85 * 86400)
    yield "ready", lambda: clock.advance(85 * 86400 + 750 + 30)
    yield "running", lambda: session.perform(ActionType.START)
    yield "warning", lambda: clock.advance(first - 100)
    yield "wrap up", lambda: clock.advance(80)
    yield "overtime", lambda: clock.advance(57)
    yield "message", lambda: session.perform(ActionType.MESSAGE, {"text": "<b>Merci</b>"})
    yield "paused", lambda: session.perform(ActionType.PAUSE)
    yield "next", lambda: (session.perform(ActionType.RESUME), session.perform(ActionType.NEXT))
    yield "finished", lambda: session.perform(ActionType.FINISH)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_panel_and_stage_show_the_same_figures(window, session, clock, language) -> None:
    from moderator_app.ui.i18n import current_language, install_language

    previous = current_language()
    install_language(language)
    try:
        seen = set()
        for name, step in states(session, clock):
            step()
            window.ticker.fire()
            view = present(session.show, window.snapshot)
            panel = window.panel
            stage = window.live.stage.view.content
            seen.add(view.phase)
            assert panel.view == view, name  # the panel rendered exactly this view
            assert panel.remaining.text() == big_text(view), name
            if view.state == "finished":
                assert stage.digits == "" and stage.title == "", name
                continue
            assert stage.digits == panel.remaining.text(), name
            if view.state in ("running", "paused"):
                assert view.symbol in panel.phase.text() or view.state == "paused", name
                assert stage.phase == view.phase, name
            assert view.current is not None
            assert panel.current_title.text().endswith(view.current.title), name
            assert stage.title == view.current.title, name
            assert stage.message == view.message, name
        assert seen >= {"normal", "warning", "danger", "overtime"}
    finally:
        install_language(previous)
