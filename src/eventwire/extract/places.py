"""Find the places a sentence names and resolve them against the gazetteer.

Two sources of candidate spans, used together:
- spaCy entities (GPE, LOC, FAC) when the caller passes them in (``ents``);
- capitalised word runs matched against the gazetteer, so that it also works without NER
  and catches the places NER misses. These must pass stricter tests: a locative preposition
  before them ("in Sibi"), a region word after them ("Borno state"), a country the article
  mentions, or a large population; common words ("Mobile", "Split"), months, demonyms, person
  names and organisation names ("Kyiv Post") are turned away.

Disambiguation uses a :class:`PlaceContext` built from the whole article: the countries it
names (and its demonyms, more weakly) and the regions it mentions.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from eventwire.extract.countries import country_code, is_demonym
from eventwire.extract.gazetteer import COUNTRY, REGION, TOWN, Gazetteer, Place, fold, get_gazetteer
from eventwire.records import Evidence, Location

Ent = tuple[int, int, str]

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Entities that are never places: a capitalised run inside one of these is not matched.
_VETO_LABELS = {"PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL",
                "QUANTITY", "PERCENT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"}

# "the Chernihiv region", "Idlib province", "Borno state": the word says the kind of place.
_REGION_WORDS = {"region", "regions", "oblast", "oblasts", "province", "provinces",
                 "governorate", "governorates", "state", "states", "prefecture", "prefectures",
                 "department", "departments", "territory", "county", "counties", "krai",
                 "wilaya", "division", "area"}
_DISTRICT_WORDS = {"district", "districts", "raion", "rayon", "municipality", "neighbourhood",
                   "neighborhood", "suburb", "suburbs"}
_CITY_WORDS = {"city", "town", "village"}
_DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
               "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
               "northwestern", "southeastern", "southwestern", "north-east", "north-west",
               "south-east", "south-west", "north-eastern", "north-western", "south-eastern",
               "south-western", "upper", "lower", "greater", "downtown", "rural", "coastal"}
_LOCATIVE = {"in", "near", "at", "outside", "from", "into", "to", "towards", "toward", "around",
             "across", "throughout", "inside", "within", "on", "via", "through", "nearby",
             "between", "off", "over", "besieged", "captured", "retook",
             "shelled", "struck", "hit", "entered", "bombed", "attacked", "seized", "liberated"}
# The place names someone else: "Moscow said", "Kharkiv's governor". Metonyms and attributes.
_ATTRIBUTIVE_AFTER = {"said", "says", "told", "claimed", "claims", "denied", "denies", "accused",
                      "accuses", "warned", "warns", "announced", "announces", "insists",
                      "insisted", "argued", "argues", "believes", "wants", "governor", "mayor",
                      "administration", "authorities", "officials", "official", "government",
                      "council", "police", "prosecutor", "prosecutors", "ministry", "regime",
                      "spokesman", "spokeswoman", "spokesperson", "chief", "head", "leader",
                      "leadership", "forces", "troops", "army", "military", "residents",
                      "university", "airport", "post", "times", "independent", "correspondent",
                      "bureau", "office", "embassy", "consulate", "delegation", "envoy"}
# Words before a name that make it a person: "President Biden", "Gen. Hajin".
_TITLES = {"mr", "mrs", "ms", "dr", "president", "minister", "general", "gen", "col", "colonel",
           "sgt", "sergeant", "lt", "lieutenant", "capt", "captain", "commander", "governor",
           "mayor", "king", "queen", "prince", "princess", "sheikh", "imam", "pope", "senator",
           "sen", "rep", "representative", "judge", "chancellor", "premier", "secretary",
           "ambassador", "spokesman", "spokeswoman", "saint", "st", "prof", "professor", "gov",
           "major", "maj", "admiral", "adm", "brig", "brigadier", "marshal", "chairman",
           "president-elect", "emir", "sultan", "ayatollah", "mullah", "father", "bishop",
           "patriarch", "rabbi", "sir", "lord", "lady", "dame", "archbishop", "officer",
           "abu", "umm", "haji", "hajji"}
# Words that are place names somewhere but in news prose are almost always something else.
_COMMON = set("""
a an the of and or but if in on at by for to from with without about after before over under
this that these those it its he she they we you i his her their our my your there here when
where while what which who whom whose why how all any each every some no not only also very
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december today yesterday tomorrow tonight morning
evening night week month year day hour spring summer autumn winter fall
mobile split bar marks of police army navy president minister ministry government state
security defence defense interior foreign health justice council parliament congress senate
court union nation national international republic democratic federal central general
independence liberty victory hope unity peace freedom justice progress reading nice bath
derby sale street road avenue square bridge river lake mountain island port fort camp
office house hall tower station centre center hospital school university college church mosque
north south east west northern southern eastern western
news times post herald tribune guardian observer telegraph mail express sun star journal
reuters associated press agency media television radio online
human rights watch amnesty red cross crescent united nations european
god allah christ jesus islam islamic muslim christian jewish catholic orthodox
mr mrs ms dr sir lord lady king queen prince princess general colonel captain major
people party group forces force front brigade battalion regiment division corps command
operation commander chief head leader officials official spokesman spokeswoman
said says told according reported report
water power energy gas oil fire food aid money bank market trade world global
early late new old great big little good best last first second third next former
many much more most few less least other another same such own
january feb mar apr jun jul aug sept sep oct nov dec
mon tue wed thu fri sat sun
bay gulf sea ocean coast

