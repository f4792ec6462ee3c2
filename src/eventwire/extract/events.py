"""Event assembly: a typed mention in a sentence -> a full Event record.

The detector (``types.detect``) says *that* something happened and of which type; this module
fills who (actors), where (places), when (dates), how many died (casualties) and according to
whom (claimant), splits one mention told about several towns into one event per town, and keeps
one record per happening when an article tells it twice (CODEBOOK 3.1).
"""
from __future__ import annotations

import re
from typing import Any, Optional

from ..records import Actor, Event, Evidence, Location
from ..taxonomy import EVENT_TYPES, PLACELESS_TYPES
from . import claimants, dates, figures, places, types
from .actors import is_armed_group, resolve_actor
from .context import ArticleContext, Sentence

_VIOLENT_PARENTS = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# Types where one trigger over several named towns means one happening per town.
_SPLIT_BY_PLACE = {"shelling_artillery_missile", "air_drone_strike", "armed_clash",
                   "non_state_actor_overtakes_territory", "government_regains_territory",
                   "remote_explosive", "attack"}
_LOCAL_SECTORS = {"civilians", "rebels", "militia", "police", "protesters", "rioters"}
_PRONOUNS = {"it", "they", "he", "she", "we", "i", "them", "this", "that", "which", "who",
             "its", "their", "his", "her", "both", "one", "some", "others"}
_LEFT_DEPS = {"det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod",
              "advmod", "npadvmod", "punct", "cc", "conj", "appos"}


# --- arguments from the dependency parse ------------------------------------------------------
def _phrase(tok) -> tuple[int, int]:
    """Char span (relative to the sentence) of the noun phrase headed by ``tok``: its left
    modifiers and a short "of"-complement, without relative clauses."""
    left = tok.i
    for t in tok.lefts:
        if t.dep_ in _LEFT_DEPS or t.dep_ == "poss":
            left = min(left, t.left_edge.i)
    right = tok.i
    for t in tok.rights:
        if t.dep_ == "prep" and t.lower_ == "of" and t.right_edge.i - tok.i <= 6:
            right = max(right, t.right_edge.i)
        elif t.dep_ in ("compound", "appos") and t.right_edge.i - tok.i <= 6:
            right = max(right, t.right_edge.i)
    doc = tok.doc
    while left < right and doc[left].is_punct:
        left += 1
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right])


def _token_at(doc, char: int):
    for t in doc:
        if t.idx <= char < t.idx + len(t) or t.idx >= char:
            return t
    return None


def _verb_args(verb) -> tuple[Any, Any]:
    agent = patient = None
    for c in verb.children:
        if c.dep_ in ("nsubj",) and agent is None:
            agent = c
        elif c.dep_ == "nsubjpass":
            patient = c
        elif c.dep_ == "agent":
            agent = next((g for g in c.children if g.dep_ == "pobj"), agent)
        elif c.dep_ in ("dobj", "obj") and patient is None:
            patient = c
    if patient is None:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "with", "into", "upon", "to"):
                patient = next((g for g in c.children if g.dep_ == "pobj"), None)
                if patient is not None:
                    break
    if agent is None:
        agent = _subject_of(verb)
    return agent, patient


def _subject_of(verb):
    """The subject of a verb, climbing from a participle or infinitive clause to the clause it
    hangs on ("Militants attacked a train, taking hostages": who took hostages)."""
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _noun_args(noun) -> tuple[Any, Any]:
    agent = patient = None
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            agent = next((g for g in c.children if g.dep_ == "pobj"), None)
        elif c.dep_ == "prep" and c.lower_ in ("on", "against", "of"):
            patient = next((g for g in c.children if g.dep_ == "pobj"), patient)
        elif c.dep_ in ("amod", "compound", "poss") and agent is None and c.ent_type_ in ("NORP", "GPE", "ORG"):
            agent = c
    # "Russia launched an attack on X": the noun's governing verb carries the agent.
    if agent is None and noun.dep_ in ("dobj", "obj") and noun.head.pos_ in ("VERB", "AUX"):
        agent = _subject_of(noun.head)
    return agent, patient


