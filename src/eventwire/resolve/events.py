"""Event resolution: mention-level events from many articles -> one resolved event per happening.

Two mentions are *compatible* when their types agree (same type, or same ACLED parent for the
violent parents), their places agree (same name after transliteration, one is the region the
other lies in, or within 50 km), their dates agree within the precision they carry, their
actors do not contradict each other, and they come from different articles (an article tells
each happening once, CODEBOOK 3.1). Candidates are found through blocking keys (place tokens,
admin1, 0.5-degree grid cells, country for country-level places, type for place-less types)
and a date window, so the work grows with the number of mentions, not its square.

Determinism and incrementality: compatible mentions form connected components; within a
component, mentions are clustered greedily in a canonical order (date, id) with complete
linkage (a mention joins a cluster only if it is compatible with every member). A resolved
event is therefore a pure function of its component's member set, so folding articles in one
by one gives exactly the clusters of one batch. ``update`` recomputes only the components a
new (or re-extracted) article touches.
"""
from __future__ import annotations

import bisect
import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Optional, Sequence

from ..evaluate.normalize import admin1_key, fold, km_between, place_tokens, same_admin1, same_place_name
from ..store import Store
from ..taxonomy import EVENT_TYPES, PLACELESS_TYPES

# How far apart two dates may be, in days, for each precision; undated mentions fall back to
# the article's date with a week's slack (CODEBOOK 3.2a treats undated situations as a week).
TOLERANCE = {"day": 1, "week": 7, "month": 31, "year": 366, None: 7}
TOL_CLASSES = (1, 7, 31, 366)
NEAR_KM = 50.0
HOMONYM_KM = 150.0          # same name but geocoded this far apart: two different places
CELL_DEG = 0.5              # grid cell; with the 3x3 neighbourhood it covers NEAR_KM everywhere
# Parents whose types are all ways of telling one violent happening ("shelled" / "struck from
# the air"); strategic developments are too varied to merge across types.
MERGEABLE_PARENTS = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians",
                               "Protests", "Riots"})
SYMMETRIC_TYPES = frozenset({"armed_clash", "diplomacy", "agreement"})
_REGION_WORDS = re.compile(r"\b(region|oblast|province|governorate|district|raion|county|state)\b")
_WORD = re.compile(r"[a-z]{4,}")
_STOP = frozenset("""that this with from have said were been their they which after also about
would there when where while into over more than other some could being these those them
will what just then only said says told according""".split())


@dataclass(frozen=True)
class ActorRef:
    name: Optional[str]
    country: Optional[str]
    sector: Optional[str]


@dataclass
class Mention:
    id: str
    article_id: str
    type: str
    parent: str
    date: Optional[int]              # ordinal of the event date, None when undated
    day: int                         # date used for comparison: event date, else article date
    tol: int
    date_precision: Optional[str]
    location_name: Optional[str]
    admin1: Optional[str]
    country: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    geo_precision: Optional[int]
    actor1: ActorRef
    actor2: ActorRef
    fatalities: Optional[int]
    injured: Optional[int]
    confidence: float
    evidence_text: str
    evidence_start: int
    evidence_end: int
    published: int                   # ordinal of the article's date (0 when unknown)
    source_root: str                 # the article this one counts as (itself unless a copy)
    words: frozenset = field(default_factory=frozenset)

    @property
    def located(self) -> bool:
        return bool(self.location_name or self.country)


# -- normalisation ---------------------------------------------------------------------------
def _region_level(m: Mention) -> bool:
    if m.geo_precision == 2:
        return True
    if not m.location_name:
        return False
    if m.admin1 and admin1_key(m.location_name) == admin1_key(m.admin1):
        return True
    return bool(_REGION_WORDS.search(fold(m.location_name)))


def _country_level(m: Mention) -> bool:
    return m.geo_precision == 3 or (m.location_name is None and m.country is not None)


def _names_agree(a: Optional[str], b: Optional[str]) -> bool:
    if not a or not b:
        return False
    ta, tb = set(place_tokens(a)), set(place_tokens(b))
    return bool(ta and tb and (ta <= tb or tb <= ta))


