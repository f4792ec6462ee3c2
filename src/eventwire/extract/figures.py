"""Figures: numbers someone states about the conflict (CODEBOOK s.1 Figure, 3.3).

For each count in a sentence (``numbers.find_numbers``) the extractor reads:
- what is counted: the noun phrase after the number ("1,000 Russian soldiers", "dozens of
  pieces of military equipment", "144 of its soldiers"), or, for a bare number, the one it
  is listed with ("killed 351 civilians and 707 injured") or the toll it updates ("the death
  toll rose to 63");
- what happened to them (the quantity), in this order: a toll noun in the phrase ("25 civilian
  deaths", "17 injured people", "440 bodies"); a verb governing the number ("killed at least
  eight", "injuries to eight"); the predicate after the phrase ("... were wounded",
  "... had left their homes"), skipping "including ..." asides and the list the number is in;
  sub-counts ("including 210 children") take their head's quantity;
- who: country from a demonym in the phrase, a possessive ("his country's troops") via the
  claimant, the other side of an interstate war for losses a side claims to have inflicted,
  else the place; sector from the head noun;
- where, when (period), by whom (claimant), with the span of each in ``provenance``.

Not figures (CODEBOOK s.1): counts with no casualty/loss/displacement predicate (troops
deployed, weapons delivered, munitions fired, people present, attacks, durations), money,
hypothetical projections ("could reach 1.5 million", "expected to flee"), and pre-war numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional

from ..records import Evidence, Figure, Location, Period, Subject
from . import claimants, conflicts, dates
from .context import dateline_end
from .countries import country_code, country_name
from .numbers import NUMBER_WORDS_PATTERN, NumberMention, find_numbers
from .triggers import SCARE_QUOTES

# --- lexicons ---------------------------------------------------------------------------------
_SECTOR_NOUNS: dict[str, str] = {}
for _sector, _words in {
    "civilians": "people persons civilians civilian residents staff employees children kids women men boys girls "
                 "passengers villagers elders miners workers students journalists refugees "
                 "migrants families inhabitants worshippers pilgrims farmers patients hostages "
                 "captives teenagers babies infants pupils teachers doctors nurses medics "
                 "aid workers volunteers shoppers mourners guests fishermen herders traders "
                 "individuals foreigners nationals citizens evacuees survivors locals "
                 "spectators onlookers bystanders attendees supporters voters congregants "
                 "parishioners customers diners commuters households subscribers consumers",
    "military": "soldiers troops servicemen servicemembers personnel marines paratroopers "
                "sailors pilots conscripts recruits guards servicewomen commandos crew "
                "crewmen",
    # Officers counted in a toll are police far more often than army officers.
    "police": "police policemen policewomen constables gendarmes cops officers",
    "rebels": "militants fighters terrorists insurgents rebels jihadists separatists gunmen "
              "extremists attackers assailants bandits members combatants maoists naxals "
              "naxalites islamists houthis guerrillas guerrilas",
    "militia": "militiamen militias militiamen vigilantes",
    "government": "officials ministers lawmakers politicians diplomats legislators",
    "protesters": "protesters protestors demonstrators",
    "rioters": "rioters looters",
    "unknown": "deaths fatalities bodies dead victims casualties others those lives suspects",
    "_singular": "",
}.items():
    for _w in _words.split():
        _SECTOR_NOUNS[_w] = _sector
_SINGULAR_PERSON = ("person", "man", "woman", "child", "boy", "girl", "civilian", "soldier",
                    "policeman", "officer", "journalist", "resident", "passenger", "worker",
                    "teenager", "student", "farmer", "guard", "fighter", "militant",
                    "serviceman", "pilot", "baby", "doctor", "nurse", "volunteer", "member",
                    "prisoner", "hostage", "personnel", "elder", "villager", "spectator",
                    "bystander", "onlooker")
# Trades that head a counted phrase ("killing one engineer"). Kept out of the singular tolls
# above: "a British engineer was killed" tells a story's victim more often than a tally.
_TRADES = frozenset(("engineer", "technician", "contractor", "employee", "driver", "trader",
                     "fisherman", "herder", "shepherd", "teacher", "medic", "paramedic",
                     "reporter", "photographer", "cameraman", "labourer", "laborer", "miner",
                     "pilgrim"))
# Drones are left out: a tally of drones shot down counts munitions stopped, which no gold set
# codes as equipment lost.
_EQUIPMENT = frozenset("""tanks aircraft planes jets helicopters vehicles apcs ifvs trucks
    ships boats vessels warships launchers howitzers guns cannons artillery systems
    pieces equipment hardware armour armor bombers carriers transporters radars
    locomotives trains""".split())
_BUILDINGS = frozenset("""buildings homes houses apartments flats schools hospitals facilities
    shops structures mosques churches bridges depots warehouses bases plants stations
    factories offices dwellings residences blocks properties clinics storage""".split())
_MILITARY_SITES = frozenset({"depots", "bases", "facilities", "positions", "airfields",
                             "warehouses", "storage"})
_SETTLEMENTS = frozenset({"villages", "towns", "settlements", "localities", "cities"})
_NON_COUNT = frozenset("""attacks strikes raids hours days weeks months years minutes seconds
    times rounds shells missiles rockets bombs munitions projectiles mortars kilometres
    kilometers km miles metres meters feet tonnes tons dollars euros pounds percent cases
    incidents operations sorties cities countries provinces regions districts nations states
    flights votes seats points stories floors languages pages""".split())
_PERSON_HEAD = frozenset(_SECTOR_NOUNS) - {"deaths", "fatalities", "casualties", "lives"}

# Quantity triggers. Each maps a regex (matched on lowercased text) to a quantity.
_T_KILLED = (r"killed|killing|kills|kill|dead|died|dies|die|deaths?|death\s+toll|toll|"
             r"fatalities|lost\s+their\s+lives|perished|slain|executed|massacred|murdered|"
             r"shot\s+dead|bodies|lives|lifeless|eliminated|neutrali[sz]ed?|neutrali[sz]ing|liquidated|"
             # Army communiqués: "two soldiers fallen with arms in hand".
             r"fallen(?=\s+(?:with|in\s+(?:combat|action|battle)|on\s+the\s+field))")
_T_INJURED = (r"injured|injuring|injures|injuries|wounded|wounding|wounds|hurt|hospitali[sz]ed|"
              r"injury")
_T_DISPLACED = (r"fled|fleeing|flee|displaced|refugees|evacuated|evacuees|evacuation\s+trains|"
                r"left\s+(?:their\s+homes|home|the\s+country|for|through|ukraine|the\s+city|"
                r"the\s+region|the\s+area)|have\s+left|had\s+left|crossed|arrived|arrival|"
                r"homeless|uprooted|sought\s+refuge|sought\s+shelter|made\s+their\s+way|leave|"
                r"took\s+refuge|taken\s+refuge|(?:are|were|is)\s+streaming\s+out|streamed\s+out|"
                r"poured\s+out|pouring\s+out|forced\s+(?:out\s+of|from)\s+their\s+homes|"
                r"moved\s+into\s+(?:\w+\s+){0,2}camps?|sheltering\s+in\s+(?:\w+\s+){0,2}camps?")
_T_DETAINED = (r"detained|detaining|arrested|arresting|arrests|captured|capturing|abducted|"
               r"kidnapped|taken\s+hostage|hostages?|jailed|imprisoned|"
               # "held" only as a passive: "200 people held a vigil" detains nobody.
               r"(?:were|was|are|is|been|being|still|remain\w*)\s+(?:\w+\s+)?held|"
               r"held\s+(?:by|captive|hostage|prisoner|in\s+(?:custody|detention|captivity))|"
               r"taken\s+prisoner|prisoners?|surrendered|surrendering|rounded\s+up|detainees|"
               r"captives|in\s+custody")
_T_MISSING = r"missing|unaccounted|disappeared"
_T_DAMAGED = (r"destroyed|destroying|destroy|damaged|damaging|razed|flattened|demolished|"
              r"burned|burnt|torched|levelled|leveled|hit|struck")
_T_LOST = (r"destroyed|destroying|destroy|eliminated|lost|downed|shot\s+down|captured|seized|"
           r"knocked\s+out|disabled|damaged|burned|burnt|hit|struck")
_T_SERVICES = (r"without\s+(?:access\s+to\s+)?(?:power|electricity|water|heat|heating|gas|"
               r"running\s+water|internet|light)|lost\s+(?:power|electricity|water)|"
               r"cut\s+off\s+from|no\s+(?:power|electricity|water)")
_T_OTHER = (r"freed|released|release|rescued|exchanged|swapped|returned|remained|remain|"
            r"remaining|trapped|stranded|crammed|besieged|needed\s+(?:urgent\s+)?evacuation|"
            r"need\s+(?:urgent\s+)?(?:evacuation|aid|assistance|help)|in\s+need|recaptured|"
            r"liberated|retaken|retook|killed\s+and\s+(?:injured|wounded)|"
            r"dead\s+and\s+(?:injured|wounded)|casualties")

_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("without_services", re.compile(rf"\b(?:{_T_SERVICES})\b")),
    ("other", re.compile(rf"\b(?:{_T_OTHER})\b")),
    ("missing", re.compile(rf"\b(?:{_T_MISSING})\b")),
    ("injured", re.compile(rf"\b(?:{_T_INJURED})\b")),
    ("killed", re.compile(rf"\b(?:{_T_KILLED})\b")),
    ("detained", re.compile(rf"\b(?:{_T_DETAINED})\b")),
    ("displaced", re.compile(rf"\b(?:{_T_DISPLACED})\b")),
    ("damage", re.compile(rf"\b(?:{_T_DAMAGED}|{_T_LOST})\b")),
]
_MODAL = re.compile(r"\b(?:could|may|might|would|will|shall|expected|expecting|expect|likely|"
                    r"feared|fears|fear|threatened|threatens|threaten|risk|risks|projected|"
                    r"forecast|predicted|predicts|estimates?\s+that\s+up\s+to|plans?|planned|"
                    r"aims?|hoped|hopes|set\s+to|going\s+to|if|unless|would-be|scenarios?|preparing|"
                    r"prepared\s+for|in\s+case)\b")
_PREWAR = re.compile(r"\b(?:pre-war|prewar|before\s+the\s+(?:war|invasion|conflict)|"
                     r"population\s+of|peacetime)\b", re.IGNORECASE)
_FILLER = frozenset("""at least more than over about some around nearly almost up to as many
    another a further further additional the an a of its his her their our estimated roughly
    approximately least than many fewer less just only total some whom those them""".split())
_CLAUSE_BREAK = re.compile(r"[;:]|\s[—–]\s|\bwhose\b|\bsaid\b|\bsays\b|\btold\b|\bwhile\b|\bwhereas\b|\bbut\b|\bafter\b|\bbefore\b|"
                           r"\bbecause\b|\bwhen\b|\bas\s+(?!many|much|well)")
_GROWTH = re.compile(r"\b(?:to|at|reached|reach|hit|topped|surpassed|exceeded|passed|"
                     r"stands\s+at|stood\s+at|is|was|now|above|of|risen\s+to|rose\s+to)\s+$")
_NUMBER_WORD = re.compile(r"(?i)^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                          r"twelve|twenty|thirty|forty|fifty|hundred|thousand|dozens?|a|an)$")
_TOKEN = re.compile(r"[A-Za-z][\w’'\-]*|\d[\d,.]*|[^\sA-Za-z\d]")
_CASUALTY_HINT = re.compile(
    r"\b(?:kill|dead|die|death|fatal|wound|injur|hurt|casualt|toll|bod(?:y|ies)|fled|flee|"
    r"refugee|displac|evacu|detain|arrest|captur|hostage|abduct|kidnap|missing|destroy|damag|"
    r"without\s+(?:power|water|electricity|heat)|freed|released|rescued|prisoner|lost|"
    r"shot\s+down|eliminat|homeless|trapped|remain|left|recaptur|liberat|retak|surrender|held|"
    r"crammed|without|hurt|spared|rescu|exchang|swap|mass\s+grave|dead|refuge|streaming|"
    r"streamed|pour|camps?\b|fallen|neutrali)", re.IGNORECASE)
_ANY_COUNT = re.compile(r"\d|\b(?:" + NUMBER_WORDS_PATTERN + r"|thousands?|millions?|hundreds|"
                        r"dozens|scores|an?\s+(?:\w+\s+){0,2}\w+\s+"
                        r"(?:was|has\s+been|had\s+been)\s+(?:killed|injured|wounded|shot))\b",
                        re.IGNORECASE)


def needs_parse(text: str) -> bool:
    """Cheap test: may this sentence hold a figure (a count near a casualty/loss word)?"""
    return bool(_CASUALTY_HINT.search(text)) and bool(_ANY_COUNT.search(text))


# --- phrase reading ---------------------------------------------------------------------------
@dataclass
class _Read:
    n: NumberMention
    head: Optional[str] = None          # head noun, lowercased
    head_kind: str = "none"             # person / equipment / building / settlement / toll / none
    np_end: int = 0                     # end of the counted phrase (sentence offsets)
    np_text: str = ""
    quantity: Optional[str] = None
    trigger: Optional[tuple[int, int]] = None
    trigger_kind: str = ""              # np / verb / predicate / list / lookback / including
    sector: Optional[str] = None
    country: Optional[str] = None
    reject: Optional[str] = None
    parent: Optional[int] = None        # index of the head count of an "including" aside
    active: bool = False                # "it killed/destroyed X": losses inflicted by the speaker


def _words(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text, start, end))


def _head_kind(word: str) -> str:
    w = word.lower().strip("’'")
    if w in _EQUIPMENT:
        return "equipment"
    if w in _BUILDINGS:
        return "building"
    if w in _SETTLEMENTS:
        return "settlement"
    if w in ("deaths", "fatalities", "casualties", "bodies", "dead", "lives", "injuries",
             "wounded", "injured"):
        return "toll"
    if w in _PERSON_HEAD or w.endswith("men") or w in _SINGULAR_PERSON or w in _TRADES:
        return "person"
    if w in _NON_COUNT:
        return "noncount"
    if w.endswith("s") and country_code(w[:1].upper() + w[1:]) and w[:1].isalpha():
        return "person"                  # "Britons", "Ukrainians", "Afghans"
    return "none"


def _read_phrase(text: str, n: NumberMention) -> tuple[Optional[str], str, int, list[str]]:
    """Head noun, its kind, the end of the phrase and the modifier words before the head."""
    toks = _words(text, n.end, min(len(text), n.end + 90))
    mods: list[str] = []
    i = 0
    # "500 or so militants", "1,000\" Taliban fighters", "50-plus people"
    while i < len(toks) and toks[i].group().lower() in ("“", "”", '"', "+", "-plus", "plus"):
        i += 1
    if i + 1 < len(toks) and toks[i].group().lower() == "or" and \
            toks[i + 1].group().lower() in ("so", "more"):
        i += 2
    # "dozens of pieces of equipment", "144 of its soldiers", "37 of whom"
    if toks and toks[0].group().lower() == "of":
        i = 1
        while i < len(toks) and toks[i].group().lower() in ("the", "its", "his", "her", "their",
                                                             "our", "them", "whom", "those",
                                                             "which", "these"):
            w = toks[i].group().lower()
            if w in ("whom", "them", "those", "these"):
                return "those", "person", toks[i].end(), mods
            mods.append(w)
            i += 1
    for j in range(i, min(len(toks), i + 7)):
        word = toks[j].group()
        low = word.lower().strip("’'")
        if low in ("of",) and j + 1 < len(toks) and mods and mods[-1] in ("pieces",):
            continue
        if word in (",", ".", ";", ":", "(", ")", "—", "–", "“", "”", '"') or low in (
                "were", "was", "have", "has", "had", "are", "is", "in", "on", "at", "from", "by",
                "to", "and", "or", "who", "which", "that", "after", "during", "with", "since",
                "for", "as", "including", "while", "been", "be", "will", "would", "could"):
            if low == "and" and mods and j + 1 < len(toks) and \
                    not toks[j + 1].group()[0].isdigit() and \
                    _NUMBER_WORD.match(toks[j + 1].group()) is None and \
                    not re.search(r"(?:ing|ed)$", toks[j + 1].group().lower()):
                # ("killing one engineer and wounding two guards": a new clause, not one phrase)
                # "18 off-duty military and paramilitary personnel": one phrase.
                ahead = [_head_kind(t.group()) for t in toks[j + 1:j + 5]]
                if any(k in ("person", "equipment", "building") for k in ahead):
                    mods.append(low)
                    continue
            break
        kind = _head_kind(word)
        if low in ("bombers", "bomber") and mods and mods[-1].lower() in ("suicide", "female", "male"):
            kind = "person"              # "two suicide bombers", not two aircraft
        if kind == "none" and low in ("pieces", "units", "items") and j + 2 < len(toks) and \
                toks[j + 1].group().lower() == "of":
            mods.append(low)
            sub = toks[j + 2:j + 5]
            for s in sub:
                k2 = _head_kind(s.group())
                if k2 != "none":
                    return s.group().lower(), k2, s.end(), mods
            continue
        if kind != "none":
            # "security personnel", "military equipment": take the last noun of a compound.
            if j + 1 < len(toks) and _head_kind(toks[j + 1].group()) in ("person", "equipment",
                                                                         "building", "toll"):
                mods.append(low)
                continue
            return low, kind, toks[j].end(), mods
        mods.append(word)
    return None, "none", n.end, mods


def _trigger_in(text: str, start: int, end: int) -> Optional[tuple[str, int, int]]:
    """The first quantity trigger in text[start:end] (lowercased search), as (q, s, e)."""
    seg = text[start:end].lower()
    best: Optional[tuple[str, int, int]] = None
    for q, pat in _TRIGGERS:
        m = pat.search(seg)
        if m and (best is None or m.start() < best[1] - start):
            best = (q, start + m.start(), start + m.end())
    return best


def _verb_before(text: str, start: int) -> Optional[tuple[str, int, int]]:
    """A trigger that governs the number: "killed at least eight", "injuries to eight"."""
    toks = _words(text, max(0, start - 60), start)
    j = len(toks)
    skipped = 0
    while j > 0 and toks[j - 1].group().lower() in _FILLER and skipped < 4:
        j -= 1
        skipped += 1
    if j == 0:
        return None
    if toks[j - 1].group().lower() in ("to", "of") and j >= 2:
        # "injuries to eight", "the deaths of 16", "the release of 144", "toll to 63"
        w2 = toks[j - 2].group().lower()
        if w2 in ("injuries", "deaths", "release", "death", "lives", "toll", "evacuation",
                  "arrest", "detention", "capture", "abduction", "kidnapping", "rescue",
                  "displacement", "exodus", "arrival", "loss", "killing", "killings"):
            t = _trigger_in(text, toks[j - 2].start(), toks[j - 2].end())
            if t:
                return t
        return None
    w = toks[j - 1]
    if j >= 3:
        both = _trigger_in(text, toks[j - 3].start(), w.end())
        if both and both[0] == "other" and both[2] == w.end():
            return both              # "killed and injured 1,000"
    # "killed and 707 injured" must not give "killed" to 707.
    t = _trigger_in(text, w.start(), w.end())
    if t is None and j >= 2:
        two = _trigger_in(text, toks[j - 2].start(), w.end())   # "shot down", "taken hostage"
        if two and two[2] == w.end():
            t = two
    if t is None:
        return None
    # A participle that ends a clause before the number is not its verb ("killed, 12 ...").
    between = text[w.end():start]
    if "," in between:
        return None
    return t


def _skip_asides(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans to ignore when reading the predicate: "— including ... —", ", including ...,"."""
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"[—–]\s*including[^—–]*[—–]|,\s*including[^,;]*(?:,|(?=\s+(?:were|was|had|have|are|lost|died)\b))|"
                         r"\s+including\s+[^,;]*?(?=\s+(?:were|was|had|have|are|lost|died)\b)|"
                         r"\([^)]*\)", text[start:end]):
        spans.append((start + m.start(), start + m.end()))
    return spans


