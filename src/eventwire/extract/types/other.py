"""The remaining frames: forces moved, weapons stopped, bases set up, natural and man-made
disasters, cyber attacks and other notable developments."""
from __future__ import annotations

import re
from typing import Any, Optional

from ..triggers import TriggerHit, cue
from .records import Decision


def _decide_other(hit: TriggerHit, text: str, agent: str, patient: str, tok: Any,
                  prior: frozenset[str] = frozenset()) -> Optional[Decision]:
    """The type of a frame of the remaining families, or None where the word tells no such event."""
    f = hit.frame
    trig = hit.text
    low = trig.lower()
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
        if re.match(r"(?:[\w\s]+ )?(?:recovered|seized|found)\b", low) and re.match(
                r"\s*from (?:the )?(?:bodies of (?:the )?)?(?:killed|dead|slain|neutrali[sz]ed)\b", text[hit.end:], re.I):
            return None                  # "weapons were recovered from the killed militants": spoils of a told clash
        if re.match(r"intercept", low) and cue("drugs", text):
            return "organized_crime", 0.6, "drugs intercepted", ["organized_crime", "disrupted_weapons_use"]
        return "disrupted_weapons_use", 0.85, "weapons seized/defused/foiled/intercepted", ["disrupted_weapons_use"]

    if f == "BASE" and re.search(r"\b(?:relief|refugee|displacement|idp|transit|aid|evacuation)\s+camps?\b|"
                                 r"\bcamps? for (?:the )?(?:displaced|refugees)", hit.text, re.I):
        return None                      # "moved into a relief camp": people fleeing, a figure
    if f == "BASE":
        return "headquarters_or_base_established", 0.8, "base/headquarters set up", \
            ["headquarters_or_base_established", "change_to_group_activity"]

    if f == "NATURAL":
        if re.match(r"volcan", low) and not re.search(r"erupt|lava|ash", text, re.I):
            return None                  # a volcano named as a place
        if re.match(r"flood", low) and tok is not None and tok.pos_ == "VERB" and any(
                c.dep_ == "nsubj" and not re.match(r"water|river|rain|sea|stream|dam", c.lemma_, re.I) for c in tok.children):
            return None                  # "flags flooded the square"
        if re.match(r"flood", low) and (tok is None or tok.pos_ == "VERB") and re.search(
                r"flood(?:ed|ing|s)? (?:into|in|across|to|onto|through|back)\b", text[hit.start:hit.end + 12], re.I):
            return None                  # "fighters flooded into Syria"; not "floods in Kerala"
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
    if f == "OTHER" and re.match(r"escaped|jail|prison", low):
        return "other", 0.75, "prisoners escaped", ["other", "attack"]
    if f == "OTHER" and re.match(r"mass grave|bodies|silenced|blinked|websites?|channels?|stations?", low):
        return "other", 0.8, "mass grave found / media silenced", ["other"]
    if f == "OTHER":
        if re.match(r"sentenced|convicted", low) and not (cue("armed", text) or re.search(r"\b(?:terror\w*|war crimes?|treason|espionage|spy\w*)\b", text, re.I)):
            return None
        if re.match(r"poison", low) and not re.search(r"\b(?:opposition|activist|dissident|agent|spy|journalist|leader)\b", text, re.I):
            return None
        return "other", 0.55, "notable development", ["other", "diplomacy", "attack"]
    return None
