"""Validity checks shared by the authored held-out sets (benchmarks/heldout*, CODEBOOK s.5).

A broken held-out file would silently lower (or inflate) the generalisation numbers, so every
rule the scorer relies on is checked once here and each `test_heldout_*_set.py` only states its
set's own numbers in a `HeldoutSpec`. Every checker returns a list of problems (empty when the
data is valid) rather than asserting, so the same checker can be run on a deliberately broken
record or a corrupted copy of a set to prove it still catches something.
"""
from __future__ import annotations

import functools
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Optional

import pycountry
import pytest

from eventwire import taxonomy
from eventwire.evaluate.items import EvalInputError, read_gold
from eventwire.evaluate.snippets import NONE, read_snippets

REPO = Path(__file__).resolve().parents[2]
BENCHMARKS = REPO / "benchmarks"
SHARED = REPO.parent / "shared"

EVENT_KEYS = ("type", "evidence", "date", "date_precision", "location", "actor1", "actor2",
              "fatalities", "injured")
FIGURE_KEYS = ("quantity", "qualifier", "value", "low", "high", "evidence", "subject", "place",
               "period")
# Sentence ends as the authors counted them; '." ' closes a quoted sentence mid-paragraph.
SENTENCE_ENDS = (". ", ".\n", '." ')


def set_snippets(name: str) -> Path:
    return BENCHMARKS / name / "snippets" / "snippets.jsonl"


def set_articles(name: str) -> Path:
    return BENCHMARKS / name / "articles" / "articles.jsonl"


HELDOUT_SETS = ("heldout", "heldout-b", "heldout-c", "heldout-d", "heldout-e", "heldout-f", "heldout-g", "heldout-h", "heldout-i", "heldout-j")


def other_snippet_sets(own: str) -> tuple[Path, ...]:
    """Every other snippet set a set must not copy from: the dev snippets and the held-out sets."""
    return (SHARED / "dev-snippets" / "snippets.jsonl",) + tuple(
        set_snippets(name) for name in HELDOUT_SETS if name != own)


def other_article_sets(own: str) -> tuple[Path, ...]:
    """Every other article set a set must not copy sentences from."""
    return tuple(set_articles(name) for name in HELDOUT_SETS if name != own) + (
        SHARED / "dev" / "articles.jsonl", SHARED / "dev-world" / "articles.jsonl")


@dataclass(frozen=True)
class HeldoutSpec:
    """What one held-out set promises; bounds are inclusive and None means unbounded."""
    root: Path
    source: str
    snippets: tuple[int, Optional[int]] = (100, 100)
    per_type: int = 3
    per_type_exact: bool = False
    none_snippets: tuple[int, Optional[int]] = (10, 10)
    articles: tuple[int, Optional[int]] = (6, 6)
    sentences: tuple[int, int] = (12, 22)
    require_url: bool = True
    distinct_outlets: bool = False
    admin1_required: bool = True
    max_date_lag_days: Optional[int] = 31
    actor1_required: bool = False
    min_events_per_article: int = 1
    min_event_types_per_article: int = 1
    figures_required: bool = False
    boilerplate_flagged: bool = True
    min_types: int = 15
    min_parents: int = 5
    min_quantities: int = 0
    # Sets whose texts this one must not reuse; each is optional so the tests run in any checkout.
    other_snippets: tuple[Path, ...] = ()
    other_articles: tuple[Path, ...] = ()
    # The authored sets' own promises (D onwards): no near-copied snippet, conservative gold,
    # a boilerplate flag exactly where the raw page has furniture, a claimed figure and a
    # relative date in every article, and notes/headlines within bounds.
    authored: bool = False
    boilerplate_per_article: bool = False
    claimed_figures: bool = False
    notes: Optional[tuple[int, int]] = None
    headlines: int = 0
    # CODEBOOK 3.1: a retold happening is one gold record (the sets built to test retellings).
    retold_once: bool = False

    @property
    def snippet_file(self) -> Path:
        return self.root / "snippets" / "snippets.jsonl"

    @property
    def article_dir(self) -> Path:
        return self.root / "articles"


