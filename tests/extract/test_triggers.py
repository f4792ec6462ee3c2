"""The trigger scan: the substring gates that skip a frame's patterns never change what is found."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.extract import triggers
from eventwire.extract.context import split_sentences

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

SENTENCES = [
    "The US embassy in Ukraine says the attack on the nuclear plant is a war crime.",
    "Indiscriminate attacks on innocent civilians constitute a war crime.",
    "The town was lost to the rebels after troops re-took the bridge and then retook the hill.",
    "Looters stole generators and were stealing fuel when police arrived.",
    "A gas cylinder explosion killed four people in Lahore.",
    "Forces were put on high alert; the council will vote on Monday.",
    "İstanbul police detained 40 protesters at a sit-in.",
]


def _brute(text: str) -> list[triggers.TriggerHit]:
    hits = [triggers.TriggerHit(frame, m.start(), m.end(), m.group(0))
            for frame, rx in triggers._compiled() for m in rx.finditer(text)]
    return sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))


def _shared_sentences() -> list[str]:
    out = []
    for name in ("dev", "dev-world"):
        path = SHARED / name / "articles.jsonl"
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                text = json.loads(line)["text"]
                out += [text[s:e] for s, e, _ in split_sentences(text)]
    return out


@pytest.mark.parametrize("text", SENTENCES)
def test_gated_scan_equals_the_full_scan(text):
    assert triggers.find(text) == _brute(text)
    assert triggers.find(text)           # each sentence holds a trigger


def test_gated_scan_equals_the_full_scan_on_the_dev_texts():
    sentences = _shared_sentences()
    if not sentences:
        pytest.skip("../shared is absent")
    assert [s for s in sentences if sorted(triggers.scan(s)) != sorted(triggers.scan(s, gated=False))] == []
    assert [s for s in sentences if '"' not in s and '“' not in s and triggers.find(s) != _brute(s)] == []


def test_every_frame_has_a_gate_and_gates_are_plain_text():
    gates = triggers._gates()
    assert all(g is not None for g in gates)
    assert all(len(lit) >= 3 and not set(lit) & set("()[]{}?*+|\\") for g in gates for lit in g)


def test_a_verb_in_scare_quotes_reads_as_the_verb_with_offsets_into_the_text_as_written():
    text = 'The army said it had "neutralised" 50 terrorists near Arbinda.'
    hits = triggers.find(text)
    assert [h.frame for h in hits] == ["KILL"]
    assert text[hits[0].start:hits[0].end] == hits[0].text and hits[0].text.startswith("neutralised")


def test_air_raid_sirens_are_no_air_raid():
    assert [h.frame for h in triggers.find("Air raid sirens sounded across Kyiv overnight.")] == []
    assert "AIR" in [h.frame for h in triggers.find("An air raid on the town killed four.")]