def parse_arguments(sentence: Sentence, trigger: tuple[int, int]) -> tuple[Optional[tuple[int, int]], Optional[tuple[int, int]]]:
    doc = sentence.doc
    if doc is None:
        return None, None
    tok = _token_at(doc, trigger[0])
    if tok is None:
        return None, None
    if tok.pos_ in ("VERB", "AUX"):
        agent, patient = _verb_args(tok)
    else:
        agent, patient = _noun_args(tok)
        if agent is None and patient is None and tok.head.pos_ == "VERB" and tok.dep_ in ("nsubj", "nsubjpass"):
            # "Shelling hit Kharkiv": the verb's object is what was acted on.
            _, patient = _verb_args(tok.head)

    def span(t):
        return None if t is None else _phrase(t)
    return span(agent), span(patient)


# --- places, actors ---------------------------------------------------------------------------
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


def _inside(loc: Location, span: Optional[tuple[int, int]], sentence: Sentence) -> bool:
    if span is None or loc.evidence is None:
        return False
    s = loc.evidence.start - sentence.start
    return span[0] <= s < span[1]


def _context_place(ctx: ArticleContext, sentence: Sentence) -> Optional[Location]:
    """Where an event with no place in its sentence happened: the smallest place of the
    nearest earlier sentence in the same paragraph, else the last place named shortly before,
    else the article's story place or main country."""
    for prev in reversed(ctx.sentences[max(0, sentence.index - 3):sentence.index]):
        if prev.paragraph != sentence.paragraph:
            break
        locs = [loc for loc in sentence_places(ctx, prev)
                if loc.precision in (1, 2) and not _attributive(ctx, loc)]
        if locs:
            return places.smallest_place(locs)
    if ctx.places is not None:
        before = _place_before(ctx, sentence.start)
        if before is not None and before.evidence is not None and \
                sentence.start - before.evidence.start < 1500:
            return before
    return ctx.extra.get("story_place") or ctx.extra.get("main_country")


_UNLISTED = re.compile(r"\b(?i:in|at|near|outside|around|through|the (?:town|village|city|district|camp|neighbourhood) of)"
                       r"\s+((?:al-|el-)?[A-Z][\w’'\-]+(?:\s+(?:al-|el-)?[A-Z][\w’'\-]+)?)")
_NOT_PLACES = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|"
                         r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                         r"Sunday|Parliament|Congress|Senate|Nato|NATO|The|This|That|Government|"
                         r"Court|Council|Ministry|House|Office|Washington|Moscow|Europe|Africa|Asia|"
                         r"Christmas|Ramadan|Eid|Islamic|Isis|Isil|God|Allah|His|Her|Their|Our)\b")


def _named_as_person(text: str, name: str) -> bool:
    """Does the article use the name as a person's: before "said", after a title or a first name?"""
    last = re.escape(name.split()[-1])
    return bool(re.search(rf"(?<!of )(?<!in )(?<!from )\b{last}\s+(?:said|says|told|added|wrote)\b|"
                          rf"\b(?:Mr|Ms|Mrs|Dr|Gen|Col|President|Minister|commander|spokesman|"
                          rf"spokeswoman|[A-Z][a-z]+)\.?\s+{last}\b(?!\s+(?:province|region|district))", text)) \
        and not re.search(rf"\b(?i:in|at|near)\s+{last}\b.*\b(?i:in|at|near)\s+{last}\b", text)


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
    for m in _UNLISTED.finditer(text):
        name = m.group(1)
        if _NOT_PLACES.match(name) or country_code(name) or get_gazetteer().has(name) \
                or _named_as_person(ctx.text, name):
            continue
        s = offset + m.start(1)
        out.append(Location(name=name, country=main.country, precision=1,
                            evidence=Evidence(text=name, start=s, end=s + len(name))))
    return out


