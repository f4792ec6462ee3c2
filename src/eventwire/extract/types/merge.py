"""One candidate per happening: outcomes join the act that caused them, crime words that
name the people acted on drop out, the same types merge; and the checks that tell a toll or a
tally from a happening."""
from __future__ import annotations

import re
from typing import Any

from .. import triggers
from .records import _VIOLENT, _WEAPON_TYPES, _Candidate
from .violence import _DELIBERATE


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


_TIE_WORDS = {"link", "tie", "affiliate", "belong", "connect", "associate"}


def _describes_someone(c: _Candidate) -> bool:
    """"sanctions on five nationals linked to the Sinaloa Cartel": the crime word says who
    someone is, not a crime committed."""
    tok = c.token
    if tok is None or c.hit.frame != "CRIME":
        return False
    cur = tok
    for _ in range(4):
        cur = cur.head
        if cur.lemma_.lower() in _TIE_WORDS and cur.dep_ in ("acl", "relcl", "amod"):
            return True
        if cur.head.i == cur.i:
            break
    return False


_WEAPON_FRAMES = {"GRENADE": "grenade", "EXPLODE": "remote_explosive", "SUICIDE": "suicide_bomb",
                  "CHEM": "chemical_weapon", "AIR": "air_drone_strike", "SHELL": "shelling_artillery_missile"}


def _names_its_weapon(c: _Candidate) -> bool:
    """The trigger is the weapon word itself ("a grenade"), not a verb the weapon typed ("hit"):
    the happening is told where its weapon is named."""
    return _WEAPON_FRAMES.get(c.hit.frame) == c.type


def _gathering_attacked(c: _Candidate, cands: list[_Candidate]) -> bool:
    """"A gunman opened fire at a political rally": the gathering is what was attacked, not a
    protest told. (Police firing on a march stays a protest type: the crowd's own story.)"""
    tok = c.token
    if tok is None or c.hit.frame != "PROTEST" or c.type not in ("peaceful_protest", "protest_with_intervention") \
            or tok.dep_ not in ("dobj", "pobj"):
        return False
    govs = {tok.head.i, tok.head.head.i}

    def by_the_state(o: _Candidate) -> bool:
        doer = o.sentence_text[o.agent[0]:o.agent[1]] if o.agent else ""
        return triggers.cue("state", doer) or triggers.cue("police", doer)

    return any(o is not c and o.token is not None and o.type in _VIOLENT and o.token.i in govs
               and not by_the_state(o) for o in cands)


def _intercepted(c: _Candidate, cands: list[_Candidate]) -> bool:
    """"air defences shot down a cruise missile": the missile names what was stopped."""
    tok = c.token
    if tok is None or _WEAPON_FRAMES.get(c.hit.frame) != c.type or tok.dep_ not in ("dobj", "pobj", "nsubjpass"):
        return False
    return any(o is not c and o.type == "disrupted_weapons_use" and o.token is not None
               and o.token.i in (tok.head.i, tok.head.head.i) for o in cands)


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
                # "a drone strike killed three PKK fighters": who was killed is who was struck;
                # "gunmen from the cartel killed five": who killed is who did it.
                if c.hit.frame in ("KILL", "WOUND"):
                    host = next((p for p in violent_principal if p.patient is None), None)
                    if host is not None and c.patient is not None:
                        host.patient = c.patient
                    host = next((p for p in violent_principal if p.agent is None and p.type == c.type), None)
                    if host is not None and c.agent is not None:
                        host.agent = c.agent
                continue
        keep.append(c)
    if not keep and cands:
        keep = cands
    keep = [c for c in keep if not _gathering_attacked(c, keep) and not _intercepted(c, keep)] or keep
    # Weapon-specific types absorb generic violence typed in the same sentence.
    types_present = {c.type for c in keep}
    specific = types_present & set(_WEAPON_TYPES)
    if specific:
        keep = [c for c in keep if not (c.type in ("armed_clash", "attack") and c.hit.frame in ("STRIKE", "KILL", "WOUND", "DAMAGE"))] or keep
    # "stormed the council's headquarters and looted its contents": the way in is no clash.
    loots = [c.token for c in keep if c.type == "looting_property_destruction" and c.token is not None]
    if loots:
        keep = [c for c in keep if not (
            c.type in ("armed_clash", "attack") and re.match(r"storm|raid|broke into|forced", c.hit.text, re.I)
            and c.token is not None and any(t.head.i == c.token.i and t.dep_ == "conj" for t in loots))] or keep
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
            or _doer_acted_on(c, keep) or _describes_someone(c))] or keep
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
        if prev is None or c.confidence > prev.confidence or (
                c.confidence == prev.confidence and _names_its_weapon(c) and not _names_its_weapon(prev)):
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


def _forces_killed_fighters(c: _Candidate) -> bool:
    """"The army said it killed 33 militants": one armed side killing the other is an act of
    its own (an operation), not the toll of the happening told before."""
    tok = c.token
    if tok is None or tok.pos_ != "VERB" or any(ch.dep_ == "auxpass" for ch in tok.children):
        return False
    # "Security forces reached the spot and neutralised three of the terrorists": the doer of
    # the first verb does the second.
    shared = tok.dep_ in ("conj", "advcl") and any(ch.dep_ == "nsubj" for ch in tok.head.children)
    return c.type == "armed_clash" and (c.agent is not None or shared) and c.patient is not None


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
