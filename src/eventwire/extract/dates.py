"""Date expressions resolved against the article's publication date (CODEBOOK s.1, 3.2a).

Regex only: dateparser is far too slow to run over every sentence, and news uses a small,
regular set of expressions. Every mention carries the span it was read from, a representative
``date`` with its ``precision``, and the period it covers (``period_from``..``period_to``),
which figures use ("last month" covers the whole previous month).

Decisions:
- a weekday ("on Sunday", "Tuesday's attack") is the most recent such day on or before
  ``published``; "next Monday" / "this coming Friday" look forward.
- "overnight", "today", "tonight", "this morning" -> published, day; "last night" and
  "yesterday" -> published - 1, day.
- "last week" -> published - 7, week; "earlier this week", "this week" -> published, week.
- "last month" -> same day a month back, month; period is that whole month.
- "in March" -> the latest March not after published, month; "3 March" likewise for the day.
- a date more than a week after published without a year is taken from the year before
  (news reports the past).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal, Optional

from .context import dateline_end

Precision = Literal["day", "week", "month", "year"]


@dataclass(frozen=True)
class DateMention:
    date: date
    precision: Precision
    start: int                 # offsets relative to the text given (plus ``offset``)
    end: int
    text: str
    period_from: date
    period_to: date
    # span: "in the last 15 months", "so far this year"; bound: a deadline or an end ("until
    # Monday", "by Wednesday"), which dates no happening.
    kind: Literal["point", "span", "bound"] = "point"
    # Days from the story's last named day ("a day earlier": -1, "two days later": +2); the
    # ``date`` is then a fallback counted from publication until the article supplies that day.
    shift: Optional[int] = None


_MONTH_NAMES = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH_ABBR = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTH_ABBR["sept"] = 9
_MONTH_RE = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
             r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_RE = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
              "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
              "a few": 3, "a couple of": 2, "several": 3, "fifteen": 15, "eighteen": 18,
              "twenty": 20, "thirty": 30}
_COUNT = r"(?P<n>\d{1,3}|a couple of|a few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty)"
_UNIT = r"(?P<unit>days?|weeks?|months?|years?|hours?)"


def _month_of(token: str) -> int:
    t = token.lower().rstrip(".")
    return _MONTH_NAMES.get(t) or _MONTH_ABBR[t]


def _shift_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _past_year_for(month: int, day: int, published: date) -> int:
    year = published.year
    try:
        candidate = date(year, month, day)
    except ValueError:
        return year
    return year - 1 if candidate > published + timedelta(days=7) else year


def _count(token: str) -> int:
    t = token.lower()
    return int(t) if t.isdigit() else _NUM_WORDS.get(t, 1)


def _delta(n: int, unit: str, published: date) -> date:
    u = unit.lower().rstrip("s")
    if u == "day":
        return published - timedelta(days=n)
    if u == "week":
        return published - timedelta(days=7 * n)
    if u == "month":
        return _shift_months(published, -n)
    if u == "year":
        return _shift_months(published, -12 * n)
    return published - timedelta(days=n // 24)           # hours


_PREC_OF_UNIT: dict[str, Precision] = {"day": "day", "hour": "day", "week": "week",
                                       "month": "month", "year": "year"}

# Ordered: longer, more specific patterns first; a span once matched is not matched again.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    ("d_month_y", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+(?P<year>(?:19|20)\d\d))?\b")),
    ("month_d_y", re.compile(rf"\b{_MONTH_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?")),
    ("month_y", re.compile(rf"\b{_MONTH_RE}\s+(?P<year>(?:19|20)\d\d)\b")),
    ("since_start", re.compile(r"\bsince the (?:start|beginning|outbreak|onset) of (?:the|this|Russia['’]s|their|its|the full-scale|the current)?\s*(?:full-scale\s+)?(?:war|invasion|conflict|fighting|offensive|hostilities|uprising|crisis|insurgency)\b|\bsince (?:Russia|the invasion|Moscow) (?:invaded|began|launched)[^,.;]*|\bsince the (?:war|invasion|conflict) (?:began|started|broke out)\b", re.IGNORECASE)),
    ("so_far_this_year", re.compile(r"\b(?:so far|since the start of|since the beginning of|earlier) this year\b|\bthis year so far\b", re.IGNORECASE)),
    ("last_n", re.compile(rf"\b(?:in|over|during|for|within)\s+the\s+(?:last|past|previous)\s+(?:{_COUNT}\s+)?{_UNIT}", re.IGNORECASE)),
    # Counted from the day the story last named, not from publication: "on Friday ... A day
    # earlier", "late on Saturday ... Two days later". ("two days after the attack" is not.)
    ("story_shift", re.compile(
        rf"\b(?:{_COUNT}\s+(?:full\s+)?days?\s+(?:(?P<dir>earlier|later)\b|(?P<dir2>before|after)(?=\s*[,;.]))"
        r"|the (?P<next>next|following) (?:day|morning|night|evening|afternoon)"
        r"|(?:that|the) (?P<same>same) (?:day|night|morning|evening|afternoon)|(?P<that>later|earlier) that (?:day|night|morning|evening|afternoon)"
        r"|the (?P<prev>previous|preceding) (?:day|night|evening)|(?P<before>the day before)(?!\s+yesterday))\b", re.IGNORECASE)),
    ("n_ago", re.compile(rf"\b{_COUNT}\s+{_UNIT}\s+(?:ago|earlier|before)\b", re.IGNORECASE)),
    ("day_before_yesterday", re.compile(r"\bthe day before yesterday\b", re.IGNORECASE)),
    ("yesterday", re.compile(r"\byesterday\b|\blast night\b|\bthe previous day\b|\bthe day before\b|\bthe previous night\b", re.IGNORECASE)),
    ("today", re.compile(r"\b(?:today|tonight|overnight|this (?:morning|afternoon|evening)|earlier today|early (?:on )?(?:this )?(?:morning))\b|\bduring the night\b", re.IGNORECASE)),
    ("last_week", re.compile(r"\blast week(?:end)?\b|\ba week ago\b|\bthe previous week\b", re.IGNORECASE)),
    ("this_week", re.compile(r"\b(?:earlier |later )?this week\b|\bin recent days\b|\bthis weekend\b", re.IGNORECASE)),
    ("last_month", re.compile(r"\blast month\b|\ba month ago\b|\bthe previous month\b", re.IGNORECASE)),
    ("this_month", re.compile(r"\b(?:earlier |later )?this month\b", re.IGNORECASE)),
    ("last_year", re.compile(r"\blast year\b|\ba year ago\b|\bthe previous year\b", re.IGNORECASE)),
    ("year_range", re.compile(r"\b(?:in|between|from|during)\s+(?P<y1>(?:19|20)\d\d)\s*(?:-|–|to|and)\s*(?P<y2>(?:19|20)?\d\d)\b", re.IGNORECASE)),
    ("in_year", re.compile(r"\b(?:in|since|during|throughout|by|of|for)\s+(?:early\s+|late\s+|mid-?)?(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)),
    ("weekday", re.compile(rf"\b(?P<pre>(?:next|this coming|last|on|early|late)\s+)?{_WEEKDAY_RE}(?P<poss>['’]s)?\b")),
    ("in_month", re.compile(rf"\b(?:in|since|during|early|late|mid-?|by|until)\s+(?:early\s+|late\s+|mid-?)?{_MONTH_RE}(?!\s+\d)\b")),
]


# Cheap necessary conditions, one per pattern: a pattern whose gate fails cannot match, so its
# regex scan is skipped (most sentences hold no date at all). Each gate names text every match
# of its pattern must contain:
#   "digit": a \d (Unicode decimal, as in the patterns); "month": a month name's first three
#   letters as written; "cased": one of the substrings, case as written;
#   "folded": one of the substrings in the lower-cased text (for IGNORECASE patterns; see
#   _folding_is_plain). A kind without a gate always runs.
_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_GATES: dict[str, tuple[tuple[str, ...], ...]] = {
    "iso": (("digit",),),
    "d_month_y": (("digit",), ("month",)),
    "month_d_y": (("digit",), ("month",)),
    "month_y": (("digit",), ("month",)),
    "since_start": (("folded", "since"),),
    "so_far_this_year": (("folded", "this year"),),
    "last_n": (("folded", "last", "past", "previous"),),
    "n_ago": (("folded", "ago", "earlier", "before"),),
    "day_before_yesterday": (("folded", "yesterday"),),
    "story_shift": (("folded", "earlier", "later", "before", "after", "next", "following", "same",
                     "previous", "preceding"),),
    "yesterday": (("folded", "yesterday", "last night", "the previous day", "the day before",
                   "the previous night"),),
    "today": (("folded", "today", "tonight", "overnight", "morning", "afternoon", "evening",
               "during the night"),),
    "last_week": (("folded", "last week", "a week ago", "the previous week"),),
    "this_week": (("folded", "this week", "in recent days"),),
    "last_month": (("folded", "last month", "a month ago", "the previous month"),),
    "this_month": (("folded", "this month"),),
    "last_year": (("folded", "last year", "a year ago", "the previous year"),),
    "year_range": (("digit",),),
    "in_year": (("digit",),),
    "weekday": (("cased", "day"),),            # Monday ... Sunday
    "in_month": (("month",),),
}
_DIGIT = re.compile(r"\d")
# Under IGNORECASE these also match ASCII letters ("ı" matches "i") yet lower-case to something
# else; a text holding one is not gated on its lower-case form.
_FOLD_ODD = re.compile("[\u0130\u0131\u017f]")


def _folding_is_plain(text: str) -> bool:
    """Whether an IGNORECASE match of an ASCII literal in ``text`` is always that literal in
    ``text.lower()`` (every other character lower-cases to one character, and to an ASCII
    letter only if IGNORECASE matches it to that letter)."""
    return _FOLD_ODD.search(text) is None


class _Gate:
    """The gates' facts about one text, each worked out once on first need."""
    __slots__ = ("text", "_digit", "_month", "_low")

    def __init__(self, text: str) -> None:
        self.text = text
        self._digit: Optional[bool] = None
        self._month: Optional[bool] = None
        self._low: Optional[str] = None

    def passes(self, kind: str) -> bool:
        for cond in _GATES.get(kind, ()):
            if not self._holds(cond):
                return False
        return True

    def _holds(self, cond: tuple[str, ...]) -> bool:
        what = cond[0]
        if what == "digit":
            if self._digit is None:
                self._digit = _DIGIT.search(self.text) is not None
            return self._digit
        if what == "month":
            if self._month is None:
                self._month = any(m in self.text for m in _MONTH_STEMS)
            return self._month
        if what == "cased":
            return any(w in self.text for w in cond[1:])
        if self._low is None:
            self._low = self.text.lower() if _folding_is_plain(self.text) else ""
        if self._low == "" and self.text:
            return True                        # odd case-folding: no gate, run the pattern
        return any(w in self._low for w in cond[1:])


