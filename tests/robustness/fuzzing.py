"""Hypothesis budget of the robustness suite.

``AICLAIMS_FUZZ_EXAMPLES`` raises it for a long fuzzing run (e.g. 20000); the
default keeps the whole suite fast and reproducible (derandomised).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

FUZZ_EXAMPLES = int(os.environ.get("AICLAIMS_FUZZ_EXAMPLES", "150"))
LONG_RUN = FUZZ_EXAMPLES > 1000
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None if LONG_RUN else 2000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=not LONG_RUN,
)
