"""Event detector and typer (CODEBOOK §2, §3).

A sentence is scanned for trigger words (``triggers.LEXICON``); each trigger that the modality
check (``modality.py``) lets through is typed by rules that look at the trigger's frame, the
weapon named, the actors and the target — the PETRARCH way, so that every decision can be
traced in ``Mention.why``. Sentence embeddings (MiniLM) against hand-written prototypes break
ties between the types a frame allows when the rules are unsure.

Interface for the event assembler:
    needs_parse(text) -> bool
    detect(sentence, ctx) -> list[Mention]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Optional, Sequence

import numpy as np

from .. import taxonomy
from . import modality, triggers
from .triggers import TriggerHit, cue

Span = tuple[int, int]

# Rule confidence below which the embedding may overrule the rule's choice among the types
# the frame allows.
EMBED_OVERRULE_BELOW = 0.6
EMBED_MARGIN = 0.08
# An argument governed by an accusation / condemnation is told, not newly reported.
GOVERNED_DISCOUNT = 0.6

_VIOLENT = {
    "armed_clash", "chemical_weapon", "air_drone_strike", "suicide_bomb", "shelling_artillery_missile",
    "remote_explosive", "grenade", "attack", "sexual_violence", "abduction_forced_disappearance",
    "excessive_force_against_protesters", "mob_violence", "violent_demonstration", "organized_crime",
    "looting_property_destruction", "government_regains_territory", "non_state_actor_overtakes_territory",
}
_VIOLENT_PARENTS = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
_WEAPON_TYPES = ["suicide_bomb", "chemical_weapon", "air_drone_strike", "shelling_artillery_missile",
                 "remote_explosive", "grenade"]


@dataclass
class Mention:
    type: str
    confidence: float
    trigger: Span                      # relative to the sentence
    why: list[str] = field(default_factory=list)
    agent: Optional[Span] = None       # actor phrase that acts, relative to the sentence
    patient: Optional[Span] = None     # actor/target phrase acted on
    frame: str = ""
    trigger_text: str = ""

    def __post_init__(self) -> None:
        if self.type not in taxonomy.EVENT_TYPES:
            raise ValueError(f"unknown event type {self.type!r}; expected one of taxonomy.EVENT_TYPES")


@dataclass
class _Candidate:
    hit: TriggerHit
    type: str
    confidence: float
    why: list[str]
    options: list[str]                 # types the frame allows, for the embedding to choose among
    agent: Optional[Span] = None
    patient: Optional[Span] = None
    token: Any = None
    sentence_text: str = ""
    rule_confidence: float = -1.0      # before discounts: how sure the typing rule itself was


def needs_parse(text: str) -> bool:
    """Cheap check: may this sentence hold an event? (only these get a spaCy parse)."""
    return triggers.has_trigger(text)


# --------------------------------------------------------------------------- arguments
_NP_STOP_DEPS = {"relcl", "acl", "punct", "cc", "conj", "appos", "advcl"}


def _np_span(tok: Any) -> Span:
    """Character span of the noun phrase headed by ``tok`` (modifiers on the left, 'of' phrases)."""
    left = tok.left_edge
    right = tok
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            right = c.right_edge
        elif c.dep_ in ("compound", "nummod", "amod", "poss"):
            right = c.right_edge
    doc = tok.doc
    start = doc[left.i].idx
    end = doc[right.i].idx + len(doc[right.i].text)
    return start, end


def _governing_verb(tok: Any) -> Any:
    """'launched an attack' / 'carried out strikes': the verb whose object the noun trigger is."""
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    if tok.dep_ in ("dobj", "nsubjpass", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head
    return None


def _arguments(tok: Any) -> tuple[Optional[Span], Optional[Span]]:
    agent = patient = None
    verb = _governing_verb(tok)
    if verb is not None:
        for c in verb.children:
            if c.dep_ == "nsubj" and agent is None:
                agent = _np_span(c)
            elif c.dep_ == "nsubjpass" and patient is None and c.i != tok.i:
                patient = _np_span(c)
            elif c.dep_ == "dobj" and patient is None and c.i != tok.i:
                patient = _np_span(c)
            elif c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        agent = _np_span(g)
        if agent is None and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
            # "forces were reported to have captured X", "militants stormed the hotel and
            # killed five": the subject sits on the governing or first verb.
            host = verb.head
            passive_report = host.lemma_.lower() in modality.REPORTING_HEADS | {"believe", "think", "understand"}
            for c in host.children:
                if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and verb.dep_ == "xcomp" and passive_report):
                    agent = _np_span(c)
                    break
        if verb.i == tok.i and patient is None:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "upon", "with"):
                    for g in c.children:
                        if g.dep_ == "pobj":
                            patient = _np_span(g)
                            break
    if tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ == "poss" and agent is None:
                agent = _np_span(c)
            elif c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG") and agent is None:
                agent = (c.idx, c.idx + len(c.text))
            elif c.dep_ == "prep" and c.lower_ in ("on", "against", "of", "at") and patient is None:
                for g in c.children:
                    if g.dep_ == "pobj":
                        patient = _np_span(g)
                        break
            elif c.dep_ == "prep" and c.lower_ == "by" and agent is None:
                for g in c.children:
                    if g.dep_ == "pobj":
                        agent = _np_span(g)
                        break
    return agent, patient


# --------------------------------------------------------------------------- typing rules
def _weapon_type(text: str, trigger_text: str) -> Optional[tuple[str, str]]:
    """The Explosions/Remote-violence type the weapon words decide, with the rule's name."""
    if cue("suicide", text):
        return "suicide_bomb", "weapon:suicide"
    if cue("chem", text):
        return "chemical_weapon", "weapon:chemical"
    low = trigger_text.lower()
    if re.search(r"shell|artillery|mortar|bombard|howitzer", low):
        return "shelling_artillery_missile", "trigger:artillery"
    if cue("air", text) and not cue("intercept", text):
        return "air_drone_strike", "weapon:air platform"
    if re.search(r"grenade", low) or (cue("grenade", text) and not cue("shell", text)):
        return "grenade", "weapon:grenade"
    if cue("shell", text):
        return "shelling_artillery_missile", "weapon:artillery/rocket/missile"
    if cue("remote", text):
        return "remote_explosive", "weapon:bomb/mine/IED"
    return None


_CRIME_WORDS = r"\b(?:cartels?|drug (?:ring|gang|traffick\w+|cartel|lords?|dealers?)|narco\w*|traffickers|smugglers|mafia|gangs?|gangsters|cocaine|heroin|methamphetamine|fentanyl|extortion)\b"


def _protest_context(text: str) -> bool:
    # "to protest the policy" is a motive, not a protest being held.
    return re.search(r"(?<!\bto )\b(?:protest\w*|demonstrat\w+|marchers|rall(?:y|ies)|sit-ins?|strikers|picket\w*|"
                     r"dharnas?|gheraos?|bandhs?|hartals?|processions?|agitation|agitators|"
                     r"(?:blocked|blockaded|blocking) (?:the |a )?(?:\w+ ){0,2}(?:road|highway|roads|motorway|railway|national highway))\b",
                     text, re.IGNORECASE) is not None


_SOURCE_CLAUSE = re.compile(r"(?:,\s*|\s+)(?:(?:the|a|an|local|state|federal|[A-Z]\w+)\s+){0,4}"
                            r"(?:police|officials?|authorities|organisers|organizers|witnesses|residents|sources|"
                            r"ministry|army|military|spokes(?:man|woman|person))\s+(?:said|says|reported|told \w+)\W*$"
                            r"|,?\s+according to [^,.;]+\W*$", re.I)


def _without_source(text: str) -> str:
    """The sentence without its closing attribution: in "..., police said" the police only
    tell what happened."""
    return _SOURCE_CLAUSE.sub("", text)


# Weapons and deeds of close-range violence: with these a strike is no stand-off strike.
_CLOSE_RANGE = re.compile(r"\b(?:gunm[ae]n|shot|shoot\w*|opened fire|gunfire|rifles?|guns?|knives|knife|machetes?|stabb\w*|"
                          r"hacked|beat(?:en|ing)?|executed|hostages?|kidnap\w*|abduct\w*|stormed|raid\w*|suicide|"
                          r"ground (?:troops|forces|assault)|infantry|tanks?|clash\w*|fighting|battle\w*)\b", re.I)
_STATE_AGENT = re.compile(r"\b(?:[A-Z][a-z]+(?:n|ian|ish|ese|i)|government|regime|state|army|military|forces|troops)\b")


def _stand_off_strike(text: str, trig: str, agent: str, target: str) -> bool:
    """'Russian attacks in the Kharkiv region', 'strikes on the port': a state's forces hit a
    place from a distance with no weapon named: codebook 3.6 codes it as shelling/missiles."""
    if not re.match(r"attack|strike|struck|hit|pound|target", trig, re.I):
        return False
    if _CLOSE_RANGE.search(text) or cue("nonstate", agent or "") or cue("mob", agent or ""):
        return False
    noun_strike = re.match(r"strikes?$", trig, re.I) is not None
    state = bool(agent) and _STATE_AGENT.search(agent) is not None and not cue("nonstate", agent)
    if not state and not noun_strike:
        state = re.search(r"\b[A-Z][a-z]+(?:n|ian|ish|ese|i)\s+(?:attacks?|strikes?|forces|troops|military|army)\b", text) is not None \
            and not cue("nonstate", text)
    place = re.search(r"\b(?:cit(?:y|ies)|towns?|villages?|regions?|provinces?|districts?|areas?|suburbs?|port|capital|"
                      r"outskirts|infrastructure|targets?|facilit(?:y|ies)|depots?|plants?|stations?|bridges?|airports?|"
                      r"airfields?|hangars?|buildings?|blocks?|centres?|centers?|hospitals?|schools?|markets?|mall)\b|"
                      r"\b(?:in|on|at|across) (?:the )?[A-Z]", target or text) is not None
    return place and (state or noun_strike)


# Crowd weapons and crowd words: who fights "each other" with these is a mob, not an army.
_MELEE_OR_MOB = re.compile(r"\b(?:sticks|swords|machetes|clubs|iron rods|stones|rocks|knives|axes|"
                           r"communities|communal|sectarian|villagers|residents|neighbours|neighbors|"
                           r"castes?|clans?|tribes|youths|mobs?)\b", re.I)