def _actor_same(a: ActorRef, b: ActorRef) -> Optional[bool]:
    """True: clearly the same side; False: clearly different; None: cannot tell."""
    if a.country and b.country:
        if a.country != b.country:
            return False
        if a.sector and b.sector and "unknown" not in (a.sector, b.sector) and a.sector != b.sector:
            # Ukrainian military vs Ukrainian civilians are different sides of one country.
            return False
        return True
    if a.name and b.name:
        return _names_agree(a.name, b.name) or None
    return None


def _words(text: str) -> frozenset:
    return frozenset(w for w in _WORD.findall(fold(text)) if w not in _STOP)


# -- pairwise decision -----------------------------------------------------------------------
def type_reason(a: Mention, b: Mention) -> Optional[str]:
    if a.type == b.type:
        return "type"
    if a.parent == b.parent and a.parent in MERGEABLE_PARENTS:
        return "parent_type"
    return None


def date_reason(a: Mention, b: Mention) -> Optional[str]:
    gap = abs(a.day - b.day)
    if gap > max(a.tol, b.tol):
        return None
    if a.date is not None and b.date is not None and gap == 0:
        return "date"
    return "date_within_precision"


def place_reason(a: Mention, b: Mention) -> Optional[str]:
    if a.country and b.country and a.country != b.country:
        return None
    both_coords = None not in (a.lat, a.lon, b.lat, b.lon)
    km = km_between(a.lat, a.lon, b.lat, b.lon) if both_coords else None
    if a.location_name and b.location_name and same_place_name(a.location_name, b.location_name):
        if km is not None and km > HOMONYM_KM and not (_region_level(a) or _region_level(b)):
            return None
        return "place_name"
    if km is not None and km <= NEAR_KM and not (_country_level(a) or _country_level(b)):
        return "within_50km"
    ra, rb = _region_level(a), _region_level(b)
    if ra or rb:
        # A region and a place in it: the region's name (or admin1) is the other's admin1.
        a_unit = a.admin1 if a.admin1 else (a.location_name if ra else None)
        b_unit = b.admin1 if b.admin1 else (b.location_name if rb else None)
        if (ra and same_admin1(a.location_name, b_unit)) or (rb and same_admin1(b.location_name, a_unit)) \
                or (a.admin1 and b.admin1 and same_admin1(a.admin1, b.admin1)):
            return "admin1"
    if _country_level(a) and _country_level(b) and a.country and a.country == b.country:
        return "country"
    return None


_NAME_STOP = frozenset({"the", "its", "his", "her", "their", "and", "of", "a", "an"})


def _name_tokens(name: Optional[str]) -> frozenset:
    return frozenset(t for t in re.findall(r"[a-z0-9]+", fold(name or "")) if t not in _NAME_STOP)


def actor_names_agree(a: ActorRef, b: ActorRef) -> bool:
    """"saboteurs" = "Russian saboteurs"; "Russian forces" != "Ukrainian forces"."""
    ta, tb = _name_tokens(a.name), _name_tokens(b.name)
    return bool(ta and tb and (ta <= tb or tb <= ta))


def actor_reasons(a: Mention, b: Mention) -> Optional[list[str]]:
    """Reasons the actors agree; None when they contradict each other."""
    s1, s2 = _actor_same(a.actor1, b.actor1), _actor_same(a.actor2, b.actor2)
    if s1 is False or s2 is False:
        # Clashes and talks may be told from either side: "A fought B" = "B fought A".
        if a.type in SYMMETRIC_TYPES or b.type in SYMMETRIC_TYPES:
            x1, x2 = _actor_same(a.actor1, b.actor2), _actor_same(a.actor2, b.actor1)
            if x1 is not False and x2 is not False and (x1 or x2):
                named = actor_names_agree(a.actor1, b.actor2) or actor_names_agree(a.actor2, b.actor1)
                return ["actors_swapped"] + (["actor_names"] if named else [])
        return None
    out = [r for r, s in (("actor1", s1), ("actor2", s2)) if s]
    if actor_names_agree(a.actor1, b.actor1) or actor_names_agree(a.actor2, b.actor2):
        out.append("actor_names")
    return out