nato un eu who icc isis osce iaea unhcr unicef opec asean brics hamas hezbollah taliban
kremlin pentagon whitehall downing capitol
paradise eden eagle buffalo lincoln jackson washington franklin clinton madison
jefferson hamilton marion warren milton chester hudson
""".split())
# "the outskirts of X", "north of X": a place follows "of".
_OF_PLACE = {"outskirts", "suburbs", "centre", "center", "north", "south", "east", "west",
             "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
             "south-east", "south-west", "heart", "streets", "residents", "people", "mayor",
             "governor", "part", "parts", "areas", "edge", "city", "town", "village", "region",
             "province", "district", "capital", "port", "siege", "battle", "fall", "liberation",
             "bombardment", "shelling", "capture", "outside", "east", "environs", "vicinity"}
_SPEECH = {"said", "says", "told", "added", "explained", "stated", "wrote", "tweeted"}
# Names of physical features and structures: "Black Sea", "Snake Island", "Hostomel Airport".
_FEATURE = re.compile(r"\b(?:sea|ocean|river|lake|islands?|mountains?|gulf|bay|strait|desert|"
                      r"valley|peninsula|canal|coast|plain|plateau|basin|delta|channel|airport|"
                      r"airfield|base|bridge|dam|plant|station|square|street|avenue|hospital|"
                      r"office|headquarters|palace|prison|stadium|mosque|church|school|"
                      r"university|market|port|crossing|checkpoint|camp|field|forest|park)$")
_CONNECTORS = {"of", "the", "de", "del", "la", "le", "al", "el", "ez", "ad", "as", "ar", "ash",
               "bin", "ibn", "e", "da", "do", "dos", "das", "du", "van", "von", "y", "an", "sur"}
_TOKEN = re.compile(r"[^\W\d_]+(?:[’'\-.][^\W\d_]+)*\.?", re.UNICODE)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_ABBREV = re.compile(r"^(?:[A-Z]\.)+$")
_NO_CTX: dict[str, float] = {}


def _stop_words() -> frozenset[str]:
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
    except ImportError:                      # spaCy is a dependency, but the finder need not be
        return frozenset()
    return frozenset(STOP_WORDS)


_STOP = _stop_words()


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def cap(self) -> bool:
        t = self.text
        return t[:1].isupper() or bool(re.match(r"^[a-z]{1,3}[\-’'][A-Z]", t))


def _tokens(text: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        s, e = m.start(), m.end()
        word = m.group(0)
        if word.endswith(".") and not _ABBREV.match(word):
            word, e = word[:-1], e - 1            # sentence-final period, not "U.S."
        poss = _POSSESSIVE.search(word)
        if poss and len(word) > 3:
            word, e = word[: poss.start()], e - len(poss.group(0))
        if word:
            out.append(_Tok(s, e, word))
    return out


@dataclass
class PlaceContext:
    """What the whole article says about where it is: countries (weighted) and regions."""
    countries: dict[str, float] = field(default_factory=dict)
    admin1s: set[str] = field(default_factory=set)
    mentions: list[Location] = field(default_factory=list)   # resolved places, text order

    @classmethod
    def from_text(cls, text: str, ents: Optional[Sequence[Ent]] = None) -> "PlaceContext":
        """Countries named (weight 1 each mention), demonyms (0.5), resolved towns (0.3)."""
        if not isinstance(text, str):
            raise TypeError(f"PlaceContext.from_text() expects the article text as a string, "
                            f"got {type(text).__name__}")
        weights: Counter[str] = Counter()
        toks = _tokens(text)
        i = 0
        while i < len(toks):
            hit = None
            for n in (6, 5, 4, 3, 2, 1):
                if i + n > len(toks) or not toks[i].cap:
                    continue
                phrase = text[toks[i].start:toks[i + n - 1].end]
                code = country_code(phrase, demonyms=(n == 1))
                if code:
                    hit = (n, code, n > 1 or country_code(phrase, demonyms=False) is not None)
                    break
            if hit:
                n, code, is_name = hit
                weights[code] += 1.0 if is_name else 0.5
                i += n
            else:
                i += 1
        ctx = cls(countries=dict(weights))
        for loc in find_places(text, 0, ents, ctx, include_attributive=True):
            if loc.country and loc.precision in (TOWN, REGION):
                weights[loc.country] += 0.3
            if loc.admin1:
                ctx.admin1s.add(loc.admin1)
            ctx.mentions.append(loc)
        ctx.countries = dict(weights)
        return ctx

    def place_before(self, offset: int, *, max_precision: int = REGION) -> Optional[Location]:
        """The last town or region named before ``offset`` (article offsets): what "the city"
        or "the town" in a later sentence most often refers to."""
        best = None
        for loc in self.mentions:
            if loc.evidence is None or loc.evidence.start >= offset:
                break
            if loc.country and loc.precision is not None and loc.precision <= max_precision:
                best = loc
        return best

    @property
    def main_country(self) -> Optional[str]:
        if not self.countries:
            return None
        return max(self.countries.items(), key=lambda kv: kv[1])[0]


@dataclass(slots=True)
class _Cand:
    start: int                    # offsets in the sentence, of the name as written
    end: int
    location: Location
    attributive: bool = False
    origin: bool = False          # "from X": where something came from, not where it happened


def _prev_word(toks: list[_Tok], i: int) -> str:
    return toks[i - 1].low if i > 0 else ""


def _next_word(toks: list[_Tok], j: int) -> str:
    return toks[j + 1].low if j + 1 < len(toks) else ""


def _gap_is_space(text: str, a: _Tok, b: _Tok) -> bool:
    return text[a.end:b.start].strip() == ""


def _runs(text: str, toks: list[_Tok]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens (token index ranges, inclusive), allowing connectors
    ("Democratic Republic of the Congo", "Deir ez-Zor") between capitalised words."""
    runs = []
    i = 0
    while i < len(toks):
        if not toks[i].cap:
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and _gap_is_space(text, toks[j], toks[j + 1]):
            if toks[j + 1].cap:
                j += 1
                continue
            # connectors only when a capitalised word follows them
            k = j + 1
            while k < len(toks) and toks[k].low in _CONNECTORS and _gap_is_space(text, toks[k - 1], toks[k]):
                k += 1
            if k > j + 1 and k < len(toks) and toks[k].cap and _gap_is_space(text, toks[k - 1], toks[k]):
                j = k
                continue
            break
        runs.append((i, j))
        i = j + 1
    return runs


