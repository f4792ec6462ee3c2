"""Frames of territory (capture, retake, withdraw): who took ground from whom, or what else
was seized (people, vehicles, weapons, property)."""
from __future__ import annotations

import re
from typing import Any, Optional

from ..triggers import TriggerHit, cue
from .records import Decision
from .wording import _after


# What was seized, when it is no ground: drugs ("200,000 yaba pills") or a person.
_SEIZED_THING = re.compile(
    r"^\W*(?:(?:an?|the|some|about|nearly|more than|over|at least|[\d,.]+|\w+-year-old)\s+){0,3}"
    r"(?:(?P<drugs>(?:[\w-]+\s+){0,2}(?:pills|tablets|cocaine|heroin|drugs|narcotics|methamphetamine|"
    r"fentanyl|cannabis|marijuana|hashish|opium|kilograms?|kilos?|tonnes|tons|pounds)\b)|"
    r"(?P<person>(?:[\w-]+\s+){0,2}(?:businessman|businesswoman|man|woman|boy|girl|child|children|"
    r"activist|journalist|trader|farmer|priest|student|teacher|doctor|engineer|tourist|aid worker|"
    r"official|councillor|chief|villagers?|residents?|passengers?|hostages?)\b))", re.I)


_STATE_OUSTED = re.compile(
    r"\b(?:government|federal|state|national|regime|army|police) (?:troops|forces|soldiers|units|garrison)"
    r"\s+(?:were|was|had been|have been)\s+(?:driven|pushed|forced|chased)\s+out\b|"
    r"\b(?:drove|driven|pushed|forced|chased)\s+out\s+(?:the\s+)?(?:government|federal|state|national|"
    r"regime|army) (?:troops|forces|soldiers|units|garrison)\b", re.I)


def _territory_type(frame: str, text: str, agent: str, patient: str) -> tuple[str, float, str]:
    gov_agent = cue("state", agent) and not cue("nonstate", agent)
    held_by_nonstate = re.search(r"\b(?:rebel|militant|insurgent|jihadist|isis|is|terrorist|separatist)[- ]held\b", text, re.I) \
        or (patient and cue("nonstate", patient)) \
        or re.search(r"\bfrom (?:the )?(?:\w+ )?(?:rebels|militants|insurgents|jihadists|islamic state|isis|al[- ]shabaa?b|taliban|boko haram|terrorists|separatists|gunmen|militias?)\b", text, re.I)
    if frame == "RETAKE":
        if agent and cue("nonstate", agent) and not cue("state", agent):
            return "non_state_actor_overtakes_territory", 0.75, "non-state actor retook ground"
        if _STATE_OUSTED.search(text):
            # "after government troops were driven out", "fighting that drove out federal
            # troops": the state lost the ground.
            return "non_state_actor_overtakes_territory", 0.75, "state forces driven out"
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


_PERSON_NOUN = re.compile(r"^(?:m[ae]n|wom[ae]n|britons?|americans?|nationals?|citizens?|volunteers?|fighters?|soldiers?|"
                          r"servicem[ae]n|mercenar\w+|journalists?|people|civilians|prisoners|pows?|marines?|pilots?|"
                          r"sailors?|officers?|reporters?|aid workers?|persons?)$", re.I)


def _is_person(tok: Any) -> bool:
    return tok.ent_type_ in ("PERSON", "NORP") or _PERSON_NOUN.match(tok.text) is not None


def _decide_territory(hit: TriggerHit, text: str, agent: str, patient: str, tok: Any,
                      prior: frozenset[str] = frozenset()) -> Optional[Decision]:
    """A territorial frame's type, or None where no ground changed hands."""
    f = hit.frame
    trig = hit.text
    low = trig.lower()
    after = _after(text, hit.end)
    obj = patient or after
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
        if f == "CAPTURE" and re.match(r"seiz|captur", low):
            seized = _SEIZED_THING.match(after)
            if seized and seized.group("drugs"):
                return "organized_crime", 0.75, "drugs seized", ["organized_crime", "disrupted_weapons_use"]
            if seized and seized.group("person"):
                if agent and (cue("state", agent) or cue("police", agent)):
                    return "arrests", 0.7, "a person seized by the state", ["arrests", "abduction_forced_disappearance"]
                return "abduction_forced_disappearance", 0.8, "a person seized", \
                    ["abduction_forced_disappearance", "arrests"]
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
        if f == "CAPTURE" and re.match(r"seiz|confiscat", low) and cue("drugs", obj):
            return "organized_crime", 0.75, "drugs seized", ["organized_crime"]
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
    return None
