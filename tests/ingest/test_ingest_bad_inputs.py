"""A folder mixing good files with every kind of bad input: the good are stored, each bad one is
quarantined with its reason and place, and the user never sees a traceback."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from conftest import NEWS, jsonl_line, news_page, write_warc
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.ingest import ingest
from eventwire.store import Store
from eventwire.store.articles import list_quarantine

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


def make_mixed_folder(root: Path) -> dict[str, str]:
    """Writes good and bad inputs; returns {file name: expected quarantine reason}."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "good.txt").write_text(" ".join(NEWS), encoding="utf-8")
    (root / "good.html").write_text(news_page(), encoding="utf-8")
    (root / "photo.txt").write_bytes(PNG)
    (root / "batch.jsonl").write_text("\n".join([
        jsonl_line(id="ok-1", text=NEWS[0] + " " + NEWS[1]),
        '{"id": "broken", "text": "Shelling continued in',
        jsonl_line(id="ok-2", text=NEWS[2]),
        jsonl_line(id="hollow", text="   "),
    ]) + "\n", encoding="utf-8")
    mixed = (NEWS[0] + " Zaporizhzhia’s governor said.").encode("utf-8") + " Caf\xe9 owners fled.".encode("cp1252")
    (root / "mixed.txt").write_bytes(mixed)
    (root / "empty.txt").write_bytes(b"")
    (root / "huge.txt").write_text(NEWS[3] * 200, encoding="utf-8")
    (root / "menu.html").write_text("<html><body><nav><a>Home</a> <a>World</a></nav></body></html>",
                                    encoding="utf-8")
    write_warc(root / "full.warc.gz", [("https://example.org/a", news_page()),
                                       ("https://example.org/b", news_page(NEWS[1:]))])
    data = (root / "full.warc.gz").read_bytes()
    (root / "cut.warc.gz").write_bytes(data[: len(data) * 3 // 4])
    with gzip.open(root / "cut.jsonl.gz", "wb") as g:
        g.write("".join(jsonl_line(id=f"gz-{i}", text=f"{NEWS[i % 4]} Item {i}.") + "\n"
                        for i in range(400)).encode("utf-8"))
    packed = (root / "cut.jsonl.gz").read_bytes()
    (root / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    return {"photo.txt": "binary", "batch.jsonl": "broken_json", "mixed.txt": "mixed_encoding",
            "empty.txt": "empty", "huge.txt": "oversized", "menu.html": "no_article_text",
            "cut.warc.gz": "truncated_warc", "cut.jsonl.gz": "truncated_gzip"}


def test_each_bad_kind_quarantined_and_good_ones_stored(tmp_path: Path, db: Path):
    expected = make_mixed_folder(tmp_path / "in")
    summary = ingest([tmp_path / "in"], db=db, max_bytes=20_000, extract=False)
    with Store(db) as store:
        rows = list_quarantine(store)
        ids = {r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()}
        raw_kept = store.con.execute("SELECT count(*) FROM quarantine q JOIN raw_inputs r "
                                     "ON q.raw_id = r.id").fetchone()[0]
    by_file: dict[str, set[str]] = {}
    for r in rows:
        by_file.setdefault(Path(r["source"]).name, set()).add(r["reason"])
        assert r["detail"] and r["raw_id"]
    for name, reason in expected.items():
        assert reason in by_file.get(name, set()), (name, by_file)
    assert by_file["batch.jsonl"] == {"broken_json", "empty"}
    broken = next(r for r in rows if r["reason"] == "broken_json")
    assert broken["locator"] == "line 2"
    assert {"ok-1", "ok-2"} <= ids
    # good.txt, good.html, 2 jsonl, 2 WARC pages, the WARC records before the cut, the gz lines before it
    assert summary.read >= 8 and summary.quarantined == len(rows) >= len(expected)
    assert any(i.startswith("gz-") for i in ids)
    assert raw_kept == len(rows)


def test_cli_reports_bad_inputs_without_traceback(tmp_path: Path, db: Path):
    make_mixed_folder(tmp_path / "in")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db),
                                      "--no-extract", "--max-bytes", "20000"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "batch.jsonl, line 2: not valid JSON" in result.output
    assert "quarantined" in result.output
    strict = CliRunner().invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db),
                                      "--no-extract", "--max-bytes", "20000", "--strict"])
    assert strict.exit_code != 0 and "Traceback" not in strict.output
    listed = CliRunner().invoke(app, ["quarantine", "--db", str(db), "--json"])
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert {"source", "locator", "reason", "detail"} <= set(rows[0])


def test_nothing_readable_exits_non_zero(tmp_path: Path, db: Path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(100))
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "photo.jpg"), str(tmp_path / "missing"),
                                      "--db", str(db), "--no-extract"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "no such file or folder" in result.output


def test_legacy_single_encoding_is_decoded(tmp_path: Path, db: Path):
    text = NEWS[0] + " The café on Shevchenko Street was destroyed, its owner said."
    (tmp_path / "latin.txt").write_bytes(text.encode("cp1252"))
    summary = ingest([tmp_path / "latin.txt"], db=db, extract=False)
    assert summary.new == 1 and summary.quarantined == 0
    with Store(db) as store:
        assert "café" in store.con.execute("SELECT text FROM articles").fetchone()[0]


@pytest.mark.parametrize("line, reason", [
    ("[1, 2]", "broken_json"),
    (jsonl_line(id="x", title="no body"), "empty"),
])
def test_jsonl_line_problems(tmp_path: Path, db: Path, line: str, reason: str):
    (tmp_path / "b.jsonl").write_text(jsonl_line(id="fine", text=NEWS[0]) + "\n" + line + "\n",
                                      encoding="utf-8")
    summary = ingest([tmp_path / "b.jsonl"], db=db, extract=False)
    assert summary.new == 1
    assert [(p.reason, p.locator) for p in summary.problems] == [(reason, "line 2")]


def test_oversized_jsonl_line_is_skipped_in_stream(tmp_path: Path, db: Path):
    (tmp_path / "b.jsonl").write_text("\n".join([
        jsonl_line(id="big", text=NEWS[0] * 100), jsonl_line(id="small", text=NEWS[1])]) + "\n",
        encoding="utf-8")
    summary = ingest([tmp_path / "b.jsonl"], db=db, extract=False, max_bytes=2_000)
    assert summary.new_ids == ["small"]
    assert [(p.reason, p.locator) for p in summary.problems] == [("oversized", "line 1")]
