"""Scale-out: the same extractor over a Dask cluster (a LocalCluster, or a running scheduler).

Articles travel to workers in chunks; each worker loads the spaCy model once (per process)
and returns Extraction records, which come back in input order.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

from .records import Article, Extraction


def _extract_chunk(payload: list[dict]) -> list[dict]:
    # Runs on a worker: records cross the wire as plain dicts, the model stays cached per process.
    from .extract import extract_many
    arts = [Article.model_validate(p) for p in payload]
    return [x.model_dump(mode="json", by_alias=True) for x in extract_many(arts)]


def _chunks(articles: list[Article], size: int) -> Iterator[list[dict]]:
    for i in range(0, len(articles), size):
        yield [a.model_dump(mode="json", by_alias=True) for a in articles[i:i + size]]


def extract_distributed(articles: Iterable[Article], workers: Optional[int] = None,
                        scheduler: Optional[str] = None, chunk_size: int = 16) -> Iterator[Extraction]:
    """Yield Extractions in input order, computed on a Dask cluster."""
    from dask.distributed import Client, LocalCluster

    arts = list(articles)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(_extract_chunk, list(_chunks(arts, chunk_size)), pure=False)
        for fut in futures:
            for d in fut.result():
                yield Extraction.model_validate(d)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
