"""Every reader on realistic inputs: what comes out is the story, with the metadata the input has."""
from __future__ import annotations

import gzip
from pathlib import Path

from conftest import NEWS, jsonl_line, news_page, scraped_text, write_warc

from eventwire.ingest import read
from eventwire.ingest.sources import sniff
from eventwire.records import Article, QuarantineItem


def only_articles(items) -> list[Article]:
    items = list(items)
    bad = [i for i in items if isinstance(i, QuarantineItem)]
    assert not bad, bad
    return items


def assert_story(article: Article) -> None:
    for paragraph in NEWS:
        assert paragraph in article.text
    for noise in ("Share", "Skip to", "donation", "cookie", "Photograph", "Related stories", "©"):
        assert noise not in article.text
    assert "boilerplate_removed" in article.flags


def test_plain_text_keeps_story_and_raw(tmp_path: Path):
    f = tmp_path / "story.txt"
    f.write_text(scraped_text(), encoding="utf-8")
    (article,) = only_articles(read([f]))
    assert_story(article)
    assert article.raw == scraped_text()
    assert article.title == "Seven Killed in Shelling of Chernihiv Bread Queue"
    assert article.raw_format == "text"


def test_html_page_main_text_and_metadata(tmp_path: Path):
    f = tmp_path / "page.html"
    f.write_text(news_page(), encoding="utf-8")
    (article,) = only_articles(read([f]))
    assert_story(article)
    assert article.title == "Seven killed in shelling of Chernihiv bread queue"
    assert article.published.startswith("2022-03-17")
    assert article.outlet == "Northern Dispatch"
    assert article.raw.startswith("<!DOCTYPE html>")


def test_jsonl_text_and_html_fields(tmp_path: Path):
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join([
        jsonl_line(id="a-1", title="Chernihiv shelling", outlet="Wire", url="https://example.org/1",
                   published="2022-03-17", text=scraped_text()),
        "",
        jsonl_line(id="a-2", title="Chernihiv page", html=news_page()),
    ]) + "\n", encoding="utf-8")
    first, second = only_articles(read([f]))
    assert (first.id, first.outlet, first.published, first.url) == ("a-1", "Wire", "2022-03-17",
                                                                    "https://example.org/1")
    assert_story(first)
    assert second.id == "a-2" and second.title == "Chernihiv page"
    assert_story(second)
    assert first.source.endswith("batch.jsonl#line 1") and second.source.endswith("#line 3")


def test_warc_gzipped_and_plain(tmp_path: Path):
    for gz in (True, False):
        f = tmp_path / f"crawl{gz}.warc{'.gz' if gz else ''}"
        write_warc(f, [("https://example.org/chernihiv", news_page()),
                       ("https://example.org/other", news_page(NEWS[:2]))], gz=gz)
        first, second = only_articles(read([f]))
        assert first.url == "https://example.org/chernihiv"
        assert_story(first)
        assert NEWS[3] not in second.text and NEWS[0] in second.text
        assert first.raw_format == "warc"


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Northern Dispatch</title><link>https://example.org/</link><description>News</description>
<item><title>Chernihiv shelling</title><link>https://example.org/c</link>
<pubDate>Thu, 17 Mar 2022 12:05:00 GMT</pubDate><description>Short teaser.</description>
<content:encoded><![CDATA[{full}<p>Read more: Kyiv braces for new assault</p>]]></content:encoded></item>
<item><title>Convoy reaches Sumy</title><link>https://example.org/s</link>
<pubDate>Thu, 17 Mar 2022 15:00:00 GMT</pubDate>
<description>A humanitarian convoy of 30 lorries reached the besieged city of Sumy on Thursday, regional officials said.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Northern Dispatch</title>
<id>urn:example:feed</id><updated>2022-03-17T12:05:00Z</updated>
<entry><title>Chernihiv shelling</title><link href="https://example.org/c"/><id>urn:example:1</id>
<updated>2022-03-17T12:05:00Z</updated><content type="html">{full}</content></entry>
<entry><title>Convoy reaches Sumy</title><link href="https://example.org/s"/><id>urn:example:2</id>
<updated>2022-03-17T15:00:00Z</updated>
<summary>A humanitarian convoy of 30 lorries reached the besieged city of Sumy on Thursday, regional officials said.</summary></entry>
</feed>"""


def test_rss_full_content_and_description_only(tmp_path: Path):
    full = "".join(f"<p>{p}</p>" for p in NEWS)
    f = tmp_path / "feed.rss"
    f.write_text(RSS.replace("{full}", full), encoding="utf-8")
    first, second = only_articles(read([f]))
    assert all(p in first.text for p in NEWS) and "Read more" not in first.text
    assert first.outlet == "Northern Dispatch" and first.published.startswith("2022-03-17")
    assert second.title == "Convoy reaches Sumy" and "30 lorries" in second.text
    assert first.raw_format == "rss"


def test_atom_content_and_summary(tmp_path: Path):
    from html import escape
    full = escape("".join(f"<p>{p}</p>" for p in NEWS))
    f = tmp_path / "feed.atom"
    f.write_text(ATOM.replace("{full}", full), encoding="utf-8")
    first, second = only_articles(read([f]))
    assert all(p in first.text for p in NEWS)
    assert first.url == "https://example.org/c" and first.raw_format == "atom"
    assert "30 lorries" in second.text


def test_kind_comes_from_content_not_name(tmp_path: Path):
    (tmp_path / "page.txt").write_text(news_page(), encoding="utf-8")
    (tmp_path / "batch.data").write_text(jsonl_line(id="j1", text=NEWS[0]) + "\n", encoding="utf-8")
    with gzip.open(tmp_path / "packed.gz", "wt", encoding="utf-8") as g:
        g.write(jsonl_line(id="j2", text=NEWS[1]) + "\n")
    kinds = {a.source.split("/")[-1].split("#")[0]: a.raw_format for a in only_articles(read([tmp_path]))}
    assert kinds == {"page.txt": "html", "batch.data": "jsonl", "packed.gz": "jsonl"}


def test_sniff():
    assert sniff(b"WARC/1.0\r\n") == "warc"
    assert sniff(b'  {"id": 1}') == "jsonl"
    assert sniff(b"<?xml version='1.0'?><rss>") == "rss"
    assert sniff(b"<?xml version='1.0'?>\n<feed xmlns='x'>") == "atom"
    assert sniff(b"<!-- c --><!DOCTYPE html><html>") == "html"
    assert sniff(b"Kyiv, March 3 (Wire) - Shelling continued") == "text"


def test_folders_and_globs(tmp_path: Path):
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "one.txt").write_text(NEWS[0], encoding="utf-8")
    (tmp_path / "a" / "two.txt").write_text(NEWS[1], encoding="utf-8")
    (tmp_path / "a" / ".hidden.txt").write_text(NEWS[2], encoding="utf-8")
    (tmp_path / "three.html").write_text(news_page(), encoding="utf-8")
    from_folder = only_articles(read([tmp_path / "a"]))
    assert sorted(a.text for a in from_folder) == sorted(NEWS[:2])
    from_glob = only_articles(read([str(tmp_path / "**" / "*.txt")]))
    assert len(from_glob) == 2
    assert len(only_articles(read(str(tmp_path)))) == 3


def test_read_streams_lazily(tmp_path: Path):
    f = tmp_path / "many.jsonl"
    f.write_text("".join(jsonl_line(id=f"n{i}", text=f"{NEWS[0]} Report {i}.") + "\n"
                         for i in range(50)), encoding="utf-8")
    gen = read([f])
    assert next(gen).id == "n0"     # a generator: the first article comes before the rest are read
