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
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from eventwire.extract.countries import country_code, is_demonym
from eventwire.extract.gazetteer import (COUNTRY, REGION, TOWN, Gazetteer, Place, fold,
                                         get_gazetteer, is_primary_name)
from eventwire.records import Evidence, Location

Ent = tuple[int, int, str]

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Arabic name parts that open a person's name; places that start so ("Abu Kamal", "Umm Qasr")
# are found whole in the gazetteer before any part of the name is tried.
_NAME_PARTICLES = {"abu", "abou", "umm", "ibn", "bin", "bint"}
# Entities that are never places: a capitalised run inside one of these is not matched.
_VETO_LABELS = {"PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL",
                "QUANTITY", "PERCENT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"}

# "the Chernihiv region", "Idlib province", "Borno state": the word says the kind of place.
_REGION_WORDS = {"region", "regions", "oblast", "oblasts", "province", "provinces",
                 "governorate", "governorates", "state", "states", "prefecture", "prefectures",
                 "department", "departments", "territory", "county", "counties", "krai",
                 "wilaya", "division", "area"}
_DISTRICT_WORDS = {"district", "districts", "raion", "rayon", "municipality", "neighbourhood",
                   "neighborhood", "suburb", "suburbs", "township", "townships"}
_CITY_WORDS = {"city", "town", "village"}
_SMALL_KINDS = _DISTRICT_WORDS | {"town", "village"}
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
 downtown uptown""".split())
# "the outskirts of X", "north of X": a place follows "of".
_OF_PLACE = {"outskirts", "suburbs", "centre", "center", "north", "south", "east", "west",
             "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
             "south-east", "south-west", "heart", "streets", "residents", "people", "mayor",
             "governor", "part", "parts", "areas", "edge", "city", "town", "village", "region",
             "province", "district", "capital", "port", "siege", "battle", "fall", "liberation",
             "bombardment", "shelling", "capture", "outside", "east", "environs", "vicinity",
             "cities", "towns", "villages", "regions", "provinces", "districts", "ports"}
_SPEECH = {"said", "says", "told", "added", "explained", "stated", "wrote", "tweeted"}
# "the Hostomel airfield": a facility word after a name that NER took for a person.
_FACILITY_AFTER = {"airfield", "airport", "airbase", "base", "plant", "bridge", "dam", "port",
                   "station", "checkpoint", "crossing", "refinery", "district", "region",
                   "province", "hospital", "market", "camp", "prison", "highway", "road",
                   "front", "frontline", "outskirts", "suburb", "suburbs", "residents"}
_TIME_WORDS = set("""monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december today yesterday
tomorrow tonight jan feb mar apr jun jul aug sept sep oct nov dec""".split())
# Names of physical features and structures: "Black Sea", "Snake Island", "Hostomel Airport".
_FEATURE = re.compile(r"\b(?:sea|ocean|river|lake|islands?|mountains?|gulf|bay|strait|desert|"
                      r"valley|peninsula|canal|coast|plain|plateau|basin|delta|channel|airport|"
                      r"airfield|base|bridge|dam|plant|station|square|street|avenue|hospital|"
                      r"office|headquarters|palace|prison|stadium|mosque|church|school|"
                      r"university|market|port|crossing|checkpoint|camp|field|forest|park)$")
_CONNECTORS = {"of", "the", "de", "del", "la", "le", "al", "el", "ez", "ad", "as", "ar", "ash",
               "bin", "ibn", "e", "da", "do", "dos", "das", "du", "van", "von", "y", "an", "sur"}
_TOKEN = re.compile(r"[^\W\d_]+(?:[’'\-.][^\W\d_]+)*\.?", re.UNICODE)
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
    low: str
    cap: bool          # capitalised, or an Arabic-style article before one: "al-Habit"
    upper: bool        # all capitals: an acronym ("NISA") or a dateline ("QUETTA")


_CAP_ARTICLE = re.compile(r"^[a-z]{1,3}[\-’'][A-Z]")


def _tok(s: int, e: int, word: str) -> _Tok:
    first = word[:1]
    # The regex only when a joiner sits where an article's would: most words are lower-case.
    head = word[1:4]
    cap = first.isupper() or (("-" in head or "'" in head or "’" in head)
                              and _CAP_ARTICLE.match(word) is not None)
    return _Tok(s, e, word, word.lower(), cap, len(word) > 1 and word.isupper())


def _tokens(text: str) -> list[_Tok]:
    out = []
    append = out.append
    for m in _TOKEN.finditer(text):
        s = m.start()
        word = m.group(0)
        if word[-1] == "." and not _ABBREV.match(word):
            word = word[:-1]                      # sentence-final period, not "U.S."
        # A token ends in a letter or an abbreviation's period, so the only possessive left
        # to strip is "'s" ("Kharkiv's", "Kyiv’s"), and nothing else.
        if len(word) > 3 and (word.endswith("'s") or word.endswith("’s")):
            word = word[:-2]
        if word:
            append(_tok(s, s + len(word), word))
    return out


def _shifted(toks: Sequence[_Tok], base: int) -> list[_Tok]:
    return [_Tok(t.start - base, t.end - base, t.text, t.low, t.cap, t.upper) for t in toks]


def _tokens_within(source: str, toks: Sequence[_Tok], starts: Sequence[int], text: str,
                   offset: int) -> Optional[list[_Tok]]:
    """The tokens of ``text`` read off ``source``'s (``text == source[offset:...]``), so that
    an article is tokenised once, not again for each chunk and sentence. Only where the span
    is bounded by whitespace (or the text's ends): no token crosses whitespace and
    :data:`_TOKEN` has no look-arounds, so the tokens found there are exactly the same.
    None when that cannot be shown; the caller tokenises afresh."""
    end = offset + len(text)
    if offset < 0 or end > len(source) \
            or (offset > 0 and not source[offset - 1].isspace()) \
            or (end < len(source) and not source[end].isspace()) \
            or source[offset:end] != text:
        return None
    lo = bisect_left(starts, offset)
    hi = bisect_left(starts, end, lo)
    return _shifted(toks[lo:hi], offset)


# Lower-case role nouns right before a name: "SDF commander Memo Wan", "coroner Ann Horsley".
_ROLE_NOUNS = {"commander", "spokesman", "spokeswoman", "spokesperson", "minister", "president",
               "official", "leader", "chief", "governor", "mayor", "ambassador", "envoy",
               "secretary", "director", "analyst", "resident", "doctor", "journalist", "reporter",
               "correspondent", "lawyer", "coroner", "judge", "officer", "soldier", "fighter",
               "activist", "witness", "student", "teacher", "researcher", "expert", "senator",
               "lawmaker", "militant", "cleric", "founder", "chairman", "chairwoman",
               "negotiator", "diplomat", "premier", "chancellor", "deputy", "aide", "adviser",
               "advisor", "prosecutor", "ombudsman", "nurse", "surgeon", "pilot", "colonel",
               "captain", "sergeant", "lieutenant", "general", "emir", "sheikh", "imam",
               "cousin", "brother", "sister", "son", "daughter", "wife", "husband", "father",
               "mother", "uncle", "nephew", "farmer", "shopkeeper", "driver", "volunteer",
               "medic", "paramedic", "economist", "historian", "author", "writer", "editor",
               "photographer", "victim", "survivor", "detainee", "prisoner", "suspect",
               "defendant", "candidate", "opponent", "rival", "successor", "predecessor"}
# Titles that make the following words a person's name when the whole is no known place.
_PERSON_TITLES = _TITLES - {"saint", "st"}
# Broad regions no gazetteer row stands for: kept by name, never resolved to a namesake town.
_MACRO_REGIONS = {"africa", "europe", "asia", "america", "americas", "middle east", "near east",
                  "far east", "north africa", "west africa", "east africa", "horn of africa",
                  "central africa", "southern africa", "sub saharan africa", "latin america",
                  "south america", "north america", "central america", "central asia",
                  "south asia", "southeast asia", "east asia", "eastern europe",
                  "western europe", "central europe", "the balkans", "balkans", "caucasus",
                  "the caucasus", "north caucasus", "sahel", "the sahel", "maghreb", "levant",
                  "the levant", "arabian peninsula", "scandinavia", "the west", "oceania",
                  "mediterranean", "the mediterranean", "persian gulf", "the gulf", "arctic",
                  "antarctica", "the arctic", "eurasia", "indo pacific", "pacific", "atlantic"}
_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n+")


def _person_keys(words: Sequence[str]) -> set[str]:
    """Keys a person's name can recur under: the full name and the surname, with or without
    its Arabic article ("Abu Bakr al-Baghdadi" -> "baghdadi")."""
    keys = {fold(" ".join(words))}
    last = fold(words[-1])
    keys.add(last)
    bare = re.sub(r"^(?:al|el|ad|ar|as|ash|at|az|an|ez|ed|es) ", "", last)
    keys.add(bare)
    return {k for k in keys if len(k) >= 3}


def _chunks(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans: the finder's list and context rules look only within one."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


@dataclass
class PlaceContext:
    """What the whole article says about where it is: countries (weighted), regions, and the
    people it names (so that "Wan said" is not a Chinese city once "Memo Wan" appeared)."""
    countries: dict[str, float] = field(default_factory=dict)
    admin1s: set[str] = field(default_factory=set)
    mentions: list[Location] = field(default_factory=list)   # resolved places, text order
    persons: set[str] = field(default_factory=set)            # folded names and surnames
    # Gazetteer answers per (name, level, exact_only) within this article: names recur, and the
    # per-sentence calls after from_text ask again about the same ones.
    _lookups: dict = field(default_factory=dict, repr=False, compare=False)
    # The article's text and tokens, so per-sentence finders slice them instead of
    # tokenising again.
    _text: Optional[str] = field(default=None, repr=False, compare=False)
    _toks: list = field(default_factory=list, repr=False, compare=False)
    _starts: list = field(default_factory=list, repr=False, compare=False)

    def tokens_of(self, text: str, offset: int) -> list[_Tok]:
        """Tokens of ``text`` found at ``offset`` in the article (offsets relative to it)."""
        if self._text is not None:
            toks = _tokens_within(self._text, self._toks, self._starts, text, offset)
            if toks is not None:
                return toks
        return _tokens(text)

    @classmethod
    def from_text(cls, text: str, ents: Optional[Sequence[Ent]] = None) -> "PlaceContext":
        """Countries named (weight 1 each mention), demonyms (0.5), resolved towns (0.3);
        person names from titles, role nouns, speech verbs and PERSON entities."""
        if not isinstance(text, str):
            raise TypeError(f"PlaceContext.from_text() expects the article text as a string, "
                            f"got {type(text).__name__}")
        toks = _tokens(text)
        ctx = cls(countries=dict(_country_weights(text, toks)))
        ctx._text, ctx._toks, ctx._starts = text, toks, [t.start for t in toks]
        gaz = get_gazetteer()
        ctx.persons = _persons(text, toks, gaz)
        if ents:
            ctx.add_person_ents(text, ents)
        weights = Counter(ctx.countries)
        for s, e in _chunks(text):
            sub = None
            if ents is not None:
                sub = [(a - s, b - s, lab) for a, b, lab in ents if a >= s and b <= e]
            for cand in _Finder(text[s:e], s, sub, ctx, gaz, ctx.tokens_of(text[s:e], s)).run():
                loc = cand.location
                if loc.country and loc.precision in (TOWN, REGION):
                    weights[loc.country] += 0.3
                if loc.admin1:
                    ctx.admin1s.add(loc.admin1)
                ctx.mentions.append(loc)
        ctx.countries = dict(weights)
        ctx._lookups.clear()                      # the weights changed: rank afresh
        return ctx

    def add_person_ents(self, text: str, ents: Sequence[Ent]) -> None:
        """Record multi-word PERSON entities. Single words are left out: the small English
        model often tags unfamiliar place names ("Hostomel") as persons."""
        for s, e, label in ents:
            if label != "PERSON":
                continue
            words = [t.text for t in _tokens(text[s:e])]
            if len(words) < 2 or any(country_code(w, demonyms=True) for w in words):
                continue
            if get_gazetteer().has(" ".join(words)):
                continue                          # "Khan Sheikhun" tagged as a person
            self.persons |= _person_keys(words)

    def is_person(self, name: str) -> bool:
        key = fold(name)
        return key in self.persons

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


_NOT_HEAD_NOUNS = {"and", "or", "is", "was", "has", "have", "had", "said", "says", "to", "in", "on",
                   "of", "for", "with", "by", "at", "from", "as", "that", "which", "will", "would",
                   "could", "can", "may", "must", "should", "are", "were", "be", "been", "also",
                   "but", "after", "before", "since", "until", "into", "over", "did", "does", "do",
                   "who", "where", "when", "while", "if", "than", "then", "now", "so", "not", "its"}


def _modifies_next(text: str, toks: list[_Tok], j: int) -> bool:
    """A country name used as an adjective: followed, after a space, by the noun it modifies."""
    if j >= len(toks) or j == 0:
        return False
    gap = text[toks[j - 1].end:toks[j].start]
    if gap in ("-", "–"):
        return True         # "the U.S.-Taliban deal"
    if gap != " ":
        return False
    nxt = toks[j]
    if nxt.low in ("and", "or") and j + 2 < len(toks):
        # "U.S. and NATO troops", "U.S. and coalition troops"
        return toks[j + 2].low in _COORDINATED_HEADS or toks[j + 1].low in _COORDINATED_HEADS
    if nxt.cap:
        return nxt.low in _TITLE_WORDS
    return nxt.text.isalpha() and nxt.low not in _NOT_HEAD_NOUNS and not nxt.low.endswith("ed")


_COORDINATED_HEADS = {"troops", "forces", "soldiers", "officials", "leaders", "diplomats", "commanders",
                      "allies", "negotiators", "envoys", "warplanes", "jets", "aircraft", "drones",
                      "militaries", "governments"}

_TITLE_WORDS = {"president", "army", "forces", "military", "government", "secretary", "embassy",
                "navy", "ambassador", "minister", "prime", "defense", "defence", "state", "department",
                "officials", "congress", "senate", "envoy", "troops", "air", "special", "central"}


def _country_weights(text: str, toks: list[_Tok]) -> Counter[str]:
    """Each country name counts 1, each demonym 0.5 ("Syrian" says less than "Syria")."""
    weights: Counter[str] = Counter()
    i = 0
    while i < len(toks):
        hit = None
        if toks[i].cap:
            for n in (6, 5, 4, 3, 2, 1):
                if i + n > len(toks):
                    continue
                phrase = text[toks[i].start:toks[i + n - 1].end]
                code = country_code(phrase, demonyms=(n == 1))
                if code:
                    hit = (n, code, n > 1 or country_code(phrase, demonyms=False) is not None)
                    break
        if hit:
            n, code, is_name = hit
            if is_name and _modifies_next(text, toks, i + n):
                is_name = False     # "U.S. troops", "U.S. President Biden": a demonym's work
            weights[code] += 1.0 if is_name else 0.25
            i += n
        else:
            i += 1
    return weights


def _persons(text: str, toks: list[_Tok], gaz: Gazetteer) -> set[str]:
    """Names the article gives to people, without NER: the words after a title ("President
    Vladimir Putin", "Abu Muath al-Jazairi") or a role noun ("commander Memo Wan"), and
    two- or three-word names that speak ("Memo Wan said", "said Memo Wan")."""
    persons: set[str] = set()
    for i, j in _runs(text, toks):
        words = toks[i:j + 1]
        name: list[_Tok] = []
        titled = False
        for k in range(len(words) - 1, -1, -1):
            if words[k].low in _PERSON_TITLES and k < len(words) - 1:
                name, titled = words[k + 1:], True
                whole = text[words[k].start:words[-1].end]
                if gaz.has(whole) or gaz.has(text[words[k].start:words[k + 1].end]):
                    name = []                     # "Abu Dhabi", "Sheikh Zuweid": a place
                break
        if not titled:
            prev = toks[i - 1] if i > 0 else None
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            role = prev is not None and not prev.cap and prev.low in _ROLE_NOUNS
            speaks = len(words) in (2, 3) and (
                nxt is not None and nxt.low in _SPEECH or prev is not None and prev.low in _SPEECH)
            if (role or speaks) and not gaz.has(text[words[0].start:words[-1].end]):
                name = list(words)
        name = [t for t in name if t.low not in _CONNECTORS]
        if not name or any(t.low in _COMMON or t.upper or country_code(t.text) for t in name):
            continue
        persons |= _person_keys([t.text for t in name])
    return persons


@dataclass(slots=True)
class _Cand:
    start: int                    # offsets in the sentence, of the name as written
    end: int
    location: Location
    attributive: bool = False
    origin: bool = False          # "from X": where something came from, not where it happened


_GROUP_MEMBERS = {"members", "member", "leader", "leaders", "faction", "factions", "wing",
                  "commander", "commanders", "fighters", "gunmen", "cells", "cell", "boss",
                  "bosses", "hitmen", "militants"}
_GROUP_AFTER = {"gang", "gangs", "cartel", "cartels", "criminal", "faction", "militia",
                "militias", "gangsters", "syndicate", "mafia"}


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
                 ctx: Optional[PlaceContext], gaz: Gazetteer,
                 toks: Optional[list[_Tok]] = None) -> None:
        self.text = text
        self.offset = offset
        self.ents = list(ents) if ents is not None else None
        self.ctx = ctx if ctx is not None else PlaceContext()
        self.gaz = gaz
        self.toks = toks if toks is not None else self.ctx.tokens_of(text, offset)
        if self.ents:
            self.ctx.add_person_ents(text, self.ents)
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
        key = (name, level, exact_only, len(self.ctx.admin1s))
        hit = self.ctx._lookups.get(key)
        if hit is None:
            hit = self.ctx._lookups[key] = self.gaz.lookup(
                name, countries=self.ctx.countries or _NO_CTX, level=level,
                admin1s=self.ctx.admin1s, fuzzy=not exact_only)
        return hit

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
            verdict = self._ent_verdict(i, j_name, name, kind)
            if verdict == "skip":
                continue
            if verdict == "bare":
                self._add_bare(i, j)
                continue
            if verdict == "inner":
                if label in ("FAC", "LOC"):
                    self._add_inner_or_bare(i, j, label)
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

    def _ent_verdict(self, i: int, j: int, name: str, kind: Optional[str]) -> str:
        """Whether a place entity from NER is one: "place", "bare" (a broad region kept by
        name, unresolved: "the Middle East"), "inner" (only a feature or facility, if at all)
        or "skip" (a person's name, an acronym...)."""
        key = fold(name)
        core = key.split(" ", 1)[1] if j > i and self.toks[i].low in _DIRECTIONS else key
        if key in _MACRO_REGIONS or core in _MACRO_REGIONS:
            return "bare"
        if not any(t.cap or t.upper for t in self.toks[i:j + 1]):
            return "skip"                   # "the canton of ...": a common noun, not Canton
        if self._names_group(i, j):
            return "skip"                   # "members of the Los Lobos": a gang, not a town
        locative = self._locative(i)
        speech = _next_word(self.toks, j) in _SPEECH
        if country_code(name, demonyms=False):
            return "skip" if self.ctx.is_person(name) and not locative else "place"
        if self._acronym(i, j):
            return "skip"
        if not kind and (_prev_word(self.toks, i) in _TITLES or self._titled(i)):
            return "skip"                   # "President Putin" tagged as a place
        ranked = self._lookup(name, REGION if kind in _REGION_WORDS else None)
        if not ranked:
            return "place"                  # the caller keeps features by name
        best = ranked[0]
        exact = self.gaz.has(name) or (key.startswith("the ") and self.gaz.has(name[4:]))
        primary = exact and is_primary_name(best, key[4:] if key.startswith("the ") else key)
        if not exact and not self._fuzzy_ok(best):
            return "inner"                  # no town by that spelling: a feature, or nothing
        if exact and self.ctx.countries and best.country not in self.ctx.countries \
                and not best.prominent and best.population < 100000:
            return "inner"                  # "Chai village" in Mozambique is not Chai, Turkey
        if self.ctx.is_person(name):
            facility = _next_word(self.toks, j) in _FACILITY_AFTER
            ok = self._person_ok(best, exact, kind or ("facility" if facility else None),
                                 locative, speech, primary, named_person=True)
            return "place" if ok else "skip"
        if speech and not (best.prominent and primary) and not (
                primary and self._weight(best.country) >= 1.0 and best.population >= 50000):
            return "skip"
        return "place"

    def _names_group(self, i: int, j: int) -> bool:
        """The name is an armed or criminal group's: "members of the Los Lobos", "the Los
        Choneros gang"."""
        k = i - 1
        if k >= 0 and self.toks[k].low == "the":
            k -= 1
        if k >= 1 and self.toks[k].low == "of" and self.toks[k - 1].low in _GROUP_MEMBERS:
            return True
        return _next_word(self.toks, j) in _GROUP_AFTER

    def _add_bare(self, i: int, j: int) -> None:
        s, e = self.toks[self._direction_start(i)].start, self.toks[j].end
        if self._overlaps(s, e):
            return
        written = self.text[s:e]
        self.cands.append(_Cand(s, e, Location(name=written, evidence=self._evidence(s, e))))
        self.taken.append((s, e))

    def _add_inner_or_bare(self, i: int, j: int, label: str) -> None:
        """A facility or feature the gazetteer lacks: "Zaporizhzhia nuclear plant" inherits
        its town; "Snake Island" is kept by name, unresolved."""
        s, e = self.toks[i].start, self.toks[j].end
        if j > i and fold(self.toks[i].text) in _NAME_PARTICLES:
            return              # "Abu Muath al-Jazairi": a kunya names a person, not "Mount Abu"
        for n in range(j - i, 0, -1):
            for a in range(i, j - n + 2):
                b = a + n - 1
                if not self.toks[a].cap:
                    continue
                name = self.text[self.toks[a].start:self.toks[b].end]
                if fold(name) in _COMMON or is_demonym(name):
                    continue
                ranked = self._lookup(name, None, exact_only=True)
                if ranked and self._inner_ok(ranked[0], fold(name)):
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
            # Words capitalised only because they start the sentence, or titles and dates. A
            # capitalised common word inside a sentence is part of a name ("Star Wars",
            # "Human Rights Watch"), and the run is kept whole so that no tail of it matches.
            while i <= j:
                t = self.toks[i]
                if t.low in _TITLES:
                    if self.gaz.has(self.text[t.start:self.toks[j].end]) or (
                            i < j and self.gaz.has(self.text[t.start:self.toks[i + 1].end])):
                        break                     # "Abu Dhabi", "Sheikh Zuweid"
                elif not (t.low in _LOCATIVE or t.low in _STOP or t.low in _TIME_WORDS
                          or t.low in _COMMON and t.low not in _DIRECTIONS
                          and self._sentence_start(i)):
                    break
                i += 1
            if i > j:
                continue
            self._match_run(i, j, vetoes)

    def _sentence_start(self, i: int) -> bool:
        if i == 0:
            return True
        before = self.text[:self.toks[i].start].rstrip()
        return not before or before[-1] in ".!?\"“‘:;(—–-\n"

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
                if b < j and self.toks[j].low in _CONNECTORS:
                    continue            # "Campo Dos": a connector ends no name, it is part of one
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

    def _locative(self, a: int) -> bool:
        prev = _prev_word(self.toks, a)
        return prev in _LOCATIVE or (a >= 2 and self.toks[a - 1].low in _DIRECTIONS
                                     and self.toks[a - 2].low in _LOCATIVE) \
            or self._list_continues(a) \
            or (prev == "of" and a >= 2 and self.toks[a - 2].low in _OF_PLACE)

    def _acronym(self, a: int, b: int) -> bool:
        """"NISA", "SDF": capitals only, and not a dateline ("QUETTA, Pakistan —") nor a
        headline written in capitals."""
        if not all(t.upper for t in self.toks[a:b + 1]):
            return False
        after = self.text[self.toks[b].end:self.toks[b].end + 40]
        if re.match(r"\s*(?:—|–|--|-\s)", after) or re.match(r",\s*[A-Z][\w.]*", after) and (
                b + 1 < len(self.toks) and (country_code(self.toks[b + 1].text, demonyms=False)
                                            or self.gaz.has(self.toks[b + 1].text))):
            return False
        letters = [c for c in self.text if c.isalpha()]
        return sum(c.isupper() for c in letters) < 0.8 * len(letters)

    def _weight(self, iso3: str) -> float:
        return self.ctx.countries.get(iso3, 0.0)

    def _inner_ok(self, place: Place, key: str) -> bool:
        """A town inside a longer name ("Kherson airport") counts in a country the story is
        about, or if it is big and so named; "Ali" inside "Mir Ali" in a story from Pakistan is
        no suburb of Delhi because India is named twice, and "Mambasa territory" in a Congo
        story is no Mombasa, which GeoNames also spells so."""
        top = max(self.ctx.countries.values(), default=0.0)
        if not self.ctx.countries:
            return place.population >= 20000
        return self._weight(place.country) >= 0.5 * top or (
            place.population >= 100000 and is_primary_name(place, key))

    def _fuzzy_ok(self, place: Place) -> bool:
        """A spelling the gazetteer lacks ("Mayadeen") is trusted only in a country the
        article is clearly about, never because some far-off town looks alike ("Donbas")."""
        w = self._weight(place.country)
        top = max(self.ctx.countries.values(), default=0.0)
        return w >= 1.0 and w >= 0.25 * top

    def _person_ok(self, best: Place, exact: bool, kind: Optional[str], locative: bool,
                   speech: bool, primary: bool, *, named_person: bool) -> bool:
        """A name used for a person becomes a place only on strong evidence: a kind word
        ("the town of X", "X province") or a locative ("in X") for a place in the article's
        countries or a capital/big city; or, not speaking ("Wan said"), a sizeable town of a
        country the article names. A far-off village never.

        ``named_person``: the article itself uses the name for someone ("Memo Wan"), which
        asks for a bigger town (50k, by its own name) than a bare PERSON tag from the small
        NER model, which often mistakes Arabic or Ukrainian place names for people."""
        if not exact:
            return False
        in_ctx = best.country in self.ctx.countries
        if kind or locative:
            return in_ctx or (best.prominent and primary)
        if speech or self._weight(best.country) < 1.0:
            return False
        if named_person:
            return primary and best.population >= 50000
        return best.population >= 20000

    def _try_span(self, a: int, b: int, kind_inside: Optional[str],
                  vetoes: list[tuple[int, int, str]]) -> bool:
        s, e = self.toks[a].start, self.toks[b].end
        if self._overlaps(s, e):
            return False
        name = self.text[s:e]
        key = fold(name)
        if key in _COMMON or is_demonym(name) or key in _MACRO_REGIONS:
            return False
        prev = _prev_word(self.toks, a)
        if prev in _TITLES or (a > 0 and self.toks[a - 1].text in ("Mr", "Ms", "Mrs", "Dr")):
            return False
        if kind_inside:
            kind, j = kind_inside, b + 1
        else:
            kind, j = self._kind_after(b)
        kind = kind or self._kind_before(a)
        locative = self._locative(a)
        exact_veto = next((lab for vs, ve, lab in vetoes if (vs, ve) == (s, e)), None)
        speech = _next_word(self.toks, b) in _SPEECH
        named_person = self.ctx.is_person(name)
        person = exact_veto == "PERSON" or named_person
        if country_code(name, demonyms=False):
            if person and not locative:
                return False                # "Jordan said": Michael, not the kingdom
            return self._add(a, j, name, kind, exact_only=True)
        if self._acronym(a, b):
            return False
        ranked = self._lookup(name, REGION if kind in _REGION_WORDS else None, exact_only=False)
        if not ranked:
            return False
        best = ranked[0]
        bare_key = key[4:] if key.startswith("the ") else key
        exact = self.gaz.has(name) or (name.lower().startswith("the ") and self.gaz.has(name[4:]))
        primary = exact and is_primary_name(best, bare_key)
        if not exact and key.endswith("i") and self.gaz.has(key[:-1]):
            return False                    # "Baghdadi", "al-Jazairi": a person's nisba
        if self._titled(a):
            return False                    # "Abu Muath al-Jazairi", "President Joe Biden"
        in_ctx = best.country in self.ctx.countries
        if _FEATURE.search(key) and not in_ctx:
            return False                    # "Black Sea" is no town in Virginia
        if not exact and not self._fuzzy_ok(best):
            return False                    # "Putin" is no misspelt "Putian"
        facility = _next_word(self.toks, b) in _FACILITY_AFTER
        if person:
            if not self._person_ok(best, exact, kind or ("facility" if facility else None),
                                   locative, speech, primary, named_person=named_person):
                return False
            return self._add(a, j, name, kind, exact_only=False)
        sentence_start = self._sentence_start(a)
        if speech and not (best.prominent and primary) and not (
                primary and self._weight(best.country) >= 1.0 and best.population >= 50000):
            return False                    # "Wan said": a person, whatever the map says
        if exact_veto and not (locative or in_ctx or facility):
            return False                    # NER read it as a person or an organisation
        if self._list_continues(a) and not (in_ctx or best.population >= 100000):
            return False
        # A story that clearly keeps to its countries names a far town only if it is big:
        # "marched through Pilsen" in a Chicago story is the neighbourhood, not Plzen.
        elsewhere = max(self.ctx.countries.values(), default=0.0) >= 2.0 and self._weight(best.country) < 1.0
        if kind:
            # "Chai village" in a story about Mozambique is not the Chai of Turkey: a kind
            # word vouches for the name, not for a far country the article never names.
            # A small unit's word ("Kani township") asks more of a far namesake than "city" does.
            # A far namesake must answer to its own name: GeoNames also calls Mombasa "Mambasa".
            far = primary and (best.prominent or (best.population >= 100000 and kind not in _SMALL_KINDS))
            ok = (exact and (in_ctx or not self.ctx.countries or far)) or self._fuzzy_ok(best)
        elif elsewhere:
            ok = exact and primary and (best.prominent or best.population >= 500000)
        elif locative:
            floor = 20000 if self.ctx.countries else 1000
            # A far town answers to an alternate name only if it is big: "Houla" in a story
            # from Lebanon is not Syria's Kafr Laha, which GeoNames also calls Houla.
            ok = (exact and (in_ctx or best.population >= floor and (
                primary or best.population >= 100000 or not self.ctx.countries))) \
                or (not exact and (in_ctx or best.population >= 50000))
        else:
            big = primary and (best.prominent or best.population >= (
                100000 if not sentence_start else 300000))
            ok = exact and (big or (in_ctx and best.population >= 5000 and len(key) > 3
                                    and (primary or self._weight(best.country) >= 1.0))) \
                or (not exact and in_ctx and best.population >= 50000)
        if not ok and exact and locative and self._apposed_area(b):
            ok = True                       # "in Charlevoix, Quebec": placed by what follows
        if not ok:
            return False
        return self._add(a, j, name, kind, exact_only=False)

    def _apposed_area(self, b: int) -> bool:
        """Is token b followed by a comma and a country or an admin1 region's name?"""
        if b + 1 >= len(self.toks) or not re.fullmatch(
                r",\s*", self.text[self.toks[b].end:self.toks[b + 1].start]):
            return False
        nxt = self.toks[b + 1]
        if not nxt.cap:
            return False
        for n in (3, 2, 1):
            if b + n >= len(self.toks):
                continue
            words = self.text[nxt.start:self.toks[b + n].end]
            if country_code(words, demonyms=False):
                return True
            ranked = self._lookup(words, REGION, exact_only=True)
            if ranked and ranked[0].level == REGION:
                return True
        return False

    def run(self) -> list[_Cand]:
        if self.ents:
            self.from_ents()
        self.from_runs()
        self.cands.sort(key=lambda c: c.start)
        self._apply_appositions()
        return self.cands

    def _apply_appositions(self) -> None:
        """"Charlevoix, Quebec", "Tripoli, Lebanon": the region or country after a comma says
        where the town is. Re-resolve the town inside it; where the gazetteer has no such town
        there, keep the name as written with the region's (or country's) admin1 and country."""
        for a, b in zip(self.cands, self.cands[1:]):
            town, area = a.location, b.location
            gap = self.text[a.end:b.start]
            # "Hays district in Hodeidah province": a district placed by the province after it.
            # So is "Kani township of Sagaing Region".
            placed_in = PLACED_IN.fullmatch(gap) is not None and area.precision == REGION
            if area.country is None or not (
                    (town.precision == TOWN and re.fullmatch(r",\s*", gap))
                    or (town.precision in (TOWN, REGION) and placed_in)):
                continue
            if area.precision == TOWN and area.evidence is not None:
                # "Charlevoix, Quebec": after a town and a comma, Quebec is the province
                region = self.gaz.lookup(area.evidence.text, level=REGION, fuzzy=False)
                if region and region[0].level == REGION:
                    area = b.location = region[0].location(area.name, precision=REGION,
                                                           evidence=area.evidence)
            if area.precision not in (REGION, COUNTRY):
                continue
            if town.country == area.country and (area.precision == COUNTRY
                                                 or town.admin1 == area.admin1
                                                 or (placed_in and town.precision == REGION)):
                continue
            ev = town.evidence
            name = ev.text if ev is not None else town.name
            inside = [p for p in self.gaz.lookup(name, countries={area.country: 1.0})
                      if p.country == area.country and p.level == TOWN
                      and (area.precision == COUNTRY or p.admin1 == area.admin1)]
            if inside:
                a.location = inside[0].location(town.name, precision=TOWN, evidence=ev)
            elif placed_in and town.precision == TOWN:
                # A town the gazetteer lacks in that region: its name, the region's admin1.
                a.location = Location(name=town.name, admin1=area.admin1, country=area.country,
                                      precision=TOWN, geonameid=None, evidence=ev)
            else:
                a.location = Location(name=town.name, admin1=area.admin1, country=area.country,
                                      lat=area.lat, lon=area.lon, precision=area.precision,
                                      geonameid=None, evidence=ev)


_UNIT_KIND = (r"(?:township|district|county|municipality|sub-?district|tehsil|taluka|commune|department|"
              r"prefecture|local government area|lga|area|valley|neighbou?rhood|village|hamlet|camp|town|city)")
# "Hays district in Hodeidah province", "Kani township of Sagaing Region": what lies between a
# unit and the region that holds it.
PLACED_IN = re.compile(rf"\s+(?:{_UNIT_KIND}\s+)?in\s+(?:the\s+)?|\s+{_UNIT_KIND}\s+of\s+(?:the\s+)?", re.I)


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


_OPEN_WATER = re.compile(r"\b(?:sea|ocean|gulf)\b")


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
        if loc.precision is None and loc.name and _OPEN_WATER.search(fold(loc.name)):
            rank += 0.25                   # "the Black Sea island ... Snake Island": the island
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
