"""Reportable acts: whether a trigger tells a new happening, or only names one (a reference,
a purpose, a topic, a retelling, an agreement named but not made)."""
from __future__ import annotations

import re
from typing import Any, Optional

from .. import modality
from ..triggers import TriggerHit
from .records import _VIOLENT_PARENTS, _Candidate
from .violence import SERIES_NOUNS, _weapon_type

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


# What news "hits" or "strikes" when no one is struck: "the explosions were hitting morale".
_FIGURATIVE_TARGETS = {"morale", "economy", "confidence", "hope", "sale", "revenue", "price", "market",
                       "export", "profit", "growth", "output", "rating", "record", "spirit", "nerve",
                       "chord", "deal", "balance", "note", "tone", "pose", "budget", "wall", "headline"}


_STATE_ADVERBS = {"previously", "formerly", "once", "recently", "newly", "temporarily", "still"}


def _adverbed_participle(tok: Any) -> bool:
    """"in Bucha and other previously occupied territories": a participle between a state
    adverb and its noun describes the noun, whatever the parse hung on it."""
    doc = tok.doc
    return tok.tag_ == "VBN" and 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].lower_ in _STATE_ADVERBS \
        and doc[tok.i + 1].pos_ == "NOUN" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


_HOLDING = {"hold", "have", "possess", "wield"}


def _unreportable(tok: Any, hit: TriggerHit, prior: set[str]) -> Optional[str]:
    """Why the trigger at ``tok`` does not report a new happening, or None (see module doc)."""
    frame = hit.frame
    if frame != "ATTRIB" and tok.dep_ == "dobj" and tok.pos_ == "NOUN" \
            and tok.head.lemma_.lower() in _HOLDING and tok.head.tag_ in ("VBZ", "VBP"):
        # ("holds responsibility for the strike" is blame, said now.)
        return "a standing power or holding (Russia holds a veto)"
    if tok.dep_ == "amod" and tok.tag_ in ("JJ", "VBN") and hit.text.lower().endswith("ed") and tok.head.pos_ == "NOUN":
        return "participle used as adjective"    # "the apprehended persons", tagged as an adjective
    if tok.pos_ in ("VERB", "AUX") and not modality._noun_like(tok):
        if tok.dep_ == "amod" or _adverbed_participle(tok):
            return "participle used as adjective"
        if frame == "STRIKE" and any(c.dep_ == "dobj" and c.lemma_.lower() in _FIGURATIVE_TARGETS
                                     for c in tok.children):
            return "figurative blow (hitting morale, hitting the economy)"
        if frame == "ATTRIB" and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN") \
                and any(c.dep_ in ("det", "nummod") and c.lower_ != "the" for c in tok.head.children):
            return "describes a suspect (a man accused of theft, two men accused of ...)"
        if frame == "AGREE" and tok.dep_ in ("acl", "relcl") and tok.head.head.lemma_.lower() in _BREACH_VERBS:
            return "describes an agreement that was broken"
        if frame == "ATTRIB" and any(c.lower_ == "whom" and c.i < tok.i for c in tok.children):
            return "describes who was acted on (nine people whom they accused of ...)"
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
    if role == "modifier" and frame == "NATURAL" and tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
        role = "assert"                  # "Cyclone Chido killed 94": the storm named by its name
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
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "of") and tok.head.head.lemma_.lower() in (
                "pause", "halt", "lull", "cessation", "suspension", "respite", "break"):
            return "a pause in it"           # "brokered a three-day pause in fighting"
        if _accused_act(tok):
            return None                  # codebook 3.6: the act an accusation names is coded too
        plural_bare = tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "nummod") for c in tok.children)
        if role == "reference" and definite and not _counted(tok):
            return "definite reference"
        if role == "reference" and prior & _VIOLENT_PARENTS and not _anchored(tok):
            return "reference to a happening told before"
        if role == "reference" and plural_bare and not _in_series(tok) and not any(c.dep_ == "prep" and c.lower_ in ("on", "in", "at", "near") for c in tok.children):
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


def _in_series(tok: Any) -> bool:
    """"A series of explosions", "a wave of strikes": one told run of happenings, not kinds."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in SERIES_NOUNS and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in tok.head.head.children)


def _counted(tok: Any) -> bool:
    """"documented the rape of 12 women": a happening told with a count of its victims is news
    however it is introduced."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and (g.like_num or any(n.dep_ == "nummod" for n in g.children)) for g in c.children)
        for c in tok.children)


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
