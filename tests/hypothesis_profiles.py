"""Hypothesis profiles: derandomized in CI, a long exploring run on purpose.

- ``ci`` (chosen when the ``CI`` variable is set): the same examples on every run, no example
  database, no deadline; a red CI is a bug, never bad luck.
- ``dev`` (the default on a developer's machine): random examples, remembered failures.
- ``fuzz`` (``HYPOTHESIS_PROFILE=fuzz``): 50 times the examples of each test; run it on
  purpose (README, *Reliability*), and turn every failure it finds into an ``@example``.

Tests give their example counts through ``examples(n)``, which scales ``n`` by the profile,
since a count written in ``@settings`` would override the profile's.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

BASE = 100  # the max_examples of a profile that runs each test's own count


def register() -> str:
    common = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
    settings.register_profile("dev", max_examples=BASE, **common)
    settings.register_profile(
        "ci", max_examples=BASE, derandomize=True, database=None, print_blob=True, **common
    )
    settings.register_profile("fuzz", max_examples=BASE * 50, print_blob=True, **common)
    name = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
    settings.load_profile(name)
    return name


def examples(n: int) -> int:
    """``n`` examples under ``ci``/``dev``, fifty times more under ``fuzz``."""
    return max(1, n * settings.default.max_examples // BASE)
