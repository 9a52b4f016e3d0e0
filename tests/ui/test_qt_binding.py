"""Guard against a Qt binding that loses references on every call.

PySide6 6.12.0 under Python 3.11 drops a reference to None each time a method that
returns nothing is called; after enough refreshes of a live show None is deallocated
and the interpreter aborts. pyproject.toml excludes it; this fails if one slips in.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("12:34")
        label.setVisible(False)
    assert sys.getrefcount(None) >= before - 50
