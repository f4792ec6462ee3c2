"""A situation report from the store: headline numbers, key developments, a map, a timeline
and contested figures, as Markdown (figures as PNG files beside it) or one self-contained HTML.

All numbers come from the store's query layer (``store.queries``); nothing is recounted from
text here.
"""
from __future__ import annotations

import base64
import html
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterable, Optional

from ..store import Store
from ..store import queries as q
from ..taxonomy import EVENT_TYPES
from . import charts

KEY_DEVELOPMENTS = 25        # a sitrep is read in minutes: the most significant happenings only
HEADLINE_GROUPS = 6          # figure groups listed per quantity
HEADLINE_QUANTITIES = ("killed", "displaced")


@dataclass
class TypeCount:
    type: str
    parent: str
    events: int
    fatalities_low: int
    fatalities_best: int
    fatalities_high: int
    sources: int


@dataclass
class Claim:
    claimant: Optional[str]
    value: int
    qualifier: Optional[str]
    date: Optional[str]
    outlet: Optional[str]
    url: Optional[str]
    evidence: str


@dataclass
class FigureLine:
    quantity: str
    subject: str
    place: Optional[str]
    period: Optional[str]
    low: Optional[int]
    best: Optional[int]
    high: Optional[int]
    claims: list[Claim]
    time_series: bool = False
    best_rule: Optional[str] = None

    @property
    def claimants(self) -> list[str]:
        return list(dict.fromkeys(c.claimant or "(the outlet itself)" for c in self.claims))

    @property
    def contested(self) -> bool:
        """Different values from different claimants about the same thing (a rising toll told
        over days is a time series, not a dispute)."""
        if self.time_series:
            return False
        by_claimant = {(c.claimant or "").lower(): c.value for c in self.claims}
        return len(by_claimant) > 1 and len(set(by_claimant.values())) > 1


@dataclass
class Development:
    id: str
    date: Optional[str]
    type: str
    place: Optional[str]
    country: Optional[str]
    actors: str
    fatalities: Optional[int]
    evidence: str
    sources: list[dict]
    significance: float


@dataclass
class Sitrep:
    title: str
    scope: str
    generated: str
    level: str
    n_events: int
    n_articles: int
    date_first: Optional[str]
    date_last: Optional[str]
    by_type: list[TypeCount]
    headline: dict[str, list[FigureLine]]
    developments: list[Development]
    contested: list[FigureLine]
    map_png: bytes = field(repr=False, default=b"")
    timeline_png: bytes = field(repr=False, default=b"")
    map_note: Optional[str] = None

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("map_png")
        d.pop("timeline_png")
        for lines in list(d["headline"].values()) + [d["contested"]]:
            for line in lines:
                line["claimants"] = list(dict.fromkeys(c["claimant"] or "(the outlet itself)"
                                                       for c in line["claims"]))
        return d


# ---------------------------------------------------------------------------- building
def _has_resolved(store: Store) -> bool:
    con = store.cursor()
    try:
        return bool(con.execute("SELECT count(*) FROM (SELECT 1 FROM resolved_events LIMIT 1)").fetchone()[0])
    finally:
        con.close()


def _mention_fatalities(ev: dict) -> list[int]:
    vals = [m.get("fatalities") for m in ev.get("mentions") or []]
    vals = [v for v in vals if v is not None]
    if not vals and ev.get("fatalities") is not None:
        vals = [ev["fatalities"]]
    return vals


def count_by_type(events: Iterable[dict]) -> list[TypeCount]:
    """Per type: events, and fatalities as low/best/high — the sum over events of the lowest,
    the resolved, and the highest toll any source gave for that event."""
    acc: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    srcs: dict[str, set] = defaultdict(set)
    for ev in events:
        a = acc[ev["type"]]
        a[0] += 1
        vals = _mention_fatalities(ev)
        if vals:
            a[1] += min(vals)
            a[2] += ev["fatalities"] if ev.get("fatalities") is not None else min(vals)
            a[3] += max(vals)
        srcs[ev["type"]].update(ev.get("article_ids") or [ev.get("article_id")])
    rows = [TypeCount(t, EVENT_TYPES.get(t, "?"), a[0], a[1], a[2], a[3], len(srcs[t]))
            for t, a in acc.items()]
    return sorted(rows, key=lambda r: (-r.events, r.type))


