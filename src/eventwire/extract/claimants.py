"""Who states what a sentence says (CODEBOOK s.1 claimant, 3.4).

Read in this order, the first that gives a name wins:
1. "according to X" (the closest source; "as reported by <outlet>" only relays it);
2. a trailing attribution: "..., X said." / "..., said X." / "...,” X told reporters.";
3. the subject of a reporting verb: "X said (that) ...", "X estimated ...", "X has claimed ...";
   with a spaCy parse, the nsubj of the reporting verb; without one, the words before the verb
   back to the clause boundary;
4. a quote opened or closed in another sentence takes that quote's attribution;
5. otherwise, a sentence that continues a paragraph keeps the claimant of the sentence before
   only when it is itself reported speech ("he said") -- never silently.

Pronouns and definite descriptions are resolved to an earlier named claimant: "he said" -> the
last person named as a speaker; "it"/"the group" -> the last body; "the ministry" -> the last
claimant whose name ends that way. Names are returned as written, preferring a person's name
to their title ("the governor of Kharkiv, Oleh Synyehubov" -> "Oleh Synyehubov").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

from ..records import Evidence

_VERBS = (r"said|says|say|told|tells|tell|reported|reports|report|claimed|claims|claim|"
          r"estimated|estimates|estimate|announced|announces|confirmed|confirms|disclosed|"
          r"stated|states|added|adds|noted|notes|wrote|writes|tweeted|posted|recorded|records|"
          r"counted|accused|accuses|blamed|blames|insisted|alleged|alleges|acknowledged|admitted|"
          r"revealed|warned|explained|declared|informed|briefed|updated|believes|believed|"
          r"calculated|documented|registered|counts|put|raised|revised|lowered|gave|give|"
          r"quoted|cited|tallied|verified|stressed|argued|asserted|maintained|denied|"
          r"recalled|described|indicated|suggested|according")
_REPORT_LEMMAS = frozenset(
    "say tell report claim estimate announce confirm disclose state add note write tweet post "
    "record count accuse blame insist allege acknowledge admit reveal warn explain declare "
    "inform brief update believe calculate document register raise revise quote cite tally "
    "verify stress argue assert maintain deny recall describe indicate suggest".split())
# "raised the death toll", "put the toll at": only with a count as object.
_COUNT_VERBS = frozenset({"put", "raised", "revised", "lowered", "gave", "give", "updated"})
_COUNT_OBJECT = re.compile(r"^\s+(?:the\s+)?(?:(?:death|casualty|civilian|overall|official)\s+)?"
                           r"(?:toll|number|figure|tally|count|estimate)", re.IGNORECASE)



def _by_first_letter(words: str) -> str:
    """``a|b|...`` (plain words) regrouped by first letter, order kept within each group:
    "(?=s)(?:said|says|...)|(?=t)(?:told|...)". Only the group of the letter at hand can match
    there, and it tries the same words in the same order, so matches are exactly those of the
    flat alternation; the regex engine no longer tries every word at every word start."""
    groups: dict[str, list[str]] = {}
    for w in words.split("|"):
        if not w.isascii() or not w.isalpha():
            raise ValueError(f"_by_first_letter() takes plain words, got {w!r}")
        groups.setdefault(w[0].lower(), []).append(w)
    return "|".join(f"(?={c})(?:{'|'.join(ws)})" for c, ws in groups.items())


_VERB_RE = re.compile(rf"\b(?:has\s+|have\s+|had\s+|also\s+|later\s+|previously\s+|earlier\s+|"
                      rf"separately\s+|further\s+)*(?P<verb>{_by_first_letter(_VERBS)})\b",
                      re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<x>[^,;:“”\"]+?)"
                        r"(?=\s*(?:[,;:“”\"]|(?<!\b[A-Z])\.(?:\s|$)|\s+as\s+|\s+on\s+\w+day\b|\s+in\s+a\s+|$))",
                        re.IGNORECASE)
_TRAILING = re.compile(
    rf"(?:[,”\"’]|—|–)\s*(?P<x>[^,“”\"—–]{{2,120}}?)\s+(?:has\s+|have\s+|had\s+|also\s+)?"
    rf"(?P<verb>said|says|told\s+[^,.]{{1,40}}|added|wrote|reported|claimed|confirmed|"
    rf"announced|stated|tweeted|posted|noted|explained|estimated|insisted|warned)"
    rf"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    rf"yesterday|today|late\s+\w+|earlier|later|in\s+a\s+[^,.]{{1,40}}))?"
    rf"\s*[.!?]?[”\"’]?\s*$")
_INVERTED = re.compile(
    r"(?:[,”\"’]|—|–)\s*(?:said|says|according\s+to|added|wrote|told)\s+(?P<x>[^,.“”\"]{2,100}?)"
    r"(?:,[^.]*)?\s*[.!?]?[”\"’]?\s*$")
_INTRO = re.compile(
    r"^(?:in|on|at|after|during|speaking|asked|meanwhile|however|later|earlier|separately|"
    r"since|when|while|as|but|and|also|yet|still|overnight|today|yesterday|last|this|"
    r"on\s+\w+day|\w+day)\b", re.IGNORECASE)
_BOUNDARY_WORDS = re.compile(
    r"^(?:that|after|as|while|when|but|because|since|where|although|though|whereas|if|"
    r"before|until|so|who|which)$", re.IGNORECASE)
_TRAIL_WORDS = re.compile(
    r"\s+(?:there|here|too|also|later|now|still|again|on\s+\w+day|\w+day|yesterday|today|in\s+a\s+statement|"
    r"in\s+a\s+(?:news\s+)?(?:briefing|statement|post|interview|tweet|report))$", re.IGNORECASE)
_PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "body", "we": "any",
             "i": "person", "officials": "keep"}
_DEFINITE_BODY = re.compile(
    r"^(?:the|this)\s+(?:[\w-]+\s+){0,4}?(?P<head>group|outfit|organi[sz]ation|movement|militia|"
    r"insurgents|militants|rebels|ministry|agency|army|military|office|sources|source|"
    r"authorities|official|spokesman|spokeswoman|spokesperson|president|governor|mayor|"
    r"commander|minister|chief|police|statement|report)$", re.IGNORECASE)
_TITLES = frozenset("""president vice prime minister deputy foreign defence defense interior
    general lieutenant lt lt. col col. colonel major maj maj. gen gen. brigadier captain capt
    sergeant sgt admiral commander governor mayor secretary spokesman spokeswoman spokesperson
    chief director ambassador senator sen sen. rep rep. mr mr. mrs mrs. ms ms. dr dr. king
    queen prince princess pope chancellor sheikh sir dame judge justice prosecutor
    commissioner high head acting former ombudsman envoy special representative chairman
    chairwoman chair speaker leader adviser advisor aide officer councillor councilor
    minister's state u.n. un us u.s. uk eu nato refugees affairs rights human for of the and
    military regional provincial district police field marshal emir ayatollah imam""".split())
_BODY_WORDS = frozenset("""ministry office agency army forces force military police
    government council committee commission observatory media reports court services
    service department headquarters command group organisation organization nations union
    international watch cross crescent authority authorities officials sources command
    administration unhcr ocha who unicef unit brigade battalion guard guards front party
    movement news press agency network tv radio people residents witnesses others many
    some everyone analysts experts critics doctors medics rescuers locals activists
    survivors families relatives""".split())
_CAP = re.compile(r"^[A-Z][\w’'\-.]*$")


@dataclass(frozen=True)
class Claimant:
    name: str
    evidence: Evidence                  # the claimant's words in the article
    phrase: str = ""                    # the full phrase ("Oleh Synyehubov, governor of Kharkiv")

    @property
    def is_person(self) -> bool:
        return _looks_like_person(self.name)

    @property
    def is_individual(self) -> bool:
        """One human speaker, named or not ("an intelligence official"): who "he" can be."""
        if self.is_person:
            return True
        low = (self.phrase or self.name).lower()
        return low.startswith("one of") or bool(re.match(
            r"^(?:an?|the)\s+(?:[\w-]+\s+){0,4}?(?:official|spokes\w+|governor|mayor|minister|"
            r"commander|president|chief|head|director|ambassador|reporter|witness|resident|"
            r"doctor|officer|analyst|general|source|adviser|advisor|aide|diplomat|envoy|"
            r"man|woman|survivor|medic|nurse|teacher|farmer|soldier|fighter)\b", low))


def _looks_like_person(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 4 or not all(_CAP.match(w) for w in words):
        return False
    if name.isupper() or any(w.lower().strip("’'s") in _BODY_WORDS for w in words):
        return False
    return not any(w.lower() in _TITLES for w in words)


def prefer_name(phrase: str) -> tuple[str, int, int]:
    """The name inside a claimant phrase, with its span relative to the phrase.

    A person's name beats their title; a body keeps its words without a leading article.
    """
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", phrase)]
    candidates = []
    for s, e in parts:
        seg = phrase[s:e]
        lead = len(seg) - len(seg.lstrip())
        candidates.append((s + lead, s + len(seg.rstrip())))
    # A person's name: the last run of capitalised words that are not titles.
    for s, e in candidates:
        words = list(re.finditer(r"\S+", phrase[s:e]))
        run: list[re.Match[str]] = []
        best: list[re.Match[str]] = []
        for w in words:
            token = w.group().strip("“”\"()")
            if _CAP.match(token) and token.lower() not in _TITLES \
                    and token.lower().rstrip("’'s") not in _BODY_WORDS and not token.isupper():
                run.append(w)
            else:
                if len(run) >= 2:
                    best = run
                run = []
        if len(run) >= 2:
            best = run
        if best and best[-1] is words[-1] or (best and len(candidates) > 1):
            ns, ne = s + best[0].start(), s + best[-1].end()
            return phrase[ns:ne].rstrip(".,"), ns, ne
    s, e = candidates[0] if candidates else (0, len(phrase))
    text = phrase[s:e]
    m = re.match(r"^(?:one\s+of\s+)?(?:the|a|an)\s+", text, re.IGNORECASE)
    one_of = bool(m and m.group().lower().startswith("one"))
    if m:
        s += m.end()
        text = text[m.end():]
    loc = re.search(r"\s+(?:at|in|on|near)\s+the\s+(?:post|town|city|area|scene|village|region|"
                    r"site|border|crossing|hospital|camp|ground|country)$", text, re.IGNORECASE)
    if loc:
        text = text[:loc.start()]
    if one_of and text.endswith("s") and not text.endswith("ss"):
        text = text[:-1]                 # "one of the customs officials" -> "customs official"
    return text.rstrip(".,"), s, s + len(text.rstrip(".,"))


# A liveblog's time stamp opens the line ("09:40 The ministry says ..."): not the speaker.
_TIMESTAMP = re.compile(r"^\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:gmt|bst|utc|cet|eet|eest|"
                        r"[ecmp][sd]?t|local(?:\s+time)?)?\b\s*[-–—:|]?\s*", re.IGNORECASE)
_BODY_WORDS = (r"army|military|ministry|police|officials?|government|governor|agency|office|"
               r"command|forces|spokes\w+|council|authorit(?:y|ies)|observatory|monitor|"
               r"(?:red\s+)?cross|crescent|un|who|unicef|unhcr|ocha|iom|msf|mayor|president|"
               r"minister|staff|sources|medics|hospital|health\s+\w+")
# "Lebanese army: one soldier killed ..." — a body, then a colon and its words.
_LABEL = re.compile(rf"(?P<x>(?:[A-Z][\w’'\-.]*\s+)?(?:[\w’'\-.()]+\s+){{0,4}}?(?:{_BODY_WORDS})):\s+\S",
                    re.IGNORECASE)
# "The health ministry's cumulative toll: 3,050 ..." — the owner of a toll gives it.
_TOLL_OWNER = re.compile(rf"\b(?P<x>(?:the\s+)?(?:[\w’'\-]+\s+){{0,4}}?(?:{_BODY_WORDS}))(?:’s|'s)"
                         r"\s+(?:[\w\-]+\s+){0,2}(?:toll|tally|count|figures?|data|estimates?)\b",
                         re.IGNORECASE)


_OWNED_TOLL = re.compile(r"(?:’s|'s)\s+(?:[\w\-]+\s+){0,2}(?:toll|tally|count|figures?|data|estimates?)\b",
                         re.IGNORECASE)


def _clean_phrase(x: str) -> tuple[str, int]:
    """Strip trailing "there", "on Friday", "in a statement"... and leading connectives.

    Returns the cleaned phrase and how many characters were dropped from its left.
    """
    orig = x
    x = x.rstrip(" ,")
    while True:
        m = _TRAIL_WORDS.search(x)
        if not m:
            break
        x = x[:m.start()]
    drop = 0
    for lead_rx in (_TIMESTAMP, re.compile(r"^(?:and|but|as|while|after|when|that|so|yet|still|"
                                           r"meanwhile|however|now)\s*,?\s+", re.I)):
        m = lead_rx.match(x)
        if m and m.end():
            drop += m.end()
            x = x[m.end():]
    lead = len(x) - len(x.lstrip())
    return x.strip(), drop + lead + (len(orig) - len(orig.lstrip()) if False else 0)


def _subject_before(text: str, verb_start: int) -> Optional[tuple[int, int]]:
    """Span of the words before a reporting verb back to the clause boundary."""
    head = text[:verb_start]
    # "OVD-Info, which monitors arrests, said": the relative clause is not the speaker.
    rel = re.search(r",\s+(?:which|who|whose)\b[^,]*,\s*$", head)
    if rel:
        head = head[:rel.start()] + " " * (len(head) - rel.start())
    # Clause boundaries: quotes, semicolons, dashes, colon, and subordinating words.
    cut = 0
    for m in re.finditer(r"[“”\";—–]|(?<!\d):(?!\d)|\s-\s|,\s+and\s+|,\s+but\s+", head):
        cut = m.end()
    tokens = list(re.finditer(r"\S+", head[cut:]))
    start = cut
    for t in tokens:
        if _BOUNDARY_WORDS.match(t.group().strip(",")):
            start = cut + t.end()
    seg = head[start:]
    first = seg.strip()
    if first.endswith(","):
        # "Chaudhry, director general of ..., said": the name before the apposition.
        first_part = first.split(",")[0]
        if _INTRO.match(first_part) and first.count(",") >= 2:
            start = start + seg.index(",") + 1
            seg = head[start:]
    elif "," in first:
        # "In a statement, the group said": what follows the last comma is the speaker.
        start = start + seg.rindex(",") + 1
        seg = head[start:]
    if not seg.strip():
        return None
    lead = len(seg) - len(seg.lstrip())
    s, e = start + lead, len(head.rstrip())
    words = text[s:e].split()
    if len(words) > 14:
        # "Karim Khan issued a reminder that ... and Amnesty International accused": the
        # speaker is the last conjunct.
        m = list(re.finditer(r"\s+and\s+", text[s:e]))
        if m:
            s = s + m[-1].end()
            words = text[s:e].split()
    if not words or len(words) > 14:
        return None
    return s, e


def _valid(phrase: str) -> bool:
    if not phrase or len(phrase) < 2:
        return False
    words = phrase.split()
    if len(words) > 14:
        return False
    if re.search(r"\d", phrase) and not re.search(r"[A-Za-z]{3}", phrase):
        return False
    if re.search(r"(?<![\w-])\d", phrase):
        return False            # a count, not a speaker ("said 354 passengers were freed")
    low = phrase.lower()
    if low.split()[0] in ("there", "this", "that", "these", "those", "which", "what", "who",
                          "to", "of", "in", "on", "it's", "its"):
        return low in ("it",)
    if re.search(r"\b(?:has|have|had|is|are|was|were|will|would|can|could|did|does|do|"
                 r"kills?|killed|offered)\b", low):
        return False
    # A subject that ends in a verb is a clause, not a speaker ("troops have been killed").
    if re.search(r"\b(?:was|were|is|are|been|be|have|has|had|will|would|could)$", low):
        return False
    return True


def _resolve(phrase: str, history: list[Claimant]) -> Optional[Claimant]:
    """An earlier claimant that a pronoun or definite description stands for."""
    low = phrase.lower().strip()
    kind = _PRONOUNS.get(low)
    if kind in ("person", "body", "any"):
        for c in reversed(history):
            if kind == "any" or (kind == "person") == c.is_individual:
                return c
        return None
    m = _DEFINITE_BODY.match(low)
    if m:
        head = m.group("head").lower()
        for c in reversed(history[-6:]):
            if c.phrase.lower().rstrip("s").endswith(head.rstrip("s")) or \
                    c.name.lower().rstrip("s").endswith(head.rstrip("s")):
                return c
    if m and m.group("head").lower() in _GROUP_HEADS:
        return None
    return None


_GROUP_HEADS = frozenset({"group", "outfit", "organisation", "organization", "movement",
                          "militia", "insurgents", "militants", "rebels"})
_NOT_GROUPS = frozenset({"UN", "US", "UK", "EU", "NATO", "AFP", "AP", "BBC", "CNN", "VOA",
                         "IDP", "IDPs", "IED", "IEDs", "GMT", "UTC", "TV", "UAE", "USA", "U.S",
                         "OCHA", "UNHCR", "WHO", "ICRC", "MSF", "HRW", "ISW", "IAEA", "ECHR"})
_GROUP_NAME = re.compile(r"\b(?:[A-Z]{2,6}|[Aa]l-[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|Islamic State|Boko Haram|"
                         r"Hamas|Hezbollah|Taliban|Houthis?|Isis|ISIS|Isil|Wagner)\b")


def _named_group_before(ctx: Any, sentence: Any) -> Optional[tuple[Any, int, int]]:
    """The last armed group named in this or the three sentences before it."""
    for sent in [sentence] + list(reversed(ctx.sentences[max(0, sentence.index - 3):sentence.index])):
        hits = [m for m in _GROUP_NAME.finditer(sent.text) if m.group() not in _NOT_GROUPS]
        if hits:
            h = hits[-1]
            return sent, h.start(), h.end()
    return None


def _make(ctx: Any, sentence: Any, s: int, e: int, history: list[Claimant]) -> Optional[Claimant]:
    raw = sentence.text[s:e]
    phrase, drop = _clean_phrase(raw)
    if not _valid(phrase):
        return None
    ps = s + raw.find(phrase) if phrase in raw else s + drop
    resolved = _resolve(phrase, history)
    if resolved is not None:
        return Claimant(resolved.name, sentence.evidence(ps, ps + len(phrase)), resolved.phrase)
    m = _DEFINITE_BODY.match(phrase.lower())
    is_pronoun = phrase.lower() in ("it", "they")
    if (m and m.group("head").lower() in _GROUP_HEADS) or is_pronoun:
        named = _named_group_before(ctx, sentence)
        if named is not None:
            gs, a, b = named
            return Claimant(gs.text[a:b], sentence.evidence(ps, ps + len(phrase)), gs.text[a:b])
    if _PRONOUNS.get(phrase.lower(), "keep") != "keep":
        return None                      # a pronoun with no antecedent; bare "officials" is kept
    name, ns, ne = prefer_name(phrase)
    if not name:
        return None
    return Claimant(name, sentence.evidence(ps + ns, ps + ne), phrase)


def _from_parse(ctx: Any, sentence: Any, history: list[Claimant]) -> Optional[Claimant]:
    doc = sentence.doc
    if doc is None:
        return None
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in _REPORT_LEMMAS:
            continue
        if tok.text.lower() in _COUNT_VERBS and not _COUNT_OBJECT.match(
                sentence.text[tok.idx + len(tok.text):]):
            continue
        # A passive ("are believed to be") names no speaker.
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subj:
            continue
        sub = subj[0]
        # The subject without relative clauses and appositions' own clauses.
        left = sub.left_edge.idx
        right_tok = sub
        for c in sub.rights:
            if c.dep_ in ("relcl", "acl", "punct") and c.idx > sub.idx:
                break
            right_tok = c.right_edge
        right = right_tok.idx + len(right_tok.text)
        found = _make(ctx, sentence, left, right, history)
        if found is not None:
            return found
    return None


_VERBISH = re.compile(r"\b(?:[a-z]+ed|began|went|came|fell|rose|took|left|made|was|were|is|are|"
                      r"has|have|had|will|would|could|did|broke|ran|hit|shot|struck|fled)\b")


def _has_verb(phrase: str) -> bool:
    return bool(_VERBISH.search(phrase))


def _from_regex(ctx: Any, sentence: Any, history: list[Claimant]) -> Optional[Claimant]:
    text = sentence.text
    stamp = _TIMESTAMP.match(text)
    at = stamp.end() if stamp else 0
    for rx in (_LABEL, _TOLL_OWNER):
        if rx is _TOLL_OWNER and not _OWNED_TOLL.search(text):
            continue            # the costly owner search only where a toll is owned at all
        if rx is _LABEL and ":" not in text[at:at + 80]:
            continue
        m = rx.match(text, at) if rx is _LABEL else rx.search(text, at)
        if m:
            found = _make(ctx, sentence, m.start("x"), m.end("x"), history)
            if found is not None:
                return found
    m = _ACCORDING.search(text)
    if m:
        x = m.group("x")
        x = re.sub(r"^(?:an?|the)\s+(?:(?:latest|recent|new|initial|preliminary|official)\s+)*"
                   r"(?:status\s+)?(?:update|report|statement|estimate|figures|data|count|tally|"
                   r"assessment|post)s?\s+(?:of|from|by)\s+", "", x, flags=re.IGNORECASE)
        s = m.start("x") + m.group("x").find(x)
        found = _make(ctx, sentence, s, s + len(x), history)
        if found is not None:
            return found
    for pattern in (_TRAILING, _INVERTED):
        m = pattern.search(text)
        if m and pattern is _INVERTED and _has_verb(m.group("x")):
            m = None                 # ", said the attack began at dawn": a reported clause
        if m:
            found = _make(ctx, sentence, m.start("x"), m.end("x"), history)
            if found is not None:
                return found
    for m in _VERB_RE.finditer(text):
        verb = m.group("verb").lower()
        if verb == "according":
            continue
        if verb in _COUNT_VERBS and not _COUNT_OBJECT.match(text[m.end():]):
            continue
        if verb in ("believed", "believes", "reported", "report", "estimated", "recorded") and \
                re.search(r"\b(?:is|are|was|were|been|be|an?|the)\s+$", text[:m.start("verb")]):
            continue            # "are believed to", "an estimated 3 million" carry no speaker
        if verb in ("believed", "estimated", "reported", "said", "claimed") and \
                re.match(r"\s+to\s", text[m.end():]) and text[:m.start("verb")].rstrip().endswith(","):
            continue            # ", believed to be a veteran fighter": a reduced passive
        if re.match(r"\s+(?:some\s+|about\s+|around\s+)?\d", text[m.end():]) and verb in (
                "estimated", "recorded", "reported", "counted", "registered", "documented"):
            if _subject_before(text, m.start()) is None:
                continue
        span = _subject_before(text, m.start())
        if span is None:
            continue
        found = _make(ctx, sentence, span[0], span[1], history)
        if found is not None:
            return found
    return None


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech in the article: “...” pairs, and straight quotes toggling.

    A paragraph that opens a quote and does not close it continues into the next one that
    opens with a quote mark (the newspaper convention).
    """
    regions: list[tuple[int, int]] = []
    open_at: Optional[int] = None
    for m in re.finditer(r"[“”\"]", text):
        ch = m.group()
        if ch == "“" or (ch == '"' and open_at is None):
            if open_at is None:
                open_at = m.start()
        else:
            if open_at is not None:
                regions.append((open_at, m.end()))
                open_at = None
    if open_at is not None:
        regions.append((open_at, len(text)))
    return regions


