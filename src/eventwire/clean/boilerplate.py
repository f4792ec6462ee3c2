"""Cut site noise from article text, keeping every news paragraph (CODEBOOK.md s.1, s.4).

Scraped text arrives in two shapes and both are handled:

* **paragraphs** (one per line): navigation, share bars, appeals, captions and credits sit
  in paragraphs of their own, so whole paragraphs are judged;
* **blobs** (a page flattened into one line): the same noise is glued between sentences
  ("…tragedy’Read more  Almost exactly…", "…in Kyiv. Photograph: Emilio Morenatti/AP Konrad…"),
  so spans are cut inside the paragraph.

Rules are deliberately specific: a missed share button costs little, a lost news sentence
costs an event. Every cut is recorded with its kind so callers can explain and measure it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
_UPPER = r"A-ZÀ-ÖØ-ÞĀ-Ž"
_NAME = rf"[{_UPPER}][\w.’'\-]*"
_QUOTES_OPEN = "“‘\""
_SENT_END = re.compile(r"(?<=[.!?…])[’”\"']?\s+(?=[“\"‘'(\[]?[A-Z0-9À-Þ])")


@dataclass(frozen=True)
class Cut:
    kind: str            # nav | share | subscribe | appeal | cookie | advert | related | social |
    text: str            # credit | caption | byline | video | map | copyright | title


@dataclass
class Cleaned:
    text: str
    cuts: list[Cut] = field(default_factory=list)
    title: str | None = None

    @property
    def boilerplate_removed(self) -> bool:
        return any(c.kind != "title" for c in self.cuts)


# -- whole-paragraph rules (only for short paragraphs: a long one is never pure chrome) -------
_SHARE_WORDS = (r"share(?: this(?: article| story| page)?)?(?: on (?:facebook|twitter|x|whatsapp|"
                r"linkedin|reddit|email|messenger))?|tweet|email|e-mail|print|copy link|"
                r"link copied|whatsapp|facebook|twitter|linkedin|reddit|pinterest|messenger|"
                r"telegram|flipboard|comments?|save|gift (?:this )?article")
_BLOCK_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((k, re.compile(p, re.I)) for k, p in (
    ("nav", r"^(?:skip to (?:main )?(?:content|navigation|footer|search)\b.*|menu|search|home|"
            r"sections?|navigation|close|back to top|top of page|open menu|main menu|"
            r"toggle navigation|accessibility help|jump to)$"),
    ("share", rf"^(?:(?:{_SHARE_WORDS})[\s|•·,/]*)+$"),
    ("subscribe", r"\b(?:sign up|subscribe|newsletter|get (?:our|the) .{0,30}(?:in your inbox|"
                  r"delivered)|in your inbox)\b"),
    ("cookie", r"\bcookies?\b.{0,80}\b(?:use|accept|consent|settings|policy|preferences|agree)\b|"
               r"\b(?:accept|reject|manage) (?:all )?cookies\b|^privacy (?:policy|settings)$"),
    ("advert", r"^(?:advertisement|advertising|sponsored(?: content)?|ad|paid content|"
               r"story continues below(?: advertisement)?|continue reading(?: the main story| below)?|"
               r"article continues (?:below|after advertisement))$"),
    ("related", r"^(?:read more|related(?: articles| stories| coverage| content| topics)?|"
                r"more on this (?:story|topic)|most (?:read|viewed|popular)|recommended(?: for you)?|"
                r"you may also like|see also|further reading|more from [\w ]{2,30}|"
                r"explore more on these topics|topics|read next|what to read next)\b.{0,200}$|"
                r"read more\W*$|^read (?:more|next|also)\s*:"),
    ("social", r"^(?:follow (?:us|our coverage|[\w@ ]{2,30} on)|join us on|like us on|"
               r"find us on)\b|\bjoin us on telegram\b"),
    ("credit", r"^(?:photograph|photo|photos|image|picture|video|illustration|credit|graphic|"
               r"composite)s?\s*:\s*\S"),
    ("copyright", r"^(?:©|copyright\b|\(c\) \d{4}|all rights reserved)"),
    ("byline", rf"^(?:by|words by)\s+{_NAME}(?:\s+{_NAME}){{0,3}}(?:(?:,| and| &)\s+"
               rf"{_NAME}(?:\s+{_NAME}){{0,3}})*(?:,?\s+(?:in|for) {_NAME}(?:\s+{_NAME})*)?\.?$|"
               r"^(?:reporting|writing|editing|additional reporting|compiled) by\b|"
               r"^(?:published|updated|last (?:updated|modified))(?: on)?\b.{0,60}$|"
               r"^\d+\s*min(?:ute)?s? read$"),
    ("video", r"^\d{1,2}:\d{2}\s*\S.{0,200}[–-]\s*video$"),
))
_NAV_SEPARATED = re.compile(r"^(?:[^|•·›»\n]{1,25}\s*[|•·›»]\s*){2,}[^|•·›»\n]{1,25}$")
_CAPTION_DATED = re.compile(
    rf"^[^“”\"]{{15,280}}(?:,? on (?:\w+day,? )?{MONTHS} \d{{1,2}},? \d{{4}},? in {_NAME}[^.]{{0,60}}"
    rf"|,? in {_NAME}[^.]{{0,60}},? on (?:\w+day,? )?{MONTHS} \d{{1,2}},? \d{{4}})\.$")
_CAPTION_CREDITED = re.compile(r"\([^()]{0,60}\b(?:photo|photograph|image|picture)s?\b"
                               r"[^()]{0,80}\)\s*$|\b(?:Photograph|Photo|Image):\s*\S[^.]{0,80}$",
                               re.I)
_CAPTION_LEAD = re.compile(r"^(?:A |The )?(?:map|graphic|chart|satellite image|video still|"
                           r"file photo|photo)s? (?:showing|shows|of)\b", re.I)
_PAST_REPORTING = re.compile(r"\b(?:said|says|told|added|reported|according to)\b")
_MAX_CHROME = 260
_APPEAL_MAX_SENTENCES = 4

# -- appeals (donation, membership, newsletter) — judged on text outside quotation marks ------
_APPEAL_CUES = re.compile(
    r"\bdonat(?:e|es|ed|ion|ions|ing)\b|\byour support\b|\bsupport (?:our|independent|quality|"
    r"reader[- ]funded|this) (?:journalism|reporting|work|newsroom|mission)\b|"
    r"\bbecome an? (?:member|subscriber|supporter|patron|donor)\b|\bsubscri(?:be|ption|bers?)\b|"
    r"\bsign up\b|\bnewsletters?\b|\bmake an? (?:contribution|gift|donation|pledge)\b|"
    r"\bcontribut(?:e|ion) (?:today|now|monthly|what you can)\b|\bhelp us\b|\bneed your help\b|"
    r"\bkeep (?:our journalism|us|our journalists|this work)\b|\bour (?:journalists|journalism|"
    r"reporters|reporting|newsroom|readers|mission|work|traffic)\b|\breader[- ](?:supported|"
    r"funded)\b|\byou(?:’|')re reading this\b|\bpaywall\b|\bad-free\b|\bfree for everyone\b|"
    r"\bsupport us\b|\b(?:from|for) (?:just|as little as|only) [$£€]\d|"
    r"\bindependent (?:news|journalism|media)\b|\bplease (?:do what you can|give|consider|support)\b",
    re.I)
_SECOND_PERSON = re.compile(r"\b(?:you|your|you(?:’|')re)\b", re.I)
_FIRST_PLURAL = re.compile(r"\b(?:we|our|us|we(?:’|')re)\b", re.I)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]{0,400}’(?!\w)")

# -- spans inside a paragraph (noise glued between sentences) --------------------------------
_AGENCY = (r"(?:Reuters|AP|AFP|EPA|PA|Getty Images|Getty|Alamy|Shutterstock|Anadolu Agency|"
           r"Rex|Xinhua|TASS|Sipa|Bloomberg|NurPhoto|SOPA Images|ZUMA Wire|Zuma|Pool|Handout|"
           r"The Guardian|Guardian|UPI|Ukrinform|Ria Novosti|Sputnik|AP Photo)")
_AFTER_SLASH = (rf"(?:The )?[{_UPPER}][\w.’'\-]*(?: (?:Images|Agency|Press|Guardian|News|Pool|"
                rf"Photos?|Times|Post|Media|Wire|Shutterstock|Service))?")
_CREDIT = re.compile(
    rf"\b(?:Photograph|Photo|Photos|Image|Picture|Composite|Illustration)s?:\s*"
    rf"(?:{_AGENCY}|{_NAME}(?: {_NAME}){{0,3}}(?=/))(?:/{_AFTER_SLASH})*(?:\s+via\s+{_AGENCY})?")
# No word boundary before "Read": flattened pages glue it to the headline ("stationsRead more").
_READ_MORE = re.compile(r"\s*Read more\b(?:\s*:)?")
_VIDEO_LABEL = re.compile(r"\b\d{1,2}:\d{2}(?=[‘'“\"A-Z])[^\n]{3,220}?\s[–-]\s?video\b")
_SKIP_NAV = re.compile(r"\bSkip to (?:main )?(?:content|navigation|footer|search)\b", re.I)
_MAP_LABEL = re.compile(rf"(?:(?<=[.!?”’\"]\s)|(?<=[.!?”’\"]\s\s)|^){_NAME}(?: [\w’'\-]+){{0,2}} map"
                        rf"(?=\s+[{_UPPER}])")
_GLUED_START = re.compile(r"(?<=[a-z0-9’”)])\s+(?=(?:The|A|An|In|On|At|As|But|After|Meanwhile|"
                          r"Earlier|Later|Ukraine’s|Russia’s|Ukrainian|Russian)\s)")
_ADVERT_ISLAND = re.compile(r"(?:(?<=[.!?”’\"]\s)|^)(?:Advertisement|ADVERTISEMENT)(?=\s+[\w“\"‘])")
_SOCIAL_SPAN = re.compile(r"\bJOIN US ON TELEGRAM!?(?:\s*Follow our coverage[^.]*\.)?|"
                          r"\bFollow (?:us|our coverage of [^.]{0,60}) on (?:Twitter|Telegram|"
                          r"Facebook|Instagram|X)[^.]{0,60}\.", re.I)
_GLUED_BYLINE = re.compile(
    rf"^(?:By\s+)?{_NAME} {_NAME}(?: in {_NAME})?(?:,? and {_NAME} {_NAME}(?: in {_NAME})?)?\s+"
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w* \d{1,2} \w{3,9} \d{4} \d{1,2}[.:]\d{2}\s*(?:GMT|BST|CET|"
    r"CEST|EST|EDT|UTC)?(?:\s*Last modified on .{10,60}?(?:GMT|BST|UTC|EST|EDT))?\s*"
    rf"|^By {_NAME}(?: {_NAME}){{1,2}}(?:,? and {_NAME}(?: {_NAME}){{1,2}})?\s+(?=[A-Z]{{3,}}\b)")


def clean_text(text: str, title: str | None = None) -> Cleaned:
    """Cleaned body of ``text`` with the list of cuts.

    ``title`` is the known headline: a first paragraph repeating it is lifted out as the
    title rather than kept as body. With no title known, a first line that reads as a
    headline becomes the title.
    """
    paragraphs = [p.strip() for p in re.split(r"\s*\n\s*", text.replace("\r", "\n")) if p.strip()]
    cuts: list[Cut] = []
    found_title = _lift_title(paragraphs, title, cuts)
    kept = _drop_block_noise(paragraphs, cuts)
    kept = _drop_appeals(kept, cuts)
    kept = [p for p in (_cut_spans(p, cuts) for p in kept) if p]
    body = "\n\n".join(re.sub(r"[ \t\u00a0]{2,}", " ", p) for p in kept)
    return Cleaned(text=body, cuts=cuts, title=found_title)


def _lift_title(paragraphs: list[str], title: str | None, cuts: list[Cut]) -> str | None:
    if not paragraphs:
        return title
    first = paragraphs[0]
    if _SKIP_NAV.match(first) and _BLOCK_RULES[0][1].match(first) and len(paragraphs) > 1:
        first = paragraphs[1]
        index = 1
    else:
        index = 0
    same = title is not None and _norm(first) == _norm(title)
    if same or (title is None and _looks_like_headline(first) and len(paragraphs) > index + 1):
        cuts.append(Cut("title", first))
        del paragraphs[index]
        return title or first
    return title


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    if not 3 <= len(words) <= 20 or len(line) > 160 or line[-1] in ".,;:!\"”’":
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised / len(words) >= 0.6


def _drop_block_noise(paragraphs: list[str], cuts: list[Cut]) -> list[str]:
    kept = []
    for p in paragraphs:
        kind = block_kind(p)
        if kind:
            cuts.append(Cut(kind, p))
        else:
            kept.append(p)
    return kept


def block_kind(paragraph: str) -> str | None:
    """The kind of chrome a whole paragraph is, or None for a paragraph to keep."""
    p = paragraph.strip()
    if len(p) > _MAX_CHROME:
        return None
    for kind, rule in _BLOCK_RULES:
        if kind == "subscribe":
            if rule.search(p) and (_SECOND_PERSON.search(_unquoted(p)) or len(p.split()) <= 8):
                return kind
        elif rule.search(p):
            return kind
    if _NAV_SEPARATED.match(p):
        return "nav"
    if _is_caption(p):
        return "caption"
    return None


def _is_caption(p: str) -> bool:
    if len(_SENT_END.split(p)) > 1 and not _CAPTION_CREDITED.search(p):
        return False
    if _CAPTION_CREDITED.search(p) or _CAPTION_LEAD.match(p):
        return True
    return bool(_CAPTION_DATED.match(p)) and not _PAST_REPORTING.search(p)


def appeal_score(text: str) -> int:
    """How strongly ``text`` (quotations removed) reads as the outlet asking readers for something."""
    bare = _unquoted(text)
    cues = {m.group(0).lower() for m in _APPEAL_CUES.finditer(bare)}
    score = len(cues)
    if cues and _SECOND_PERSON.search(bare) and _FIRST_PLURAL.search(bare):
        score += 1
    return score


def _addresses_reader(text: str) -> bool:
    bare = _unquoted(text)
    return bool(_FIRST_PLURAL.search(bare) and (_SECOND_PERSON.search(bare) or _APPEAL_CUES.search(bare)))


def _drop_appeals(paragraphs: list[str], cuts: list[Cut]) -> list[str]:
    """Appeals come in runs (usually at the tail): a paragraph next to a clear appeal that
    also speaks to the reader in the outlet's voice belongs to the run."""
    # A long paragraph is judged sentence by sentence later (a flattened page holds news and
    # appeal in one line); only short paragraphs are dropped whole.
    flags = [_mostly_appeal(p) and appeal_score(p) >= 2 for p in paragraphs]
    changed = True
    while changed:
        changed = False
        for i, p in enumerate(paragraphs):
            if flags[i]:
                continue
            near = (i > 0 and flags[i - 1]) or (i + 1 < len(flags) and flags[i + 1])
            if near and _mostly_appeal(p) and _addresses_reader(p):
                flags[i] = changed = True
    kept = []
    for p, is_appeal in zip(paragraphs, flags):
        if is_appeal:
            cuts.append(Cut("appeal", p))
        else:
            kept.append(p)
    return kept


