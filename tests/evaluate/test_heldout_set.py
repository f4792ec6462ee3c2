"""The authored held-out set A (benchmarks/heldout) stays valid against CODEBOOK s.5.

The checks shared by all held-out sets live in heldout_checks; this file states set A's numbers
and also proves the shared checkers still catch things: each is run on a deliberately broken
record, and the whole set's checks on a corrupted copy of the set, so a checker that stops
catching anything fails too.
"""
from __future__ import annotations

import copy
import dataclasses
import json
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Callable

import pytest

from heldout_checks import (BENCHMARKS, SET_CHECKS, HeldoutSpec, article_rows, checks_for,
                            gold_files, gold_problems, snippet_problems)

SPEC = HeldoutSpec(
    root=BENCHMARKS / "heldout",
    source="eventwire held-out (authored)",
    snippets=(95, None),
    none_snippets=(8, None),
    articles=(6, None),
    sentences=(10, 20),
    require_url=False,
    max_date_lag_days=None,
    min_events_per_article=4,
    min_event_types_per_article=4,
    figures_required=True,
    boilerplate_flagged=False,
    min_types=0,
    min_parents=0,
)


@pytest.mark.parametrize("check", checks_for(SPEC))
def test_set_a(check: Callable[[], list[str]]) -> None:
    assert check() == []


# --- the checkers catch what they should --------------------------------------------------------

@pytest.fixture
def good_pair() -> tuple[dict, dict]:
    article = article_rows(SPEC)[0]
    return copy.deepcopy(gold_files(SPEC)[article["id"]]), article


def _weeks_before(days: int) -> Callable[[dict], None]:
    def breakage(g: dict) -> None:
        published = date.fromisoformat(g["article"]["published"][:10])
        g["events"][0].update(date=(published - timedelta(days=days)).isoformat(),
                              date_precision="day")
    return breakage


# Each case: the spec rule it needs switched on (set A leaves some off), and the breakage.
@pytest.mark.parametrize("rules, breakage", [
    ({}, lambda g: g["events"][0].update(evidence=g["events"][0]["evidence"] + " (edited)")),
    ({}, lambda g: g["events"][0].update(type="battle")),
    ({}, lambda g: g["events"][0].update(date="2999-01-01")),
    ({}, lambda g: g["events"][0].update(date="last Sunday")),
    ({"max_date_lag_days": 31}, _weeks_before(60)),
    ({}, lambda g: g["events"][0].update(date=None, date_precision="day")),
    ({}, lambda g: g["events"][0]["location"].update(country="NG")),
    ({}, lambda g: g["events"][0]["location"].update(admin1=None)),
    ({"admin1_required": False}, lambda g: g["events"][0]["location"].pop("admin1")),
    ({}, lambda g: g["events"][0].update(location=None)),
    ({}, lambda g: g["events"][0].pop("injured")),
    ({}, lambda g: g["events"][0]["actor1"].update(sector="terrorists")),
    ({}, lambda g: g["events"][0]["actor1"].update(name="")),
    ({"actor1_required": True}, lambda g: g["events"][0].update(actor1=None)),
    ({}, lambda g: g["events"][0].update(fatalities=-1)),
    ({}, lambda g: g["figures"][0].update(quantity="deaths")),
    ({}, lambda g: g["figures"][0].update(qualifier="roughly")),
    ({}, lambda g: g["figures"][0].update(evidence="Nobody said this.")),
    ({}, lambda g: g["figures"][0].update(value=-3)),
    ({}, lambda g: g["figures"][0].update(low=g["figures"][0]["value"] + 1)),
    ({}, lambda g: g["figures"][0].update(period={"from": "2024-05-02", "to": "2024-05-01"})),
    ({}, lambda g: g["figures"][0]["subject"].update(sector="terrorists")),
    ({}, lambda g: g.update(figures=[])),
    ({}, lambda g: g.update(events=g["events"][:3])),
    ({}, lambda g: g.update(flags=["looks_odd"])),
    ({}, lambda g: g["article"].update(title="Another headline")),
], ids=["evidence", "type", "future-date", "non-iso-date", "stale-date", "precision-no-date",
        "iso2", "no-admin1", "admin1-key", "no-location", "missing-key", "sector", "actor-name",
        "no-actor1", "fatalities", "quantity", "qualifier", "figure-evidence", "value", "low",
        "period", "subject-sector", "no-figures", "few-events", "flag", "header"])
