"""Detection: a sentence's triggers become typed candidates (modality, reportability, the
frame rules), discounts and filters apply, candidates merge, embeddings break ties, and the
survivors are reported as ``Mention``s; the article's earlier types are remembered."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Optional, Sequence

from ... import taxonomy
from .. import modality, triggers
from ..triggers import TriggerHit, cue
from .arguments import _arguments
from .decide import _decide
from .embeddings import EMBED_OVERRULE_BELOW, _apply_embeddings, _embedding_scores
from .merge import _demote_participial_outcomes, _forces_killed_fighters, _merge, _tally
from .records import INTERSTATE_WAR, _VIOLENT, _VIOLENT_PARENTS, Mention, _Candidate
from .reportable import _VIOLENT_FRAMES, _background, _unreportable
from .violence import _CLOSE_RANGE

# An argument governed by an accusation / condemnation is told, not newly reported.
GOVERNED_DISCOUNT = 0.6


def needs_parse(text: str) -> bool:
    """Cheap check: may this sentence hold an event? (only these get a spaCy parse)."""
    return triggers.has_trigger(text)


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


_SEIZABLE = {"EXPLODE", "GRENADE", "SHELL", "AIR", "CHEM"}


def _seized(tok: Any, hits: Sequence[TriggerHit]) -> bool:
    """The weapon is an object in a list of things seized or found, not one that was used."""
    spans = [(h.start, h.end) for h in hits if h.frame == "DISRUPT"]
    if not spans:
        return False
    t = tok
    for _ in range(8):
        if t.dep_ in ("conj", "appos", "compound", "amod", "nummod") and t.head is not t:
            t = t.head
            continue
        break
    if t.dep_ not in ("dobj", "nsubjpass", "pobj"):
        return False
    verb = t.head.head if t.dep_ == "pobj" else t.head
    return any(s <= verb.idx < e or s <= t.idx < e for s, e in spans)


def _definite(tok: Any) -> bool:
    """A noun trigger told as already known, with nothing of its own: "the air raid", "this
    attack" (unlike "the abduction of 40 students from a school in Kebbi", which tells it, and
    which codebook 3.6 codes beside the blame)."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these")
                                      for c in tok.children) \
        and not any(c.dep_ in ("prep", "nummod", "acl", "relcl", "appos") for c in tok.children)


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
                        and h.frame not in ("CYBER", "CRIME", "NATURAL") \
                        and not h.text.lower().startswith("section"):   # "Cyclone Chido" is a storm; "Section 144" an order
                    continue         # "National Liberation Army", "Operation Desert Storm"
                agent_s, patient_s = _arguments(tok)
                if h.frame in _SEIZABLE and _seized(tok, hits):
                    continue         # "seized 11 firearms, three explosive devices": a haul
                blocked = _unreportable(tok, h, set(prior))
                # "damage from airstrikes and shelling": a coordinated noun shares the verdict
                # even where the parser attaches it elsewhere.
                if not blocked and tok.i >= 2 and doc[tok.i - 1].lower_ in ("and", "or") \
                        and tok.pos_ == "NOUN" and doc[tok.i - 2].pos_ == "NOUN":
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


# Words of the KILL frame that name the firing itself, not its toll: "witnesses reported hearing
# intense gunfire" after an advance was told is a fight of its own.
_FIRING = re.compile(r"(?i)gunfire|sniper fire|shot at")


_ACCUSING_SPEECH = {"say", "tell", "accuse", "claim", "insist", "add", "charge", "allege"}


