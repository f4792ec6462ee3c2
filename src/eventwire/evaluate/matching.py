"""When a predicted record matches a gold one (CODEBOOK s.5), and the one-to-one pairing."""
from __future__ import annotations

from typing import Callable, Literal, Optional, Sequence, TypeVar

from .. import taxonomy
from .items import EventItem, FigureItem, Place
from .normalize import km_between, overlap, same_admin1, same_place_name

Level = Literal["type", "parent", "detect"]
LEVELS: tuple[Level, ...] = ("type", "parent", "detect")

NEAR_KM = 50.0
DATE_SLACK_DAYS = 1


def countries_agree(a: Optional[str], b: Optional[str]) -> bool:
    """Countries conflict only when both are given and differ ("Black Sea" has none)."""
    return a is None or b is None or a == b


def locations_compatible(gold: Optional[Place], pred: Optional[Place]) -> bool:
    """Same country and (same name after transliteration, same admin1, or within 50 km);
    or both null."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if not countries_agree(gold.country, pred.country):
        return False
    if same_place_name(gold.name, pred.name) or same_admin1(gold.admin1, pred.admin1):
        return True
    if None not in (gold.lat, gold.lon, pred.lat, pred.lon):
        return km_between(gold.lat, gold.lon, pred.lat, pred.lon) <= NEAR_KM  # type: ignore[arg-type]
    return False


def dates_compatible(gold: EventItem, pred: EventItem) -> bool:
    """Within one day; a gold event without a date takes any date."""
    if gold.date is None:
        return True
    if pred.date is None:
        return False
    return abs((gold.date - pred.date).days) <= DATE_SLACK_DAYS


def location_is_compared(gold: EventItem) -> bool:
    """Where a statement was made is often unsaid: the gold type decides (CODEBOOK s.5)."""
    return gold.type not in taxonomy.PLACELESS_TYPES


def types_agree(gold: EventItem, pred: EventItem, level: Level) -> bool:
    if level == "type":
        return gold.type == pred.type
    if level == "parent":
        return gold.parent == pred.parent
    return True


def event_mismatches(gold: EventItem, pred: EventItem, level: Level = "type") -> list[str]:
    """Why two events do not match; empty when they do."""
    why = []
    if not types_agree(gold, pred, level):
        why.append("type")
    if location_is_compared(gold) and not locations_compatible(gold.place, pred.place):
        why.append("location")
    if not dates_compatible(gold, pred):
        why.append("date")
    return why


def events_match(gold: EventItem, pred: EventItem, level: Level) -> bool:
    return not event_mismatches(gold, pred, level)


def subjects_compatible(gold: FigureItem, pred: FigureItem) -> bool:
    """Country equal or either null; sector equal or either null/unknown (who is counted is
    often only half said: "civilians", "Russian losses")."""
    if not countries_agree(gold.subject_country, pred.subject_country):
        return False
    gs, ps = gold.subject_sector, pred.subject_sector
    return gs in (None, "unknown") or ps in (None, "unknown") or gs == ps


def figure_mismatches(gold: FigureItem, pred: FigureItem) -> list[str]:
    why = []
    if gold.quantity != pred.quantity:
        why.append("quantity")
    if gold.value != pred.value:
        why.append("value")
    if not subjects_compatible(gold, pred):
        why.append("subject")
    return why


def figures_match(gold: FigureItem, pred: FigureItem) -> bool:
    return not figure_mismatches(gold, pred)


T = TypeVar("T", EventItem, FigureItem)


def match_one_to_one(gold: Sequence[T], pred: Sequence[T], compatible: Callable[[T, T], bool],
                     affinity: Optional[Callable[[T, T], int]] = None
                     ) -> list[tuple[int, int, float]]:
    """Greedy one-to-one pairing of compatible records, best evidence overlap first.

    Two happenings told in one sentence share their evidence: overlaps within 0.01 of each
    other are a tie, broken by ``affinity`` (how many fields agree), then by document order,
    so the outcome depends on nothing but the two lists.
    Returns (gold position, pred position, overlap), sorted by gold position.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if compatible(g, p):
                score = overlap(g.bag, p.bag)
                near = affinity(g, p) if affinity else 0
                candidates.append((-round(score, 2), -near, gi, pi, score))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for *_, gi, pi, score in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi, score))
    return sorted(pairs)