def word_overlap(a: Mention, b: Mention) -> float:
    """Share of the shorter evidence's content words found in the other's."""
    return len(a.words & b.words) / max(1, min(len(a.words), len(b.words)))


def match(a: Mention, b: Mention) -> Optional[list[str]]:
    """The fields on which two mentions agree when they tell one happening, else None."""
    if a.article_id == b.article_id or a.day < 0 or b.day < 0:
        return None
    t = type_reason(a, b)
    if t is None:
        return None
    d = date_reason(a, b)
    if d is None:
        return None
    if d == "date_within_precision" and t != "type":
        return None             # a vague date and a vague type together say too little
    actors = actor_reasons(a, b)
    if actors is None:
        return None
    words = word_overlap(a, b)
    reasons = [t, d]
    placeless = a.type in PLACELESS_TYPES and b.type in PLACELESS_TYPES
    if placeless:
        # Where a statement was made is often unsaid; what it says and who says it decide.
        if "actor1" not in actors or words < 0.3:
            return None
        reasons.append("evidence_words")
    else:
        if not (a.located and b.located):
            return None
        p = place_reason(a, b)
        if p is None:
            return None
        reasons.append(p)
        if not actors and not (t == "type" and d == "date" and p in ("place_name", "within_50km")):
            # Without a shared actor only an exact type, day and place make the same happening.
            return None
        if d == "date_within_precision" and abs(a.day - b.day) > 1 \
                and "actor_names" not in actors and words < 0.3:
            # "Fighting continues" this week and Friday's clash share the place and the sides of
            # a war; only a named actor or shared wording ties them to one happening.
            return None
        if a.parent == "Strategic developments" and words < 0.2:
            # "Rifles handed out" and "a curfew" in one city on one day are two developments.
            return None
        if words >= 0.3:
            reasons.append("evidence_words")
    return reasons + actors


_WEIGHTS = {"type": 2.0, "parent_type": 1.0, "date": 2.0, "date_within_precision": 1.0,
            "place_name": 2.0, "within_50km": 1.5, "admin1": 1.0, "country": 0.5,
            "actor1": 1.0, "actor2": 1.0, "actors_swapped": 1.5, "actor_names": 1.0, "evidence_words": 1.0}


def edge_score(a: Mention, b: Mention, reasons: list[str]) -> float:
    """How strongly two compatible mentions agree; the strongest pairs are merged first."""
    return sum(_WEIGHTS.get(r, 0.0) for r in reasons) + word_overlap(a, b)


# -- blocking --------------------------------------------------------------------------------
def _tol_class(tol: int) -> int:
    return next(c for c in TOL_CLASSES if tol <= c)


def block_keys(m: Mention) -> set[tuple]:
    """Keys under which a mention is filed; two mentions are compared only if they share one."""
    if m.day < 0:
        return set()            # no event date and no article date: nothing to compare against
    if m.type in PLACELESS_TYPES:
        return {("t", m.type)}
    if not m.located:
        return set()
    c = m.country or "?"
    keys: set[tuple] = {("n", c, tok) for tok in place_tokens(m.location_name)}
    for unit in (m.admin1, m.location_name if _region_level(m) else None):
        k = admin1_key(unit)
        if k:
            keys.add(("a", c, k[:3]))
    if m.lat is not None and m.lon is not None:
        keys.add(("g", int(math.floor(m.lat / CELL_DEG)), int(math.floor(m.lon / CELL_DEG))))
    if _country_level(m):
        keys.add(("c", c))
    return keys


def _query_keys(m: Mention) -> set[tuple]:
    keys = block_keys(m)
    out = set()
    for k in keys:
        if k[0] == "g":
            out.update(("g", k[1] + dy, k[2] + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1))
        else:
            out.add(k)
    return out


