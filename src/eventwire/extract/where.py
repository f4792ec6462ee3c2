"""Place choice: which of the places a sentence names is where its event happened — the
sentence's own places minus those that only name a speaker, an owner or a thing, places the
gazetteer lacks, a settlement reading for "the city of X", one place per town where a strike
hit several, and the place the story carries on from when the sentence names none.
"""
from __future__ import annotations

import re
from typing import Optional

from ..records import Evidence, Location
from . import places
from .arguments import token_at
from .context import ArticleContext, Sentence, dateline_end

# Types where one trigger over several named towns means one happening per town.
_SPLIT_BY_PLACE = {"shelling_artillery_missile", "air_drone_strike", "armed_clash",
                   "non_state_actor_overtakes_territory", "government_regains_territory",
                   "remote_explosive", "attack"}


def _sentence_ents(sentence: Sentence) -> Optional[list[tuple[int, int, str]]]:
    if sentence.doc is None:
        return None
    return [(e.start_char, e.end_char, e.label_) for e in sentence.doc.ents]


def sentence_places(ctx: ArticleContext, sentence: Sentence) -> list[Location]:
    cache = ctx.extra.setdefault("places_by_sentence", {})
    if sentence.index not in cache:
        cache[sentence.index] = places.find_places(sentence.text, offset=sentence.start,
                                                   ents=_sentence_ents(sentence), context=ctx.places)
    return cache[sentence.index]


def _sentence_unlisted(ctx: ArticleContext, sentence: Sentence) -> list[Location]:
    """The sentence's unlisted places, found once (each of its mentions asks again)."""
    cache = ctx.extra.setdefault("unlisted_by_sentence", {})
    if sentence.index not in cache:
        cache[sentence.index] = _unlisted_places(ctx, sentence.text, sentence.start)
    return cache[sentence.index]


def _inside(loc: Location, span: Optional[tuple[int, int]], sentence: Sentence) -> bool:
    if span is None or loc.evidence is None:
        return False
    s = loc.evidence.start - sentence.start
    return span[0] <= s < span[1]


_VENUE_BEFORE = re.compile(r"\b(?:negotiated|signed|agreed|brokered|talks|summit|conference|meeting|meet|met|"
                           r"mediated|hosted)\b[^.;]{0,40}\b(?:in|at)\s+(?:[\w’',-]+\s+){0,3}$", re.I)


def _foreign_venue(ctx: ArticleContext, sentence: Sentence, loc: Location) -> bool:
    """"the pact the US negotiated with the insurgents in Qatar's capital, Doha": where talks
    abroad were held carries no fighting over to the next sentence."""
    main = ctx.extra.get("main_country")
    if main is None or loc.country in (None, main.country) or loc.evidence is None:
        return False
    return bool(_VENUE_BEFORE.search(sentence.text[:loc.evidence.start - sentence.start]))


def context_place(ctx: ArticleContext, sentence: Sentence) -> Optional[Location]:
    """Where an event with no place in its sentence happened: the smallest place of the
    nearest earlier sentence in the same paragraph (or the place such a sentence was itself
    given: a quote runs on over several; or the country its act was placed in), else the last
    place named shortly before, else the article's story place or main country."""
    given = ctx.extra.setdefault("context_places", {})
    if sentence.index not in given:
        given[sentence.index] = _context_place(ctx, sentence, given)
    return given[sentence.index]


def _context_place(ctx: ArticleContext, sentence: Sentence,
                   given: dict[int, Optional[Location]]) -> Optional[Location]:
    for prev in reversed(ctx.sentences[max(0, sentence.index - 3):sentence.index]):
        if prev.paragraph != sentence.paragraph:
            break
        locs = _drop_reference_points(prev, [loc for loc in sentence_places(ctx, prev)
                                             if loc.precision in (1, 2) and not _attributive(ctx, loc)
                                             and not _foreign_venue(ctx, prev, loc)])
        # "in the Tirah valley of Khyber district": the unlisted settlement a region holds, or
        # the sentence's unlisted places when it names no listed one.
        unlisted = [loc for loc in _sentence_unlisted(ctx, prev)
                    if not _origin(prev, loc) and not _source_place(prev, loc)]
        held = [(loc, _region_holding(prev, loc, locs)) for loc in unlisted]
        settled = [loc.model_copy(update={"admin1": region.admin1, "country": region.country or loc.country})
                   for loc, region in held if region is not None]
        if not locs and unlisted:
            settled += _drop_holders(prev, unlisted)
        if settled:
            return settled[0]
        if locs:
            return places.smallest_place(locs)
        carried = given.get(prev.index)
        if carried is not None and carried.precision in (1, 2):
            return carried
        told = ctx.extra.get("placed_acts", {}).get(prev.index)
        if told is not None and told.precision == 3:
            # "In Russia, thousands ... staged rallies across the country. OVD-Info said 1,800
            # people had been detained": the story goes on in the country its last act was placed.
            return told
    if ctx.places is not None:
        before = _place_before(ctx, sentence.start)
        if before is not None and before.evidence is not None and \
                sentence.start - before.evidence.start < 1500:
            story = ctx.extra.get("story_place")
            recent = ctx.sentences[max(0, sentence.index - 2)].start
            if story is not None and story.precision == 1 and story.name.lower() != before.name.lower() \
                    and _mentions(ctx, before.name) < 2 and before.evidence.start < recent:
                # A town named once in passing ("the battles for Mosul and Raqqa") does not
                # move the story away from the place it keeps coming back to.
                return story
            main = ctx.extra.get("main_country")
            home = ctx.sentence_at(before.evidence.start)
            if main is not None and before.country != main.country and (
                    _mentions(ctx, before.name) < 2 and before.evidence.start < recent
                    or home is not None and _foreign_venue(ctx, home, before)):
                # Nor does a foreign venue named once a while back ("the pact negotiated in
                # Qatar's capital, Doha") carry the story's fighting abroad.
                return story or main
            return before
    return ctx.extra.get("story_place") or ctx.extra.get("main_country")