def test_checkers_reject_a_broken_gold(good_pair, rules, breakage):
    gold, article = good_pair
    assert gold_problems(gold, article, SPEC) == []
    spec = dataclasses.replace(SPEC, **rules)
    assert gold_problems(gold, article, spec) == []
    breakage(gold)
    assert gold_problems(gold, article, spec) != []


def test_checker_wants_boilerplate_flagged_where_the_set_promises_it(good_pair):
    gold, article = good_pair
    spec = dataclasses.replace(SPEC, boilerplate_flagged=True)
    gold["flags"] = ["boilerplate_removed"]
    assert gold_problems(gold, article, spec) == []
    gold["flags"] = []
    assert gold_problems(gold, article, spec) != []


@pytest.mark.parametrize("broken", [
    {"id": "x", "text": "Troops shelled the town on Monday, officials said.", "type": "shelling"},
    {"id": "x", "text": "Too short.", "type": "attack", "source": SPEC.source},
    {"id": "", "text": "Troops shelled the town on Monday, officials said.", "type": "none",
     "source": SPEC.source},
    {"id": "x", "text": "Troops shelled the town on Monday, officials said.",
     "type": "shelling_artillery_missile", "source": "some corpus"},
    {"id": "x", "text": "Troops shelled the town. It burned. People fled. Aid came. Rain fell.",
     "type": "shelling_artillery_missile", "source": SPEC.source},
], ids=["type", "short", "no-id", "source", "five-sentences"])
def test_checker_rejects_a_broken_snippet(broken):
    assert snippet_problems(broken, SPEC.source) != []


def _edit_jsonl(path: Path, edit: Callable[[list[dict]], list[dict]]) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    path.write_text("".join(json.dumps(r) + "\n" for r in edit(rows)), encoding="utf-8")


def _edit_first_gold(root: Path) -> None:
    path = sorted((root / "articles" / "gold").glob("*.gold.json"))[0]
    gold = json.loads(path.read_text(encoding="utf-8"))
    gold["events"][0]["evidence"] = "A sentence the article never printed."
    path.write_text(json.dumps(gold), encoding="utf-8")


CORRUPTIONS: dict[str, Callable[[Path], None]] = {
    "gold-evidence": _edit_first_gold,
    "gold-file-missing": lambda root: sorted((root / "articles" / "gold").iterdir())[0].unlink(),
    "snippet-twice": lambda root: _edit_jsonl(root / "snippets" / "snippets.jsonl",
                                              lambda rows: rows + rows[:1]),
    "type-without-snippets": lambda root: _edit_jsonl(
        root / "snippets" / "snippets.jsonl",
        lambda rows: [r for r in rows if r["type"] != rows[0]["type"]]),
    "article-too-short": lambda root: _edit_jsonl(
        root / "articles" / "articles.jsonl",
        lambda rows: [dict(rows[0], text=rows[0]["text"][:200])] + rows[1:]),
}


@pytest.mark.parametrize("corruption", [None, *CORRUPTIONS], ids=str)
def test_a_corrupted_copy_of_the_set_fails(tmp_path, corruption):
    """Runs the real set checks on a copy: pristine it passes, corrupted something reports."""
    root = tmp_path / "heldout"
    shutil.copytree(SPEC.root, root)
    if corruption:
        CORRUPTIONS[corruption](root)
    problems = [p for check in SET_CHECKS for p in check(dataclasses.replace(SPEC, root=root))]
    assert bool(problems) == bool(corruption), problems
