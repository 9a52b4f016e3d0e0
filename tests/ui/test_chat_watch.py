"""A Zoom chat saved during the show and linked: the console's watcher merges the new
messages that are questions as the file grows, and keeps every question when it is
rewritten."""

from __future__ import annotations

from pathlib import Path

from moderator_app.app.questions import ImportChoices, import_file
from moderator_app.io.question_store import QuestionBook
from moderator_app.io.session import ShowSession
from moderator_app.ui.questions_import import SourceWatcher

HEAD = ("10:01:12 From  Claire Martin  to  Everyone:\n\tBonjour à tous !\n"
        "10:03:05 From  Sophie Laurent  to  Everyone:\n\tComment financer\n"
        "\tla rénovation des écoles ?\n")
MORE = ("10:04:02 From  Léa Moreau  to  Me (privately):\n"
        "\tPouvez-vous partager les diapositives\n"
        "10:05:47 From  Thomas Petit  to  Everyone:\n\tMerci beaucoup\n")


def test_a_growing_zoom_chat_feeds_the_queue(qtbot, session: ShowSession,
                                             tmp_path: Path) -> None:
    folder = tmp_path / "2026-12-02 10.00.00 Conseil 123456789"
    folder.mkdir()
    path = folder / "meeting_saved_chat.txt"
    path.write_text(HEAD, encoding="utf-8")
    book = QuestionBook(session)
    assert import_file(book, path, ImportChoices(watch=True)).merge.added == 1
    watcher = SourceWatcher(book)
    with qtbot.waitSignal(watcher.merged, timeout=10000) as signal, \
            path.open("a", encoding="utf-8") as out:  # Zoom appends each message
        out.write(MORE)
    assert signal.args == [str(path.resolve()), 1]
    assert [q.asker for q in book.queue.ordered()] == ["Sophie Laurent", "Léa Moreau"]
    with qtbot.waitSignal(watcher.merged, timeout=10000) as signal:
        path.write_text("10:20:00 From  Nora Klein  to  Everyone:\n\tQui vote le budget ?\n",
                        encoding="utf-8")
    assert signal.args[1] == 1 and len(book.queue) == 3  # nothing lost
