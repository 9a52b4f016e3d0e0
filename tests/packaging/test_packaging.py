"""The bundle spec and the wheel: resources travel with every way of installing."""

from __future__ import annotations

import ast
import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from moderator_app.resources import resource, resource_dir

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "build_spec" / "moderator_app.spec"
VIEW_FILES = ("timer.html", "overlay.html", "ask.html", "common.js", "i18n.js", "style.css")


def test_spec_parses_and_bundles_resources_and_icons() -> None:
    source = SPEC.read_text(encoding="utf-8")
    tree = ast.parse(source, str(SPEC))
    calls = {
        n.func.id
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"} <= calls
    assert '"resources"' in source and "bundle_identifier=BUNDLE_ID" in source
    # The server finds its views beside its module (server/app.py STATIC): bundled there.
    assert '"moderator_app/server/static"' in source
    assert "PySide6.{name}" in source and '"QtWebEngineCore"' in source
    for icon in ("moderator-app.ico", "moderator-app.icns", "moderator-app-256.png"):
        assert (REPO / "resources" / "icons" / icon).is_file()


def test_build_script_imports() -> None:
    spec = importlib.util.spec_from_file_location("build", REPO / "build_spec" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.bundle_executable().name.startswith("moderator-app")


def test_resources_found_from_a_source_checkout() -> None:
    assert resource_dir() == REPO / "resources"
    assert resource("default_show.json").is_file()


@pytest.mark.slow
def test_wheel_contains_the_resources(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(REPO / name, src / name)
    for folder in ("moderator_app", "resources"):
        shutil.copytree(REPO / folder, src / folder, ignore=shutil.ignore_patterns("__pycache__"))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "-w",
            str(tmp_path / "out"),
            str(src),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0 and (
        "network" in done.stderr.lower() or "connection" in done.stderr.lower()
    ):
        pytest.skip("pip could not fetch the build backend (offline)")
    assert done.returncode == 0, done.stderr
    wheel = next((tmp_path / "out").glob("moderator_app-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "moderator_app/_resources/default_show.json" in names
    assert "moderator_app/_resources/icons/moderator-app.ico" in names
    # The browser views the server sends (moderator_app/server/static) travel with the wheel.
    for view in VIEW_FILES:
        assert f"moderator_app/server/static/{view}" in names, view
    assert "moderator_app/core/engine.py" in names

    # Installed from the wheel (unpacked, away from the checkout), resources still load.
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "from moderator_app.resources import resource_dir, default_show;"
            "print(resource_dir()); print(len(default_show().segments))",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": ""},
    )
    assert probe.returncode == 0, probe.stderr
    where, count = probe.stdout.split()
    assert Path(where) == site / "moderator_app" / "_resources"
    assert int(count) > 0