_STATE_AFTER_REMAIN = re.compile(r"\s+(?:\w+ly\s+)?(?:(?:internally|still|in)\s+)?(\w+(?:\s+\w+)?)")


# An active verb right after the counted phrase: the counted did something.
_DOER_VERB = re.compile(r"\s*(?:[a-z]+ly\s+)?(?:had\s+|have\s+|has\s+)?(?!(?:were|was|been)\b)([a-z]+ed)\b")


def _predicate_after(text: str, r: _Read, stop: int) -> Optional[tuple[str, int, int]]:
    """The trigger of the predicate after the counted phrase, up to ``stop``."""
    start = r.np_end
    end = min(stop, start + 120)
    chars = list(text[start:end])
    for a, b in _skip_asides(text, start, end):
        for i in range(a - start, min(b, end) - start):
            chars[i] = " "
    masked = "".join(chars)
    cut = _CLAUSE_BREAK.search(masked)
    if cut:
        masked = masked[:cut.start()]
    neg = re.search(r"\b(?:spared|escaped|avoided|survived|no|not|never|without\s+(?:injur|harm))",
                    masked.lower())
    lowered = masked.lower()
    best: Optional[tuple[str, int, int]] = None
    for q, pat in _TRIGGERS:
        m = pat.search(lowered)
        if m and (best is None or m.start() < best[1]):
            best = (q, m.start(), m.end())
    if best is None:
        return None
    if best[0] == "other" and re.match(r"remain", lowered[best[1]:]):
        # "remain displaced", "remained in custody": the state named after "remain" counts.
        state = _STATE_AFTER_REMAIN.match(lowered, best[2])
        if state:
            starts = (len(lowered) - len(lowered[best[2]:].lstrip()), state.start(1))
            found = next(((q, m.start(), m.end()) for at in starts for q, pat in _TRIGGERS
                          if q != "other" and (m := pat.match(lowered, at))), None)
            best = found or best
    if neg and neg.start() < best[1]:
        return None
    doer = _DOER_VERB.match(lowered)
    if doer and doer.end() <= best[1] and lowered[best[1]:best[2]].endswith("ing") \
            and not any(p.match(doer.group(1)) for _, p in _TRIGGERS):
        return None     # "two bombers rammed the gate, killing 18": the 18 were killed, not the two
    return best[0], start + best[1], start + best[2]


