"""The same extractor on a real Dask LocalCluster gives the same records as in process."""
from eventwire.extract import extract_many
from eventwire.records import Article
from eventwire.scale import extract_distributed

ARTICLES = [
    Article(id="d1", published="2023-04-12",
            text="Nigerian troops clashed with Boko Haram fighters near Maiduguri on Tuesday, "
                 "killing 12 militants, the army said."),
    Article(id="d2", published="2023-04-12",
            text="Police in Mexico City arrested 14 suspected cartel members on Monday, "
                 "prosecutors said."),
    Article(id="d3", published="2023-04-12",
            text="An Israeli airstrike hit a house in Gaza City on Wednesday, killing four "
                 "people, health officials said."),
]


def _shape(xs):
    return [(x.article.id, [(e.type, e.location.name if e.location else None, e.date)
                            for e in x.events], [(f.quantity, f.value) for f in x.figures])
            for x in xs]


def test_local_cluster_matches_in_process():
    local = _shape(extract_many(ARTICLES))
    remote = _shape(extract_distributed(ARTICLES, workers=1, chunk_size=1))
    assert remote == local
    assert any(events for _, events, _ in local)
