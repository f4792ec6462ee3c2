"""Validity of the authored held-out I set (benchmarks/heldout-i): a broken file fails here,
before it can silently lower or inflate a score. Checks shape only, never the extractor; the
checks shared with the other sets live in heldout_checks, I's own promises follow.

I is an unseen measure on conflicts the other sets barely touch (Russia-Ukraine front line and
Russian border regions, Gaza, north-east Syria, Iraq, Chhattisgarh, Catatumbo, US protests), on
pages that mix codable events with the non-events the codebook excludes."""
from __future__ import annotations

from datetime import date
from typing import Callable

import pytest

from heldout_checks import (BENCHMARKS, HeldoutSpec, article_rows, checks_for, gold_files,
                            other_article_sets, other_snippet_sets, read_jsonl)

SPEC = HeldoutSpec(
    root=BENCHMARKS / "heldout-i",
    source="eventwire held-out I (authored)",
    snippets=(100, 100),
    per_type=3,
    per_type_exact=True,
    none_snippets=(10, 10),
    articles=(8, 8),
    # 14-20 body sentences; the rough counter adds page furniture and misses '?' ends.
    sentences=(14, 24),
    distinct_outlets=True,
    # Country-wide and strip-wide totals carry admin1 null.
    admin1_required=False,
    actor1_required=True,
    figures_required=True,
    # The wire, the translated outlet and the press release are clean pages: checked per article.
    boilerplate_flagged=False,
    min_events_per_article=5,
    min_event_types_per_article=4,
    min_types=19,
    min_parents=10,
    min_quantities=8,
    other_snippets=other_snippet_sets("heldout-i"),
    other_articles=other_article_sets("heldout-i"),
    authored=True,
    boilerplate_per_article=True,
    claimed_figures=True,
    notes=(30, 55),
    retold_once=True,
    headlines=5,
)

MAX_EVENTS_PER_ARTICLE = 9
# Totals over a war or a campaign: a figure whose period starts this long before publication.
LONG_PERIOD_DAYS = 60


@pytest.mark.parametrize("check", checks_for(SPEC))
def test_set_i(check: Callable[[], list[str]]) -> None:
    assert check() == []


def test_snippet_ids_follow_the_set_pattern() -> None:
    ids = [r["id"] for r in read_jsonl(SPEC.snippet_file)]
    assert ids == [f"hi-snip-{n:03d}" for n in range(1, len(ids) + 1)]


def test_articles_stay_within_the_event_budget() -> None:
    """5-9 codable events an article: the rest of each page is non-event material."""
    too_many = {aid: len(g["events"]) for aid, g in gold_files(SPEC).items()
                if len(g["events"]) > MAX_EVENTS_PER_ARTICLE}
    assert too_many == {}


def test_long_totals_are_figures_not_events() -> None:
    """Most articles state a war-long or campaign-long total; such a number is a figure with a
    period, and no event's fatalities may be taken from it."""
    with_total = 0
    rows = {a["id"]: a for a in article_rows(SPEC)}
    for aid, gold in gold_files(SPEC).items():
        published = date.fromisoformat(rows[aid]["published"][:10])
        totals = [f for f in gold["figures"] if f["period"] and
                  (published - date.fromisoformat(f["period"]["from"])).days > LONG_PERIOD_DAYS]
        with_total += bool(totals)
        total_sentences = {f["evidence"] for f in totals}
        assert not [e for e in gold["events"] if e["evidence"] in total_sentences], aid
    assert with_total >= 4


def test_event_evidence_never_comes_from_page_furniture() -> None:
    """Events told only in a caption or a 'Read more' line are not coded (CODEBOOK 4)."""
    furniture = ("Photo:", "Read more:", "Read also:", "Watch:", "Share this:")
    for aid, gold in gold_files(SPEC).items():
        assert not [e for e in gold["events"] if e["evidence"].startswith(furniture)], aid


def test_ranges_of_qualifiers_and_claimants() -> None:
    figures = [f for g in gold_files(SPEC).values() for f in g["figures"]]
    assert {f["qualifier"] for f in figures} >= {"exact", "at_least", "about"}
    assert sum(f["claimant"] is None for f in figures) >= 5
    assert sum(f["claimant"] is not None for f in figures) >= len(figures) // 2
