"""A tab that builds its real page the first time it is shown.

Pages whose construction is heavy (the plots import pyqtgraph and numpy) sit in the
window as this light placeholder, so the console starts without them; the page is built
when the moderator first opens its tab, or when something asks for it (a menu action).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    built = Signal(object)  # the page, once

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        return self._page is not None

    def page(self) -> QWidget:
        """The real page, built now if it was not yet."""
        if self._page is None:
            page = self._factory()
            self._page = page
            self._layout.addWidget(page)
            if self.isVisible():
                page.show()
            self.built.emit(page)
        return self._page

    def showEvent(self, event: QShowEvent) -> None:
        self.page()
        super().showEvent(event)
