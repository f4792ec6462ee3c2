"""Validity of the authored held-out E set (benchmarks/heldout-e): a broken file fails here,
before it can silently lower or inflate a score. Checks shape only, never the extractor; the
checks shared with the other sets live in heldout_checks, E's own extra rules follow."""
from __future__ import annotations

import re
from typing import Callable

import pytest

from heldout_checks import (BENCHMARKS, SHARED, HeldoutSpec, article_rows, checks_for,
                            gold_files, read_jsonl, set_articles, set_snippets, near_copies,
                            unconservative_gold)

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

# Lines only web pages carry: if one is in the raw text, the cleaner has something to cut.
BOILERPLATE_MARKERS = re.compile(
    r"^(Home \||World \||News \||Long Read \||Share this:|Read (more|also):|Photo:|Caption:|"
    r"Advertisement$|Subscribe|Sign up|Support|Enjoyed this|Download PDF|Our teams rely|"
    r"For further information|Reporting by|\(c\)|©|Copyright)", re.MULTILINE)


@pytest.mark.parametrize("check", checks_for(SPEC))
def test_set_e(check: Callable[[], list[str]]) -> None:
    assert check() == []


def test_boilerplate_flag_follows_the_raw_text():
    """boilerplate_removed is due exactly where the raw text holds page furniture (CODEBOOK 4)."""
    gold = gold_files(SPEC)
    wrong = [a["id"] for a in article_rows(SPEC)
             if bool(BOILERPLATE_MARKERS.search(a["text"]))
             != ("boilerplate_removed" in gold[a["id"]]["flags"])]
    assert not wrong, f"flag disagrees with the text: {wrong}"
    flagged = sum("boilerplate_removed" in g["flags"] for g in gold.values())
    assert 0 < flagged < len(gold), "the set holds both clean and boilerplate-laden pages"


def test_no_snippet_is_a_near_copy_of_another_set():
    """A snippet may not be a lightly edited copy of another set's snippet either."""
    assert near_copies(SPEC) == []


def test_gold_figures_and_events_keep_the_conservative_reading():
    assert unconservative_gold(SPEC) == []

def test_the_set_is_mostly_plain_wire_wording():
    """About three snippets in four read like ordinary wire copy, so notes (kept for the hard
    calls) cover a minority-to-half of the set, and a few headlines remain."""
    rows = read_jsonl(SPEC.snippet_file)
    noted = sum(1 for r in rows if r.get("note"))
    assert 30 <= noted <= 70, noted
    headlines = [r for r in rows if not r["text"].rstrip().endswith((".", '"'))]
    assert len(headlines) >= 3, "headline-style snippets are part of the varied quarter"


def test_each_article_states_a_claimant_and_a_relative_date():
    relative = re.compile(r"\b(yesterday|overnight|last week|over the past|on (Mon|Tues|Wednes|"
                          r"Thurs|Fri|Satur|Sun)day|this (morning|afternoon)|today)\b", re.I)
    for a in article_rows(SPEC):
        gold = gold_files(SPEC)[a["id"]]
        assert relative.search(a["text"]), f"{a['id']}: no relative date"
        assert any(f["claimant"] for f in gold["figures"]), f"{a['id']}: no claimed figure"
