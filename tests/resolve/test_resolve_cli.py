"""The events / figures / sources / resolve commands on a small store."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.records import Actor, Article, Event, Evidence, Extraction, Figure, Location, Subject
from eventwire.resolve.goldset import insert_article
from eventwire.store import Store
from eventwire.store.extractions import save_extraction

runner = CliRunner()


def _ev(text: str) -> Evidence:
    return Evidence(text=text, start=0, end=len(text))


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "t.duckdb"
    s = Store(path)
    for aid, outlet, name, sentence in (
            ("a1", "Wire", "Kharkiv", "Russian forces shelled Kharkiv on Monday, killing 4."),
            ("a2", "Daily", "Kharkov", "Russian troops shelled Kharkov on Monday, killing 4.")):
        art = Article(id=aid, outlet=outlet, published="2022-03-01", text=sentence)
        insert_article(s, art)
        save_extraction(s, Extraction(article=art, events=[Event(
            type="shelling_artillery_missile", date="2022-02-28", date_precision="day",
            location=Location(name=name, country="UKR", lat=49.99, lon=36.23, precision=1),
            actor1=Actor(name="Russian forces", country="RUS", sector="military"), fatalities=4,
            evidence=_ev(sentence))], figures=[Figure(
            quantity="killed", value=4, subject=Subject(country="UKR", sector="civilians"),
            place=Location(name=name, country="UKR"), claimant=None, date="2022-03-01",
            evidence=_ev(sentence))]))
    s.close()
    return path


def test_resolve_then_events_sources_figures(db, tmp_path):
    r = runner.invoke(app, ["resolve", "--db", str(db)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["events", "--resolved", "--db", str(db)])
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(rows) == 1 and rows[0]["source_count"] == 2
    assert {m["article_id"] for m in rows[0]["mentions"]} == {"a1", "a2"}
    r = runner.invoke(app, ["events", "--format", "csv", "--place", "khar", "--db", str(db)])
    table = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(table) == 2 and table[0]["sub_event_type"] == "Shelling/artillery/missile attack"
    r = runner.invoke(app, ["sources", rows[0]["id"], "--db", str(db)])
    assert r.exit_code == 0 and "Russian troops shelled Kharkov" in r.stdout and "Wire" in r.stdout
    r = runner.invoke(app, ["figures", "--grouped", "--db", str(db)])
    groups = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(groups) == 1 and groups[0]["best"] == 4 and len(groups[0]["claims"]) == 2


def test_bad_input_gets_a_message_not_a_traceback(db, tmp_path):
    r = runner.invoke(app, ["events", "--since", "yesterday", "--db", str(db)])
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.output
    r = runner.invoke(app, ["events", "--format", "xlsx", "--db", str(db)])
    assert r.exit_code == 2 and "use one of" in r.output
    r = runner.invoke(app, ["sources", "nope", "--db", str(db)])
    assert r.exit_code == 2 and "no event" in r.output
    r = runner.invoke(app, ["events", "--db", str(tmp_path / "missing.duckdb")])
    assert r.exit_code == 2 and "no store" in r.output