class BlockIndex:
    """Mentions filed by block key and date-tolerance class, each list sorted by day."""

    def __init__(self, mentions: Iterable[Mention] = ()):
        self._lists: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
        self._items: list[Mention] = []
        self._sorted = True
        for m in mentions:
            self.add(m)

    def add(self, m: Mention) -> None:
        idx = len(self._items)
        self._items.append(m)
        cls = _tol_class(m.tol)
        for k in block_keys(m):
            self._lists[(k, cls)].append((m.day, idx))
        self._sorted = False

    def _ensure_sorted(self) -> None:
        if not self._sorted:
            for lst in self._lists.values():
                lst.sort()
            self._sorted = True

    def candidates(self, m: Mention) -> list[Mention]:
        self._ensure_sorted()
        found: set[int] = set()
        for k in _query_keys(m):
            for cls in TOL_CLASSES:
                lst = self._lists.get((k, cls))
                if not lst:
                    continue
                w = max(m.tol, cls)
                lo = bisect.bisect_left(lst, (m.day - w, -1))
                hi = bisect.bisect_right(lst, (m.day + w, math.inf))
                found.update(i for _, i in lst[lo:hi])
        return [self._items[i] for i in sorted(found) if self._items[i].id != m.id]


# -- clustering ------------------------------------------------------------------------------
class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller id wins so the structure does not depend on insertion order.
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


Graph = dict[str, dict[str, tuple[list[str], float]]]


def compatibility_graph(mentions: Sequence[Mention]) -> Graph:
    """Mention id -> {compatible mention id: (reasons, score)}; only blocked candidates compared."""
    index = BlockIndex(mentions)
    graph: Graph = {m.id: {} for m in mentions}
    for m in mentions:
        for c in index.candidates(m):
            if c.id > m.id:
                r = match(m, c)
                if r is not None:
                    edge = (r, round(edge_score(m, c, r), 6))
                    graph[m.id][c.id] = edge
                    graph[c.id][m.id] = edge
    return graph


def components(mentions: Sequence[Mention], graph: Graph) -> list[list[Mention]]:
    """Connected components of the compatibility graph, each sorted canonically."""
    uf = _UnionFind()
    for m in mentions:
        uf.find(m.id)
        for other in graph[m.id]:
            uf.union(m.id, other)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[uf.find(m.id)].append(m)
    return [sorted(g, key=_canonical) for _, g in sorted(groups.items())]


def _canonical(m: Mention) -> tuple:
    return (m.day, m.id)


@dataclass
class Cluster:
    members: list[Mention]
    reasons: dict[str, tuple[Optional[str], list[str]]]   # mention id -> (matched id, reasons)


def cluster_component(comp: Sequence[Mention], graph: Graph) -> list[Cluster]:
    """Best-first complete-linkage clustering: edges are taken strongest first (ties by ids) and
    two clusters merge only if every cross pair is compatible (so never two mentions of one
    article). The result depends only on the member set, never on arrival order."""
    by_id = {m.id: m for m in comp}
    cluster_of = {m.id: i for i, m in enumerate(sorted(comp, key=_canonical))}
    members: dict[int, list[str]] = {i: [mid] for mid, i in cluster_of.items()}
    joined: dict[str, tuple[Optional[str], list[str]]] = {}
    edges = sorted(((-score, a, b, reasons) for a in by_id for b, (reasons, score) in graph[a].items()
                    if a < b and b in by_id))
    for neg, a, b, reasons in edges:
        ca, cb = cluster_of[a], cluster_of[b]
        if ca == cb:
            continue
        if not all(y in graph[x] for x in members[ca] for y in members[cb]):
            continue
        keep, gone = min(ca, cb), max(ca, cb)
        # The mention that joins is the one from the cluster that disappears.
        newcomer, anchor = (b, a) if cluster_of[b] == gone else (a, b)
        joined[newcomer] = (anchor, list(reasons))
        for x in members[gone]:
            cluster_of[x] = keep
            if x != newcomer and x not in joined:
                joined[x] = (newcomer, list(graph[newcomer][x][0])) if x in graph[newcomer] else (anchor, [])
        members[keep].extend(members.pop(gone))
    out = []
    for i in sorted(members):
        ms = sorted((by_id[x] for x in members[i]), key=_canonical)
        reasons = {m.id: joined.get(m.id, (None, ["first_mention"])) for m in ms}
        out.append(Cluster(ms, reasons))
    return out


