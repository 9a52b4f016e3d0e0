"""Item models over the question queue: a thin table model and a fast filter/sort proxy.

The table model lists the queue in manual order and emits ``dataChanged`` only for the
cells a change touched. The proxy keeps its own list of source rows: a keystroke in the
search box filters precomputed, accent-folded search texts (narrowing from the previous
result while the moderator types on), so 50,000 questions filter in a few milliseconds
where a ``filterAcceptsRow`` call per row would take a tenth of a second. The proxy is
what views see, so it also hands rows to them lazily, in chunks (``fetchMore``).
"""

from __future__ import annotations

import json
from collections import OrderedDict

from PySide6.QtCore import (
    QAbstractProxyModel,
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from moderator_app.core.question_text import fold
from moderator_app.core.questions import QState, Question, QuestionQueue
from moderator_app.ui.formatting import day_and_time
from moderator_app.ui.widgets import plain_tooltip

QuestionRole = Qt.ItemDataRole.UserRole + 1  # the Question object
IdRole = Qt.ItemDataRole.UserRole + 2
StateRole = Qt.ItemDataRole.UserRole + 3
SortRole = Qt.ItemDataRole.UserRole + 4

COL_ORDER, COL_STAR, COL_STATE, COL_TEXT, COL_ASKER, COL_ORG, COL_VOTES, COL_TIME, \
    COL_SPEAKER, COL_TAGS = range(10)
COLUMN_COUNT = 10
MIME = "application/x-moderator-question-ids"
FETCH_CHUNK = 1000

# Which question fields each column shows: a change repaints only those cells.
_COLUMN_FIELDS = {
    COL_ORDER: ("order",), COL_STAR: ("starred",), COL_STATE: ("state", "answered_in_source"),
    COL_TEXT: ("text", "note"), COL_ASKER: ("asker", "anonymous", "email"),
    COL_ORG: ("organisation",), COL_VOTES: ("votes",), COL_TIME: ("submitted_at",),
    COL_SPEAKER: ("speaker", "segment"), COL_TAGS: ("tags",),
}
_STATE_COLOURS = {
    QState.NEW: None, QState.SHORTLISTED: QColor("#1d6fb8"), QState.ON_AIR: QColor("#c0392b"),
    QState.ANSWERED: QColor("#2e7d32"), QState.DISMISSED: QColor("#8a8a8a"),
}


def state_label(state: QState) -> str:
    return {
        QState.NEW: QCoreApplication.translate("QuestionTableModel", "New"), QState.SHORTLISTED: QCoreApplication.translate("QuestionTableModel", "Shortlisted"),
        QState.ON_AIR: QCoreApplication.translate("QuestionTableModel", "On air"), QState.ANSWERED: QCoreApplication.translate("QuestionTableModel", "Answered"),
        QState.DISMISSED: QCoreApplication.translate("QuestionTableModel", "Dismissed"),
    }[state]


def asker_label(q: Question) -> str:
    if q.anonymous:
        return QCoreApplication.translate("QuestionTableModel", "Anonymous")
    return q.asker or ""


class QuestionTableModel(QAbstractTableModel):
    """All questions of the queue in manual order; rows follow ``queue.ordered()``."""

    def __init__(self, queue: QuestionQueue, parent=None) -> None:
        super().__init__(parent)
        self.queue = queue
        self._rows: list[Question] = []
        self._row_of: dict[str, int] = {}
        self.local_zone = None  # times shown in this zone (the show's); None = as stored
        self._rebuild()

    def _rebuild(self) -> None:
        self._rows = list(self.queue.ordered())
        self._row_of = {q.id: i for i, q in enumerate(self._rows)}

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [QCoreApplication.translate("QuestionTableModel", "#"), "★", QCoreApplication.translate("QuestionTableModel", "State"), QCoreApplication.translate("QuestionTableModel", "Question"), QCoreApplication.translate("QuestionTableModel", "Asked by"),
                QCoreApplication.translate("QuestionTableModel", "Organisation"), QCoreApplication.translate("QuestionTableModel", "Votes"), QCoreApplication.translate("QuestionTableModel", "Time"), QCoreApplication.translate("QuestionTableModel", "For"), QCoreApplication.translate("QuestionTableModel", "Tags")][section]

    def question(self, row: int) -> Question:
        return self._rows[row]

    def row_of(self, qid: str) -> int | None:
        return self._row_of.get(qid)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        q = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(q, col, index.row())
        if role == QuestionRole:
            return q
        if role == IdRole:
            return q.id
        if role == StateRole:
            return q.state.value
        if role == SortRole:
            return sort_key(q, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_TEXT:
            note = QCoreApplication.translate("QuestionTableModel", "Note: {0}").format(q.note)
            return plain_tooltip(q.text + (f"\n\n{note}" if q.note else ""))
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_STATE and q.answered_in_source:
            # Kept new at import, or taken again since: the moderator still sees it.
            return QCoreApplication.translate("QuestionTableModel",
                                              "Marked answered in the source file")
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATE:
            return _STATE_COLOURS[q.state]
        if role == Qt.ItemDataRole.FontRole and q.state is QState.ON_AIR:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_VOTES, COL_ORDER, COL_STAR):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, q: Question, col: int, row: int):
        if col == COL_ORDER:
            return row + 1
        if col == COL_STAR:
            return "★" if q.starred else ""
        if col == COL_STATE:
            return state_label(q.state)
        if col == COL_TEXT:
            # One line in the table; the full text (line breaks kept) is in the tooltip.
            return " ".join(q.text.split())
        if col == COL_ASKER:
            return asker_label(q)
        if col == COL_ORG:
            return q.organisation or ""
        if col == COL_VOTES:
            return "" if q.votes is None else q.votes
        if col == COL_TIME:
            if q.submitted_at is None:
                return ""
            moment = q.submitted_at.astimezone(self.local_zone) if self.local_zone else \
                q.submitted_at
            return day_and_time(moment, moment.tzinfo, "%d/%m")
        if col == COL_SPEAKER:
            return q.speaker
        if col == COL_TAGS:
            return ", ".join(q.tags)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled)

    # -- following the queue --------------------------------------------------------------------
    def questions_changed(self, questions: list[Question]) -> None:
        """Reflect changed or added questions: dataChanged for the cells that differ."""
        fresh = [q for q in questions if q.id not in self._row_of]
        known = [q for q in questions if q.id in self._row_of]
        moved = any(self._rows[self._row_of[q.id]].order != q.order for q in known)
        if moved:
            self.layoutAboutToBeChanged.emit()
            old = self.persistentIndexList()
            ids = [self._rows[i.row()].id for i in old]
            self._rebuild()
            self.changePersistentIndexList(
                old, [self.index(self._row_of[qid], i.column()) for qid, i in zip(ids, old,
                                                                                   strict=True)])
            self.layoutChanged.emit()
            return
        for q in known:
            row = self._row_of[q.id]
            before = self._rows[row]
            self._rows[row] = q
            cols = [c for c, names in _COLUMN_FIELDS.items()
                    if any(getattr(before, n) != getattr(q, n) for n in names)]
            if cols:
                self.dataChanged.emit(self.index(row, min(cols)), self.index(row, max(cols)))
        if fresh:
            ordered = self.queue.ordered()
            last = self._rows[-1].order if self._rows else float("-inf")
            if all(q.order > last for q in fresh) and len(ordered) == len(self._rows) + len(fresh):
                start = len(self._rows)
                self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
                self._rows.extend(sorted(fresh, key=lambda q: (q.order, q.id)))
                for i in range(start, len(self._rows)):
                    self._row_of[self._rows[i].id] = i
                self.endInsertRows()
            else:
                self.reset()

    def reset(self) -> None:
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()


