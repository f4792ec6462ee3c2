"""Identity, duplicates, near-duplicates across runs, the CLI listings and the extraction hook."""
from __future__ import annotations

import json
import re
import sys
import types
from pathlib import Path

import pytest
from conftest import NEWS, SHARED, jsonl_line, news_page, scraped_text
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.ingest import ingest
from eventwire.ingest.build import text_hash
from eventwire.store import Store

LONG = NEWS + [
    "Officials in the neighbouring Sumy region said a humanitarian corridor had allowed about "
    "5,000 civilians to leave the city of Trostianets by bus on Wednesday.",
    "Britain's defence ministry said in an intelligence update that Russian forces were "
    "regrouping north of Kyiv after suffering heavy losses in armour and supply lines.",
]


def edited_copy(paragraphs: list[str]) -> list[str]:
    """The same story republished: another header line, a few words changed, a different tail."""
    body = [p.replace("at least seven", "at least eight").replace("three days", "four days")
            for p in paragraphs[:-1]]
    return ["CHERNIHIV (Regional Wire) — updated at 18:00 local time.", *body,
            "This story has been updated with the latest casualty figures from local officials."]


def test_id_is_hash_of_cleaned_text_unless_given(tmp_path: Path, db: Path):
    (tmp_path / "a.txt").write_text(scraped_text(), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(jsonl_line(id="given-1", text=NEWS[0] + " " + NEWS[1]) + "\n",
                                      encoding="utf-8")
    summary = ingest([tmp_path], db=db, extract=False)
    with Store(db) as store:
        rows = dict(store.con.execute("SELECT id, text FROM articles").fetchall())
    assert "given-1" in rows
    hashed = next(i for i in summary.new_ids if i != "given-1")
    assert hashed == text_hash(rows[hashed])[:16]


def test_reingest_adds_nothing_and_layout_only_copy_is_duplicate(tmp_path: Path, db: Path):
    (tmp_path / "a.txt").write_text("\n\n".join(LONG), encoding="utf-8")
    (tmp_path / "same.txt").write_text("\n".join(LONG) + "\n", encoding="utf-8")
    first = ingest([tmp_path], db=db, extract=False)
    assert (first.new, first.duplicate) == (1, 1)
    again = ingest([tmp_path], db=db, extract=False)
    assert (again.read, again.new, again.duplicate) == (2, 0, 2)
    with Store(db) as store:
        counts = [store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("articles", "raw_inputs")]
    assert counts == [1, 1]


def test_edited_copy_is_near_duplicate_of_first_seen_across_runs(tmp_path: Path, db: Path):
    (tmp_path / "orig.txt").write_text("\n\n".join(LONG), encoding="utf-8")
    (tmp_path / "other.txt").write_text(
        "Talks between Serbian and Kosovan officials in Brussels ended without agreement on "
        "Thursday, the European Union's envoy said, after a dispute over vehicle number plates "
        "led to roadblocks in northern Kosovo.", encoding="utf-8")
    first = ingest([tmp_path / "orig.txt", tmp_path / "other.txt"], db=db, extract=False)
    assert first.near_duplicate == 0
    (tmp_path / "copy.txt").write_text("\n\n".join(edited_copy(LONG)), encoding="utf-8")
    other_tail = edited_copy(LONG)[:-1] + ["The regional council will meet on Friday to discuss "
                                           "repairs to the water network, a spokesman said."]
    (tmp_path / "copy2.html").write_text(news_page(other_tail), encoding="utf-8")
    second = ingest([tmp_path / "copy.txt", tmp_path / "copy2.html"], db=db, extract=False)
    assert second.new == 2 and second.near_duplicate == 2
    with Store(db) as store:
        rows = store.con.execute("SELECT id, flags, near_duplicate_of FROM articles "
                                 "WHERE near_duplicate_of IS NOT NULL").fetchall()
    assert {r[2] for r in rows} == {first.new_ids[0]}
    assert all("near_duplicate" in r[1] for r in rows)


def test_articles_show_and_quarantine_commands(tmp_path: Path, db: Path):
    (tmp_path / "a.txt").write_text(scraped_text(), encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text("{nope\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db), "--no-extract"])
    assert result.exit_code == 0, result.output
    for word in ("read", "new", "duplicate", "near-duplicate", "quarantined"):
        assert word in result.output
    listed = runner.invoke(app, ["articles", "--db", str(db), "--json"])
    (row,) = [json.loads(line) for line in listed.output.splitlines()]
    assert set(row) == {"id", "title", "outlet", "published", "flags", "near_duplicate_of", "chars"}
    assert row["flags"] == ["boilerplate_removed"]
    shown = json.loads(runner.invoke(app, ["show", row["id"][:8], "--db", str(db), "--json"]).output)
    assert shown["raw_text"] == scraped_text() and NEWS[0] in shown["text"]
    assert "donation" not in shown["text"]
    human = runner.invoke(app, ["show", row["id"], "--db", str(db)])
    assert "cleaned text" in human.output and "raw input" in human.output
    missing = runner.invoke(app, ["show", "nope", "--db", str(db)])
    assert missing.exit_code == 1 and "No article" in missing.output
    table = runner.invoke(app, ["articles", "--db", str(db)])
    assert row["id"] in table.output
    quarantined = runner.invoke(app, ["quarantine", "--db", str(db)])
    assert "broken_json" in quarantined.output
    nostore = runner.invoke(app, ["articles", "--db", str(tmp_path / "none.duckdb")])
    assert nostore.exit_code == 1 and "No store" in nostore.output


def test_ingest_hands_new_articles_to_the_pipeline(tmp_path: Path, db: Path, monkeypatch):
    calls = []
    fake = types.ModuleType("eventwire.pipeline")
    fake.process_articles = lambda store, ids, progress=None: calls.append(list(ids)) or {
        "articles": len(ids), "events": 3, "figures": 1}
    monkeypatch.setitem(sys.modules, "eventwire.pipeline", fake)
    (tmp_path / "a.txt").write_text(scraped_text(), encoding="utf-8")
    summary = ingest([tmp_path / "a.txt"], db=db)
    assert calls == [summary.new_ids] and summary.extraction["events"] == 3
    assert ingest([tmp_path / "a.txt"], db=db).extraction is None   # nothing new, nothing run
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "b.duckdb")])
    assert result.exit_code == 0 and re.search(r"events\s*│\s*3", result.output)


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="needs ../shared/seeds")
def test_shared_seeds_store_two_articles_and_seed_002_is_clean(db: Path):
    summary = ingest([SHARED / "seeds"], db=db, extract=False)
    assert summary.new == 2 and summary.quarantined == 0
    raw = (SHARED / "seeds" / "002_0bca4aeaec4d72a6.txt").read_text(encoding="utf-8")
    with Store(db) as store:
        text, flags = store.con.execute("SELECT text, flags FROM articles WHERE raw_text = ?",
                                        [raw]).fetchone()
    assert "Skip to content" not in text and "boilerplate_removed" in flags
    paragraphs = [p.strip() for p in raw.split("\n") if p.strip()]
    appeal_at = next(i for i, p in enumerate(paragraphs) if p.startswith("The stakes have never been higher"))
    for appeal in paragraphs[appeal_at:]:
        for sentence in re.split(r"(?<=[.)])\s+", appeal):
            assert sentence not in text
    assert paragraphs[-1].endswith("coming months and beyond.")
    # Every news paragraph: the standfirst and everything from the lede to the appeal
    # (paragraph 3 is the photo caption, cut on purpose).
    for p in [paragraphs[2], *paragraphs[4:appeal_at]]:
        assert p in text, p
    assert ingest([SHARED / "seeds"], db=db, extract=False).new == 0
