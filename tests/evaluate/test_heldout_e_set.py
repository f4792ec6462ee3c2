"""Validity of the authored held-out E set (benchmarks/heldout-e): a broken file fails here,
before it can silently lower or inflate a score. Checks shape only, never the extractor; the
checks shared with the other sets live in heldout_checks, E's own extra rules follow."""
from __future__ import annotations

from typing import Callable

import pytest

from heldout_checks import (BENCHMARKS, SHARED, HeldoutSpec, checks_for, set_articles,
                            set_snippets, near_copies, unconservative_gold,
                            boilerplate_flag_problems, claimant_and_date_problems,
                            wording_problems)

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
    other_snippets=(SHARED / "dev-snippets" / "snippets.jsonl", set_snippets("heldout"),
                    set_snippets("heldout-b"), set_snippets("heldout-c"),
                    set_snippets("heldout-d")),
    other_articles=(set_articles("heldout"), set_articles("heldout-b"), set_articles("heldout-c"),
                    set_articles("heldout-d"), SHARED / "dev" / "articles.jsonl",
                    SHARED / "dev-world" / "articles.jsonl"),
)


@pytest.mark.parametrize("check", checks_for(SPEC))


def test_set_e(check: Callable[[], list[str]]) -> None:
    assert check() == []


def test_boilerplate_flag_follows_the_raw_text():
    assert boilerplate_flag_problems(SPEC) == []


def test_no_snippet_is_a_near_copy_of_another_set():
    """A snippet may not be a lightly edited copy of another set's snippet either."""
    assert near_copies(SPEC) == []


def test_gold_figures_and_events_keep_the_conservative_reading():
    assert unconservative_gold(SPEC) == []

def test_the_set_is_mostly_plain_wire_wording():
    assert wording_problems(SPEC, notes=(30, 70), headlines=3) == []


def test_each_article_states_a_claimant_and_a_relative_date():
    assert claimant_and_date_problems(SPEC) == []
