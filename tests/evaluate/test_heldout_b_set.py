"""Validity of the authored held-out B set (benchmarks/heldout-b): a broken file fails here,
before it can silently lower or inflate a score. The checks live in heldout_checks."""
from __future__ import annotations

from typing import Callable

import pytest

from heldout_checks import BENCHMARKS, SHARED, HeldoutSpec, checks_for

SPEC = HeldoutSpec(
    root=BENCHMARKS / "heldout-b",
    source="eventwire held-out B (authored)",
    other_snippets=(SHARED / "dev-snippets" / "snippets.jsonl",),
)


@pytest.mark.parametrize("check", checks_for(SPEC))
def test_set_b(check: Callable[[], list[str]]) -> None:
    assert check() == []