def _violence_type(frame: str, text: str, trig: str, agent: str, patient: str) -> tuple[str, float, str, list[str]]:
    """Type for a violent trigger (strike, kill, clash, wound, damage) from weapon, actors, target."""
    violent_opts = ["armed_clash", "attack", "shelling_artillery_missile", "air_drone_strike",
                    "remote_explosive", "organized_crime", "mob_violence", "excessive_force_against_protesters"]
    target = patient or text
    if re.search(r"\b(?:each other|one another)\b", text, re.I) and _MELEE_OR_MOB.search(text) \
            and not cue("nonstate", text):
        return "mob_violence", 0.75, "groups of people attacked each other", violent_opts
    if _protest_context(text) and cue("police", text) and cue("lethal", text):
        return "excessive_force_against_protesters", 0.8, "protesters + security forces + lethal force", violent_opts
    if frame == "CLASH":
        if cue("police", text) and (_protest_context(text) or re.search(
                r"\b(?:activists|supporters|students|youths|workers|crowds?|rioters)\b", text, re.I)) \
                and not cue("nonstate", text):
            return "violent_demonstration", 0.7, "crowd clashed with police", violent_opts + ["violent_demonstration"]
        if cue("suicide", text) or cue("chem", text):
            w = _weapon_type(text, trig)
            if w:
                return w[0], 0.8, w[1], violent_opts
        return "armed_clash", 0.75, "fighting between armed groups", violent_opts
    w = _weapon_type(text, trig)
    if w:
        return w[0], 0.85, w[1], violent_opts
    if cue("mob", agent or text) and re.search(r"\b(?:mobs?|lynch\w*|vigilantes?|angry crowds?|communal|sectarian)\b", text, re.I):
        return "mob_violence", 0.75, "mob/communal actor", violent_opts
    if re.search(r"\b(?:cartels?|gangs?|gangsters|narco\w*|drug (?:lords?|traffickers|gangs?)|hitmen|mafia)\b", text, re.I):
        return "organized_crime", 0.7, "criminal actor", violent_opts
    if frame == "STRIKE" and _stand_off_strike(text, trig, agent, target):
        return "shelling_artillery_missile", 0.6, "strike by state forces on a place, weapon unstated (codebook 3.6)", \
            ["shelling_artillery_missile", "air_drone_strike", "attack", "armed_clash"]
    if cue("military_target", target) and not cue("civilians", target):
        return "armed_clash", 0.65, "armed target", violent_opts
    if patient and cue("nonstate", patient) and not cue("civilians", patient) and not cue("nonstate", agent or ""):
        # "the military said it killed 33 terrorists": forces fighting an armed group.
        return "armed_clash", 0.6, "armed group on the receiving end", violent_opts
    if patient and cue("civilians", patient) and not cue("military_target", patient):
        return "attack", 0.7, "civilian target", violent_opts
    if cue("civilians", target) or cue("civilians", text):
        # The attacker's own name ("militants attacked a train") says nothing about the target.
        others = text.replace(agent, " ") if agent else text
        if cue("military_target", others) and frame != "KILL":
            return "armed_clash", 0.5, "armed and civilian words", violent_opts
        return "attack", 0.7, "civilian target", violent_opts
    if cue("armed", text):
        return "armed_clash", 0.5, "armed actors, target unclear", violent_opts
    return "attack", 0.45, "violence, actors unclear", violent_opts


def _territory_type(frame: str, text: str, agent: str, patient: str) -> tuple[str, float, str]:
    gov_agent = cue("state", agent) and not cue("nonstate", agent)
    held_by_nonstate = re.search(r"\b(?:rebel|militant|insurgent|jihadist|isis|is|terrorist|separatist)[- ]held\b", text, re.I) \
        or (patient and cue("nonstate", patient)) \
        or re.search(r"\bfrom (?:the )?(?:\w+ )?(?:rebels|militants|insurgents|jihadists|islamic state|isis|al[- ]shabaa?b|taliban|boko haram|terrorists|separatists|gunmen|militias?)\b", text, re.I)
    if frame == "RETAKE":
        if agent and cue("nonstate", agent) and not cue("state", agent):
            return "non_state_actor_overtakes_territory", 0.75, "non-state actor retook ground"
        return "government_regains_territory", 0.85, "retook/liberated"
    if re.search(r"\b(?:government|regime|pro-government|pro-regime|national army|state) (?:forces|troops|soldiers|army)\b", agent or "", re.I) \
            and not cue("nonstate", agent or ""):
        return "government_regains_territory", 0.75, "government forces took ground"
    if gov_agent and held_by_nonstate:
        return "government_regains_territory", 0.8, "state forces captured ground held by non-state group"
    if gov_agent and not re.search(r"\b[A-Z][a-z]+(?:n|ian|ish|ese|i)\b", agent):
        # "the army took control": a state's own forces (no foreign nationality named).
        return "government_regains_territory", 0.6, "state forces took ground"
    return "non_state_actor_overtakes_territory", 0.8, "captured/seized ground"


_PUBLIC = re.compile(r"^(?:people|nationals|citizens|residents|civilians|public|population|everyone|"
                     r"villagers|parents|families|men|women|youths?|voters|viewers|listeners|followers|"
                     r"supporters|volunteers|refugees|motorists|travell?ers|tourists|bridges?|roads?|national|checkpoints?|"
                     r"barricades?|roadblocks?|statues?|monuments?|"
                     r"calm|restraint|patience|unity|donations?|help|blood)$", re.I)


def _addresses_public(tok: Any) -> bool:
    """An appeal whose addressee (or what it asks for) is the public, not a state or party:
    'urged people to stay indoors', 'called on residents to donate blood', 'appealed for calm'.
    States that demand and urge one another act diplomatically (codebook 3.6)."""
    def public(t: Any) -> bool:
        return bool(_PUBLIC.match(t.lower_) or _PUBLIC.match(t.lemma_.lower()))

    for c in tok.children:
        if c.dep_ == "dobj" and public(c):
            return True
        if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to", "for"):
            for g in c.children:
                if g.dep_ == "pobj" and public(g):
                    return True
        if c.dep_ in ("ccomp", "advcl", "xcomp"):   # "called for the bridge to be dismantled"
            for g in c.children:
                if g.dep_ in ("nsubj", "nsubjpass") and public(g):
                    return True
    return False


def _after(text: str, end: int, words: int = 6) -> str:
    return " ".join(text[end:end + 80].split()[:words])


_LEADERS_CLASH = re.compile(r"\s*(?:between|with)\s+(?:[\w.’'-]+\s+){0,3}(?:president|prime minister|premier|chancellor|"
                            r"leaders?|ministers?|secretary|king|senator|lawmakers|officials)\b", re.I)
_HOLDING = re.compile(r"\b(?:still|remain\w*|being held|holding|are held|is held|believed to be|among (?:them|those)|"
                      r"were held|was held|one of|continue to hold)\b", re.I)
_TAKING = re.compile(r"\b(?:took|taken|taking|seiz\w+|kidnapp\w+|abduct\w+|stormed|hijack\w+|captured|grabbed)\b", re.I)
_OFFICIAL = re.compile(r"\b(?:president|minister|secretary|chancellor|ambassador|envoy|delegation|diplomats?|foreign|"
                       r"premier|king|prince|counterpart|summit)\b", re.I)
_LOCAL_MEETING = re.compile(r"\b(?:elders|local (?:officials|leaders|residents|councils?)|community leaders|tribal leaders|"
                            r"village (?:heads|leaders|councils?))\b", re.I)
_BLAME = re.compile(r"\b(?:blam\w+|accus\w+|behind|responsible|false flag|fabricat\w+|staged|provocation|orchestrat\w+)\b", re.I)
_PERSON_NOUN = re.compile(r"^(?:m[ae]n|wom[ae]n|britons?|americans?|nationals?|citizens?|volunteers?|fighters?|soldiers?|"
                          r"servicem[ae]n|mercenar\w+|journalists?|people|civilians|prisoners|pows?|marines?|pilots?|"
                          r"sailors?|officers?|reporters?|aid workers?|persons?)$", re.I)


_PLACE_TARGET = re.compile(r"\b(?:cit(?:y|ies)|towns?|villages?|suburbs?|districts?|neighbou?rhoods?|capital|port|"
                           r"infrastructure|power (?:stations?|plants?|grid)|energy facilities)\b", re.I)


def _is_person(tok: Any) -> bool:
    return tok.ent_type_ in ("PERSON", "NORP") or _PERSON_NOUN.match(tok.text) is not None


def _in_quotes(text: str, pos: int) -> bool:
    """Is ``pos`` inside a quotation opened earlier in the sentence?"""
    before = text[:pos]
    if before.rfind("“") > before.rfind("”"):
        return True
    return before.count('"') % 2 == 1