def _mostly_appeal(p: str) -> bool:
    """A paragraph goes whole only when it is short and at least half its sentences speak in
    the appeal's voice; news with one appeal sentence glued in loses just that sentence."""
    sentences = _SENT_END.split(p)
    if len(sentences) > _APPEAL_MAX_SENTENCES:
        return False
    voiced = sum(1 for s in sentences if appeal_score(s) >= 1 or _addresses_reader(s))
    return voiced * 2 >= len(sentences)


def _cut_spans(p: str, cuts: list[Cut]) -> str:
    for kind, cutter in (("nav", _cut_regex(_SKIP_NAV)), ("byline", _cut_regex(_GLUED_BYLINE)),
                         ("video", _cut_regex(_VIDEO_LABEL)), ("credit", _cut_credits),
                         ("related", _cut_read_more), ("map", _cut_maps),
                         ("advert", _cut_regex(_ADVERT_ISLAND)), ("social", _cut_regex(_SOCIAL_SPAN)),
                         ("appeal", _cut_appeal_sentences)):
        p, removed = cutter(p)
        cuts.extend(Cut(kind, r) for r in removed if r.strip())
    return p.strip()


def _cut_regex(pattern: re.Pattern[str]):
    def cut(p: str) -> tuple[str, list[str]]:
        removed = [m.group(0) for m in pattern.finditer(p)]
        return (pattern.sub(" ", p), removed) if removed else (p, [])
    return cut


