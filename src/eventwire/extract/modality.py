"""Is a trigger told as something that happened? (CODEBOOK §3.2)

Negations, hypotheticals, future plans without a decision, threats and warnings, questions,
the outlet's own appeals and history older than the story are not events. Reported speech is
(§3.4: "X said forces repelled an assault" counts), and so are things agreed or ordered.

With a dependency parse the checks follow the trigger's own clause and the verbs that govern
it; without one a narrow window of words before the trigger stands in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Optional

HYPOTHETICAL_MODALS = {"could", "may", "might", "would", "should", "can", "must", "ought"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
# Verbs and adjectives that put what they govern into the future or the unreal:
# "plans to attack", "threatened to strike", "is expected to sign", "fears of an offensive".
IRREALIS_HEADS = {
    "plan", "intend", "threaten", "expect", "aim", "hope", "want", "seek", "prepare", "vow",
    "promise", "propose", "consider", "mull", "wish", "plot", "set", "due", "schedule", "likely",
    "unlikely", "poise", "able", "unable", "ready", "prepared", "going", "about",
    "warn", "fear", "risk", "call", "urge", "demand", "ask", "request", "push", "press", "insist",
    "refuse", "decline", "fail", "avoid", "prevent", "stop", "deter", "need", "would", "imagine",
    "predict", "forecast", "envisage", "envision", "contemplate", "recommend", "dream",
    "pray", "afraid", "concern", "worry", "possible", "impossible", "capable", "eager", "determined",
    "suppose", "brace", "difficult", "hard", "easy", "easier", "harder", "designed", "intended",
}
# Nouns that hold a happening that has not happened: "the threat of airstrikes".
IRREALIS_NOUNS = {
    "threat", "fear", "risk", "possibility", "prospect", "danger", "likelihood", "chance", "plan",
    "hope", "warning", "call", "demand", "prevention", "scenario", "prospects",
    "push", "proposal", "request", "appeal", "need", "ability", "capability", "readiness", "goal",
    "aim", "intention", "idea", "talk", "rumour", "rumor", "speculation", "concern", "worry",
    "absence", "lack",
}
# Governing verbs whose complement *did* happen or was decided: keep what they govern.
FACTIVE_HEADS = {"order", "agree", "decide", "vote", "approve", "begin", "start", "continue",
                 "manage", "resume", "launch", "finish", "complete", "succeed", "carry", "help", "keep",
                 "allow", "force", "compel", "authorize", "authorise", "sign", "use", "conduct", "stage"}
# Reporting verbs: their complement is the source's account of what happened.
REPORTING_HEADS = {"report", "say", "claim", "announce", "tell", "state", "add", "note", "acknowledge",
                   "admit", "see", "hear", "witness", "show", "reveal", "deny", "confirm", "write",
                   "post", "explain", "recount", "describe", "allege", "accuse", "insist", "suggest", "indicate"}
# Climbing by these dependencies puts the trigger inside what the governing word says;
# climbing from a subject does not ("the deal called for…" reports the deal).
_COMPLEMENT_DEPS = {"xcomp", "ccomp", "dobj", "prep", "pobj", "advcl", "acomp", "attr", "oprd", "pcomp", "compound"}
# Heads that are irrealis only with an infinitive: "is set to", "is due to", "is about to".
_XCOMP_ONLY = {"suppose", "difficult", "hard", "easy", "easier", "harder", "designed", "set", "due", "about", "going", "able", "unable", "ready", "prepared", "likely", "unlikely",
               "schedule", "poise", "press", "push", "need", "stop", "keep"}
NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor", "without", "nobody", "none", "nothing"}

_APPEAL = re.compile(
    r"\b(?:donat(?:e|ion|ions)|subscribe|subscription|sign up|newsletter|support (?:our|independent) "
    r"(?:journalism|reporting|work)|become a (?:member|patron|supporter)|click here|read more|follow us)\b",
    re.IGNORECASE)
_PERCEPTION = {"hear", "see", "feel", "observe"}
_CENTURY = re.compile(r"\b(?:in|during|since) the (?:\d{1,2}(?:st|nd|rd|th)|(?:early|late|mid-?)\s*\d{1,2}(?:st|nd|rd|th)) century\b", re.I)
# Adjectives that make a noun trigger unreal: "a hypothetical meeting", "a proposed ceasefire".
_IRREALIS_ADJ = {"hypothetical", "possible", "potential", "proposed", "planned", "future", "would-be",
                 "prospective", "eventual", "imminent", "upcoming", "feared", "threatened", "alleged-to-be",
                 "pending", "forthcoming", "expected", "anticipated", "looming", "impending"}
_NEG_SUBJECTS = {"nobody", "none", "nothing", "no-one"}
# "a reward to whoever kills him", "anyone who attacks": nobody in particular did it.
_INDEFINITE_SUBJECTS = {"whoever", "whomever", "anyone", "anybody", "whosoever"}
_YEAR = re.compile(r"\b(?:in|during|back in|since|of)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b", re.I)
_WINDOW_NEG = re.compile(
    r"\b(?:not|n't|never|no|could|may|might|would|will|shall|should|can|must|if|unless|whether|"
    r"plans?|planned|planning|threat\w*|expected|likely|set|due|aims?|aimed|wants?|wanted|seeks?|sought|"
    r"hopes?|hoped|vows?|vowed|prepar\w+|fears?|feared|risk|warn\w*|intends?|intended|going|possible|"
    r"prevent\w*|avoid\w*|call\w*|urg\w+|demand\w*|refus\w*)\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class Verdict:
    factual: bool
    reason: str = ""


FACT = Verdict(True, "asserted")


def sentence_blocker(text: str, published: Optional[date] = None) -> Optional[str]:
    """A reason why no trigger in this sentence can be an event, or None."""
    stripped = text.strip()
    if stripped.endswith("?"):
        return "question"
    if _APPEAL.search(text):
        return "appeal"
    if _CENTURY.search(text):
        return "history (century)"
    if published is not None:
        for m in _YEAR.finditer(text):
            year = int(m.group(1))
            if year < published.year - 1 and not m.group(0).lower().startswith("since"):
                return f"history ({year})"
    return None


def _clause_head(tok: Any) -> Any:
    """The verb (or predicate) whose clause holds ``tok``: nouns climb to their governing verb."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ in ("ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "acl", "pcomp"):
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _own_negation(tok: Any) -> bool:
    for c in tok.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ == "det" and c.lower_ in ("no",):
            return True
        if c.dep_ == "advmod" and c.lower_ == "never":
            return True
    return False