def _decide(hit: TriggerHit, text: str, agent: str, patient: str, tok: Any,
            prior: frozenset[str] = frozenset()) -> Optional[tuple[str, float, str, list[str]]]:
    """(type, confidence, rule, alternative types) for one trigger, or None if it is no event."""
    f = hit.frame
    trig = hit.text
    low = trig.lower()
    after = _after(text, hit.end)
    obj = patient or after

    if f in ("STRIKE", "CLASH", "KILL", "WOUND", "DAMAGE", "SHELL", "AIR", "EXPLODE", "GRENADE", "SUICIDE", "CHEM"):
        if f == "CLASH" and re.match(r"(?:engaged|combat|hostilities|offensives?|siege|besieg\w+|encircle\w*)$", low, re.I):
            # Words that also carry analysis ("the offensive has stalled"): need an armed actor.
            if not cue("armed", text):
                return None
        if f == "CLASH" and re.match(r"fight|fought|battl", low) and not cue("armed", text) \
                and not cue("nonstate", text) and not (tok is not None and tok.pos_ == "NOUN" and low == "fighting"):
            return None                  # "fight corruption", "battle for votes"
        if f == "CLASH" and re.match(r"clash", low) and not (cue("armed", text) or cue("nonstate", text) or cue("police", text)
                                                            or cue("mob", text) or _protest_context(text) or cue("protesters", text)):
            return None                  # a clash of words between leaders
        if f == "CLASH" and re.match(r"clash", low) and _LEADERS_CLASH.match(text[hit.end:hit.end + 80]):
            return None                  # "the clash between President X and President Y": words
        if f == "CLASH" and re.search(_CRIME_WORDS, text, re.I) and not cue("nonstate", text):
            return "organized_crime", 0.75, "operation against criminals", ["organized_crime", "armed_clash", "arrests"]
        if f == "CLASH" and re.search(r"operations?$", low) and not re.search(r"against", low):
            # "military operations": a battle only against a named armed group, not as a topic.
            if not (cue("nonstate", text) or re.search(r"\bkill|clash|fight|killed\b", text, re.I)) or \
                    (tok is not None and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in ("end", "conclude", "stop", "finish", "halt")):
                return None
            return "armed_clash", 0.55, "operation against an armed group", ["armed_clash", "attack"]
        if f == "CLASH" and re.match(r"sieges?$|besieg|encircl", low):
            return "armed_clash", 0.6, "siege", ["armed_clash", "attack"]
        if f == "CLASH" and re.match(r"stormed", low) and _protest_context(text):
            return "violent_demonstration", 0.75, "protesters stormed", ["violent_demonstration", "armed_clash"]
        if f == "CLASH" and re.match(r"stormed|ambush", low) and patient and cue("civilians", patient) \
                and not cue("military_target", patient) and not cue("military_target", _after(text, hit.end, 9)):
            # "ambushed a bus carrying soldiers" is a battle; "stormed a hotel" an attack.
            return "attack", 0.7, "armed men stormed a civilian place", ["attack", "armed_clash"]
        national = tok is not None and any(c.ent_type_ == "NORP" for c in tok.children)
        if f == "STRIKE" and re.match(r"strikes?$|struck$|hit", low) and not national \
                and not (re.match(r"strikes?$", low) and re.match(r"\s+(?:on|against)\s", text[hit.end:hit.end + 10])) and not (
                cue("armed", text) or cue("shell", text) or cue("air", text) or cue("remote", text)):
            return None                  # "struck a deal", "hit by inflation"
        if f == "STRIKE" and low.startswith("raid") and cue("police", text) and not cue("lethal", text):
            return "arrests", 0.55, "police raid", ["arrests", "armed_clash", "attack"]
        if f in ("SHELL", "AIR", "STRIKE", "EXPLODE") and cue("chem", text):
            return "chemical_weapon", 0.85, "chemical agent delivered", ["chemical_weapon", f == "AIR" and "air_drone_strike" or "shelling_artillery_missile"]
        if f == "EXPLODE":
            if re.match(r"sabotage", low) and re.search(r"sabotag\w* (?:\w+ ){0,3}(?:process|talks|efforts?|negotiations|peace|deal|plans?|elections?|economy|dialogue|relations)\b", text, re.I):
                return None              # political sabotage
            if re.match(r"sabotage", low):
                return "remote_explosive", 0.7, "sabotage blast", ["remote_explosive", "other"]
            if cue("accident", text) and not cue("armed", text) and not cue("suicide", text):
                return "man_made_disaster", 0.7, "accidental explosion", ["man_made_disaster", "remote_explosive"]
            if re.match(r"bomb(?:ed|ing|ings)?$", low) and cue("air", text):
                return "air_drone_strike", 0.8, "bombing from the air", ["air_drone_strike"]
            if re.match(r"bomb(?:ed|ing)$", low) and tok is not None and tok.pos_ == "VERB" \
                    and _STATE_AGENT.search(agent or "") and not cue("nonstate", agent or "") \
                    and not (cue("remote", text.replace(trig, "")) or cue("suicide", text)):
                # "Russian forces bombed an oil terminal": a state's strike, platform unstated (3.6).
                return "shelling_artillery_missile", 0.6, "state forces bombed a place, platform unstated", \
                    ["shelling_artillery_missile", "air_drone_strike"]
            w = _weapon_type(text, trig)
            if w:
                return w[0], 0.8, w[1], _WEAPON_TYPES
            if re.match(r"explo|blast", low):
                # Unexplained blasts: in a war of shelling and air strikes more of the same,
                # elsewhere most often a planted bomb.
                remote = [k for k in ("shelling_artillery_missile", "air_drone_strike") if k in prior]
                if remote or cue("state", text) and re.search(r"\b(?:war|front ?line|invasion|offensive)\b", text, re.I):
                    return remote[0] if remote else "shelling_artillery_missile", 0.45, "explosions in a war of stand-off fire", \
                        _WEAPON_TYPES + ["man_made_disaster"]
                return "remote_explosive", 0.45, "explosion, weapon unstated", _WEAPON_TYPES + ["man_made_disaster"]
            return "remote_explosive", 0.55, "bomb/blast", _WEAPON_TYPES
        if f == "SUICIDE":
            return "suicide_bomb", 0.95, "suicide attacker", ["suicide_bomb"]
        if f == "CHEM":
            return "chemical_weapon", 0.9, "chemical agent", ["chemical_weapon"]
        if f == "GRENADE":
            return "grenade", 0.85, "grenade", ["grenade"]
        if f == "AIR":
            return "air_drone_strike", 0.9, "air/drone platform", ["air_drone_strike"]
        if f == "SHELL":
            if re.search(r"bombard", low) and cue("air", text) and not re.search(r"shell|artillery|mortar|rocket|missile", text, re.I):
                return "air_drone_strike", 0.8, "bombardment by aircraft", ["air_drone_strike", "shelling_artillery_missile"]
            if re.search(r"shell|artillery|mortar|bombard", low) or not cue("air", text):
                return "shelling_artillery_missile", 0.9, "artillery/rocket/missile, platform not aircraft", ["shelling_artillery_missile"]
            return "air_drone_strike", 0.75, "missile from aircraft/drone", ["air_drone_strike", "shelling_artillery_missile"]
        if f in ("WOUND", "DAMAGE", "KILL") and not (cue("armed", text) or _weapon_type(text, trig)
                                                   or f == "KILL" and not re.match(r"dead|died|death|lost", low)):
            return None                  # "died in hospital", "damaged the economy"
        if f == "DAMAGE" and not _weapon_type(text, trig):
            if _protest_context(text):
                return "violent_demonstration", 0.5, "protesters destroyed property", ["violent_demonstration", "looting_property_destruction"]
            return "looting_property_destruction", 0.5, "armed actor destroyed property", ["looting_property_destruction", "armed_clash"]
        t, c, why, opts = _violence_type(f, text, trig, agent, patient)
        if f == "STRIKE" and t in ("attack", "armed_clash") and patient and _PLACE_TARGET.search(patient) \
                and not cue("people_obj", patient) and not _CLOSE_RANGE.search(text) \
                and not cue("nonstate", agent or "") and not cue("mob", agent or ""):
            # "attacks on the cities continued": in a war told as shelling and air strikes, an
            # attack on towns with the weapon unstated is more of the same (3.6).
            remote = [k for k in ("shelling_artillery_missile", "air_drone_strike") if k in prior]
            if remote:
                t, c, why = remote[0], 0.55, "attack on towns in a war of stand-off fire"
        if f == "KILL" and re.match(r"tortur", low):
            t, c, why = "attack", 0.7, "torture"
        if f == "KILL" and re.match(r"murder|assassin|execut|behead|lynch", low) and t == "armed_clash" \
                and not cue("military_target", patient or ""):
            t, c, why, opts = "attack", 0.7, "deliberate killing of named people", ["attack"]
        if f == "KILL" and _DELIBERATE.match(low) and t == "attack":
            c = max(c, 0.85)             # deliberate killing of the unarmed: the act itself
        return t, c, why, opts

    if f == "RETAKE" and re.match(r"pushed back", low) and re.match(r"\s+(?:against|on|at)\b", text[hit.end:hit.end + 8]):
        return None                      # "pushed back against allegations": a rebuttal
    if f in ("CAPTURE", "RETAKE"):
        if re.match(r"entered", low) and not (cue("armed", agent or "") or cue("nonstate", agent or "") or re.search(
                r"\b(?:units|columns?|tanks|saboteurs|infantry)\b", agent or "", re.I)):
            return None                  # "entered the talks", "residents entered the building"
        if re.match(r"entered", low) and re.search(r"saboteurs|spies|infiltrat", agent or text, re.I):
            return "armed_clash", 0.5, "saboteurs entered a town", ["armed_clash", "non_state_actor_overtakes_territory"]
        if re.match(r"amphibious", low) and not cue("armed", text):
            return None
        if re.match(r"liberation", low) and tok is not None and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return None                  # "Army of National Liberation", "liberation movement"
        if f == "CAPTURE" and re.match(r"captur|seiz", low) and tok is not None and any(
                c.dep_ == "nsubjpass" and (c.ent_type_ == "PERSON" or c.lower_ in ("he", "she")) for c in tok.children):
            return "arrests", 0.6, "a person was captured", ["arrests", "abduction_forced_disappearance"]
        if tok is not None and tok.dep_ in ("amod", "compound") and tok.pos_ in ("ADJ", "VERB", "NOUN"):
            return None                  # "occupied territories", "liberated areas": a state, not an act
        if f == "CAPTURE" and re.match(r"captur", low) and tok is not None and tok.dep_ in ("acl", "relcl") \
                and _is_person(tok.head):
            return None                  # "two Britons captured after fighting": who they are, not a capture told here
        if tok is not None and tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN") and not patient:
            obj = tok.head.text
        if re.match(r"seiz|captur|took over|taken over", low) and re.search(
                r"^\W*(?:\w+\W+){0,3}(?:trains?|express|bus(?:es)?|planes?|aircraft|airliner|flight|ships?|vessels?|tankers?)\b", obj, re.I) \
                and not re.search(r"\b(?:airport|port|station|airfield|base)\b", obj, re.I):
            return "abduction_forced_disappearance", 0.6, "hijacking of a vehicle with people on board", \
                ["abduction_forced_disappearance", "non_state_actor_overtakes_territory"]
        if f == "CAPTURE" and re.match(r"seiz|captur", low) and re.search(
                r"^\W*(?:\w+\W+){0,4}(?:vehicles?|equipment|tanks?|armou?r|hardware|drones?|aircraft|helicopters?)\b", obj, re.I):
            return "disrupted_weapons_use", 0.6, "military equipment captured", ["disrupted_weapons_use"]
        if f == "CAPTURE" and re.match(r"seiz|confiscat", low) and re.search(
                r"\b(?:villas?|yachts?|assets|property|properties|accounts?|funds|mansions?|jets?|estates?|drives|documents|"
                r"computers|grain|food|tonnes|shipments?|cargo|goods|oil|money|cash)\b", obj, re.I):
            if re.search(r"sanction", text, re.I):
                return "diplomacy", 0.55, "assets seized under sanctions", ["diplomacy"]
            return "looting_property_destruction", 0.5, "property seized", ["looting_property_destruction", "other"]
        if f == "CAPTURE" and re.match(r"seiz|captur", low):
            if cue("weapons_obj", obj) and not cue("forces_obj", obj):
                return "disrupted_weapons_use", 0.8, "weapons seized", ["disrupted_weapons_use"]
            if cue("drugs", obj):
                return "organized_crime", 0.75, "drugs seized", ["organized_crime"]
            if cue("people_obj", obj) or (tok is not None and patient and cue("people_obj", patient)):
                if cue("nonstate", agent or text) and not cue("state", agent or ""):
                    return "abduction_forced_disappearance", 0.65, "armed group seized people", ["abduction_forced_disappearance", "arrests"]
                return "arrests", 0.6, "forces captured people", ["arrests", "abduction_forced_disappearance"]
            if re.search(r"\b(?:ships?|vessels?|tankers?|boats?)\b", obj, re.I):
                return "other", 0.5, "vessel seized", ["other", "disrupted_weapons_use"]
        if re.search(r"without (?:a fight|resistance|a shot)|peacefully|handed over", text, re.I):
            return "non_violent_transfer_of_territory", 0.8, "territory changed hands without a fight", ["non_violent_transfer_of_territory"]
        t, c, why = _territory_type(f, text, agent, patient)
        return t, c, why, ["government_regains_territory", "non_state_actor_overtakes_territory", "armed_clash"]

    if f == "WITHDRAW":
        if re.search(r"\bfrom (?:the )?(?:country|region|[A-Z][a-z]+(?:stan)?)\b", text[hit.end:hit.end + 60]) \
                and re.search(r"\b(?:foreign|u\.s\.|us|nato|american|russian|french|british|coalition|international)\b", text, re.I) \
                and not re.search(r"\b(?:town|city|village)\b", text[hit.end:hit.end + 60], re.I):
            return "change_to_group_activity", 0.6, "foreign troops withdrawn from a country", \
                ["change_to_group_activity", "non_violent_transfer_of_territory"]
        if re.search(r"\b(?:talks|deal|agreement|treaty|negotiations|accord|pact|coalition|election|race|bid|candidacy|organi[sz]ation|council)\b", obj, re.I):
            return "diplomacy", 0.6, "withdrew from a deal/body", ["diplomacy"]
        if not (cue("armed", text) or cue("air", text)):
            return None
        if re.search(r"\b(?:planes|aircraft|jets|helicopters|equipment|weapons|missiles|ambassadors?|diplomats|staff|personnel)\b", obj, re.I):
            return "change_to_group_activity", 0.6, "assets withdrawn", ["change_to_group_activity", "non_violent_transfer_of_territory"]
        return "non_violent_transfer_of_territory", 0.65, "forces withdrew", ["non_violent_transfer_of_territory", "change_to_group_activity"]

    if f == "PROTEST":
        if re.match(r"march|rall", low) and (cue("armed", agent or "") or cue("armed", _without_source(text))) \
                and not cue("protesters", text.replace(trig, "")):
            return None                  # "troops marched on the capital" (not "..., police said")
        if re.search(r"protest (?:note|letter)|note of protest|(?:lodged|filed|sent) (?:a |an )?(?:formal |official |strong )?protest", text, re.I):
            return "diplomacy", 0.6, "diplomatic protest", ["diplomacy"]
        if re.match(r"protest(?:ed|s)? (?:to|against)", text[hit.start:hit.end + 9], re.I) and cue("state", agent or ""):
            return "diplomacy", 0.5, "state lodged a protest", ["diplomacy"]
        if cue("lethal", text) and cue("police", text) and not re.search(r"\b(?:firebombs?|petrol bombs?|molotov\w*|armed with|stones|rocks)\b", text, re.I):
            return "excessive_force_against_protesters", 0.8, "lethal force against protest", \
                ["excessive_force_against_protesters", "protest_with_intervention", "violent_demonstration"]
        if cue("riot", text):
            return "violent_demonstration", 0.75, "protesters used violence", \
                ["violent_demonstration", "protest_with_intervention", "mob_violence"]
        if cue("intervention", text) and cue("police", text):
            return "protest_with_intervention", 0.8, "police intervened", \
                ["protest_with_intervention", "violent_demonstration", "peaceful_protest"]
        return "peaceful_protest", 0.8, "protest, no violence said", \
            ["peaceful_protest", "protest_with_intervention", "violent_demonstration"]

    if f == "DISPERSE":
        if cue("lethal", text) and _protest_context(text):
            return "excessive_force_against_protesters", 0.75, "lethal force against protest", \
                ["excessive_force_against_protesters", "protest_with_intervention"]
        if not (_protest_context(text) or cue("protesters", text)) and re.match(r"crack|batons?", low):
            return None
        if cue("riot", text) and not re.search(r"riot (?:police|officers|gear)", text, re.I):
            return "violent_demonstration", 0.55, "violent crowd dispersed", ["violent_demonstration", "protest_with_intervention"]
        return "protest_with_intervention", 0.75, "crowd dispersed", ["protest_with_intervention", "excessive_force_against_protesters"]

    if f in ("RIOT", "PROTEST", "CLASH") and re.search(r"\b(?:each other|one another|rival (?:groups|supporters|protesters|factions|communities|crowds))\b", text, re.I) \
            and (cue("riot", text) or f != "PROTEST") and not cue("nonstate", text):
        return "mob_violence", 0.75, "crowds fought each other", ["mob_violence", "violent_demonstration"]
    if f == "RIOT":
        if re.match(r"riot", low) and re.search(r"riot (?:police|officers|gear|squad)", text[hit.start:hit.end + 8], re.I):
            return None
        if re.search(r"\b(?:mobs?|lynch\w*|vigilantes?|communal|sectarian)\b", text, re.I):
            return "mob_violence", 0.7, "mob violence", ["mob_violence", "violent_demonstration"]
        if re.match(r"torch|set|burn", low) and not _protest_context(text) and cue("mob", agent or text[:hit.start]) \
                and re.match(r"\s*(?:to\s+)?(?:\w+\s+){0,3}(?:men|women|people|members|suspects?|thieves|man|woman|boys?|"
                             r"kidnappers|robbers|criminals|looters|bandits|persons|individuals)\b",
                             text[hit.end:hit.end + 50], re.I):
            return "mob_violence", 0.75, "a crowd burned people", ["mob_violence", "attack"]
        if re.match(r"torch|set|burn|ransack|vandal", low) and not _protest_context(text) and not re.search(r"riot", text, re.I):
            if cue("armed", _without_source(text)):
                return "looting_property_destruction", 0.65, "armed actor burned property", ["looting_property_destruction", "attack"]
            return "mob_violence", 0.45, "crowd burned property", ["mob_violence", "violent_demonstration", "looting_property_destruction"]
        if re.match(r"stormed", low) and not _protest_context(text) and cue("armed", text):
            return "armed_clash", 0.55, "armed group stormed", ["armed_clash", "attack"]
        if re.match(r"unrest", low) and not cue("riot", text.replace(trig, "")):
            return "violent_demonstration", 0.4, "unrest", ["violent_demonstration", "peaceful_protest", "mob_violence"]
        return "violent_demonstration", 0.8, "rioting", ["violent_demonstration", "mob_violence"]

    if f == "MOB":
        return "mob_violence", 0.8, "mob/communal violence", ["mob_violence", "violent_demonstration"]

    if f == "ABDUCT":
        if re.match(r"(?:hostages?|captives?)$", low) and tok is not None and not (
                tok.dep_ in ("dobj", "oprd", "conj", "appos") and tok.head.lemma_.lower() in (
                    "take", "seize", "hold", "capture", "kidnap", "abduct", "grab", "keep", "snatch", "round")):
            if tok.dep_ != "ROOT" and not re.search(r"\b(?:took|taken|taking|seized|held|holding)\b", text, re.I):
                return None              # people who are captives, not their capture
        if re.match(r"hostages?$|captives?$|held (?:hostage|captive)", low) and _HOLDING.search(text) \
                and not _TAKING.search(text):
            return None                  # people still held: the state left by an abduction told elsewhere
        if re.match(r"hostages?$", low) and re.search(r"\b(?:freed|released|rescued)\b", text, re.I) \
                and not re.search(r"\b(?:took|taken|seized|held)\b", text, re.I):
            return "other", 0.4, "hostages released", ["other", "abduction_forced_disappearance", "agreement"]
        return "abduction_forced_disappearance", 0.85, "abduction/kidnapping", ["abduction_forced_disappearance"]

    if f == "SEXUAL":
        if re.match(r"rap", low) and re.search(r"\brap(?:e|per|pers|ping|s)\b.*\b(?:music|song|artist)", text, re.I):
            return None
        return "sexual_violence", 0.9, "sexual violence", ["sexual_violence"]

    if f == "ARREST":
        if _protest_context(text) or cue("protesters", patient or ""):
            return "protest_with_intervention", 0.75, "protesters arrested", ["protest_with_intervention", "arrests"]
        if re.search(r"\b(?:warrant)\b", text[hit.start:hit.end + 10], re.I):
            return "diplomacy", 0.5, "arrest warrant", ["diplomacy", "arrests"]
        if agent and cue("nonstate", agent) and (not cue("state", agent) or re.search(r"\b(?:rebel|militant|insurgent|jihadist|islamist|terrorist)", agent, re.I)):
            return "abduction_forced_disappearance", 0.6, "non-state group detained people", ["abduction_forced_disappearance", "arrests"]
        if re.search(r"\b(?:cartels?|drug (?:ring|gang|traffick\w+|cartel|lords?)|narco\w*|traffick\w+|smuggl\w+|mafia|gangs?|cocaine|heroin|methamphetamine|fentanyl|extortion)\b", text, re.I):
            return "organized_crime", 0.6, "arrests of a criminal network", ["organized_crime", "arrests"]
        return "arrests", 0.85, "arrest/detention", ["arrests", "organized_crime", "protest_with_intervention"]

    if f == "LOOT":
        if _protest_context(text) or re.search(r"\briot\w*", text, re.I):
            return "violent_demonstration", 0.6, "protesters/rioters looted", ["violent_demonstration", "looting_property_destruction"]
        if re.search(r"\b(?:mobs?|crowds?)\b", text, re.I):
            return "mob_violence", 0.5, "crowd looted", ["mob_violence", "looting_property_destruction"]
        return "looting_property_destruction", 0.85, "looting/destruction", ["looting_property_destruction"]

    if f == "AGREE":
        if re.search(r"\b(?:violat\w+|breach\w*|broke|breaking|broken|collapsed?)\b", text, re.I) and re.match(r"cease|truce", low):
            return None                  # a broken truce is fighting, typed by its own triggers
        if re.match(r"deal", low) and re.search(r"(?:great|good) deal|deal with (?:the )?(?:consequences|situation|threat|crisis)|dealt", text[max(0, hit.start - 8):hit.end + 20], re.I):
            return None
        if re.match(r"deal", low) and re.search(r"\b(?:arms|weapons|gas|oil|grain|trade|business)\s+$", text[max(0, hit.start - 10):hit.start], re.I):
            return "diplomacy", 0.55, "trade/arms deal", ["diplomacy", "agreement"]
        if re.match(r"signed", low) and not re.search(r"\b(?:deal|agreement|accord|treaty|memorandum|ceasefire|truce|pact|protocol|declaration)\b", text, re.I):
            if re.search(r"\b(?:decree|law|order)\b", text, re.I) and re.search(r"mobili|martial|conscript|curfew|draft", text, re.I):
                return "change_to_group_activity", 0.7, "decree on mobilisation/martial law", ["change_to_group_activity"]
            return None
        if tok is not None and tok.dep_ == "compound" and tok.head.lemma_.lower() in (
                "talk", "negotiation", "proposal", "plan", "initiative", "call", "effort", "monitor", "line"):
            return None
        if re.match(r"agree", low) and (re.search(r"\bagree(?:d|s)? (?:that|with|on the need)\b", text[hit.start:hit.end + 14], re.I)
                                         or low == "agree"):
            return None                  # agreeing in opinion is no agreement between parties
        if re.search(r"\b(?:cooperation|partnership|association|trade|investment|energy|gas|oil|minerals?|grain|economic|visa|arms|loan)\b",
                     text[max(0, hit.start - 40):hit.end + 70], re.I) \
                and not re.search(r"cease-?fire|truce|peace|prisoner|exchange|swap|corridor", text, re.I):
            return "diplomacy", 0.7, "agreement on cooperation between states", ["diplomacy", "agreement"]
        return "agreement", 0.85, "ceasefire/deal/exchange agreed", ["agreement", "diplomacy"]

    if f == "DIPLO":
        if re.match(r"met", low) and re.search(r"met (?:with )?(?:fierce |stiff |heavy |strong )?(?:resistance|opposition|fire)", text[hit.start:hit.end + 30], re.I):
            return None
        if re.match(r"demand|urg|call", low) and (_protest_context(text) or cue("protesters", agent or "")):
            return None
        if re.match(r"urg|call|appeal", low) and tok is not None and any(c.dep_ == "auxpass" for c in tok.children):
            return None                  # "residents were urged to…": an appeal to one's own people
        if re.match(r"urg|call|appeal|demand", low) and tok is not None and _addresses_public(tok):
            return None                  # "urged nationals to leave", "called for the bridge to go" 
        if re.match(r"visit|discuss|meet|video", low) and not re.search(r"\b(?:president|minister|secretary|chancellor|leader|delegation|envoy|ambassador|king|prince|premier|pope|chief|head|officials?|general|commander|senator|counterpart|council|leaders|foreign ministers?|diplomats)\b", text, re.I):
            return None
        if re.match(r"condemn", low) and re.match(r"\s+(?:all |any |every )?(?:forms? of )?(?:violence|terrorism|extremism|attacks)\b", text[hit.end:hit.end + 30], re.I):
            return None                  # condemning violence in general deals with no one
        if re.match(r"met$|meet", low) and agent and cue("armed", agent) and not _OFFICIAL.search(agent):
            return None                  # "troops met forces on the front": no talks
        if re.match(r"met$|meet|talks|visit|discuss", low) and _LOCAL_MEETING.search(text) and not _OFFICIAL.search(text):
            return None                  # elders and local officials meeting: no dealings between states
        if re.match(r"resolution", low) and not re.search(r"\b(?:un|united nations|security council|general assembly|adopted|passed|vot\w+)\b", text, re.I):
            return None
        conf = 0.5 if re.match(r"meeting|envoy|resolution", low) else 0.6 if re.match(r"urg|call|demand|appeal", low) else 0.75
        return "diplomacy", conf, "talks/visit/sanction/pledge/condemnation", ["diplomacy", "agreement", "attribution"]

    if f == "ATTRIB":
        if re.match(r"alleged$", low):
            # "X alleged in a statement": an accusation only as a speaker's verb.
            if tok is None or tok.pos_ != "VERB" or tok.dep_ in ("amod", "acl", "compound") or not any(
                    c.dep_ == "nsubj" for c in tok.children):
                return None
        elif re.match(r"alleg|charged", low) and not cue("armed", text):
            return None
        if re.match(r"denied", low) and not _BLAME.search(text[:hit.start] + " " + text[hit.end:]):
            return None                  # 3.6: a denial is an attribution only if it blames someone
        if re.match(r"accus", low) and re.match(r"\s+(?:[\w’'-]+\s+){1,4}of (?:not|failing|doing too little|being too slow|dragging)\b", text[hit.end:hit.end + 60], re.I):
            return "diplomacy", 0.6, "one state faults another's policy", ["diplomacy", "attribution"]
        if re.search(r"caused|started|triggered|orchestrated|masterminded|planned", low):
            # "the fire was caused by stored ammunition, the ministry claimed": whose doing, as
            # claimed; "injuries caused by a stove fire" blames nobody.
            if cue("accident", text) and not cue("armed", text):
                return None
            if not re.search(r"\b(?:said|says|claimed|claims|claim|alleged|insisted|blamed|accused|according|charge|reiterated)\b", text, re.I):
                return None
        return "attribution", 0.85, "accusation/blame/claim of responsibility", ["attribution", "diplomacy"]
        return "attribution", 0.85, "accusation/blame/claim of responsibility", ["attribution", "diplomacy"]

    if f in ("DEPLOY", "BASE") and tok is not None and tok.dep_ == "acl" and tok.tag_ == "VBN":
        return None                      # "ships deployed in the bay": where they are, not a move
    if f == "DEPLOY" and re.match(r"mass", low) and not cue("armed", agent or ""):
        return None                      # "crowds massed in the square"
    if f == "DEPLOY":
        if re.match(r"defect", low) and not cue("armed", text) and not re.search(r"\b(?:officials?|diplomats?|pilots?|commanders?|generals?|officers?|lawmakers?|mps?|ministers?)\b", text, re.I):
            return None                  # "manufacturing defects"
        if re.match(r"massed|dispatched|stationed|reinforcements?", low) and not cue("armed", text):
            return None
        return "change_to_group_activity", 0.8, "deployment/mobilisation/alert/curfew/defection", \
            ["change_to_group_activity", "headquarters_or_base_established"]

    if f == "DISRUPT":
        if re.match(r"downed|shot down", low) and re.search(r"power lines|trees", text, re.I):
            return None
        if re.match(r"avert", low) and not re.search(r"attack|bomb|plot|blast|explosion", text, re.I):
            return None
        if re.match(r"intercept", low) and cue("drugs", text):
            return "organized_crime", 0.6, "drugs intercepted", ["organized_crime", "disrupted_weapons_use"]
        return "disrupted_weapons_use", 0.85, "weapons seized/defused/foiled/intercepted", ["disrupted_weapons_use"]

    if f == "BASE":
        return "headquarters_or_base_established", 0.8, "base/headquarters set up", \
            ["headquarters_or_base_established", "change_to_group_activity"]

    if f == "CRIME" and _protest_context(text) and not re.search(r"\b(?:killed|shot|attacked|kidnapp\w+|extort\w*)\b", text, re.I):
        return "organized_crime", 0.4, "crime words beside a protest", ["organized_crime", "peaceful_protest"]
    if f == "CRIME" and _in_quotes(text, hit.start):
        return None                      # "a gang of drug addicts", said of a government: an insult
    if f == "CRIME":
        if cue("armed", text) and not re.search(r"cartel|gang|narco|traffick|smuggl|drug|mafia|hitmen|extortion|crime", text, re.I):
            return None
        return "organized_crime", 0.75, "cartel/gang/trafficking", ["organized_crime", "arrests", "attack"]

    if f == "NATURAL":
        if re.match(r"volcan", low) and not re.search(r"erupt|lava|ash", text, re.I):
            return None                  # a volcano named as a place
        if re.match(r"flood", low) and tok is not None and tok.pos_ == "VERB" and any(
                c.dep_ == "nsubj" and not re.match(r"water|river|rain|sea|stream|dam", c.lemma_, re.I) for c in tok.children):
            return None                  # "flags flooded the square"
        if re.match(r"flood", low) and re.search(r"flood(?:ed|ing|s)? (?:into|in|across|to|onto|through|back)\b", text[hit.start:hit.end + 12], re.I):
            return None                  # "fighters flooded into Syria"
        if re.match(r"flood", low) and re.search(r"flood(?:s|ed)? (?:of|with) (?:\w+ ){0,2}(?:refugees|migrants|people|weapons|calls|requests)", text[hit.start:hit.end + 30], re.I):
            return None
        if re.match(r"storms?$", low) and re.search(r"storm of (?:criticism|protest)|desert storm|political storm", text, re.I):
            return None
        if re.match(r"magnitude", low) and not re.search(r"quake|earthquake|tremor|richter|seismic", text, re.I):
            return None
        if re.match(r"droughts?|heat|monsoon", low) and not cue("lethal", text):
            return "natural_disaster", 0.5, "natural hazard", ["natural_disaster"]
        return "natural_disaster", 0.85, "natural hazard", ["natural_disaster"]

    if f == "MANMADE":
        if re.match(r"collid|collision", low) and not re.search(r"\b(?:plane|aircraft|helicopter|train|bus|car|truck|vehicle|boat|ship|airliner|flight|lorry|minibus|tanker|vessel|ferry|coach)\b", text, re.I):
            return None                  # "a collision between their forces": a clash of powers, not a crash
        if re.match(r"crash", low) and not re.search(r"\b(?:plane|aircraft|helicopter|jet|train|bus|car|truck|vehicle|boat|ship|airliner|flight|lorry|minibus|tanker)\b", text, re.I):
            return None
        if cue("armed", text) and re.match(r"crash", low) and re.search(r"shot down|downed|missile", text, re.I):
            return None
        return "man_made_disaster", 0.8, "accident/fire/crash", ["man_made_disaster", "remote_explosive"]

    if f == "CYBER":
        return "other", 0.8, "cyber attack (codebook: other)", ["other"]

    if f == "OTHER" and re.search(r"reward|bounty", low):
        if not (cue("armed", text) or re.search(r"\bkill|captur|head\b", text, re.I)):
            return None                  # a reward for information in a police appeal
        return "other", 0.7, "bounty on a person's head", ["other"]
    if f == "OTHER" and re.match(r"mass grave|bodies|silenced|blinked|websites?|channels?|stations?", low):
        return "other", 0.8, "mass grave found / media silenced", ["other"]
    if f == "OTHER":
        if re.match(r"sentenced|convicted", low) and not (cue("armed", text) or re.search(r"\b(?:terror\w*|war crimes?|treason|espionage|spy\w*)\b", text, re.I)):
            return None
        if re.match(r"poison", low) and not re.search(r"\b(?:opposition|activist|dissident|agent|spy|journalist|leader)\b", text, re.I):
            return None
        return "other", 0.55, "notable development", ["other", "diplomacy", "attack"]
    return None