_NON_ARMED_MEMBERS = {"staff", "family", "crew", "household", "team", "church", "club", "community"}


def _sector_of(head: Optional[str], mods: list[str], kind: str, quantity: Optional[str]
               ) -> Optional[str]:
    words = [m.lower() for m in mods]
    if "civilian" in words or "civilians" in words:
        return "civilians"
    if "police" in words:
        return "police"
    if any(w in ("military", "security", "army", "paramilitary", "government", "pro-government",
                 "off-duty") for w in words) and kind in ("person", "toll"):
        return "military"
    if kind == "equipment":
        return "military"
    if kind == "building":
        return "military" if head in _MILITARY_SITES or "military" in words else "civilians"
    if head is None:
        return None
    if head in ("officers",):
        return "military" if any(w in ("army", "military", "naval", "navy", "armed") for w in words) \
            else "police"
    if head in ("members", "gunmen", "men", "suspects", "fighters") and any(
            w.lower().strip("’'s") in _CRIMINAL_WORDS for w in words):
        return "militia"                 # "three suspected cartel members"
    if head in ("prisoners", "captives", "hostages", "detainees"):
        return "military" if "war" in words else ("civilians" if head != "prisoners" else None)
    if head.endswith("militiamen") or head == "militiamen":
        return "militia"
    if head in ("dead", "injured", "wounded", "missing") and words and (
            words[-1] in _SECTOR_NOUNS or words[-1] in _SINGULAR_PERSON):
        # "5 soldiers dead", "15 prisoners dead": the noun before the state names who.
        before = _sector_of(words[-1], words[:-1], "person", quantity)
        if before is not None:
            return before
    if head in _SINGULAR_PERSON and head + "s" in _SECTOR_NOUNS:
        head = head + "s"
    if head in ("man", "woman", "child", "person", "boy", "girl", "baby"):
        return "civilians"
    if head in _SECTOR_NOUNS:
        s = _SECTOR_NOUNS[head]
        return None if s == "unknown" else s
    if kind == "person":
        return "civilians"
    return None