# --- loading -------------------------------------------------------------------------------------

def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def article_rows(spec: HeldoutSpec) -> list[dict]:
    return read_jsonl(spec.article_dir / "articles.jsonl")


def gold_files(spec: HeldoutSpec) -> dict[str, dict]:
    """Gold records keyed by their file name's article id (what the evaluator pairs on)."""
    return {f.name.removesuffix(".gold.json"): json.loads(f.read_text(encoding="utf-8"))
            for f in sorted((spec.article_dir / "gold").glob("*.gold.json"))}


def _within(n: int, bounds: tuple[int, Optional[int]]) -> bool:
    low, high = bounds
    return n >= low and (high is None or n <= high)


def _iso(value: Any) -> Optional[date]:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _is_iso3(code: Any) -> bool:
    return isinstance(code, str) and len(code) == 3 and \
        pycountry.countries.get(alpha_3=code) is not None


def sentence_count(text: str) -> int:
    return sum(text.count(end) for end in SENTENCE_ENDS) + 1


def long_sentences(text: str) -> list[str]:
    """Long sentences only: short boilerplate lines may legitimately recur across sets."""
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [p.strip() for p in parts if len(p.strip()) >= 60]


# --- record checkers ----------------------------------------------------------------------------

def snippet_problems(obj: dict, source: str) -> list[str]:
    out = []
    if not isinstance(obj.get("id"), str) or not obj["id"]:
        out.append("no id")
    text = obj.get("text")
    if not isinstance(text, str) or len(text.split()) < 6:
        out.append("text missing or too short to be a news snippet")
    elif sentence_count(text) > 4:
        out.append("more than 4 sentences: a snippet is a lead, not an article")
    if obj.get("type") != NONE and obj.get("type") not in taxonomy.EVENT_TYPES:
        out.append(f"type {obj.get('type')!r} is not a codebook type")
    if obj.get("source") != source:
        out.append(f"source should be {source!r}")
    if "note" in obj and not (isinstance(obj["note"], str) and obj["note"].strip()):
        out.append("empty note")
    return out


def location_problems(loc: Any, where: str, admin1_required: bool = True) -> list[str]:
    if loc is None:
        return []
    if not isinstance(loc, dict):
        return [f"{where}: location is not an object"]
    out = []
    if not loc.get("name"):
        out.append(f"{where}: location has no name")
    # A country-wide place (precision 3) may carry admin1 null, but must say so explicitly.
    if "admin1" not in loc or (admin1_required and not loc["admin1"]):
        out.append(f"{where}: location has no admin1")
    if not _is_iso3(loc.get("country")):
        out.append(f"{where}: location country {loc.get('country')!r} is not ISO 3166 alpha-3")
    return out


def actor_problems(actor: Any, where: str) -> list[str]:
    if actor is None:
        return []
    if not isinstance(actor, dict):
        return [f"{where}: actor is not an object"]
    out = []
    if not actor.get("name"):
        out.append(f"{where}: actor has no name")
    if actor.get("country") is not None and not _is_iso3(actor["country"]):
        out.append(f"{where}: actor country {actor['country']!r} is not ISO3")
    if actor.get("sector") not in taxonomy.SECTORS:
        out.append(f"{where}: sector {actor.get('sector')!r} is not a codebook sector")
    return out


def _missing_keys(obj: dict, keys: tuple[str, ...], where: str) -> list[str]:
    return [f"{where}: no {key!r} key" for key in keys if key not in obj]


def _date_problems(ev: dict, published: date, spec: HeldoutSpec, where: str) -> list[str]:
    if ev.get("date") is None:
        if ev.get("date_precision") is not None:
            return [f"{where}: date_precision without a date"]
        return []
    out = []
    when = _iso(ev["date"])
    if when is None:
        out.append(f"{where}: date {ev['date']!r} is not ISO")
    elif when > published:
        out.append(f"{where}: date {when} is after publication {published}")
    elif spec.max_date_lag_days is not None and (published - when).days > spec.max_date_lag_days:
        out.append(f"{where}: date {when} is over {spec.max_date_lag_days} days before "
                   f"publication {published}")
    if ev.get("date_precision") not in taxonomy.DATE_PRECISIONS:
        out.append(f"{where}: date_precision {ev.get('date_precision')!r} invalid")
    return out