# --------------------------------------------------------------------------- reportable acts
# Frames whose noun names a violent happening; a back-reference to one is no new event.
_VIOLENT_FRAMES = {"CLASH", "STRIKE", "SHELL", "AIR", "EXPLODE", "SUICIDE", "GRENADE", "CHEM",
                   "KILL", "WOUND", "DAMAGE", "RIOT", "MOB", "LOOT", "SEXUAL", "ABDUCT", "NATURAL", "MANMADE"}
# Heads whose infinitive complement is a purpose or a capacity, not a report: "trained groups
# to fight", "armed them to attack".
_PURPOSE_HEADS = {"volunteer", "enlist", "train", "help", "raise", "arm", "equip", "send", "recruit", "allow", "enable",
                  "permit", "pay", "hire", "use", "need", "build", "create", "form", "give", "authorize",
                  "authorise", "encourage", "incite", "urge", "ask", "invite", "mobilize", "mobilise"}
_AGREE_VERBS = {"agree", "sign", "reach", "strike", "broker", "accept", "announce", "declare", "approve",
                "conclude", "seal", "finalize", "finalise", "implement", "establish", "open", "produce",
                "yield", "negotiate", "secure", "clinch", "hammer", "mediate", "arrange", "forge", "hold",
                "carry", "conduct", "complete", "agree", "ink", "endorse", "ratify", "welcome", "extend",
                "renew", "observe", "respect", "begin", "start", "take", "come", "enter", "go", "allow",
                "halt", "pause", "restore", "enforce"}


