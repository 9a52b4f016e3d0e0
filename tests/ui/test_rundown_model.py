from __future__ import annotations

from moderator_app.io.session import ShowSession
from moderator_app.ui.rundown_model import COL_ACTUAL, COL_PROJECTED, RundownModel


def test_only_cells_whose_text_changed_are_repainted(qapp, session: ShowSession, clock) -> None:
    model = RundownModel(session.show, session.engine)
    session.perform("start")
    model.update(session.snapshot())
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda a, b, *_: changed.append((a.row(), a.column(), b.row(), b.column()))
    )
    clock.advance(10)  # on time: projections stay put, only the running "actual" cell moves
    model.update(session.snapshot())
    assert changed == [(0, COL_ACTUAL, 0, COL_ACTUAL)]
    changed.clear()
    clock.advance(300 + 50)  # 60 s into overtime: every later start moves by a minute
    model.update(session.snapshot())
    projected = [c for c in changed if c[1] == COL_PROJECTED]
    assert projected and all(c[0] == c[2] and c[0] >= 1 for c in projected)
    assert model.data(model.index(1, COL_PROJECTED)) == "16:06"
