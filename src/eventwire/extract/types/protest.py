"""Frames of crowds (protest, dispersal, riot, mob): how peaceful the crowd was and how the
police met it."""
from __future__ import annotations

import re
from typing import Any, Optional

from ..triggers import LESS_LETHAL, TriggerHit, cue
from .records import Decision
from .wording import _protest_context, _without_source


_SHOT_AT_CROWD = re.compile(
    r"\b(?:protesters|protestors|demonstrators|marchers)\s+(?:\w+\s+){0,2}(?:were|was|had\s+been|have\s+been)\s+"
    r"(?:shot|gunned\s+down|killed\s+by\s+(?:gun|live))|"
    r"(?:fired|shot)\s+(?!(?:\w+\s+){0,3}?" + LESS_LETHAL + r")"
    r"(?:\w+\s+){0,3}(?:at|on|into)\s+(?:the\s+)?(?:\w+\s+)?(?:crowds?|protesters|demonstrators|marchers)|"
    r"live\s+(?:rounds|ammunition|bullets)", re.I)



_SELF_DISPERSED = re.compile(
    r"\b(?:dispersed|dispersing) (?:peacefully|quietly|calmly|without (?:incident|violence))\b|"
    r"\b(?:before|after|then|later|eventually) dispersing\b|"
    r"\b(?:crowds?|protesters|demonstrators|marchers|participants|they) (?:later |then |eventually |peacefully )?"
    r"(?:dispersed|dispersing)\b(?! (?:by|the|them|a|crowds?|protesters|demonstrators)\b)", re.I)
_FORCED = re.compile(r"\b(?:tear ?gas|water cannons?|rubber bullets|batons?|stun grenades?|pepper spray|"
                     r"(?:police|troops|soldiers|security forces|officers) (?:\w+ ){0,2}dispersed|"
                     r"forced (?:\w+ ){0,2}to disperse|dispersed by)\b", re.I)

# "police reported no arrests", "dispersed without incident": an intervention told as not done.
_NO_INTERVENTION = re.compile(r"\b(?:no|without)\s+(?:any\s+)?(?:arrests?|detentions?|intervention|incident)\b|"
                              r"\bno(?:body| one)\s+was\s+(?:arrested|detained)\b", re.I)

_RING = re.compile(r"\bbr(?:oke|eak)(?:ing)? up (?:an? |the )?(?:[\w-]+ ){0,2}(?:rings?|networks?|gangs?|cells?|"
                   r"cartels?|syndicates?|plots?|schemes?)\b", re.I)
# Who burns property as an armed group does: gang and faction members, gunmen, bandits.
_ARMED_DOER = re.compile(r"\b(?:factions?|cartels?|gangs?|gang members|gunmen|militiam[ae]n|militias?|"
                         r"armed (?:youths?|men|groups?)|"
                         r"militants|bandits|insurgents|rebels|fighters|hitmen)\b", re.I)


def _decide_protest(hit: TriggerHit, text: str, agent: str, patient: str, tok: Any,
                    prior: frozenset[str] = frozenset()) -> Optional[Decision]:
    """A crowd frame's type, or None where no crowd acted ('troops marched', 'riot police')."""
    f = hit.frame
    trig = hit.text
    low = trig.lower()
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
        if _SHOT_AT_CROWD.search(text) and not cue("nonstate", text) and not re.search(
                r"\b(?:firebombs?|petrol bombs?|molotov\w*|armed with)\b", text, re.I):
            # "eight protesters were shot dead", "live rounds were fired at the crowd": force
            # used on the protest, by whoever the story leaves unnamed (the state's forces).
            return "excessive_force_against_protesters", 0.7, "protesters shot", \
                ["excessive_force_against_protesters", "protest_with_intervention", "attack"]
        if cue("riot", text):
            return "violent_demonstration", 0.75, "protesters used violence", \
                ["violent_demonstration", "protest_with_intervention", "mob_violence"]
        if cue("intervention", _NO_INTERVENTION.sub(" ", text)) and cue("police", text):
            return "protest_with_intervention", 0.8, "police intervened", \
                ["protest_with_intervention", "violent_demonstration", "peaceful_protest"]
        return "peaceful_protest", 0.8, "protest, no violence said", \
            ["peaceful_protest", "protest_with_intervention", "violent_demonstration"]

    if f == "DISPERSE" and re.match(r"br[oe]ke?", low) and _RING.search(text[hit.start:hit.end + 50]):
        return None              # "broke up an extortion ring": a crime busted, told by its crime words
    if f == "DISPERSE":
        if low.startswith("dispers") and _SELF_DISPERSED.search(text) and not _FORCED.search(text):
            return None          # "ended peacefully, with demonstrators dispersing": no one intervened
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
                and (re.match(r"\w+\s+(?:her|him|them)\b", low) or re.match(
                    r"\s*(?:to\s+)?(?:\w+\s+){0,3}(?:men|women|people|members|suspects?|thieves|man|woman|boys?|"
                    r"kidnappers|robbers|criminals|looters|bandits|persons|individuals)\b",
                    text[hit.end:hit.end + 50], re.I)):
            return "mob_violence", 0.75, "a crowd burned people", ["mob_violence", "attack"]
        if re.match(r"torch|set|burn|ransack|vandal", low) and not _protest_context(text) and not re.search(r"riot", text, re.I):
            if cue("armed", _without_source(text)) or _ARMED_DOER.search(agent or text[:hit.start]):
                return "looting_property_destruction", 0.65, "armed actor burned property", ["looting_property_destruction", "attack"]
            return "mob_violence", 0.45, "crowd burned property", ["mob_violence", "violent_demonstration", "looting_property_destruction"]
        if re.match(r"stormed", low) and not _protest_context(text) and cue("armed", text):
            return "armed_clash", 0.55, "armed group stormed", ["armed_clash", "attack"]
        if re.match(r"unrest", low) and not cue("riot", text.replace(trig, "")):
            return "violent_demonstration", 0.4, "unrest", ["violent_demonstration", "peaceful_protest", "mob_violence"]
        return "violent_demonstration", 0.8, "rioting", ["violent_demonstration", "mob_violence"]

    if f == "MOB":
        return "mob_violence", 0.8, "mob/communal violence", ["mob_violence", "violent_demonstration"]
    return None