_UNLISTED = re.compile(r"\b(?i:in|at|near|outside|around|through|the (?:[a-z-]+ ){0,2}(?:town|village|city|district|camp|neighbourhood) of|"
                       r"(?:outskirts|edge|suburbs?|centre|center) of|"
                       r"(?:assault|attack|advance|offensive|push|strikes?|raid|march) on|"
                       r"(?:hit|struck|shelled|bombed|raided|stormed)(?: the)?(?: village| town)?|"
                       r"(?:curfew|blockade|siege|lockdown) on|"
                       r"(?:pulled out of|withdrew from|retreated from|drove into|overran|overrun|recaptured|retook)|"
                       r"(?:deployed|sent|moved|dispatched|rushed|redeployed) (?:[\w-]+ ){1,4}to|"
                       r"(?:residents|villagers|inhabitants|people) of)"
                       r"\s+((?:al-|el-)?[A-Z][\w’'\-]+(?:\s+(?:al-|el-)?[A-Z][\w’'\-]+)?)")
# "Kwahaslalek village", "Kani township": the kind word after the name makes it a place.
_KIND_AFTER = re.compile(r"\b((?:al-|el-)?[A-Z][\w’'\-]+(?:\s+(?:al-|el-)?[A-Z][\w’'\-]+)?)\s+"
                         r"(?:village|hamlet|township|settlement|camp|district|tehsil|taluka|commune|valley|area)\b")
_UNIT_KIND_AFTER = re.compile(r"\b((?:al-|el-)?[A-Z][\w’'\-]+(?:\s+(?:al-|el-)?[A-Z][\w’'\-]+)?)\s+"
                              r"(?:province|prefecture|governorate|county|territory)\b")
# "the Mandan police station", "Abu Shouk displacement camp": the locality a facility is named for.
_FACILITY_AFTER = re.compile(r"\b((?:al-|el-)?[A-Z][\w’'\-]+(?:\s+(?:al-|el-)?[A-Z][\w’'\-]+)?)\s+"
                             r"(?:police station|(?:displacement |refugee |idp )camp|market|bazaar|checkpoint|"
                             r"health cent(?:re|er))\b")
_FACILITY_WORD = re.compile(r"\b(?:Hospital|School|Mosque|Church|Market|University|Airport|Station|Prison|"
                            r"Hotel|Bridge|Stadium|Palace|Compound|Base|Refinery|Plant|Hall|College)$")
_NOT_PLACES = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|"
                         r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                         r"Sunday|Parliament|Congress|Senate|Nato|NATO|The|This|That|Government|"
                         r"Court|Council|Ministry|House|Office|Washington|Moscow|Europe|Africa|Asia|"
                         r"Christmas|Ramadan|Eid|Islamic|Isis|Isil|God|Allah|His|Her|Their|Our)\b")


_NAMED_SETTLEMENT = re.compile(r"\bthe (?:[a-z-]+ ){0,2}(?:town|village|city|camp|hamlet|outskirts|edge|suburbs?) of\s+$", re.I)


_IN_PART_OF = re.compile(r"\s+in\s+(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
                         r"north-?eastern|north-?western|south-?eastern|south-?western)\s+)?", re.I)