_CRIMINAL_WORDS = frozenset(("cartel", "gang", "faction", "mafia", "criminal", "narco", "crime"))


def _country_in(words: list[str]) -> Optional[str]:
    for w in words:
        clean = w.strip("“”\"’'").removesuffix("’s").removesuffix("'s")
        if clean[:1].isupper():
            code = country_code(clean)
            if code:
                return code
    return None


# --- assembly ---------------------------------------------------------------------------------
@dataclass
class _SentenceFigures:
    reads: list[_Read] = field(default_factory=list)


def _is_partitive_one(text: str, n: NumberMention) -> bool:
    """"one of more than 25 foreigners held": the one is a member, the 25 is the count."""
    after = text[n.end:n.end + 60]
    return n.value == 1 and bool(re.match(r"\s+of\s+(?:the\s+)?(?:more\s+than\s+|at\s+least\s+|"
                                          r"some\s+|about\s+)?(?:\d|an?\s+estimated|\w+\s+of)",
                                          after))


_INCLUDING = re.compile(r"\bincluding\b|\bamong\s+them\b|\bof\s+whom\b|\bincl\.")
_LISTED = re.compile(r"^\s*(?:,\s*)?(?:(?:and|or|as\s+well\s+as|along\s+with|plus|with)\s+)?"
                     r"(?:another|a\s+further|an\s+additional)?\s*$|(?:,|\band|\balong\s+with|"
                     r"\bas\s+well\s+as|\bplus)\s*(?:another|a\s+further)?\s*$")
