"""Numbers as news states them: digits, words, vague plurals and ranges, with their qualifier.

``find_numbers(text)`` returns every cardinal count in ``text`` (offsets relative to it) and
leaves out what is a number but never a count: years, dates, clock times, ages, money,
percentages, ordinals, phone numbers, model names (T-72, Su-25, F-16), calibres and measures
written as adjectives ("a 30-day ceasefire", "a 500-mile border").

Decisions (CODEBOOK s.1 and 3.3):
- vague plurals take the lowest number they imply: "dozens" 12, "scores" 20, "hundreds" 100,
  "thousands" 1000, "tens of thousands" 10000, "hundreds of thousands" 100000, "millions" 1e6;
  their qualifier is ``at_least`` (they say "more than one dozen/hundred/...") unless a word
  before them says otherwise ("some hundreds" -> about). "several thousand" / "a few hundred"
  are read the same way (1000 / 100, at_least).
- "several", "a few", "a handful", "many" on their own give no number: they are not figures.
- a range ("between 20 and 30", "20 to 30", "20-30", "two or three") has value = low end,
  qualifier ``about`` unless a qualifier word says otherwise.
- decimals survive only with a scale ("4.3 million", "1.5m"); "7.8" alone is no count.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, Optional

Qualifier = Literal["exact", "at_least", "about", "up_to"]


@dataclass(frozen=True)
class NumberMention:
    value: int
    low: int
    high: int
    qualifier: Qualifier
    start: int                     # span of the number itself (range included), relative to text
    end: int
    text: str
    vague: bool = False            # "dozens", "thousands"...
    qualifier_start: Optional[int] = None   # span of the qualifier words, when there are any
    qualifier_end: Optional[int] = None

    @property
    def span_start(self) -> int:
        """Start of the mention including its qualifier words."""
        return self.start if self.qualifier_start is None else min(self.start, self.qualifier_start)


_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_SHORT_SCALES = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1000}
_WORD_NUM = "|".join(sorted(list(_UNITS) + list(_TENS) + list(_SCALES) + ["dozen"],
                             key=len, reverse=True))

# Alternation of the number words, for callers that pre-filter text cheaply.
NUMBER_WORDS_PATTERN = _WORD_NUM

# One spelled-out number: "twenty-five", "a hundred", "two thousand five hundred and six",
# "a dozen", "one hundred and fifty".
_WORDS_RE = re.compile(
    rf"\b(?:(?:a|an)\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?"
    # "and" joins only after a scale ("one hundred and fifty"): "three and five" is a range.
    rf"(?:{_WORD_NUM})(?:(?:(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"
    rf"|[\s-]+)(?:{_WORD_NUM}))*\b",
    re.IGNORECASE,
)
_DIGITS_RE = re.compile(
    r"(?<![\w.,$£€¥₴₽#+/])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s*(million|billion|thousand|hundred)\b|(mn|bn|m|k)\b)?",
    re.IGNORECASE,
)
# Vague amounts, longest first so "hundreds of thousands" wins over "hundreds".
_VAGUE: list[tuple[str, int]] = [
    (r"hundreds\s+of\s+thousands", 100_000),
    (r"tens\s+of\s+thousands", 10_000),
    (r"(?:several|a\s+few|many)\s+millions?", 1_000_000),
    (r"(?:several|a\s+few|many)\s+thousands?", 1000),
    (r"(?:several|a\s+few|many)\s+hundreds?", 100),
    (r"(?:several|a\s+few)\s+dozens?", 12),
    (r"millions", 1_000_000),
    (r"thousands", 1000),
    (r"hundreds", 100),
    (r"dozens", 12),
    (r"scores(?=\s+of\b)", 20),
    (r"a\s+hundred\s+or\s+so", 100),
]
_VAGUE_RE = re.compile(r"\b(?:" + "|".join(f"(?P<v{i}>{p})" for i, (p, _) in enumerate(_VAGUE))
                       + r")\b", re.IGNORECASE)

_QUALIFIERS: list[tuple[str, Qualifier]] = [
    (r"at\s+least", "at_least"), (r"more\s+than", "at_least"), (r"well\s+over", "at_least"),
    (r"just\s+over", "at_least"), (r"over", "at_least"), (r"upwards\s+of", "at_least"),
    (r"in\s+excess\s+of", "at_least"), (r"above", "at_least"), (r"no\s+fewer\s+than", "at_least"),
    (r"no\s+less\s+than", "at_least"), (r"a\s+minimum\s+of", "at_least"),
    (r"at\s+minimum", "at_least"), (r"exceeding", "at_least"), (r"beyond", "at_least"),
    (r"an\s+estimated", "about"), (r"estimated", "about"), (r"some", "about"),
    (r"around", "about"), (r"about", "about"), (r"nearly", "about"), (r"almost", "about"),
    (r"approximately", "about"), (r"approx\.?", "about"), (r"roughly", "about"),
    (r"close\s+to", "about"), (r"circa", "about"), (r"an\s+approximate", "about"),
    (r"just\s+under", "about"), (r"some\s+estimated", "about"),
    (r"up\s+to", "up_to"), (r"as\s+many\s+as", "up_to"), (r"as\s+much\s+as", "up_to"),
    (r"at\s+most", "up_to"), (r"no\s+more\s+than", "up_to"), (r"a\s+maximum\s+of", "up_to"),
    (r"fewer\s+than", "up_to"), (r"less\s+than", "up_to"),
]
_QUAL_BEFORE_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<q{i}>{p})" for i, (p, _) in enumerate(_QUALIFIERS)) + r")\s+$",
    re.IGNORECASE,
)
_QUAL_AFTER_RE = re.compile(r"^(?:\s+or\s+more\b|\s*\+|-plus\b|\s+plus\b|\s+or\s+so\b)",
                            re.IGNORECASE)

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTH_BEFORE = re.compile(rf"\b{_MONTHS}\.?\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTHS}\b", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(?:[$£€¥₴₽₦₹]|\b(?:US|USD|EUR|GBP|Rs|INR|NGN)\s?)\s*$")
_CURRENCY_AFTER = re.compile(
    r"^\s*(?:(?:million|billion|thousand|m|bn)\s+)?(?:us\s+)?(?:dollars?|euros?|pounds?|"
    r"sterling|rubles?|roubles?|hryvnias?|hryvnia|yuan|rupees?|naira|pesos?|afghanis?|"
    r"shillings?|dinars?|lira|liras|riyals?|dirhams?|francs?|yen|won|usd|eur|gbp|cents?)\b",
    re.IGNORECASE,
)
_PERCENT_AFTER = re.compile(r"^\s*(?:%|per\s*cent\b|percent\b|percentage\s+points?\b|pc\b)",
                            re.IGNORECASE)
_TIME_AFTER = re.compile(r"^(?:\s*(?:a\.?m\b\.?|p\.?m\b\.?|o['’]clock\b|hrs\b|gmt\b|utc\b|"
                         r"local\s+time\b)|:\d)", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|ages?|age\s+of|ages\s+of)\s+(?:between\s+)?"
                         r"(?:\d+\s*(?:to|-|–|and)\s*)?$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"^[\s-]*(?:years?|yrs?)[\s-]*old\b|^-(?:year|month|week)-old\b|"
                        r"^\s*(?:years?\s+of\s+age)\b", re.IGNORECASE)
# "a 30-day truce", "a 500-mile border", "122-mm shells": a number welded to a unit word.
_HYPHEN_UNIT_AFTER = re.compile(r"^-(?!\s)(?:[a-z]+)", re.IGNORECASE)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_MODEL_BEFORE = re.compile(r"[A-Za-z][-–]?$")
_CALIBRE_AFTER = re.compile(r"^\s*-?(?:mm|cm|calibre|caliber|cal\b|kg|km|kilomet|kilogram|"
                            r"met(?:re|er)s?\b|miles?\b|feet\b|ft\b|inch|mph|kph|kmh|"
                            r"tonnes?\b|tons?\b|mw\b|gw\b|kw\b|hectares?\b|acres?\b|"
                            r"square\s+(?:kilomet|miles?|met))",
                            re.IGNORECASE)
_IDENT_BEFORE = re.compile(
    r"\b(?:Article|Resolution|No\.?|Number|Flight|Route|Highway|Section|Chapter|Unit|Block|Gate|"
    r"Room|Platform|Apollo|Boeing|Airbus|Covid|COVID|Camp|Level|Phase|Stage|Sector|Zone|"
    r"Division|Brigade|Battalion|Regiment|Squad|Page|Paragraph|Clause|Protocol|Line|Channel|"
    r"Hall|Terminal|Pier|Bus|Train|Ward|Cell|Lot|Plot|Street|Avenue|Road|Kilometre|Kilometer|"
    r"Km|Mile|Exit|Checkpoint|Post|Building|Tower|House|Station|Vol\.?|Volume|Part|Act|Law|"
    r"Decree|Order|Bill|Model|Version|Windows|iPhone|Galaxy|Formula|Group|Team)\s+$"
)
_PHONE_RE = re.compile(r"\+?\(?\d{2,4}\)?(?:[ .-]\d{2,4}){2,4}")
_YEAR_COUNT_NOUN = re.compile(
    r"^\s+(?:[a-z]+\s+){0,2}?(?:people|persons|civilians|soldiers|troops|men|women|children|"
    r"refugees|residents|families|homes|houses|buildings|fighters|militants|police|personnel|"
    r"prisoners|migrants|students|workers|troops|tanks|vehicles|villagers|hostages)\b"
)
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|or)\s*$", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)


def parse_number_words(words: str) -> Optional[int]:
    """Value of a spelled-out number ("twenty-five" 25, "a hundred" 100, "two dozen" 24)."""
    total, current, seen = 0, 0, False
    for w in re.split(r"[\s-]+", words.lower().strip()):
        if w in ("and", ""):
            continue
        if w in ("a", "an"):
            current = max(current, 1) if not seen else current
            continue
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "dozen":
            current = max(current, 1) * 12
        elif w in _SCALES:
            total += max(current, 1) * _SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _digits_value(num: str, scale: Optional[str]) -> Optional[int]:
    mult = 1
    if scale:
        s = scale.lower()
        mult = _SCALES.get(s) or _SHORT_SCALES.get(s, 1)
    if "," in num:
        base = float(num.replace(",", ""))
    else:
        base = float(num)
    value = base * mult
    if value != int(value):
        return None
    return int(value)


@dataclass
class _Atom:
    value: int
    start: int
    end: int
    vague: bool = False
    words: bool = False


def _is_excluded(text: str, start: int, end: int, raw: str, has_scale: bool) -> bool:
    before = text[max(0, start - 30):start]
    after = text[end:end + 30]
    if _CURRENCY_BEFORE.search(before) or _CURRENCY_AFTER.match(after):
        return True
    if _PERCENT_AFTER.match(after):
        return True
    if _AGE_BEFORE.search(before) or _AGE_AFTER.match(after):
        return True
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return not has_scale
    if raw.lower() == "one" and re.search(r"\b(?:no|not a single|not)\s+$", before, re.I):
        return True                         # "no one was hurt": nobody
    if not raw[0].isdigit():
        return False
    if re.search(r"(?:[A-Z][a-z]+|\b(?:man|woman|boy|girl|mother|father|son|daughter|husband|"
                 r"wife|resident|victim|soldier|driver|farmer|teacher)),\s*$", before) \
            and re.match(r"^\s*,", after) and len(raw) <= 2:
        return True                         # "Ollie Hall, 24, died": an age
    if _TIME_AFTER.match(after) or _ORDINAL_AFTER.match(after):
        return True
    if _MODEL_BEFORE.search(before) or _IDENT_BEFORE.search(before):
        return True
    if not has_scale and (_CALIBRE_AFTER.match(after) or re.match(r"^[A-Za-z]", after)):
        return True
    if not has_scale and _HYPHEN_UNIT_AFTER.match(after):
        return True
    plain = raw.replace(",", "")
    if not has_scale and "," not in raw and re.fullmatch(r"1[5-9]\d\d|20\d\d", plain):
        # A year unless a count noun follows ("2000 people" is rare but possible).
        if not _YEAR_COUNT_NOUN.match(after):
            return True
    if not has_scale and re.match(r"^[-–/]\d", after) and re.fullmatch(r"\d{4}", plain):
        return True                         # "2012-15", "2022/23"
    if re.search(r"\d:$", before):
        return True                         # the "30" of "10:30"
    if re.search(r"\b\d{4}\s?[-–]$", before):
        return True                         # the "15" of "2012-15"
    if re.match(r"^/\d", after) or re.search(r"\d/$", before):
        return True                         # "3/4/2022", "24/7"
    return False


def _atoms(text: str) -> list[_Atom]:
    masked = _PHONE_RE.sub(lambda m: " " * len(m.group()) if sum(c.isdigit() for c in m.group())
                           >= 8 else m.group(), text)
    atoms: list[_Atom] = []
    taken = [False] * len(text)

    def free(s: int, e: int) -> bool:
        return not any(taken[s:e])

    def take(a: _Atom) -> None:
        for i in range(a.start, a.end):
            taken[i] = True
        atoms.append(a)

    for m in _VAGUE_RE.finditer(masked):
        idx = next(i for i in range(len(_VAGUE)) if m.group(f"v{i}"))
        take(_Atom(_VAGUE[idx][1], m.start(), m.end(), vague=True))
    for m in _DIGITS_RE.finditer(masked):
        s, e = m.start(), m.end()
        if not free(s, e):
            continue
        scale = m.group(2) or m.group(3)
        raw = m.group(1)
        value = _digits_value(raw, scale)
        if value is None or _is_excluded(text, s, e, raw, bool(scale)):
            continue
        take(_Atom(value, s, e))
    for m in _WORDS_RE.finditer(masked):
        s, e = m.start(), m.end()
        if not free(s, e):
            continue
        # A word number followed by a digit scale is rare; a digit before "million" is handled
        # by the digit pattern. Here: "two million", "a dozen".
        value = parse_number_words(m.group())
        if value is None or _is_excluded(text, s, e, m.group(), False):
            continue
        # "one" as a pronoun ("one of the few who...") is still a count of one: figures decide.
        take(_Atom(value, s, e, words=True))
    atoms.sort(key=lambda a: a.start)
    return atoms


def _qualifier_before(text: str, start: int) -> tuple[Optional[Qualifier], Optional[int], int]:
    window_start = max(0, start - 40)
    m = _QUAL_BEFORE_RE.search(text[window_start:start])
    if not m:
        return None, None, start
    idx = next(i for i in range(len(_QUALIFIERS)) if m.group(f"q{i}"))
    return _QUALIFIERS[idx][1], window_start + m.start(), window_start + m.end()


def find_numbers(text: str) -> list[NumberMention]:
    """Every count stated in ``text``, with value/low/high/qualifier and offsets into ``text``."""
    atoms = _atoms(text)
    out: list[NumberMention] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        low = high = a.value
        start, end = a.start, a.end
        is_range = False
        between = None
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            join = text[a.end:b.start]
            between = _BETWEEN_BEFORE.search(text[max(0, a.start - 10):a.start])
            joined = (between and re.fullmatch(r"\s+and\s+", join)) or _RANGE_JOIN.match(join)
            # "20 or 30" is a range only for small spelled-out numbers ("two or three").
            loose_or = join.strip().lower() == "or" and not (a.words and a.value < 10)
            if joined and b.value > a.value and not loose_or and not a.vague and not b.vague:
                high, end, is_range = b.value, b.end, True
                i += 1
            else:
                between = None
        qual, qs, _ = _qualifier_before(text, start)
        if qual is None and is_range:
            qual = "about"
            if between:
                qs = max(0, a.start - 10) + between.start()
        after = text[end:end + 12]
        qe = None
        m_after = _QUAL_AFTER_RE.match(after)
        if qual is None and m_after:
            word = m_after.group().strip().lower()
            qual = "about" if word.endswith("so") else "at_least"
            qe = end + m_after.end()
        if qual is None:
            qual = "at_least" if a.vague else "exact"
            if a.vague and re.match(r"\s+or\s+so\b", text[a.end:a.end + 8]):
                qual = "about"
        if a.vague and a.value == 100 and "or so" in text[a.start:a.end].lower():
            qual = "about"
        out.append(NumberMention(
            value=low, low=low, high=high, qualifier=qual, start=start, end=end,
            text=text[start:end], vague=a.vague,
            qualifier_start=qs, qualifier_end=(qe if qe is not None else (start if qs is not None
                                                                          else None)),
        ))
        i += 1
    return out
