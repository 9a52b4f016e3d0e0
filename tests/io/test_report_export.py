from __future__ import annotations

import contextlib
import csv
import dataclasses
import fcntl
import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from moderator_app.core.clock import FakeClock
from moderator_app.core.report import build_report
from moderator_app.core.runsheet import Show
from moderator_app.io import report_xlsx
from moderator_app.io.report_export import (
    ReportExportError,
    csv_safe,
    export_report,
    report_dict,
)
from tests.core.test_report import A, Journal

EVIL = '=HYPERLINK("http://x","click")'


def full_report(small_show: Show, clock: FakeClock):
    j = Journal(small_show, clock)
    j.raw("question.imported", added=5)
    j.wait(60)
    j.do(A.START)
    j.wait(100)
    j.do(A.PAUSE)
    j.wait(30)
    j.do(A.RESUME)
    j.wait(200)
    j.do(A.NEXT)
    j.raw(
        "question.state",
        id="q1",
        to="on_air",
        text=EVIL,
        asker="+33 6 12",
        segment="b",
        **{"from": "shortlisted"},
    )
    j.wait(80)
    j.raw(
        "question.state", id="q1", to="answered", text=EVIL, asker="+33 6 12", **{"from": "on_air"}
    )
    j.raw(
        "question.state",
        id="q2",
        to="on_air",
        text="-1 vote?\nline two",
        asker="@bob",
        **{"from": "new"},
    )
    j.wait(520)
    j.raw("runsheet.edit", op="edit", segment="c", field="notes", before="", after="=1+1")
    j.do(A.NEXT)
    j.wait(240)
    j.do(A.FINISH)
    return build_report(small_show, j.actions)


@pytest.fixture
def rep(small_show: Show, clock: FakeClock):
    return full_report(small_show, clock)


def _iso_local(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=None)