def short_hash(prefix: str, key: str) -> str:
    return prefix + hashlib.sha1(key.encode()).hexdigest()[:15]
# -- store I/O -------------------------------------------------------------------------------
_MENTION_SQL = """
SELECT e.id, e.article_id, e.type, e.parent_type, e.date, e.date_precision, e.location_name,
       e.admin1, e.country, e.lat, e.lon, e.geo_precision,
       e.actor1_name, e.actor1_country, e.actor1_sector,
       e.actor2_name, e.actor2_country, e.actor2_sector,
       e.fatalities, e.injured, e.confidence, e.evidence_text, e.evidence_start, e.evidence_end,
       a.published_date
FROM events e LEFT JOIN articles a ON a.id = e.article_id
"""


def _ordinal(d) -> Optional[int]:
    if d is None:
        return None
    if isinstance(d, str):
        d = date.fromisoformat(d[:10])
    return d.toordinal()


def mention_from_row(r: Sequence, roots: dict[str, str]) -> Mention:
    (eid, aid, etype, parent, d, prec, name, admin1, country, lat, lon, gp, a1n, a1c, a1s,
     a2n, a2c, a2s, fat, inj, conf, ev_text, ev_start, ev_end, published) = r
    day_event, day_pub = _ordinal(d), _ordinal(published)
    day = day_event if day_event is not None else day_pub
    return Mention(
        id=eid, article_id=aid, type=etype, parent=parent or EVENT_TYPES.get(etype, etype),
        date=day_event, day=day if day is not None else -1,
        tol=TOLERANCE.get(prec if day_event is not None else None, 7) if day is not None else -1,
        date_precision=prec if day_event is not None else None,
        location_name=name, admin1=admin1, country=country, lat=lat, lon=lon, geo_precision=gp,
        actor1=ActorRef(a1n, a1c, a1s), actor2=ActorRef(a2n, a2c, a2s),
        fatalities=fat, injured=inj, confidence=conf if conf is not None else 0.5,
        evidence_text=ev_text or "", evidence_start=ev_start or 0, evidence_end=ev_end or 0,
        published=day_pub or 0, source_root=roots.get(aid, aid), words=_words(ev_text or ""))


def source_roots(con) -> dict[str, str]:
    """Article id -> the original it copies (following chains), for copies only."""
    links = dict(con.execute(
        "SELECT id, coalesce(near_duplicate_of, rewritten_copy_of) FROM articles "
        "WHERE coalesce(near_duplicate_of, rewritten_copy_of) IS NOT NULL").fetchall())
    roots = {}
    for aid in links:
        cur, seen = aid, {aid}
        while cur in links and links[cur] not in seen:
            cur = links[cur]
            seen.add(cur)
        roots[aid] = cur
    return roots


def load_mentions(con, where: str, params: list, roots: dict[str, str]) -> list[Mention]:
    rows = con.execute(_MENTION_SQL + " WHERE " + where + " ORDER BY e.id", params).fetchall()
    return [mention_from_row(r, roots) for r in rows]


def _most_common(values: Iterable, key_order: Sequence) -> Optional[object]:
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    top = max(counts.values())
    return next(v for v in key_order if v is not None and counts[v] == top)


def _iso_day(ordinal: Optional[int]) -> Optional[str]:
    return date.fromordinal(ordinal).isoformat() if ordinal and ordinal > 0 else None


_PREC_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}