def sort_key(q: Question, col: int):
    if col == COL_VOTES:
        return q.votes or 0
    if col == COL_TIME:
        return q.submitted_at.timestamp() if q.submitted_at else float("inf")
    if col == COL_STAR:
        return 0 if q.starred else 1
    if col == COL_STATE:
        return list(QState).index(q.state)
    if col == COL_ASKER:
        return fold(q.asker or "")
    if col == COL_ORG:
        return fold(q.organisation or "")
    if col == COL_TEXT:
        return fold(q.text)
    if col == COL_SPEAKER:
        return fold(q.speaker)
    return q.order


class QuestionFilterProxy(QAbstractProxyModel):
    """Search, state/speaker/tag filters and sorting, computed in plain Python lists."""

    moveRequested = Signal(list, object)  # (ids, before id or None) from a drag and drop
    filtered = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._search = ""
        self._states: frozenset[str] | None = None
        self._speaker: str | None = None
        self._tag: str | None = None
        self._sort_col = COL_ORDER
        self._descending = False
        self._rows: list[int] = []  # source rows, in view order
        self._pos: dict[int, int] = {}
        self._fetched = 0
        self._texts: list[str] = []
        self._sorted: list[int] = []
        self._cache: OrderedDict[str, list[int]] = OrderedDict()

    # -- source wiring ----------------------------------------------------------------------------
    def setSourceModel(self, model: QuestionTableModel) -> None:  # type: ignore[override]
        self.beginResetModel()
        old = self.sourceModel()
        if old is not None:
            for signal in (old.modelReset, old.rowsInserted, old.rowsRemoved, old.layoutChanged):
                signal.disconnect(self._source_reset)
            old.dataChanged.disconnect(self._source_data_changed)
        super().setSourceModel(model)
        model.modelReset.connect(self._source_reset)
        model.rowsInserted.connect(self._source_reset)
        model.rowsRemoved.connect(self._source_reset)
        model.layoutChanged.connect(self._source_reset)
        model.dataChanged.connect(self._source_data_changed)
        self._reindex()
        self._refilter(reset=False)
        self.endResetModel()

    def _model(self) -> QuestionTableModel:
        return self.sourceModel()  # type: ignore[return-value]

    def _reindex(self) -> None:
        model = self._model()
        queue = model.queue
        rows = range(model.rowCount())
        self._texts = [queue.search_text(model.question(r)) for r in rows]
        self._resort()

    def _resort(self) -> None:
        model = self._model()
        n = model.rowCount()
        if self._sort_col == COL_ORDER:
            order = list(range(n))
            if self._descending:
                order.reverse()
        else:
            keys = [sort_key(model.question(r), self._sort_col) for r in range(n)]
            reverse = self._descending if self._sort_col != COL_VOTES else not self._descending
            order = sorted(range(n), key=keys.__getitem__, reverse=reverse)
        self._sorted = order
        self._cache.clear()

    def _source_reset(self, *args) -> None:
        self.beginResetModel()
        self._reindex()
        self._refilter(reset=False)
        self.endResetModel()

    def _source_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles=()) -> None:
        model = self._model()
        membership_changed = False
        for r in range(top.row(), bottom.row() + 1):
            self._texts[r] = model.queue.search_text(model.question(r))
            if self._accepts(r) != (r in self._pos):
                membership_changed = True
        self._cache.clear()
        if membership_changed:
            self._refilter()
            return
        for r in range(top.row(), bottom.row() + 1):
            p = self._pos.get(r)
            if p is not None and p < self._fetched:
                self.dataChanged.emit(self.index(p, top.column()), self.index(p, bottom.column()))

    # -- filters ----------------------------------------------------------------------------------------
    def set_search(self, text: str) -> None:
        if text != self._search:
            self._search = text
            self._refilter()

    def set_states(self, states: set[str] | None) -> None:
        value = frozenset(states) if states is not None else None
        if value != self._states:
            self._states = value
            self._cache.clear()
            self._refilter()

    def set_speaker(self, speaker: str | None) -> None:
        if speaker != self._speaker:
            self._speaker = speaker or None
            self._cache.clear()
            self._refilter()

    def set_tag(self, tag: str | None) -> None:
        if tag != self._tag:
            self._tag = tag or None
            self._cache.clear()
            self._refilter()

    def search(self) -> str:
        return self._search

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_col = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.beginResetModel()
        self._resort()
        self._refilter(reset=False)
        self.endResetModel()

    def sorted_by_order(self) -> bool:
        return self._sort_col == COL_ORDER and not self._descending

    def _accepts(self, r: int) -> bool:
        q = self._model().question(r)
        if self._states is not None and q.state.value not in self._states:
            return False
        if self._speaker and self._speaker not in (q.speaker, q.segment):
            return False
        if self._tag and self._tag not in q.tags:
            return False
        text = self._texts[r]
        return all(w in text for w in fold(self._search).split())

    def _matching(self) -> list[int]:
        words = fold(self._search).split()
        key = " ".join(words)
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            return hit
        # Typing on narrows the previous result; only a fresh search scans everything.
        base = None
        for cached_key in reversed(self._cache):
            if cached_key and key.startswith(cached_key) and len(cached_key.split()) <= len(words):
                base = self._cache[cached_key]
                break
        if base is None:
            base = self._base_rows()
        texts = self._texts
        rows = base
        for w in words:
            rows = [r for r in rows if w in texts[r]]
        self._cache[key] = rows
        while len(self._cache) > 64:
            self._cache.popitem(last=False)
        return rows

    def _base_rows(self) -> list[int]:
        model = self._model()
        rows = self._sorted
        if self._states is not None:
            wanted = self._states
            rows = [r for r in rows if model.question(r).state.value in wanted]
        if self._speaker:
            rows = [r for r in rows if self._speaker in (model.question(r).speaker,
                                                          model.question(r).segment)]
        if self._tag:
            rows = [r for r in rows if self._tag in model.question(r).tags]
        return rows

    def _refilter(self, reset: bool = True) -> None:
        if reset:
            self.beginResetModel()
        self._rows = self._matching()
        self._pos = {r: i for i, r in enumerate(self._rows)} if len(self._rows) < 5000 else \
            _LazyPositions(self._rows)
        self._fetched = min(len(self._rows), FETCH_CHUNK)
        if reset:
            self.endResetModel()
        self.filtered.emit()

    # -- proxy mapping --------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._fetched

    def total_rows(self) -> int:
        """Matching rows, including those not fetched by a view yet."""
        return len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and self._fetched < len(self._rows)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if parent.isValid():
            return
        more = min(FETCH_CHUNK, len(self._rows) - self._fetched)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._fetched, self._fetched + more - 1)
        self._fetched += more
        self.endInsertRows()

    def fetch_all(self) -> None:
        while self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def index(self, row: int, column: int,
              parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < self._fetched) or not (0 <= column < COLUMN_COUNT):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index=None):  # type: ignore[override]
        if index is None:
            return super().parent()
        return QModelIndex()

    def mapToSource(self, proxy: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        if not proxy.isValid() or proxy.row() >= len(self._rows):
            return QModelIndex()
        return self._model().index(self._rows[proxy.row()], proxy.column())

    def mapFromSource(self, source: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        if not source.isValid():
            return QModelIndex()
        p = self._pos.get(source.row())
        if p is None or p >= self._fetched:
            return QModelIndex()
        return self.createIndex(p, source.column())

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        source = self._model().index(self._rows[index.row()], index.column())
        if role == Qt.ItemDataRole.DisplayRole and index.column() == COL_ORDER:
            return self._rows[index.row()] + 1  # the position in the manual order
        return self._model().data(source, role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        return self._model().headerData(section, orientation, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return self._model().flags(self.mapToSource(index))

    def question_at(self, row: int) -> Question:
        return self._model().question(self._rows[row])

    def row_of(self, qid: str) -> int | None:
        source = self._model().row_of(qid)
        if source is None:
            return None
        return self._pos.get(source)

    def visible_ids(self) -> list[str]:
        model = self._model()
        return [model.question(r).id for r in self._rows]

    # -- drag and drop reordering ---------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(MIME, json.dumps([self.question_at(r).id for r in rows]).encode())
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex | QPersistentModelIndex) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME):
            return False
        ids = json.loads(bytes(data.data(MIME)).decode())
        target = parent.row() if row < 0 and parent.isValid() else row
        self.moveRequested.emit(ids, self.before_for_drop(ids, target))
        return False  # the move comes back through the queue; Qt must not remove rows

    def before_for_drop(self, ids: list[str], target: int) -> str | None:
        """The question the dropped ones go before, for a drop above visible row ``target``."""
        visible = self.visible_ids()
        moving = set(ids)
        if 0 <= target < len(visible):
            for qid in visible[target:]:
                if qid not in moving:
                    return qid
        # Dropped after the last visible row: before whatever follows it in the full queue.
        last = next((q for q in reversed(visible) if q not in moving), None)
        ordered = [q.id for q in self._model().queue.ordered()]
        if last is None:
            return None
        after = ordered[ordered.index(last) + 1:]
        return next((qid for qid in after if qid not in moving), None)


class _LazyPositions(dict):
    """Row -> view position, built on first lookup: a big result may never be asked."""

    def __init__(self, rows: list[int]) -> None:
        super().__init__()
        self._src = rows
        self._built = False

    def _build(self) -> None:
        if not self._built:
            self._built = True
            self.update({r: i for i, r in enumerate(self._src)})

    def get(self, key, default=None):  # type: ignore[override]
        self._build()
        return super().get(key, default)

    def __contains__(self, key) -> bool:
        self._build()
        return super().__contains__(key)
