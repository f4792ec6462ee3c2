"""Precision and recall of the boilerplate cleaner on labelled paragraphs.

The labelled set (``tests/clean/boilerplate_labels.jsonl``) holds paragraphs written in the
style of real news pages, grouped into documents in page order; ``join`` says whether the page
came as paragraphs ("\\n\\n") or flattened into one line (" "). Each document is cleaned as a
whole (context matters: appeals come in runs), then every paragraph counts as *cut* unless it
survives intact. Positive class: boilerplate. Lines labelled ``title`` are metadata, not scored.

With ``../shared/seeds`` present, seed 002's paragraphs are labelled too, by reference (their
position in the file, not their text): the navigation line, the photo caption and the donation
appeal are boilerplate, everything else news.

Also reports, for ``../shared/dev`` and ``../shared/dev-world``, how many gold evidence
sentences survive cleaning (they are news by definition) and the boilerplate_removed flag's
agreement with the gold flags.

    python benchmarks/cleaner_quality.py
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire.clean import clean_text  # noqa: E402

LABELS = ROOT / "tests" / "clean" / "boilerplate_labels.jsonl"
SHARED = ROOT.parent / "shared"
SEED_002 = "seeds/002_0bca4aeaec4d72a6.txt"
SEED_002_APPEAL_START = "The stakes have never been higher"   # named in the issue


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def labelled_documents(path: Path = LABELS) -> list[tuple[str, list[dict]]]:
    """[(joiner, [label rows in page order])] for every document of the set."""
    docs: dict[str, list[dict]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            docs[row["doc"]].append(row)
    return [(rows[0]["join"], sorted(rows, key=lambda r: r["i"])) for rows in docs.values()]


def seed_document() -> list[tuple[str, list[dict]]]:
    path = SHARED / SEED_002
    if not path.is_file():
        return []
    paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    appeal = next(i for i, p in enumerate(paragraphs) if p.startswith(SEED_002_APPEAL_START))
    rows = []
    for i, p in enumerate(paragraphs):
        label = ("boilerplate" if i == 0 or i == 3 or i >= appeal else
                 "title" if i == 1 else "news")
        rows.append({"doc": SEED_002, "i": i, "label": label, "text": p})
    return [("\n\n", rows)]


def score(documents: list[tuple[str, list[dict]]]) -> dict:
    tp = fp = fn = tn = 0
    errors: list[str] = []
    for joiner, rows in documents:
        cleaned = _norm(clean_text(joiner.join(r["text"] for r in rows)).text)
        for r in rows:
            if r["label"] == "title":
                continue
            cut = _norm(r["text"]) not in cleaned
            boiler = r["label"] == "boilerplate"
            tp += cut and boiler
            fp += cut and not boiler
            fn += boiler and not cut
            tn += not cut and not boiler
            if cut != boiler:
                errors.append(f"{'cut news' if cut else 'kept boilerplate'}: {r['text'][:90]}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"paragraphs": tp + fp + fn + tn, "boilerplate": tp + fn, "tp": tp, "fp": fp, "fn": fn,
            "precision": precision, "recall": recall, "errors": errors}


def gold_survival() -> dict:
    """Gold evidence surviving cleaning, and boilerplate_removed flag agreement, on shared sets."""
    kept = total = 0
    flag_tp = flag_fp = flag_fn = 0
    lost: list[str] = []
    for name in ("dev", "dev-world"):
        folder = SHARED / name
        if not (folder / "articles.jsonl").is_file():
            continue
        gold = {}
        for g in (folder / "gold").glob("*.gold.json"):
            data = json.loads(g.read_text(encoding="utf-8"))
            gold[data["article"]["id"]] = data
        for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            result = clean_text(article["text"], title=article.get("title"))
            text = _norm(result.text)
            g = gold.get(article["id"], {"events": [], "figures": [], "flags": []})
            for item in g["events"] + g["figures"]:
                total += 1
                if _norm(item["evidence"]) in text:
                    kept += 1
                else:
                    lost.append(f"{article['id']}: {item['evidence'][:90]}")
            want = "boilerplate_removed" in g.get("flags", [])
            flag_tp += want and result.boilerplate_removed
            flag_fp += result.boilerplate_removed and not want
            flag_fn += want and not result.boilerplate_removed
    return {"evidence_total": total, "evidence_kept": kept, "lost": lost,
            "flag_precision": flag_tp / (flag_tp + flag_fp) if flag_tp + flag_fp else 1.0,
            "flag_recall": flag_tp / (flag_tp + flag_fn) if flag_tp + flag_fn else 1.0}


def main() -> None:
    own = score(labelled_documents())
    print(f"labelled set ({own['paragraphs']} paragraphs, {own['boilerplate']} boilerplate): "
          f"precision {own['precision']:.3f}  recall {own['recall']:.3f}")
    seeds = seed_document()
    if seeds:
        both = score(labelled_documents() + seeds)
        print(f"with seed 002 by reference ({both['paragraphs']} paragraphs): "
              f"precision {both['precision']:.3f}  recall {both['recall']:.3f}")
        own["errors"] = both["errors"]
    for e in own["errors"]:
        print("  -", e)
    gold = gold_survival()
    if gold["evidence_total"]:
        print(f"gold evidence surviving cleaning (dev + dev-world): "
              f"{gold['evidence_kept']}/{gold['evidence_total']}")
        print(f"boilerplate_removed flag vs gold: precision {gold['flag_precision']:.3f}  "
              f"recall {gold['flag_recall']:.3f}")
        for e in gold["lost"]:
            print("  - lost:", e)


if __name__ == "__main__":
    main()