_ALLOWED_NEXT = re.compile(
    r"\s+(?:were|was|have|has|had|are|is|more|others?|in|on|at|from|killed|dead|died|injured|"
    r"wounded|missing|of|and|or|to|who|remain\w*|fled|left|last|so|[a-z]+ed)\b", re.IGNORECASE)


# "Dozens of Israeli settlers attacked ...": the count is of those who struck.
_DOER_VERBS = (r"(?:attacked|stormed|raided|ambushed|abducted|kidnapped|torched|looted|besieged|overran|"
               r"opened\s+fire|set\s+fire|rampaged|descended\s+on)")
_DOERS_AFTER = re.compile(rf"(?:\s+of)?(?:\s+[A-Za-z’'-]+){{0,3}}?\s+(?:also\s+|then\s+|reportedly\s+)?"
                          rf"{_DOER_VERBS}\b", re.I)


def _read_sentence(text: str, prev_text: str = "") -> list[_Read]:
    reads: list[_Read] = []
    for n in find_numbers(text):
        r = _Read(n=n)
        head, kind, np_end, mods = _read_phrase(text, n)
        r.head, r.head_kind, r.np_end = head, kind, np_end
        r.np_text = text[n.end:np_end]
        r.sector = _sector_of(head, mods, kind, None)
        if head == "members" and (any(m.lower() in _NON_ARMED_MEMBERS for m in mods) or re.match(
                r"\s+of\s+(?:a|one|the|his|her|their|a\s+single)\s+(?:family|household|crew|staff|team)\b",
                text[np_end:np_end + 40], re.I)):
            r.sector = "civilians"      # "staff members", "four members of one family"
        r.country = _country_in(mods + text[n.end:np_end].split()[-1:])
        if re.search(r"\b(?:other|remaining)\s+$", text[:n.span_start]):
            r.reject = "refers back to a count already given"
        elif kind == "noncount":
            r.reject = "not a count of people or things"
        elif kind == "none" and head is None and re.match(r"\s*[A-Za-z]", text[n.end:n.end + 2]) \
                and not _ALLOWED_NEXT.match(text[n.end:n.end + 16]):
            r.reject = "counts something that is not a figure"
        if kind == "person" and _DOERS_AFTER.match(text[n.end:n.end + 80]):
            r.reject = "counts the doers of an attack, not its victims"
        if _is_partitive_one(text, n):
            r.reject = "member of a group"
        elif n.value == 1 and re.match(r"\s+of\s+(?:the|its|their)\s+(?:\w+est|most|worst|biggest)\b",
                                       text[n.end:n.end + 40]):
            r.reject = "ranks the event (one of the deadliest ...), counts nobody"
        reads.append(r)
    live = [r for r in reads if r.reject is None]
    # Sub-counts first: "more than 5,000 civilians, including 210 children, had been killed".
    for idx in range(1, len(live)):
        prev, r = live[idx - 1], live[idx]
        gap = text[prev.np_end:r.n.span_start]
        if _INCLUDING.search(gap):
            head = prev
            while head.parent is not None:
                head = live[head.parent]
            r.parent = live.index(head)
        elif prev.parent is not None and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", gap):
            r.parent = prev.parent           # "including 58 men, 31 women and 15 children"
    # Quantities.
    for idx, r in enumerate(live):
        n = r.n
        nxt = next((o.n.span_start for o in live[idx + 1:] if o.parent is None
                    and o.head_kind not in ("settlement",)), len(text))
        np_t = _trigger_in(text, n.end, r.np_end) if r.np_end > n.end else None
        post_adj = re.match(r"\s+(?:(?:reported|still|now)\s+)?(dead|injured|wounded|missing|homeless|hostage)\b",
                            text[r.np_end:r.np_end + 24])
        # The state told right after the phrase outranks one its noun implies: "leaving 15
        # prisoners dead" counts the dead, not the detained.
        post_t = _trigger_in(text, r.np_end + post_adj.start(1), r.np_end + post_adj.end(1)) \
            if post_adj else None
        if post_t is None and r.head in ("dead", "injured", "wounded", "missing") \
                and text[:r.np_end].lower().endswith(r.head) and r.np_end - len(r.head) > n.end:
            post_t = _trigger_in(text, r.np_end - len(r.head), r.np_end)
        if post_t:
            r.quantity, r.trigger, r.trigger_kind = post_t[0], (post_t[1], post_t[2]), "np"
        elif np_t:
            r.quantity, r.trigger, r.trigger_kind = np_t[0], (np_t[1], np_t[2]), "np"
        if r.quantity is None:
            v = _verb_before(text, n.span_start)
            if v:
                r.quantity, r.trigger, r.trigger_kind = v[0], (v[1], v[2]), "verb"
                r.active = True
        if r.quantity is None and r.head_kind != "settlement":
            p = _predicate_after(text, r, nxt if nxt > r.np_end else len(text))
            if p is None and nxt <= r.np_end + 2:
                p = _predicate_after(text, r, len(text))
            if p:
                r.quantity, r.trigger, r.trigger_kind = p[0], (p[1], p[2]), "predicate"
    # Sub-counts and lists inherit from the count they belong to.
    for idx, r in enumerate(live):
        if r.parent is not None:
            head = live[r.parent]
            if head.quantity and (r.quantity is None or r.trigger_kind == "predicate"):
                r.quantity, r.trigger, r.trigger_kind = head.quantity, head.trigger, "including"
            r.country = r.country or head.country
            continue
        if idx == 0:
            continue
        prev = next((o for o in reversed(live[:idx]) if o.parent is None), live[idx - 1])
        gap = text[prev.np_end:r.n.span_start]
        listed = (_LISTED.search(gap) is not None and not _trigger_in(
            text, prev.np_end, r.n.span_start)) or re.search(
            r"(?:along\s+with|as\s+well\s+as|together\s+with)\s*$", gap) is not None
        if listed and prev.quantity and r.quantity is None:
            r.quantity, r.trigger, r.trigger_kind = prev.quantity, prev.trigger, "list"
            r.active = prev.active
        elliptic = r.head is None or (r.head in ("wounded", "injured", "dead", "missing")
                                      and r.np_text.strip().lower() == r.head)
        if elliptic and r.quantity is not None and prev.quantity is not None \
                and prev.head_kind in ("person", "toll"):
            r.sector = r.sector or prev.sector
            r.country = r.country or prev.country
            r.head_kind = prev.head_kind
        if r.head in ("others", "more") and prev.sector:
            r.sector, r.country = prev.sector, r.country or prev.country
    # A list that ends in its predicate: "six soldiers and 11 militants were killed" — the
    # earlier counts share the state told after the last one.
    for idx in range(len(live) - 2, -1, -1):
        r, nxt_r = live[idx], live[idx + 1]
        if r.quantity is not None or r.parent is not None or nxt_r.parent is not None \
                or nxt_r.quantity is None or nxt_r.trigger_kind != "predicate" \
                or r.head_kind not in ("person", "toll", "equipment", "building"):
            continue
        gap = text[r.np_end:nxt_r.n.span_start]
        if _LISTED.search(gap) and not _trigger_in(text, r.np_end, nxt_r.n.span_start) \
                and len(gap) < 12:
            r.quantity, r.trigger, r.trigger_kind = nxt_r.quantity, nxt_r.trigger, "list"
    # Bare numbers that update a toll named earlier: "the death toll had risen to at least 63",
    # or in the sentence before: "... could reach 1.5 million. The figure is now 1.3 million."
    for r in live:
        if r.quantity is None and r.head is None and _GROWTH.search(text[:r.n.span_start]):
            before = text[:r.n.span_start].lower()
            offset = 0
            if not any(p.search(before) for _, p in _TRIGGERS) and prev_text and re.match(
                    r"^\s*(?:the|this)\s+(?:figure|number|toll|tally|total|count)\b", before):
                before, offset = prev_text.lower(), None
            t = None
            for q, pat in _TRIGGERS:
                for m in pat.finditer(before):
                    if t is None or m.start() > t[1]:
                        t = (q, m.start(), m.end())
            if t:
                r.quantity, r.trigger_kind = t[0], "lookback"
                r.trigger = (t[1], t[2]) if offset is not None else None
    # "Mixed" heads: "31 people, including 23 security personnel" -> sector unknown.
    for idx, r in enumerate(live):
        kids = [k for k in live if k.parent == idx]
        if kids and r.sector == "civilians" and r.head in ("people", "persons") and any(
                k.sector not in (None, "civilians") for k in kids):
            r.sector = "unknown"
    return live


