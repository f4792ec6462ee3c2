"""Article writes are all-or-nothing: a failure half-way leaves no partial article, and a
re-run completes the rest."""
from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.ingest import ingest
from eventwire.records import Article, QuarantineItem
from eventwire.store import Store
from eventwire.store import articles as repo

STORY = ("Rescue teams searched the rubble of a market in Kramatorsk on Monday after a rocket strike "
         "that killed three people, the regional governor said. {n}")


class FailingConnection:
    """Passes everything to DuckDB but fails the n-th insert into the articles table."""

    def __init__(self, con, fail_at: int):
        self._con, self._left = con, fail_at

    def execute(self, sql, params=None):
        if sql.startswith("INSERT INTO articles"):
            self._left -= 1
            if self._left == 0:
                raise RuntimeError("killed half-way")
        return self._con.execute(sql, params) if params is not None else self._con.execute(sql)

    def __getattr__(self, name):
        return getattr(self._con, name)


def write_inputs(folder: Path, n: int) -> None:
    folder.mkdir()
    lines = [f'{{"id": "k{i}", "text": "{STORY.format(n=f"Report number {i}.")}"}}' for i in range(n)]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("batch_size, survivors", [(1, ["k0", "k1"]), (64, [])])
def test_failed_write_leaves_no_partial_article_and_rerun_completes(tmp_path: Path, batch_size: int,
                                                                    survivors: list[str]):
    write_inputs(tmp_path / "in", 5)
    store = Store(tmp_path / "s.duckdb")
    real = store.con
    store.con = FailingConnection(real, fail_at=3 if batch_size == 1 else 1)
    with pytest.raises(RuntimeError):
        ingest([tmp_path / "in"], db=store, extract=False, batch_size=batch_size)
    store.con = real
    ids = [r[0] for r in real.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    assert ids == survivors
    # The failed article's raw bytes went in the same transaction, so they are gone too.
    assert real.execute("SELECT count(*) FROM raw_inputs").fetchone()[0] == len(survivors)
    again = ingest([tmp_path / "in"], db=store, extract=False, batch_size=batch_size)
    assert (again.new, again.duplicate) == (5 - len(survivors), len(survivors))
    assert real.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    assert real.execute("SELECT count(*) FROM articles a JOIN raw_inputs r ON a.raw_id = r.id"
                        ).fetchone()[0] == 5
    store.close()


def test_save_and_read_back(tmp_path: Path):
    with Store(tmp_path / "s.duckdb") as store:
        a = Article(id="x1", title="T", outlet="O", published="2022-03-01T10:00:00Z",
                    text="Body text here.", raw="<p>Body text here.</p>", raw_format="html",
                    source="f.html", flags=["boilerplate_removed"])
        raw = repo.RawInput("f.html", None, "html", 22, b"<p>Body text here.</p>")
        assert repo.save_article(store, a, raw, "sha", [1, 2, 3])
        assert not repo.save_article(store, a, raw, "sha", [1, 2, 3])
        full = repo.get_article(store, "x1")
        assert full["raw_text"] == a.raw and full["flags"] == ["boilerplate_removed"]
        assert store.con.execute("SELECT published_date FROM articles").fetchone()[0].isoformat() == "2022-03-01"
        assert repo.list_articles(store)[0]["chars"] == len(a.text)
        assert list(repo.original_minhashes(store)) == [("x1", [1, 2, 3])]
        item = QuarantineItem(source="b.jsonl", locator="line 2", reason="broken_json", detail="bad")
        assert repo.save_quarantine(store, item, repo.RawInput("b.jsonl", "line 2", "jsonl", 4, b"{no"))
        assert not repo.save_quarantine(store, item, None)      # the same problem is stored once
        (row,) = repo.list_quarantine(store)
        assert row["raw_id"] == repo.RawInput("b.jsonl", "line 2", "jsonl", 4, b"{no").id


def test_location_only_raw_input_for_oversized(tmp_path: Path):
    raw = repo.RawInput("big.html", None, "html", 9_000_000, None)
    assert raw.id.startswith("loc-")
    with Store(tmp_path / "s.duckdb") as store:
        item = QuarantineItem(source="big.html", reason="oversized", detail="too big")
        repo.save_quarantine(store, item, raw)
        assert store.con.execute("SELECT source, size, content FROM raw_inputs").fetchone() == \
            ("big.html", 9_000_000, None)
