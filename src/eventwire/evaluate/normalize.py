"""Comparisons the scorer needs: place names, admin1, countries, claimants, evidence overlap.

Every comparison is symmetric and forgiving of spelling, never of meaning: the same place
spelt the Russian or the Ukrainian way matches, two different places do not.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Optional

from rapidfuzz.distance import Levenshtein

# Russian-era or English exonyms whose spelling no general rule maps onto the current
# transliteration. Keys and values are single lowercase ascii tokens.
EXONYMS: dict[str, str] = {
    "kiev": "kyiv", "kyev": "kyiv", "kiyev": "kyiv",
    "kharkov": "kharkiv",
    "nikolaev": "mykolaiv", "nikolayev": "mykolaiv", "mikolaiv": "mykolaiv",
    "severodonetsk": "sievierodonetsk", "syevyerodonetsk": "sievierodonetsk",
    "odessa": "odesa",
    "zaporozhye": "zaporizhzhia", "zaporozhe": "zaporizhzhia", "zaporozhia": "zaporizhzhia",
    "zaporizhia": "zaporizhzhia", "zaporizhzhya": "zaporizhzhia",
    "lugansk": "luhansk",
    "dnepr": "dnipro", "dnipropetrovsk": "dnipro", "dnepropetrovsk": "dnipro",
    "chernigov": "chernihiv", "lvov": "lviv", "rovno": "rivne", "zhitomir": "zhytomyr",
    "irpen": "irpin", "kremenchug": "kremenchuk", "vinnitsa": "vinnytsia",
    "cherkassy": "cherkasy", "chernovtsy": "chernivtsi", "ternopol": "ternopil",
    "uzhgorod": "uzhhorod", "artemovsk": "bakhmut", "artemivsk": "bakhmut",
    "slavyansk": "sloviansk", "slaviansk": "sloviansk", "lisichansk": "lysychansk",
    "ugledar": "vuhledar", "avdeevka": "avdiivka", "avdeyevka": "avdiivka",
    "energodar": "enerhodar", "izyum": "izium", "chernobyl": "chornobyl",
    "krivoy": "kryvyi", "rog": "rih", "krym": "crimea", "krim": "crimea",
    "halab": "aleppo", "idleb": "idlib", "deraa": "daraa", "dara": "daraa",
    "raqqah": "raqqa", "rakka": "raqqa", "ezzor": "zor", "zour": "zor", "zur": "zor",
    "mawsil": "mosul", "muqdisho": "mogadishu", "beletweyne": "beledweyne",
    "belet": "beledweyne", "weyne": "",
}

# Words that say what kind of place a name is, or where within it, without naming it.
PLACE_STOPWORDS = frozenset({
    "the", "region", "regions", "oblast", "province", "provinces", "city", "district",
    "governorate", "raion", "rayon", "area", "village", "town", "of", "near", "outskirts",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern", "central", "centre", "center", "suburb", "suburbs",
    "county", "municipality", "state", "and", "in", "around", "outside",
})

# Arabic article tokens ("Deir ez-Zor", "al-Habit"): spelt in a dozen ways, never distinctive.
ARTICLE_TOKENS = frozenset({"al", "el", "ez", "ad", "as", "ar", "an", "ash", "at", "az", "ul"})

# admin1 keeps "city": Kyiv City and Kyiv Oblast are two different admin1 units.
ADMIN1_STOPWORDS = frozenset({
    "the", "oblast", "province", "region", "governorate", "state", "raion", "district",
    "county", "prefecture", "department", "municipality", "autonomous", "republic", "of",
    "avtonomna", "respublika", "wilayah", "muhafazat",
})

# Ukrainian/Russian adjectival admin1 forms: "Kharkivska oblast", "Kharkovskaya oblast".
_ADJ_SUFFIX = re.compile(r"(?:[sz]'?kaya|[sz]'?kaja|[sz]'?ka|[sz]'?kyi|[sz]'?kiy)$")

_APOSTROPHES = re.compile(r"[’'ʼ`´‘]")
_TOKEN = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lowercase ascii: accents stripped, apostrophes dropped ("Kharkivs'ka" -> "kharkivska")."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _APOSTROPHES.sub("", ascii_text).lower()


@lru_cache(maxsize=8192)
def translit_key(token: str) -> str:
    """One spelling per transliteration family: Kharkov/Kharkiv, Luhansk/Lugansk, Odesa/Odessa."""
    token = EXONYMS.get(token, token)
    s = token
    for a, b in (("shch", "sh"), ("kh", "h"), ("zh", "z"), ("gh", "h"), ("g", "h"), ("q", "k"),
                 ("w", "v"), ("j", "y"), ("ck", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i")):
        s = s.replace(a, b)
    for a, b in (("iy", "i"), ("yi", "i"), ("ie", "e"), ("ye", "e"), ("y", "i")):
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)               # Odessa/Odesa, Zaporizhzhia's double zh
    s = re.sub(r"[aeiou]+v$", "v", s)             # -ov/-iv/-ev endings: Kharkov/Kharkiv, Lvov/Lviv
    s = re.sub(r"ia$", "a", s)                    # -ia/-ya: Vinnytsia/Vinnitsa
    s = re.sub(r"(?<=[aeiou])h$", "", s)          # Raqqah/Raqqa
    return s


@lru_cache(maxsize=8192)
def place_tokens(name: Optional[str]) -> tuple[str, ...]:
    """The distinctive tokens of a place name, each reduced to its transliteration key."""
    if not name:
        return ()
    out = []
    for tok in _TOKEN.findall(fold(name)):
        if tok in PLACE_STOPWORDS or tok in ARTICLE_TOKENS:
            continue
        key = translit_key(tok)
        if key:
            out.append(key)
    return tuple(out)


def _close(a: str, b: str) -> bool:
    """One edit apart, for names long enough that one edit cannot turn one place into another."""
    return min(len(a), len(b)) >= 5 and a[0] == b[0] and Levenshtein.distance(a, b) <= 1


def same_place_name(a: Optional[str], b: Optional[str]) -> bool:
    """Kyiv = Kiev = "the Kyiv region"; "Hajin" = "a village near Hajin"; Kyiv != Kharkiv."""
    ta, tb = place_tokens(a), place_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb or _close("".join(ta), "".join(tb)):
        return True
    sa, sb = set(ta), set(tb)
    return sa <= sb or sb <= sa


@lru_cache(maxsize=4096)
def admin1_key(name: Optional[str]) -> str:
    if not name:
        return ""
    toks = [t for t in _TOKEN.findall(fold(name)) if t not in ADMIN1_STOPWORDS]
    had_unit = any(w in fold(name) for w in ("oblast", "region", "province"))
    if len(toks) == 1 and had_unit:
        toks = [_ADJ_SUFFIX.sub("", toks[0]) or toks[0]]
    return " ".join(translit_key(t) for t in toks if t not in ARTICLE_TOKENS)


def same_admin1(a: Optional[str], b: Optional[str]) -> bool:
    """Kharkiv Oblast = Kharkivska oblast = Kharkiv; Kyiv City != Kyiv Oblast."""
    ka, kb = admin1_key(a), admin1_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    # Adjectival forms lose the stem's last letters with the suffix ("odeska" -> "ode"): a
    # prefix of a one-word name is the same unit.
    if " " in ka or " " in kb:
        return False
    short, long_ = sorted((ka, kb), key=len)
    return len(short) >= 3 and long_.startswith(short)


@lru_cache(maxsize=512)
def country_code(value: Optional[str]) -> Optional[str]:
    """ISO alpha-3, uppercase; alpha-2 codes and country names are converted when recognised."""
    if not value or not str(value).strip():
        return None
    v = str(value).strip()
    if len(v) == 3 and v.isalpha():
        return v.upper()
    try:
        import pycountry
        found = pycountry.countries.lookup(v)
        return found.alpha_3
    except (LookupError, ImportError):
        return v.upper()


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(h)))


# --- claimants -------------------------------------------------------------------------------

# A name holding one of these words names a body or a group, not a person: its surname is not
# its last word ("UN officials" and "Ukrainian officials" are different claimants).
BODY_WORDS = frozenset({
    "officials", "official", "authorities", "authority", "sources", "source", "ministry",
    "minister", "agency", "office", "army", "military", "forces", "force", "government",
    "council", "committee", "commission", "commissioner", "observatory", "media", "reports",
    "report", "court", "services", "service", "police", "prosecutors", "prosecutor", "reporter",
    "spokesman", "spokesperson", "spokeswoman", "governor", "mayor", "president", "chief",
    "department", "headquarters", "command", "staff", "general", "group", "groups", "families",
    "residents", "witnesses", "organization", "organisation", "nations", "un", "union", "news",
    "agency", "monitor", "administration", "statement", "separatist", "ministers", "doctors",
    "hospital", "rescuers", "medics", "international", "watch", "cross", "crescent",
})

_PAREN = re.compile(r"\(([^)]*)\)")


def _claimant_tokens(text: str) -> list[str]:
    return [translit_key(t) for t in _TOKEN.findall(fold(text))]


@lru_cache(maxsize=4096)
def claimant_keys(name: str) -> tuple[tuple[str, ...], ...]:
    """The token sequences that identify a claimant: a person's surname; a body's name and acronym."""
    keys: list[tuple[str, ...]] = []
    for acronym in _PAREN.findall(name):
        if _claimant_tokens(acronym):
            keys.append(tuple(_claimant_tokens(acronym)))
    bare = _PAREN.sub(" ", name)
    words = re.findall(r"[^\W\d_][\w\-’']*", bare)
    toks = _claimant_tokens(bare)
    if toks and toks[0] == "the":
        toks = toks[1:]
    if not toks:
        return tuple(keys)
    is_person = (1 <= len(words) <= 4 and all(w[0].isupper() for w in words)
                 and not any(fold(w) in BODY_WORDS for w in words) and not bare.isupper())
    keys.append((toks[-1],) if is_person else tuple(toks))
    return tuple(keys)


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def same_claimant(a: Optional[str], b: Optional[str]) -> bool:
    """CODEBOOK s.5: one name contains the other's surname or body name; both null match."""
    a = (a or "").strip() or None
    b = (b or "").strip() or None
    if a is None or b is None:
        return a is None and b is None
    ta, tb = tuple(_claimant_tokens(a)), tuple(_claimant_tokens(b))
    return (any(_contains(tb, k) for k in claimant_keys(a))
            or any(_contains(ta, k) for k in claimant_keys(b)))


# --- evidence ---------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def evidence_bag(text: str) -> Counter:
    """Word multiset of an evidence span; quotes, dashes and spacing do not count."""
    return Counter(_WORD.findall(fold(text)))


def overlap(a: Counter, b: Counter) -> float:
    """Dice coefficient of two word multisets: 1.0 for the same sentence, 0.0 for disjoint ones.

    Gold evidence is cut from the raw text and predicted evidence from the cleaned text, so
    offsets cannot be compared; words can.
    """
    total = sum(a.values()) + sum(b.values())
    if not total:
        return 0.0
    return 2.0 * sum((a & b).values()) / total
