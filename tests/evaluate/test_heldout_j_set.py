"""Validity of the authored held-out J set (benchmarks/heldout-j): a broken file fails here,
before it can silently lower or inflate a score. Checks shape only, never the extractor; the
checks shared with the other sets live in heldout_checks, J's own promises follow.

J is a tuning set built to measure recall: dense pages (round-ups, situation reports with
bulleted incidents, liveblogs, press releases) where most sentences carry a codable event or
figure, often told in a subordinate clause, a participle, a passive or a noun phrase, and often
two happenings to a sentence."""
from __future__ import annotations

from datetime import date
from typing import Callable

import pytest

from heldout_checks import (BENCHMARKS, HeldoutSpec, article_rows, checks_for, gold_files,
                            long_sentences, other_article_sets, other_snippet_sets, read_jsonl)

SPEC = HeldoutSpec(
    root=BENCHMARKS / "heldout-j",
    source="eventwire held-out J (authored)",
    snippets=(100, 100),
    per_type=3,
    per_type_exact=True,
    none_snippets=(10, 10),
    articles=(8, 8),
    # 12-22 body sentences; the rough counter adds page furniture and bullet lines.
    sentences=(12, 24),
    distinct_outlets=True,
    # Country-wide totals ('across Ukraine', 'nationwide') carry admin1 null.
    admin1_required=False,
    actor1_required=True,
    figures_required=True,
    # The wire, the press release, the round-up and the translated outlet are clean pages.
    boilerplate_flagged=False,
    min_events_per_article=7,
    min_event_types_per_article=5,
    min_types=24,
    min_parents=9,
    min_quantities=8,
    other_snippets=other_snippet_sets("heldout-j"),
    other_articles=other_article_sets("heldout-j"),
    authored=True,
    boilerplate_per_article=True,
    claimed_figures=True,
    notes=(40, 70),
    retold_once=True,
    headlines=5,
)

MAX_EVENTS_PER_ARTICLE = 12
# J is dense on purpose: at least this share of each article's long sentences carries an event
# or a figure (the rest is history, analysis, forecasts and page furniture).
MIN_CODABLE_SHARE = 0.6
# Sentences that tell two happenings: the recall cases J is built around.
MIN_TWO_EVENT_SENTENCES = 7


@pytest.mark.parametrize("check", checks_for(SPEC))
def test_set_j(check: Callable[[], list[str]]) -> None:
    assert check() == []


def test_snippet_ids_follow_the_set_pattern() -> None:
    ids = [r["id"] for r in read_jsonl(SPEC.snippet_file)]
    assert ids == [f"hj-snip-{n:03d}" for n in range(1, len(ids) + 1)]


def test_articles_stay_within_the_event_budget() -> None:
    counts = {aid: len(g["events"]) for aid, g in gold_files(SPEC).items()}
    assert {aid: n for aid, n in counts.items() if n > MAX_EVENTS_PER_ARTICLE} == {}
    assert 70 <= sum(counts.values()) <= 95


def _carries(sentence: str, evidence: set[str]) -> bool:
    return any(sentence in ev or ev in sentence for ev in evidence)


def test_articles_are_mostly_codable() -> None:
    """The opposite promise to H's: most of each page is events and figures."""
    thin = {}
    for article in article_rows(SPEC):
        gold = gold_files(SPEC)[article["id"]]
        evidence = {e["evidence"] for e in gold["events"]} | {f["evidence"] for f in gold["figures"]}
        sentences = long_sentences(article["text"])
        share = sum(_carries(s, evidence) for s in sentences) / len(sentences)
        if share < MIN_CODABLE_SHARE:
            thin[article["id"]] = round(share, 2)
    assert thin == {}


def test_many_sentences_tell_two_happenings() -> None:
    doubles = 0
    for gold in gold_files(SPEC).values():
        per_sentence: dict[str, int] = {}
        for ev in gold["events"]:
            per_sentence[ev["evidence"]] = per_sentence.get(ev["evidence"], 0) + 1
        doubles += sum(n >= 2 for n in per_sentence.values())
    assert doubles >= MIN_TWO_EVENT_SENTENCES


def test_long_totals_are_figures_not_events() -> None:
    """A toll over a war, a half-year or a campaign is a figure with a period, never an event's
    fatalities; most articles state one."""
    rows = {a["id"]: a for a in article_rows(SPEC)}
    with_total = 0
    for aid, gold in gold_files(SPEC).items():
        published = date.fromisoformat(rows[aid]["published"][:10])
        totals = [f for f in gold["figures"] if f["period"] and
                  (published - date.fromisoformat(f["period"]["from"])).days > 20]
        with_total += bool(totals)
        sentences = {f["evidence"] for f in totals}
        assert not [e for e in gold["events"] if e["evidence"] in sentences], aid
    assert with_total >= 5


def test_event_evidence_never_comes_from_page_furniture() -> None:
    furniture = ("Photo:", "Read more:", "Watch:", "Share this:", "Advertisement")
    for aid, gold in gold_files(SPEC).items():
        assert not [e for e in gold["events"] if e["evidence"].startswith(furniture)], aid


def test_every_gold_file_explains_its_calls() -> None:
    bare = [aid for aid, gold in gold_files(SPEC).items()
            if not gold.get("notes") or not all(isinstance(n, str) and n.strip() for n in gold["notes"])]
    assert bare == []


def test_ranges_of_qualifiers_and_claimants() -> None:
    figures = [f for g in gold_files(SPEC).values() for f in g["figures"]]
    assert {f["qualifier"] for f in figures} >= {"exact", "at_least", "about"}
    assert sum(f["claimant"] is None for f in figures) >= 5
    assert sum(f["claimant"] is not None for f in figures) >= len(figures) // 2