def _region_holding(sentence: Sentence, loc: Location, listed: list[Location]) -> Optional[Location]:
    """"around Kalembe in North Kivu", "Baghuz, Deir ez-Zor": a name placed inside a region the
    gazetteer knows is a settlement there; the region, or None."""
    if loc.evidence is None:
        return None
    for region in listed:
        if region.precision not in (2, 3) or region.evidence is None:
            continue
        gap = sentence.text[loc.evidence.end - sentence.start:region.evidence.start - sentence.start]
        if region.precision == 3:
            # "an army post at Boulkessi in central Mali": a country holds the settlement too.
            if _IN_PART_OF.fullmatch(gap):
                return region
            continue
        if re.fullmatch(r"\s*(?:,|in|of|,\s*in)\s+(?:the\s+)?", gap) or places.PLACED_IN.fullmatch(gap):
            return region
        # "Sagaing region's Myinmu township"
        before = sentence.text[region.evidence.end - sentence.start:loc.evidence.start - sentence.start]
        if re.fullmatch(r"(?:\s+(?:region|province|state|district|territory|governorate))?['’]s\s+", before):
            return region
    return None


def _span_between(sentence: Sentence, towns: list[Location]) -> bool:
    """"territory stretching between Deir ez-Zor and Mayadeen", "the road from X to Y": two towns
    that bound one stretch, not two places of the happening."""
    firsts = sorted((t for t in towns if t.evidence is not None), key=lambda t: t.evidence.start)
    if len(firsts) != 2:
        return False
    a, b = firsts
    before = sentence.text[:a.evidence.start - sentence.start]
    gap = sentence.text[a.evidence.end - sentence.start:b.evidence.start - sentence.start]
    between = re.search(r"\bbetween\s+(?:the\s+)?(?:towns?\s+of\s+)?$", before, re.I) \
        and re.fullmatch(r"\s+and\s+", gap)
    return bool(between or re.search(r"\bfrom\s+$", before, re.I) and re.fullmatch(r"\s+to\s+", gap))


def _drop_holders(sentence: Sentence, locs: list[Location]) -> list[Location]:
    """"the Mamond tehsil of Bajaur district": the unit that holds the named one is not a second
    place of the happening."""
    held_by = set()
    for a in locs:
        for b in locs:
            if a is b or a.evidence is None or b.evidence is None or b.evidence.start <= a.evidence.end \
                    or a.country is None:
                continue
            gap = sentence.text[a.evidence.end - sentence.start:b.evidence.start - sentence.start]
            if places.PLACED_IN.fullmatch(gap):
                held_by.add(id(b))
    return [loc for loc in locs if id(loc) not in held_by] or locs


def _inside_named_region(sentence: Sentence, loc: Location, listed: list[Location]) -> bool:
    return _region_holding(sentence, loc, listed) is not None



def _named_as_person(text: str, name: str) -> bool:
    """Does the article use the name as a person's: before "said", after a title or a first name?"""
    last = re.escape(name.split()[-1])
    # A first name stands before the whole name ("Adnan Afrin"), not inside it ("Umm Tarrafiyah").
    whole = re.escape(name)
    return bool(re.search(rf"(?<!of )(?<!in )(?<!from )\b{last}\s+(?:said|says|told|added|wrote)\b|"
                          rf"\b(?:Mr|Ms|Mrs|Dr|Gen|Col|President|Minister|commander|spokesman|"
                          rf"spokeswoman)\.?\s+{last}\b|"
                          rf"\b[A-Z][a-z]+\s+{whole}\b(?!\s+(?:province|region|district))", text)) \
        and not re.search(rf"\b(?i:in|at|near)\s+{last}\b.*\b(?i:in|at|near)\s+{last}\b", text)


def _listed_here(ctx: ArticleContext, name: str) -> bool:
    """The gazetteer knows the name as a place the story could be about: in a country the
    article names, or big enough to be news anywhere. "Chai" in Turkey does not count in a
    story from Mozambique."""
    from .gazetteer import get_gazetteer
    gaz = get_gazetteer()
    if not gaz.has(name):
        return False
    countries = ctx.places.countries if ctx.places is not None else {}
    return any(p.country in countries or p.population >= 100000 or p.prominent
               for p in gaz.lookup(name, countries=countries or {}, fuzzy=False)[:5])


