"""Validity of the authored held-out H set (benchmarks/heldout-h): a broken file fails here,
before it can silently lower or inflate a score. Checks shape only, never the extractor; the
checks shared with the other sets live in heldout_checks, H's own rules follow.

H exists to measure precision on realistic news pages, so beyond the shared checks it promises
that most of each article is *not* codable (background, retellings, quotes, totals, furniture),
that the gold codes each happening once, and that every article states a total that is a figure
rather than an event."""
from __future__ import annotations

from datetime import date
from typing import Callable

import pytest

from heldout_checks import (BENCHMARKS, HeldoutSpec, checks_for, gold_files, read_jsonl,
                            article_rows, long_sentences, other_snippet_sets, other_article_sets)

SPEC = HeldoutSpec(
    root=BENCHMARKS / "heldout-h",
    source="eventwire held-out H (authored)",
    snippets=(100, 100),
    per_type=3,
    per_type_exact=True,
    none_snippets=(10, 10),
    articles=(8, 8),
    # 16-24 body sentences each; the rough count misses '?' and '," said' ends and adds furniture.
    sentences=(16, 30),
    distinct_outlets=True,
    # Country-wide totals ('inside the country') carry admin1 null.
    admin1_required=False,
    actor1_required=True,
    figures_required=True,
    # Three pages are clean on purpose (wire, regional outlet, press release): checked per article.
    boilerplate_flagged=False,
    min_events_per_article=5,
    min_event_types_per_article=4,
    min_types=20,
    min_parents=9,
    min_quantities=8,
    other_snippets=other_snippet_sets("heldout-h"),
    other_articles=other_article_sets("heldout-h"),
    authored=True,
    boilerplate_per_article=True,
    claimed_figures=True,
    notes=(30, 50),
    retold_once=True,
    headlines=3,
)

MAX_EVENTS_PER_ARTICLE = 9
# At most this share of an article's long sentences may carry an event: the rest is the noise
# the set is built to test.
MAX_EVENT_SENTENCE_SHARE = 0.5


@pytest.mark.parametrize("check", checks_for(SPEC))
def test_set_h(check: Callable[[], list[str]]) -> None:
    assert check() == []


def test_snippet_ids_follow_the_set_pattern():
    ids = [r["id"] for r in read_jsonl(SPEC.snippet_file)]
    assert ids == [f"hh-snip-{n:03d}" for n in range(1, len(ids) + 1)]


def test_every_none_snippet_says_why_it_is_not_an_event():
    """The `none` snippets are hard negatives; each names the codebook reason it is not coded."""
    unexplained = [r["id"] for r in read_jsonl(SPEC.snippet_file)
                   if r["type"] == "none" and not r.get("note")]
    assert unexplained == []


def test_articles_are_mostly_not_codable():
    problems = []
    for article in article_rows(SPEC):
        gold = gold_files(SPEC)[article["id"]]
        carrying = {ev["evidence"] for ev in gold["events"]}
        share = len(carrying) / len(long_sentences(article["text"]))
        if share > MAX_EVENT_SENTENCE_SHARE:
            problems.append(f"{article['id']}: {share:.2f} of its sentences carry events")
        if len(gold["events"]) > MAX_EVENTS_PER_ARTICLE:
            problems.append(f"{article['id']}: {len(gold['events'])} events, at most "
                            f"{MAX_EVENTS_PER_ARTICLE}")
    assert problems == []


def _spans_more_than_a_day(fig: dict) -> bool:
    period = fig.get("period") or {}
    start, end = period.get("from"), period.get("to")
    if not start or not end:
        return False
    return date.fromisoformat(start[:10]) < date.fromisoformat(end[:10])


def test_every_article_states_a_total_that_is_not_an_event():
    """Each page carries a toll over many days (a war total, a season, a history): a figure the
    extractor must not turn into an event's fatalities."""
    missing = [aid for aid, gold in gold_files(SPEC).items()
               if not any(_spans_more_than_a_day(f) for f in gold["figures"])]
    assert missing == []


def test_every_gold_file_explains_its_calls():
    bare = [aid for aid, gold in gold_files(SPEC).items()
            if not gold.get("notes") or not all(isinstance(n, str) and n.strip()
                                                for n in gold["notes"])]
    assert bare == []


def test_ranges_and_qualifiers_are_present():
    figures = [f for g in gold_files(SPEC).values() for f in g["figures"]]
    assert any(f["low"] != f["high"] for f in figures)
    assert {f["qualifier"] for f in figures} >= {"exact", "at_least", "about"}