def _finalise_quantity(r: _Read) -> Optional[str]:
    q = r.quantity
    if q is None:
        return None
    if q == "damage":
        if r.head_kind == "equipment":
            return "equipment_lost"
        if r.head_kind == "building":
            return "buildings_damaged"
        return None
    if r.head_kind == "equipment" and q in ("killed", "detained", "other"):
        return "equipment_lost" if q != "other" else None
    if r.head_kind == "building" and q in ("killed", "detained"):
        return None
    if r.head_kind == "settlement":
        return "other" if q == "other" else None
    if q == "displaced" and r.head_kind not in ("person", "none", "toll"):
        return None
    if q == "other" and r.sector in ("rebels", "military", "militia") and r.trigger_kind in (
            "predicate", "np") and r.head not in ("prisoners", "captives", "hostages"):
        return None              # fighters still holding a place are not a figure
    return q


def _hypothetical(text: str, r: _Read) -> bool:
    if r.trigger is None:
        return False
    a = min(r.n.span_start, r.trigger[0])
    b = max(r.n.end, r.trigger[1])
    look_from = max(0, a - 28)
    window = text[look_from:b].lower()
    if r.trigger_kind == "np":
        window = text[max(0, r.n.span_start - 28):r.n.span_start].lower()
    if r.trigger_kind in ("list", "including"):
        return False
    if _MODAL.search(window):
        # "may be higher — up to 10 fatalities": the modal belongs to another clause.
        last = list(_MODAL.finditer(window))[-1]
        if re.search(r"[—–;]", window[last.end():]):
            return False
        return True
    return False


def _sentence_places(ctx: Any, sentence: Any, attributive: bool = True) -> list[Location]:
    """Places of a sentence; with ``attributive`` also those used as someone's name or title
    ("the mayor of Mariupol", "Moscow said")."""
    cache = ctx.extra.setdefault("figure_places", {})
    key = (sentence.index, attributive)
    if key not in cache:
        from . import places
        ents = None
        if sentence.doc is not None:
            ents = [(e.start_char, e.end_char, e.label_) for e in sentence.doc.ents]
        cache[key] = places.find_places(sentence.text, sentence.start, ents, ctx.places,
                                        include_attributive=attributive)
    return cache[key]


def _possessive(ctx: Any, loc: Location) -> bool:
    """"Russia’s invasion": a country named as an owner, not as the place."""
    ev = loc.evidence
    return (loc.precision == 3 and ev is not None
            and ctx.text[ev.end:ev.end + 2] in ("’s", "'s"))


def _locative(ctx: Any, loc: Location) -> bool:
    """"in Ukraine", "across eastern Syria": the country is where things happened."""
    ev = loc.evidence
    if ev is None:
        return False
    before = ctx.text[max(0, ev.start - 30):ev.start].lower()
    return bool(re.search(r"\b(?:in|across|throughout|inside|within|around|all\s+over|near|"
                          r"at|outside|into|on)\s+"
                          r"(?:the\s+)?(?:(?:city|town|village|region|province|port|capital|"
                          r"district)\s+of\s+)?(?:(?:north|south|east|west|central|northern|southern|"
                          r"eastern|western|north-?eastern|north-?western|south-?eastern|"
                          r"south-?western)\s+)?$", before))


def _place_for(ctx: Any, sentence: Any) -> tuple[Optional[Location], Optional[Evidence]]:
    """Where a figure is: a town or region of the sentence; a country it places things in;
    a town or region of the three sentences before (news carries the place forward); the
    article's main country."""
    from . import places
    placed = ctx.extra.get("event_places", {}).get(sentence.index)
    if placed is not None:
        return placed, placed.evidence
    locs = [loc for loc in _sentence_places(ctx, sentence) if not _possessive(ctx, loc)]
    filed_from = sentence.start + dateline_end(sentence.text)
    told = [loc for loc in locs if loc.evidence is None or loc.evidence.start >= filed_from]
    locs = told or locs          # the dateline counts only when the sentence names nothing else
    local = [loc for loc in locs if loc.precision in (1, 2)]
    if local:
        best = places.smallest_place(local, ctx.text)
        if best is not None:
            return best, best.evidence
    national = [loc for loc in _sentence_places(ctx, sentence, False)
                if loc.precision == 3 and not _possessive(ctx, loc) and _locative(ctx, loc)]
    if national:
        return national[0], national[0].evidence
    for prev in reversed(ctx.sentences[max(0, sentence.index - 3):sentence.index]):
        local = [loc for loc in _sentence_places(ctx, prev, False)
                 if loc.precision in (1, 2) and _locative(ctx, loc)]
        if local:
            best = places.smallest_place(local, ctx.text)
            if best is not None:
                return best, best.evidence
    code = _main_code(ctx)
    if code:
        return Location(name=country_name(code) or code, country=code, precision=3), None
    return None, None


