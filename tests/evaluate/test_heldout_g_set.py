"""Validity of the authored held-out G set (benchmarks/heldout-g): a broken file fails here,
before it can silently lower or inflate a score. Checks shape only, never the extractor; the
checks shared with the other sets live in heldout_checks, G's own extra rules follow."""
from __future__ import annotations

from collections import Counter
from typing import Callable

import pytest

from heldout_checks import (BENCHMARKS, HeldoutSpec, checks_for, gold_files, read_jsonl,
                            other_snippet_sets, other_article_sets)

SPEC = HeldoutSpec(
    root=BENCHMARKS / "heldout-g",
    source="eventwire held-out G (authored)",
    # G is the small set: two snippets per type and no 'none' snippets.
    snippets=(60, 60),
    per_type=2,
    per_type_exact=True,
    none_snippets=(0, 0),
    articles=(6, 6),
    # Page furniture and the liveblog's stamps push the rough count above the 12-16 body sentences.
    sentences=(12, 32),
    distinct_outlets=True,
    admin1_required=False,
    actor1_required=True,
    figures_required=True,
    # Two articles are clean pages on purpose, so the flag is checked per article below.
    boilerplate_flagged=False,
    min_events_per_article=6,
    min_event_types_per_article=5,
    min_types=19,
    min_parents=8,
    min_quantities=8,
    other_snippets=other_snippet_sets("heldout-g"),
    other_articles=other_article_sets("heldout-g"),
    authored=True,
    boilerplate_per_article=True,
    claimed_figures=True,
    notes=(15, 40),
    headlines=2,
)


@pytest.mark.parametrize("check", checks_for(SPEC))


def test_set_g(check: Callable[[], list[str]]) -> None:
    assert check() == []


def test_snippet_ids_follow_the_set_pattern():
    ids = [r["id"] for r in read_jsonl(SPEC.snippet_file)]
    assert ids == [f"hg-snip-{n:03d}" for n in range(1, len(ids) + 1)]


def test_each_article_has_a_sentence_with_two_happenings():
    """The brief's hard case: one evidence sentence that carries two distinct events."""
    for aid, gold in gold_files(SPEC).items():
        per_sentence = Counter(ev["evidence"] for ev in gold["events"])
        assert max(per_sentence.values()) >= 2, f"{aid}: no sentence with two events"


def test_ranges_and_qualifiers_are_present():
    figures = [f for g in gold_files(SPEC).values() for f in g["figures"]]
    assert sum(f["low"] != f["high"] for f in figures) >= 4
    assert {f["qualifier"] for f in figures} >= {"exact", "at_least", "about"}
