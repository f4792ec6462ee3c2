"""Validity of the authored held-out F set (benchmarks/heldout-f): a broken file fails here,
before it can silently lower or inflate a score. Checks shape only, never the extractor; the
checks shared with the other sets live in heldout_checks, F's own extra rules follow."""
from __future__ import annotations

from typing import Callable

import pytest

from heldout_checks import (BENCHMARKS, HeldoutSpec, checks_for, gold_files, other_snippet_sets,
                            other_article_sets)

SPEC = HeldoutSpec(
    root=BENCHMARKS / "heldout-f",
    source="eventwire held-out F (authored)",
    per_type_exact=True,
    articles=(8, 8),
    # The liveblog's "18:40 - " entries and the sitrep's bullet lines end without full stops,
    # so the rough counter sees fewer sentences there and more where titles hold "No. 14".
    sentences=(12, 32),
    distinct_outlets=True,
    # Country-wide tallies ("across the country", "in Lebanon") carry admin1 null.
    admin1_required=False,
    actor1_required=True,
    figures_required=True,
    # Two articles (the Mali wire, the Mozambique ministry release) are clean pages on purpose,
    # so the flag is checked per article below.
    boilerplate_flagged=False,
    min_types=16,
    min_parents=8,
    min_quantities=8,
    other_snippets=other_snippet_sets("heldout-f"),
    other_articles=other_article_sets("heldout-f"),
    authored=True,
    boilerplate_per_article=True,
    claimed_figures=True,
    notes=(30, 70),
    headlines=3,
)


# Conflicts sets A-E covered; F was written away from them so it measures transfer.
F_COUNTRIES = {"MLI", "LBN", "SDN", "KEN", "MOZ", "YEM", "CAF", "THA", "KHM", "ISR", "OMN", "USA"}


@pytest.mark.parametrize("check", checks_for(SPEC))


def test_set_f(check: Callable[[], list[str]]) -> None:
    assert check() == []


def test_ranges_keep_their_low_end_and_read_about():
    """Ranges keep their low end as value and read `about`; the set holds several of them."""
    ranges = [f for g in gold_files(SPEC).values() for f in g["figures"] if f["low"] != f["high"]]
    assert len(ranges) >= 3, "ranges are part of what the set tests"
    assert all(f["qualifier"] == "about" and f["value"] == f["low"] for f in ranges)


def test_the_set_stays_away_from_the_earlier_sets_conflicts():
    """Every event happens in one of F's own countries, so a score here is not a re-run of A-E."""
    strays = [(aid, e["type"], e["location"]["country"]) for aid, g in gold_files(SPEC).items()
              for e in g["events"] if e["location"] and e["location"]["country"] not in F_COUNTRIES]
    assert not strays, strays