def _resolve(kind: str, m: re.Match[str], published: date
             ) -> Optional[tuple[date, Precision, date, date, str]]:
    """(date, precision, period_from, period_to, kind) for one match, or None."""
    p = published
    if kind == "iso":
        try:
            d = date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
        return d, "day", d, d, "point"
    if kind in ("d_month_y", "month_d_y"):
        month, day = _month_of(m["month"]), int(m["day"])
        year = int(m["year"]) if m["year"] else _past_year_for(month, day, p)
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        return d, "day", d, d, "point"
    if kind == "month_y":
        month, year = _month_of(m["month"]), int(m["year"])
        lo, hi = _month_bounds(year, month)
        return lo, "month", lo, hi, "point"
    if kind == "in_month":
        month = _month_of(m["month"])
        year = p.year if month <= p.month else p.year - 1
        lo, hi = _month_bounds(year, month)
        return lo, "month", lo, min(hi, p), "point"
    if kind == "since_start":
        # Resolved by the caller against the conflict table; here only the span is marked.
        return p, "day", p, p, "span"
    if kind == "so_far_this_year":
        lo = date(p.year, 1, 1)
        return lo, "year", lo, p, "span"
    if kind == "last_n":
        n = _count(m["n"]) if m["n"] else 1
        unit = m["unit"].lower().rstrip("s")
        lo = _delta(n, unit, p)
        return lo, _PREC_OF_UNIT[unit], lo, p, "span"
    if kind == "n_ago":
        n, unit = _count(m["n"]), m["unit"].lower().rstrip("s")
        d = _delta(n, unit, p)
        return d, _PREC_OF_UNIT[unit], d, d, "point"
    if kind == "story_shift":
        d = p + timedelta(days=min(0, _story_shift(m)))
        return d, "day", d, d, "point"
    if kind == "day_before_yesterday":
        d = p - timedelta(days=2)
        return d, "day", d, d, "point"
    if kind == "yesterday":
        d = p - timedelta(days=1)
        return d, "day", d, d, "point"
    if kind == "today":
        return p, "day", p, p, "point"
    if kind == "last_week":
        d = p - timedelta(days=7)
        return d, "week", d - timedelta(days=d.weekday()), d - timedelta(days=d.weekday()) + timedelta(days=6), "point"
    if kind == "this_week":
        return p, "week", p - timedelta(days=p.weekday()), p, "point"
    if kind == "last_month":
        d = _shift_months(p, -1)
        lo, hi = _month_bounds(d.year, d.month)
        return d, "month", lo, hi, "point"
    if kind == "this_month":
        return p, "month", date(p.year, p.month, 1), p, "point"
    if kind == "last_year":
        text = m.group().lower()
        d = _shift_months(p, -12)
        if "ago" in text:
            return d, "year", d, d, "point"
        return d, "year", date(d.year, 1, 1), date(d.year, 12, 31), "point"
    if kind == "year_range":
        y1 = int(m["y1"])
        y2s = m["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if y2 < y1:
            return None
        return date(y1, 1, 1), "year", date(y1, 1, 1), date(y2, 12, 31), "span"
    if kind == "in_year":
        y = int(m["year"])
        if y > p.year:
            return None
        hi = min(date(y, 12, 31), p)
        return date(y, 1, 1), "year", date(y, 1, 1), hi, "point"
    if kind == "weekday":
        wd = _WEEKDAYS.index(m["wd"].lower())
        pre = (m["pre"] or "").strip().lower()
        if pre in ("next", "this coming"):
            d = p + timedelta(days=(wd - p.weekday()) % 7 or 7)
        else:
            d = p - timedelta(days=(p.weekday() - wd) % 7)
            if pre == "last" and d == p:
                d = p - timedelta(days=7)
        return d, "day", d, d, "point"
    return None


# A date right after these words ends or limits something ("a curfew through 8 a.m. on Monday",
# "decisions by Wednesday"); it is not when anything happened.
_BOUND_BEFORE = re.compile(
    r"\b(?:until|till|through|by|before|no later than|ahead of|deadline(?: of)?)\s+"
    r"(?:(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)|noon|midnight|the end of|early|late)\s+)?"
    r"(?:on\s+)?$", re.IGNORECASE)


def _is_bound(text: str, start: int, matched: str) -> bool:
    return bool(_BOUND_BEFORE.search(text[max(0, start - 40):start])) or \
        matched.lower().startswith("until")


def find_dates(text: str, published: Optional[date], offset: int = 0) -> list[DateMention]:
    """Date expressions in ``text`` resolved against ``published``; none without an anchor,
    except explicit full dates ("3 March 2022") which need none."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    gate = _Gate(text)
    for kind, pattern in _PATTERNS:
        if not gate.passes(kind):
            continue
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if published is None:
                explicit = kind in ("iso", "month_y", "year_range") or (
                    kind in ("d_month_y", "month_d_y") and m["year"])
                if not explicit:
                    continue
                r = _resolve(kind, m, date.max)    # these kinds never read the anchor
            else:
                r = _resolve(kind, m, published)
            if r is None:
                continue
            d, prec, lo, hi, k = r
            if k == "point" and _is_bound(text, s, m.group()):
                k = "bound"
            taken.append((s, e))
            out.append(DateMention(d, prec, s + offset, e + offset, m.group(), lo, hi, k,
                                   _story_shift(m) if kind == "story_shift" else None))
    out.sort(key=lambda x: x.start)
    return out


def is_since_conflict_start(mention: DateMention) -> bool:
    """True for "since the beginning of the war" and the like (resolved via the conflict table)."""
    t = mention.text.lower()
    return mention.kind == "span" and t.startswith("since")


_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)
_CLAUSE_MARKS = re.compile(r"[,;()]")
_RANGE_JOIN = re.compile(r"^\s*(?:[–—-]|to|and|until|till)\s*$", re.I)
_RANGE_OPEN = re.compile(r"(?:\bbetween|\bfrom|\()\s*$", re.I)


def _join_ranges(sentence, mentions: list[DateMention]) -> list[DateMention]:
    """"between 29 July and 2 August", "(29 July – 4 August)": one span, dated by its last
    day with precision week, as the happening is known to have gone on until then."""
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        if b is not None and a.kind == b.kind == "point" and b.date >= a.date \
                and _RANGE_JOIN.match(sentence.text[a.end - sentence.start:b.start - sentence.start]):
            before = sentence.text[max(0, a.start - sentence.start - 12):a.start - sentence.start]
            gap = sentence.text[a.end - sentence.start:b.start - sentence.start].strip()
            if _RANGE_OPEN.search(before) or gap in ("–", "—", "-"):
                out.append(DateMention(b.date, "week", a.start, b.end, f"{a.text} {gap} {b.text}",
                                       a.date, b.date, "point"))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def event_date(ctx, sentence, near: Optional[tuple[int, int]] = None, *, statement: bool = False):
    """(iso date, precision, Evidence) of the happening told in ``sentence``.

    The date expression in the sentence closest to ``near`` (the trigger's offsets relative to
    the sentence, as ``sentence.evidence(*near)`` takes them);
    else the last date of the previous two sentences of the same paragraph, or of the sentence
    just before across a paragraph break (news carries the date forward); else, per CODEBOOK
    3.2a, the published date with precision "week";
    (None, None, None) when the article has no published date and the text gives none.
    A ``statement`` (talks, blame, agreement) is not dated by the day of what it talks about
    ("blamed India for Tuesday's attack").
    """
    published = ctx.published
    mentions = [m for m in _join_ranges(sentence, sentence_dates(ctx, sentence)) if m.kind == "point"
                and not (statement and m.text.endswith(("'s", "’s")))]
    since = [m for m in mentions if _SINCE.search(
        sentence.text[max(0, m.start - sentence.start - 8):m.start - sentence.start])]
    if since and published is not None and len(since) == len(mentions) \
            and all((published - m.date).days <= 31 for m in since):
        # "fighting around Bara since 8 September has displaced ...": an ongoing situation,
        # dated by the report (CODEBOOK 3.2a), not by the day it began. A tally "since October
        # 2023" keeps its start, which marks it as history.
        return published.isoformat(), "week", None
    if not mentions:
        # "attacked in the last month": as "last week" is dated (3.2a), the start of the span.
        mentions = [m for m in sentence_dates(ctx, sentence) if m.kind == "span"
                    and re.match(r"(?i)(?:in|over|during|within) the (?:last|past|previous)", m.text)]
    filed = sentence.start + dateline_end(sentence.text)
    # "MOGADISHU, March 18 (Wire) - ... on Monday": the dateline dates the filing, not the act.
    mentions = [m for m in mentions if m.start >= filed] or mentions
    if mentions:
        if near is None:
            best = mentions[0]
        else:
            mid = sentence.start + (near[0] + near[1]) / 2

            def distance(m: DateMention) -> float:
                # Closeness in words, with each clause break between them counted as far:
                # "(29 July – 4 August), despite the ceasefire announced on 19 July".
                lo, hi = sorted((int(mid), int((m.start + m.end) / 2)))
                between = sentence.text[lo - sentence.start:hi - sentence.start]
                return hi - lo + 40 * len(_CLAUSE_MARKS.findall(between))
            best = min(mentions, key=distance)
        return best.date.isoformat(), best.precision, sentence.evidence(
            best.start - sentence.start, best.end - sentence.start)
    for prev in reversed(ctx.sentences[max(0, sentence.index - 2):sentence.index]):
        # Web copy often puts every sentence in its own paragraph: the sentence right before
        # carries its date over a paragraph break, anything further back does not.
        if prev.paragraph != sentence.paragraph and prev.index != sentence.index - 1:
            break
        # A year does not carry over: "In 2024, ..." is background, not the next sentence's time.
        # Nor does the start of a span: "the second on the town since February" dates nothing.
        pm = [m for m in sentence_dates(ctx, prev) if m.kind == "point"
              and m.precision in ("day", "week", "month")
              and not (statement and m.text.endswith(("'s", "’s")))
              and not m.text.lower().startswith("since")
              and not _SINCE.search(prev.text[max(0, m.start - prev.start - 8):m.start - prev.start])]
        if pm:
            best = pm[-1]
            return best.date.isoformat(), best.precision, prev.evidence(
                best.start - prev.start, best.end - prev.start)
    if published is None:
        return None, None, None
    return published.isoformat(), "week", None


def _story_shift(m: re.Match[str]) -> int:
    way = m["dir"] or m["dir2"]
    if way:
        n = _count(m["n"])
        return -n if way.lower() in ("earlier", "before") else n
    if m["next"]:
        return 1
    if m["prev"] or m["before"]:
        return -1
    return 0                                   # that same day, later that day


STORY_SHIFT_LOOKBACK = 3       # sentences searched for the day a shift counts from


def names_story_day(mention: DateMention, sentence) -> bool:
    """A day the story tells of: not a span or a deadline, nor the dateline's filing day."""
    return mention.precision == "day" and mention.kind == "point" and \
        mention.start >= sentence.start + dateline_end(sentence.text)


def sentence_dates(ctx, sentence) -> list[DateMention]:
    """Dates of one sentence (article offsets), cached on the context; a shift from the story's
    day ("a day earlier") is counted from the last day named before it."""
    cache = ctx.extra.setdefault("dates", {})
    if sentence.index not in cache:
        found = find_dates(sentence.text, ctx.published, sentence.start)
        out: list[DateMention] = []
        for dm in found:
            if dm.shift is not None:
                before = [x for x in out if names_story_day(x, sentence)]
                for prev in reversed(ctx.sentences[max(0, sentence.index - STORY_SHIFT_LOOKBACK):sentence.index]):
                    if before:
                        break
                    before = [x for x in sentence_dates(ctx, prev) if names_story_day(x, prev)]
                if before:
                    d = before[-1].date + timedelta(days=dm.shift)
                    dm = replace(dm, date=d, period_from=d, period_to=d)
            out.append(dm)
        cache[sentence.index] = out
    return cache[sentence.index]
