"""Who acts and who is acted on: the agent and patient phrases of a trigger, read off the parse."""
from __future__ import annotations

from typing import Any, Optional

from .. import modality
from .records import Span

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
        if agent is None and verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.pos_ == "VERB" \
                and any(c.dep_ == "dobj" for c in verb.children):
            # "units of the police carried out an operation in Duran, apprehending 23 members":
            # the participle's doer is the clause's subject.
            agent = next((_np_span(c) for c in verb.head.children if c.dep_ == "nsubj"), None)
        if agent is None and verb.dep_ == "pcomp" and verb.head.lower_ in ("after", "before", "while", "by") \
                and verb.head.head.pos_ in ("VERB", "AUX"):
            # "forces blew up a pipeline hours after bombing a terminal": the same doer.
            agent = next((_np_span(c) for c in verb.head.head.children if c.dep_ == "nsubj"), None)
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
