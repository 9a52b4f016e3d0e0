"""Pasting a chat: reading 5,000 messages of a Zoom saved chat (the console's preview of a
paste, on the UI thread) and turning them into questions.

``paste_5000_messages_ms`` times ``app.questions.read_chat`` (checks, then ``parse_chat``:
the layout recognised, each message whole with its time, the question rule) on 5,000
messages, a third of them on two lines; ``paste_5000_qa_panel_ms`` the same messages as
Zoom's Q&A panel copies them; ``chat_questions_5000_ms`` the questions with their stable
ids. Baselines in the same run: the same text split into lines only
(``baseline_split_lines_5000_ms``, the least any reading does) and the same messages read
by the csv module from a three-column CSV (``baseline_csv_reader_5000_ms``).
"""

from __future__ import annotations

import csv
import io
import random
import statistics
import sys
import time
from datetime import UTC, date
from pathlib import Path

FIGURES = ("paste_5000_messages_ms", "paste_5000_qa_panel_ms", "chat_questions_5000_ms",
           "baseline_split_lines_5000_ms", "baseline_csv_reader_5000_ms")

WORDS = (  # noqa: SIM905
    "ville métropole coopération stratégie budget réseau politique publique citoyens "
    "financement gouvernance partenariat écoles transport how can cities fund the programme "
    "rural areas in 2027 what role for small towns"
).split()
OPENINGS = ("Comment", "Pourquoi", "Quel est", "How", "What about", "Bonjour", "Merci",
            "+1", "Est-ce que", "Will")


def messages(count: int, seed: int = 7) -> list[tuple[str, str, list[str]]]:
    """(clock, asker, lines) of ``count`` chat messages."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        second = 9 * 3600 + i
        clock = f"{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}"
        opening = rng.choice(OPENINGS)
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 14)))
        lines = [f"{opening} {words}" + (" ?" if rng.random() < 0.5 else "")]
        if i % 3 == 0:
            lines.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8))))
        out.append((clock, f"Person {i % 400}", lines))
    return out


def zoom_text(msgs) -> str:
    return "".join(f"{clock} From  {asker}  to  Everyone:\n" + "".join(f"\t{line}\n"
                   for line in lines) for clock, asker, lines in msgs)


def qa_panel_text(msgs) -> str:
    def twelve(clock: str) -> str:
        h, m = int(clock[:2]), clock[3:5]
        return f"{(h - 1) % 12 + 1}:{m} {'PM' if h >= 12 else 'AM'}"
    return "".join(f"{asker} {twelve(clock)}\n" + "".join(f"{line}\n" for line in lines)
                   for clock, asker, lines in msgs)


def csv_text(msgs) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Time", "Asker", "Question"])
    for clock, asker, lines in msgs:
        writer.writerow([clock, asker, "\n".join(lines)])
    return out.getvalue()


def median_ms(job, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        job()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 2)


def run(quick: bool = False) -> dict[str, float]:
    from moderator_app.app.questions import chat_questions, read_chat

    count = 5000
    repeats = 5 if quick else 21
    msgs = messages(count)
    zoom, panel, table = zoom_text(msgs), qa_panel_text(msgs), csv_text(msgs)
    day = date(2026, 12, 2)
    parse = read_chat(zoom, day=day, tz=UTC)
    if (parse.format, len(parse.messages)) != ("zoom_chat", count):
        raise RuntimeError(f"read {len(parse.messages)} {parse.format} messages, not {count}")
    panel_parse = read_chat(panel, day=day, tz=UTC)
    if (panel_parse.format, len(panel_parse.messages)) != ("zoom_qa_panel", count):
        raise RuntimeError(f"read {len(panel_parse.messages)} {panel_parse.format} messages")
    if len(list(csv.reader(io.StringIO(table)))) != count + 1:
        raise RuntimeError("the CSV baseline did not read every message")
    return {
        "paste_5000_messages_ms": median_ms(lambda: read_chat(zoom, day=day, tz=UTC), repeats),
        "paste_5000_qa_panel_ms": median_ms(lambda: read_chat(panel, day=day, tz=UTC),
                                            repeats),
        "chat_questions_5000_ms": median_ms(
            lambda: chat_questions(parse, set(range(count))), repeats),
        "baseline_split_lines_5000_ms": median_ms(zoom.splitlines, repeats),
        "baseline_csv_reader_5000_ms": median_ms(
            lambda: list(csv.reader(io.StringIO(table))), repeats),
    }


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    print(run(quick="--quick" in sys.argv))