def summarise(cl: Cluster, component_id: str) -> tuple[tuple, list[tuple]]:
    """The resolved-event row and its mention rows for one cluster."""
    members = cl.members
    rid = short_hash("r", min(m.id for m in members))
    by_conf = sorted(members, key=lambda m: (-m.confidence, m.published or 0, m.id))
    rep = by_conf[0]
    etype = _most_common([m.type for m in members], [m.type for m in by_conf])
    dated = [m for m in members if m.date is not None]
    if dated:
        finest = min(_PREC_RANK[m.date_precision] for m in dated)
        fine = [m for m in dated if _PREC_RANK[m.date_precision] == finest]
        ev_day = _most_common([m.date for m in fine], sorted(m.date for m in fine))
        prec = next(m.date_precision for m in fine)
    else:
        ev_day, prec = None, None
    days = [m.day for m in members if m.day >= 0]
    loc = min(members, key=lambda m: (not m.located, m.geo_precision or (2 if _region_level(m) else 1)
                                      if m.location_name else 3, m.lat is None,
                                      by_conf.index(m)))
    a1 = next((m.actor1 for m in by_conf if m.actor1.name or m.actor1.country), rep.actor1)
    a2 = next((m.actor2 for m in by_conf if m.actor2.name or m.actor2.country), rep.actor2)
    latest = sorted(members, key=lambda m: (-(m.published or 0), m.id))
    fat = _latest_value(latest, "fatalities")
    inj = _latest_value(latest, "injured")
    # One vote per independent source: a copy's confidence is its original's.
    best_by_root: dict[str, float] = {}
    for m in members:
        best_by_root[m.source_root] = max(best_by_root.get(m.source_root, 0.0), m.confidence)
    conf = 1.0
    for c in best_by_root.values():
        conf *= 1.0 - min(max(c, 0.0), 0.99)
    conf = round(1.0 - conf, 4)
    article_ids = sorted({m.article_id for m in members})
    roots = sorted(best_by_root)
    row = (rid, component_id, etype, EVENT_TYPES.get(etype, etype), _iso_day(ev_day), prec,
           _iso_day(min(days)) if days else None, _iso_day(max(days)) if days else None,
           loc.location_name, loc.admin1, loc.country, loc.lat, loc.lon, loc.geo_precision,
           a1.name, a1.country, a1.sector, a2.name, a2.country, a2.sector, fat, inj, conf,
           rep.id, rep.article_id, rep.evidence_text, rep.evidence_start, rep.evidence_end,
           len(members), len(roots), article_ids, roots)
    counted: set[str] = set()
    mention_rows = []
    for m in sorted(members, key=lambda m: (m.article_id != m.source_root, m.day, m.id)):
        independent = m.source_root not in counted
        counted.add(m.source_root)
        matched, reasons = cl.reasons[m.id]
        mention_rows.append((m.id, rid, component_id, m.article_id, matched, reasons, independent,
                             m.source_root))
    return row, mention_rows


def _latest_value(latest: Sequence[Mention], attr: str) -> Optional[int]:
    """From the most recent article that gives one (a toll rises); the highest on its day."""
    given = [m for m in latest if getattr(m, attr) is not None]
    if not given:
        return None
    newest = given[0].published
    return max(getattr(m, attr) for m in given if m.published == newest)


RESOLVED_COLUMNS = ("id", "component", "type", "parent_type", "date", "date_precision",
                    "date_from", "date_to", "location_name", "admin1", "country", "lat", "lon",
                    "geo_precision", "actor1_name", "actor1_country", "actor1_sector",
                    "actor2_name", "actor2_country", "actor2_sector", "fatalities", "injured",
                    "confidence", "evidence_event_id", "evidence_article_id", "evidence_text",
                    "evidence_start", "evidence_end", "mention_count", "source_count",
                    "article_ids", "source_article_ids")
MENTION_COLUMNS = ("event_id", "resolved_id", "component", "article_id", "matched_event_id",
                   "reasons", "independent", "source_root")


def resolve_mentions(mentions: Sequence[Mention]) -> tuple[list[tuple], list[tuple], int]:
    """Pure resolution of a set of mentions: (resolved rows, mention rows, components)."""
    graph = compatibility_graph(mentions)
    comps = components(mentions, graph)
    rows: list[tuple] = []
    mrows: list[tuple] = []
    for comp in comps:
        cid = short_hash("c", min(m.id for m in comp))
        for cl in cluster_component(comp, graph):
            row, ms = summarise(cl, cid)
            rows.append(row)
            mrows.extend(ms)
    return rows, mrows, len(comps)


