"""Figure reconciliation: every stated number kept as a claim, grouped by what it counts.

A group is one quantity about one subject (country + sector), at one place (admin1, else the
place name, else the country) over one period (its start; a single-event toll starts and ends on
the event's day). For each group: low / best / high, and the rule that chose best:

* claims rising with the date they were stated form a *time series* (a toll that grows is not a
  conflict): best comes from the latest statements, the most authoritative claimant among them;
* otherwise best is the most recent claim of the most authoritative claimant type:
  international body > official source > party to the conflict / unknown > media.

Groups are a pure function of their claims, so ``update`` (recompute the groups an article's
figures fall in) gives the same groups as ``rebuild``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Optional, Sequence

from ..evaluate.normalize import admin1_key, fold, place_tokens
from ..store import Store
from .events import _insert, short_hash

AUTHORITY = {"international": 4, "official": 3, "party": 2, "unknown": 2, "media": 1}

_INTERNATIONAL = re.compile(
    r"\b(un|u\.n\.|united nations|unhcr|ohchr|unicef|who|world health|icrc|red cross|red crescent|"
    r"iaea|osce|iom|ocha|wfp|amnesty|human rights watch|hrw|high commissioner|monitoring mission|"
    r"world bank|international organi[sz]ation|european union|eu)\b")
_PARTY = re.compile(
    r"\b(military|army|armed forces|defen[cs]e ministry|ministry of defen[cs]e|general staff|"
    r"general|commander|spokes(?:man|woman|person) for the (?:army|military)|militants?|rebels?|"
    r"insurgents?|separatists?|taliban|al-shabab|hamas|hezbollah|isis|islamic state|bla|"
    r"liberation army|wagner|kremlin|moscow|kyiv|troops|forces|fighters|the group)\b")
_OFFICIAL = re.compile(
    r"\b(officials?|authorit(?:y|ies)|ministry|minister|government|governor|mayor|president|"
    r"prime minister|ombudsman|ombudsperson|prosecutors?|police|emergency services?|"
    r"health (?:ministry|department|officials)|administration|council|spokes(?:man|woman|person)|"
    r"office|agency|state media|hospital)\b")
_MEDIA = re.compile(r"\b(media|reporters?|correspondents?|journalists?|newspaper|outlet|voa|bbc|"
                    r"reuters|ap|afp|guardian|tass|ria|witness(?:es)?|residents?|social media)\b")


def claimant_type(claimant: Optional[str], context: Optional[str] = None) -> str:
    """international | official | party | media | unknown, from the claimant's words, else from
    the words around the name in the evidence ("ombudsman Lyudmyla Denysova said")."""
    if not claimant:
        return "media"          # stated in the outlet's own voice
    kind = _kind_of(fold(claimant))
    if kind == "unknown" and context:
        ctx = fold(context)
        at = ctx.find(fold(claimant))
        if at >= 0:
            before = " ".join(ctx[:at].split()[-5:])
            after = ctx[at + len(claimant):].split(" said")[0][:60]
            kind = _kind_of(before + " " + after)
    return kind


def _kind_of(text: str) -> str:
    if _INTERNATIONAL.search(text):
        return "international"
    if _PARTY.search(text):
        return "party"
    if _OFFICIAL.search(text):
        return "official"
    if _MEDIA.search(text):
        return "media"
    return "unknown"


@dataclass
class Claim:
    figure_id: str
    article_id: str
    quantity: str
    value: int
    low: int
    high: int
    qualifier: str
    subject_country: Optional[str]
    subject_sector: Optional[str]
    place_name: Optional[str]
    admin1: Optional[str]
    country: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    period_from: Optional[date]
    period_to: Optional[date]
    claimant: Optional[str]
    stated: Optional[date]
    confidence: float
    evidence_text: str = ""

    @property
    def kind(self) -> str:
        return claimant_type(self.claimant, self.evidence_text)


def place_key(c: Claim) -> str:
    if c.admin1:
        return "a:" + admin1_key(c.admin1)
    toks = place_tokens(c.place_name)
    if toks and fold(c.place_name or "") != fold(c.country or "-"):
        return "n:" + " ".join(toks)
    return "c:" + (c.country or "")


def group_key(c: Claim) -> str:
    period = c.period_from or c.period_to or c.stated
    return "|".join([c.quantity, c.subject_country or "", c.subject_sector or "",
                     place_key(c), period.isoformat() if period else ""])


_CLAIM_SQL = """
SELECT f.id, f.article_id, f.quantity, f.value, coalesce(f.low, f.value), coalesce(f.high, f.value),
       f.qualifier, f.subject_country, f.subject_sector, f.place_name, f.admin1, f.country, f.lat,
       f.lon, f.period_from, f.period_to, f.claimant, coalesce(f.stated_date, a.published_date),
       f.confidence, f.evidence_text
