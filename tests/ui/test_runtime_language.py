"""Switching the language during the show leaves nothing in the old one.

The console is opened in English, every page shown once (so that pages built on first
show exist), then French is installed at run time, as the preferences do. Every visible
text of every widget — labels, buttons, tabs, table headers, combo items, placeholders,
menus and their actions, plots' axes and legends — is compared with the catalogue: an
English source string that has a different French translation must not be visible.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)

from moderator_app.ui.i18n import current_language, install_language
from moderator_app.ui.main_window import MainWindow

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "moderator_fr.ts"


def english_sources() -> set[str]:
    """Source strings whose French differs (so seeing them means "not retranslated")."""
    out = set()
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            source, french = message.findtext("source"), message.findtext("translation")
            differs = source and french and source.replace("&", "") != french.replace("&", "")
            if differs and len(source) > 3 and "{" not in source:
                out.add(source.replace("&", ""))
    return out


def visible_texts(widget: QWidget) -> list[str]:
    out: list[str] = []
    if isinstance(widget, QLabel):
        out.append(widget.text())
    if isinstance(widget, QAbstractButton):
        out.append(widget.text())
    if isinstance(widget, QLineEdit):
        out.append(widget.placeholderText())
    if isinstance(widget, QGroupBox):
        out.append(widget.title())
    if isinstance(widget, QTabBar):
        out += [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QComboBox):
        out += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        out += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(model.columnCount())]
    if isinstance(widget, QMenu):
        out += [widget.title()] + [a.text() for a in widget.actions()]
    return out


def plot_texts(window: MainWindow) -> list[str]:
    import pyqtgraph as pg

    out = []
    for plot in window.findChildren(pg.PlotWidget):
        item = plot.getPlotItem()
        for name in ("left", "bottom"):
            out.append(item.getAxis(name).labelText)
        legend = item.legend
        if legend is not None:
            out += [label.text for _sample, label in legend.items]
    return out


def test_switching_to_french_at_run_time_leaves_no_english(qtbot, session) -> None:
    previous = current_language()
    install_language("en")
    try:
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.resize(1366, 740)
        window.show()
        qtbot.waitExposed(window)
        for i in range(window.pages.count()):  # pages are built the first time they show
            window.pages.setCurrentIndex(i)
            qtbot.wait(1)
        window.pages.setCurrentIndex(0)
        install_language("fr")
        qtbot.wait(1)
        english = english_sources()
        left = set()
        for i in range(window.pages.count()):
            window.pages.setCurrentIndex(i)
            qtbot.wait(1)
            for widget in window.findChildren(QWidget):
                for text in visible_texts(widget):
                    if text.replace("&", "").strip() in english:
                        left.add(f"{type(widget).__name__} {widget.objectName()}: {text}")
        for menu in window.menuBar().findChildren(QMenu):
            for text in visible_texts(menu):
                if text.replace("&", "").strip() in english:
                    left.add(f"menu {menu.title()}: {text}")
        left |= {f"plot: {t}" for t in plot_texts(window) if t and t.strip() in english}
        assert not left, "still in English after switching: " + "; ".join(sorted(left))
    finally:
        install_language(previous)