_NAMES_A_THING = re.compile(r"^\s*(?:agreement|accords?|talks|summit|process|deal|declaration|"
                            r"protocol|format|conference|airport|university|hotel|group|"
                            r"administration|government|regime|council|office)\b", re.I)


def _attributive(ctx: ArticleContext, loc: Location) -> bool:
    """"the Doha agreement", "the Minsk talks": the place names a thing, not where it happens."""
    return loc.evidence is not None and bool(_NAMES_A_THING.match(ctx.text[loc.evidence.end:loc.evidence.end + 20]))


def _place_before(ctx: ArticleContext, offset: int) -> Optional[Location]:
    """The last town or region named before ``offset`` that is not part of a name."""
    best = None
    for loc in getattr(ctx.places, "mentions", []):
        if loc.evidence is None or loc.evidence.start >= offset:
            break
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
_SETTLEMENT_BEFORE = re.compile(r"\b(?:city|cities|town|towns|village|villages|port)\s+(?:of\s+)?"
                                r"(?:[\w’'\-]+,?\s+(?:and\s+)?){0,6}$", re.I)


def _speaks(sentence: Sentence, loc: Location) -> bool:
    """A place named as the one who speaks or decides ("Moscow said", "Kyiv's envoy warned")
    is an actor by metonymy, not where the event happened."""
    if sentence.doc is None or loc.evidence is None:
        return False
    tok = _token_at(sentence.doc, loc.evidence.start - sentence.start)
    if tok is None:
        return False
    head = tok
    while head.dep_ in ("compound", "poss", "amod", "det") and head.head is not head:
        head = head.head
    if head.dep_ == "nsubj" and head.head.lemma_ in _SPEECH:
        return True
    # "US officials estimated...": a place that only qualifies who speaks.
    return head is not tok and head.dep_ == "nsubj" and head.lemma_ in (
        "official", "officials", "ministry", "minister", "government", "source", "leader",
        "spokesman", "spokeswoman", "spokesperson", "president", "authority", "military")


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|across|throughout|into|inside|on|at|over|against|"
                              r"around|near|of|from)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}$")


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


def _venue(sentence: Sentence, trigger: tuple[int, int], locs: list[Location]) -> Optional[Location]:
    """Where talks, accusations or agreements took place, only when the text says so: a place
    governed by "in"/"at" hanging off the trigger or the clause's verb ("met in Warsaw",
    "talks in Jeddah") — never the place of the act a statement is about (CODEBOOK s.5)."""
    if sentence.doc is None:
        return None
    trig = _token_at(sentence.doc, trigger[0])
    anchors = {trig, trig.head} if trig is not None else set()
    for loc in locs:
        if loc is None or loc.evidence is None or loc.precision == 3:
            continue
        tok = _token_at(sentence.doc, loc.evidence.start - sentence.start)
        if tok is None:
            continue
        while tok.dep_ in ("compound", "amod") and tok.head is not tok:
            tok = tok.head
        prep = tok.head
        if tok.dep_ == "pobj" and prep.lower_ in ("in", "at") and prep.head in anchors:
            return loc
    return None


def _pick_places(ctx: ArticleContext, sentence: Sentence, mention, agent_span) -> list[Location]:
    locs = [loc for loc in sentence_places(ctx, sentence)
            if not _inside(loc, agent_span, sentence) and not _speaks(sentence, loc)]
    if not any(loc.precision in (1, 2) for loc in locs):
        locs += _unlisted_places(ctx, sentence.text, sentence.start)
    if not locs:
        return []
    locs = [_as_settlement(ctx, sentence, loc) for loc in locs
            if loc.precision != 3 or _locative(sentence, loc)]
    towns = [loc for loc in locs if loc.precision == 1]
    if len(towns) > 1 and mention.type in _SPLIT_BY_PLACE:
        seen: dict[str, Location] = {}
        for loc in towns:
            seen.setdefault(loc.name.lower(), loc)
        return list(seen.values())
    best = places.smallest_place(locs)
    return [best] if best else []


