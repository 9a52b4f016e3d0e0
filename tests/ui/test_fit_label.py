from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from moderator_app.ui.fit_label import FitLabel


def test_long_text_shrinks_to_fit_and_short_text_keeps_full_size(qtbot) -> None:
    label = FitLabel(54)
    qtbot.addWidget(label)
    label.resize(300, 100)
    label.show()
    label.setText("4:59")
    assert label.font().pointSize() == 54
    label.setText("90 d 0 h 12 min")
    assert label.font().pointSize() < 54
    width = QFontMetrics(label.font()).horizontalAdvance(label.text())
    assert width <= label.contentsRect().width()
    label.setText("4:58")
    assert label.font().pointSize() == 54
