"""The shipped illustrative corpus shows every ingest behaviour it claims in samples/README.md."""
from __future__ import annotations

from pathlib import Path

from conftest import REPO

from eventwire.ingest import ingest
from eventwire.store import Store


def test_sample_corpus(db: Path):
    summary = ingest([REPO / "samples" / "corpus"], db=db, extract=False)
    assert summary.quarantined == 0
    assert summary.duplicate == 1 and summary.near_duplicate == 1
    with Store(db) as store:
        rows = {Path(src.split("#")[0]).name: (flags, near, text) for src, flags, near, text in
                store.con.execute("SELECT source, flags, near_duplicate_of, text FROM articles").fetchall()}
        first_id = store.con.execute("SELECT id FROM articles WHERE source LIKE '%01-kharkiv-shelling.txt'"
                                     ).fetchone()[0]
    flags, near, text = rows["01-kharkiv-shelling.txt"]
    assert "boilerplate_removed" in flags and near is None
    assert "donation" not in text and "Skip to" not in text and "Photograph" not in text
    flags, near, _ = rows["02-kharkiv-shelling-update.html"]
    assert "near_duplicate" in flags and near == first_id
    assert "near_duplicate" not in rows["04-odesa-port-spun.txt"][0]   # a paraphrase: resolution's job
    assert summary.read == 9 and summary.new == 8
