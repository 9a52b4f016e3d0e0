"""Refresh the translation catalogues after UI strings changed, then compile them.

    python resources/translations/update.py          # lupdate + lrelease
    python resources/translations/update.py --check  # exit 1 if a French string is missing

``pyside6-lupdate`` scans every module of ``moderator_app/`` and merges the strings into
``moderator_fr.ts`` (existing translations are kept, obsolete ones dropped). Translate the
new entries with Qt Linguist (``pyside6-linguist moderator_fr.ts``) or in the XML, then run
this script again: ``pyside6-lrelease`` compiles ``moderator_fr.qm``, which is committed.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGES = ("fr",)


def sources() -> list[Path]:
    return sorted(p for p in (ROOT / "moderator_app").rglob("*.py") if "__pycache__" not in p.parts)


def qt_tool(name: str) -> list[str]:
    """The command that runs PySide6's ``name`` tool (lupdate, lrelease) with this Python.

    The ``pyside6-*`` scripts sit beside the interpreter of a venv, which is on PATH only
    while the venv is activated (the README's commands never activate it); PySide6's own
    entry point finds the bundled binary from the package, whatever PATH holds.
    """
    launcher = (
        "import sys; from PySide6.scripts import pyside_tool; "
        f"sys.argv[0] = 'pyside6-{name}'; pyside_tool.{name}()"
    )
    return [sys.executable, "-c", launcher]


def lupdate(ts: Path, keep_obsolete: bool = False) -> None:
    args = [*qt_tool("lupdate"), *[str(p.relative_to(ROOT)) for p in sources()]]
    if not keep_obsolete:
        args.append("-no-obsolete")
    args += ["-locations", "none", "-ts", str(ts)]
    subprocess.run(args, cwd=ROOT, check=True, capture_output=True, text=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [*qt_tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True, text=True
    )


def unfinished(ts: Path) -> list[str]:
    """Context/source of every entry without a finished translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            tr = message.find("translation")
            if (
                tr is None
                or tr.get("type") in ("unfinished", "vanished", "obsolete")
                or not ((tr.text or "").strip() or tr.findall("numerusform"))
            ):
                missing.append(f"{name}: {message.findtext('source')}")
    return missing


def main(argv: list[str]) -> int:
    for lang in LANGUAGES:
        ts = HERE / f"moderator_{lang}.ts"
        if "--check" not in argv:
            lupdate(ts)
            lrelease(ts, HERE / f"moderator_{lang}.qm")
        missing = unfinished(ts)
        for item in missing:
            print(f"{ts.name}: not translated: {item}", file=sys.stderr)
        if missing and "--check" in argv:
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