def event_problems(ev: dict, text: str, published: date, spec: HeldoutSpec,
                   where: str) -> list[str]:
    out = _missing_keys(ev, EVENT_KEYS, where)
    if ev.get("type") not in taxonomy.EVENT_TYPES:
        out.append(f"{where}: type {ev.get('type')!r} is not one of the 30")
    if not ev.get("evidence") or ev["evidence"] not in text:
        out.append(f"{where}: evidence is not a substring of the article text")
    out += _date_problems(ev, published, spec, where)
    if ev.get("location") is None and ev.get("type") not in taxonomy.PLACELESS_TYPES:
        out.append(f"{where}: a {ev.get('type')} event needs a location (CODEBOOK 3.5)")
    out += location_problems(ev.get("location"), where, spec.admin1_required)
    if spec.actor1_required and ev.get("actor1") is None:
        out.append(f"{where}: every event has an acting side")
    out += actor_problems(ev.get("actor1"), f"{where}.actor1")
    out += actor_problems(ev.get("actor2"), f"{where}.actor2")
    for key in ("fatalities", "injured"):
        if ev.get(key) is not None and (not isinstance(ev[key], int) or ev[key] < 0):
            out.append(f"{where}: {key} must be a non-negative integer or null")
    return out


def figure_problems(fig: dict, text: str, spec: HeldoutSpec, where: str) -> list[str]:
    out = _missing_keys(fig, FIGURE_KEYS, where)
    if fig.get("quantity") not in taxonomy.QUANTITIES:
        out.append(f"{where}: quantity {fig.get('quantity')!r} is not a codebook quantity")
    if fig.get("qualifier") not in taxonomy.QUALIFIERS:
        out.append(f"{where}: qualifier {fig.get('qualifier')!r} is not a codebook qualifier")
    value = fig.get("value")
    if not isinstance(value, int) or value <= 0:
        out.append(f"{where}: value must be a positive integer")
    elif not (isinstance(fig.get("low"), int) and isinstance(fig.get("high"), int)
              and fig["low"] <= value <= fig["high"]):
        out.append(f"{where}: value outside [low, high] or a bound is not an integer")
    if not fig.get("evidence") or fig["evidence"] not in text:
        out.append(f"{where}: evidence is not a substring of the article text")
    subject = fig.get("subject") or {}
    if subject.get("country") is not None and not _is_iso3(subject["country"]):
        out.append(f"{where}: subject country {subject['country']!r} is not ISO3")
    if subject.get("sector") is not None and subject["sector"] not in taxonomy.SECTORS:
        out.append(f"{where}: subject sector {subject['sector']!r} invalid")
    out += location_problems(fig.get("place"), f"{where}.place", spec.admin1_required)
    period = fig.get("period")
    if period:
        start, end = _iso(period.get("from")), _iso(period.get("to"))
        if start is None or end is None or start > end:
            out.append(f"{where}: period {period!r} is not an ISO from <= to")
    return out


def gold_problems(gold: dict, article: dict, spec: HeldoutSpec) -> list[str]:
    aid = article["id"]
    text, published = article["text"], _iso(article["published"])
    if published is None:
        return [f"{aid}: published {article['published']!r} is not ISO"]
    header = gold.get("article") or {}
    out = [f"{aid}: gold article {key} differs from the article line"
           for key in ("id", "published", "outlet", "title") if header.get(key) != article.get(key)]
    events, figures = gold.get("events") or [], gold.get("figures") or []
    for i, ev in enumerate(events):
        out += event_problems(ev, text, published, spec, f"{aid} events[{i}]")
    for i, fig in enumerate(figures):
        out += figure_problems(fig, text, spec, f"{aid} figures[{i}]")
    if len(events) < spec.min_events_per_article:
        out.append(f"{aid}: fewer than {spec.min_events_per_article} events")
    if len({e.get("type") for e in events}) < spec.min_event_types_per_article:
        out.append(f"{aid}: events of fewer than {spec.min_event_types_per_article} types")
    if spec.figures_required and not figures:
        out.append(f"{aid}: every article in this set states at least one figure")
    flags = gold.get("flags") or []
    out += [f"{aid}: unknown flag {flag!r}" for flag in flags if flag not in taxonomy.FLAGS]
    if spec.boilerplate_flagged and "boilerplate_removed" not in flags:
        out.append(f"{aid}: every article carries boilerplate, so boilerplate_removed is due")
    return out


