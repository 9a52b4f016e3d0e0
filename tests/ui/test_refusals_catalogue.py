"""The console's list of refusal templates (ui/refusals.py) cannot drift from core and app.

lupdate only extracts literals found in ui sources, so ui/refusals.py lists every template
that core and app raise (and io, which turns a ClockError into the action's ClockRefused).
This test reads those sources with ``ast``: every first argument given to a refusal class
(ActionRefused, ClockRefused, TimerInputError, CueError, ClockError, RunSheetError, EditRefused,
DurationError, the file errors of io -- TableError, CellError, RunSheetImportError, the export
errors, ShowFileError -- and every class deriving from them) must be a string literal (or a choice
between literals) and be in that list, the list must hold nothing else, and every entry
must have a finished French translation in the catalogue. The command line (commands/) and the network (server/) are English surfaces:
their own refusals are not scanned.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

from moderator_app.ui.refusals import CONTEXT, TEMPLATES

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "moderator_fr.ts"
SCANNED = ("moderator_app/core", "moderator_app/app", "moderator_app/io")
BASES = {
    "Refusal", "ActionRefused", "ClockRefused", "TimerInputError", "CueError", "ClockError",
    "RunSheetError", "EditRefused", "DurationError",
    # a file's refusals (io): reading a sheet, a cell, an import, an export, the show file
    "TableError", "FileRefused", "ReadCancelled", "CellError", "RunSheetImportError",
    "RunSheetExportError", "ReportExportError", "ShowFileError",
}  # fmt: skip

# Calls whose first argument is not a literal, each with why it cannot be a template.
# Key: (file relative to the root, source text of the first argument).
DYNAMIC: dict[tuple[str, str], str] = {
    ("moderator_app/io/session.py", "exc.template"): (
        "re-raises the ClockError it caught with that error's own template and values; "
        "ClockError's templates are literals in core/clock.py, scanned there"
    ),
    ("moderator_app/core/runsheet_edit.py", "exc.template"): (
        "_refused passes on a RunSheetError's or a CueError's own template and values as "
        "the edit's refusal; those templates are literals in core/runsheet.py and "
        "core/cues.py, scanned there"
    ),
    ("moderator_app/io/showfile.py", "template"): (
        "ShowFileError's own __init__ passes its caller's template on (to add the kind); "
        "every caller gives a literal, scanned where it is raised"
    ),
    ("moderator_app/app/show.py", "exc"): (
        "QuestionListGiven wraps the RunSheetImportError it caught (its own template is the "
        "literal '{0}', that refusal its value, translated as nested)"
    ),
    ("moderator_app/app/cuesheet.py", "CONFLICT"): (
        "the cue sheet's conflict, said only to a producer's browser (the network, an "
        "English surface that shows its own translated banner): never in the console"
    ),
}


def _modules() -> list[tuple[str, ast.Module]]:
    out = []
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            out.append((str(path.relative_to(ROOT)), ast.parse(path.read_text("utf-8"))))
    return out


def refusal_classes(modules: list[tuple[str, ast.Module]]) -> set[str]:
    """The refusal classes and every class deriving from one (anywhere in moderator_app)."""
    names = set(BASES)
    every = [ast.parse(p.read_text("utf-8")) for p in (ROOT / "moderator_app").rglob("*.py")]
    grew = True
    while grew:
        grew = False
        for tree in every:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", None)
                             for b in node.bases}  # fmt: skip
                    if bases & names:
                        names.add(node.name)
                        grew = True
    return names


def _literals(node: ast.expr) -> list[str] | None:
    """The strings a first argument can be, or None when it is not made of literals."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _literals(node.body), _literals(node.orelse)
        if body is not None and orelse is not None:
            return body + orelse
    return None


def _is_super_init(func: ast.expr) -> bool:
    return (
        isinstance(func, ast.Attribute) and func.attr == "__init__"
        and isinstance(func.value, ast.Call) and isinstance(func.value.func, ast.Name)
        and func.value.func.id == "super"
    )  # fmt: skip


def raised_templates() -> tuple[set[str], dict[tuple[str, str], int]]:
    modules = _modules()
    classes = refusal_classes(modules)
    found: set[str] = set()
    dynamic: dict[tuple[str, str], int] = {}
    for name, tree in modules:
        # A refusal class that gives its own sentence: ``super().__init__(...)`` inside it.
        own = {
            id(call)
            for cls in ast.walk(tree)
            if isinstance(cls, ast.ClassDef) and cls.name in classes - {"Refusal"}
            for call in ast.walk(cls)
            if isinstance(call, ast.Call) and _is_super_init(call.func)
        }  # fmt: skip
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if called not in classes and id(node) not in own:
                continue
            strings = _literals(node.args[0])
            if strings is None:
                dynamic[(name, ast.unparse(node.args[0]))] = node.lineno
            else:
                found.update(strings)
    return found, dynamic


def test_every_template_raised_in_core_and_app_is_listed_for_translation() -> None:
    found, dynamic = raised_templates()
    assert len(found) > 60  # the scan sees the engine's refusals, not nothing
    assert "This is the last segment: use finish to end the show" in found
    assert "{0}: the file is empty" in found  # and the files' (io), since they are Refusals
    assert set(dynamic) == set(DYNAMIC), f"not a literal template (make it one): {dynamic}"
    missing = sorted(found - set(TEMPLATES))
    extra = sorted(set(TEMPLATES) - found)
    assert not missing, f"add to ui/refusals.py TEMPLATES: {missing}"
    assert not extra, f"no longer raised, remove from ui/refusals.py: {extra}"
    assert len(TEMPLATES) == len(set(TEMPLATES))


def test_an_f_string_refusal_is_caught_by_the_scan(tmp_path) -> None:
    tree = ast.parse('raise ActionRefused(f"Timer {n} is busy")\nraise CueError("ok {0}", 1)')
    call = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    assert _literals(call[0].args[0]) is None
    assert _literals(call[1].args[0]) == ["ok {0}"]


def test_every_template_has_a_finished_french_translation() -> None:
    french: dict[str, str] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr is not None and tr.get("type") is None and (tr.text or "").strip():
                french[message.findtext("source") or ""] = tr.text or ""
    untranslated = [t for t in TEMPLATES if t not in french]
    assert not untranslated, f"translate in moderator_fr.ts: {untranslated}"
    for template in TEMPLATES:
        # the same placeholders, so formatting the French never fails nor drops a value
        assert _fields(french[template]) == _fields(template), template


def _fields(text: str) -> list[str]:
    import string

    return sorted(f"{n}!{c}:{s}" for _, n, s, c in string.Formatter().parse(text) if n is not None)