_ANNOUNCING = {"announce", "say", "declare", "confirm", "decide", "state", "tell", "pledge", "promise"}


def _aux_modality(verb: Any) -> Optional[str]:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lows = {a.lower_ for a in auxes}
    for a in auxes:
        low = a.lower_
        if low in FUTURE_AUX or (a.lemma_ == "will" and a.tag_ == "MD"):
            return f"future ({low})"
        if low in HYPOTHETICAL_MODALS:
            if low in ("could", "can") and verb.lemma_ in _PERCEPTION:
                continue            # "explosions could be heard": perception of a real event
            if low == "would" and {"have"} & lows and verb.tag_ == "VBN":
                return "counterfactual (would have)"
            if low == "would" and verb.dep_ == "ccomp" and verb.head.tag_ == "VBD" \
                    and verb.head.lemma_.lower() in _ANNOUNCING:
                # "announced that it would cease military aid": a future told in the past,
                # a decision made (what counts as one is the caller's call).
                return "future in the past (would)"
            return f"hypothetical ({low})"
    # "is going to strike", "is about to fall"
    for c in verb.children:
        if c.dep_ == "aux" and c.lower_ == "to" and verb.head.lemma_ in ("go", "about") and verb.head.i != verb.i:
            return "future (going to)"
    return None


def _negative_subject(verb: Any) -> Optional[str]:
    if _absence(verb):
        return None
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (
                c.lower_ in _NEG_SUBJECTS or any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)):
            return f"negated subject ({c.text})"
    return None


def _conditional(verb: Any) -> Optional[str]:
    for c in verb.children:
        if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether", "lest"):
            return f"conditional ({c.lower_})"
    return None


def _fell_short(verb: Any, same: bool) -> Optional[str]:
    """"fell short of announcing the liberation", "stopped short of blaming": not done."""
    if not same and verb.lemma_.lower() in ("fall", "stop") and any(c.lower_ == "short" for c in verb.children):
        return f"{verb.lemma_.lower()} short of"
    return None