class _Finder:
    def __init__(self, text: str, offset: int, ents: Optional[Sequence[Ent]],
                 ctx: Optional[PlaceContext], gaz: Gazetteer) -> None:
        self.text = text
        self.offset = offset
        self.ents = list(ents) if ents is not None else None
        self.ctx = ctx or PlaceContext()
        self.gaz = gaz
        self.toks = _tokens(text)
        self.tok_at_start = {t.start: k for k, t in enumerate(self.toks)}
        self.tok_at_end = {t.end: k for k, t in enumerate(self.toks)}
        self.cands: list[_Cand] = []
        self.taken: list[tuple[int, int]] = []

    # -- helpers
    def _tok_range(self, s: int, e: int) -> Optional[tuple[int, int]]:
        idx = [k for k, t in enumerate(self.toks) if t.start >= s and t.end <= e]
        return (idx[0], idx[-1]) if idx else None

    def _overlaps(self, s: int, e: int) -> bool:
        return any(s < te and ts < e for ts, te in self.taken)

    def _evidence(self, s: int, e: int) -> Evidence:
        return Evidence(text=self.text[s:e], start=self.offset + s, end=self.offset + e)

    def _lookup(self, name: str, level: Optional[int], exact_only: bool = False) -> list[Place]:
        return self.gaz.lookup(name, countries=self.ctx.countries or _NO_CTX, level=level,
                               admin1s=self.ctx.admin1s, fuzzy=not exact_only)

    def _resolve(self, name: str, kind: Optional[str], exact_only: bool = False) -> Optional[tuple[Place, int]]:
        """Place and precision for a name, given the kind word that followed it (if any)."""
        code = country_code(name, demonyms=False)
        if code and kind is None:
            # A US state called Georgia, in an article about the US, is the state.
            for place in self._lookup(name, REGION, exact_only=True)[:3]:
                if place.level == REGION and place.country in self.ctx.countries \
                        and place.country != code and code not in self.ctx.countries:
                    return place, REGION
            place = self.gaz.country(code)
            if place:
                return place, COUNTRY
        if kind in _REGION_WORDS:
            ranked = self._lookup(name, REGION, exact_only)
            if not ranked:
                return None
            best = ranked[0]
            return best, REGION if best.level in (TOWN, REGION) else best.level
        if kind in _DISTRICT_WORDS:
            ranked = self._lookup(name, TOWN, exact_only)
            if not ranked:
                return None
            best = ranked[0]
            return best, REGION if best.level == TOWN else best.level
        ranked = self._lookup(name, TOWN if kind in _CITY_WORDS else None, exact_only)
        if not ranked:
            return None
        return ranked[0], ranked[0].level

    def _kind_after(self, j: int) -> tuple[Optional[str], int]:
        """The region/district/city word right after token j, and the token index it ends at."""
        if j + 1 < len(self.toks) and _gap_is_space(self.text, self.toks[j], self.toks[j + 1]):
            word = self.toks[j + 1].low
            if word in _REGION_WORDS | _DISTRICT_WORDS | _CITY_WORDS:
                if word == "area" or word in ("state", "states") and self.toks[j + 1].text[0].islower() \
                        and _next_word(self.toks, j + 1) in ("media", "television", "tv", "news"):
                    return None, j
                return word, j + 1
        return None, j

    def _kind_before(self, i: int) -> Optional[str]:
        """"the city of Mosul", "the province of Idlib": the kind word before "of"."""
        if i >= 2 and self.toks[i - 1].low == "of" and self.toks[i - 2].low in (
                _REGION_WORDS | _DISTRICT_WORDS | _CITY_WORDS):
            return self.toks[i - 2].low
        return None

    def _direction_start(self, i: int) -> int:
        """Token index where the name as written begins: "eastern Ukraine", "north-west Syria"."""
        if i > 0 and self.toks[i - 1].low in _DIRECTIONS and _gap_is_space(self.text, self.toks[i - 1], self.toks[i]):
            return i - 1
        return i

    def _attributive(self, j_end: int, i_start: int) -> bool:
        nxt = _next_word(self.toks, j_end)
        if nxt in _ATTRIBUTIVE_AFTER:
            return True
        # "Kharkiv's governor"
        end = self.toks[j_end].end
        if self.text[end:end + 2] in ("'s", "’s"):
            return nxt in _ATTRIBUTIVE_AFTER or nxt in {"regional", "military", "city", "local"}
        return False

    def _add(self, i: int, j: int, name: str, kind: Optional[str], exact_only: bool,
             label: Optional[str] = None) -> bool:
        resolved = self._resolve(name, kind, exact_only)
        if resolved is None:
            return False
        place, precision = resolved
        i0 = self._direction_start(i)
        s, e = self.toks[i0].start, self.toks[j].end
        written = self.text[s:e]
        if written.lower().startswith("the "):
            written = written[4:]
        loc = place.location(written, precision=precision, evidence=self._evidence(s, e))
        prev = _prev_word(self.toks, i0)
        self.cands.append(_Cand(s, e, loc, attributive=self._attributive(j, i),
                                origin=prev == "from"))
        self.taken.append((s, e))
        return True

    # -- NER entities
    def from_ents(self) -> None:
        for s, e, label in sorted(self.ents or []):
            if label not in _PLACE_LABELS or self._overlaps(s, e):
                continue
            rng = self._tok_range(s, e)
            if rng is None:
                continue
            i, j = rng
            while i <= j and self.toks[i].low in ("the", "a", "an"):
                i += 1
            if i > j:
                continue
            # "the Kharkiv region" tagged whole: the kind word is inside the entity.
            kind = None
            if j > i and self.toks[j].low in _REGION_WORDS | _DISTRICT_WORDS | _CITY_WORDS:
                kind, j_name = self.toks[j].low, j - 1
            else:
                j_name = j
                kind, j = self._kind_after(j)
            kind = kind or self._kind_before(i)
            name = self.text[self.toks[i].start:self.toks[j_name].end]
            if is_demonym(name) or fold(name) in _COMMON and not country_code(name, demonyms=False):
                continue
            if _FEATURE.search(fold(name)):
                ranked = self._lookup(name, None, exact_only=True)
                if not (ranked and ranked[0].country in self.ctx.countries):
                    self._add_inner_or_bare(i, j, label)
                    continue
            if self._add(i, j, name, kind, exact_only=False, label=label):
                continue
            if label in ("FAC", "LOC"):
                self._add_inner_or_bare(i, j, label)

    def _add_inner_or_bare(self, i: int, j: int, label: str) -> None:
        """A facility or feature the gazetteer lacks: "Zaporizhzhia nuclear plant" inherits
        its town; "Snake Island" is kept by name, unresolved."""
        s, e = self.toks[i].start, self.toks[j].end
        for n in range(j - i, 0, -1):
            for a in range(i, j - n + 2):
                b = a + n - 1
                if not self.toks[a].cap:
                    continue
                name = self.text[self.toks[a].start:self.toks[b].end]
                if fold(name) in _COMMON or is_demonym(name):
                    continue
                ranked = self._lookup(name, None, exact_only=True)
                if ranked and (ranked[0].country in self.ctx.countries or ranked[0].population >= 20000):
                    place = ranked[0]
                    loc = Location(name=self.text[s:e], admin1=place.admin1, country=place.country,
                                   lat=round(place.lat, 5), lon=round(place.lon, 5),
                                   precision=TOWN if place.level == TOWN else place.level,
                                   geonameid=None, evidence=self._evidence(s, e))
                    self.cands.append(_Cand(s, e, loc))
                    self.taken.append((s, e))
                    return
        written = self.text[s:e]
        self.cands.append(_Cand(s, e, Location(name=written, evidence=self._evidence(s, e))))
        self.taken.append((s, e))

    # -- capitalised runs
    def from_runs(self) -> None:
        vetoes = [(s, e, label) for s, e, label in (self.ents or []) if label in _VETO_LABELS]
        for i, j in _runs(self.text, self.toks):
            # words capitalised only because they start the sentence or are titles
            while i <= j and (self.toks[i].low in _COMMON and self.toks[i].low not in _DIRECTIONS
                              or self.toks[i].low in _TITLES or self.toks[i].low in _LOCATIVE
                              or self.toks[i].low in _STOP):
                i += 1
            if i > j:
                continue
            self._match_run(i, j, vetoes)

    def _match_run(self, i: int, j: int, vetoes: list[tuple[int, int, str]]) -> None:
        """Longest gazetteer match inside the run; the rest of the run may only be direction,
        kind or connector words, else the match is part of a longer name ("Kyiv Post")."""
        n_max = min(6, j - i + 1)
        for n in range(n_max, 0, -1):
            for a in range(i, j - n + 2):
                b = a + n - 1
                if not (self.toks[a].cap and self.toks[b].cap):
                    continue
                rest = [t.low for t in self.toks[i:a]] + [t.low for t in self.toks[b + 1:j + 1]]
                kind_inside = None
                if b + 1 <= j and self.toks[b + 1].low in _REGION_WORDS | _DISTRICT_WORDS | _CITY_WORDS:
                    kind_inside = self.toks[b + 1].low
                if any(w not in _DIRECTIONS and w not in _CONNECTORS and w != kind_inside
                       for w in rest):
                    continue
                if self._try_span(a, b, kind_inside, vetoes):
                    return

    def _titled(self, a: int) -> bool:
        """A title ends the capitalised words right before the span: part of a person's name."""
        k = a - 1
        while k >= 0 and self.toks[k].cap and _gap_is_space(self.text, self.toks[k], self.toks[k + 1]):
            if self.toks[k].low in _TITLES:
                return True
            k -= 1
        return k == a - 1 and k >= 0 and self.toks[k].low in _TITLES

    def _list_continues(self, a: int) -> bool:
        """"Kharkiv, Sumy and Chuhuiv": a name right after a found place and a comma or "and"."""
        if a == 0:
            return False
        between = self.text[:self.toks[a].start]
        for c in self.cands:
            gap = between[c.end:] if c.end <= len(between) else None
            if gap is not None and re.fullmatch(r"\s*(?:,|and|or|,\s*and|,\s*or)\s*", gap):
                return True
        return False

    def _try_span(self, a: int, b: int, kind_inside: Optional[str],
                  vetoes: list[tuple[int, int, str]]) -> bool:
        s, e = self.toks[a].start, self.toks[b].end
        if self._overlaps(s, e):
            return False
        name = self.text[s:e]
        key = fold(name)
        if key in _COMMON or is_demonym(name):
            return False
        prev = _prev_word(self.toks, a)
        if prev in _TITLES or (a > 0 and self.toks[a - 1].text in ("Mr", "Ms", "Mrs", "Dr")):
            return False
        if kind_inside:
            kind, j = kind_inside, b + 1
        else:
            kind, j = self._kind_after(b)
        kind = kind or self._kind_before(a)
        locative = prev in _LOCATIVE or (a >= 2 and self.toks[a - 1].low in _DIRECTIONS
                                         and self.toks[a - 2].low in _LOCATIVE) \
            or self._list_continues(a) or (prev == "of" and a >= 2 and self.toks[a - 2].low in _OF_PLACE)
        exact_veto = next((lab for vs, ve, lab in vetoes if (vs, ve) == (s, e)), None)
        if country_code(name, demonyms=False):
            if exact_veto == "PERSON" and not locative:
                return False                # "Jordan said": Michael, not the kingdom
            return self._add(a, j, name, kind, exact_only=True)
        ranked = self._lookup(name, REGION if kind in _REGION_WORDS else None, exact_only=False)
        if not ranked:
            return False
        best = ranked[0]
        exact = self.gaz.has(name) or (name.lower().startswith("the ") and self.gaz.has(name[4:]))
        if not exact and key.endswith("i") and self.gaz.has(key[:-1]):
            return False                    # "Baghdadi", "al-Jazairi": a person's nisba
        if self._titled(a):
            return False                    # "Abu Muath al-Jazairi", "President Joe Biden"
        in_ctx = best.country in self.ctx.countries
        if _FEATURE.search(key) and not in_ctx:
            return False                    # "Black Sea" is no town in Virginia
        sentence_start = a == 0 or self.text[:s].rstrip().endswith((".", "!", "?", '"', "“"))
        if exact_veto == "PERSON" and _next_word(self.toks, b) in _SPEECH:
            return False                    # "Chaudhry said": a person, whatever the map says
        if exact_veto and not (locative or in_ctx):
            return False                    # NER read it as a person or an organisation
        if self._list_continues(a) and not (in_ctx or best.population >= 100000):
            return False
        if kind:
            ok = exact or in_ctx
        elif locative:
            floor = 20000 if self.ctx.countries else 1000
            ok = (exact and (in_ctx or best.population >= floor)) \
                or (not exact and (in_ctx or best.population >= 50000))
        else:
            big = best.population >= (100000 if not sentence_start else 300000)
            ok = exact and (big or (in_ctx and best.population >= 5000 and len(key) > 3)) \
                or (not exact and in_ctx and best.population >= 50000)
        if not ok:
            return False
        return self._add(a, j, name, kind, exact_only=False)

    def run(self) -> list[_Cand]:
        if self.ents:
            self.from_ents()
        self.from_runs()
        self.cands.sort(key=lambda c: c.start)
        return self.cands