def _subject_text(subject: dict) -> str:
    s = " ".join(v for v in (subject.get("country"), subject.get("sector")) if v)
    return s or "unspecified"


def _period_text(period: Optional[dict]) -> Optional[str]:
    if not period:
        return None
    a, b = period.get("from"), period.get("to")
    if a and b and a != b:
        return f"{a} to {b}"
    return a or b


def _claim(c: dict) -> Claim:
    art = c.get("article") or {}
    return Claim(c.get("claimant"), c["value"], c.get("qualifier"), c.get("date"),
                 art.get("outlet"), art.get("url"), (c.get("evidence") or {}).get("text", ""))


def figure_line(g: dict) -> FigureLine:
    """A figure group of the query layer as a report line; a single ungrouped figure too."""
    place = g.get("place") or {}
    claims = [_claim(c) for c in g.get("claims") or []] or [_claim(g)]
    best = g.get("best", g.get("value"))
    return FigureLine(quantity=g["quantity"], subject=_subject_text(g.get("subject") or {}),
                      place=place.get("name"), period=_period_text(g.get("period")),
                      low=g.get("low"), best=best, high=g.get("high"), claims=claims,
                      time_series=bool(g.get("time_series")), best_rule=g.get("best_rule"))


def _figure_in_scope(g: dict, flt: q.EventFilter) -> bool:
    """Figures often name who is counted but no place: "Ukrainian civilians". A country sitrep
    keeps them when the place is that country, or unsaid and the subject is of that country."""
    place = g.get("place") or {}
    if flt.country:
        c = flt.country.upper()
        if place.get("country"):
            if place["country"] != c:
                return False
        elif (g.get("subject") or {}).get("country") != c:
            return False
    if flt.place:
        names = " ".join(v for v in (place.get("name"), place.get("admin1")) if v).lower()
        if flt.place.lower() not in names:
            return False
    return True


def _significance(ev: dict) -> float:
    sources = ev.get("source_count") or len(ev.get("article_ids") or []) or 1
    return (ev.get("fatalities") or 0) * 1.0 + 3.0 * sources + 2.0 * (ev.get("confidence") or 0)


def _actors(ev: dict) -> str:
    def one(a: Optional[dict]) -> str:
        if not a:
            return ""
        return a.get("name") or " ".join(v for v in (a.get("country"), a.get("sector")) if v and v != "unknown")
    return " → ".join(x for x in (one(ev.get("actor1")), one(ev.get("actor2"))) if x)


def development(ev: dict) -> Development:
    loc = ev.get("location") or {}
    sources = ev.get("sources") or []
    if not sources:
        sources = [{k: m.get(k) for k in ("article_id", "title", "outlet", "url", "published")}
                   for m in ev.get("mentions") or []][:1]
    return Development(ev["id"], ev.get("date"), ev["type"], loc.get("name"), loc.get("country"),
                       _actors(ev), ev.get("fatalities"), (ev.get("evidence") or {}).get("text", ""),
                       sources, _significance(ev))


def _article_count(store: Store, events: list[dict], figures: list[dict]) -> int:
    ids = {a for ev in events for a in (ev.get("article_ids") or [ev.get("article_id")]) if a}
    ids |= {c.get("article_id") for g in figures for c in (g.get("claims") or [g]) if c.get("article_id")}
    return len(ids)


def _scope_text(flt: q.EventFilter) -> str:
    parts = []
    if flt.country:
        parts.append(f"country {flt.country.upper()}")
    if flt.place:
        parts.append(f"place “{flt.place}”")
    if flt.since or flt.until:
        parts.append(f"{flt.since or '…'} to {flt.until or '…'}")
    return ", ".join(parts) or "all events in the store"


def _title(flt: q.EventFilter) -> str:
    where = flt.place or (_country_name(flt.country) if flt.country else None)
    return f"Situation report — {where}" if where else "Situation report"


def _country_name(iso3: str) -> str:
    import pycountry
    c = pycountry.countries.get(alpha_3=iso3.upper())
    return getattr(c, "common_name", None) or (c.name if c else iso3.upper())