def _unlisted_places(ctx: ArticleContext, text: str, offset: int) -> list[Location]:
    """Places the gazetteer lacks (hamlets, camps, neighbourhoods: "in Baghuz"), read from
    "in/at/near X" and put in the article's main country — the name is what a reader and the
    scorer compare; coordinates stay unknown."""
    main = ctx.extra.get("main_country")
    if main is None or not main.country:
        return []
    from .countries import country_code
    from .gazetteer import get_gazetteer
    out = []
    # How each name was found: after a preposition or verb; before a settlement's kind word
    # ("Kwahaslalek village"); before a province's ("Tapoa province").
    found = [(m, "after") for m in _UNLISTED.finditer(text)] \
        + [(m, "settlement") for m in _KIND_AFTER.finditer(text)] \
        + [(m, "settlement") for m in _FACILITY_AFTER.finditer(text)] \
        + [(m, "province") for m in _UNIT_KIND_AFTER.finditer(text)]
    for m, how in found:
        name = re.sub(r"\s+Local$", "", m.group(1))   # "Mangu Local Government Area"
        name = re.sub(r"^(?:In|At|On|Near|Outside|Around|From)\s+", "", name)   # a sentence's first word
        if re.search(r"['’]s?$", name):
            continue        # "in North Kivu's Walikale territory": it holds the place, it is not it
        if _NOT_PLACES.match(name) or country_code(name) or name.replace(" ", "").isupper():
            continue        # an acronym ("shelled AA positions") names a group, not a hamlet
        if _FACILITY_WORD.search(name) or country_code(name, demonyms=True):
            continue        # "hit the Saudi Hospital": a building named for a country is no place
        # A name followed by "village" or "township" is a place even where the gazetteer knows
        # a namesake elsewhere or the tagger took it for a person.
        if how != "settlement" and (_listed_here(ctx, name) or _named_as_person(ctx.text, name)):
            continue
        s = offset + m.start(1) + m.group(1).index(name)
        # "across Tapoa province": a province the gazetteer lacks (it lists the first level only).
        out.append(Location(name=name, country=main.country, precision=2 if how == "province" else 1,
                            admin1=_sole_admin1(ctx),
                            evidence=Evidence(text=name, start=s, end=s + len(name))))
    return out


def _sole_admin1(ctx: ArticleContext) -> Optional[str]:
    """The one province every listed place of the main country lies in, if the story keeps to
    one: an unlisted hamlet in a story from Khyber Pakhtunkhwa is most likely there too."""
    if "sole_admin1" not in ctx.extra:
        main = ctx.extra.get("main_country")
        found = {loc.admin1 for loc in getattr(ctx.places, "mentions", [])
                 if main is not None and loc.country == main.country and loc.precision in (1, 2)}
        ctx.extra["sole_admin1"] = found.pop() if len(found) == 1 and None not in found else None
    return ctx.extra["sole_admin1"]


_NAMES_A_THING = re.compile(r"^\s*(?:agreement|accords?|talks|summit|process|deal|declaration|"
                            r"protocol|format|conference|airport|university|hotel|group|"
                            r"administration|government|regime|council|office)\b", re.I)


def _attributive(ctx: ArticleContext, loc: Location) -> bool:
    """"the Doha agreement", "the Minsk talks": the place names a thing, not where it happens."""
    return loc.evidence is not None and bool(_NAMES_A_THING.match(ctx.text[loc.evidence.end:loc.evidence.end + 20]))


def _mentions(ctx: ArticleContext, name: str) -> int:
    key = name.lower()
    return sum(1 for loc in getattr(ctx.places, "mentions", []) if loc.name.lower() == key)


def _place_before(ctx: ArticleContext, offset: int) -> Optional[Location]:
    """The last town or region named before ``offset`` that is not part of a name."""
    best = None
    weights = getattr(ctx.places, "countries", {}) or {}
    clear = max(weights.values(), default=0.0) >= 2.0
    for loc in getattr(ctx.places, "mentions", []):
        if loc.evidence is None or loc.evidence.start >= offset:
            break
        if clear and weights.get(loc.country, 0.0) < 1.0:
            continue        # a far namesake the sentence's own reading rejected ("Pilsen", Chicago)
        if loc.country and loc.precision in (1, 2) and not _attributive(ctx, loc):
            best = loc
    return best


def story_place(ctx: ArticleContext) -> Optional[Location]:
    """The town or region the article keeps coming back to (named at least twice, in its
    main country): where an undated, unplaced sentence of the story most likely happened."""
    if ctx.places is None:
        return None
    main = ctx.extra.get("main_country")
    counts: dict[str, list[Location]] = {}
    for loc in getattr(ctx.places, "mentions", []):
        if loc.precision in (1, 2) and loc.country and (main is None or loc.country == main.country) \
                and not _attributive(ctx, loc):
            counts.setdefault(loc.name.lower(), []).append(loc)
    for loc in _unlisted_places(ctx, ctx.text, 0):
        counts.setdefault(loc.name.lower(), []).append(loc)
    if not counts:
        return None
    best = max(counts.values(), key=lambda v: (len(v), -v[0].evidence.start if v[0].evidence else 0))
    return best[0] if len(best) >= 2 else None


_SPEECH = {"say", "tell", "claim", "accuse", "deny", "announce", "warn", "demand", "urge",
           "confirm", "report", "insist", "blame", "condemn", "call", "allege", "state", "add",
           "recognise", "recognize", "respond", "reply", "threaten", "vow", "agree", "decide",
           "estimate", "believe", "assess", "note", "suggest", "indicate", "write", "tweet",
           "post", "acknowledge", "admit", "argue", "predict", "expect", "fear"}
_SETTLEMENT_BEFORE = re.compile(r"\b(?i:city|cities|town|towns|village|villages|port)\s+(?:of\s+)?"
                                r"(?:[A-Z][\w’'\-]*,?\s+(?:and\s+)?){0,6}$")


