"""Build the one-folder application for this platform, then smoke-test it headless.

    python build_spec/build.py [--skip-build]

Fails (exit 1) unless the built bundle prints its version, creates a show from the
bundled default and reports it with ``status --json``, and opens its window (offscreen).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build_spec" / "moderator_app.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
sys.path.insert(0, str(ROOT))


def bundle_executable() -> Path:
    name = "moderator-app.exe" if sys.platform == "win32" else "moderator-app"
    if sys.platform == "darwin":
        return DIST / "Moderator console.app" / "Contents" / "MacOS" / name
    return DIST / "moderator-app" / name


def build() -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK),
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )


def run(exe: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, timeout=120)
    if done.returncode != 0:
        raise SystemExit(
            f"smoke test failed: {exe.name} {' '.join(args)} exited {done.returncode}\n"
            f"{done.stdout}\n{done.stderr}"
        )
    return done


def smoke(exe: Path) -> dict[str, float]:
    from moderator_app import __version__

    if not exe.is_file():
        raise SystemExit(f"smoke test failed: no executable at {exe}")
    with tempfile.TemporaryDirectory(prefix="moderator-smoke-") as tmp:
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)  # the bundle must not lean on this checkout
        env.update(QT_QPA_PLATFORM="offscreen", MODERATOR_APP_DATA_DIR=str(Path(tmp) / "data"))
        started = time.perf_counter()
        out = run(exe, "--version", env=env).stdout.strip()
        version_s = time.perf_counter() - started
        if out != f"moderator-app {__version__}":
            raise SystemExit(f"smoke test failed: --version printed {out!r}")
        print(f"ok  --version -> {out}")

        show = Path(tmp) / "smoke.show"
        created = json.loads(run(exe, "new", str(show), env=env).stdout)
        status = json.loads(run(exe, "status", str(show), "--json", env=env).stdout)
        if not status["segments"] or status["live"]["state"] != "not_started":
            raise SystemExit(f"smoke test failed: unexpected status {status}")
        if created["segments"] != len(status["segments"]):
            raise SystemExit("smoke test failed: new and status disagree on the segments")
        print(
            f"ok  new + status --json -> {status['show']['title']!r}, "
            f"{len(status['segments'])} segments"
        )

        env["MODERATOR_APP_STARTUP_PROBE"] = "exit"
        started = time.perf_counter()
        out = run(exe, str(show), env=env).stdout
        window_s = time.perf_counter() - started
        if "window ready" not in out:
            raise SystemExit(f"smoke test failed: the console window never came up\n{out}")
        print(f"ok  console window up and closed in {window_s:.2f} s (offscreen)")
    return {"version_s": version_s, "window_s": window_s}


def folder_size_mb(path: Path) -> float:
    files = (f for f in path.rglob("*") if f.is_file() and not f.is_symlink())
    return sum(f.stat().st_size for f in files) / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="only smoke-test dist/")
    args = parser.parse_args(argv)
    if not args.skip_build:
        if shutil.which("pyinstaller") is None and not _has_pyinstaller():
            raise SystemExit("PyInstaller is not installed: pip install '.[bundle]'")
        build()
    exe = bundle_executable()
    smoke(exe)
    print(f"bundle: {exe.parent} ({folder_size_mb(exe.parent):.0f} MB)")
    return 0


def _has_pyinstaller() -> bool:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    raise SystemExit(main())
