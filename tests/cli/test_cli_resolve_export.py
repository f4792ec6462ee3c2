"""`events` / `figures` exports through the shared runner: counts said on stderr, errors as exit 2."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.records import Actor, Article, Event, Evidence, Extraction, Figure, Location, Subject
from eventwire.resolve.goldset import insert_article
from eventwire.store import Store
from eventwire.store.extractions import save_extraction

runner = CliRunner()

REPORTS = (
    ("w1", "Coast Wire", "2023-06-12",
     "Militants attacked a police post in Garissa on Sunday, killing 3 officers, police said."),
    ("w2", "Valley Post", "2023-06-12",
     "Three police officers were killed when militants stormed a post in Garissa on Sunday."),
    ("w3", "Coast Wire", "2023-06-20",
     "About 2,000 people fled their homes in Mandera after clashes, the Red Cross said."),
)


def _extraction(aid: str, outlet: str, published: str, sentence: str) -> Extraction:
    art = Article(id=aid, outlet=outlet, published=published, text=sentence)
    ev = Evidence(text=sentence, start=0, end=len(sentence))
    town = "Mandera" if "Mandera" in sentence else "Garissa"
    place = Location(name=town, country="KEN", lat=-0.45 if town == "Garissa" else 3.94,
                     lon=39.65 if town == "Garissa" else 41.86, precision=1)
    if town == "Garissa":
        events = [Event(type="attack", date="2023-06-11", date_precision="day", location=place,
                        actor1=Actor(name="militants", sector="rebels"), fatalities=3, evidence=ev)]
        figures = [Figure(quantity="killed", value=3, subject=Subject(country="KEN", sector="police"),
                          place=place, claimant="police" if aid == "w1" else None,
                          date="2023-06-11", evidence=ev)]
    else:
        events = []
        figures = [Figure(quantity="displaced", value=2000, qualifier="about",
                          subject=Subject(country="KEN", sector="civilians"), place=place,
                          claimant="Red Cross", date="2023-06-20", evidence=ev)]
    return Extraction(article=art, events=events, figures=figures)


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "w.duckdb"
    store = Store(path)
    for report in REPORTS:
        x = _extraction(*report)
        insert_article(store, x.article)
        save_extraction(store, x)
    store.close()
    assert runner.invoke(app, ["resolve", "--db", str(path)]).exit_code == 0
    return path


@pytest.mark.parametrize("args, noun, kind", [
    (["events"], "events", "mention"),
    (["events", "--resolved"], "resolved events", "resolved"),
    (["figures"], "figures", "mention"),
    (["figures", "--grouped"], "figure groups", "group"),
])
def test_export_to_a_file_says_how_many_rows_it_wrote(db, tmp_path, args, noun, kind):
    out = tmp_path / "out.jsonl"
    r = runner.invoke(app, args + ["--db", str(db), "-o", str(out)])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows and {row["level"] for row in rows} == {kind}
    assert r.output.strip() == f"{len(rows)} {noun} written to {out}"


def test_resolution_merges_the_two_reports_of_one_attack(db, tmp_path):
    mention, resolved = tmp_path / "m.jsonl", tmp_path / "r.jsonl"
    runner.invoke(app, ["events", "--db", str(db), "-o", str(mention)])
    runner.invoke(app, ["events", "--resolved", "--db", str(db), "-o", str(resolved)])
    assert len(mention.read_text().splitlines()) == 2
    [event] = [json.loads(line) for line in resolved.read_text().splitlines()]
    assert sorted(event["article_ids"]) == ["w1", "w2"]


def test_stdout_export_prints_rows_and_no_count(db):
    r = runner.invoke(app, ["figures", "--quantity", "displaced", "--db", str(db)])
    assert r.exit_code == 0, r.output
    [row] = [json.loads(line) for line in r.output.splitlines()]
    assert row["value"] == 2000 and "written to" not in r.output


@pytest.mark.parametrize("cmd", ["events", "figures"])
def test_export_errors_exit_2_with_the_reason(db, cmd):
    r = runner.invoke(app, [cmd, "--format", "xml", "--db", str(db)])
    assert r.exit_code == 2
    assert r.output.startswith("error: unknown format 'xml'")


@pytest.mark.parametrize("cmd", ["events", "figures"])
def test_missing_store_is_an_error_not_a_new_file(tmp_path, cmd):
    missing = tmp_path / "none.duckdb"
    r = runner.invoke(app, [cmd, "--db", str(missing)])
    assert r.exit_code == 2 and "no store at" in r.output
    assert not missing.exists()
