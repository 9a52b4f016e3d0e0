"""questions paste SHOW [--all]: a chat read from standard input; and chat files through
questions preview / import."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from moderator_app.cli import main

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "chat"
ROOT = Path(__file__).resolve().parents[2]


def run(capsys, monkeypatch, data: bytes, *args: str) -> tuple[int, dict | None, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


def test_paste_adds_the_questions_once(capsys, monkeypatch, show_path: Path) -> None:
    data = (FIX / "zoom_saved_chat_fr.txt").read_bytes()
    code, out, _ = run(capsys, monkeypatch, data, "questions", "paste", str(show_path))
    assert code == 0
    assert out == {"format": "zoom_chat", "added": 5, "present": 0, "skipped": 5,
                   "unreadable": []}
    _, out, _ = run(capsys, monkeypatch, data, "questions", "paste", str(show_path))
    assert (out["added"], out["present"]) == (0, 5)
    _, out, _ = run(capsys, monkeypatch, b"", "questions", "list", str(show_path), "--json")
    assert [q["asker"] for q in out["questions"]][:2] == ["Sophie Laurent", "Léa Moreau"]


def test_paste_all_keeps_the_greetings_too(capsys, monkeypatch, show_path: Path) -> None:
    data = (FIX / "teams_copy.txt").read_bytes()
    _, out, _ = run(capsys, monkeypatch, data, "questions", "paste", str(show_path), "--all")
    assert (out["format"], out["added"], out["skipped"]) == ("teams", 5, 0)


def test_paste_reads_utf16_from_windows_and_plain_text(capsys, monkeypatch,
                                                       show_path: Path) -> None:
    text = (FIX / "plain.txt").read_text(encoding="utf-8").replace("\n", "\r\n")
    _, out, _ = run(capsys, monkeypatch, text.encode("utf-16"), "questions", "paste",
                    str(show_path))
    assert (out["format"], out["added"], out["skipped"]) == ("plain", 3, 2)


@pytest.mark.parametrize(("data", "words"), [
    (b"", "no text"),
    (b"   \n\n", "no text"),
    (bytes(range(256)) * 40, "not text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(2000), "not text"),
])
def test_paste_refuses_in_one_line(capsys, monkeypatch, show_path: Path, data: bytes,
                                   words: str) -> None:
    code, out, err = run(capsys, monkeypatch, data, "questions", "paste", str(show_path))
    assert code == 2 and out is None
    assert err.startswith("moderator-app: error: ") and err.count("\n") == 1 and words in err
    _, out, _ = run(capsys, monkeypatch, b"", "questions", "list", str(show_path), "--json")
    assert out["questions"] == []


def test_paste_refuses_more_than_the_limit_without_reading_it_all(
    capsys, monkeypatch, show_path: Path
) -> None:
    from moderator_app.core.chat import MAX_CHAT_CHARS

    data = b"Why? " * (MAX_CHAT_CHARS // 5 + 1)
    code, _, err = run(capsys, monkeypatch, data, "questions", "paste", str(show_path))
    assert code == 2 and "too long" in err and err.count("\n") == 1


def test_a_megabyte_pasted_is_read(capsys, monkeypatch, show_path: Path) -> None:
    blocks = [f"09:{i // 60 % 60:02d}:{i % 60:02d} From  Person {i}  to  Everyone:\n"
              f"\tHow does the programme handle case number {i} in rural areas?\n"
              for i in range(12_000)]
    data = "".join(blocks).encode()
    assert len(data) > 1_000_000
    code, out, _ = run(capsys, monkeypatch, data, "questions", "paste", str(show_path))
    assert code == 0 and out["added"] == 12_000


def test_chat_files_preview_and_import(capsys, monkeypatch, show_path: Path) -> None:
    chat = str(FIX / "zoom_qa_panel_en.txt")
    _, out, _ = run(capsys, monkeypatch, b"", "questions", "preview", chat, "--json")
    assert (out["profile"], out["format"]) == ("chat", "zoom_qa_panel")
    assert [q["asker"] for q in out["questions"]] == [None, "Ravi Patel", "Maria Lopez"]
    assert any("3 messages that are not a question" in w for w in out["warnings"])
    _, out, _ = run(capsys, monkeypatch, b"", "questions", "preview", str(FIX / "plain.txt"),
                    "--json")
    assert (out["profile"], out["format"]) == ("chat", "plain")
    code, out, _ = run(capsys, monkeypatch, b"", "questions", "import", str(show_path), chat)
    assert code == 0 and (out["profile"], out["added"]) == ("chat", 3)
    code, out, _ = run(capsys, monkeypatch, b"", "questions", "import", str(show_path), chat)
    assert (out["added"], out["present"]) == (0, 3)


@pytest.mark.slow
def test_paste_through_a_real_pipe(show_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "moderator_app", "questions", "paste", str(show_path)],
        input=(FIX / "meet_copy.txt").read_bytes(), capture_output=True, env=env, cwd=ROOT,
        timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"format": "meet", "added": 2, "present": 0,
                                       "skipped": 3, "unreadable": []}