def _infinitive(tok: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


_BREACH_VERBS = {"break", "violate", "breach", "flout", "abandon", "ignore", "honour", "honor",
                 "respect", "undermine", "tear", "scrap", "renege", "trample"}


def _agreement_told(tok: Any) -> bool:
    """A ceasefire/deal noun is the agreement *made* only as what was agreed, signed, reached,
    announced or put into effect, or when a clause says what it did ("a deal that allowed…")."""
    cur = tok
    while cur.dep_ in ("conj", "appos", "compound") and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ == "ROOT":
        return True
    head = cur.head
    if cur.dep_ in ("dobj", "nsubjpass", "pobj", "npadvmod") and (head.lemma_.lower() in _BREACH_VERBS or
                                                      head.head.lemma_.lower() in _BREACH_VERBS):
        return False                     # "Russia has broken all the agreements": a breach
    if _infinitive(head) and head.dep_ in ("advcl", "acl", "xcomp"):
        return False                     # "talks to reach an agreement": the aim, not the deal
    if cur.dep_ in ("dobj", "nsubjpass", "nsubj", "attr") and head.lemma_.lower() in _AGREE_VERBS:
        return True
    if cur.dep_ == "pobj" and head.head.lemma_.lower() in ("agree", "sign", "reach", "accept", "commit"):
        return True
    for c in tok.children:
        if c.dep_ in ("relcl", "acl") and c.tag_ in ("VBD", "VBN", "VBZ") and c.lower_ not in ("proposed", "planned", "expected"):
            return True
        # "a 10-day truce", "a three-day ceasefire": a truce of stated length was in force.
        if re.search(r"-(?:day|hour|week|month)$|^(?:day|hour|week|month)-long$", c.text, re.I):
            return True
    return False


def _unreportable(tok: Any, hit: TriggerHit, prior: set[str]) -> Optional[str]:
    """Why the trigger at ``tok`` does not report a new happening, or None (see module doc)."""
    frame = hit.frame
    if tok.pos_ in ("VERB", "AUX") and not modality._noun_like(tok):
        if tok.dep_ == "amod":
            return "participle used as adjective"
        if frame == "ATTRIB" and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ == "NOUN" \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.head.children):
            return "describes a suspect (a man accused of theft)"
        if frame == "AGREE" and tok.dep_ in ("acl", "relcl") and tok.head.head.lemma_.lower() in _BREACH_VERBS:
            return "describes an agreement that was broken"
        if frame == "ATTRIB" and tok.dep_ == "relcl" and tok.head.dep_ in ("dobj", "pobj") \
                and tok.head.head.pos_ in ("VERB", "ADP"):
            return "describes who was acted on (politicians it accuses of ...)"
        if tok.dep_ == "pcomp" and (tok.head.lower_ in ("than", "like") or tok.head.lower_ in ("of", "about")
                                    and tok.head.head.pos_ in ("NOUN", "ADJ")
                                    and tok.head.head.head.lemma_.lower() not in _ACCUSING) and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return "comparison or topic (than/like/of getting hit)"
        if _infinitive(tok):
            if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.lemma_.lower() not in (
                    "decision", "order", "resolution", "vote", "move", "agreement", "deal", "attempt", "bid"):
                return f"infinitive of a noun ({tok.head.text})"
            if tok.dep_ == "advcl" and frame == "PROTEST" and tok.head.tag_ == "VBD" \
                    and tok.head.lemma_.lower() not in _PURPOSE_HEADS:
                return None              # "pitched tents to protest the war": the act is the protest
            if tok.dep_ == "advcl" and frame != "DIPLO":
                return "purpose clause"
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _PURPOSE_HEADS:
                return f"purpose ({tok.head.lemma_})"
        return None
    if not modality._noun_like(tok):
        return None
    if frame == "ATTRIB":
        return None
    role = modality.nominal_role(tok)
    if role == "predicate" and not any(c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in tok.head.children):
        return "predicate nominal"
    if role == "modifier" and (frame == "CRIME" or tok.head.lemma_.lower() in (
            "note", "letter", "vote", "resolution", "package", "deal", "agreement", "accord")):
        role = "assert"                  # "extortion money", "a protest note", "a sanctions package"
    if role in ("modifier", "aftermath", "charge", "negated"):
        return role
    if modality.is_generic(tok):
        return "generic/habitual"
    # "for an attack to be launched": the happening is the subject of an infinitive.
    if tok.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.head.children):
        return "subject of an infinitive"
    definite = modality.is_definite(tok)
    if frame == "AGREE":
        if not _agreement_told(tok):
            return "agreement named, not made"
        return None
    if frame in _VIOLENT_FRAMES:
        if _accused_act(tok):
            return None                  # codebook 3.6: the act an accusation names is coded too
        plural_bare = tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "nummod") for c in tok.children)
        if role == "reference" and definite:
            return "definite reference"
        if role == "reference" and prior & _VIOLENT_PARENTS and not _anchored(tok):
            return "reference to a happening told before"
        if role == "reference" and plural_bare and not any(c.dep_ == "prep" and c.lower_ in ("on", "in", "at", "near") for c in tok.children):
            return "happenings in general"
        if definite and prior & _VIOLENT_PARENTS and not _own_place(tok):
            w = _weapon_type(hit.text, hit.text)
            if w is None or w[0] in prior:
                return "retelling of a happening told before"
        return None
    if role == "reference" and definite and tok.dep_ == "pobj" and tok.head.lower_ in _BACKGROUND:
        return "background reference"
    topic = tok.dep_ == "pobj" and tok.head.lower_ not in ("of",) and tok.head.head.pos_ in ("NOUN", "PROPN") \
        and tok.head.head.lemma_.lower() not in ("round", "package", "set", "wave", "series", "day", "week")
    if frame == "DIPLO" and re.search(r"aid$|package$", hit.text, re.I) and not _diplomatic_act(tok):
        return "aid named, not given"    # "Ukraine has used our military aid"
    if frame == "DIPLO" and (role == "reference" or topic) and not _diplomatic_act(tok):
        # "the talks needed more time", "to satisfy Russia's demands", "continued its appeals":
        # talk about diplomacy, not a diplomatic step taken.
        return "diplomacy named, not done"
    return None


