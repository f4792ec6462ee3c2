"""Article quality flags (CODEBOOK s.4): inconsistent_entity, self_interaction, rewritten_copy.

``intrinsic_flags`` reads one article alone (the extractor calls it): conflicting spellings of
one person ("Mykhailo Polyak" ... "Podolyak"), a person acting on themself ("Zelenskyy met
Zelenskyy"), and the marks article spinners leave (a content word repeated within a few words,
"the diplomatic push for a diplomatic solution"; "said" swapped for "stated"). Two marks of
spinning, or one with an entity conflict, make ``rewritten_copy``.

``find_rewritten_source`` compares an article with the others in the store through MiniLM
sentence embeddings: a paraphrase keeps each sentence's meaning while changing its words, so
most of its sentences have a near-identical-meaning sentence in the source; an article on the
same topic shares the topic's words but not sentence-level meaning.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable, Optional, Sequence

import numpy as np
from rapidfuzz.distance import Levenshtein
from rapidfuzz import fuzz

from ..evaluate.normalize import fold, translit_key
from ..records import Article, Event
from ..store import Store

# -- people named in conflicting ways ----------------------------------------------------------
_NAME_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]+")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "president", "minister", "gen", "general",
                         "sir", "lord", "lady", "prime", "foreign", "senator", "rep"})


@lru_cache(maxsize=1)
def _nlp():
    from ..extract.pipeline import get_nlp
    return get_nlp()


def _name_parts(name: str) -> list[str]:
    toks = [t.strip("'’-") for t in _NAME_TOKEN.findall(name)]
    toks = [t for t in toks if t and t.lower() not in _HONORIFICS and not t.lower().endswith("'s")]
    if toks and toks[-1].lower() in ("s",):
        toks = toks[:-1]
    return toks


def _surname_key(name: str) -> Optional[str]:
    parts = _name_parts(name)
    if not parts or not parts[-1][:1].isupper():
        return None
    return translit_key(fold(parts[-1]))


def _is_place(name: str) -> bool:
    """Countries and well-known places the small NER model tags as people."""
    try:
        from ..extract.countries import country_code
        return bool(country_code(name))
    except Exception:
        return False


@dataclass(frozen=True)
class NameConflict:
    a: str
    b: str


def name_conflicts(names: Iterable[str]) -> list[NameConflict]:
    """Pairs of person names that look like one person spelled two incompatible ways.

    Transliteration variants (Zelensky / Zelenskyy / Zelenskiy) share a key and are fine; two
    different people with similar surnames have different first names and are left alone."""
    people: dict[str, set[str]] = {}          # surname key -> first names seen ('' when none)
    shown: dict[str, str] = {}
    for n in names:
        if _is_place(n):
            continue
        parts = _name_parts(n)
        key = _surname_key(n)
        if not key or len(key) < 4:
            continue
        first = translit_key(fold(parts[0])) if len(parts) > 1 else ""
        people.setdefault(key, set()).add(first)
        shown.setdefault(key, " ".join(parts))
    out = []
    keys = sorted(people)
    for i, k1 in enumerate(keys):
        for k2 in keys[i + 1:]:
            if Levenshtein.distance(k1, k2) < 2 or fuzz.ratio(k1, k2) < 80:
                continue
            if k1 in k2 or k2 in k1:
                continue      # "Kovalenko" / "Kovalenkova": a family, not a misspelling
            f1, f2 = people[k1] - {""}, people[k2] - {""}
            if f1 and f2 and not (f1 & f2):
                continue      # two full names with different first names: two people
            out.append(NameConflict(shown[k1], shown[k2]))
    return out


# -- self interaction --------------------------------------------------------------------------
_INTERACT_VERBS = frozenset({"meet", "met", "speak", "spoke", "talk", "call", "phone", "thank",
                             "host", "visit", "greet", "welcome", "accuse", "blame", "urge",
                             "invite", "join", "sign", "tell", "told", "ask", "congratulate",
                             "hug", "embrace", "criticise", "criticize", "praise", "replace"})


def _same_person(a: str, b: str) -> bool:
    ka, kb = _surname_key(a), _surname_key(b)
    return bool(ka and ka == kb)


def _head_name(tok) -> str:
    """The proper name a token heads: "Mykhailo Polyak" from its compound children."""
    parts = [c for c in tok.lefts if c.dep_ == "compound" and c.text[:1].isupper()] + [tok]
    return " ".join(t.text for t in parts)


def self_interactions_in_text(doc) -> list[str]:
    """Sentences where one named person is both subject and object of an interaction verb
    ("Zelenskyy met Zelenskyy", "Putin spoke with Putin"); reflexives are not names."""
    hits = []
    for sent in doc.sents:
        for v in sent:
            if v.pos_ != "VERB" or v.lemma_.lower() not in _INTERACT_VERBS:
                continue
            subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
            objects = [c for c in v.children if c.dep_ in ("dobj", "dative")]
            objects += [g for c in v.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
                        for g in c.children if g.dep_ == "pobj"]
            for sj in subjects:
                for ob in objects:
                    if sj.text[:1].isupper() and ob.text[:1].isupper() \
                            and sj.pos_ in ("PROPN", "NOUN") and ob.pos_ in ("PROPN", "NOUN") \
                            and _same_person(_head_name(sj), _head_name(ob)):
                        hits.append(sent.text.strip())
    return hits


def _rough_sentences(text: str) -> list[str]:
    return [x for x in re.split(r"(?<=[.!?”\"])\s+|\n+", text) if x.strip()]


def _may_self_interact(sentence: str) -> bool:
    caps = re.findall(r"\b[A-Z][a-z’'\-]{2,}\b", sentence)
    if len(caps) == len(set(caps)):
        return False
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", sentence)}
    return any(w in words or w + "s" in words or w + "ed" in words for w in _INTERACT_VERBS)


def self_interactions_in_events(events: Sequence[Event], persons: set[str]) -> list[str]:
    """Events whose actor1 and actor2 are the same named person."""
    out = []
    keys = {_surname_key(p) for p in persons} - {None}
    for e in events:
        a1, a2 = e.actor1, e.actor2
        if not (a1 and a2 and a1.name and a2.name):
            continue
        if _same_person(a1.name, a2.name) and _surname_key(a1.name) in keys:
            out.append(e.evidence.text)
    return out


# -- marks of spinning ---------------------------------------------------------------------------
_WORD = re.compile(r"[A-Za-z]+")
_FUNCTION = frozenset("""about above after again against also although among another because
before being below between both could does doing during each either every from further have
having here into itself more most much must other ought over same should some such than that
their theirs them themselves then there these they this those through under until very what
when where which while whom with would your said says told state states stated""".split())


def near_repeats(text: str, window: int = 4) -> list[str]:
    """A content word said twice within a few words ("the diplomatic push for a diplomatic
    solution"): spinners swap a word's synonym in next to where it already stands."""
    hits = []
    # Quotes repeat words for effect ("weapons, weapons and weapons"); only narration counts.
    text = re.sub(r"[“\"][^”\"]{0,400}[”\"]", " ", text)
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        words = [w.lower() for w in _WORD.findall(sentence)]
        for i, w in enumerate(words):
            if len(w) < 6 or w in _FUNCTION:
                continue
            for j in range(i + 2, min(len(words), i + window + 2)):
                if words[j] == w and sentence.count(w[0].upper() + w[1:]) < 2:
                    hits.append(" ".join(words[i:j + 1]))
                    break
    return hits


def said_swapped(text: str) -> bool:
    """News writes "said"; spinners rewrite it as "stated" over and over."""
    stated = len(re.findall(r"\bstated\b", text))
    said = len(re.findall(r"\bsaid\b", text))
    return stated >= 3 and 2 * stated >= said


@dataclass
class QualityReport:
    flags: list[str]
    name_conflicts: list[NameConflict]
    self_interactions: list[str]
    near_repeats: list[str]
    said_swapped: bool


_ROLE_BEFORE = re.compile(
    r"(?:aide|adviser|advisor|minister|president|spokes(?:man|woman|person)|governor|mayor|"
    r"correspondent|official|chief|commander|leader|envoy|secretary|ombudsman|general|"
    r"ambassador|reporter|head|director|lawmaker|senator|prosecutor)\s+$", re.I)
_SPEECH_AFTER = re.compile(r"^\s+(?:said|says|stated|states|told|added|announced|wrote|"
                           r"didn[’']t|did not|has|had)\b")


def person_names(doc) -> list[str]:
    """PERSON entities, plus proper names the small model mislabels (ORG/GPE) that stand where
    people stand: after a role ("senior aide Mykhailo Polyak") or before a speech verb."""
    names = []
    text = doc.text
    for e in doc.ents:
        if e.label_ == "PERSON":
            names.append(e.text)
        elif e.label_ in ("ORG", "GPE", "NORP", "LOC") and all(t.pos_ == "PROPN" for t in e):
            before = text[max(0, e.start_char - 40):e.start_char]
            after = text[e.end_char:e.end_char + 20]
            if _ROLE_BEFORE.search(before) or _SPEECH_AFTER.match(after):
                names.append(e.text)
    # Names the model did not see as entities at all, in the same people's positions.
    for m in _NAME_BEFORE_SPEECH.finditer(text):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None and all(t.pos_ == "PROPN" for t in span):
            names.append(span.text)
    return names


_NAME_BEFORE_SPEECH = re.compile(
    r"\b([A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+)?)(?= (?:said|stated|told|didn[’']t say)\b)")


_NAME_AFTER_ROLE = re.compile(
    r"(?:aide|adviser|advisor|minister|president|spokes(?:man|woman|person)|governor|mayor|"
    r"official|chief|commander|leader|envoy|secretary|ombudsman|general|ambassador|"
    r"prosecutor)\s+([A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+)?)")


def _regex_person_names(text: str) -> list[str]:
    """People named where people stand (after a role, before a speech verb): the cheap
    stand-in for NER over sentences the extractor did not parse."""
    return [m.group(1) for rx in (_NAME_AFTER_ROLE, _NAME_BEFORE_SPEECH) for m in rx.finditer(text)]


def assess(article: Article, events: Sequence[Event] = (), docs: Optional[Sequence] = None) -> QualityReport:
    """Everything one article alone tells about its quality, with the findings behind flags.

    ``docs``: spaCy docs the extractor already made for some sentences. With them no new
    whole-article NER pass is run (it would cost as much as the extraction itself); people
    in the other sentences are found by their position (after a role, before "said")."""
    text = article.text[:100_000]
    nlp = _nlp()
    if docs is None:
        # Tag and find entities everywhere; the parser is not needed for names.
        light = [p for p in ("tok2vec", "tagger", "attribute_ruler", "ner") if p in nlp.pipe_names]
        with nlp.select_pipes(enable=light):
            docs = [nlp(text)]
        persons = person_names(docs[0])
    else:
        persons = [n for d in docs for n in person_names(d)] + _regex_person_names(text)
    conflicts = name_conflicts(persons)
    selfs = self_interactions_in_events(events, set(persons))
    suspects = [t for t in _rough_sentences(text) if _may_self_interact(t)]
    if suspects:
        # Most articles have none: Doc.text is rebuilt from the tokens on each access, and an
        # empty nlp.pipe still sets up every component, so both only when needed.
        parsed = {d.text: d for d in docs if getattr(d, "has_annotation", lambda _: False)("DEP")}
        unparsed = [t for t in suspects if t not in parsed]
        fresh = list(nlp.pipe(unparsed)) if unparsed else []
        for sdoc in [parsed[t] for t in suspects if t in parsed] + fresh:
            selfs += self_interactions_in_text(sdoc)
    repeats = near_repeats(text)
    swapped = said_swapped(text)
    flags = []
    if conflicts:
        flags.append("inconsistent_entity")
    if selfs:
        flags.append("self_interaction")
    spin_marks = (1 if repeats else 0) + (1 if swapped else 0)
    if spin_marks >= 2 or (spin_marks and (conflicts or selfs)):
        flags.append("rewritten_copy")
    return QualityReport(flags, conflicts, selfs, repeats, swapped)


def intrinsic_flags(article: Article, events: Sequence[Event] = (),
                    docs: Optional[Sequence] = None) -> list[str]:
    """Flags computed from the article alone: inconsistent_entity, self_interaction,
    rewritten_copy (from internal marks of spinning)."""
    return assess(article, events, docs).flags


# -- corpus-level paraphrase detection ------------------------------------------------------------
PARAPHRASE_SIM = 0.80       # MiniLM cosine above which two sentences say the same thing
MIN_COVERAGE = 0.5          # share of the article's sentences found paraphrased in the source
MIN_MATCHED = 3
WINDOW_DAYS = 14


def _sentences(text: str) -> list[tuple[int, int]]:
    from ..extract.context import split_sentences
    return [(s, e) for s, e, _ in split_sentences(text) if len(text[s:e].split()) >= 4]


def sentence_vectors(store: Store, article_id: str, text: str) -> tuple[list[str], np.ndarray]:
    """The article's sentences and their embeddings, cached in ``article_sentences``."""
    spans = _sentences(text)
    sents = [text[s:e] for s, e in spans]
    con = store.cursor()
    try:
        rows = con.execute('SELECT idx, start, "end", vec FROM article_sentences WHERE article_id = ? '
                           "ORDER BY idx", [article_id]).fetchall()
        if rows and [(r[1], r[2]) for r in rows] == spans:
            return sents, np.array([r[3] for r in rows], dtype=np.float32)
    finally:
        con.close()
    from ..extract.embed import embed
    vecs = embed(sents) if sents else np.zeros((0, 384), dtype=np.float32)
    with store.transaction() as c:
        c.execute("DELETE FROM article_sentences WHERE article_id = ?", [article_id])
        if sents:
            c.executemany('INSERT INTO article_sentences (article_id, idx, start, "end", vec) '
                          "VALUES (?, ?, ?, ?, ?)",
                          [(article_id, i, s, e, v.tolist()) for i, ((s, e), v) in enumerate(zip(spans, vecs))])
    return sents, vecs


def paraphrase_score(a_sents: list[str], a_vecs: np.ndarray, b_sents: list[str],
                     b_vecs: np.ndarray) -> tuple[float, int, int]:
    """(coverage, matched, identical): how many of A's sentences have a same-meaning sentence in B."""
    if not len(a_vecs) or not len(b_vecs):
        return 0.0, 0, 0
    sim = a_vecs @ b_vecs.T
    best = sim.argmax(axis=1)
    ok = sim[np.arange(len(a_vecs)), best] >= PARAPHRASE_SIM
    matched = int(ok.sum())
    identical = sum(1 for i in np.flatnonzero(ok) if a_sents[i].strip() == b_sents[best[i]].strip())
    return matched / len(a_vecs), matched, identical


def _candidates(store: Store, article: Article) -> list[tuple[str, str, Optional[str]]]:
    sql = "SELECT id, text, published FROM articles WHERE id <> ?"
    params: list = [article.id]
    d = article.published_date
    if d:
        try:
            day = date.fromisoformat(d)
            sql += " AND (published_date IS NULL OR published_date BETWEEN ? AND ?)"
            params += [day - timedelta(days=WINDOW_DAYS), day + timedelta(days=WINDOW_DAYS)]
        except ValueError:
            pass
    con = store.cursor()
    try:
        return con.execute(sql + " ORDER BY id", params).fetchall()
    finally:
        con.close()


def find_rewritten_source(store: Store, article: Article) -> Optional[tuple[str, float]]:
    """The stored article this one paraphrases, with the share of sentences paraphrased, or None.

    Identical copies are the near-duplicate detector's business and are not reported here."""
    a_sents, a_vecs = sentence_vectors(store, article.id, article.text)
    if len(a_sents) < MIN_MATCHED:
        return None
    best: Optional[tuple[float, str]] = None
    for cid, ctext, _ in _candidates(store, article):
        b_sents, b_vecs = sentence_vectors(store, cid, ctext)
        coverage, matched, identical = paraphrase_score(a_sents, a_vecs, b_sents, b_vecs)
        if coverage < MIN_COVERAGE or matched < MIN_MATCHED:
            continue
        if identical >= 0.9 * matched:
            continue
        if best is None or (coverage, cid) > (best[0], best[1]):
            best = (round(coverage, 3), cid)
    return (best[1], best[0]) if best else None


def _order_key(row) -> tuple:
    return (row[1] or "9999", str(row[2] or ""), row[0])


def mark_rewritten_copies(store: Store, article_ids: Iterable[str]) -> dict[str, str]:
    """Flag each given article (or its older twin) ``rewritten_copy`` with ``rewritten_copy_of``
    set to the original: of a paraphrased pair, the later published one is the copy."""
    from ..pipeline import load_articles

    found: dict[str, str] = {}
    for art in load_articles(store, list(article_ids)):
        if art.near_duplicate_of:
            continue
        hit = find_rewritten_source(store, art)
        if hit is None:
            continue
        src = hit[0]
        rows = {r[0]: r for r in store.con.execute(
            "SELECT id, published, ingested_at FROM articles WHERE id IN (?, ?)", [art.id, src]).fetchall()}
        copy, original = sorted((art.id, src), key=lambda i: _order_key(rows[i]))[::-1]
        with store.transaction() as con:
            con.execute("UPDATE articles SET rewritten_copy_of = ?, flags = list_sort(list_distinct("
                        "list_append(coalesce(flags, []), 'rewritten_copy'))) WHERE id = ?",
                        [original, copy])
        found[copy] = original
    return found
