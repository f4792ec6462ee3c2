"""Frames of what states say and sign (agreement, diplomacy, attribution): a deal made, a
step taken between states, blame laid — not opinions, appeals to the public or talk in general."""
from __future__ import annotations

import re
from typing import Any, Optional

from .. import modality
from ..triggers import TriggerHit, cue
from .records import Decision
from .wording import _protest_context

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


_OFFICIAL = re.compile(r"\b(?:president|minister|secretary|chancellor|ambassador|envoy|delegation|diplomats?|foreign|"
                       r"premier|king|prince|counterpart|summit)\b", re.I)
_LOCAL_MEETING = re.compile(r"\b(?:elders|local (?:officials|leaders|residents|councils?)|community leaders|tribal leaders|"
                            r"village (?:heads|leaders|councils?))\b", re.I)
_BLAME = re.compile(r"\b(?:blam\w+|accus\w+|behind|responsible|false flag|fabricat\w+|staged|provocation|orchestrat\w+)\b", re.I)


def _decide_statement(hit: TriggerHit, text: str, agent: str, patient: str, tok: Any,
                      prior: frozenset[str] = frozenset()) -> Optional[Decision]:
    """A statement frame's type, or None where nothing passed between parties."""
    f = hit.frame
    trig = hit.text
    low = trig.lower()
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
        if tok is not None and tok.pos_ == "NOUN" and modality.is_generic(tok):
            return None                  # "has rejected similar accusations in the past"
        if re.search(r"carried out$", low) and re.match(
                r"\s*[\"“]?(?:dozens|scores|hundreds|several|many|numerous|\d[\d,]*)\s+(?:of\s+)?(?:[\w-]+\s+)?"
                r"(?:operations|attacks|raids|strikes|ambushes|bombings)\b", text[hit.end:hit.end + 60], re.I):
            return None                  # "its fighters had carried out dozens of operations": a record
        if re.match(r"alleged$", low):
            # "X alleged in a statement": an accusation only as a speaker's verb.
            if tok is None or tok.pos_ != "VERB" or tok.dep_ in ("amod", "acl", "compound") or not any(
                    c.dep_ == "nsubj" for c in tok.children):
                return None
        elif re.match(r"alleg|charged", low) and not cue("armed", text):
            return None
        if re.match(r"denied", low) and not _BLAME.search(text[:hit.start] + " " + text[hit.end:]):
            return None                  # 3.6: a denial is an attribution only if it blames someone
        if re.match(r"accused$", low) and re.match(r"\s+of\b", text[hit.end:hit.end + 5]) and tok is not None \
                and tok.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux") for c in tok.children):
            return None                  # "arrested 31 people accused of collaborating": who, not a blame
        if re.match(r"accus", low) and re.match(
                r"\s+(?:[\w’'-]+\s+){0,4}of\s+(?:stealing|theft|thieving|witchcraft|sorcery|blasphemy|"
                r"robbery|robbing|rustling|trying to (?:abduct|kidnap|steal|rob)|being (?:a |an )?(?:thief|thieves|witch|witches|kidnappers?|robbers?))\b",
                text[hit.end:hit.end + 60], re.I):
            return None                  # a crowd accusing a man of theft names no culprit of violence
        if re.match(r"accus", low) and re.match(r"\s+(?:[\w’'-]+\s+){1,4}of (?:not|failing|doing too little|being too slow|dragging)\b", text[hit.end:hit.end + 60], re.I):
            return "diplomacy", 0.6, "one state faults another's policy", ["diplomacy", "attribution"]
        if re.search(r"caused|started|triggered|orchestrated|masterminded|planned", low):
            # "the fire was caused by stored ammunition, the ministry claimed": whose doing, as
            # claimed; "injuries caused by a stove fire" blames nobody.
            if cue("accident", text) and not cue("armed", text):
                return None
            if not re.search(r"\b(?:said|says|claimed|claims|claim|alleged|insisted|blamed|accused|according|charge|reiterated|"
                             r"(?:have|has|had) (?:established|concluded|determined|found|revealed|confirmed))\b", text, re.I):
                return None
        if tok is not None and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "conj") and tok.head.lemma_ in (
                modality.CHARGE_VERBS | {"raid", "apprehend"}):
            return None                  # "arrested a former MP, accusing him of paying the youths": the charge
        if tok is not None and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "conj") \
                and tok.head.lemma_ in ("say", "tell", "report", "state"):
            # "..., officials said, blaming Maoist rebels": the blame rides on the report of
            # the act, which remains the sentence's main news.
            return "attribution", 0.7, "blame added to a report", ["attribution", "diplomacy"]
        if re.match(r"blam", low) and re.search(r"\b(?:electrical|technical|short[- ]circuit|fault|weather|"
                                                 r"negligence|accident|gas leak|faulty)\b", text[hit.end:hit.end + 60], re.I):
            return None                  # "blamed an electrical fault": a cause, not a culprit
        return "attribution", 0.85, "accusation/blame/claim of responsibility", ["attribution", "diplomacy"]
    return None