_TIME_WORDS = re.compile(r"^(?:(?:on|last|this|early|late)\s+)?(?:monday|tuesday|wednesday|thursday|"
                         r"friday|saturday|sunday|yesterday|today|tonight|overnight|morning|"
                         r"evening|night|weekend|week|month|year|january|february|march|april|"
                         r"may|june|july|august|september|october|november|december)\b\W*$", re.I)
_PROPER = re.compile(r"\b[A-Z][a-z]+|\b[A-Z]{2,}\b")
_PLACE_PHRASE = re.compile(r"\b(?:city|town|village|province|region|district|area|capital)\b", re.I)
_POSSESSIVE = {"its", "their", "his", "her", "our"}
_PERSONAL = {"he", "she", "him", "her", "his"}


def _subject_before(sentence: Sentence, limit: int):
    """The nearest subject noun (a proper name or an entity) that starts before ``limit``."""
    doc = sentence.doc
    if doc is None:
        return None
    best = None
    for t in doc:
        if t.idx >= limit:
            break
        if t.dep_ in ("nsubj", "nsubjpass") and (t.pos_ == "PROPN" or t.ent_type_ in
                                                  ("GPE", "ORG", "NORP", "PERSON")):
            best = t
    return best


def _antecedent(ctx: ArticleContext, sentence: Sentence, start: int, person: bool) -> Optional[Actor]:
    """Who a pronoun stands for: an earlier subject of this sentence, else the subject of
    the nearest earlier parsed sentence of the paragraph. Plain heuristics, no coreference model."""
    book = ctx.extra.get("actor_book")
    candidates = [(sentence, start)]
    for prev in reversed(ctx.sentences[max(0, sentence.index - 2):sentence.index]):
        if prev.paragraph == sentence.paragraph:
            candidates.append((prev, len(prev.text)))
    for sent, limit in candidates:
        tok = _subject_before(sent, limit)
        if tok is None:
            continue
        if person and tok.ent_type_ not in ("PERSON", ""):
            continue
        s, e = _phrase(tok)
        return resolve_actor(sent.text[s:e], book, sent.evidence(s, e))
    return None


def _actor(ctx: ArticleContext, sentence: Sentence, span, violent: bool,
           placeless: bool = False) -> Optional[Actor]:
    if span is None:
        return None
    s, e = span
    text = sentence.text[s:e].strip()
    if not text:
        return None
    words = text.lower().split()
    if _TIME_WORDS.match(text):
        return None         # "attacked a train Tuesday": the parse took the day for a side
    book = ctx.extra.get("actor_book")
    if len(words) == 1 and words[0] in _PRONOUNS:
        ref = _antecedent(ctx, sentence, s, person=words[0] in _PERSONAL)
        if ref is None:
            return None
        if violent and ref.sector == "government" and ref.country:
            ref.sector = "military"      # "it shelled": the state that acts by force
        return ref
    actor = resolve_actor(text, book, sentence.evidence(s, e), violent=violent)
    if actor.country is None and words[0] in _POSSESSIVE:
        ref = _antecedent(ctx, sentence, s, person=words[0] in _PERSONAL)
        if ref is not None:
            actor.country = ref.country
            if actor.sector == "unknown":
                actor.sector = ref.sector
    if actor.country is None and actor.sector in ("government", "police", "civilians", "military"):
        named = places.find_places(text, offset=sentence.start + s, context=ctx.places)
        if named and named[0].country and named[0].precision in (1, 2):
            actor.country = named[0].country
    if placeless and actor.country and actor.sector == "unknown":
        actor.sector = "government"      # states talk, accuse and agree through governments
    if actor.country is None and actor.sector == "unknown" and not _PROPER.search(text):
        return None         # "responsibility", "a finger", "an airstrike": not a side
    if actor.sector == "unknown" and _PLACE_PHRASE.search(text):
        return None         # "the Syrian city of Raqqa" is where, not who
    return actor


