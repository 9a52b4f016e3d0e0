"""Every journal type is a constant of core.actions, and each belongs to one part."""

from __future__ import annotations

import re
from pathlib import Path

from moderator_app.core import actions
from moderator_app.core.actions import ActionType, Changes, Part, part_of
from moderator_app.io.question_store import QuestionBook
from moderator_app.io.session import ShowSession

PACKAGE = Path(actions.__file__).resolve().parents[1]


def test_each_type_has_its_part() -> None:
    assert part_of(ActionType.NEXT) is Part.TIMER
    assert part_of(ActionType.MESSAGE) is Part.MESSAGE
    assert part_of(actions.RUNSHEET_EDIT) is Part.RUNSHEET
    assert part_of(actions.RUNSHEET_LINK) is Part.RUNSHEET
    assert part_of(actions.QUESTION_STATE) is Part.QUESTIONS
    assert part_of(actions.CLOCK_JUMP) is Part.CLOCK
    assert part_of("something.else") is Part.OTHER


def test_no_module_spells_a_journal_type_out() -> None:
    # "question.state" written in two places drifted apart once: one definition only.
    literal = re.compile(r"""["'](question|runsheet|clock)\.[a-z_]+["']""")
    offenders = [
        f"{path.relative_to(PACKAGE)}:{n}"
        for path in PACKAGE.rglob("*.py")
        if path.name != "actions.py" or path.parent.name != "core"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if literal.search(line)
    ]
    assert not offenders, offenders


def test_the_session_announces_typed_changes(session: ShowSession, clock) -> None:
    seen: list[Changes] = []
    session.subscribe_changes(seen.append)
    session.perform(ActionType.START)
    book = QuestionBook(session)
    from moderator_app.core.questions import Question

    book.add(Question.new("Une question ?"))
    other = ShowSession.open(session.path, clock=clock)
    try:
        other.perform(ActionType.NEXT)
    finally:
        other.close()
    session.refresh()
    assert [(c.part, c.own) for c in seen] == [
        (Part.TIMER, True), (Part.QUESTIONS, True), (Part.TIMER, False)]
    assert seen[0].timer and seen[1].questions and not seen[1].runsheet