def _speaks(sentence: Sentence, loc: Location) -> bool:
    """A place named as the one who speaks or decides ("Moscow said", "Kyiv's envoy warned")
    is an actor by metonymy, not where the event happened."""
    if sentence.doc is None or loc.evidence is None:
        return False
    tok = token_at(sentence.doc, loc.evidence.start - sentence.start)
    if tok is None:
        return False
    head = tok
    while head.dep_ in ("compound", "poss", "amod", "det") and head.head is not head:
        head = head.head
    if head.dep_ == "nsubj" and head.head.lemma_ in _SPEECH:
        return True
    if head.dep_ in ("dobj", "dative") and head.head.lemma_ == "tell":
        return True                     # "residents told Southeast Asia Newswire": who heard it
    # "The defence ministry in Moscow claimed": the place of the one who speaks.
    if head.dep_ == "pobj" and head.head.lower_ in ("in", "from") and head.head.head.dep_ == "nsubj" \
            and head.head.head.head.lemma_ in _SPEECH:
        return True
    # "US officials estimated...": a place that only qualifies who speaks.
    return head is not tok and head.dep_ == "nsubj" and head.lemma_ in (
        "official", "officials", "ministry", "minister", "government", "source", "leader",
        "spokesman", "spokeswoman", "spokesperson", "president", "authority", "military")


_LOCATIVE_BEFORE = re.compile(r"\b(?:[Ii]n|[Aa]cross|[Tt]hroughout|into|inside|on|at|over|against|"
                              r"around|near|of|from)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}$")


# "the Law Society of Kenya", "the Central Bank of Nigeria": a body's name, not a venue.
_BODY_OF = re.compile(
    r"\b(?:Society|Commission|Bank|Association|Council|University|Institute|Federation|Union|Party|"
    r"Church|Court|Assembly|League|Chamber|Conference|Foundation|Authority|Agency|Office|Ministry|"
    r"Embassy|Government|Front|Movement|Company|Corporation|Airlines?|Times|News|Radio|Television|"
    r"Bureau|Committee|Coalition|Alliance|Congress|Senate|Academy|College|Network|Observatory)"
    r"\s+of\s+(?:the\s+)?$")


def _in_body_name(sentence: Sentence, loc: Location) -> bool:
    if loc.evidence is None:
        return False
    return bool(_BODY_OF.search(sentence.text[max(0, loc.evidence.start - sentence.start - 40):
                                              loc.evidence.start - sentence.start]))


def _locative(sentence: Sentence, loc: Location) -> bool:
    """A country is where it happened only when the sentence puts the act there ("in Syria",
    "attacks on Ukraine"), not when it names who owns, runs or says something."""
    if loc.evidence is None:
        return False
    before = sentence.text[:loc.evidence.start - sentence.start]
    return bool(_LOCATIVE_BEFORE.search(before[-40:]))


def _as_settlement(ctx: ArticleContext, sentence: Sentence, loc: Location) -> Location:
    """"the cities of Kharkiv and Zaporizhzhia": read as towns even where a region has the name."""
    if loc.precision != 2 or loc.evidence is None:
        return loc
    before = sentence.text[:loc.evidence.start - sentence.start]
    if not _SETTLEMENT_BEFORE.search(before):
        return loc
    from .gazetteer import geocode
    town = geocode(loc.name, countries=[loc.country] if loc.country else (), level=1,
                   evidence=loc.evidence)
    return town if town is not None and town.country == loc.country else loc


def venue(sentence: Sentence, trigger: tuple[int, int], locs: list[Location]) -> Optional[Location]:
    """Where talks, accusations or agreements took place, only when the text says so: a place
    governed by "in"/"at" hanging off the trigger or the clause's verb ("met in Warsaw",
    "talks in Jeddah") — never the place of the act a statement is about (CODEBOOK s.5)."""
    if sentence.doc is None:
        return None
    trig = token_at(sentence.doc, trigger[0])
    anchors = {trig, trig.head} if trig is not None else set()
    for loc in locs:
        if loc is None or loc.evidence is None or loc.precision == 3:
            continue
        tok = token_at(sentence.doc, loc.evidence.start - sentence.start)
        if tok is None:
            continue
        while tok.dep_ in ("compound", "amod") and tok.head is not tok:
            tok = tok.head
        prep = tok.head
        if tok.dep_ == "pobj" and prep.lower_ in ("in", "at") and prep.head in anchors:
            return loc
    return None


_BEARING = (r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
            r"northern|southern|eastern|western)")
_REFERENCE_BEFORE = re.compile(
    rf"(?:\b\d[\d,.]*\s*(?:-|\s)?(?:km|kilomet(?:er|re)s?|miles?|mi)\b[^,;]{{0,25}}?\s+)?"
    rf"\b{_BEARING}\s+of\s+(?:the\s+(?:capital|city|town|village|port)\s+(?:of\s+)?)?$", re.I)