def _insert(con, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    if not rows:
        return
    import pyarrow as pa

    cols = list(zip(*rows))
    arrow = pa.table({c: pa.array(list(v)) if any(x is not None for x in v)
                      else pa.array(list(v), pa.string()) for c, v in zip(columns, cols)})
    con.register("_ew_rows", arrow)
    try:
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) "
                    f"SELECT {', '.join(columns)} FROM _ew_rows")
    finally:
        con.unregister("_ew_rows")


def _window_params(new: Sequence[Mention]) -> tuple[str, list]:
    """SQL selecting stored, resolved mentions that could be compatible with the new ones."""
    days = [m.day for m in new if m.day >= 0]
    if not days:
        return "", []
    lo, hi = date.fromordinal(min(days) - 31), date.fromordinal(max(days) + 31)
    countries = sorted({m.country for m in new if m.country})
    placeless = sorted({m.type for m in new if m.type in PLACELESS_TYPES})
    where = ("(coalesce(e.date, a.published_date) BETWEEN ? AND ? OR e.date_precision = 'year') "
             "AND (e.country IN (SELECT unnest(?::VARCHAR[])) OR e.country IS NULL "
             "OR e.type IN (SELECT unnest(?::VARCHAR[])))")
    return where, [lo, hi, countries, placeless]


@dataclass
class UpdateResult:
    articles: int = 0
    mentions: int = 0
    components_touched: int = 0
    resolved_events: int = 0

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def update(store: Store, article_ids: Iterable[str]) -> UpdateResult:
    """Fold these articles' (new or re-extracted) events into the resolved layer."""
    ids = sorted(set(article_ids))
    result = UpdateResult(articles=len(ids))
    if not ids:
        return result
    with store.transaction() as con:
        roots = source_roots(con)
        new = load_mentions(con, "e.article_id IN (SELECT unnest(?::VARCHAR[]))", [ids], roots)
        touched = {r[0] for r in con.execute(
            "SELECT DISTINCT component FROM event_mentions "
            "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()}
        where, params = _window_params(new)
        if where:
            nearby = load_mentions(
                con, where + " AND e.article_id NOT IN (SELECT unnest(?::VARCHAR[])) "
                "AND e.id IN (SELECT event_id FROM event_mentions)", params + [ids], roots)
            index = BlockIndex(nearby)
            hit = sorted({c.id for m in new for c in index.candidates(m) if match(m, c) is not None})
            if hit:
                touched |= {r[0] for r in con.execute(
                    "SELECT DISTINCT component FROM event_mentions "
                    "WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [hit]).fetchall()}
        comps = sorted(touched)
        members = list(new)
        if comps:
            members += load_mentions(
                con, "e.id IN (SELECT event_id FROM event_mentions WHERE component IN "
                "(SELECT unnest(?::VARCHAR[]))) AND e.article_id NOT IN (SELECT unnest(?::VARCHAR[]))",
                [comps, ids], roots)
            con.execute("DELETE FROM resolved_events WHERE component IN (SELECT unnest(?::VARCHAR[]))",
                        [comps])
            con.execute("DELETE FROM event_mentions WHERE component IN (SELECT unnest(?::VARCHAR[]))",
                        [comps])
        con.execute("DELETE FROM event_mentions WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        rows, mrows, n_comps = resolve_mentions(members)
        _insert(con, "resolved_events", RESOLVED_COLUMNS, rows)
        _insert(con, "event_mentions", MENTION_COLUMNS, mrows)
    result.mentions = len(new)
    result.components_touched = n_comps
    result.resolved_events = len(rows)
    return result


def rebuild(store: Store) -> UpdateResult:
    """Resolve every stored event from scratch (same result as folding articles in one by one)."""
    with store.transaction() as con:
        con.execute("DELETE FROM resolved_events")
        con.execute("DELETE FROM event_mentions")
    ids = [r[0] for r in store.con.execute("SELECT DISTINCT article_id FROM events ORDER BY 1").fetchall()]
    return update(store, ids)