# --- set checkers: each takes the spec and returns the set's problems ---------------------------

def snippet_file_problems(spec: HeldoutSpec) -> list[str]:
    rows = read_jsonl(spec.snippet_file)
    out = [f"{r.get('id')}: {p}" for r in rows for p in snippet_problems(r, spec.source)]
    if not _within(len(rows), spec.snippets):
        out.append(f"{len(rows)} snippets, expected {spec.snippets}")
    ids = [r.get("id") for r in rows]
    if len(set(ids)) != len(ids):
        out.append("a snippet id appears twice")
    texts = [str(r.get("text")).strip() for r in rows]
    if len(set(texts)) != len(texts):
        out.append("a snippet text appears twice")
    try:
        if len(read_snippets(spec.snippet_file)) != len(rows):
            out.append("the evaluator's reader drops snippet lines")
    except EvalInputError as err:
        out.append(f"the evaluator's reader rejects the file: {err}")
    return out


def type_balance_problems(spec: HeldoutSpec) -> list[str]:
    # Counted from the raw lines: a file the evaluator's reader rejects is reported above.
    counts = Counter(str(r.get("type")) for r in read_jsonl(spec.snippet_file))
    out = []
    for t in taxonomy.EVENT_TYPES:
        if counts[t] < spec.per_type or (spec.per_type_exact and counts[t] != spec.per_type):
            out.append(f"{t}: {counts[t]} snippets, expected "
                       f"{'' if spec.per_type_exact else 'at least '}{spec.per_type}")
    if not _within(counts[NONE], spec.none_snippets):
        out.append(f"{counts[NONE]} '{NONE}' snippets, expected {spec.none_snippets}")
    out += [f"unknown snippet type {t!r}" for t in set(counts) - set(taxonomy.EVENT_TYPES) - {NONE}]
    return out


def article_pairing_problems(spec: HeldoutSpec) -> list[str]:
    rows = article_rows(spec)
    ids = {a["id"] for a in rows}
    out = []
    if len(ids) != len(rows):
        out.append("article ids must be unique")
    if not _within(len(rows), spec.articles):
        out.append(f"{len(rows)} articles, expected {spec.articles}")
    gold = gold_files(spec)
    if set(gold) != ids:
        out.append(f"gold files {sorted(set(gold) ^ ids)} have no article or vice versa")
    out += [f"{name}.gold.json: names article {g.get('article', {}).get('id')!r}"
            for name, g in gold.items() if g.get("article", {}).get("id") != name]
    try:
        if set(read_gold(spec.article_dir)) != ids:
            out.append("the evaluator's gold reader does not see exactly the articles")
    except EvalInputError as err:
        out.append(f"the evaluator's gold reader rejects the set: {err}")
    return out


def article_metadata_problems(spec: HeldoutSpec) -> list[str]:
    rows = article_rows(spec)
    keys = ("title", "outlet", "published", "text") + (("url",) if spec.require_url else ())
    out = [f"{a.get('id')}: no {key}" for a in rows for key in keys if not a.get(key)]
    out += [f"{a['id']}: published {a['published']!r} is not ISO" for a in rows
            if a.get("published") and _iso(a["published"]) is None]
    low, high = spec.sentences
    for a in rows:
        n = sentence_count(a.get("text") or "")
        if not low <= n <= high:
            out.append(f"{a.get('id')}: {n} sentences, expected {low}-{high}")
    if spec.distinct_outlets and len({a.get("outlet") for a in rows}) != len(rows):
        out.append("each article comes from a different house style/outlet")
    return out


