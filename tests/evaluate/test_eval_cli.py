"""The `eventwire eval` command: JSON keys, the error listing, snippets, bad input."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eval_fixtures import clone, kyiv_article, location
from eventwire.cli import app
from eventwire.records import Article, Event, Evidence, Extraction

runner = CliRunner()


def _dataset_and_pred(write_gold, write_pred) -> tuple[Path, Path]:
    gold = kyiv_article()
    pred = clone(gold)
    pred["events"][0]["location"] = location("Chernihiv", "Chernihiv Oblast")   # one miss
    pred["figures"][0]["claimant"] = "UN officials"                             # field error
    return write_gold(gold), write_pred(pred)


def test_json_prints_one_object_with_the_codebook_keys(write_gold, write_pred) -> None:
    dataset, pred = _dataset_and_pred(write_gold, write_pred)
    result = runner.invoke(app, ["eval", str(dataset), "--pred", str(pred), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert {"type", "parent", "detect", "figures", "fields", "flags"} <= set(out)
    for key in ("type", "parent", "detect", "figures"):
        assert set(out[key]) == {"p", "r", "f1", "tp", "gold", "pred"}
    assert out["type"]["tp"] == 2 and out["figures"]["tp"] == 1
    assert out["fields"]["claimant"]["acc"] == 0.0


def test_table_ends_with_the_summary(write_gold, write_pred) -> None:
    dataset, pred = _dataset_and_pred(write_gold, write_pred)
    result = runner.invoke(app, ["eval", str(dataset), "--pred", str(pred)])
    assert result.exit_code == 0, result.output
    tail = "\n".join(result.stdout.splitlines()[-12:])
    for needle in ("events: type", "events: parent", "events: detect", "figures", "actor1",
                   "claimant"):
        assert needle in tail


def test_errors_list_misses_false_alarms_and_fields(write_gold, write_pred, tmp_path) -> None:
    dataset, pred = _dataset_and_pred(write_gold, write_pred)
    out = tmp_path / "errors.txt"
    result = runner.invoke(app, ["eval", str(dataset), "--pred", str(pred),
                                 "--errors-out", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    fn = [l for l in lines if l.startswith("FN event a1 ")]
    fp = [l for l in lines if l.startswith("FP event a1 ")]
    assert len(fn) == 1 and "Kyiv" in fn[0]
    assert len(fp) == 1 and "Chernihiv" in fp[0]
    near = lines[lines.index(fn[0]) + 2]
    assert "differs in: location" in near
    assert any(l.startswith("FIELD figure a1 ") and "claimant" in l for l in lines)


def test_bad_input_gives_a_message_not_a_traceback(write_gold, tmp_path) -> None:
    dataset = write_gold(kyiv_article())
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"article": {"id": "a1"}, "events": [}\n')
    result = runner.invoke(app, ["eval", str(dataset), "--pred", str(broken)])
    assert result.exit_code == 2
    assert "broken.jsonl, line 1" in result.output and "Traceback" not in result.output
    result = runner.invoke(app, ["eval", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "no such dataset" in result.output


def test_snippet_set_runs_the_extractor_and_scores(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "snips"
    folder.mkdir()
    (folder / "snippets.jsonl").write_text(
        json.dumps({"id": "n1", "text": "Police arrested five protesters outside parliament.",
                    "type": "arrests"}) + "\n"
        + json.dumps({"id": "n2", "text": "Analysts warned the conflict could escalate.",
                      "type": "none"}) + "\n")
    seen: list[Article] = []

    def fake_extract_many(articles, **_):
        # Stands in for the extractor: types a sentence by its verb, as a rule would.
        for art in articles:
            seen.append(art)
            events = []
            if "arrested" in art.text:
                events.append(Event(type="arrests", confidence=0.9,
                                    evidence=Evidence(text=art.text, start=0, end=len(art.text))))
            yield Extraction(article=art, events=events)

    import eventwire.extract as extract_pkg
    monkeypatch.setattr(extract_pkg, "extract_many", fake_extract_many)
    result = runner.invoke(app, ["eval", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)["snippets"]
    assert out["weighted_f1"] == 1.0 and out["accuracy"] == 1.0 and out["n"] == 2
    assert [a.id for a in seen] == ["n1", "n2"]


def test_snippet_errors_name_the_confusion(tmp_path) -> None:
    path = tmp_path / "snippets.jsonl"
    path.write_text(json.dumps({"id": "n1", "text": "Police arrested five men.",
                                "type": "arrests"}) + "\n")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"id": "n1", "type": "attack"}) + "\n")
    result = runner.invoke(app, ["eval", str(path), "--pred", str(pred), "--errors"])
    assert result.exit_code == 0, result.output
    assert "MISS n1 gold arrests pred attack" in result.stdout