def _attribution_of_quote(ctx: Any, region: tuple[int, int], history: list[Claimant],
                          by_index: dict[int, Optional[Claimant]]) -> Optional[Claimant]:
    """The speaker of a quote: the sentence where it closes or where it opens."""
    qs, qe = region
    closing = ctx.sentence_at(qe - 1, closing=True)
    opening = ctx.sentence_at(qs, closing=True)
    for s in (closing, opening):
        if s is None:
            continue
        if s.index in by_index and by_index[s.index] is not None:
            return by_index[s.index]
        c = _direct(ctx, s, history)
        if c is not None:
            return c
    return None


def _direct(ctx: Any, sentence: Any, history: list[Claimant]) -> Optional[Claimant]:
    return _from_regex(ctx, sentence, history) or _from_parse(ctx, sentence, history)


def _all_claimants(ctx: Any) -> dict[int, Optional[Claimant]]:
    cache = ctx.extra.get("claimants")
    if cache is not None:
        return cache
    by_index: dict[int, Optional[Claimant]] = {}
    history: list[Claimant] = []
    regions = _quote_regions(ctx.text)
    last_quote: Optional[tuple[int, Claimant]] = None
    for sent in ctx.sentences:
        c = _direct(ctx, sent, history)
        inside = next((r for r in regions if r[0] <= sent.start + 1 and r[1] > sent.start + 1),
                      None)
        if c is None and inside is not None:
            c = _attribution_of_quote(ctx, inside, history, by_index)
            # Quotes strung one after another without a new attribution keep the last speaker.
            if c is None and last_quote is not None and sent.index - last_quote[0] <= 3:
                c = last_quote[1]
        by_index[sent.index] = c
        if c is not None:
            history.append(c)
            if inside is not None or any(sent.start <= r[1] <= sent.end for r in regions):
                last_quote = (sent.index, c)
    ctx.extra["claimants"] = by_index
    return by_index


def find_claimant(ctx: Any, sentence: Any) -> Optional[Claimant]:
    """Who the sentence says is speaking, or None when the article speaks in its own voice."""
    return _all_claimants(ctx).get(sentence.index)