def gold_set_problems(spec: HeldoutSpec) -> list[str]:
    gold = gold_files(spec)
    out = []
    for article in article_rows(spec):
        if article["id"] in gold:
            out += gold_problems(gold[article["id"]], article, spec)
    return out


def coverage_problems(spec: HeldoutSpec) -> list[str]:
    gold = gold_files(spec).values()
    types = {ev.get("type") for g in gold for ev in g.get("events") or []}
    parents = {taxonomy.parent_of(t) for t in types if t in taxonomy.EVENT_TYPES}
    quantities = {f.get("quantity") for g in gold for f in g.get("figures") or []}
    out = []
    if len(types) < spec.min_types or len(parents) < spec.min_parents:
        out.append(f"{len(types)} types under {len(parents)} parents, expected at least "
                   f"{spec.min_types} under {spec.min_parents}")
    if len(quantities) < spec.min_quantities:
        out.append(f"{len(quantities)} figure quantities, expected {spec.min_quantities}")
    return out


def _need(path: Path) -> None:
    if not path.is_file():
        pytest.skip(f"{path} not present")


def copied_snippet_problems(spec: HeldoutSpec, other: Path) -> list[str]:
    _need(other)
    theirs = {r["text"].strip() for r in read_jsonl(other)}
    return [f"{r['id']}: text copied from {other}" for r in read_jsonl(spec.snippet_file)
            if r["text"].strip() in theirs]


def copied_sentence_problems(spec: HeldoutSpec, other: Path) -> list[str]:
    _need(other)
    theirs = {s for a in read_jsonl(other) for s in long_sentences(a["text"])}
    return [f"{a['id']}: {s[:50]!r} copied from {other}" for a in article_rows(spec)
            for s in long_sentences(a["text"]) if s in theirs]


SET_CHECKS: tuple[Callable[[HeldoutSpec], list[str]], ...] = (
    snippet_file_problems, type_balance_problems, article_pairing_problems,
    article_metadata_problems, gold_set_problems, coverage_problems,
)


def _label(path: Path) -> str:
    for base in (BENCHMARKS, SHARED):
        if path.is_relative_to(base):
            return path.relative_to(base).parts[0]
    return path.stem


def checks_for(spec: HeldoutSpec) -> list[Any]:
    """Every shared check of one set, as pytest params of zero-argument callables."""
    params = [pytest.param(functools.partial(check, spec), id=check.__name__)
              for check in SET_CHECKS]
    params += [pytest.param(functools.partial(copied_snippet_problems, spec, other),
                            id=f"copied_snippet_problems-{_label(other)}")
               for other in spec.other_snippets]
    params += [pytest.param(functools.partial(copied_sentence_problems, spec, other),
                            id=f"copied_sentence_problems-{_label(other)}")
               for other in spec.other_articles]
    optional: list[Callable[[HeldoutSpec], list[str]]] = []
    if spec.authored:
        optional += [near_copies, unconservative_gold]
    if spec.boilerplate_per_article:
        optional.append(boilerplate_flag_problems)
    if spec.claimed_figures:
        optional.append(claimant_and_date_problems)
    if spec.notes is not None:
        optional.append(wording_problems)
    if spec.retold_once:
        optional.append(retold_happenings)
    params += [pytest.param(functools.partial(check, spec), id=check.__name__) for check in optional]
    return params


def retold_happenings(spec: HeldoutSpec) -> list[str]:
    """Two gold events of one type, date, place and doer in one article: a retelling coded twice."""
    out = []
    for aid, gold in gold_files(spec).items():
        keys = Counter((e["type"], e["date"], (e["location"] or {}).get("name"), (e["actor1"] or {}).get("name"))
                       for e in gold["events"])
        out += [f"{aid}: {key}" for key, n in keys.items() if n > 1]
    return out