FROM figures f LEFT JOIN articles a ON a.id = f.article_id
"""


def load_claims(con, where: str = "true", params: Sequence = ()) -> list[Claim]:
    rows = con.execute(_CLAIM_SQL + " WHERE " + where + " ORDER BY f.id", list(params)).fetchall()
    return [Claim(*r[:18], confidence=r[18] if r[18] is not None else 0.5, evidence_text=r[19] or "")
            for r in rows]


def _is_series(claims: Sequence[Claim]) -> bool:
    """Two or more statement dates, the toll never falls from one date to the next, and rises."""
    by_day: dict[date, list[int]] = {}
    for c in claims:
        if c.stated:
            by_day.setdefault(c.stated, []).append(c.value)
    if len(by_day) < 2:
        return False
    days = sorted(by_day)
    for d0, d1 in zip(days, days[1:]):
        if min(by_day[d1]) < max(by_day[d0]):
            return False
    return max(by_day[days[-1]]) > min(by_day[days[0]])


def reconcile(claims: Sequence[Claim]) -> dict:
    """low / best / high of one group, which claim is best and the rule that chose it."""
    series = _is_series(claims)
    if series:
        latest = max(c.stated for c in claims if c.stated)
        current = [c for c in claims if c.stated and (latest - c.stated).days <= 1]
        best = max(current, key=lambda c: (AUTHORITY[c.kind], c.stated, c.value, c.figure_id))
        rule = (f"time series: the toll rises over {len({c.stated for c in claims if c.stated})} "
                f"statement dates; best is the latest ({best.stated.isoformat()}) from the most "
                f"authoritative claimant then ({best.kind}: {best.claimant or 'the outlet'})")
    else:
        current = list(claims)
        top = max(AUTHORITY[c.kind] for c in claims)
        pool = [c for c in claims if AUTHORITY[c.kind] == top]
        best = max(pool, key=lambda c: (c.stated or date.min, c.value, c.figure_id))
        if len(claims) == 1:
            rule = "single claim"
        elif len({c.value for c in claims}) == 1:
            rule = f"all {len(claims)} claims agree"
        else:
            rule = (f"claims differ: most authoritative claimant type ({best.kind}: "
                    f"{best.claimant or 'the outlet'}), most recent "
                    f"({best.stated.isoformat() if best.stated else 'undated'})")
    low = min(min(c.low, c.value) for c in current)
    high = max(max(c.high, c.value) for c in current)
    return {"best": best, "low": low, "high": high, "rule": rule, "series": series}


GROUP_COLUMNS = ("id", "group_key", "quantity", "subject_country", "subject_sector", "place_name",
                 "admin1", "country", "lat", "lon", "period_from", "period_to", "low", "best",
                 "high", "best_figure_id", "best_rule", "time_series", "claim_count",
                 "first_stated", "last_stated", "confidence")
CLAIM_COLUMNS = ("figure_id", "group_id", "article_id", "value", "low", "high", "qualifier",
                 "claimant", "claimant_type", "stated_date", "role")


def group_rows(key: str, claims: Sequence[Claim]) -> tuple[tuple, list[tuple]]:
    r = reconcile(claims)
    best: Claim = r["best"]
    gid = short_hash("g", key)
    # The place shown is the most specific one a claim gives.
    place = min(claims, key=lambda c: (c.place_name is None, c.lat is None, c.figure_id))
    stated = [c.stated for c in claims if c.stated]
    tos = [c.period_to for c in claims if c.period_to]
    row = (gid, key, best.quantity, best.subject_country, best.subject_sector, place.place_name,
           place.admin1, place.country, place.lat, place.lon,
           min((c.period_from for c in claims if c.period_from), default=None),
           max(tos) if tos else None, r["low"], best.value, r["high"], best.figure_id, r["rule"],
           r["series"], len(claims), min(stated) if stated else None,
           max(stated) if stated else None, max(c.confidence for c in claims))
    claim_rows = [(c.figure_id, gid, c.article_id, c.value, c.low, c.high, c.qualifier, c.claimant,
                   c.kind, c.stated, "best" if c.figure_id == best.figure_id else "claim")
                  for c in claims]
    return row, claim_rows


def resolve_claims(claims: Iterable[Claim]) -> tuple[list[tuple], list[tuple]]:
    groups: dict[str, list[Claim]] = {}
    for c in claims:
        groups.setdefault(group_key(c), []).append(c)
    rows, crows = [], []
    for key in sorted(groups):
        row, cr = group_rows(key, sorted(groups[key], key=lambda c: c.figure_id))
        rows.append(row)
        crows.extend(cr)
    return rows, crows


def update(store: Store, article_ids: Iterable[str]) -> int:
    """Regroup the figures of these articles (and every group they fall into)."""
    ids = sorted(set(article_ids))
    if not ids:
        return 0
    with store.transaction() as con:
        new = load_claims(con, "f.article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        keys = {group_key(c) for c in new}
        keys |= {r[0] for r in con.execute(
            "SELECT DISTINCT g.group_key FROM figure_claims c JOIN figure_groups g ON g.id = c.group_id "
            "WHERE c.article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()}
        gids = [short_hash("g", k) for k in sorted(keys)]
        others = load_claims(
            con, "f.id IN (SELECT figure_id FROM figure_claims WHERE group_id IN "
            "(SELECT unnest(?::VARCHAR[]))) AND f.article_id NOT IN (SELECT unnest(?::VARCHAR[]))",
            [gids, ids])
        con.execute("DELETE FROM figure_claims WHERE group_id IN (SELECT unnest(?::VARCHAR[])) "
                    "OR article_id IN (SELECT unnest(?::VARCHAR[]))", [gids, ids])
        con.execute("DELETE FROM figure_groups WHERE id IN (SELECT unnest(?::VARCHAR[]))", [gids])
        rows, crows = resolve_claims(new + others)
        _insert(con, "figure_groups", GROUP_COLUMNS, rows)
        _insert(con, "figure_claims", CLAIM_COLUMNS, crows)
    return len(rows)


def rebuild(store: Store) -> int:
    with store.transaction() as con:
        con.execute("DELETE FROM figure_claims")
        con.execute("DELETE FROM figure_groups")
    ids = [r[0] for r in store.con.execute("SELECT DISTINCT article_id FROM figures ORDER BY 1").fetchall()]
    return update(store, ids)