def _candidates(text: str, offset: int, ents: Optional[Sequence[Ent]],
                context: Optional[PlaceContext]) -> list[_Cand]:
    if not isinstance(text, str):
        raise TypeError(f"find_places() expects the sentence text as a string, got {type(text).__name__}")
    if ents is not None:
        for ent in ents:
            if len(ent) != 3 or not (0 <= ent[0] <= ent[1] <= len(text)):
                raise ValueError(f"find_places(): entity {ent!r} is not (start, end, label) "
                                 f"within the {len(text)}-character text; pass offsets relative "
                                 f"to the sentence, not the article")
    return _Finder(text, offset, ents, context, get_gazetteer()).run()


def find_places(text: str, offset: int = 0, ents: Optional[Sequence[Ent]] = None,
                context: Optional[PlaceContext] = None, *,
                include_attributive: bool = True) -> list[Location]:
    """Every place the sentence names, in text order, each with ``evidence`` at
    ``offset + position`` (pass the sentence's start in the article to get article offsets).

    ``ents``: spaCy entities as (start_char, end_char, label) relative to ``text``; optional.
    ``context``: the article's :class:`PlaceContext`, for disambiguation; optional.
    Places used only as a name for someone ("Moscow said", "Kharkiv's governor") are kept
    (they are mentions), unless ``include_attributive=False``; :func:`smallest_place` ranks
    them last when given the text.
    """
    cands = _candidates(text, offset, ents, context)
    return [c.location for c in cands if include_attributive or not c.attributive]