_FORCES = re.compile(r"\b(?:the\s+)?([A-Z][\w’'.\-]+(?:\s+[A-Z][\w’'.\-]+)?)(?:’s|'s)?\s+(?:[a-z\-]+\s+)?"
                     r"(forces|troops|army|military|soldiers|jets|warplanes|artillery|missiles?|"
                     r"drones?|militants|fighters|rebels|police|navy|aircraft|units)\b")


_WEAPON_HEAD = re.compile(r"\b(missiles?|rockets?|shells?|bombs?|drones?|weapons?|munitions|"
                          r"artillery|mortars?|grenades?|mines?)\W*$", re.I)
_CIVILIAN_CUES = re.compile(r"\b(civilians?|residents?|people|children|homes?|houses?|apartments?|"
                            r"hospitals?|schools?|markets?|shopping|villagers|passengers|"
                            r"worshippers|family|families|neighbourhoods?|residential)\b", re.I)
_GROUP_PHRASE = re.compile(r"(?:\b[A-Z][\w\-’']+\s+){0,3}\b(?:militants|insurgents|rebels|jihadists|"
                           r"fighters|separatists|gunmen|terrorists)\b|\bal[- ]Shabaa?b\b|\bTaliban\b|"
                           r"\bBoko Haram\b|\bIslamic State\b|\bIsis\b|\bHamas\b|\bHezbollah\b|\bHouthis?\b")
_BATTLES = {"armed_clash", "government_regains_territory", "non_state_actor_overtakes_territory"}
_REMOTE = {"shelling_artillery_missile", "air_drone_strike", "remote_explosive", "grenade",
           "suicide_bomb", "chemical_weapon", "attack"}


def _implied_target(ctx: ArticleContext, sentence: Sentence, etype: str,
                    actor1: Optional[Actor]) -> Optional[Actor]:
    """The side acted on when the sentence leaves it implicit: in a battle between two
    states, the other state's forces; in a strike that names civilian victims or places,
    civilians of the country it happened in."""
    if etype in _BATTLES and actor1 is not None and actor1.country:
        from .conflicts import opponent
        other = opponent(actor1.country, (ctx.places.countries if ctx.places else {}).keys(),
                         ctx.published)
        if other:
            return Actor(name=None, country=other, sector="military")
        if actor1.sector in ("rebels", "militia"):
            # Insurgents fight the state's forces where they fight.
            return Actor(name=None, country=actor1.country, sector="military")
        if actor1.sector in ("military", "police"):
            group = _GROUP_PHRASE.search(sentence.text)
            if group and not (actor1.evidence and actor1.evidence.start <= sentence.start + group.start() < actor1.evidence.end):
                s0, e0 = group.span()
                return resolve_actor(group.group(0), ctx.extra.get("actor_book"), sentence.evidence(s0, e0))
    if etype in _REMOTE and _CIVILIAN_CUES.search(sentence.text):
        main = ctx.extra.get("main_country")
        return Actor(name=None, country=main.country if main else None, sector="civilians")
    return None