def test_json_has_documented_keys(rep, tmp_path: Path) -> None:
    path = export_report(rep, tmp_path / "r.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) >= {"summary", "segments", "questions", "events"}
    assert set(data["summary"]) >= {
        "planned_start",
        "actual_start",
        "final_over_under_s",
        "longest_overrun",
        "paused_s",
        "questions_answered",
        "questions_total",
    }
    seg = data["segments"][0]
    assert set(seg) >= {
        "index",
        "title",
        "planned_start",
        "actual_start",
        "planned_duration_s",
        "actual_duration_s",
        "over_under_s",
        "pauses",
        "paused_s",
        "added_s",
    }
    assert data["summary"]["actual_start"] == "2027-02-25T16:01:00+01:00"
    assert data["summary"]["questions_total"] == 5
    assert data["summary"]["questions_answered"] == 1
    assert data["questions"][0]["text"] == EVIL


def test_json_unknowns_are_null(small_show: Show, tmp_path: Path) -> None:
    data = report_dict(build_report(small_show, []))
    assert data["summary"]["actual_start"] is None
    assert data["summary"]["final_over_under_s"] is None
    assert data["summary"]["longest_overrun"] is None
    assert data["segments"][0]["actual_duration_s"] is None


def test_xlsx_agrees_with_json(rep, tmp_path: Path) -> None:
    data = report_dict(rep)
    wb = openpyxl.load_workbook(export_report(rep, tmp_path / "r.xlsx"))
    assert wb.sheetnames == [
        "Summary", "Segments", "Questions", "Run sheet edits", "Events", "Notes to the moderator",
    ]  # fmt: skip
    summary = {row[0]: row[1] for row in wb["Summary"].iter_rows(min_row=2, values_only=True)}
    s = data["summary"]
    assert summary["Actual start"] == _iso_local(s["actual_start"])
    assert summary["Planned end"] == _iso_local(s["planned_end"])
    assert summary["Final over/under"] == timedelta(seconds=s["final_over_under_s"])
    assert summary["Final over/under (s)"] == s["final_over_under_s"]
    assert summary["Longest overrun"] == s["longest_overrun"]["title"]
    assert summary["Total pause"] == timedelta(seconds=s["paused_s"])
    assert summary["Questions answered"] == s["questions_answered"]
    assert summary["Questions in the show"] == s["questions_total"]
    assert summary["Questions on air"] == s["questions_on_air"] == 1
    assert summary["Questions not reached"] == s["questions_not_reached"] == 0
    assert "Europe/Paris" in summary["Time zone of all times"]
    ws = wb["Segments"]
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["B"].width > 20
    header = [c.value for c in ws[1]]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(data["segments"])
    for row, seg in zip(rows, data["segments"], strict=True):
        cell = dict(zip(header, row, strict=True))
        assert cell["#"] == seg["index"]
        assert cell["Title"] == seg["title"]
        assert cell["Planned start"] == _iso_local(seg["planned_start"])
        assert cell["Actual start"] == _iso_local(seg["actual_start"])
        assert cell["Planned duration"] == timedelta(seconds=seg["planned_duration_s"])
        assert cell["Actual duration"] == timedelta(seconds=seg["actual_duration_s"])
        assert cell["Over/under"] == timedelta(seconds=seg["over_under_s"])
        assert cell["Over/under (s)"] == seg["over_under_s"]
        assert cell["Pauses"] == seg["pauses"]
        assert cell["Time added"] == timedelta(seconds=seg["added_s"])
    assert ws["L2"].number_format == report_xlsx.SIGNED
    assert ws["I2"].number_format == "[h]:mm:ss"
    ranges = [str(r.sqref) for r in ws.conditional_formatting]
    assert "L2:L4" in ranges
    ws = wb["Questions"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["State", "Question", "Asker", "Organisation"]
    assert ws.auto_filter.ref == "A1:Q3"  # the producer filters on the state
    q = [dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]
    assert len(q) == len(data["questions"])
    assert q[0]["Duration"] == timedelta(seconds=data["questions"][0]["duration_s"])
    assert [r["State"] for r in q] == ["answered", "on air"]
    assert q[1]["Answered"] is None and q[1]["Duration"] is None  # still on air: blank
    assert len(list(wb["Events"].iter_rows(min_row=2))) == len(data["events"])


def test_xlsx_never_writes_formulas(rep, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(export_report(rep, tmp_path / "r.xlsx"))
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str):
                    texts.append(c.value)
    assert EVIL in texts and "=1+1" in texts and "-1 vote?\nline two" in texts


def test_csv_guards_formulas_and_has_sections(rep, tmp_path: Path) -> None:
    text = export_report(rep, tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines(keepends=True)))
    titles = [r[0] for r in rows if r and r[0].startswith("# ")]
    assert titles == [
        "# Summary", "# Segments", "# Questions", "# Run sheet edits", "# Events",
        "# Notes to the moderator",
    ]  # fmt: skip
    flat = [v for r in rows for v in r]
    assert "'" + EVIL in flat and EVIL not in flat
    assert "'@bob" in flat and "'+33 6 12" in flat
    assert "-60.0" in flat  # numbers keep their sign
    assert csv_safe("\tx") == "'\tx" and csv_safe("a=b") == "a=b" and csv_safe(-3) == -3


def test_unwritable_path_one_message_nothing_left(rep, tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(ReportExportError, match=r"Cannot write .*r\.xlsx"):
        export_report(rep, blocker / "r.xlsx")
    with pytest.raises(ReportExportError, match="no such file"):
        export_report(rep, tmp_path / "missing" / "r.json")
    (tmp_path / "dir.csv").mkdir()
    with pytest.raises(ReportExportError, match="it is a folder"):
        export_report(rep, tmp_path / "dir.csv")
    with pytest.raises(ReportExportError, match=r"\.xlsx, \.csv or \.json"):
        export_report(rep, tmp_path / "r.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir.csv", "file.txt"]


def test_failed_write_keeps_old_file(rep, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"old")

    def boom(report, handle, language):
        handle.write(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report_xlsx, "write_xlsx", boom)
    with pytest.raises(ReportExportError, match="no space left"):
        export_report(rep, target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]


# -- languages ---------------------------------------------------------------------------
def _workbook(rep, path: Path, language: str) -> openpyxl.Workbook:
    return openpyxl.load_workbook(export_report(rep, path, language=language))


def _values(wb: openpyxl.Workbook) -> list[list[list[object]]]:
    return [[list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets]


def test_xlsx_in_french_and_english_differ_in_words_only(rep, tmp_path: Path) -> None:
    en = _workbook(rep, tmp_path / "en.xlsx", "en")
    fr = _workbook(rep, tmp_path / "fr.xlsx", "fr")
    assert fr.sheetnames == [
        "Synthèse", "Séquences", "Questions", "Modifications du conducteur", "Journal",
        "Notes au modérateur",
    ]  # fmt: skip
    assert en.sheetnames == [
        "Summary", "Segments", "Questions", "Run sheet edits", "Events", "Notes to the moderator",
    ]  # fmt: skip
    seg = [c.value for c in fr["Séquences"][1]]
    assert seg[:6] == ["#", "Titre", "Intervenant", "État", "Début prévu", "Début réel"]
    assert seg[8:12] == ["Durée prévue", "Durée réelle", "Durée hors pauses",
                         "Avance/retard (+ = retard)"]  # fmt: skip
    assert "Temps ajouté" in seg and "Pauses" in seg
    summary = {r[0]: r[1] for r in fr["Synthèse"].iter_rows(min_row=2, values_only=True)}
    assert summary["État"] == "terminé" and summary["Fin prévue"] is not None
    assert "Europe/Paris" in summary["Fuseau horaire de toutes les heures"]
    assert [r[3] for r in fr["Séquences"].iter_rows(min_row=2, values_only=True)] == [
        "terminée"
    ] * 3
    assert [r[0] for r in fr["Questions"].iter_rows(min_row=2, values_only=True)] == [
        "répondue",
        "à l’antenne",
    ]
    assert [c.value for c in fr["Modifications du conducteur"][2]][7] == "oui"
    # Same figures, same formats, same cells: only the words differ.
    words = set()
    for ws_en, ws_fr in zip(en.worksheets, fr.worksheets, strict=True):
        assert ws_en.max_row == ws_fr.max_row and ws_en.max_column == ws_fr.max_column
        for row_en, row_fr in zip(ws_en.iter_rows(), ws_fr.iter_rows(), strict=True):
            for a, b in zip(row_en, row_fr, strict=True):
                assert a.number_format == b.number_format, (ws_fr.title, b.coordinate)
                if isinstance(a.value, str):
                    if a.value != b.value:
                        words.add((a.value, b.value))
                else:
                    assert a.value == b.value, (ws_fr.title, b.coordinate)
    assert ("Over/under", "Avance/retard (+ = retard)") in words
    assert ("not reached", "non atteinte") not in words  # every segment ran
    assert (EVIL, EVIL) not in words  # untrusted text is never translated


def test_french_xlsx_unknowns_and_notes(small_show: Show, clock: FakeClock, tmp_path) -> None:
    j = Journal(small_show, clock)
    j.do(A.START)
    j.wait(100)
    j.do(A.NEXT)
    j.wait(10)
    j.do(A.UNDO)
    rep = build_report(small_show, j.actions, live=False)
    fr = _workbook(rep, tmp_path / "fr.xlsx", "fr")
    rows = list(fr["Synthèse"].iter_rows(min_row=2, values_only=True))
    summary = {r[0]: r[1] for r in rows}
    assert summary["État"] == "sans fin" and summary["Fin réelle"] == "inconnu"
    assert summary["Plus long dépassement"] == "aucun"
    notes = [r[1] for r in rows if r[0] == "Note"]
    assert notes[0].startswith("Le passage n’a pas d’action de fin : le journal s’arrête à 16:")
    assert "pendant « " in notes[0] and "inconnus" in notes[0]
    assert notes[1].startswith("1 action(s) du minuteur ont été annulées")
    states = [r[3] for r in fr["Séquences"].iter_rows(min_row=2, values_only=True)]
    assert states == ["sans fin", "non atteinte", "non atteinte"]
    events = list(fr["Journal"].iter_rows(min_row=2, values_only=True))
    assert [e[2] for e in events] == ["démarrage", "suivante", "annulation"]
    assert events[1][5] == "annulée"
    en = _workbook(rep, tmp_path / "en.xlsx", "en")
    en_notes = [
        r[1] for r in en["Summary"].iter_rows(min_row=2, values_only=True) if r[0] == "Note"
    ]
    assert en_notes == [n.text for n in rep.summary.notes] == report_dict(rep)["summary"]["notes"]


def _csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the accents as UTF-8
    return list(csv.reader(raw.decode("utf-8-sig").splitlines(keepends=True)))


def test_csv_in_french_keeps_commas_bom_and_figures(rep, tmp_path: Path) -> None:
    en = _csv_rows(export_report(rep, tmp_path / "en.csv", language="en"))
    fr = _csv_rows(export_report(rep, tmp_path / "fr.csv", language="fr"))
    titles = [r[0] for r in fr if r and r[0].startswith("# ")]
    assert titles == ["# Synthèse", "# Séquences", "# Questions",
                      "# Modifications du conducteur", "# Journal",
                      "# Notes au modérateur"]  # fmt: skip
    assert fr[1] == ["Élément", "Valeur"] and en[1] == ["item", "value"]
    header = fr[fr.index(["# Séquences"]) + 1]
    assert header[:4] == ["#", "Titre", "Intervenant", "État"]
    assert "Durée prévue (s)" in header and "Avance/retard (s)" in header
    summary = {r[0]: r[1] for r in fr[2 : fr.index([])]}
    assert summary["État"] == "terminé" and summary["Émission"] == rep.summary.title
    assert len(en) == len(fr)
    for a, b in zip(en, fr, strict=True):
        assert len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            if _number(x):
                assert x == y  # figures and ISO times identical, decimal points kept
    flat = [v for r in fr for v in r]
    assert "'" + EVIL in flat and EVIL not in flat  # formula safety in French too
    assert "terminée" in flat and "répondue" in flat and "oui" in flat


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return text[:4].isdigit() and "T" in text  # an ISO datetime
    return True


def test_json_is_the_same_whatever_the_language(rep, tmp_path: Path) -> None:
    a = export_report(rep, tmp_path / "a.json", language="fr").read_bytes()
    b = export_report(rep, tmp_path / "b.json", language="en").read_bytes()
    assert a == b


# -- files: mode, leftovers, real faults -------------------------------------------------
def test_report_files_get_the_umask_mode_like_any_file(rep, tmp_path: Path) -> None:
    """Not mkstemp's 0600: the run sheet export and every other file the user writes
    follow the umask."""
    for mask, mode in ((0o022, 0o644), (0o027, 0o640)):
        old = os.umask(mask)
        try:
            plain = tmp_path / f"plain-{mask:o}.txt"
            plain.write_text("x")
            for suffix in ("xlsx", "csv", "json"):
                path = export_report(rep, tmp_path / f"r-{mask:o}.{suffix}")
                assert stat.S_IMODE(path.stat().st_mode) == mode, (suffix, oct(mask))
            assert stat.S_IMODE(plain.stat().st_mode) == mode
        finally:
            os.umask(old)


def _parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.slow
def test_killed_writer_part_file_is_removed_by_the_next_export(rep, tmp_path: Path) -> None:
    """A writer SIGKILLed mid-write leaves its .part file; the next export removes it. A
    part file whose writer is still at work (its lock held) is left alone."""
    target = tmp_path / "r.xlsx"
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(target)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "writing"
        assert len(_parts(tmp_path)) == 1
    finally:
        child.kill()
        child.wait()
    busy = tmp_path / ".other.xlsx.export-0123abcd.part"  # a live writer's
    busy.write_bytes(b"half")
    holder = busy.open("rb")
    try:
        fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
        foreign = tmp_path / "download.zip.part"  # not ours: never touched
        foreign.write_bytes(b"x")
        export_report(rep, target)
        assert _parts(tmp_path) == sorted([busy.name, foreign.name])
        assert openpyxl.load_workbook(target).sheetnames[0] == "Summary"
    finally:
        holder.close()
    export_report(rep, tmp_path / "r.csv")  # its writer is gone now: removed
    assert _parts(tmp_path) == [foreign.name]


KILLED_WRITER = """
import sys, time
from moderator_app.io.report_export import atomic_write

def write(handle):
    handle.write(b"PK half a workbook")
    handle.flush()
    print("writing", flush=True)
    time.sleep(60)

atomic_write(sys.argv[1], write)
"""


@contextlib.contextmanager
def small_filesystem(mnt: Path, size: str = "64k") -> Iterator[Path]:
    """A real small file system (tmpfs) mounted on ``mnt``, unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mnt)],
                          capture_output=True)  # fmt: skip
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[Path]:
    with small_filesystem(tmp_path / "small") as mnt:
        yield mnt


def fill(folder: Path, leave: int) -> None:
    """Fill the file system of ``folder`` until about ``leave`` bytes are free."""
    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
    (folder / "filler").write_bytes(b"\0" * max(free - leave, 0))


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_full_disk_leaves_the_old_report_and_no_part(rep, small_fs: Path) -> None:
    names = ("r.xlsx", "r.csv", "r.json")
    for name in names:
        (small_fs / name).write_bytes(b"old")
    fill(small_fs, 4096)
    for name in names:
        with pytest.raises(ReportExportError, match=r"Cannot write .*: no space left"):
            export_report(big_report(rep), small_fs / name)
        assert (small_fs / name).read_bytes() == b"old"
    assert _parts(small_fs) == []


def big_report(rep):
    """``rep`` with enough events not to fit in 4 KiB, whatever the format."""
    events = rep.events * 200
    return dataclasses.replace(rep, events=events)


def test_rename_refused_leaves_the_target_and_no_part(rep, tmp_path: Path) -> None:
    """A real failing rename: the target is a mount point (EBUSY)."""
    if os.geteuid() != 0:
        pytest.skip("a bind mount needs root")
    target = tmp_path / "r.json"
    target.write_text("old")
    source = tmp_path / "elsewhere.json"
    source.write_text("mounted")
    done = subprocess.run(["mount", "--bind", str(source), str(target)], capture_output=True)
    if done.returncode:
        pytest.skip(f"cannot bind-mount here: {done.stderr.decode().strip()}")
    try:
        with pytest.raises(ReportExportError, match=r"Cannot write .*r\.json: device or resource"):
            export_report(rep, target)
        assert target.read_text() == "mounted" and _parts(tmp_path) == []
    finally:
        subprocess.run(["umount", str(target)], check=False)
    assert target.read_text() == "old"