_NEAR_BETWEEN = re.compile(r"^,?\s*(?:near|outside|close to|not far from|on the outskirts of)\s+"
                           r"(?:the\s+(?:city|town|village|port)\s+of\s+)?$", re.I)
_APPOSED_BEFORE = re.compile(r"^,\s*(?:(?:a|an|the)\s+[\w\s-]{0,30}?)?$")
_APPOSED_AFTER = re.compile(r"^,?\s*(?:(?:lies|is|sits)\s+)?(?:the\s+(?:city|town|village|port)\s+of\s+)?$", re.I)


def _reference_point(sentence: Sentence, loc: Location, others: list[Location]) -> bool:
    """"Vasylkiv, 18 miles south of Kyiv", "South-east of Sumy the city of Kharkiv": a place
    after a bearing that only says where another named place lies. ("Villages west of El
    Fasher" keeps El Fasher: nothing else is placed by it.)"""
    if loc.evidence is None:
        return False
    base = sentence.start
    before = sentence.text[:loc.evidence.start - base]
    for o in others:
        # "the village of Novoekonomichne near Pokrovsk": the second town only places the first.
        if o is not loc and o.evidence is not None and o.precision == 1 and loc.precision in (1, 2) \
                and o.evidence.end <= loc.evidence.start \
                and _NEAR_BETWEEN.match(sentence.text[o.evidence.end - base:loc.evidence.start - base]):
            return True
    m = _REFERENCE_BEFORE.search(before[-60:])
    if m is None:
        return False
    ref_start = len(before) - len(before[-60:]) + m.start()
    for o in others:
        if o is loc or o.evidence is None or o.precision not in (1, 2):
            continue
        if o.evidence.end - base <= ref_start and \
                _APPOSED_BEFORE.match(sentence.text[o.evidence.end - base:ref_start]):
            return True
        if o.evidence.start >= loc.evidence.end and \
                _APPOSED_AFTER.match(sentence.text[loc.evidence.end - base:o.evidence.start - base]):
            return True
    return False


def _drop_reference_points(sentence: Sentence, locs: list[Location]) -> list[Location]:
    return [loc for loc in locs if not _reference_point(sentence, loc, locs)]


_PLURAL_KIND = re.compile(r"\b(?:regions|provinces|oblasts|states|governorates|districts|counties)$", re.I)


def _shared_kind(sentence: Sentence, locs: list[Location]) -> list[Location]:
    """"the Donetsk and Luhansk regions": the plural kind word makes both names regions."""
    out = list(locs)
    for n, loc in enumerate(out):
        if loc.precision != 1 or loc.evidence is None:
            continue
        nxt = next((o for o in out if o.evidence is not None and o.evidence.start > loc.evidence.end), None)
        if nxt is None or nxt.precision != 2 or not _PLURAL_KIND.search(nxt.evidence.text):
            continue
        gap = sentence.text[loc.evidence.end - sentence.start:nxt.evidence.start - sentence.start]
        if not re.fullmatch(r"\s*(?:,|,?\s*and)\s*", gap):
            continue
        from .gazetteer import geocode
        region = geocode(loc.name, countries=[loc.country] if loc.country else (), level=2,
                         evidence=loc.evidence)
        if region is not None and region.country == loc.country:
            out[n] = region
    return out


def _conjoined_regions(sentence: Sentence, regions: list[Location]) -> list[Location]:
    """Regions written as one list ("X and Y regions", "X, Y and Z provinces")."""
    regions = sorted((r for r in regions if r.evidence is not None), key=lambda r: r.evidence.start)
    for a, b in zip(regions, regions[1:]):
        gap = sentence.text[a.evidence.end - sentence.start:b.evidence.start - sentence.start]
        if not re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*", gap):
            return []
    return regions if len(regions) > 1 else []


_ORIGIN_BEFORE = re.compile(r"\b(?:(?:is|was|were|are|comes?|came|coming|arriving|brought in|sent) (?:originally )?from|"
                            r"native of|hails? from|born in|grew up in)\s+$", re.I)


# "..., according to a medical source at Mitiga hospital": where the source sits.
_SOURCE_BEFORE = re.compile(r"\baccording to (?:[\w’'-]+ ){0,6}(?:at|in|from) (?:the )?$", re.I)


def _source_place(sentence: Sentence, loc: Location) -> bool:
    return loc.evidence is not None and bool(_SOURCE_BEFORE.search(
        sentence.text[:loc.evidence.start - sentence.start][-80:]))


def _origin(sentence: Sentence, loc: Location) -> bool:
    """"Hall, who was from Portsmouth, died ...": where someone comes from, not where it happened."""
    return loc.evidence is not None and bool(_ORIGIN_BEFORE.search(
        sentence.text[:loc.evidence.start - sentence.start][-40:]))


