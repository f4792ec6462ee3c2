"""Fixtures writing gold datasets and prediction files into tmp dirs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture
def write_gold(tmp_path: Path):
    """Write gold records as a dataset folder; returns the folder."""
    def _write(*records: dict) -> Path:
        gold = tmp_path / "dataset" / "gold"
        gold.mkdir(parents=True, exist_ok=True)
        for rec in records:
            (gold / f"{rec['article']['id']}.gold.json").write_text(json.dumps(rec))
        return gold.parent
    return _write


@pytest.fixture
def write_pred(tmp_path: Path):
    def _write(*records: dict, name: str = "pred.jsonl") -> Path:
        path = tmp_path / name
        path.write_text("".join(json.dumps(r) + "\n" for r in records))
        return path
    return _write