def _cut_credits(p: str) -> tuple[str, list[str]]:
    """"<caption>. Photograph: Name/Agency" — the credit and the caption sentence before it."""
    removed: list[str] = []
    while (m := _CREDIT.search(p)) is not None:
        start = _caption_start(p, m.start())
        removed.append(p[start:m.end()])
        p = p[:start].rstrip() + " " + p[m.end():].lstrip()
    return p, removed


def _caption_start(p: str, credit_start: int) -> int:
    head = p[:credit_start].rstrip()
    if head.endswith((".", "!", "?")):
        head = head[:-1]
    boundaries = [m.end() for m in _SENT_END.finditer(head)]
    start = boundaries[-1] if boundaries else 0
    return start if credit_start - start <= 300 else credit_start


def _cut_read_more(p: str) -> tuple[str, list[str]]:
    """"<related headline>Read more" glued into the text: both go."""
    removed: list[str] = []
    while (m := _READ_MORE.search(p)) is not None:
        start = _headline_start(p, m.start())
        removed.append(p[start:m.end()])
        p = (p[:start].rstrip() + " " + p[m.end():].lstrip()).strip()
    return p, removed


def _headline_start(p: str, end: int) -> int:
    """Start of the headline that ends at ``end``: the last sentence boundary before it, moved
    back while that leaves an unopened closing quote, and over a "Topic: " lead-in."""
    head = p[:end]
    boundaries = [0] + [m.end() for m in _SENT_END.finditer(head)]
    i = len(boundaries) - 1
    while i > 0 and _unbalanced_close(head[boundaries[i]:]):
        i -= 1
    start = boundaries[i]
    prev = head[boundaries[i - 1]:start] if i > 0 else ""
    if i > 0 and re.fullmatch(r"[^.!?]{2,80}:\s*[‘“'\"]?[^.!?]*[.!?]?\s*", prev):
        start = boundaries[i - 1]
    return start if end - start <= 220 else end


