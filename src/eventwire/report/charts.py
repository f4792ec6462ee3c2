"""Static figures for the sitrep, rendered offline with matplotlib (Agg): a map of events over
Natural Earth country shapes and a per-day timeline of events by type."""
from __future__ import annotations

import io
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Optional, Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.dates as mdates  # noqa: E402
from matplotlib.collections import PolyCollection  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from . import basemap  # noqa: E402

PALETTE = ["#d62728", "#ff7f0e", "#9467bd", "#2ca02c", "#8c564b", "#1f77b4", "#e377c2",
           "#17becf", "#bcbd22", "#7f7f7f"]
MAX_SERIES = 9   # more colours than this cannot be told apart; the rest become "other types"


@dataclass(frozen=True)
class MapPoint:
    lon: float
    lat: float
    type: str


def _png(fig, fmt: str = "png") -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, dpi=110, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def _top_types(types: Iterable[str]) -> list[str]:
    return [t for t, _ in Counter(types).most_common(MAX_SERIES)]


def _core(values: Sequence, share: float = 0.96) -> tuple:
    """The range holding the central ``share`` of values: one event dated 1989 or placed in
    Texas by a bad geocode must not squash every other into a corner of the figure."""
    v = sorted(values)
    if len(v) < 20:
        return v[0], v[-1]
    cut = int(len(v) * (1 - share) / 2)
    return v[cut], v[-1 - cut]


def _extent(points: Sequence[MapPoint], min_span: float = 6.0) -> tuple[float, float, float, float]:
    """A frame around where most events are: centred on the median point, wide enough for
    85% of them (a statement placed in Washington must not zoom a war map out to the globe)."""
    if not points:
        return (-180.0, 180.0, -60.0, 85.0)
    lons = sorted(p.lon for p in points)
    lats = sorted(p.lat for p in points)
    cx, cy = lons[len(lons) // 2], lats[len(lats) // 2]
    reach = sorted(max(abs(p.lon - cx), abs(p.lat - cy)) for p in points)
    half = max(reach[min(len(reach) - 1, int(len(reach) * 0.85))] * 1.15 + 1, min_span / 2)
    return (max(cx - half * 1.4, -180), min(cx + half * 1.4, 180), max(cy - half, -85), min(cy + half, 85))


def render_map(points: Sequence[MapPoint], focus_iso3: Optional[str] = None,
               title: str = "", fmt: str = "png") -> tuple[bytes, Optional[str]]:
    """The map as image bytes, and a note when the offline base layer could not be drawn."""
    x0, x1, y0, y1 = _extent(points)
    aspect = 1.0 / max(0.2, math.cos(math.radians((y0 + y1) / 2)))
    height = min(7.0, max(3.0, 6.0 * (y1 - y0) * aspect / max(x1 - x0, 1e-6)))
    fig, ax = plt.subplots(figsize=(8.0, height))
    ax.set_facecolor("#d6e6f2")
    note = None
    try:
        shapes = basemap.countries("50m")
    except basemap.BasemapMissing as exc:
        shapes, note = [], str(exc)
    focus = basemap.iso3_numeric(focus_iso3) if focus_iso3 else None
    plain, focused = [], []
    for feat in shapes:
        rings = []
        for poly in feat["polygons"]:
            for ring in poly:
                ring = basemap.unwrap(ring)
                rings.append(ring)
                lons = [p[0] for p in ring]
                if max(lons) > 180 or min(lons) < -180:   # the part past the antimeridian
                    shift = -360 if max(lons) > 180 else 360
                    rings.append([(x + shift, y) for x, y in ring])
        (focused if focus is not None and feat["id"] == focus else plain).extend(rings)
    ax.add_collection(PolyCollection(plain, facecolors="#f2efe6", edgecolors="#8a99a8", linewidths=0.4))
    if focused:
        ax.add_collection(PolyCollection(focused, facecolors="#fbf6e3", edgecolors="#44546a", linewidths=0.9))
    top = _top_types(p.type for p in points)
    colours = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(top)}
    groups: dict[str, list[MapPoint]] = defaultdict(list)
    for p in points:
        groups[p.type if p.type in colours else "other types"].append(p)
    for name in top + (["other types"] if "other types" in groups else []):
        pts = groups[name]
        ax.scatter([p.lon for p in pts], [p.lat for p in pts], s=26, alpha=0.85, zorder=3,
                   color=colours.get(name, "#555555"), edgecolors="#222", linewidths=0.4,
                   label=f"{name.replace('_', ' ')} ({len(pts)})")
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect(aspect)
    ax.tick_params(labelsize=7)
    if points:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, frameon=False)
    outside = sum(1 for p in points if not (x0 <= p.lon <= x1 and y0 <= p.lat <= y1))
    ax.set_title((title or f"{len(points)} located events")
                 + (f" ({outside} outside this frame)" if outside else ""), fontsize=10)
    fig.text(0.99, 0.005, "Base map: Natural Earth (world-atlas)", ha="right", fontsize=6, color="#555")
    return _png(fig, fmt), note


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _bin(d: date, weekly: bool) -> date:
    return d - timedelta(days=d.weekday()) if weekly else d


def render_timeline(dated_types: Sequence[tuple[date, str]], title: str = "",
                    fmt: str = "png") -> bytes:
    """Stacked bars: events per day (per week over long spans), one colour per type (the most
    frequent ones). Outlying dates are left out of the frame and counted in the title."""
    fig, ax = plt.subplots(figsize=(8.0, 3.0))
    if not dated_types:
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return _png(fig, fmt)
    first, last = _core([d for d, _ in dated_types])
    inside = [(d, t) for d, t in dated_types if first <= d <= last]
    weekly = (last - first).days > 120
    top = _top_types(t for _, t in inside)
    counts: dict[str, Counter] = defaultdict(Counter)
    for d, t in inside:
        counts[t if t in top else "other types"][_bin(d, weekly)] += 1
    bins = sorted({_bin(d, weekly) for d, _ in inside})
    bottom = [0] * len(bins)
    for i, name in enumerate(top + (["other types"] if "other types" in counts else [])):
        heights = [counts[name][b] for b in bins]
        ax.bar(bins, heights, bottom=bottom, width=6 if weekly else 0.85, label=name.replace("_", " "),
               color=PALETTE[i % len(PALETTE)] if name != "other types" else "#555555")
        bottom = [b + h for b, h in zip(bottom, heights)]
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_ylabel("events per week" if weekly else "events per day", fontsize=8)
    ax.tick_params(labelsize=7)
    ax.legend(fontsize=6, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    left_out = len(dated_types) - len(inside)
    default = f"Events per {'week' if weekly else 'day'} by type"
    if left_out:
        default += f" ({left_out} dated outside {first} to {last} not shown)"
    ax.set_title(title or default, fontsize=9)
    return _png(fig, fmt)
