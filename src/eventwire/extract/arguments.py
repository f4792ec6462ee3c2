"""Arguments from the dependency parse: who acted and what was acted on, as character spans
relative to the sentence, for a trigger the detector found. The event assembler turns these
spans into actors; place choice uses ``token_at`` to read how a place hangs in the parse.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from .actors import is_armed_group
from .context import Sentence

_LEFT_DEPS = {"det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod",
              "advmod", "npadvmod", "punct", "cc", "conj", "appos"}


def phrase(tok) -> tuple[int, int]:
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


def token_at(doc, char: int):
    """The token holding character ``char``, else the first token after it."""
    # The doc's length from its last token: Doc.text joins every token's text.
    size = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    span = doc.char_span(char, char + 1, alignment_mode="expand") if 0 <= char < size else None
    if span is not None and len(span) and span[0].idx <= char < span[0].idx + len(span[0]):
        return span[0]      # a direct look-up: walking the doc builds every token on the way
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
    # "Russia launched an attack on X": the noun's governing verb carries the agent, also
    # through a measure of it ("held five hours of talks", "carried out a wave of strikes").
    head = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        head = noun.head.head
    if agent is None and head.dep_ in ("dobj", "obj") and head.head.pos_ in ("VERB", "AUX"):
        agent = _subject_of(head.head)
    return agent, patient


def parse_arguments(sentence: Sentence, trigger: tuple[int, int]) -> tuple[Optional[tuple[int, int]], Optional[tuple[int, int]]]:
    doc = sentence.doc
    if doc is None:
        return None, None
    tok = token_at(doc, trigger[0])
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
        return None if t is None else phrase(t)
    return span(agent), span(patient)


def subject_before(sentence: Sentence, limit: int):
    """The nearest subject noun (a proper name or an entity) that starts before ``limit``."""
    doc = sentence.doc
    if doc is None:
        return None
    best = None
    for t in doc:
        if t.idx >= limit:
            break
        if t.dep_ in ("nsubj", "nsubjpass") and (t.pos_ == "PROPN" or t.ent_type_ in
                                                  ("GPE", "ORG", "NORP", "PERSON") or any(
                l.ent_type_ in ("GPE", "NORP") for l in t.lefts)):
            best = t        # ("The Afghan army chief said his forces ...": a title named by its country)
    return best


_FORCES = re.compile(r"\b(?:the\s+)?([A-Z][\w’'.\-]+(?:\s+[A-Z][\w’'.\-]+)?)(?:’s|'s)?\s+(?:[a-z\-]+\s+)?"
                     r"(forces|troops|army|military|soldiers|jets|warplanes|artillery|missiles?|"
                     r"drones?|militants|fighters|rebels|police|navy|aircraft|units)\b")


def fallback_agent(sentence: Sentence, avoid: Optional[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """With no parsed agent, a "<Demonym> forces"-like phrase in the sentence that is not the
    patient: news names the side that fires this way even when the parse misses it."""
    from .countries import country_code
    for m in _FORCES.finditer(sentence.text):
        if avoid and avoid[0] <= m.start() < avoid[1]:
            continue
        if country_code(m.group(1)) or is_armed_group(m.group(1)):
            return m.start(), m.end()
    return None


# Prepositions that introduce the other party of talks, aid, threats, sanctions and blame.
_COUNTERPART_PREPS = {"with", "to", "against", "on", "between", "at"}
_SPEECH_LEMMAS = {"say", "tell", "announce", "warn", "claim", "state", "add", "insist", "urge",
                  "demand", "accuse", "blame", "call", "describe", "deny", "confirm", "praise",
                  "condemn", "criticise", "criticize", "reject", "welcome", "vow", "pledge",
                  "promise", "threaten", "appeal", "ask", "report", "write", "declare"}
_PARTY_ENTS = {"GPE", "NORP", "ORG", "PERSON"}


def _is_party(tok) -> bool:
    """A noun that can be a side in talks or blame: a named entity or a proper noun."""
    return tok.ent_type_ in _PARTY_ENTS or tok.pos_ == "PROPN"


def _party_below(prep):
    """The object of a preposition when it names a party ("talks with Ukrainian officials")."""
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if obj is None:
        return None
    if _is_party(obj) or any(_is_party(t) for t in obj.lefts):
        return obj
    return None


def counterpart(sentence: Sentence, trigger: tuple[int, int]) -> Optional[tuple[int, int]]:
    """The other party of a statement, talks or aid when the trigger has no object of its
    own: "talks with X", "a visit to X", "sent weapons to X", "sanctions against X". Only
    named parties count: "help to the country" leaves the counterpart unsaid."""
    doc = sentence.doc
    if doc is None:
        return None
    tok = token_at(doc, trigger[0])
    if tok is None:
        return None
    # The trigger itself, then the words inside a multi-word trigger, then its governing verb.
    span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    inside = list(span) if span is not None else [tok]
    hosts = list(dict.fromkeys(inside + ([tok.head] if tok.dep_ in ("dobj", "pobj", "nsubj") else [])))
    for host in hosts:
        for c in host.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in _COUNTERPART_PREPS:
                party = _party_below(c)
                if party is not None:
                    return phrase(party)
    return None


_MILITARY_SPEAKERS = {"army", "military", "ministry", "command", "navy", "force", "forces", "spokesman",
                      "spokesperson", "wing", "staff"}


def speaker(sentence: Sentence, trigger: tuple[int, int], military: bool = False) -> Optional[tuple[int, int]]:
    """Who makes a statement whose trigger names no doer: the subject of the speech verb the
    trigger hangs on ("Zelenskiy said Nato has given ..." -> Zelenskiy), climbing at most
    four heads so a far-off clause is not credited to the wrong speaker."""
    doc = sentence.doc
    if doc is None:
        return None
    tok = token_at(doc, trigger[0])
    for _ in range(4):
        if tok is None or tok.head is tok:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in _SPEECH_LEMMAS:
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and (_is_party(subj) or subj.pos_ == "PRON"
                                     or any(_is_party(t) for t in subj.subtree)
                                     or military and subj.lemma_.lower() in _MILITARY_SPEAKERS):
                return phrase(subj)
            return None
    return None


_OWN_POSSESSIVES = {"its", "their", "our"}


def _trigger_root(doc, trigger: tuple[int, int]):
    """The head word of a multi-word trigger ("attack" of "air attack")."""
    span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    return span.root if span is not None and len(span) else token_at(doc, trigger[0])


def own_forces_claim(sentence: Sentence, trigger: tuple[int, int]) -> Optional[tuple[tuple[int, int], tuple[int, int]]]:
    """A speaker telling of an act done by its own ("JNIM said its fighters had seized the
    camp", "Moscow said its military fired"): (speech verb span, speaker span), else None.
    The act's verb is the trigger or the verb it is the object of, and its subject is a
    possessive of the speaker's ("its", "their", "our")."""
    doc = sentence.doc
    if doc is None:
        return None
    tok = _trigger_root(doc, trigger)
    if tok is None:
        return None
    verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ in ("dobj", "pobj", "nsubjpass") else None
    if verb is None or verb.pos_ != "VERB":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not any(c.dep_ == "poss" and c.lower_ in _OWN_POSSESSIVES for c in subj.children):
        return None
    said = verb.head
    if said is verb or said.pos_ not in ("VERB", "AUX") or said.lemma_.lower() not in _SPEECH_LEMMAS \
            or verb.dep_ not in ("ccomp", "conj"):
        return None
    who = speaker(sentence, (verb.idx, verb.idx + len(verb.text)))
    if who is None:
        return None
    return (said.idx, said.idx + len(said.text)), who


def _clause_verb(doc, trigger: tuple[int, int]):
    """The finite verb of the clause a trigger heads or is an argument of ("encircle" in "are
    trying to encircle" -> "trying"); None for a trigger buried deeper in a phrase."""
    tok = _trigger_root(doc, trigger)
    if tok is None:
        return None
    if tok.pos_ not in ("VERB", "AUX"):
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.pos_ not in ("VERB", "AUX"):
            return None
        tok = tok.head
    while tok.dep_ == "xcomp" and tok.head is not tok:
        tok = tok.head
    return tok


def in_own_clauses(sentence: Sentence, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two triggers told in two clauses joined by "and", each with its own subject: "air attacks
    are focused on the east and Russian forces are trying to encircle Ukrainian troops"."""
    doc = sentence.doc
    if doc is None:
        return False
    va, vb = _clause_verb(doc, a), _clause_verb(doc, b)
    if va is None or vb is None or va.i == vb.i:
        return False
    if not (va.dep_ == "conj" and va.head.i == vb.i or vb.dep_ == "conj" and vb.head.i == va.i):
        return False
    return all(any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) for v in (va, vb))
