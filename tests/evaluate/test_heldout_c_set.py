"""Validity of the authored held-out C set (benchmarks/heldout-c): a broken file fails here,
before it can silently lower or inflate a score. Checks shape only, never the extractor; the
checks live in heldout_checks."""
from __future__ import annotations

from typing import Callable

import pytest

from heldout_checks import BENCHMARKS, SHARED, HeldoutSpec, checks_for, set_articles, set_snippets

SPEC = HeldoutSpec(
    root=BENCHMARKS / "heldout-c",
    source="eventwire held-out C (authored)",
    per_type_exact=True,
    distinct_outlets=True,
    admin1_required=False,
    actor1_required=True,
    figures_required=True,
    min_quantities=5,
    other_snippets=(SHARED / "dev-snippets" / "snippets.jsonl",
                    set_snippets("heldout"), set_snippets("heldout-b")),
    other_articles=(set_articles("heldout"), set_articles("heldout-b")),
)


@pytest.mark.parametrize("check", checks_for(SPEC))
def test_set_c(check: Callable[[], list[str]]) -> None:
    assert check() == []
