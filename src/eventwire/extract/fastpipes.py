"""Exact, faster stand-ins for two of the English model's rule components.

The pipeline's attribute ruler runs a Matcher of ~180 patterns over every token, and the rule
lemmatizer builds a Python ``Token`` (and its morphology object) for each word: together about a
quarter of the model's time, though their answers depend on a handful of token values. Both
stand-ins compute each answer once per distinct key (the values the rules can look at) by
calling the stock component's own logic, then copy it to every token with that key, so their
output is the stock output (``tests/extract/test_fastpipes.py`` checks token by token).
Patterns whose answer depends on more than the token itself (several tokens, operators,
extension attributes) are left to a Matcher that holds only them.
"""
from __future__ import annotations

from typing import Iterable, Iterator

import numpy
from spacy.errors import Errors
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# Token values a one-token pattern may test, for its answer to be a function of them alone.
_KEYABLE = {"TAG", "LOWER", "DEP", "IS_SPACE", "ORTH", "TEXT", "POS", "MORPH", "LEMMA",
            "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "SHAPE", "NORM", "ENT_TYPE"}


def _keyable(pattern: list) -> bool:
    return len(pattern) == 1 and all(k.upper() in _KEYABLE for k in pattern[0])


class FastAttributeRuler:
    """The stock AttributeRuler's matches, looked up per distinct key instead of matched."""

    def __init__(self, stock):
        self.stock = stock
        self.vocab = stock.vocab
        keyed = Matcher(self.vocab, validate=False)
        rest = Matcher(self.vocab, validate=False)
        fields: set[str] = set()
        for i, p in enumerate(stock.patterns):
            single = [q for q in p["patterns"] if _keyable(q)]
            other = [q for q in p["patterns"] if not _keyable(q)]
            if single:
                keyed.add(str(i), single)
                for q in single:
                    fields.update(k.upper() for k in q[0])
            if other:
                rest.add(str(i), other)
        if "TEXT" in fields:    # TEXT and ORTH are one value: key on ORTH
            fields = (fields - {"TEXT"}) | {"ORTH"}
        self._fields = sorted(fields)
        self._ids = [IDS[f] for f in self._fields]
        self._keyed = keyed
        self._rest = rest if len(rest) else None
        self._by_key: dict[tuple, tuple[int, ...]] = {}
        self._merged: dict[tuple[int, ...], dict] = {}

    def _rule_ids(self, doc: Doc, i: int) -> tuple[int, ...]:
        found = self._keyed(doc[i:i + 1], allow_missing=True)
        return tuple(sorted(int(self.vocab.strings[m]) for m, _, _ in found))

    def _attrs(self, ids: tuple[int, ...]) -> dict:
        merged = self._merged.get(ids)
        if merged is None:
            merged = {}
            for a in ids:  # later rules win, as in AttributeRuler.match's sort
                merged.update(self.stock.attrs[a])
            self._merged[ids] = merged
        return merged

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        extra: dict[int, list[int]] = {}
        if self._rest is not None:
            for m, s, e in self._rest(doc, allow_missing=True):
                a = int(self.vocab.strings[m])
                extra.setdefault(doc[s:e][self.stock.indices[a]].i, []).append(a)
        keys = doc.to_array(self._ids)
        plan = []
        for i, row in enumerate(map(tuple, keys.tolist())):
            ids = self._by_key.get(row)
            if ids is None:
                ids = self._by_key[row] = self._rule_ids(doc, i)
            if i in extra:
                ids = tuple(sorted(ids + tuple(extra[i])))
            if ids:
                plan.append((i, self._attrs(ids)))
        # Every match is found on the untouched doc before any is applied, as the stock does.
        for i, attrs in plan:
            set_token_attrs(doc[i], attrs)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class FastLemmatizer:
    """The stock rule lemmatizer, asked once per (word, POS, morphology) and copied to tokens."""

    def __init__(self, stock):
        self.stock = stock
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if not self.stock._validated:
            self.stock._validate_tables(Errors.E1004)
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = arr[:, 3].copy()
        overwrite = self.stock.overwrite
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = self._cache.get(key)
            if value is None:
                value = self._cache[key] = strings.add(self.stock.lemmatize(doc[i])[0])
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas.reshape(-1, 1).astype(numpy.uint64))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("eventwire_fast_attribute_ruler")
def _make_fast_ruler(nlp: Language, name: str, source: str):
    return FastAttributeRuler(nlp.get_pipe(source))


@Language.factory("eventwire_fast_lemmatizer")
def _make_fast_lemmatizer(nlp: Language, name: str, source: str):
    return FastLemmatizer(nlp.get_pipe(source))


def accelerate(nlp: Language) -> Language:
    """Swap the stock attribute ruler and rule lemmatizer for their exact fast stand-ins."""
    swaps = (("attribute_ruler", "eventwire_fast_attribute_ruler"),
             ("lemmatizer", "eventwire_fast_lemmatizer"))
    for name, factory in swaps:
        if name not in nlp.pipe_names:
            continue
        stock = nlp.get_pipe(name)
        if name == "lemmatizer" and getattr(stock, "mode", None) != "rule":
            continue
        tmp = f"{name}__fast"
        nlp.add_pipe(factory, name=tmp, after=name, config={"source": name})
        nlp.remove_pipe(name)
        nlp.rename_pipe(tmp, name)
    return nlp