def _period(ctx: Any, sentence: Any, r: _Read, place_country: Optional[str]
            ) -> tuple[Optional[Period], Optional[Evidence]]:
    published: Optional[date] = ctx.published
    mentions = dates.sentence_dates(ctx, sentence)
    pub = published.isoformat() if published else None
    for m in mentions:
        if dates.is_since_conflict_start(m):
            countries = [c for c in (place_country, _main_code(ctx)) if c]
            start = conflicts.conflict_start(countries, published)
            ev = sentence.evidence(m.start - sentence.start, m.end - sentence.start)
            return Period(**{"from": start.isoformat() if start else None, "to": pub}), ev
    for m in mentions:
        # "since September 2024", "since the fighting began in September 2024": a tally from
        # that day to the story's.
        before = ctx.text[max(0, m.start - 40):m.start]
        if m.kind == "point" and pub and (re.search(r"\bsince\s*$", before, re.I) or (
                re.search(r"\b(?:began|begun|started|erupted|broke\s+out)\s+(?:in|on)\s*$", before, re.I)
                and re.search(r"\bsince\b", sentence.text, re.I))):
            ev = sentence.evidence(m.start - sentence.start, m.end - sentence.start)
            return Period(**{"from": m.period_from.isoformat(), "to": pub}), ev
    spans = [m for m in mentions if m.kind == "span"]
    if spans:
        m = spans[0]
        ev = sentence.evidence(m.start - sentence.start, m.end - sentence.start)
        return Period(**{"from": m.period_from.isoformat(), "to": m.period_to.isoformat()}), ev
    if re.search(r"\bso\s+far\b|\bin\s+the\s+(?:war|conflict)\b|\bsince\s+the\s+(?:war|invasion)",
                 sentence.text, re.IGNORECASE):
        countries = [c for c in (place_country, _main_code(ctx)) if c]
        start = conflicts.conflict_start(countries, published)
        if start:
            return Period(**{"from": start.isoformat(), "to": pub}), None
    iso, _prec, ev = dates.event_date(ctx, sentence, (r.n.start - sentence.start,
                                                      r.n.end - sentence.start))
    if iso is None:
        return None, None
    points = [m for m in mentions if m.kind == "point"]
    if points and ev is not None:
        near = min(points, key=lambda m: abs(m.start - (sentence.start + r.n.start)))
        return Period(**{"from": near.period_from.isoformat(),
                         "to": near.period_to.isoformat()}), ev
    return Period(**{"from": iso, "to": iso}), ev


def _main_code(ctx: Any) -> Optional[str]:
    main = ctx.extra.get("main_country")
    if isinstance(main, Location):
        return main.country
    return getattr(ctx.places, "main_country", None) if ctx.places is not None else None


# Protesters named in the sentence. Narrower than types.wording._protest_context, which also
# fires on "during the protests" ("arrested nine people ... planning to loot shops during the
# protests" are not protesters: that reading cost a G figure).
_PROTESTERS = re.compile(r"\b(?:protesters|protestors|demonstrators|marchers|protest|rally)\b", re.I)
_FIGURE_QUALIFIER_VERBS = re.compile(r"\b(?:estimated?|estimates|believed|thought|feared)\b",
                                     re.IGNORECASE)


def _sentence_figures(ctx: Any, sentence: Any) -> list[Figure]:
    text = sentence.text
    if not needs_parse(text):
        return []
    if _PREWAR.search(text):
        return []
    prev_text = ctx.sentences[sentence.index - 1].text if sentence.index > 0 else ""
    # Scare quotes give way to spaces, not nothing, so every offset still points into the
    # sentence as written.
    reads = _read_sentence(SCARE_QUOTES.sub(lambda m: " " + m.group(1) + " ", text), prev_text)
    out: list[Figure] = []
    claim = None
    place = place_ev = None
    for r in reads:
        q = _finalise_quantity(r)
        if q is None or _hypothetical(text, r):
            continue
        if claim is None:
            claim = claimants.find_claimant(ctx, sentence)
            place, place_ev = _place_for(ctx, sentence)
        n = r.n
        qualifier = n.qualifier
        if qualifier == "exact" and _FIGURE_QUALIFIER_VERBS.search(text) and not n.vague:
            est = _FIGURE_QUALIFIER_VERBS.search(text)
            if est and abs(est.start() - n.start) < 80:
                qualifier = "about"
        country = r.country
        if country is None and r.head and re.search(r"\b(?:its|his|her|their)\b(?:\s+country['’]s)?",
                                                      text[n.end:r.np_end]):
            country = _claimant_country(claim)
        if country is None and q == "equipment_lost":
            country = next((o.subject.country for o in reversed(out)
                            if o.subject.sector == "military" and o.subject.country), None)
        if country is None and q in ("equipment_lost", "killed", "detained") and (
                q == "equipment_lost" or (r.active and r.sector in ("military", None))):
            who = _claimant_country(claim)
            country = conflicts.opponent(who, [c for c in (who, _main_code(ctx)) if c],
                                         ctx.published)
        if country is None and place is not None:
            country = place.country
        period, period_ev = _period(ctx, sentence, r, place.country if place else None)
        prov: dict[str, Evidence] = {"value": sentence.evidence(n.span_start, n.end)}
        if r.trigger and r.trigger[1] <= len(text):
            prov["quantity"] = sentence.evidence(*r.trigger)
        if claim is not None:
            prov["claimant"] = claim.evidence
        if period_ev is not None:
            prov["period"] = period_ev
        if place_ev is not None:
            prov["place"] = place_ev
        if r.np_end > n.end:
            prov["subject"] = sentence.evidence(n.end, r.np_end)
        conf = {"np": 0.85, "verb": 0.8, "predicate": 0.7, "including": 0.75, "list": 0.7,
                "lookback": 0.6}.get(r.trigger_kind, 0.5)
        if q == "detained" and r.sector in (None, "civilians", "unknown") and r.head in ("people", "persons") \
                and _PROTESTERS.search(text):
            r.sector = "protesters"     # "fired tear gas at protesters ... and arrested 11 people"
        out.append(Figure(
            quantity=q, value=n.value, low=n.low, high=n.high, qualifier=qualifier,
            subject=Subject(country=country, sector=r.sector or "unknown"),
            place=place, period=period, claimant=claim.name if claim else None,
            date=ctx.published.isoformat() if ctx.published else None,
            evidence=sentence.evidence(), confidence=conf, provenance=prov))
    return out