def _fallback_agent(sentence: Sentence, avoid: Optional[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """With no parsed agent, a "<Demonym> forces"-like phrase in the sentence that is not the
    patient: news names the side that fires this way even when the parse misses it."""
    from .countries import country_code
    for m in _FORCES.finditer(sentence.text):
        if avoid and avoid[0] <= m.start() < avoid[1]:
            continue
        if country_code(m.group(1)) or is_armed_group(m.group(1)):
            return m.start(), m.end()
    return None


# --- assembly -------------------------------------------------------------------------------
def events_in_sentence(ctx: ArticleContext, sentence: Sentence) -> list[Event]:
    # The MiniLM tie-breaker measured neutral on dev and dev-world and -0.016 on snippets once
    # the rules were gated, and it costs ~5% of the run: the rules decide alone.
    mentions = types.detect(sentence, ctx, embeddings=False)
    out: list[Event] = []
    if not mentions:
        return out
    fatalities, injured, cas_prov = figures.casualties(sentence, ctx)
    claim = claimants.find_claimant(ctx, sentence)
    for m in mentions:
        parent = EVENT_TYPES[m.type]
        violent = parent in _VIOLENT_PARENTS
        agent_span = getattr(m, "agent", None)
        patient_span = getattr(m, "patient", None)
        p_agent, p_patient = parse_arguments(sentence, m.trigger)
        patient_span = patient_span or p_patient
        placeless = m.type in PLACELESS_TYPES
        # The detector's agent first, then the parse's, then a "<Demonym> forces" phrase.
        actor1 = None
        for span in (agent_span, p_agent, _fallback_agent(sentence, patient_span) if violent else None):
            actor1 = _actor(ctx, sentence, span, violent, placeless)
            if actor1 is not None:
                agent_span = span
                break
        actor2 = _actor(ctx, sentence, patient_span, False, placeless)
        if actor2 is not None and (_WEAPON_HEAD.search(actor2.name or "") or (
                violent and actor2.sector == "unknown" and actor2.country is None)):
            actor2 = None
        if actor2 is None:
            actor2 = _implied_target(ctx, sentence, m.type, actor1)
        locs = _pick_places(ctx, sentence, m, agent_span)
        if not locs and m.type not in PLACELESS_TYPES:
            fallback = _context_place(ctx, sentence)
            if fallback is None and not ctx.extra.get("fragment"):
                continue        # CODEBOOK 3.5: no place at all -> not an event
            locs = [fallback]  # type: ignore[list-item]
        if m.type in PLACELESS_TYPES:
            venue = _venue(sentence, m.trigger, locs)
            locs = [venue]  # type: ignore[list-item]
        # Unnamed non-state and civilian sides belong to the country where it happened.
        where = next((loc.country for loc in locs if loc is not None and loc.country), None)
        for actor in (actor1, actor2):
            if actor is not None and actor.country is None and actor.sector in _LOCAL_SECTORS:
                actor.country = where
        date_iso, precision, date_ev = dates.event_date(ctx, sentence, m.trigger)
        if date_ev is None:
            date_iso, precision, date_ev = _story_date(ctx, sentence) or (date_iso, precision, date_ev)
        if _is_history(ctx, date_iso):
            continue
        trig_ev = sentence.evidence(*m.trigger)
        for loc in locs:
            prov: dict[str, Evidence] = {"trigger": trig_ev}
            if date_ev is not None:
                prov["date"] = date_ev
            if loc is not None and loc.evidence is not None:
                prov["location"] = loc.evidence
            if actor1 is not None and actor1.evidence is not None:
                prov["actor1"] = actor1.evidence
            if actor2 is not None and actor2.evidence is not None:
                prov["actor2"] = actor2.evidence
            if claim is not None and claim.evidence is not None:
                prov["claimant"] = claim.evidence
            prov.update(cas_prov if violent else {})
            out.append(Event(
                type=m.type, date=date_iso, date_precision=precision, location=loc,
                actor1=actor1, actor2=actor2,
                fatalities=fatalities if violent and len(locs) == 1 else None,
                injured=injured if violent and len(locs) == 1 else None,
                evidence=sentence.evidence(), confidence=round(float(m.confidence), 3),
                trigger=trig_ev, provenance=prov, claimant=claim.name if claim else None,
                why=list(m.why)))
    return out


# News tells its story within days; an act dated months before publication is background
# (CODEBOOK 3.2: "history older than the article's story").
HISTORY_DAYS = 45


STORY_LOOKBACK = 3     # sentences; further back the story has usually moved on


def _story_date(ctx: ArticleContext, sentence: Sentence):
    """For a sentence with no date of its own: the day named in one of the few sentences just
    before it (one-sentence paragraphs carry the story on), else the one day the article has
    named so far, if it lies in the week before publication."""
    if ctx.published is None:
        return None
    def days(sents):
        for prev in sents:
            for dm in reversed(dates.sentence_dates(ctx, prev)):
                if dm.precision == "day" and 0 <= (ctx.published - dm.date).days <= 7:
                    yield prev, dm
    recent = ctx.sentences[max(0, sentence.index - STORY_LOOKBACK):sentence.index]
    hit = next(days(reversed(recent)), None)
    if hit is None:
        # A story that has named one day only is still telling that day.
        earlier = list(days(ctx.sentences[:sentence.index]))
        if earlier and len({dm.date for _, dm in earlier}) == 1:
            hit = earlier[0]
    if hit is None:
        return None
    prev, dm = hit
    return dm.date.isoformat(), "day", prev.evidence(dm.start - prev.start, dm.end - prev.start)


def _is_history(ctx: ArticleContext, date_iso: Optional[str]) -> bool:
    if not date_iso or ctx.published is None:
        return False
    from datetime import date as _date
    return (ctx.published - _date.fromisoformat(date_iso)).days > HISTORY_DAYS


def _one_per_place(events: list[Event]) -> list[Event]:
    """Within one sentence, two typed readings of the same act at the same place are one
    happening: keep the surest. Statements (placeless types) stand beside the act they name."""
    kept: list[Event] = []
    for ev in sorted(events, key=lambda e: -e.confidence):
        if ev.type not in PLACELESS_TYPES and any(
                k.type not in PLACELESS_TYPES and _loc_key(k) == _loc_key(ev) for k in kept):
            continue
        if ev.type in PLACELESS_TYPES and any(k.type in PLACELESS_TYPES for k in kept):
            continue
        kept.append(ev)
    return sorted(kept, key=lambda e: (e.trigger.start if e.trigger else 0))


def _loc_key(e: Event) -> Optional[str]:
    return e.location.name.lower() if e.location else None


def _same_happening(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    la, lb = a.location, b.location
    if (la is None) != (lb is None):
        return False
    if la is not None and lb is not None and la.name.lower() != lb.name.lower():
        return False
    if a.date and b.date and a.date != b.date:
        return False
    if a.type in PLACELESS_TYPES:
        # Talks and accusations recur with other parties: the same only when the sides agree
        # (each equal, or unsaid in one telling) and the same word names it ("agreed" ~ "agreement").
        def sides(x: Event) -> tuple[Optional[str], Optional[str]]:
            return (x.actor1.country if x.actor1 else None, x.actor2.country if x.actor2 else None)
        for p, q in zip(sides(a), sides(b)):
            if p and q and p != q:
                return False
        stem = lambda e: (e.trigger.text.lower()[:5] if e.trigger else "")  # noqa: E731
        if stem(a) != stem(b):
            return False
        return None not in sides(a) and sides(a) == sides(b)
    return True


def merge_within_article(events: list[Event]) -> list[Event]:
    """One record per happening (CODEBOOK 3.1): later tellings enrich the first one."""
    kept: list[Event] = []
    for ev in events:
        twin = next((k for k in kept if _same_happening(k, ev)), None)
        if twin is None:
            kept.append(ev)
            continue
        for f in ("actor1", "actor2", "fatalities", "injured", "claimant"):
            if getattr(twin, f) is None and getattr(ev, f) is not None:
                setattr(twin, f, getattr(ev, f))
        if ev.fatalities is not None and twin.fatalities is not None:
            twin.fatalities = min(twin.fatalities, ev.fatalities)   # conservative, CODEBOOK 3.3
        twin.confidence = max(twin.confidence, ev.confidence)
        twin.why.append(f"also told at {ev.evidence.start}")
    return kept


def assemble(ctx: ArticleContext) -> list[Event]:
    events: list[Event] = []
    for sentence in ctx.sentences:
        if sentence.doc is None:
            continue
        events.extend(_one_per_place(events_in_sentence(ctx, sentence)))
    return merge_within_article(events)