# Nouns naming a happening a place can be the place of: "the Manchester attack", "the siege of
# Sarajevo".
_HAPPENING_NOUNS = {"attack", "bombing", "massacre", "offensive", "siege", "battle", "war", "fall",
                    "uprising", "revolution", "crisis", "agreement", "accord", "talks", "invasion",
                    "occupation", "liberation", "capture", "genocide", "coup"}


def _names_another_happening(sentence: Sentence, loc: Location, trigger: tuple[int, int]) -> bool:
    """"killed in Syria ... following the Manchester terrorist attack": a place naming another
    happening by way of a modifier is not where this one was."""
    if sentence.doc is None or loc.evidence is None:
        return False
    tok = token_at(sentence.doc, loc.evidence.start - sentence.start)
    if tok is None or tok.dep_ not in ("compound", "amod", "nmod"):
        return False
    head = tok.head
    while head.dep_ == "compound" and head.head is not head:
        head = head.head
    trig = token_at(sentence.doc, trigger[0])
    return head.pos_ == "NOUN" and (trig is None or head.i != trig.i) and \
        head.lemma_.lower() in _HAPPENING_NOUNS


def _dated_by_another(sentence: Sentence, loc: Location) -> bool:
    """"30 years after the siege of Sarajevo, another capital came under bombardment": a place
    naming the happening that dates this one is not where this one was ("during the siege of
    Mariupol" is)."""
    if sentence.doc is None or loc.evidence is None:
        return False
    tok = token_at(sentence.doc, loc.evidence.start - sentence.start)
    if tok is None or not (tok.dep_ == "pobj" and tok.head.lower_ == "of"):
        return False
    noun = tok.head.head
    if noun.lemma_.lower() not in _HAPPENING_NOUNS or noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ == "since":
        return True

    def measured(t) -> bool:       # "30 years after", "weeks after"
        return t.lemma_.lower() in ("year", "month", "decade", "week", "day")
    return prep.lower_ in ("after", "before") and (
        measured(prep.head) or any(c.dep_ == "npadvmod" or measured(c) for c in prep.children))


_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\s|\s(?:while|whereas|but|and\s+an?)\s|"
                           r"\b(?:said|says|told)\b")


def _nearest_to(mention, locs: list[Location], sentence: Sentence) -> Optional[Location]:
    """Of several settlements, the one told with this act: in the trigger's own clause, the
    nearest after it, else the nearest before it ("a bomb wrecked a minibus near Afgooye ...,
    and a grenade thrown into a tea shop in Baidoa"); else the nearest one."""
    trig_s, trig_e = mention.trigger
    placed = [loc for loc in locs if loc.evidence is not None]
    if not placed:
        return None

    def span(loc: Location) -> tuple[int, int]:
        s = loc.evidence.start - sentence.start
        return s, s + len(loc.evidence.text)

    def gap(loc: Location) -> str:
        s, e = span(loc)
        return sentence.text[trig_e:s] if s >= trig_e else sentence.text[e:trig_s]

    def distance(loc: Location) -> int:
        s, e = span(loc)
        return s - trig_e if s >= trig_e else trig_s - e

    same_clause = [loc for loc in placed if not _CLAUSE_BREAK.search(gap(loc))]
    # News names the place after the act ("bombing an oil terminal in Vasylkiv").
    after = [loc for loc in same_clause if span(loc)[0] >= trig_e]
    return min(after or same_clause or placed, key=distance)


_CAPITAL_PHRASE = re.compile(r"\bthe ([A-Z][a-z]+) capital\b(?!\s+(?:city\s+)?of\b)")


def _capital_phrases(ctx: ArticleContext, sentence: Sentence) -> list[Location]:
    """"in the Bangladeshi capital": the capital of the country the demonym names (found once
    a sentence: each of its mentions asks)."""
    cache = ctx.extra.setdefault("capitals_by_sentence", {})
    if sentence.index not in cache:
        cache[sentence.index] = _find_capital_phrases(sentence)
    return cache[sentence.index]


def _find_capital_phrases(sentence: Sentence) -> list[Location]:
    from .countries import country_code
    from .gazetteer import get_gazetteer
    out = []
    for m in _CAPITAL_PHRASE.finditer(sentence.text):
        iso3 = country_code(m.group(1), demonyms=True)
        place = get_gazetteer().capital(iso3) if iso3 else None
        if place is not None:
            s = sentence.start + m.start()
            out.append(place.location(precision=1, evidence=Evidence(text=m.group(0), start=s, end=s + len(m.group(0)))))
    return out


_HOOD_NAME = re.compile(r"\b(?:neighbou?rhood|barrio|suburb)s?$", re.I)
_NEIGHBOURHOOD_AFTER = re.compile(r"\s+(?:neighbou?rhoods?|barrio|suburb|quarter|district of)\b", re.I)