def assess(doc: Any, start: int, end: int) -> Verdict:
    """Verdict for the trigger at character span [start, end) of the parsed sentence ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return FACT
    return _assess_token(doc, span.root)


# "a year after demonstrators stormed parliament", "two decades since the war began": what is
# measured from lies months or years before the story (weeks may still be the story's own).
_LONG_AGO = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|a few|"
    r"\d+)\s+(?:full\s+)?(?:years?|decades?|months)\s+(?:after|since|before)\s+(?:[\w'’-]+\s+){0,6}$",
    re.I)


def _absence(verb: Any) -> bool:
    """"Nobody has heard from the student since": that no one has is the news (a disappearance)."""
    return verb.lemma_.lower() == "hear" and any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)


_PARTITIVES = {"some", "most", "many", "several", "others", "few", "all"}


def _fate_of_the_counted(verb: Any) -> bool:
    """"Some of the people had been killed by shelling", "most had been shot": how part of a
    group already counted (bodies found, the dead of a told attack) had died, told in the past
    perfect, is no happening of its own."""
    if verb.pos_ != "VERB" or verb.tag_ != "VBN":
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if not {"had", "been"} <= auxes:
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subj is not None and subj.lower_ in _PARTITIVES


def _doer_of(tok: Any) -> Optional[Any]:
    """The verb a trigger is the doer of ("killed by shelling and airstrikes" -> "killed")."""
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("conj", "pobj", "pcomp", "agent"):
            break
        cur = cur.head
    return cur if cur.pos_ == "VERB" else None


def _assess_token(doc: Any, tok: Any, depth: int = 0) -> Verdict:
    if depth == 0 and _LONG_AGO.search(doc[max(0, tok.i - 12):tok.i].text_with_ws):
        return Verdict(False, "history (measured from, years or months back)")
    prev = [doc[i].lower_ for i in range(max(0, tok.i - 2), tok.i)]
    if prev and (prev[-1] in _INDEFINITE_SUBJECTS or prev[-1] == "who" and prev[0] in _INDEFINITE_SUBJECTS):
        return Verdict(False, f"indefinite subject ({prev[-1]})")
    # Nouns under "no" / "without" ("no casualties", "without a fight").
    if _own_negation(tok):
        return Verdict(False, f"negated ({tok.text})")
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return Verdict(False, "negated (without)")
    for c in tok.children:
        if c.dep_ == "amod" and c.lower_ in _IRREALIS_ADJ:
            return Verdict(False, f"irrealis ({c.lower_})")
    clause = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if _fate_of_the_counted(_doer_of(tok) or clause):
        return Verdict(False, "how some of those counted had died")
    for c in clause.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _INDEFINITE_SUBJECTS:
            return Verdict(False, f"indefinite subject ({c.text})")
        if c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _NEG_SUBJECTS
                                                  or any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)) \
                and not _absence(clause):
            return Verdict(False, f"negated subject ({c.text})")
    cur = prev = tok
    came_via = ""            # dependency by which we climbed into ``cur``
    hops = 0
    while hops < 10:
        hops += 1
        same = cur.i == tok.i
        if cur.pos_ in ("NOUN", "PROPN") and not same and came_via in _COMPLEMENT_DEPS \
                and cur.lemma_.lower() in IRREALIS_NOUNS:
            return Verdict(False, f"irrealis noun ({cur.lemma_})")
        if cur.pos_ in ("VERB", "AUX", "ADJ") or cur.dep_ == "ROOT":
            if not same and cur.pos_ in ("VERB", "AUX") and _own_negation(cur) and cur.lemma_ not in ("say", "tell", "deny"):
                return Verdict(False, f"negated ({cur.text})")
            if same and _own_negation(cur):
                return Verdict(False, f"negated ({cur.text})")
            if same and depth == 0 and cur.pos_ == "VERB" and habitual(cur):
                return Verdict(False, "habitual")
            why = _aux_modality(cur) or _conditional(cur) or _negative_subject(cur) or _fell_short(cur, same)
            if why:
                return Verdict(False, why)
            if not same and came_via in _COMPLEMENT_DEPS:
                lemma = cur.lemma_.lower()
                if lemma == "deny" and came_via == "ccomp" and prev.i > cur.i and any(
                        c.dep_ == "mark" and c.lower_ == "that" for c in prev.children):
                    # "denied that civilians were hit": told only to be denied. (A report that
                    # someone else denies, "the ministry denied it", is still coded, 3.6.)
                    return Verdict(False, "denied by the teller")
                if lemma in REPORTING_HEADS:
                    # Reported speech (§3.4): what the source says happened stands, unless
                    # the telling itself is not done ("fell short of announcing the capture").
                    told = _assess_token(doc, cur, depth + 1) if depth < 2 else FACT
                    return FACT if told.factual else Verdict(False, f"report not made: {told.reason}")
                if lemma in FACTIVE_HEADS:
                    # "launched an offensive", "agreed to hold talks": keep climbing, since the
                    # launching itself may be only expected or planned.
                    pass
                if lemma in _WARN_HEADS and came_via == "ccomp" and _told_as_past(prev):
                    # "warned that enemy units had already entered the district": a report.
                    return FACT
                if lemma in IRREALIS_HEADS and (lemma not in _XCOMP_ONLY or came_via == "xcomp"):
                    return Verdict(False, f"irrealis ({cur.lemma_})")
        head = cur.head
        if head.i == cur.i:
            break
        # A conjunct with its own subject is its own clause ("..., but explosions were heard").
        if cur.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            break
        # A semicolon ends the sentence's first clause: "recorded the abduction of eleven
        # women; seven have not been accounted for" does not negate the abduction.
        if any(doc[k].text == ";" for k in range(min(cur.i, head.i) + 1, max(cur.i, head.i))):
            break
        # A quote opened by a colon does not govern the clause that introduces it, though the
        # parse may hang that clause on it: "witnesses reported hearing gunfire, as Zelenskiy
        # warned: 'This night will be the hardest'".
        if head.i > cur.i and any(doc[k].text == ":" for k in range(cur.i + 1, head.i)):
            break
        # So is a finite "as/while/after ..." clause: "braced for an offensive as forces
        # withdraw" does not put the withdrawal into the future.
        if cur.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children) \
                and any(c.dep_ == "mark" and c.lower_ in _OWN_CLAUSE_MARKS for c in cur.children):
            break
        # A relative clause or a clause that modifies a noun is told of that noun, not governed.
        if cur.dep_ in ("relcl", "acl") and cur.tag_ in ("VBD", "VBN") and same:
            break
        came_via = cur.dep_ if cur.dep_ != "conj" else came_via
        prev, cur = cur, head
    return FACT


_WARN_HEADS = {"warn", "fear", "worry", "concern"}
_OWN_CLAUSE_MARKS = {"as", "while", "after", "before", "until", "because", "since", "when", "although",
                     "though", "whereas"}


def _told_as_past(clause: Any) -> bool:
    """A clause told as done: simple past or a perfect ("had entered", "have died")."""
    auxes = [c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a in HYPOTHETICAL_MODALS or a in FUTURE_AUX for a in auxes):
        return False
    return clause.tag_ == "VBD" or (clause.tag_ == "VBN" and any(a in ("had", "has", "have") for a in auxes))


def assess_plain(text: str, start: int) -> Verdict:
    """Fallback without a parse: look at the few words right before the trigger."""
    window = text[max(0, start - 40):start]
    words = window.split()[-4:]
    m = _WINDOW_NEG.search(" ".join(words))
    if m:
        low = m.group(0).lower()
        if low in ("could", "can") and re.match(r"\s*be\s+(?:heard|seen|felt)", text[start - 0:start + 20]):
            return FACT
        return Verdict(False, f"window ({low})")
    return FACT


# --------------------------------------------------------------------------- reportable acts
# A trigger noun names a happening, but only some positions in a sentence *report* one:
# "an airstrike hit the depot", "forces launched an offensive", "killed in a drone strike",
# "there were clashes". Elsewhere the noun refers to, evaluates or describes a happening told
# before or in general: "Idlib is a ticking bomb", "the damage from airstrikes could be seen",
# "after the Manchester attack", "Isis suicide bombs are preventing gains", "past attacks".

# Verbs whose subject or object noun is a happening that occurred.
HAPPENING_VERBS = {
    "hit", "strike", "kill", "wound", "injure", "destroy", "damage", "target", "land", "explode",
    "detonate", "go", "rain", "slam", "pound", "fall", "leave", "claim", "rock", "shake", "tear",
    "flatten", "level", "raze", "erupt", "break", "occur", "happen", "take", "continue", "resume",
    "begin", "start", "intensify", "escalate", "rage", "spread", "follow", "come", "cause",
    "trigger", "spark", "set", "burn", "collapse", "force", "displace", "cut", "knock", "block",
    "disrupt", "sink", "down", "shoot", "devastate", "ravage", "engulf", "batter", "lash",
    "sweep", "inflict", "result", "mark", "end", "last", "stop", "ease", "subside", "die",
    "see", "hear", "report", "record", "confirm", "carry", "launch", "conduct", "stage", "mount",
    "renew", "unleash", "repel", "repulse", "thwart", "foil", "survive", "suffer", "endure",
    "witness", "face", "step", "fend", "beat", "kill", "use", "fire", "drop", "execute", "perpetrate",
    "commit", "order", "intercept", "announce", "hold", "sign", "reach", "agree", "produce",
    "be", "have", "get", "receive", "undergo", "experience", "resist", "halt", "blunt", "stall",
    "push", "press", "escalate", "step", "join", "lead", "spearhead",
    # weapons delivered: "threw a grenade", "planted a bomb", "lobbed mortars"
    "throw", "hurl", "lob", "toss", "plant", "place", "fling",
}
# Verbs whose subject noun is a thing in general or a reason, not a happening told as news.
NON_HAPPENING_VERBS = {
    "prevent", "hinder", "mean", "represent", "pose", "become", "require",
    "need", "deter", "complicate", "fuel", "undermine", "affect", "worry", "concern", "shock",
    "hamper", "cost",
    "outrage", "justify", "define", "constitute", "amount", "signal", "show", "demonstrate",
    "illustrate", "make", "seem", "appear", "look", "threaten", "risk", "help", "serve", "remind",
    "raise", "prompt", "drive", "dominate", "shape", "loom", "calm", "anger",
}
# Nouns that describe what is left after a happening: "the damage from airstrikes", "ruins of clashes".
AFTERMATH_NOUNS = {
    "damage", "ruin", "ruins", "rubble", "aftermath", "scar", "debris", "wreckage", "remnant",
    "crater", "effect", "impact", "legacy", "trace", "sign", "mark", "memory", "trauma", "toll",
    "victim", "survivor", "anniversary", "wake", "site", "scene", "smoke", "destruction",
    "consequence", "threat", "danger", "fear", "risk", "pretext", "excuse", "reason",
    "justification", "corridor",
}
# Verbs whose 'for/with/of' object is the crime someone is held for, not a new happening.
CHARGE_VERBS = {"arrest", "charge", "convict", "sentence", "accuse", "suspect", "jail", "detain", "try",
                "indict", "prosecute", "investigate", "question", "book", "imprison", "fine", "acquit"}
# Nouns that tell of a happening: "reports of looting", "footage of the shelling".
REPORT_NOUNS = {"report", "account", "footage", "video", "image", "picture", "photo", "sound", "news",
                "word", "sign", "evidence", "witness", "eyewitness"}
# Words that make a noun trigger general rather than one happening: "past attacks".
GENERIC_MODIFIERS = {
    "recent", "past", "previous", "prior", "earlier", "frequent", "repeated", "regular", "occasional",
    "such", "similar", "future", "countless", "numerous", "routine", "constant", "daily", "nightly",
    "periodic", "any", "every", "much",
}
HABITUAL_ADVERBS = {"frequently", "often", "regularly", "routinely", "usually", "typically", "sometimes",
                    "always", "generally", "commonly", "occasionally", "rarely", "seldom"}
# Prepositions that attach a happening as background or topic, not as a new report.
BACKGROUND_PREPS = {"after", "following", "since", "before", "despite", "for", "about", "over",
                    "against", "of", "to", "from", "with", "on", "like", "as", "than", "between",
                    "into", "toward", "towards", "regarding", "concerning", "amid", "amidst"}
# Prepositions that place a happening as the cause of a casualty or loss: "killed in an airstrike".
CAUSE_PREPS = {"in", "during", "by", "under", "through", "because", "due", "from"}
CASUALTY_VERBS = {"suffocate", "choke", "poison", "gas", "use", "sicken", "hospitalise", "kill", "die", "injure", "wound", "hurt", "destroy", "damage", "hit", "flatten",
                  "level", "raze", "burn", "collapse", "lose", "perish", "maim", "displace", "strike",
                  "target", "come", "hospitalise", "hospitalize", "trap", "bury", "shatter", "set"}
_DEFINITE = {"the", "this", "that", "these", "those"}


def _noun_like(tok: Any) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "VERB" and tok.tag_ == "VBG"
                                             and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"))


def is_definite(tok: Any) -> bool:
    """'the attack', 'this strike', "Tuesday's attack", 'its offensive': a happening referred to."""
    for c in tok.children:
        if c.dep_ == "det" and c.lower_ in _DEFINITE:
            return True
        if c.dep_ == "poss":
            return True
    return False


def is_generic(tok: Any) -> bool:
    """A happening in general: 'past attacks', 'such bombings', 'frequently conducts bombings'."""
    plural = tok.tag_ in ("NNS", "NNPS")
    for c in tok.children:
        # "past attacks" is general; "the recent attack" is one happening.
        if c.dep_ in ("amod", "det", "advmod", "nummod") and c.lower_ in GENERIC_MODIFIERS \
                and (plural or c.lower_ in ("any", "every", "much")):
            return True
    verb = tok.head if tok.dep_ != "ROOT" else tok
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX"):
            break
        verb = verb.head
    return verb.pos_ in ("VERB", "AUX") and habitual(verb)


# Adverbs of repetition that make a perfect or present verb a pattern ("has repeatedly targeted
# convoys"), though a past one can still tell one happening ("repeatedly stabbed him").
_REPEATED = {"repeatedly", "persistently", "continually", "constantly", "increasingly", "systematically"}


def habitual(verb: Any) -> bool:
    """'frequently conducts bombings', 'has repeatedly targeted convoys', 'has rejected similar
    accusations in the past': a pattern of conduct, no one happening."""
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in verb.children):
        return True
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    perfect_or_present = verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBN" and auxes & {"has", "have"})
    if not perfect_or_present:
        return False
    if any(c.dep_ == "advmod" and c.lower_ in _REPEATED for c in verb.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(
        g.dep_ == "pobj" and g.lower_ == "past" for g in c.children) for c in verb.children)


