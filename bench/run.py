"""Run every benchmark and print one JSON object of named figures.

Each ``bench/bench_*.py`` exposes ``run(quick: bool) -> dict[str, float]`` and measures
against a baseline taken in the same run. ``--only NAME`` runs the modules whose name
contains NAME, or that produce a figure called NAME.

    python bench/run.py [--quick] [--only NAME]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def discover() -> list[Path]:
    return sorted(HERE.glob("bench_*.py"))


def load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer repeats")
    parser.add_argument("--only", help="run only benchmarks matching NAME")
    args = parser.parse_args(argv)
    figures: dict[str, float] = {}
    for path in discover():
        module = load(path)
        names = getattr(module, "FIGURES", ())
        if args.only and args.only not in path.stem and args.only not in names:
            continue
        started = time.perf_counter()
        try:
            result = module.run(quick=args.quick)
        except Exception as exc:
            print(f"{path.name}: failed: {exc}", file=sys.stderr)
            continue
        print(f"{path.name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
        if args.only and args.only in names:
            result = {k: v for k, v in result.items() if k == args.only or k.startswith("baseline")}
        figures.update(result)
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