# Verbs that make a diplomatic noun a step taken: "imposed sanctions", "held talks".
_DIPLO_ACT_VERBS = {"impose", "announce", "hold", "attend", "host", "approve", "adopt", "pass", "introduce",
                    "unveil", "extend", "expand", "slap", "level", "tighten", "finalise", "finalize", "agree",
                    "begin", "open", "resume", "conclude", "sign", "lead", "chair", "convene", "join", "issue",
                    "send", "deliver", "make", "lodge", "file", "deliver", "pledge", "offer", "give", "grant",
                    "receive", "start", "launch", "table", "submit", "veto", "reject", "endorse", "hit", "target",
                    "freeze", "lift", "ease", "renew", "broker", "mediate", "have", "conduct", "call", "arrange",
                    "organise", "organize", "summon", "expel", "recall", "sever", "cut", "suspend", "order"}


def _diplomatic_act(tok: Any) -> bool:
    cur = tok
    while cur.dep_ in ("conj", "appos", "compound") and cur.head.i != cur.i:
        cur = cur.head
    head = cur.head
    if cur.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX"):
        head = head.head                 # "agreed on sanctions", "took part in talks"
    if head.lemma_.lower() in _DIPLO_ACT_VERBS | {"discuss", "raise", "agree", "decide", "pledge", "commit"}:
        return True
    if cur.dep_ == "pobj" and cur.head.head.lemma_.lower() in ("package", "round", "wave", "set", "series"):
        return True                      # "a new package of sanctions"
    # A step with its own counterpart, place or time: "his visit to Kyiv", "a call between the leaders".
    return _anchored(tok) or any(c.dep_ == "prep" and c.lower_ in ("between", "with", "to") for c in tok.children)


_DAY_WORDS = re.compile(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|overnight|yesterday|today|"
                        r"tonight|morning|evening|night|afternoon|weekend)$", re.I)


_ACCUSING = {"accuse", "blame", "hold", "charge", "condemn", "denounce", "claim", "deny"}


def _accused_act(tok: Any) -> bool:
    """'blamed Kyiv for the murder of the deputy mayor', 'accused Russia of ... the kidnapping
    of the mayor': a particular act (it names its victim or place) that an accusation is about."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("for", "of", "with", "over"):
        return False
    gov = tok.head.head
    for _ in range(3):
        if gov.lemma_.lower() in _ACCUSING:
            break
        if gov.head.i == gov.i:
            return False
        gov = gov.head
    else:
        return False
    if gov.lemma_.lower() not in _ACCUSING:
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("of", "on", "in", "at", "against") for c in tok.children)


def _anchored(tok: Any) -> bool:
    """A named happening that carries its own target, place, time or story ('a strike on an
    ammunition depot in Vasylkiv', 'an attack that started a fire') is news, not a reference."""
    if tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "nummod") for c in tok.children):
        return False                     # bare plurals name happenings in general
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "in", "at", "near", "against", "outside"):
            return True
        if c.dep_ in ("relcl", "acl"):
            return True
    return any(_DAY_WORDS.match(t.text) for t in tok.subtree)