def near_copies(spec: HeldoutSpec) -> list[str]:
    """Snippets that are lightly edited copies of another set's snippets (ratio ≥ 90)."""
    from rapidfuzz import fuzz
    ours = [r["text"].strip() for r in read_jsonl(spec.snippet_file)]
    out = []
    for other in spec.other_snippets:
        if not other.is_file():
            continue
        theirs = [r["text"].strip() for r in read_jsonl(other)]
        out += [f"{other}: {o[:50]}" for o in ours for t in theirs if fuzz.ratio(o, t) >= 90]
    return out


def unconservative_gold(spec: HeldoutSpec) -> list[str]:
    """Ranges must keep their low end, and an event's fatalities may not exceed what the killed
    figures of its own evidence sentence add up to (CODEBOOK 3.3: conservative tolls)."""
    out = []
    for aid, gold in gold_files(spec).items():
        for i, fig in enumerate(gold["figures"]):
            if fig["low"] != fig["high"] and fig["value"] != fig["low"]:
                out.append(f"{aid} figures[{i}]: a range keeps its low end")
        for i, ev in enumerate(gold["events"]):
            if ev["fatalities"] is None:
                continue
            tolls = [f["value"] for f in gold["figures"]
                     if f["quantity"] == "killed" and f["evidence"] == ev["evidence"]]
            if tolls and ev["fatalities"] > sum(tolls):
                out.append(f"{aid} events[{i}]: fatalities above the sentence's tolls")
    return out


# --- checks the authored sets E, F and G share --------------------------------------------------
# Lines only web pages carry: if one is in the raw text, the cleaner has something to cut.
BOILERPLATE_MARKERS = re.compile(
    r"^(Home \||World \||News \||Long Read \||Share this:|Read (more|also):|Photo:|Caption:|"
    r"Advertisement$|Subscribe|Sign up|Get breaking news|Support|Enjoyed this|Download PDF|"
    r"Our teams rely|For further information|Reporting by|\(c\)|©|Copyright)", re.MULTILINE)
RELATIVE_DATE = re.compile(r"\b(yesterday|overnight|last week|over the past|on (Mon|Tues|Wednes|"
                           r"Thurs|Fri|Satur|Sun)day|this (morning|afternoon)|today)\b", re.I)


def boilerplate_flag_problems(spec: HeldoutSpec) -> list[str]:
    """boilerplate_removed is due exactly where the raw text holds page furniture (CODEBOOK 4),
    and the set holds both clean and boilerplate-laden pages."""
    gold = gold_files(spec)
    out = [f"{a['id']}: flag disagrees with the text" for a in article_rows(spec)
           if bool(BOILERPLATE_MARKERS.search(a["text"])) != ("boilerplate_removed" in gold[a["id"]]["flags"])]
    flagged = sum("boilerplate_removed" in g["flags"] for g in gold.values())
    if not 0 < flagged < len(gold):
        out.append(f"{flagged} of {len(gold)} pages flagged: the set should hold both kinds")
    return out


def wording_problems(spec: HeldoutSpec) -> list[str]:
    """Most snippets read like ordinary wire copy: notes (kept for the hard calls) stay within
    ``spec.notes``, and at least ``spec.headlines`` headline-style snippets remain."""
    assert spec.notes is not None
    lo, hi = spec.notes
    rows = read_jsonl(spec.snippet_file)
    noted = sum(1 for r in rows if r.get("note"))
    out = [] if lo <= noted <= hi else [f"{noted} notes, expected {lo}-{hi}"]
    heads = [r for r in rows if not r["text"].rstrip().endswith((".", '"'))]
    if len(heads) < spec.headlines:
        out.append(f"{len(heads)} headline-style snippets, expected at least {spec.headlines}")
    return out


def claimant_and_date_problems(spec: HeldoutSpec) -> list[str]:
    """Every article tells a relative date and at least one figure someone claims."""
    gold = gold_files(spec)
    out = []
    for a in article_rows(spec):
        if not RELATIVE_DATE.search(a["text"]):
            out.append(f"{a['id']}: no relative date")
        if not any(f["claimant"] for f in gold[a["id"]]["figures"]):
            out.append(f"{a['id']}: no claimed figure")
    return out
