"""Validity of the authored held-out D set (benchmarks/heldout-d): a broken file fails here,
before it can silently lower or inflate a score. Checks shape only, never the extractor; the
checks shared with the other sets live in heldout_checks, D's own extra rules follow."""
from __future__ import annotations

from typing import Callable

import pytest

from heldout_checks import (BENCHMARKS, SHARED, HeldoutSpec, checks_for, gold_files, read_jsonl,
                            set_articles, set_snippets, near_copies,
                            unconservative_gold)

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
    other_snippets=(SHARED / "dev-snippets" / "snippets.jsonl", set_snippets("heldout"),
                    set_snippets("heldout-b"), set_snippets("heldout-c")),
    other_articles=(set_articles("heldout"), set_articles("heldout-b"), set_articles("heldout-c"),
                    SHARED / "dev" / "articles.jsonl", SHARED / "dev-world" / "articles.jsonl"),
)


@pytest.mark.parametrize("check", checks_for(SPEC))
def test_set_d(check: Callable[[], list[str]]) -> None:
    assert check() == []


def test_no_snippet_is_a_near_copy_of_another_set():
    """A snippet may not be a lightly edited copy of another set's snippet either."""
    assert near_copies(SPEC) == []


def test_gold_figures_and_events_keep_the_conservative_reading():
    assert unconservative_gold(SPEC) == []

def test_the_set_has_a_balance_of_plain_and_varied_snippets():
    rows = read_jsonl(SPEC.snippet_file)
    noted = sum(1 for r in rows if r.get("note"))
    assert 40 <= noted <= 90, "hard calls are explained in a note, but not every snippet is one"
    headlines = [r for r in rows if not r["text"].rstrip().endswith((".", '"'))]
    assert len(headlines) >= 3, "headline-style snippets are part of the varied half"