def _generic_accusation(tok: Any) -> bool:
    """"Zelenskiy said Putin was targeting civilian as well as military sites": an act told in
    the progressive, in someone's words, against a kind of target (no place, no number, no
    particular one) is the speaker's accusation, not a happening told (CODEBOOK 3.6)."""
    if tok.pos_ != "VERB" or tok.tag_ != "VBG" or tok.dep_ != "ccomp" \
            or tok.head.lemma_.lower() not in _ACCUSING_SPEECH:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in ("is", "are", "was", "were") for c in tok.children):
        return False
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    plural = obj is not None and (obj.tag_ == "NNS" or any(c.dep_ == "conj" and c.tag_ == "NNS" for c in obj.children))
    if not plural or any(c.dep_ in ("det", "nummod", "poss") for c in obj.children):
        return False
    return not any(t.ent_type_ in ("GPE", "LOC", "FAC", "CARDINAL") for t in tok.subtree)


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
        blamed_known: list[_Candidate] = []
        for c in cands:
            if c.token is not None and c.hit.frame not in ("ATTRIB", "DIPLO"):
                g = _governed_by(c.token, [], {"ATTRIB", "DIPLO"}, cands)
                if g:
                    c.confidence *= GOVERNED_DISCOUNT
                    c.why.append(f"told within {g.lower()}")
                    if g == "ATTRIB" and _definite(c.token):
                        # "accused the army of killing civilians in the air raid": blame for
                        # a strike the story has told already, not a new one.
                        blamed_known.append(c)
        governed = [c for c in cands if c not in blamed_known and "told within attrib" in c.why]
        if governed:
            # ... and the act whose circumstance it is ("killing civilians in the air raid"),
            # whether or not the raid itself was kept as a candidate.
            acts = [(h.start, h.end) for h in triggers.find(text) if h.frame in _VIOLENT_FRAMES]
            blamed_known += [c for c in governed if any(
                t.i != c.token.i and _definite(t) and any(a <= t.idx < b for a, b in acts)
                for t in c.token.subtree)]
        cands = [c for c in cands if c not in blamed_known]
        if not cands:
            return []
    # "Raqqa has fallen ... after a four-month battle": the background of a told happening.
    if any(not _background(c) and c.type in _VIOLENT | {"non_violent_transfer_of_territory"} for c in cands):
        cands = [c for c in cands if not (_background(c) and c.hit.frame in _VIOLENT_FRAMES | {"PROTEST"})] or cands
    # "The UN recorded 351 civilians killed": a monitor's tally is a figure, not a happening.
    if doc is not None and _tally(doc, cands):
        return []
    # A cumulative toll ("killed so far", "since the start of the war") is a figure, not an event.
    if _CUMULATIVE.search(text):
        cands = [c for c in cands if c.hit.frame not in triggers.CONSEQUENCE_FRAMES | {"ARREST"}]
    _demote_participial_outcomes(cands)
    cands = _merge(cands)
    for c in cands:
        if c.type in _VIOLENT and c.token is not None and _generic_accusation(c.token):
            c.type = "attribution"
            c.why.append("rule: an act told in the progressive in someone's words, against a kind of target")
    if prior & _VIOLENT_PARENTS and cands and all(c.hit.frame in triggers.CONSEQUENCE_FRAMES
                                                  and not _FIRING.fullmatch(c.hit.text) for c in cands) \
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


# "... were killed in Kharkiv": a casualty told at a named place may be a happening of its own.
_NEW_PLACE = re.compile(r"\b(?:[Ii]n|[Nn]ear|[Aa]t|[Oo]utside|[Aa]round)\s+(?:the\s+)?(?:(?:town|city|village|district|region|province|"
                        r"municipality|county|state|area|territory|commune|department|governorate|neighbou?rhood) of\s+)?[A-Z]")


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
    if _interstate_war(ctx):
        out.add(INTERSTATE_WAR)
    return out


def _interstate_war(ctx: Any) -> bool:
    """The article's main country is at war with another state (the conflicts table): a war
    fought mostly by stand-off fire, where unattributed "attacks on the cities" are strikes."""
    if "_interstate_war" not in ctx.extra:
        from .. import conflicts
        places = getattr(ctx, "places", None)
        main = places.main_country if places is not None else None
        war = conflicts.conflict_for([main] if main else [], getattr(ctx, "published", None))
        ctx.extra["_interstate_war"] = bool(war and len(war.parties) == 2)
    return ctx.extra["_interstate_war"]


def _remember(ctx: Any, sentence: Any, mentions: list[Mention]) -> None:
    index = getattr(sentence, "index", None)
    if ctx is None or not hasattr(ctx, "extra") or index is None:
        return
    seen = ctx.extra.setdefault("_type_prior", {})
    seen[index] = {m.type for m in mentions} | {taxonomy.EVENT_TYPES[m.type] for m in mentions}


_CUMULATIVE = re.compile(
    r"\b(?:so far|to date|in total|since the (?:start|beginning|outbreak) of|since (?:the )?(?:war|conflict|invasion|fighting) (?:began|started|broke out)|"
    r"(?:since|(?:over|in|during) the (?:past|last)) (?:\w+ ){0,2}(?:years?|months|weeks)|altogether|cumulative|"
    r"since (?:the |a |its )?(?:[\w-]+ ){0,3}(?:operation|offensive|campaign|crackdown|war|conflict|invasion|protests?|"
    r"crisis|unrest|uprising) (?:began|started|was launched|broke out)|"
    r"since (?:(?:early|late|mid-?)\s*)?(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)?\s*(?:19|20)\d\d)\b", re.I)


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