def build_sitrep(store: Store, flt: Optional[q.EventFilter] = None, with_figures: bool = True) -> Sitrep:
    flt = flt or q.EventFilter()
    resolved = _has_resolved(store)
    events = list(q.iter_events(store, flt, resolved=resolved))
    fig_flt = q.EventFilter(since=flt.since, until=flt.until)
    groups = list(q.iter_figures(store, fig_flt, grouped=True))
    if not groups:
        # Before figures are reconciled, each stated number stands alone.
        groups = list(q.iter_figures(store, fig_flt, grouped=False))
    groups = [g for g in groups if _figure_in_scope(g, flt)]

    headline: dict[str, list[FigureLine]] = {}
    for quantity in HEADLINE_QUANTITIES:
        lines = [figure_line(g) for g in groups if g["quantity"] == quantity]
        headline[quantity] = sorted(lines, key=lambda l: -(l.best or 0))[:HEADLINE_GROUPS]
    contested = sorted((l for l in map(figure_line, groups) if l.contested),
                       key=lambda l: (l.quantity, -(l.best or 0)))

    devs = [development(e) for e in events]
    top = sorted(devs, key=lambda d: -d.significance)[:KEY_DEVELOPMENTS]
    top.sort(key=lambda d: (d.date or "9999", -d.significance))
    dates = sorted(e["date"] for e in events if e.get("date"))

    report = Sitrep(
        title=_title(flt), scope=_scope_text(flt),
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        level="resolved events" if resolved else "event mentions (not yet resolved)",
        n_events=len(events), n_articles=_article_count(store, events, groups),
        date_first=dates[0] if dates else None, date_last=dates[-1] if dates else None,
        by_type=count_by_type(events), headline=headline, developments=top, contested=contested)
    if with_figures:
        points = [charts.MapPoint(e["location"]["lon"], e["location"]["lat"], e["type"])
                  for e in events if e.get("location") and e["location"].get("lat") is not None
                  and e["location"].get("lon") is not None]
        report.map_png, report.map_note = charts.render_map(points, flt.country,
                                                            f"{len(points)} located events")
        report.timeline_png = charts.render_timeline(
            [(date.fromisoformat(e["date"][:10]), e["type"]) for e in events if e.get("date")])
    return report


# ---------------------------------------------------------------------------- rendering
def _n(v: Optional[int]) -> str:
    return "–" if v is None else f"{v:,}"


def _lbh(line: FigureLine) -> tuple[str, str, str]:
    return _n(line.low), _n(line.best), _n(line.high)


def _claims_text(line: FigureLine) -> str:
    return "; ".join(f"{c.claimant or '(outlet)'}: {_n(c.value)}" + (f" ({c.date})" if c.date else "")
                     for c in line.claims)


def _label(t: str) -> str:
    return t.replace("_", " ")


