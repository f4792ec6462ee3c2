"""Validity of the authored held-out E set (benchmarks/heldout-e): a broken file fails here,
before it can silently lower or inflate a score. Checks shape only, never the extractor; the
checks shared with the other sets live in heldout_checks, E's own extra rules follow."""
from __future__ import annotations

from typing import Callable

import pytest

from heldout_checks import (BENCHMARKS, HeldoutSpec, checks_for, other_snippet_sets,
                            other_article_sets)

SPEC = HeldoutSpec(
    root=BENCHMARKS / "heldout-e",
    source="eventwire held-out E (authored)",
    per_type_exact=True,
    articles=(8, 8),
    # The liveblog's "6:40 p.m. — " stamps count as sentence ends for the rough counter.
    sentences=(12, 32),
    distinct_outlets=True,
    admin1_required=False,
    actor1_required=True,
    figures_required=True,
    # Two articles carry no boilerplate on purpose, so the flag is checked per article below.
    boilerplate_flagged=False,
    min_types=18,
    min_parents=8,
    min_quantities=8,
    other_snippets=other_snippet_sets("heldout-e"),
    other_articles=other_article_sets("heldout-e"),
    authored=True,
    boilerplate_per_article=True,
    claimed_figures=True,
    notes=(30, 70),
    headlines=3,
)


@pytest.mark.parametrize("check", checks_for(SPEC))


def test_set_e(check: Callable[[], list[str]]) -> None:
    assert check() == []
