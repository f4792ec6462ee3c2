"""Frames of harm done to people and property outside battle (abduction, sexual violence,
arrest, looting, crime)."""
from __future__ import annotations

import re
from typing import Any, Optional

from ..triggers import TriggerHit, cue, has_trigger
from .records import Decision
from .wording import _in_quotes, _protest_context

_HOLDING = re.compile(r"\b(?:still|remain\w*|being held|holding|are held|is held|believed to be|among (?:them|those)|"
                      r"were held|was held|one of|continue to hold)\b", re.I)
_TAKING = re.compile(r"\b(?:took|taken|taking|seiz\w+|kidnapp\w+|abduct\w+|stormed|hijack\w+|captured|grabbed)\b", re.I)


# A protest named only as the time of an arrest: "arrested nine people ... during the protests".
_DURING_PROTESTS = re.compile(r"\b(?:during|ahead of|before|after|since|linked to|related to|in connection with)\s+"
                              r"(?:the\s+)?(?:[\w’'-]+\s+){0,2}"
                              r"(?:protests?|demonstrations?|marches|rall(?:y|ies))\b", re.I)
# The crime itself is broken up or caught in the act, not only named to say who was arrested
# ("arrested 14 suspected members of Los Lobos, accused of extortion" is an arrest).
_CRIME_BUSTED = re.compile(r"\b(?:rings?|networks?|dismantl\w+|broke up|break up|busted|bust|seiz\w+|"
                           r"hauls?|labs?|laboratories|shipments?|tonnes|tons|kilos?|kilograms|"
                           r"operation against|crackdown on|cocaine|heroin|methamphetamine|"
                           r"fentanyl|smuggling|trafficking)\b", re.I)


_CRIME_VERB = re.compile(r"smuggl|traffick|launder|extort|recruit|operat|control|run", re.I)


def _names_the_doer(tok: Any) -> bool:
    """The crime word sits in the subject of a verb that is itself a trigger: "Gang members
    ransacked ...", "Members of a cartel faction set fire to ..."."""
    if tok is None:
        return False
    cur = tok
    for _ in range(5):
        if cur.dep_ in ("nsubj", "nsubjpass"):
            verb = cur.head
            told = verb.doc[verb.i:verb.i + 5].text
            return verb.pos_ == "VERB" and has_trigger(told) and not _CRIME_VERB.match(verb.text)
        if cur.dep_ not in ("compound", "amod", "nmod", "pobj", "prep") or cur.head is cur:
            return False
        cur = cur.head
    return False


def _decide_harm(hit: TriggerHit, text: str, agent: str, patient: str, tok: Any,
                 prior: frozenset[str] = frozenset()) -> Optional[Decision]:
    """A harm frame's type, or None where the word names captives, an insult or music."""
    f = hit.frame
    trig = hit.text
    low = trig.lower()
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
        if re.match(r"(?:took|taken|rounded) ", low) and agent and (cue("state", agent) or cue("police", agent)) \
                and not re.search(r"\b(?:rebels?|militants?|insurgents?|jihadists?)\b", agent, re.I):
            return "arrests", 0.7, "people taken away by the state", ["arrests", "abduction_forced_disappearance"]
        return "abduction_forced_disappearance", 0.85, "abduction/kidnapping", ["abduction_forced_disappearance"]

    if f == "SEXUAL":
        if re.match(r"rap", low) and re.search(r"\brap(?:e|per|pers|ping|s)\b.*\b(?:music|song|artist)", text, re.I):
            return None
        return "sexual_violence", 0.9, "sexual violence", ["sexual_violence"]

    if f == "ARREST":
        if _protest_context(_DURING_PROTESTS.sub(" ", text)) or cue("protesters", patient or ""):
            return "protest_with_intervention", 0.75, "protesters arrested", ["protest_with_intervention", "arrests"]
        if re.search(r"\b(?:warrant)\b", text[hit.start:hit.end + 10], re.I):
            return "diplomacy", 0.5, "arrest warrant", ["diplomacy", "arrests"]
        if agent and cue("nonstate", agent) and (not cue("state", agent) or re.search(r"\b(?:rebel|militant|insurgent|jihadist|islamist|terrorist)", agent, re.I)):
            return "abduction_forced_disappearance", 0.6, "non-state group detained people", ["abduction_forced_disappearance", "arrests"]
        if re.search(r"\b(?:cartels?|drug (?:ring|gang|traffick\w+|cartel|lords?)|narco\w*|traffick\w+|smuggl\w+|mafia|gangs?|cocaine|heroin|methamphetamine|fentanyl|extortion)\b", text, re.I) \
                and _CRIME_BUSTED.search(text):
            return "organized_crime", 0.6, "arrests of a criminal network", ["organized_crime", "arrests"]
        return "arrests", 0.85, "arrest/detention", ["arrests", "organized_crime", "protest_with_intervention"]

    if f == "LOOT" and re.search(r"\b(?:suspected|accused|charged|convicted|caught|arrested|jailed)\s+(?:of|for|with)\s+$",
                                 text[:hit.start], re.I):
        return None                      # "two men suspected of stealing livestock": who they are
    if f == "LOOT":
        if _protest_context(text) or re.search(r"\briot\w*", text, re.I):
            return "violent_demonstration", 0.6, "protesters/rioters looted", ["violent_demonstration", "looting_property_destruction"]
        if re.search(r"\b(?:mobs?|crowds?)\b", text, re.I):
            return "mob_violence", 0.5, "crowd looted", ["mob_violence", "looting_property_destruction"]
        return "looting_property_destruction", 0.85, "looting/destruction", ["looting_property_destruction"]

    if f == "CRIME" and _protest_context(text) and not re.search(r"\b(?:killed|shot|attacked|kidnapp\w+|extort\w*)\b", text, re.I):
        return "organized_crime", 0.4, "crime words beside a protest", ["organized_crime", "peaceful_protest"]
    if f == "CRIME" and _in_quotes(text, hit.start):
        return None                      # "a gang of drug addicts", said of a government: an insult
    if f == "CRIME" and _names_the_doer(tok):
        return None                      # "Gang members ransacked ...": the verb tells the act
    if f == "CRIME" and tok is not None and tok.pos_ == "PROPN" and tok.dep_ in ("pobj", "poss", "appos", "conj"):
        return None                      # "a war between factions of the Sinaloa Cartel": a name
    if f == "CRIME":
        if cue("armed", text) and not re.search(r"cartel|gang|narco|traffick|smuggl|drug|mafia|hitmen|extortion|crime", text, re.I):
            return None
        return "organized_crime", 0.75, "cartel/gang/trafficking", ["organized_crime", "arrests", "attack"]
    return None
