"""On air at 1366×768: the live panel tells the truth at a glance, in both languages.

The main window is rendered at a 1366-pixel laptop's size in the states a show goes
through — 85 days before it, running, warning, wrap-up, overtime, paused, Q&A with a long
question on air, finished — in French and in English, and for each: no label of the live
panel is clipped (its laid-out text fits its box; a WrapFitLabel may elide only with the
full text in its tooltip), the chrome (message row, buttons, tab bar) keeps exactly the same
geometry, and every text of the panel has a contrast of at least 4.5:1 (WCAG AA).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from moderator_app.core.actions import ActionType
from moderator_app.core.questions import Question
from moderator_app.ui.fit_label import WrapFitLabel
from moderator_app.ui.i18n import current_language, install_language
from moderator_app.ui.main_window import MainWindow

LONG_QUESTION = (
    "Comment les villes moyennes d'Afrique du Nord, d'Europe et d'Amérique du Nord "
    "peuvent-elles construire une stratégie internationale durable sans budget dédié, "
    "et quels réseaux de villes recommandez-vous pour commencer, sachant que nos élus "
    "changent tous les six ans et que les partenariats doivent leur survivre ?"
)


def _luminance(c: QColor) -> float:
    def f(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * f(c.redF()) + 0.7152 * f(c.greenF()) + 0.0722 * f(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def clipped(label: QLabel) -> str | None:
    """Why ``label``'s text does not fit its box, or None when it fits."""
    text = label.text()
    rect = label.contentsRect()
    if not text or rect.width() <= 0:
        return None
    metrics = QFontMetrics(label.font())
    if label.wordWrap():
        flags = int(Qt.TextFlag.TextWordWrap | label.alignment())
        box = metrics.boundingRect(QRect(0, 0, rect.width(), 10**6), flags, text)
        if box.height() > rect.height() + 1:
            return f"{box.height()} px of text in {rect.height()} px"
    else:
        for line in text.splitlines():
            if metrics.horizontalAdvance(line) > rect.width() + 1:
                return f"{metrics.horizontalAdvance(line)} px of text in {rect.width()} px"
    if isinstance(label, WrapFitLabel) and label.elided and not label.toolTip():
        return "elided without its text in a tooltip"
    return None


def background(widget: QWidget) -> QColor:
    """The colour behind ``widget``: its own if it paints one, else its parent's."""
    while widget is not None:
        if widget.autoFillBackground() or widget.testAttribute(Qt.WidgetAttribute.WA_StyledBackground):
            return widget.palette().color(QPalette.ColorRole.Window)
        widget = widget.parentWidget()
    return QColor("#efefef")


def chrome(window: MainWindow) -> dict[str, QRect]:
    parts = {"messages": window.live.messages, "tabs": window.pages.tabBar(),
             "panel": window.panel}
    parts.update({f"button {k}": b for k, b in window.buttons.items()})
    return {name: QRect(w.mapTo(window, w.rect().topLeft()), w.size()) for name, w in parts.items()}


def states(session, clock, window):
    """Each state a show goes through, reached like a moderator would."""
    qa = next(i for i, s in enumerate(session.show.segments) if s.kind.value == "qa")
    yield "85 days before", lambda: clock.advance(-85 * 86400)
    yield "running", lambda: (clock.advance(85 * 86400 + 15), session.perform(ActionType.START))
    first = session.show.segments[0].planned_duration_s
    yield "warning", lambda: clock.advance(first - 15 - 100)
    yield "wrap up", lambda: clock.advance(80)
    yield "overtime", lambda: clock.advance(140)
    yield "paused", lambda: session.perform(ActionType.PAUSE)

    def questions() -> None:
        session.perform(ActionType.RESUME)
        session.perform(ActionType.GOTO, {"index": qa})
        book = window.questions.book
        book.add(Question.new(LONG_QUESTION, asker="Zoé Martin"))
        q = book.queue.ordered()[-1]
        book.set_state(q.id, "shortlisted")
        book.take_next()
        clock.advance(180)

    yield "Q&A", questions
    yield "finished", lambda: session.perform(ActionType.FINISH)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_live_panel_fits_keeps_its_chrome_and_reads_well(qtbot, session, clock, language):
    previous = current_language()
    install_language(language)
    try:
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.resize(1366, 740)  # a 1366×768 screen less the window's frame
        window.show()
        qtbot.waitExposed(window)
        window.live.help.hide() if window.live.help.isVisible() else None
        reference = None
        for name, step in states(session, clock, window):
            step()
            window.ticker.fire()
            qtbot.wait(1)
            assert window.width() == 1366, name  # no text widens the window
            geometry = chrome(window)
            if reference is None:
                reference = geometry
            assert geometry == reference, f"{language} {name}: the chrome moved"
            for label in window.panel.findChildren(QLabel):
                if not label.isVisible() or not label.text():
                    continue
                problem = clipped(label)
                assert problem is None, f"{language} {name}: {label.objectName()} clipped: {problem}"
                fg = label.palette().color(QPalette.ColorRole.WindowText)
                ratio = contrast(fg, background(label))
                assert ratio >= 4.5, (
                    f"{language} {name}: {label.objectName()} {label.text()!r} contrast {ratio:.2f}")
    finally:
        install_language(previous)


def test_the_questions_import_never_covers_the_live_panel(qtbot, window) -> None:
    from pathlib import Path

    window.resize(1366, 740)
    qtbot.waitExposed(window)
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "questions" / "slido_export.csv"
    dialog = window.questions.open_import(fixture)  # deletes itself on close
    qtbot.waitUntil(lambda: dialog.source is not None, timeout=5000)
    panel_bottom = window.panel.mapToGlobal(window.panel.rect().bottomLeft()).y()
    buttons_bottom = max(b.mapToGlobal(b.rect().bottomLeft()).y() for b in window.buttons.values())
    assert dialog.frameGeometry().top() > max(panel_bottom, buttons_bottom)
    assert not dialog.isModal()
    dialog.close()


def test_the_run_sheet_import_never_covers_the_live_panel(qtbot, window) -> None:
    from moderator_app.resources import resource
    from moderator_app.ui.runsheet_dialogs import ImportDialog

    window.resize(1366, 740)
    qtbot.waitExposed(window)
    dialog = ImportDialog.run(window.runsheet_editor, str(resource("sample_runsheet_fr.xlsx")))
    qtbot.addWidget(dialog)
    panel_bottom = window.panel.mapToGlobal(window.panel.rect().bottomLeft()).y()
    buttons_bottom = max(b.mapToGlobal(b.rect().bottomLeft()).y() for b in window.buttons.values())
    assert dialog.frameGeometry().top() > max(panel_bottom, buttons_bottom)
    assert not dialog.isModal()
    dialog.reject()