def _own_place(tok: Any) -> bool:
    """A place named on the trigger itself or on the verb it is an argument of ("Sunday's
    attack was carried out in the village of X"), not deeper in the sentence."""
    for node in (tok, tok.head):
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "near", "at", "outside", "around", "on") and any(
                    t.pos_ == "PROPN" and t.ent_type_ in ("GPE", "LOC", "FAC", "") for t in c.subtree):
                return True
    return False


def _background(c: "_Candidate") -> bool:
    tok = c.token
    if tok is None or not modality._noun_like(tok):
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ in _BACKGROUND:
        return True
    # "... after a religious procession was halted": a protest named as the subject of a clause
    # of what came before. (Not an attack: "a day after two suicide bombers rammed the wall"
    # tells the bombing.)
    return c.hit.frame == "PROTEST" and tok.dep_ in ("nsubj", "nsubjpass") and any(
        ch.dep_ == "mark" and ch.lower_ in _BACKGROUND for ch in tok.head.children)


_BACKGROUND = {"after", "following", "since", "despite", "amid", "amidst", "before"}


# --------------------------------------------------------------------------- detection
def _drop_overlaps(hits: list[TriggerHit]) -> list[TriggerHit]:
    """Where patterns overlap keep the longest ("air strikes" over "strikes")."""
    kept: list[TriggerHit] = []
    for h in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(h.end <= k.start or h.start >= k.end for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)


def _governed_by(tok: Any, others: Sequence[Any], frames: set[str], cands: Sequence[_Candidate]) -> Optional[str]:
    """The frame of an accusation/condemnation trigger that syntactically governs ``tok``."""
    anc = set(a.i for a in tok.ancestors)
    for c in cands:
        if c.token is not None and c.hit.frame in frames and c.token.i in anc:
            return c.hit.frame
    return None


def _sentence_embedding(sentence: Any, ctx: Any) -> Optional[np.ndarray]:
    from . import embed as emb

    cache = ctx.extra.setdefault("_type_embeddings", {}) if ctx is not None else {}
    key = sentence.text
    if key not in cache:
        try:
            cache[key] = emb.embed([sentence.text])[0]
        except emb.EmbeddingUnavailable:
            cache[key] = None
    return cache[key]


def _embedding_scores(sentence: Any, ctx: Any) -> Optional[dict[str, float]]:
    from . import prototypes

    v = _sentence_embedding(sentence, ctx)
    if v is None:
        return None
    order, scores = prototypes.type_scores(v[None, :])
    return dict(zip(order, scores[0].tolist()))


def _published(ctx: Any) -> Optional[date]:
    return getattr(ctx, "published", None) if ctx is not None else None


def _candidates(text: str, doc: Any, published: Optional[date], prior: frozenset[str] = frozenset()) -> list[_Candidate]:
    """Typed trigger candidates of one sentence; ``prior`` holds the types told earlier in the article."""
    hits = _drop_overlaps(triggers.find(text))
    if not hits:
        return []
    out: list[_Candidate] = []
    dropped: dict[int, str] = {}         # token index -> why its trigger reports nothing new
    for h in hits:
        tok = None
        agent_s = patient_s = None
        if doc is not None:
            span = doc.char_span(h.start, h.end, alignment_mode="expand")
            if span is not None and len(span):
                tok = span.root
                if tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "PERSON", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT") \
                        and h.frame not in ("CYBER", "CRIME"):
                    continue         # "National Liberation Army", "Operation Desert Storm"
                agent_s, patient_s = _arguments(tok)
                blocked = _unreportable(tok, h, set(prior))
                # "damage from airstrikes and shelling": a coordinated noun shares the verdict
                # even where the parser attaches it elsewhere.
                if not blocked and tok.i >= 2 and doc[tok.i - 1].lower_ in ("and", "or"):
                    blocked = dropped.get(tok.i - 2)
                if blocked:
                    dropped[tok.i] = blocked
                    continue
            verdict = modality.assess(doc, h.start, h.end)
        else:
            verdict = modality.assess_plain(text, h.start)
        decided = False
        if not verdict.factual:
            # "Sweden will send more weapons", "the council will meet on Tuesday": a state's
            # announced diplomatic step is a decision (codebook 3.2), unlike a future attack.
            if not (h.frame == "DIPLO" and verdict.reason.startswith("future")):
                continue
            decided = True
        agent = text[agent_s[0]:agent_s[1]] if agent_s else ""
        patient = text[patient_s[0]:patient_s[1]] if patient_s else ""
        d = _decide(h, text, agent, patient, tok, prior)
        if d is None:
            continue
        t, conf, rule, opts = d
        why = [f"trigger '{h.text}' ({h.frame})", f"rule: {rule}"]
        if decided:
            conf = min(conf, 0.55)
            why.append("announced future step")
        if t in ("attack", "armed_clash") and h.frame == "STRIKE" and not agent_s:
            # Unattributed "attacks on the cities continued": in an article about shelling or
            # air strikes these are more of the same.
            remote = [k for k in ("shelling_artillery_missile", "air_drone_strike") if k in prior]
            if remote and not _CLOSE_RANGE.search(text) and not cue("nonstate", text):
                t, conf = remote[0], 0.55
                why.append(f"unattributed attack in an article about {remote[0]}")
        out.append(_Candidate(h, t, conf, why, list(dict.fromkeys([t] + list(opts))), agent_s, patient_s, tok, text, conf))
    return out


_DELIBERATE = re.compile(r"execut|massacr|murder|behead|shot dead|gunned|stabb|hacked|lynch|tortur|assassin|slaughter|beat", re.I)


def _is_consequence(c: "_Candidate") -> bool:
    """'killed', 'wounded', 'destroyed' tell an outcome; 'executed', 'massacred' tell the act."""
    return c.hit.frame in triggers.CONSEQUENCE_FRAMES and not _DELIBERATE.match(c.hit.text)


def _demote_participial_outcomes(cands: list[_Candidate]) -> None:
    """'Militants attacked a train, taking many hostages': the participle tells what the main
    act led to; where one typed reading per place is kept, the main act should win."""
    for c in cands:
        tok = c.token
        if tok is None:
            continue
        clause = tok if tok.pos_ == "VERB" else tok.head
        if clause.dep_ != "advcl" or clause.tag_ != "VBG":
            continue
        main = clause.head
        if c.type in ("government_regains_territory", "non_state_actor_overtakes_territory"):
            continue                     # "stormed the base, capturing it": the capture is the upshot
        if any(o is not c and o.token is not None and o.token.i == main.i and o.type in _VIOLENT for o in cands):
            c.confidence = min(c.confidence, 0.6)
            c.why.append(f"outcome of '{main.text}'")


_PEOPLE_HEADS = {"member", "commander", "leader", "boss", "suspect", "chief", "lieutenant", "figure",
                 "kingpin", "head", "founder", "operative", "hitman"}


def _names_the_victims(tok: Any) -> bool:
    """"set fire to gang members", "arrested a commander of the Sinaloa Cartel": the crime word
    says who the people acted on belong to."""
    if tok is None:
        return False
    head = tok
    if tok.dep_ in ("compound", "amod", "nmod"):
        head = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "of":
        head = tok.head.head
    if head is tok or head.lemma_.lower() not in _PEOPLE_HEADS:
        return False
    return head.dep_ in ("dobj", "pobj", "nsubjpass", "conj")


def _doer_acted_on(c: _Candidate, cands: list[_Candidate]) -> bool:
    """"set fire to three suspected kidnappers": a doer noun (kidnappers, smugglers) that is the
    object of another trigger names who was acted on, not a kidnapping."""
    tok = c.token
    if tok is None or c.hit.frame not in ("ABDUCT", "CRIME") or not re.search(r"(?:ers|ists)$", tok.lower_):
        return False
    gov = tok.head.head if tok.dep_ == "pobj" else tok.head
    return tok.dep_ in ("dobj", "pobj") and any(
        o is not c and o.token is not None and o.token.i in (gov.i, tok.head.i) for o in cands)


def _merge(cands: list[_Candidate]) -> list[_Candidate]:
    """One candidate per happening: consequence words join the principal trigger, same types merge."""
    principal = [c for c in cands if not _is_consequence(c)]
    violent_principal = [c for c in principal if c.type in _VIOLENT | {
        "man_made_disaster", "natural_disaster", "violent_demonstration", "mob_violence",
        "excessive_force_against_protesters"}]
    # Forces pulled out and others moved in, with no fighting told: a non-violent transfer.
    if any(c.hit.frame == "WITHDRAW" and c.type == "non_violent_transfer_of_territory" for c in cands) \
            and not any(c.hit.frame in ("CLASH", "STRIKE", "SHELL", "AIR") for c in cands):
        for c in cands:
            if c.type in ("non_state_actor_overtakes_territory", "government_regains_territory") and c.hit.frame == "CAPTURE":
                c.why.append("others moved in after a withdrawal, no fighting told")
                c.type = "non_violent_transfer_of_territory"
    keep: list[_Candidate] = []
    for c in cands:
        # Lethal force against a crowd is the happening itself, never another act's outcome.
        if _is_consequence(c) and violent_principal and c.type != "excessive_force_against_protesters":
            # "missiles struck the city, killing five": the killing is the strike's outcome.
            # A doer acting on someone ("gunmen killed five"), not "one person died" or "29
            # others were injured", whose subjects are the victims.
            own_agent = c.token is not None and c.agent is not None and c.token.pos_ == "VERB" \
                and any(ch.dep_ == "dobj" for ch in c.token.children) \
                and c.token.dep_ in ("ROOT", "conj") and c.type not in {p.type for p in violent_principal} \
                and c.type in ("attack", "excessive_force_against_protesters", "organized_crime", "mob_violence")
            if not own_agent:
                continue
        keep.append(c)
    if not keep and cands:
        keep = cands
    # Weapon-specific types absorb generic violence typed in the same sentence.
    types_present = {c.type for c in keep}
    specific = types_present & set(_WEAPON_TYPES)
    if specific:
        keep = [c for c in keep if not (c.type in ("armed_clash", "attack") and c.hit.frame in ("STRIKE", "KILL", "WOUND", "DAMAGE"))] or keep
    # Withdrawal told beside a capture/retake is the same change of control.
    if any(c.type in ("government_regains_territory", "non_state_actor_overtakes_territory") for c in keep):
        keep = [c for c in keep if not (c.hit.frame == "WITHDRAW" and c.type == "non_violent_transfer_of_territory")]
    # Arrests at a protest are the intervention (CODEBOOK: "police ... arrest a peaceful protest").
    if any(c.type in ("peaceful_protest", "protest_with_intervention") for c in keep) and \
            any(c.type == "arrests" for c in keep):
        for c in keep:
            if c.type == "peaceful_protest":
                c.type = "protest_with_intervention"
                c.why.append("protesters arrested")
        keep = [c for c in keep if c.type != "arrests"]
    # "arrested a commander of the Sinaloa Cartel", "set fire to gang members": the crime word
    # names who was acted on, not a crime committed.
    acted_on = [c.patient for c in keep if c.patient is not None and c.hit.frame != "CRIME"]
    if any(c.hit.frame != "CRIME" for c in keep):
        keep = [c for c in keep if not (c.hit.frame == "CRIME" and (any(
            p[0] <= c.hit.start < p[1] for p in acted_on) or _names_the_victims(c.token))
            or _doer_acted_on(c, keep))] or keep
    # Protest types: the most specific one describes the whole protest.
    protest_rank = ["excessive_force_against_protesters", "protest_with_intervention", "violent_demonstration", "peaceful_protest"]
    present = [t for t in protest_rank if any(c.type == t for c in keep)]
    if len(present) > 1:
        best = present[0]
        if best == "protest_with_intervention" and "violent_demonstration" in present:
            best = "violent_demonstration"
        keep = [c for c in keep if c.type not in protest_rank or c.type == best]
    by_type: dict[str, _Candidate] = {}
    for c in keep:
        prev = by_type.get(c.type)
        if prev is None or c.confidence > prev.confidence:
            if prev is not None:
                c.why.append(f"also '{prev.hit.text}'")
                c.agent = c.agent or prev.agent
                c.patient = c.patient or prev.patient
            by_type[c.type] = c
        else:
            prev.why.append(f"also '{c.hit.text}'")
            prev.agent = prev.agent or c.agent
            prev.patient = prev.patient or c.patient
    return sorted(by_type.values(), key=lambda c: c.hit.start)