def _city_for_neighbourhood(ctx: ArticleContext, sentence: Sentence, locs: list[Location]) -> list[Location]:
    """A neighbourhood is coded as its city, as conflict datasets do: "the Tierra Blanca
    neighbourhood of Culiacan" is Culiacan; "the Brighton Park neighborhood" is the city the
    story is about."""
    hoods = [loc for loc in locs if _HOOD_NAME.search(loc.name or "") or loc.evidence is not None
             and _NEIGHBOURHOOD_AFTER.match(sentence.text[loc.evidence.end - sentence.start:])]
    if not hoods:
        return locs
    rest = [loc for loc in locs if loc not in hoods]
    if any(loc.precision in (1, 2) for loc in rest):
        return rest
    city = ctx.extra.get("story_place")
    if city is not None and city.precision == 1:
        return rest + [city]
    return locs


def pick_places(ctx: ArticleContext, sentence: Sentence, mention, agent_span,
                acts: int = 1) -> list[Location]:
    locs = [loc for loc in sentence_places(ctx, sentence)
            if not _inside(loc, agent_span, sentence) and not _speaks(sentence, loc)
            and not _origin(sentence, loc) and not _in_body_name(sentence, loc)
            and not _source_place(sentence, loc) and not _dated_by_another(sentence, loc)]
    named = " ".join(loc.name.lower() for loc in locs)
    locs += [loc for loc in _capital_phrases(ctx, sentence) if not _inside(loc, agent_span, sentence)
             and loc.name.lower() not in named]     # "Sanaa airport ... the Yemeni capital": one place
    kept = [loc for loc in locs if not _names_another_happening(sentence, loc, mention.trigger)]
    if kept:
        locs = kept
    filed_from = dateline_end(sentence.text)
    if filed_from:
        told = [loc for loc in locs if loc.evidence is None
                or loc.evidence.start - sentence.start >= filed_from]
        locs = told or locs     # "KABUL (Reuters) - A bomb exploded...": the dateline is all
    locs = _drop_reference_points(sentence, locs)
    unlisted = [loc for loc in _sentence_unlisted(ctx, sentence)
                if not _origin(sentence, loc) and not _source_place(sentence, loc)]
    if not any(loc.precision in (1, 2) for loc in locs):
        locs += unlisted
    else:
        # "in the village of Massasneh, in the north of Hama province": a settlement named as
        # such is the smallest place even where the gazetteer lacks it.
        held = [(loc, _region_holding(sentence, loc, locs)) for loc in unlisted if loc.evidence is not None
                and not any(k.name.lower().startswith(loc.name.lower() + " ") and k.country == loc.country
                            for k in locs)]        # "Bannu district" is listed: "Bannu" is not a second place
        regions = {(loc.country, loc.admin1) for loc in locs if loc.precision == 2}
        if acts == 1 and not any(loc.precision == 1 for loc in locs) and len(regions) == 1 \
                and None not in next(iter(regions)):
            # "In North Kivu's Lubero territory, fighters pulled out of Alimbongo": a settlement
            # named beside regions of one province only lies in that province.
            one = next(loc for loc in locs if loc.precision == 2)
            held = [(loc, region or one) for loc, region in held]
        locs += [loc.model_copy(update={"admin1": region.admin1, "country": region.country or loc.country})
                 if region is not None else loc
                 for loc, region in held if region is not None or _NAMED_SETTLEMENT.search(
                     sentence.text[:loc.evidence.start - sentence.start])]
    if not locs:
        return []
    locs = _drop_reference_points(sentence, locs)   # again: an unlisted village may be the one placed
    locs = _drop_holders(sentence, locs)
    locs = _city_for_neighbourhood(ctx, sentence, locs)
    locs = [_as_settlement(ctx, sentence, loc) for loc in locs
            if loc.precision != 3 or _locative(sentence, loc)]
    locs = _shared_kind(sentence, locs)
    towns = [loc for loc in locs if loc.precision == 1]
    if not towns and mention.type in _SPLIT_BY_PLACE:
        # "the Middle Shabelle and Hiran regions": one happening per region named together.
        towns = _conjoined_regions(sentence, [loc for loc in locs if loc.precision == 2])
    if acts > 1 and len({loc.name.lower() for loc in towns}) > 1:
        # Two acts in one sentence, each told with its own town: each takes its own.
        own = _nearest_to(mention, towns, sentence)
        if own is not None:
            return [own]
    if len(towns) > 1 and mention.type in _SPLIT_BY_PLACE and not _span_between(sentence, towns):
        seen: dict[str, Location] = {}
        for loc in towns:
            seen.setdefault(loc.name.lower(), loc)
        return list(seen.values())
    best = places.smallest_place(locs)
    return [best] if best else []
