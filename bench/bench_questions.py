"""The question queue at scale: importing a 50,000-row export, and filtering 50,000 questions.

``import_xlsx_50k_s`` and ``import_csv_50k_s`` time the whole import a moderator waits
for: read the file, find the header and columns, read the dates, build the questions,
merge them into the queue and commit them to a show file. The baseline is plain
``pandas.read_excel(path)`` with its default engine (openpyxl), which only reads the
cells, on the same file in the same run. ``filter_keystroke_p95_ms`` types a word one
character at a time into the queue view's search and times each keystroke's filtering.
"""

from __future__ import annotations

import csv
import os
import random
import statistics
import sys
import tempfile
import time
import warnings
from datetime import datetime, timedelta
from pathlib import Path

FIGURES = ("import_xlsx_50k_s", "baseline_read_excel_50k_s", "import_csv_50k_s",
           "filter_keystroke_p95_ms")

WORDS = (  # noqa: SIM905
    "ville métropole coopération stratégie internationale budget réseau politique publique "
    "communication citoyens Europe Afrique Amérique diplomatie agenda durable financement "
    "gouvernance partenariat jumelage attractivité représentation Bruxelles Rabat Montréal "
    "how can cities fund international action what role for metropolitan areas"
).split()
HEADER = ["Timestamp", "Email Address", "Your name", "Organisation",
          "Question for the speakers", "Votes"]


def make_rows(count: int, seed: int = 3) -> list[list[object]]:
    rng = random.Random(seed)
    moment = datetime(2027, 2, 1, 8, 0)
    rows: list[list[object]] = []
    for i in range(count):
        moment += timedelta(seconds=rng.randint(1, 60))
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 18))) + " ?"
        rows.append([moment, f"person{i}@example.org", f"Person {i}",
                     rng.choice(["Lyon", "Rabat", "Montréal", "Paris", "Toronto"]), text,
                     rng.randint(0, 50)])
    return rows


def write_xlsx(path: Path, rows: list[list[object]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Form Responses 1")
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)


def write_csv(path: Path, rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(HEADER)
        for row in rows:
            out.writerow([row[0].strftime("%m/%d/%Y %H:%M:%S"), *row[1:]])


def full_import(path: Path, show: Path) -> int:
    from moderator_app.io.question_import import extract, load_source
    from moderator_app.io.question_store import QuestionBook
    from moderator_app.io.session import ShowSession

    session = ShowSession.open(show)
    try:
        book = QuestionBook(session)
        result = extract(load_source(path), tz=session.show.tz)
        return book.import_result(result).added
    finally:
        session.close()


def fresh_show(folder: Path, name: str) -> Path:
    from moderator_app.io.showfile import ShowFile
    from moderator_app.resources import default_show

    path = folder / name
    ShowFile.create(path, default_show()).close()
    return path


def time_import(path: Path, folder: Path, repeats: int, expected: int) -> float:
    times = []
    for i in range(repeats):
        show = fresh_show(folder, f"{path.suffix[1:]}{i}.show")
        started = time.perf_counter()
        added = full_import(path, show)
        times.append(time.perf_counter() - started)
        if added != expected:
            raise RuntimeError(f"imported {added} questions from {path.name}, not {expected}")
    return statistics.median(times)


def filter_latency(count: int, word: str = "coopération") -> float:
    """p95 of one keystroke's filtering on the queue view's proxy model, in ms."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from moderator_app.core.questions import Question, QuestionQueue
    from moderator_app.ui.questions_model import QuestionFilterProxy, QuestionTableModel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    rows = make_rows(count, seed=5)
    queue = QuestionQueue(
        Question.new(r[4], source="bench", asker=r[2], organisation=r[3], votes=r[5], order=i)
        for i, r in enumerate(rows))
    model = QuestionTableModel(queue)
    proxy = QuestionFilterProxy()
    proxy.setSourceModel(model)
    proxy.rowCount()
    samples = []
    for _ in range(3):
        for n in list(range(1, len(word) + 1)) + list(range(len(word) - 1, -1, -1)):
            started = time.perf_counter()
            proxy.set_search(word[:n])
            proxy.rowCount()
            proxy.index(0, 0).data()
            samples.append(time.perf_counter() - started)
    app.processEvents()
    samples.sort()
    return samples[int(len(samples) * 0.95) - 1] * 1000


def run(quick: bool = False) -> dict[str, float]:
    import pandas as pd

    count = 10_000 if quick else 50_000
    repeats = 1 if quick else 3
    rows = make_rows(count)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        xlsx, csv_path = folder / "questions.xlsx", folder / "questions.csv"
        write_xlsx(xlsx, rows)
        write_csv(csv_path, rows)
        full_import(xlsx, fresh_show(folder, "warm.show"))  # imports and caches warmed up
        base = []
        for _ in range(repeats):
            started = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # pandas' note on its future default engine
                frame = pd.read_excel(xlsx)
            base.append(time.perf_counter() - started)
            assert len(frame) == count
        figures = {
            "import_xlsx_50k_s": round(time_import(xlsx, folder, repeats, count), 3),
            "baseline_read_excel_50k_s": round(statistics.median(base), 3),
            "import_csv_50k_s": round(time_import(csv_path, folder, repeats, count), 3),
        }
    figures["filter_keystroke_p95_ms"] = round(filter_latency(count), 2)
    return figures


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    print(run(quick="--quick" in sys.argv))
