"""Article quality flags: intrinsic marks (names, self interaction, spinning) and paraphrases."""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from eventwire.records import Actor, Article, Event, Evidence
from eventwire.resolve import quality as q
from eventwire.resolve.goldset import insert_article
from eventwire.store import Store

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared absent")


def test_name_conflicts_but_not_transliterations():
    assert q.name_conflicts(["Mykhailo Podolyak", "Polyak"])
    assert not q.name_conflicts(["Volodymyr Zelensky", "Zelenskyy", "Zelenskiy"])
    assert not q.name_conflicts(["Oleh Synyehubov", "Synehubov"])
    assert not q.name_conflicts(["Anna Kovalenko", "Maria Kovalchuk"])   # two people


def test_intrinsic_flags_on_handwritten_texts():
    spun = Article(id="x", text=(
        "Presidential aide Mykhailo Podolyak said talks would resume on Monday. "
        "Later, Polyak stated that a draft was ready. Zelenskyy met Zelenskyy in Kyiv. "
        "He stated the diplomatic push for a diplomatic outcome continues. "
        "The mayor stated that shelling went on. Officials stated more aid was coming."))
    assert q.intrinsic_flags(spun) == ["inconsistent_entity", "self_interaction", "rewritten_copy"]
    clean = Article(id="y", text=(
        "President Volodymyr Zelensky met Polish President Andrzej Duda in Kyiv on Monday. "
        "Zelenskyy said the talks went well, and Duda said Poland would send more aid."))
    assert q.intrinsic_flags(clean) == []


def test_self_interaction_from_event_actors():
    text = "Putin talked to Putin about the war."
    ev = Event(type="diplomacy", evidence=Evidence(text=text, start=0, end=len(text)),
               actor1=Actor(name="Putin", country="RUS", sector="government"),
               actor2=Actor(name="Vladimir Putin", country="RUS", sector="government"))
    assert "self_interaction" in q.intrinsic_flags(Article(id="z", text=text), [ev])


@needs_shared
def test_seeds_and_dev_false_alarms():
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    spun = q.intrinsic_flags(Article(id="s0", text=seeds[0].read_text(encoding="utf-8")))
    assert spun == ["inconsistent_entity", "self_interaction", "rewritten_copy"]
    assert q.intrinsic_flags(Article(id="s2", text=seeds[1].read_text(encoding="utf-8"))) == []
    flagged = total = 0
    for ds in ("dev", "dev-world"):
        for line in (SHARED / ds / "articles.jsonl").read_text(encoding="utf-8").splitlines():
            a = json.loads(line)
            if a["id"].startswith("seed"):
                continue
            total += 1
            flagged += bool(q.intrinsic_flags(Article(id=a["id"], text=a["text"])))
    assert flagged / total <= 0.1, f"{flagged}/{total} clean dev articles flagged"


_SYNONYMS = {"said": "stated", "attack": "assault", "city": "town", "forces": "troops",
             "killed": "slain", "began": "started", "people": "individuals", "after": "following",
             "fighting": "combat", "residents": "inhabitants", "officials": "authorities"}


def _paraphrase(text: str, seed: int) -> str:
    from eventwire.extract.context import split_sentences
    sents = [text[s:e] for s, e, _ in split_sentences(text)]
    for k, v in _SYNONYMS.items():
        sents = [re.sub(rf"\b{k}\b", v, x) for x in sents]
    random.Random(seed).shuffle(sents)
    return " ".join(sents)


@needs_shared
def test_paraphrase_found_with_its_source_and_same_topic_article_not():
    arts = {}
    for line in (SHARED / "dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        arts[a["id"]] = a
    # Two reports of 25 Feb 2022 on the assault on Kyiv: same topic, different articles.
    original, same_topic = arts["g-a39f4bc0b9"], arts["g-ce17424da5"]
    store = Store(":memory:")
    for a in (original, same_topic):
        insert_article(store, Article(id=a["id"], text=a["text"], published=a["published"]))
    copy = Article(id="spun", text=_paraphrase(original["text"], 1), published="2022-02-26")
    insert_article(store, copy)
    assert q.find_rewritten_source(store, copy)[0] == original["id"]
    assert q.find_rewritten_source(store, Article(id=same_topic["id"], text=same_topic["text"],
                                                  published=same_topic["published"])) is None
    found = q.mark_rewritten_copies(store, ["spun"])
    assert found == {"spun": original["id"]}
    flags, of = store.con.execute("SELECT flags, rewritten_copy_of FROM articles WHERE id = 'spun'").fetchone()
    assert "rewritten_copy" in flags and of == original["id"]