def _claimant_country(claim: Optional[claimants.Claimant]) -> Optional[str]:
    """The country a claimant speaks for: its name ("Ukrainian officials"), else the words of
    its title after the name ("Volodymyr Zelenskiy, the Ukrainian president"), else before."""
    if claim is None:
        return None
    code = country_code(claim.name)
    if code:
        return code
    words = re.findall(r"[A-Z][\w\-]+", claim.name)
    for w in words:
        code = country_code(w.removesuffix("’s"))
        if code:
            return code
    phrase = claim.phrase or ""
    at = phrase.find(claim.name)
    after = phrase[at + len(claim.name):] if at >= 0 else ""
    before = phrase[:at] if at >= 0 else phrase
    for part in (after, " ".join(reversed(before.split()))):
        for w in re.findall(r"[A-Z][\w\-]+", part):
            code = country_code(w.removesuffix("’s"))
            if code:
                return code
    return None


def _singular_tolls(ctx: Any, sentence: Any) -> list[Figure]:
    """"an elderly woman was killed": a count of one without a number."""
    out: list[Figure] = []
    pat = re.compile(r"\b(?:an?)\s+((?:[\w-]+\s+){0,2}?)(" + "|".join(_SINGULAR_PERSON) +
                     r")\s+(?:was|has\s+been|had\s+been|got)\s+(?:also\s+)?(killed|shot\s+dead|"
                     r"injured|wounded|abducted|kidnapped|detained|arrested)\b", re.IGNORECASE)
    for m in pat.finditer(sentence.text):
        verb = m.group(3).lower()
        q = ("killed" if verb in ("killed", "shot dead") else
             "injured" if verb in ("injured", "wounded") else "detained")
        noun = m.group(2).lower()
        sector = _SECTOR_NOUNS.get(noun + "s") or ("civilians" if noun in (
            "person", "man", "woman", "child", "boy", "girl", "baby") else None)
        claim = claimants.find_claimant(ctx, sentence)
        place, place_ev = _place_for(ctx, sentence)
        fake = NumberMention(1, 1, 1, "exact", m.start(), m.start() + 1, m.group()[:1])
        period, period_ev = _period(ctx, sentence, _Read(n=fake), place.country if place else None)
        prov = {"value": sentence.evidence(m.start(), m.end(2)),
                "quantity": sentence.evidence(m.start(3), m.end(3))}
        if claim is not None:
            prov["claimant"] = claim.evidence
        if period_ev is not None:
            prov["period"] = period_ev
        out.append(Figure(
            quantity=q, value=1, low=1, high=1, qualifier="exact",
            subject=Subject(country=place.country if place else None, sector=sector or "unknown"),
            place=place, period=period, claimant=claim.name if claim else None,
            date=ctx.published.isoformat() if ctx.published else None,
            evidence=sentence.evidence(), confidence=0.6, provenance=prov))
    return out


def extract_figures(ctx: Any) -> list[Figure]:
    """Every figure the article states, in text order, each with its evidence sentence."""
    figures: list[Figure] = []
    for sentence in ctx.sentences:
        found = _sentence_figures(ctx, sentence)
        if not found:
            found = _singular_tolls(ctx, sentence)
        figures.extend(found)
    return _dedupe(figures)


def _compatible_subjects(a: Figure, b: Figure) -> bool:
    ca, cb = a.subject.country, b.subject.country
    sa, sb = a.subject.sector, b.subject.sector
    return (ca is None or cb is None or ca == cb) and (
        sa in (None, "unknown") or sb in (None, "unknown") or sa == sb)


def _dedupe(figures: list[Figure]) -> list[Figure]:
    """One figure per statement: a toll repeated later in the article (the lede restated in
    the body, a quote repeating the narration) is kept once, the attributed telling first."""
    out: list[Figure] = []
    for f in figures:
        twin = next((i for i, o in enumerate(out) if o.quantity == f.quantity
                     and o.value == f.value and o.high == f.high and o.qualifier == f.qualifier
                     and _compatible_subjects(o, f)), None)
        if twin is None:
            out.append(f)
        elif out[twin].claimant is None and f.claimant is not None:
            out[twin] = f
    return out


def casualties(sentence: Any, ctx: Any) -> tuple[Optional[int], Optional[int], dict[str, Evidence]]:
    """(fatalities, injured, provenance) for the event a sentence tells (CODEBOOK 3.3).

    Conservative: the lowest figure the sentence gives for each; cumulative tolls ("since the
    start of the war", "so far this year") and sub-counts ("including 210 children") are not
    the event's own toll.
    """
    figs = _sentence_figures(ctx, sentence) or _singular_tolls(ctx, sentence)
    fatal: Optional[Figure] = None
    injured: Optional[Figure] = None
    cumulative = any(dates.is_since_conflict_start(m) or m.kind == "span"
                     for m in dates.sentence_dates(ctx, sentence)) or re.search(
        r"\bso\s+far\b|\bin\s+total\b|\baltogether\b|\bsince\s+the\s+(?:beginning|start|outbreak)\b",
        sentence.text, re.IGNORECASE)
    if cumulative:
        return None, None, {}
    heads = _head_values(figs)
    for f in figs:
        if f.value not in heads.get(f.quantity, set()):
            continue
        if f.quantity == "killed" and (fatal is None or f.value < fatal.value):
            fatal = f
        if f.quantity == "injured" and (injured is None or f.value < injured.value):
            injured = f
    prov: dict[str, Evidence] = {}
    if fatal is not None:
        prov["fatalities"] = fatal.provenance["value"]
    if injured is not None:
        prov["injured"] = injured.provenance["value"]
    return (fatal.value if fatal else None, injured.value if injured else None, prov)


def _head_values(figs: list[Figure]) -> dict[str, set[int]]:
    """Per quantity, the values that are not sub-counts of a larger figure in the sentence."""
    out: dict[str, set[int]] = {}
    for f in figs:
        out.setdefault(f.quantity, set())
    for q in out:
        vals = [f for f in figs if f.quantity == q]
        for f in vals:
            sub = f.provenance.get("value")
            is_sub = sub is not None and re.search(
                r"\bincluding\b|\bamong\s+them\b|\bof\s+whom\b",
                f.evidence.text[:max(0, sub.start - f.evidence.start)][-40:])
            if not is_sub:
                out[q].add(f.value)
    return out
