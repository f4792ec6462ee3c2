"""Offline base map for static figures: Natural Earth country shapes from npm ``world-atlas``.

The TopoJSON is decoded here (arcs are delta-encoded and quantized; polygons reference arcs by
index, a negative index ``~i`` meaning arc ``i`` reversed) so no map service or extra package is
needed at run time.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

Ring = list[tuple[float, float]]

_PKG = Path(__file__).resolve().parent.parent
_REPO = _PKG.parent.parent
# Where `make -C web install` copies it, then the npm install folder itself.
SEARCH_DIRS = (_PKG / "serve" / "static" / "vendor" / "world-atlas",
               _REPO / "web" / "node_modules" / "world-atlas")


class BasemapMissing(RuntimeError):
    pass


def find_atlas(resolution: str = "50m") -> Path:
    """Path of ``countries-<resolution>.json``; raises BasemapMissing with what to run."""
    name = f"countries-{resolution}.json"
    for folder in SEARCH_DIRS:
        if (folder / name).is_file():
            return folder / name
    raise BasemapMissing(
        f"{name} (npm package world-atlas) not found in {', '.join(map(str, SEARCH_DIRS))}; "
        "run `make install` (or `make -C web install`) to fetch the front-end assets")


def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    transform = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            pts = []
            for dx, dy in arc:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [(float(p[0]), float(p[1])) for p in arc]
        arcs.append(pts)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indices: list[int]) -> Ring:
    out: Ring = []
    for i in indices:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        # Consecutive arcs share their joining point: keep it once.
        out.extend(pts[1:] if out else pts)
    return out


def unwrap(ring: Ring) -> Ring:
    """Longitudes made continuous: a ring crossing the antimeridian (Chukotka, Fiji) otherwise
    draws a stroke across the whole map. The result may run past 180 degrees."""
    out: Ring = []
    shift = 0.0
    prev = None
    for lon, lat in ring:
        if prev is not None:
            if lon + shift - prev > 180:
                shift -= 360
            elif lon + shift - prev < -180:
                shift += 360
        prev = lon + shift
        out.append((prev, lat))
    return out


def _polygons(geom: dict, arcs) -> Iterator[list[Ring]]:
    kind = geom.get("type")
    if kind == "Polygon":
        yield [_ring(arcs, r) for r in geom["arcs"]]
    elif kind == "MultiPolygon":
        for poly in geom["arcs"]:
            yield [_ring(arcs, r) for r in poly]


def decode_topojson(topo: dict, object_name: str) -> list[dict]:
    """Features of one TopoJSON object as ``{"id", "name", "polygons": [[ring, ...], ...]}``
    with rings in lon/lat."""
    arcs = _decode_arcs(topo)
    obj = topo["objects"][object_name]
    geoms = obj["geometries"] if obj.get("type") == "GeometryCollection" else [obj]
    return [{"id": g.get("id"), "name": (g.get("properties") or {}).get("name"),
             "polygons": list(_polygons(g, arcs))} for g in geoms]


@lru_cache(maxsize=2)
def countries(resolution: str = "50m") -> list[dict]:
    path = find_atlas(resolution)
    return decode_topojson(json.loads(path.read_text()), "countries")


def iso3_numeric(iso3: str) -> Optional[str]:
    """world-atlas ids are ISO 3166 numeric codes ("804" for UKR)."""
    import pycountry
    c = pycountry.countries.get(alpha_3=iso3.upper())
    return c.numeric if c else None
