"""Snippet typing: weighted F1 over the 30 types, how `none` counts, top-confidence choice."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval_fixtures import SHARED
from eventwire.evaluate import EvalInputError, score_snippets
from eventwire.evaluate.snippets import read_snippets

SNIPPETS = [
    ("s1", "Gunmen stormed a bus station and shot dead four passengers.", "attack"),
    ("s2", "Police detained twelve men suspected of running a kidnapping ring.", "arrests"),
    ("s3", "Thousands marched peacefully through the capital demanding new elections.",
     "peaceful_protest"),
    ("s4", "Rebels shelled the army garrison on the edge of the town for a third night.",
     "shelling_artillery_missile"),
    ("s5", "The minister said talks could resume next month if conditions allow.", "none"),
    ("s6", "Security forces arrested the organisers of Sunday's rally.", "arrests"),
]


@pytest.fixture
def snippet_file(tmp_path: Path) -> Path:
    path = tmp_path / "snippets.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t, "type": y}) + "\n"
                            for i, t, y in SNIPPETS))
    return path


def test_perfect_typing(snippet_file: Path) -> None:
    report = score_snippets(snippet_file, {i: y for i, _, y in SNIPPETS})
    assert report.weighted_f1 == report.macro_f1 == report.accuracy == 1.0


def test_none_counts_against_the_types_it_touches(snippet_file: Path) -> None:
    preds = {"s1": "attack", "s2": "arrests", "s3": "none",          # typed snippet missed
             "s4": "shelling_artillery_missile", "s5": "diplomacy",  # none snippet typed
             "s6": "arrests"}
    report = score_snippets(snippet_file, preds)
    protest = report.per_type["peaceful_protest"]
    assert (protest.tp, protest.gold, protest.pred) == (0, 1, 0)
    diplomacy = report.per_type["diplomacy"]
    assert (diplomacy.gold, diplomacy.pred) == (0, 1)
    assert report.accuracy == pytest.approx(4 / 6)
    # attack 1.0 (1), arrests 1.0 (2), protest 0.0 (1), shelling 1.0 (1): none carries no weight
    assert report.weighted_f1 == pytest.approx(4 / 5)
    assert report.macro_f1 == pytest.approx(3 / 4)
    assert (report.none.tp, report.none.gold, report.none.pred) == (0, 1, 1)


def test_weighted_f1_weights_by_gold_support(snippet_file: Path) -> None:
    preds = {"s1": "attack", "s2": "attack", "s3": "peaceful_protest",
             "s4": "shelling_artillery_missile", "s5": "none", "s6": "arrests"}
    report = score_snippets(snippet_file, preds)
    attack_f1 = 2 * 1 / (1 + 2)            # 1 right of 2 predicted, 1 gold
    arrests_f1 = 2 * 1 / (2 + 1)           # 1 right, 2 gold, 1 predicted
    expected = (attack_f1 * 1 + arrests_f1 * 2 + 1.0 + 1.0) / 5
    assert report.weighted_f1 == pytest.approx(expected)


def test_top_confidence_event_decides_and_missing_counts_as_none(snippet_file: Path) -> None:
    def line(sid, events):
        return {"article": {"id": sid}, "events": events, "figures": [], "flags": []}

    def ev(type_, conf):
        return {"type": type_, "confidence": conf, "evidence": {"text": "x", "start": 0, "end": 1}}

    preds = [line("s1", [ev("armed_clash", 0.4), ev("attack", 0.8)]),
             line("s2", [ev("arrests", 0.6), ev("attribution", 0.6)]),   # tie: first wins
             line("s5", [])]
    report = score_snippets(snippet_file, preds)
    assert report.per_type["attack"].tp == 1
    assert report.per_type["arrests"].tp == 1
    assert report.none.tp == 1
    assert report.missing == 3                   # s3, s4, s6 have no line at all


def test_bad_snippet_label_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "snippets.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "x", "type": "attack"}) + "\n"
                    + json.dumps({"id": "b", "text": "y", "type": "bombing"}) + "\n")
    with pytest.raises(EvalInputError, match=r":2: type 'bombing'"):
        read_snippets(path)


@pytest.mark.skipif(not (SHARED / "dev-snippets").is_dir(), reason="../shared is absent")
def test_shared_snippets_scored_against_their_labels_are_perfect() -> None:
    snippets = read_snippets(SHARED / "dev-snippets")
    report = score_snippets(snippets, {s.id: s.type for s in snippets})
    assert report.weighted_f1 == 1.0 and report.total == len(snippets)