def _md_escape(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def _src_md(s: dict) -> str:
    name = s.get("outlet") or s.get("title") or s.get("article_id") or "source"
    return f"[{_md_escape(name)}]({s['url']})" if s.get("url") else _md_escape(name)


def render_markdown(r: Sitrep, figures: Optional[tuple[str, str]] = None) -> str:
    """Markdown; ``figures`` gives the relative paths of the map and timeline PNGs written
    beside it (None: the PNGs are embedded as data URIs)."""
    if figures:
        map_ref, tl_ref = figures
    else:
        map_ref = "data:image/png;base64," + base64.b64encode(r.map_png).decode()
        tl_ref = "data:image/png;base64," + base64.b64encode(r.timeline_png).decode()
    out = [f"# {r.title}", "",
           f"*Scope: {r.scope}. Period covered by events: {r.date_first or '–'} to {r.date_last or '–'}. "
           f"Generated {r.generated} from {r.n_events:,} {r.level} in {r.n_articles:,} articles.*", "",
           "## Headline numbers", "",
           "### Events by type", "",
           "| type | ACLED parent | events | fatalities low | best | high | articles |",
           "|---|---|---:|---:|---:|---:|---:|"]
    for t in r.by_type:
        out.append(f"| {_label(t.type)} | {t.parent} | {t.events} | {_n(t.fatalities_low)} | "
                   f"{_n(t.fatalities_best)} | {_n(t.fatalities_high)} | {t.sources} |")
    if r.by_type:
        tot = [sum(getattr(t, k) for t in r.by_type) for k in
               ("events", "fatalities_low", "fatalities_best", "fatalities_high")]
        out.append(f"| **all** | | **{tot[0]}** | **{_n(tot[1])}** | **{_n(tot[2])}** | **{_n(tot[3])}** | |")
    for quantity, lines in r.headline.items():
        out += ["", f"### {quantity.capitalize()} (stated figures)", ""]
        if not lines:
            out.append(f"No {quantity} figures in scope.")
            continue
        out += ["| who | place | period | low | best | high | claimants |", "|---|---|---|---:|---:|---:|---|"]
        for l in lines:
            lo, be, hi = _lbh(l)
            out.append(f"| {_md_escape(l.subject)} | {_md_escape(l.place or '–')} | {l.period or '–'} | "
                       f"{lo} | {be} | {hi} | {_md_escape(_claims_text(l))} |")
    out += ["", "## Map", "", f"![Map of located events]({map_ref})"]
    if r.map_note:
        out += ["", f"*{r.map_note}*"]
    out += ["", "## Timeline", "", f"![Events per day by type]({tl_ref})", "",
            "## Key developments", ""]
    if not r.developments:
        out.append("No events in scope.")
    for d in r.developments:
        where = ", ".join(v for v in (d.place, d.country) if v) or "place not stated"
        killed = f"; {d.fatalities:,} killed" if d.fatalities else ""
        actors = f" ({_md_escape(d.actors)})" if d.actors else ""
        srcs = ", ".join(_src_md(s) for s in d.sources) or "–"
        out.append(f"- **{d.date or 'undated'}** — {_label(d.type)} in {_md_escape(where)}{actors}{killed}. "
                   f"“{_md_escape(d.evidence)}” — {srcs}")
    out += ["", "## Contested figures", ""]
    if not r.contested:
        out.append("No figure in scope is stated differently by different claimants.")
    else:
        out += ["| quantity | who | period | low | best | high | claims |", "|---|---|---|---:|---:|---:|---|"]
        for l in r.contested:
            lo, be, hi = _lbh(l)
            out.append(f"| {l.quantity} | {_md_escape(l.subject)} | {l.period or '–'} | {lo} | {be} | {hi} | "
                       f"{_md_escape(_claims_text(l))} |")
    return "\n".join(out) + "\n"


_CSS = """body{font:14px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2329;max-width:980px;margin:24px auto;padding:0 16px}
h1{font-size:24px;margin-bottom:4px}h2{border-bottom:2px solid #1f2d3d;padding-bottom:2px;margin-top:28px}
.meta{color:#555}table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef1f4}td.n{text-align:right;font-variant-numeric:tabular-nums}img{max-width:100%}
.kpis{display:flex;gap:12px;flex-wrap:wrap}.kpi{background:#f2f4f7;border-radius:6px;padding:8px 14px}.kpi b{font-size:22px;display:block}
ul.dev li{margin-bottom:8px}q{font-style:italic;color:#333}.note{color:#a33}"""


def _e(s: object) -> str:
    return html.escape("" if s is None else str(s))


def _src_html(s: dict) -> str:
    name = _e(s.get("outlet") or s.get("title") or s.get("article_id") or "source")
    return f'<a href="{_e(s["url"])}">{name}</a>' if s.get("url") else name


def _img(png: bytes, alt: str) -> str:
    return f'<img alt="{_e(alt)}" src="data:image/png;base64,{base64.b64encode(png).decode()}">'


def render_html(r: Sitrep) -> str:
    """One self-contained HTML file: styles inline, figures embedded, no external requests."""
    killed = r.headline.get("killed") or []
    displaced = r.headline.get("displaced") or []
    kpis = [("events", f"{r.n_events:,}"), ("articles", f"{r.n_articles:,}"),
            ("fatalities in events (best)", _n(sum(t.fatalities_best for t in r.by_type)))]
    if killed:
        kpis.append(("largest stated death toll", _n(killed[0].best)))
    if displaced:
        kpis.append(("largest stated displacement", _n(displaced[0].best)))
    h = ["<!doctype html><html lang='en'><head><meta charset='utf-8'>",
         f"<title>{_e(r.title)}</title><style>{_CSS}</style></head><body>",
         f"<h1>{_e(r.title)}</h1>",
         f"<p class='meta'>Scope: {_e(r.scope)}. Events dated {_e(r.date_first or '–')} to {_e(r.date_last or '–')}. "
         f"Generated {_e(r.generated)} from {r.n_events:,} {_e(r.level)} in {r.n_articles:,} articles.</p>",
         "<div class='kpis'>" + "".join(f"<div class='kpi'><b>{v}</b>{_e(k)}</div>" for k, v in kpis) + "</div>",
         "<h2>Headline numbers</h2><h3>Events by type</h3>",
         "<table id='by-type'><tr><th>type</th><th>ACLED parent</th><th>events</th><th>fatalities low</th>"
         "<th>best</th><th>high</th><th>articles</th></tr>"]
    for t in r.by_type:
        h.append(f"<tr data-type='{_e(t.type)}'><td>{_e(_label(t.type))}</td><td>{_e(t.parent)}</td>"
                 f"<td class='n'>{t.events}</td><td class='n'>{_n(t.fatalities_low)}</td>"
                 f"<td class='n'>{_n(t.fatalities_best)}</td><td class='n'>{_n(t.fatalities_high)}</td>"
                 f"<td class='n'>{t.sources}</td></tr>")
    h.append("</table>")
    for quantity, lines in r.headline.items():
        h.append(f"<h3>{_e(quantity.capitalize())} (stated figures)</h3>")
        if not lines:
            h.append(f"<p>No {_e(quantity)} figures in scope.</p>")
            continue
        h.append(f"<table class='figures' data-quantity='{_e(quantity)}'><tr><th>who</th><th>place</th><th>period</th>"
                 "<th>low</th><th>best</th><th>high</th><th>claimants</th></tr>")
        for l in lines:
            lo, be, hi = _lbh(l)
            h.append(f"<tr><td>{_e(l.subject)}</td><td>{_e(l.place or '–')}</td><td>{_e(l.period or '–')}</td>"
                     f"<td class='n'>{lo}</td><td class='n'>{be}</td><td class='n'>{hi}</td>"
                     f"<td>{_e(_claims_text(l))}</td></tr>")
        h.append("</table>")
    h += ["<h2>Map</h2>", _img(r.map_png, "Map of located events")]
    if r.map_note:
        h.append(f"<p class='note'>{_e(r.map_note)}</p>")
    h += ["<h2>Timeline</h2>", _img(r.timeline_png, "Events per day by type"),
          "<h2>Key developments</h2>"]
    if not r.developments:
        h.append("<p>No events in scope.</p>")
    h.append("<ul class='dev'>")
    for d in r.developments:
        where = ", ".join(v for v in (d.place, d.country) if v) or "place not stated"
        killed_txt = f"; {d.fatalities:,} killed" if d.fatalities else ""
        actors = f" ({_e(d.actors)})" if d.actors else ""
        srcs = ", ".join(_src_html(s) for s in d.sources) or "–"
        h.append(f"<li><b>{_e(d.date or 'undated')}</b> — {_e(_label(d.type))} in {_e(where)}{actors}{killed_txt}. "
                 f"<q>{_e(d.evidence)}</q> — {srcs}</li>")
    h += ["</ul>", "<h2>Contested figures</h2>"]
    if not r.contested:
        h.append("<p>No figure in scope is stated differently by different claimants.</p>")
    else:
        h.append("<table id='contested'><tr><th>quantity</th><th>who</th><th>period</th><th>low</th><th>best</th>"
                 "<th>high</th><th>claims</th></tr>")
        for l in r.contested:
            lo, be, hi = _lbh(l)
            h.append(f"<tr><td>{_e(l.quantity)}</td><td>{_e(l.subject)}</td><td>{_e(l.period or '–')}</td>"
                     f"<td class='n'>{lo}</td><td class='n'>{be}</td><td class='n'>{hi}</td>"
                     f"<td>{_e(_claims_text(l))}</td></tr>")
        h.append("</table>")
    h.append("<p class='meta'>Base map: Natural Earth (world-atlas). Every number links back to the "
             "sentences it came from in the store (GET /events/{id}, /figures).</p></body></html>")
    return "\n".join(h)


def write_sitrep(r: Sitrep, out: Path) -> list[Path]:
    """Write ``out`` (.md or .html); for Markdown the PNGs go beside it. Returns the files."""
    suffix = out.suffix.lower()
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix in (".html", ".htm"):
        out.write_text(render_html(r), encoding="utf-8")
        return [out]
    if suffix in (".md", ".markdown"):
        map_path = out.with_name(out.stem + "-map.png")
        tl_path = out.with_name(out.stem + "-timeline.png")
        map_path.write_bytes(r.map_png)
        tl_path.write_bytes(r.timeline_png)
        out.write_text(render_markdown(r, (map_path.name, tl_path.name)), encoding="utf-8")
        return [out, map_path, tl_path]
    raise ValueError(f"{out}: the report's file name must end in .md or .html.")