_WEAPON_CUE = {"air_drone_strike": "air", "shelling_artillery_missile": "shell", "remote_explosive": "remote",
               "grenade": "grenade", "suicide_bomb": "suicide", "chemical_weapon": "chem"}


_PROTEST_TYPES = {"peaceful_protest", "protest_with_intervention", "excessive_force_against_protesters",
                  "violent_demonstration"}


def _weapon_named(etype: str, text: str) -> bool:
    """Can the sentence's own words carry this type? Weapon types need their weapon, protest
    types a protest."""
    if etype in _PROTEST_TYPES:
        return _protest_context(text) or cue("protesters", text)
    name = _WEAPON_CUE.get(etype)
    return name is None or cue(name, text)


def _apply_embeddings(cands: list[_Candidate], scores: dict[str, float]) -> None:
    for c in cands:
        sure = c.rule_confidence if c.rule_confidence >= 0 else c.confidence
        if sure >= EMBED_OVERRULE_BELOW or len(c.options) < 2:
            sim = scores.get(c.type)
            if sim is not None:
                c.why.append(f"embedding {c.type}={sim:.2f}")
            continue
        # The embedding may pick a weapon-specific type only where the sentence names that
        # kind of weapon: similarity alone would turn "the army killed 33 militants" into an
        # air strike.
        allowed = [t for t in c.options if t == c.type or _weapon_named(t, c.sentence_text)]
        ranked = sorted(allowed, key=lambda t: -scores.get(t, -1.0))
        best = ranked[0]
        if best != c.type and scores[best] - scores.get(c.type, 0.0) > EMBED_MARGIN:
            c.why.append(f"embedding overrules {c.type}={scores.get(c.type, 0):.2f} -> {best}={scores[best]:.2f}")
            c.type = best
            c.confidence = max(0.45, min(0.7, c.confidence + 0.1))
        else:
            c.why.append(f"embedding agrees {c.type}={scores.get(c.type, 0):.2f}")
            if best == c.type:
                c.confidence = min(0.8, c.confidence + 0.1)


def detect_text(text: str, doc: Any = None, published: Optional[date] = None, *,
                embeddings: bool = True, ctx: Any = None, sentence: Any = None) -> list[Mention]:
    """Mentions in one sentence given as text (and its spaCy Doc, offsets relative to ``text``)."""
    if not text or not text.strip():
        return []
    blocker = modality.sentence_blocker(text, published)
    if blocker:
        return []
    if doc is not None and len(doc) <= 8 and not any(t.pos_ in ("VERB", "AUX") for t in doc) \
            and re.search(r"[–—-]\s*$|^\s*[–—-]", text):
        return []            # a dashed subheading ("– Counter-offensive –") names a topic, tells nothing
    prior = _prior(ctx, sentence)
    cands = _candidates(text, doc, published, frozenset(prior))
    if not cands:
        return []
    # Acts told inside an accusation or a condemnation are reported at one remove.
    if doc is not None:
        for c in cands:
            if c.token is not None and c.hit.frame not in ("ATTRIB", "DIPLO"):
                g = _governed_by(c.token, [], {"ATTRIB", "DIPLO"}, cands)
                if g:
                    c.confidence *= GOVERNED_DISCOUNT
                    c.why.append(f"told within {g.lower()}")
    # "Raqqa has fallen ... after a four-month battle": the background of a told happening.
    if any(not _background(c) and c.type in _VIOLENT | {"non_violent_transfer_of_territory"} for c in cands):
        cands = [c for c in cands if not (_background(c) and c.hit.frame in _VIOLENT_FRAMES | {"PROTEST"})] or cands
    # "The UN recorded 351 civilians killed": a monitor's tally is a figure, not a happening.
    if doc is not None and _tally(doc, cands):
        return []
    # A cumulative toll ("killed so far", "since the start of the war") is a figure, not an event.
    if _CUMULATIVE.search(text):
        cands = [c for c in cands if c.hit.frame not in triggers.CONSEQUENCE_FRAMES]
    _demote_participial_outcomes(cands)
    cands = _merge(cands)
    if prior & _VIOLENT_PARENTS and cands and all(c.hit.frame in triggers.CONSEQUENCE_FRAMES for c in cands) \
            and not _NEW_PLACE.search(text) and not any(_forces_killed_fighters(c) for c in cands):
        return []            # a toll for a happening told before: a figure, not a new event
    if embeddings and any(c.rule_confidence < EMBED_OVERRULE_BELOW and len(c.options) > 1 for c in cands):
        holder = sentence if sentence is not None else _Holder(text)
        scores = _embedding_scores(holder, ctx)
        if scores:
            _apply_embeddings(cands, scores)
    out = [Mention(type=c.type, confidence=round(float(c.confidence), 3), trigger=(c.hit.start, c.hit.end),
                   why=c.why, agent=c.agent, patient=c.patient, frame=c.hit.frame, trigger_text=c.hit.text)
           for c in cands]
    _remember(ctx, sentence, out)
    return out


def _forces_killed_fighters(c: _Candidate) -> bool:
    """"The army said it killed 33 militants": one armed side killing the other is an act of
    its own (an operation), not the toll of the happening told before."""
    tok = c.token
    return c.type == "armed_clash" and c.agent is not None and c.patient is not None \
        and tok is not None and tok.pos_ == "VERB" and not any(ch.dep_ == "auxpass" for ch in tok.children)


_TALLY_VERBS = {"record", "document", "verify", "count", "register", "tally", "report", "confirm", "log"}


def _tally(doc: Any, cands: list[_Candidate]) -> bool:
    """Every trigger sits inside the count a monitor tallied: "recorded 351 civilians killed",
    "reported 25 civilian deaths, mostly from shelling"."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is not None and root.lemma_.lower() in ("say", "tell", "add", "state"):
        root = next((c for c in root.children if c.dep_ == "ccomp"), root)   # "..., the UN said"
    if root is None or root.lemma_.lower() not in _TALLY_VERBS:
        return False
    obj = next((c for c in root.children if c.dep_ == "dobj"), None)
    if obj is None or not any(c.dep_ == "nummod" for c in obj.children):
        return False
    inside = {t.i for t in obj.subtree}
    # Causes named in general ("mostly from shelling") stay in the tally; "killed in an air
    # strike on a market in Idlib" tells a happening.
    return bool(cands) and all(c.token is not None and c.token.i in inside and (
        _is_consequence(c) or c.token.head.lower_ == "from") for c in cands)


# "... were killed in Kharkiv": a casualty told at a named place may be a happening of its own.
_NEW_PLACE = re.compile(r"\b(?:in|near|at|outside|around)\s+(?:the\s+)?(?:(?:town|city|village|district|region|province) of\s+)?[A-Z]")


def _prior(ctx: Any, sentence: Any) -> set[str]:
    """Types and parent types of the mentions in the article's earlier sentences (so the
    answer does not depend on how often or in which order sentences are detected)."""
    index = getattr(sentence, "index", None)
    if ctx is None or not hasattr(ctx, "extra") or index is None:
        return set()
    out: set[str] = set()
    for i, kinds in ctx.extra.get("_type_prior", {}).items():
        if i < index:
            out |= kinds
    return out


def _remember(ctx: Any, sentence: Any, mentions: list[Mention]) -> None:
    index = getattr(sentence, "index", None)
    if ctx is None or not hasattr(ctx, "extra") or index is None:
        return
    seen = ctx.extra.setdefault("_type_prior", {})
    seen[index] = {m.type for m in mentions} | {taxonomy.EVENT_TYPES[m.type] for m in mentions}


_CUMULATIVE = re.compile(
    r"\b(?:so far|to date|in total|since the (?:start|beginning|outbreak) of|since (?:the )?(?:war|conflict|invasion|fighting) (?:began|started|broke out)|"
    r"(?:since|(?:over|in|during) the (?:past|last)) (?:\w+ ){0,2}(?:years?|months|weeks)|altogether|cumulative)\b", re.I)


@dataclass
class _Holder:
    text: str


def detect(sentence: Any, ctx: Any, *, embeddings: bool = True) -> list[Mention]:
    """Event mentions in one ``context.Sentence`` of the article ``ctx`` (see module doc)."""
    if not hasattr(sentence, "text"):
        raise TypeError(f"detect() expects an extract.context.Sentence, got {type(sentence).__name__}")
    return detect_text(sentence.text, getattr(sentence, "doc", None), _published(ctx),
                       embeddings=embeddings, ctx=ctx, sentence=sentence)


def detect_all(ctx: Any, *, embeddings: bool = True) -> dict[int, list[Mention]]:
    """Mentions for every sentence of an article, keyed by sentence index."""
    out: dict[int, list[Mention]] = {}
    for s in ctx.sentences:
        if needs_parse(s.text):
            ms = detect(s, ctx, embeddings=embeddings)
            if ms:
                out[s.index] = ms
    return out


def top_type(mentions: Iterable[Mention]) -> Optional[str]:
    best = max(mentions, key=lambda m: m.confidence, default=None)
    return best.type if best else None