_PRECISION_RANK = {TOWN: 1.0, REGION: 2.0, None: 2.5, COUNTRY: 3.0}


def smallest_place(locations: Iterable[Location], text: Optional[str] = None) -> Optional[Location]:
    """The smallest place the text ties the event to (CODEBOOK 3.5): town < region < country.

    Ties go to the first mentioned. With ``text`` (the article, since evidence offsets are
    article offsets), a place introduced by "from" (where fire came from, where people fled
    from) yields to the others.
    """
    best: Optional[tuple[tuple, Location]] = None
    for n, loc in enumerate(locations):
        rank = _PRECISION_RANK.get(loc.precision, 2.5)
        if loc.precision == COUNTRY and loc.name and fold(loc.name).split()[0] in _DIRECTIONS:
            rank -= 0.25                   # "eastern Ukraine" says a little more than "Ukraine"
        origin = 0
        if text is not None and loc.evidence is not None:
            before = text[max(0, loc.evidence.start - 12):loc.evidence.start].lower().split()
            origin = 1 if before and before[-1] in ("from", "by") else 0
            after = re.sub(r"^['’]s\b", "", text[loc.evidence.end:loc.evidence.end + 30]).split()
            if after and after[0].strip(",.;:").lower() in _ATTRIBUTIVE_AFTER:
                origin = max(origin, 1)
        key = (origin, rank, n)
        if best is None or key < best[0]:
            best = (key, loc)
    return best[1] if best else None
