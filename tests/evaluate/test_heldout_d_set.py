"""Validity of the authored held-out D set (benchmarks/heldout-d): a broken file fails here,
before it can silently lower or inflate a score. Checks shape only, never the extractor; the
checks shared with the other sets live in heldout_checks, D's own extra rules follow."""
from __future__ import annotations

from typing import Callable

import pytest

from heldout_checks import (BENCHMARKS, HeldoutSpec, checks_for, other_snippet_sets,
                            other_article_sets)

SPEC = HeldoutSpec(
    root=BENCHMARKS / "heldout-d",
    source="eventwire held-out D (authored)",
    per_type_exact=True,
    sentences=(13, 20),
    distinct_outlets=True,
    admin1_required=False,
    actor1_required=True,
    figures_required=True,
    min_quantities=5,
    other_snippets=other_snippet_sets("heldout-d"),
    other_articles=other_article_sets("heldout-d"),
    authored=True,
    notes=(40, 90),
    headlines=3,
)


@pytest.mark.parametrize("check", checks_for(SPEC))
def test_set_d(check: Callable[[], list[str]]) -> None:
    assert check() == []