def _existential(verb: Any) -> bool:
    return verb.lemma_ == "be" and any(c.dep_ == "expl" for c in verb.children)


def nominal_role(tok: Any) -> str:
    """Where a noun trigger stands in its sentence.

    ``assert``: it is reported as happening (subject or object of a happening verb, the cause of
    a casualty, existential, a headline); ``reference``: named as background, topic or object of
    an attitude ("after the attack", "condemned the attack"); ``predicate``: said of something
    else ("Idlib is a ticking bomb"); ``modifier``: part of another noun ("attack helicopters");
    ``aftermath``: what is left after it ("damage from airstrikes").
    """
    cur = tok
    for _ in range(4):                   # conjuncts and appositions share their head's role
        if cur.dep_ in ("conj", "appos") and cur.head.i != cur.i:
            cur = cur.head
        else:
            break
    dep = cur.dep_
    head = cur.head
    if dep in ("compound", "nmod") or (dep == "amod" and cur.pos_ != "VERB"):
        return "modifier"
    if dep == "ROOT" or head.i == cur.i:
        return "assert"
    if dep == "attr":
        return "assert" if _existential(head) else "predicate"
    if dep in ("nsubj", "nsubjpass"):
        lemma = head.lemma_.lower()
        if lemma == "be" and any(c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN") for c in head.children):
            return "predicate"           # "the strike was terrorism", "the attack is a war crime"
        if lemma in NON_HAPPENING_VERBS:
            return "reference"
        return "assert"
    if dep in ("dobj", "obj", "dative", "oprd"):
        lemma = head.lemma_.lower()
        return "assert" if lemma in HAPPENING_VERBS else "reference"
    if dep == "pobj":
        prep = head
        gov = prep.head
        p = prep.lower_
        charged = gov if gov.pos_ in ("VERB", "AUX") else gov.head      # "arrested the man for X"
        if charged.lemma_.lower() in CHARGE_VERBS and p in ("for", "with", "of", "over"):
            return "charge"              # "arrested for sexual assault": the crime charged
        if any(c.lower_ in ("no", "few") and c.dep_ in ("det", "amod") for c in gov.children) and gov.pos_ == "NOUN":
            return "negated"             # "few reports of clashes", "no sign of fighting"
        if gov.pos_ in ("NOUN", "PROPN") and gov.lemma_.lower() in AFTERMATH_NOUNS and p in ("of", "from", "by", "after", "in"):
            return "aftermath"
        if gov.pos_ in ("NOUN", "PROPN") and gov.lemma_.lower() in REPORT_NOUNS and p in ("of", "about") \
                and not is_definite(cur):
            return "assert"              # "reports of looting", "footage of shelling"
        if p in CAUSE_PREPS and gov.pos_ in ("VERB", "AUX", "ADJ"):
            return "assert" if gov.lemma_.lower() in CASUALTY_VERBS or gov.pos_ == "ADJ" else "reference"
        if p == "under" or (p == "in" and gov.pos_ in ("NOUN", "PROPN")):
            return "assert"
        if p in BACKGROUND_PREPS:
            return "reference"
        return "reference" if p == "by" else "assert"
    if dep in ("npadvmod", "advmod", "appos", "conj", "dep", "nummod", "quantmod"):
        return "assert"
    return "reference"
