"""How the main window composes its features (ui/main_window.py FEATURES): every feature
built, in the listed order, each given the features it needs; a wrong list refused before
any window is built; a feature that fails reported on the status bar while the console
goes on without it (its dependents told it is missing, never left guessing)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from moderator_app.core.actions import ActionType
from moderator_app.io.session import ShowSession
from moderator_app.resources import resource
from moderator_app.ui import main_window as mw
from moderator_app.ui.main_window import FEATURES, Feature, MainWindow, check_wiring

UI = Path(mw.__file__).resolve().parent
RUNSHEET = Path(resource("sample_runsheet_fr.xlsx"))


def build(qtbot, session: ShowSession, features: tuple[Feature, ...]) -> MainWindow:
    win = MainWindow(session, features=features)
    qtbot.addWidget(win)
    return win


def _replaced(name: str, attach) -> tuple[Feature, ...]:
    return tuple(Feature(f.name, attach, f.needs) if f.name == name else f for f in FEATURES)


def _boom(window, **_needs):
    raise RuntimeError("broken on purpose")


def test_every_feature_is_built_in_the_listed_order(qtbot, session: ShowSession) -> None:
    order: list[str] = []

    def recording(feature: Feature) -> Feature:
        def attach(window, **needs):
            order.append(feature.name)
            for name, given in needs.items():  # given exactly what was built under that name
                assert given is window.features[name] and given is not None
            return feature.attach(window, **needs)

        return Feature(feature.name, attach, feature.needs)

    win = build(qtbot, session, tuple(recording(f) for f in FEATURES))
    assert order == [f.name for f in FEATURES]
    assert list(win.features) == order
    built = {name for name, obj in win.features.items() if obj is not None}
    # Features with nothing to hand on (menus only) may return None; the rest must not.
    assert {"live", "report", "questions", "runsheet", "drop_import"} <= built
    assert "Could not load" not in win.statusBar().currentMessage()


def test_the_handles_are_the_built_features_and_cannot_be_set(qtbot, window: MainWindow) -> None:
    assert window.live is window.features["live"]
    assert window.questions is window.features["questions"]
    assert window.runsheet_editor is window.features["runsheet"]
    assert window.drop_router.questions is window.questions
    assert window.drop_router.runsheet_editor is window.runsheet_editor
    with pytest.raises(AttributeError):
        window.live = object()  # a feature cannot publish itself on the window


def test_no_feature_reaches_another_through_the_window() -> None:
    """The features are given each other (Feature.needs); reading one off the window
    would bring back the hidden order dependency the list removed."""
    handles = re.compile(
        r"window\.(live|questions|runsheet_editor|report_feature|drop_router)\b"
        r"|getattr\(\s*(self\.)?window\s*,"
    )
    offenders = [
        f"{path.name}:{n}: {line.strip()}"
        for path in sorted(UI.glob("*.py"))
        if path.name != "main_window.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if handles.search(line)
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("features", "problem"),
    [
        ((Feature("a", _boom, needs=("b",)), Feature("b", _boom)), "needs ['b'] built before"),
        ((Feature("a", _boom, needs=("nowhere",)),), "needs ['nowhere']"),
        ((Feature("a", _boom), Feature("a", _boom)), "listed twice"),
    ],
)
def test_a_wrong_list_is_refused_before_any_window(features, problem, qtbot, session) -> None:
    with pytest.raises(ValueError, match=re.escape(problem)):
        check_wiring(features)
    with pytest.raises(ValueError):
        MainWindow(session, features=features)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                and w.session is session]  # fmt: skip


def test_the_shipped_list_is_well_formed() -> None:
    check_wiring(FEATURES)


def test_a_failing_feature_is_reported_and_the_console_goes_on(
    qtbot, session: ShowSession
) -> None:
    win = build(qtbot, session, _replaced("live", _boom))
    assert "Could not load live: broken on purpose" in win.statusBar().currentMessage()
    assert win.features["live"] is None
    assert win.questions is not None and win.runsheet_editor is not None  # later ones built
    assert win.questions.page.onair.on_stage.isHidden()  # no stage display to send it to
    assert win.perform(ActionType.START) is not None  # the timer works without it


def test_a_drop_for_a_missing_page_says_so(qtbot, show_path: Path) -> None:
    from moderator_app.ui.app import open_session
    from moderator_app.ui.first_run import handle_file

    session = open_session(str(show_path))
    try:
        win = build(qtbot, session, _replaced("runsheet", _boom))
        assert win.drop_router.runsheet_editor is None
        assert handle_file(win, RUNSHEET) == "spreadsheet"
        qtbot.waitUntil(
            lambda: "Run sheet page is not available" in win.statusBar().currentMessage(),
            timeout=20000,
        )
        win.close()
    finally:
        session.close()
