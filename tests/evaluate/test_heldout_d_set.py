"""Validity of the authored held-out D set (benchmarks/heldout-d): a broken file fails here,
before it can silently lower or inflate a score. Checks shape only, never the extractor; the
checks shared with the other sets live in heldout_checks, D's own extra rules follow."""
from __future__ import annotations

from typing import Callable

import pytest
from rapidfuzz import fuzz

from heldout_checks import (BENCHMARKS, SHARED, HeldoutSpec, checks_for, gold_files, read_jsonl,
                            set_articles, set_snippets)

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
    ours = [r["text"].strip() for r in read_jsonl(SPEC.snippet_file)]
    for other in SPEC.other_snippets:
        if not other.is_file():
            continue
        theirs = [r["text"].strip() for r in read_jsonl(other)]
        close = [o[:50] for o in ours for t in theirs if fuzz.ratio(o, t) >= 90]
        assert not close, f"near copies of {other}: {close}"


def test_gold_figures_and_events_keep_the_conservative_reading():
    """Ranges keep their low end, and an event's fatalities never exceed what the killed
    figures of its own evidence sentence add up to (CODEBOOK 3.3: conservative tolls)."""
    for aid, gold in gold_files(SPEC).items():
        for i, fig in enumerate(gold["figures"]):
            if fig["low"] != fig["high"]:
                assert fig["value"] == fig["low"], f"{aid} figures[{i}]: a range keeps its low end"
        for i, ev in enumerate(gold["events"]):
            if ev["fatalities"] is None:
                continue
            tolls = [f["value"] for f in gold["figures"]
                     if f["quantity"] == "killed" and f["evidence"] == ev["evidence"]]
            assert not tolls or ev["fatalities"] <= sum(tolls), f"{aid} events[{i}]"


def test_the_set_has_a_balance_of_plain_and_varied_snippets():
    rows = read_jsonl(SPEC.snippet_file)
    noted = sum(1 for r in rows if r.get("note"))
    assert 40 <= noted <= 90, "hard calls are explained in a note, but not every snippet is one"
    headlines = [r for r in rows if not r["text"].rstrip().endswith((".", '"'))]
    assert len(headlines) >= 3, "headline-style snippets are part of the varied half"
