"""The question queue: states, order, filters, duplicates, re-import, live timing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from moderator_app.core.clock import FakeClock
from moderator_app.core.question_text import identity, near_duplicates
from moderator_app.core.questions import (
    IMPORTED,
    STATE,
    QState,
    Question,
    QuestionError,
    QuestionQueue,
)

T0 = datetime(2021, 2, 20, 9, 0, tzinfo=UTC)


def q(text: str, asker: str | None = None, minutes: int = 0, **kw) -> Question:
    return Question.new(text, source="zoom_qa", asker=asker,
                        submitted_at=T0 + timedelta(minutes=minutes), **kw)


def queue_of(*items: Question) -> QuestionQueue:
    queue = QuestionQueue()
    queue.apply(queue.plan_import(items, file="x.csv", skipped=0).changes)
    return queue


def test_identity_is_stable_and_folds_case_and_spaces() -> None:
    a = identity("zoom_qa", T0, "Ana", "What  about  Lyon?")
    assert a == identity("zoom_qa", T0, "ana", "what about lyon?")
    assert a != identity("zoom_qa", T0, "Ana", "What about Lyon!")
    assert a != identity("slido", T0, "Ana", "What about Lyon?")
    assert len(a) == 16
    # The instant counts, not the zone it was read in; a microsecond apart is another row.
    paris = T0.astimezone(ZoneInfo("Europe/Paris"))
    assert identity("zoom_qa", paris, "Ana", "What about Lyon?") == a
    assert identity("zoom_qa", T0 + timedelta(microseconds=1), "Ana", "What about Lyon?") != a


def test_states_and_back() -> None:
    clock = FakeClock()
    queue = queue_of(q("First question here?", "A"), q("Second question here?", "B", 1))
    first = queue.ordered()[0]
    queue.apply(queue.plan_state(first.id, QState.SHORTLISTED, clock.now()))
    assert queue.get(first.id).state is QState.SHORTLISTED
    queue.apply(queue.plan_state(first.id, "dismissed", clock.now()))
    queue.apply(queue.plan_state(first.id, "new", clock.now()))
    assert queue.get(first.id).state is QState.NEW
    with pytest.raises(QuestionError):
        queue.plan_state(first.id, QState.ANSWERED, clock.now())
    assert queue.counts() == {"new": 2, "shortlisted": 0, "on_air": 0, "answered": 0,
                              "dismissed": 0}


def test_take_next_answers_previous_and_logs_times() -> None:
    clock = FakeClock()
    queue = queue_of(q("One question?", "A"), q("Two question?", "B", 1),
                     q("Three question?", "C", 2))
    a, _b, c = queue.ordered()
    for item in (c, a):  # shortlisted out of order: manual order decides
        queue.apply(queue.plan_state(item.id, QState.SHORTLISTED, clock.now()))
    changes = queue.plan_take_next(clock.now(), "qa")
    assert [ch.type for ch in changes] == [STATE]
    assert changes[0].payload == {"id": a.id, "from": "shortlisted", "to": "on_air",
                                  "text": "One question?", "asker": "A", "segment": "qa"}
    queue.apply(changes)
    clock.advance(90)
    changes = queue.plan_take_next(clock.now(), "qa")
    assert [(ch.payload["id"], ch.payload["to"]) for ch in changes] == [
        (a.id, "answered"), (c.id, "on_air")]
    queue.apply(changes)
    assert queue.get(a.id).answered_at - queue.get(a.id).taken_at == timedelta(seconds=90)
    assert queue.on_air().id == c.id
    with pytest.raises(QuestionError, match="No shortlisted"):
        queue.plan_take_next(clock.now(), "qa")
    clock.advance(150)
    queue.apply(queue.plan_answered(clock.now(), "qa"))
    assert queue.on_air() is None
    assert queue.average_answer_s("qa") == 120
    assert queue.questions_that_fit(600, "qa") == 5
    assert queue.questions_that_fit(100) == 0
    assert QuestionQueue().questions_that_fit(600) is None


def test_manual_order_moves() -> None:
    queue = queue_of(*(q(f"Question number {i}?", minutes=i) for i in range(4)))
    ids = [x.id for x in queue.ordered()]
    queue.apply(queue.plan_move([ids[3]], ids[0]))
    assert [x.id for x in queue.ordered()] == [ids[3], ids[0], ids[1], ids[2]]
    queue.apply(queue.plan_move([ids[3], ids[0]], None))
    assert [x.id for x in queue.ordered()] == [ids[1], ids[2], ids[3], ids[0]]
    queue.apply(queue.plan_move([ids[0]], ids[2]))
    assert [x.id for x in queue.ordered()] == [ids[1], ids[0], ids[2], ids[3]]
    for _ in range(80):  # squeezing between the same neighbours forces a renumbering
        order = [x.id for x in queue.ordered()]
        queue.apply(queue.plan_move([order[2]], order[1]))
    assert len({x.order for x in queue.ordered()}) == 4


def test_search_filters_and_sorts() -> None:
    queue = queue_of(
        q("Quel rôle pour les MÉTROPOLES ?", "Zoé", 5, votes=3, organisation="Lyon"),
        q("What about budgets?", "Ana", 1, votes=10),
        q("Et la coopération décentralisée ?", "Paul", 3, votes=None),
    )
    first = queue.ordered()[0]
    queue.apply(queue.plan_edit(first.id, tags=["gouvernance", "gouvernance", " "],
                                speaker="Europe", note="à poser en premier"))
    assert [x.asker for x in queue.select("metropoles")] == ["Zoé"]
    assert [x.asker for x in queue.select("lyon role")] == ["Zoé"]
    assert [x.asker for x in queue.select("POSER")] == ["Zoé"]  # the note is searched
    assert queue.select(tag="gouvernance")[0].tags == ("gouvernance",)
    assert [x.asker for x in queue.select(speaker="Europe")] == ["Zoé"]
    assert [x.asker for x in queue.select(sort="votes")] == ["Ana", "Zoé", "Paul"]
    assert [x.asker for x in queue.select(sort="time")] == ["Ana", "Paul", "Zoé"]
    assert queue.select(states=["dismissed"]) == []
    assert queue.speakers() == ["Europe"] and queue.tags() == ["gouvernance"]
    with pytest.raises(QuestionError):
        queue.plan_edit(first.id, state="answered")
    assert queue.plan_edit(first.id, note="à poser en premier") == []


def test_reimport_keeps_decisions_and_adds_only_new() -> None:
    clock = FakeClock()
    old = [q("Question one?", "A", votes=1), q("Question two?", "B", 1)]
    queue = queue_of(*old)
    one = queue.ordered()[0]
    queue.apply(queue.plan_state(one.id, QState.SHORTLISTED, clock.now()))
    queue.apply(queue.plan_edit(one.id, note="good", starred=True))
    queue.apply(queue.plan_move([one.id], None))
    before = queue.get(one.id)
    again = [q("Question one?", "A", votes=7), q("Question two?", "B", 1),
             q("Question three?", "C", 2), q("Question three?", "C", 2)]
    result = queue.plan_import(again, file="x.csv", skipped=2)
    assert (result.added, result.present) == (1, 3)
    assert result.changes[0].type == IMPORTED
    assert result.changes[0].payload == {"file": "x.csv", "added": 1, "present": 3, "skipped": 2,
                                         "answered": 0}
    queue.apply(result.changes)
    after = queue.get(one.id)
    assert (after.state, after.note, after.starred, after.order) == (
        before.state, before.note, before.starred, before.order)
    assert after.votes == 7  # the public kept voting
    assert queue.ordered()[-1].text == "Question three?"  # new ones go to the end
    assert len(queue) == 3


def test_near_duplicates_case_punctuation_word_order() -> None:
    items = [
        ("a", "Comment les villes moyennes peuvent-elles accéder aux réseaux internationaux ?"),
        ("b", "What about budgets?"),
        ("c", "comment les villes moyennes peuvent elles accéder aux réseaux internationaux"),
        ("d", "Réseaux internationaux : les villes moyennes peuvent-elles y accéder, comment ?"),
        ("e", "Something else entirely about the SDG agenda"),
    ]
    found = near_duplicates(items)
    assert {(s.keep, s.duplicate) for s in found} == {("a", "c"), ("a", "d")}
    queue = queue_of(q(items[0][1], "A", votes=2), q(items[2][1], "B", 1, votes=3))
    [suggestion] = queue.duplicate_suggestions()
    queue.apply(queue.plan_merge(suggestion.keep, suggestion.duplicate))
    assert queue.get(suggestion.keep).votes == 5
    assert queue.get(suggestion.duplicate).state is QState.DISMISSED
    assert queue.duplicate_suggestions() == []


def test_round_trip_dict_and_manual_add() -> None:
    item = q("Line one\nline <b>two</b> =1+1", "Zoé", tags=("x",))
    assert Question.from_dict(item.to_dict()) == item
    queue = queue_of(q("Existing?", "A"))
    manual = Question.new("From the chat: what next?", source="manual", asker="Chat")
    [change] = queue.plan_add(manual)
    queue.apply([change])
    assert queue.ordered()[-1].id == manual.id
    with pytest.raises(QuestionError):
        queue.plan_add(manual)
    with pytest.raises(QuestionError):
        queue.plan_add(Question.new("  ", source="manual"))


def test_many_builds_questions_like_init() -> None:
    import pytest as _pytest

    made = Question.many({"id": ["a", "b"], "text": ["x", "y"], "votes": [3, None]})
    assert made == [Question(id="a", text="x", votes=3), Question(id="b", text="y")]
    assert list(made[0].__dict__) == list(Question(id="c", text="z").__dict__)
    with _pytest.raises(TypeError):
        Question.many({"id": ["a"], "nope": [1]})
    with _pytest.raises(ValueError):
        Question.many({"id": ["a", "b"], "text": ["x"]})


def test_average_answer_time_follows_queue_changes() -> None:
    from datetime import UTC, datetime, timedelta

    from moderator_app.core.questions import Change, Question, QuestionQueue

    t0 = datetime(2027, 2, 25, 16, 0, tzinfo=UTC)
    queue = QuestionQueue([Question(id="a", text="A?"), Question(id="b", text="B?")])
    assert queue.average_answer_s() is None
    done = Question(id="a", text="A?", taken_at=t0, answered_at=t0 + timedelta(seconds=90))
    queue.apply([Change("question.state", {}, (done,))])
    assert queue.average_answer_s() == 90
    other = Question(id="b", text="B?", taken_at=t0, answered_at=t0 + timedelta(seconds=30))
    queue.apply([Change("question.state", {}, (other,))])
    assert queue.average_answer_s() == 60


# -- answered in the source (issue 10, item 4) ---------------------------------------------
def test_import_takes_answered_in_source_as_answered_and_journals_each() -> None:
    now = T0 + timedelta(hours=2)
    items = [q("Answered live?", "A", answered_in_source=True), q("Open one?", "B", 1,
             answered_in_source=False), q("No column?", "C", 2),
             q("Typed answer?", None, 3, answered_in_source=True)]
    queue = QuestionQueue()
    result = queue.plan_import(items, file="zoom.csv", skipped=0, now=now)
    assert (result.added, result.present, result.answered, result.answered_in_source) == (
        4, 0, 2, 2)
    imported, *states = result.changes
    assert imported.type == IMPORTED
    assert imported.payload == {"file": "zoom.csv", "added": 4, "present": 0, "skipped": 0,
                                "answered": 2}
    # One state change each, like the moderator's own: the report counts them.
    assert [(c.type, c.payload) for c in states] == [
        (STATE, {"id": items[0].id, "from": "new", "to": "answered", "text": "Answered live?",
                 "asker": "A", "segment": None, "file": "zoom.csv"}),
        (STATE, {"id": items[3].id, "from": "new", "to": "answered", "text": "Typed answer?",
                 "asker": None, "segment": None, "file": "zoom.csv"}),
    ]
    queue.apply(result.changes)
    got = {x.text: (x.state, x.answered_at) for x in queue}
    assert got == {"Answered live?": (QState.ANSWERED, now), "Open one?": (QState.NEW, None),
                   "No column?": (QState.NEW, None), "Typed answer?": (QState.ANSWERED, now)}
    assert queue.counts()["answered"] == 2
    assert queue.average_answer_s() is None  # never on air here: no answer time to learn


def test_import_can_keep_answered_in_source_as_new() -> None:
    items = [q("Answered live?", "A", answered_in_source=True), q("Open?", "B", 1)]
    queue = QuestionQueue()
    result = queue.plan_import(items, file="zoom.csv", skipped=0, now=T0,
                               answered_as=QState.NEW)
    assert (result.answered, result.answered_in_source) == (0, 1)
    assert [c.type for c in result.changes] == [IMPORTED]
    assert result.changes[0].payload["answered"] == 0
    queue.apply(result.changes)
    assert [(x.state, x.answered_in_source) for x in queue] == [(QState.NEW, True),
                                                                 (QState.NEW, None)]
    with pytest.raises(QuestionError):
        queue.plan_import(items, file="zoom.csv", skipped=0, answered_as=QState.ON_AIR)


def test_reimport_never_flips_a_state_the_moderator_set() -> None:
    clock = FakeClock()

    def first() -> list[Question]:  # imports take the questions they add: fresh ones each time
        return [q("One?", "A", answered_in_source=True),
                q("Two?", "B", 1, answered_in_source=True),
                q("Three?", "C", 2, answered_in_source=False)]

    queue = QuestionQueue()
    queue.apply(queue.plan_import(first(), file="zoom.csv", skipped=0, now=clock.now(),
                                  answered_as=QState.NEW).changes)
    _one, two, three = queue.ordered()
    # The moderator: "One" stays new (left alone), "Two" shortlisted, "Three" dismissed.
    queue.apply(queue.plan_state(two.id, QState.SHORTLISTED, clock.now()))
    queue.apply(queue.plan_state(three.id, QState.DISMISSED, clock.now()))
    # The same file again, now with every row answered, imported as answered.
    again = [x.copy(answered_in_source=True) for x in
             (q("One?", "A"), q("Two?", "B", 1), q("Three?", "C", 2))]
    result = queue.plan_import(again, file="zoom.csv", skipped=0, now=clock.now())
    assert (result.added, result.present, result.answered) == (0, 3, 0)
    assert [c.type for c in result.changes] == [IMPORTED]
    queue.apply(result.changes)
    assert [(x.state, x.answered_in_source) for x in queue.ordered()] == [
        (QState.NEW, True), (QState.SHORTLISTED, True), (QState.DISMISSED, True)]
    # Marked answered by import, moved back by the moderator: a re-import keeps it back.
    other = QuestionQueue()
    other.apply(other.plan_import(first()[:1], file="zoom.csv", skipped=0,
                                  now=clock.now()).changes)
    [only] = other.ordered()
    assert only.state is QState.ANSWERED
    other.apply(other.plan_state(only.id, QState.NEW, clock.now()))
    result = other.plan_import(first()[:1], file="zoom.csv", skipped=0, now=clock.now())
    other.apply(result.changes)
    assert other.get(only.id).state is QState.NEW and result.answered == 0


def test_undo_restores_the_fields_a_decision_changed() -> None:
    from datetime import UTC, datetime

    from moderator_app.core.questions import RESTORE

    queue = QuestionQueue()
    queue.apply(queue.plan_import([Question.new("Une question ?", source="t")], file="f",
                                  skipped=0).changes)
    q = queue.ordered()[0]
    now = datetime(2027, 2, 25, 15, 30, tzinfo=UTC)
    [change] = queue.with_restore(queue.plan_state(q.id, QState.SHORTLISTED, now))
    queue.apply([change])
    [change] = queue.with_restore(queue.plan_state(q.id, QState.ON_AIR, now, "qa"))
    assert change.payload[RESTORE][q.id] == {
        "before": {"state": "shortlisted", "taken_at": None, "taken_segment": None},
        "after": {"state": "on_air", "taken_at": now.isoformat(), "taken_segment": "qa"}}
    queue.apply([change])
    undo = queue.plan_restore(change.type, change.payload, redo=False, seq=7)
    assert (undo.payload["undoes"], undo.payload["from"], undo.payload["to"]) == (
        7, "on_air", "shortlisted")
    queue.apply([undo])
    assert queue.get(q.id).state is QState.SHORTLISTED and queue.get(q.id).taken_at is None
    redo = queue.plan_restore(change.type, change.payload, redo=True, seq=7)
    queue.apply([redo])
    assert queue.get(q.id).state is QState.ON_AIR and queue.get(q.id).taken_at == now
    with pytest.raises(QuestionError):  # written by an older version: nothing to restore
        queue.plan_restore(change.type, {"id": q.id}, redo=False, seq=1)
