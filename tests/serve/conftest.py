"""A small store written the way the pipeline writes it, and a real uvicorn server over it."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Iterator, Optional

import httpx
import pytest

from eventwire.records import Actor, Article, Event, Evidence, Extraction, Figure, Location, Subject
from eventwire.store import Store
from eventwire.store.extractions import save_extraction

# Three short reports written for these tests (not taken from any dataset).
ARTICLES = [
    {"id": "art-kharkiv", "title": "Shelling hits Kharkiv suburbs", "outlet": "Test Wire",
     "url": "https://example.org/kharkiv", "published": "2022-03-02",
     "text": ("Russian artillery shelled residential blocks in Kharkiv on Tuesday, regional governor "
              "Oleh Syniehubov said. At least 11 civilians were killed in the shelling. "
              "Ukrainian troops repelled an assault near Izium the same day, the general staff said. "
              "About 1,200 people fled the Saltivka district, the city council said.")},
    {"id": "art-kyiv", "title": "Talks and strikes", "outlet": "Daily Test",
     "url": "https://example.org/kyiv", "published": "2022-03-03",
     "text": ("A drone strike hit a fuel depot near Kyiv on Wednesday, officials said. "
              "Delegations from Ukraine and Russia agreed in Belarus to hold a second round of talks. "
              "The UN refugee agency said 1,000,000 people had fled Ukraine since February 24. "
              "Ukrainian officials said 2,000 civilians had been killed since the invasion began. "
              "The UN human rights office put the civilian toll at 227 killed.")},
    {"id": "art-mogadishu", "title": "Blast in Mogadishu", "outlet": "Horn Test",
     "url": None, "published": "2022-03-03",
     "text": ("🇸🇴 Breaking — A car bomb exploded near a checkpoint in Mogadishu on Thursday, "
              "killing 5 people, police said. Residents said the blast shook the market.")},
]

LOC = {
    "Kharkiv": Location(name="Kharkiv", admin1="Kharkiv", country="UKR", lat=49.99, lon=36.23, precision=1),
    "Izium": Location(name="Izium", admin1="Kharkiv", country="UKR", lat=49.21, lon=37.26, precision=1),
    "Kyiv": Location(name="Kyiv", admin1="Kyiv City", country="UKR", lat=50.45, lon=30.52, precision=1),
    "Mogadishu": Location(name="Mogadishu", admin1="Banaadir", country="SOM", lat=2.04, lon=45.34, precision=1),
}


def _ev(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(text=sentence, start=start, end=start + len(sentence))


def extractions() -> list[Extraction]:
    a = {x["id"]: Article(**x) for x in ARTICLES}
    kh, ky, mo = a["art-kharkiv"], a["art-kyiv"], a["art-mogadishu"]
    ru = Actor(name="Russian forces", country="RUS", sector="military")
    ua = Actor(name="Ukrainian troops", country="UKR", sector="military")
    return [
        Extraction(article=kh, events=[
            Event(type="shelling_artillery_missile", date="2022-03-01", date_precision="day",
                  location=LOC["Kharkiv"], actor1=ru, fatalities=11, confidence=0.9,
                  evidence=_ev(kh.text, "Russian artillery shelled residential blocks in Kharkiv on Tuesday, "
                                        "regional governor Oleh Syniehubov said.")),
            Event(type="armed_clash", date="2022-03-01", date_precision="day", location=LOC["Izium"],
                  actor1=ua, actor2=ru, confidence=0.6,
                  evidence=_ev(kh.text, "Ukrainian troops repelled an assault near Izium the same day, "
                                        "the general staff said.")),
        ], figures=[
            Figure(quantity="killed", value=11, low=11, high=11, qualifier="at_least",
                   subject=Subject(country="UKR", sector="civilians"), claimant="Oleh Syniehubov",
                   date="2022-03-02", evidence=_ev(kh.text, "At least 11 civilians were killed in the shelling.")),
            Figure(quantity="displaced", value=1200, low=1200, high=1200, qualifier="about",
                   subject=Subject(country="UKR", sector="civilians"), claimant="city council",
                   date="2022-03-02", evidence=_ev(kh.text, "About 1,200 people fled the Saltivka district, "
                                                            "the city council said.")),
        ]),
        Extraction(article=ky, events=[
            Event(type="air_drone_strike", date="2022-03-02", date_precision="day", location=LOC["Kyiv"],
                  actor1=ru, confidence=0.8,
                  evidence=_ev(ky.text, "A drone strike hit a fuel depot near Kyiv on Wednesday, officials said.")),
            Event(type="agreement", date="2022-03-03", date_precision="day", location=None,
                  actor1=Actor(name="Ukraine", country="UKR", sector="government"),
                  actor2=Actor(name="Russia", country="RUS", sector="government"), confidence=0.7,
                  evidence=_ev(ky.text, "Delegations from Ukraine and Russia agreed in Belarus to hold "
                                        "a second round of talks.")),
        ], figures=[
            Figure(quantity="displaced", value=1_000_000, low=1_000_000, high=1_000_000,
                   subject=Subject(country="UKR", sector="civilians"), claimant="UN refugee agency",
                   date="2022-03-03", evidence=_ev(ky.text, "The UN refugee agency said 1,000,000 people "
                                                            "had fled Ukraine since February 24.")),
            Figure(quantity="killed", value=2000, low=2000, high=2000, qualifier="exact",
                   subject=Subject(country="UKR", sector="civilians"), claimant="Ukrainian officials",
                   date="2022-03-03", evidence=_ev(ky.text, "Ukrainian officials said 2,000 civilians had "
                                                            "been killed since the invasion began.")),
            Figure(quantity="killed", value=227, low=227, high=227, qualifier="exact",
                   subject=Subject(country="UKR", sector="civilians"), claimant="UN human rights office",
                   date="2022-03-03", evidence=_ev(ky.text, "The UN human rights office put the civilian "
                                                            "toll at 227 killed.")),
        ]),
        Extraction(article=mo, events=[
            Event(type="remote_explosive", date="2022-03-03", date_precision="day",
                  location=LOC["Mogadishu"], actor1=Actor(name=None, sector="unknown"), fatalities=5,
                  confidence=0.75,
                  evidence=_ev(mo.text, "A car bomb exploded near a checkpoint in Mogadishu on Thursday, "
                                        "killing 5 people, police said.")),
        ]),
    ]


def insert_article(store: Store, art: Article) -> None:
    with store.transaction() as con:
        con.execute("INSERT INTO articles (id, title, outlet, url, published, published_date, text, chars) "
                    "VALUES (?, ?, ?, ?, ?, ?::DATE, ?, ?)",
                    [art.id, art.title, art.outlet, art.url, art.published, art.published_date,
                     art.text, len(art.text)])


def build_store(path: Path, resolve: bool = False) -> Path:
    """Mention-level only, or (``resolve``) also resolved as the pipeline does after extraction."""
    with Store(path) as store:
        for ex in extractions():
            insert_article(store, ex.article)
            save_extraction(store, ex)
        if resolve:
            from eventwire import resolve as resolution
            resolution.update(store, [a["id"] for a in ARTICLES])
    return path


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("store") / "fixture.duckdb")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    def __init__(self, db: Path, token: Optional[str] = None, max_body_bytes: int = 1024 * 1024):
        import uvicorn

        from eventwire.serve.app import create_app

        self.app = create_app(db, token=token, max_body_bytes=max_body_bytes)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning",
                                lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)

    def client(self, **kw) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=60, **kw)


@pytest.fixture(scope="module")
def live(fixture_db) -> Iterator[LiveServer]:
    with LiveServer(fixture_db) as srv:
        yield srv
