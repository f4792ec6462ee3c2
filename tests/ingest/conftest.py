"""Inputs shaped like real ones, written for these tests (wire-report style, invented events)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"

NEWS = [
    "Russian forces shelled the centre of Chernihiv on Thursday, killing at least seven people "
    "queuing for bread, the regional prosecutor's office said.",
    "Emergency workers said a further 14 people were taken to hospital with shrapnel wounds. "
    "Footage shared by the city council showed a row of shops with their windows blown out.",
    "The mayor, Vladyslav Atroshenko, said the city had been without running water for three days "
    "and that volunteers were delivering bottled water to residents sheltering in basements.",
    "Ukraine's defence ministry said its troops had pushed Russian units back from two villages "
    "on the road to Kyiv. The claim could not be independently verified.",
]

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Seven killed in shelling of Chernihiv bread queue | Northern Dispatch</title>
<meta property="og:site_name" content="Northern Dispatch">
<meta property="og:title" content="Seven killed in shelling of Chernihiv bread queue">
<meta property="article:published_time" content="2022-03-17T14:05:00+02:00">
</head><body>
<header><a href="#main">Skip to main content</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/culture">Culture</a></li></ul></nav></header>
<main id="main"><article>
<h1>Seven killed in shelling of Chernihiv bread queue</h1>
<div class="share-bar"><a>Share on Facebook</a><a>Share on Twitter</a><a>Email</a></div>
{paragraphs}
<figure><img src="/a.jpg"><figcaption>A damaged shop front in Chernihiv. Photograph: Maria Bondar/AFP</figcaption></figure>
<div class="appeal"><p>Readers like you keep our journalism free. Please support our reporting with a donation today.</p></div>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/x">Kyiv braces for new assault</a></li>
<li><a href="/y">Refugees reach Poland in record numbers</a></li></ul></aside>
</article></main>
<footer><p>We use cookies to give you the best experience. Manage cookie settings.</p>
<p>© 2022 Northern Dispatch. All rights reserved.</p></footer>
</body></html>"""


def news_page(paragraphs: list[str] = NEWS) -> str:
    return NEWS_PAGE.replace("{paragraphs}", "\n".join(f"<p>{p}</p>" for p in paragraphs))


def scraped_text(paragraphs: list[str] = NEWS) -> str:
    """A page scraped to text: navigation on top, share prompt and appeal around the story."""
    return "\n\n".join(["Skip to content Skip to footer", "Seven Killed in Shelling of Chernihiv Bread Queue",
                        *paragraphs[:2], "Share this article", *paragraphs[2:],
                        "Our reporters are on the ground because readers like you fund them.",
                        "Please make a donation today and help us keep our journalism free for everyone."])


def jsonl_line(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def write_warc(path: Path, pages: list[tuple[str, str]], gz: bool = True) -> None:
    """A WARC file with one HTTP response record per (url, html) page, written with warcio."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=BytesIO(html.encode("utf-8")),
                                               http_headers=headers)
            writer.write_record(record)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"