def _unbalanced_close(segment: str) -> bool:
    return (segment.count("’") - segment.count("‘") > _apostrophes(segment)
            or segment.count("”") > segment.count("“"))


def _apostrophes(segment: str) -> int:
    return len(re.findall(r"\w’\w", segment)) + len(re.findall(r"s’(?=\s)", segment))


def _cut_maps(p: str) -> tuple[str, list[str]]:
    removed = [m.group(0) for m in _MAP_LABEL.finditer(p)]
    p = _MAP_LABEL.sub("", p)
    out: list[str] = []
    for sentence_start in [0] + [m.end() for m in _SENT_END.finditer(p)]:
        if _CAPTION_LEAD.match(p[sentence_start:]):
            glued = _GLUED_START.search(p, sentence_start, sentence_start + 240)
            if glued:
                out.append(p[sentence_start:glued.start()])
    for caption in out:
        p = p.replace(caption, " ", 1)
    return p, removed + out


def _cut_appeal_sentences(p: str) -> tuple[str, list[str]]:
    sentences = _SENT_END.split(p)
    if len(sentences) < 2:
        return p, []
    flags = [appeal_score(s) >= 2 for s in sentences]
    for i, s in enumerate(sentences):
        if not flags[i] and ((i and flags[i - 1]) or (i + 1 < len(flags) and flags[i + 1])):
            flags[i] = appeal_score(s) >= 1 and _addresses_reader(s)
    if not any(flags):
        return p, []
    removed = [s for s, f in zip(sentences, flags) if f]
    return " ".join(s for s, f in zip(sentences, flags) if not f), removed


def _unquoted(text: str) -> str:
    return _QUOTED.sub(" ", text)


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()
