"""The store's schema as an ordered list of migrations. Never edit a released migration:
append a new one. ``Store.migrate`` applies those whose version is above the stored one."""
from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "raw inputs, articles, quarantine, events, figures, evidence", """
CREATE TABLE raw_inputs (
    id          VARCHAR PRIMARY KEY,      -- sha256 of the bytes
    source      VARCHAR NOT NULL,         -- path it was read from
    locator     VARCHAR,                  -- line / record / item inside the source
    format      VARCHAR,
    size        BIGINT,
    content     BLOB,                     -- the bytes as read (kept so nothing is lost)
    ingested_at TIMESTAMPTZ DEFAULT current_timestamp
);
CREATE TABLE articles (
    id                VARCHAR PRIMARY KEY,
    raw_id            VARCHAR,
    title             VARCHAR,
    outlet            VARCHAR,
    url               VARCHAR,
    published         VARCHAR,
    published_date    DATE,
    text              VARCHAR NOT NULL,
    raw_text          VARCHAR,
    raw_format        VARCHAR,
    source            VARCHAR,
    flags             VARCHAR[] DEFAULT [],
    near_duplicate_of VARCHAR,
    rewritten_copy_of VARCHAR,
    text_sha          VARCHAR,
    minhash           UBIGINT[],
    chars             INTEGER,
    extracted         BOOLEAN DEFAULT false,
    ingested_at       TIMESTAMPTZ DEFAULT current_timestamp
);
CREATE INDEX articles_text_sha ON articles(text_sha);
CREATE TABLE quarantine (
    id         VARCHAR PRIMARY KEY,       -- hash of source+locator+reason, so re-runs add nothing
    source     VARCHAR NOT NULL,
    locator    VARCHAR,
    reason     VARCHAR NOT NULL,
    detail     VARCHAR NOT NULL,
    raw_id     VARCHAR,
    created_at TIMESTAMPTZ DEFAULT current_timestamp
);
CREATE TABLE events (
    id             VARCHAR PRIMARY KEY,
    article_id     VARCHAR NOT NULL,
    type           VARCHAR NOT NULL,
    parent_type    VARCHAR,
    date           DATE,
    date_precision VARCHAR,
    location_name  VARCHAR,
    admin1         VARCHAR,
    country        VARCHAR,
    lat            DOUBLE,
    lon            DOUBLE,
    geo_precision  INTEGER,
    actor1_name    VARCHAR,
    actor1_country VARCHAR,
    actor1_sector  VARCHAR,
    actor2_name    VARCHAR,
    actor2_country VARCHAR,
    actor2_sector  VARCHAR,
    fatalities     INTEGER,
    injured        INTEGER,
    claimant       VARCHAR,
    confidence     DOUBLE,
    evidence_text  VARCHAR,
    evidence_start INTEGER,
    evidence_end   INTEGER,
    record         JSON                     -- the full Event record, provenance included
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_date ON events(date);
CREATE TABLE figures (
    id              VARCHAR PRIMARY KEY,
    article_id      VARCHAR NOT NULL,
    quantity        VARCHAR NOT NULL,
    value           BIGINT,
    low             BIGINT,
    high            BIGINT,
    qualifier       VARCHAR,
    subject_country VARCHAR,
    subject_sector  VARCHAR,
    place_name      VARCHAR,
    admin1          VARCHAR,
    country         VARCHAR,
    lat             DOUBLE,
    lon             DOUBLE,
    period_from     DATE,
    period_to       DATE,
    claimant        VARCHAR,
    stated_date     DATE,
    confidence      DOUBLE,
    evidence_text   VARCHAR,
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    record          JSON
);
CREATE INDEX figures_article ON figures(article_id);
CREATE TABLE evidence (
    owner_kind VARCHAR NOT NULL,          -- event | figure
    owner_id   VARCHAR NOT NULL,
    field      VARCHAR NOT NULL,          -- 'record' for the whole sentence, else the field name
    article_id VARCHAR NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       VARCHAR NOT NULL
);
CREATE INDEX evidence_owner ON evidence(owner_id);
"""),
]

# Resolution layer (issue 4): resolved events above the mention-level events of version 1,
# figure groups above figures, and per-sentence embeddings that find paraphrased copies.
MIGRATIONS.append((2, "resolved events, event mentions, figure groups and claims, sentence vectors", """
CREATE TABLE resolved_events (
    id                  VARCHAR PRIMARY KEY,   -- 'r' + hash of the cluster's smallest mention id
    component           VARCHAR NOT NULL,      -- connected component of compatible mentions
    type                VARCHAR NOT NULL,
    parent_type         VARCHAR,
    date                DATE,
    date_precision      VARCHAR,
    date_from           DATE,
    date_to             DATE,
    location_name       VARCHAR,
    admin1              VARCHAR,
    country             VARCHAR,
    lat                 DOUBLE,
    lon                 DOUBLE,
    geo_precision       INTEGER,
    actor1_name         VARCHAR,
    actor1_country      VARCHAR,
    actor1_sector       VARCHAR,
    actor2_name         VARCHAR,
    actor2_country      VARCHAR,
    actor2_sector       VARCHAR,
    fatalities          INTEGER,
    injured             INTEGER,
    confidence          DOUBLE,
    evidence_event_id   VARCHAR,               -- the representative mention
    evidence_article_id VARCHAR,
    evidence_text       VARCHAR,
    evidence_start      INTEGER,
    evidence_end        INTEGER,
    mention_count       INTEGER,
    source_count        INTEGER,               -- independent sources: copies count once
    article_ids         VARCHAR[],
    source_article_ids  VARCHAR[],
    updated_at          TIMESTAMPTZ DEFAULT current_timestamp
);
CREATE INDEX resolved_events_date ON resolved_events(date);
CREATE INDEX resolved_events_component ON resolved_events(component);
CREATE TABLE event_mentions (
    event_id         VARCHAR PRIMARY KEY,      -- mention-level events.id
    resolved_id      VARCHAR NOT NULL,
    component        VARCHAR NOT NULL,
    article_id       VARCHAR NOT NULL,
    matched_event_id VARCHAR,                  -- the mention it was merged with (null: first)
    reasons          VARCHAR[],                -- which fields agreed with matched_event_id
    independent      BOOLEAN,                  -- false when its article is a copy of another
    source_root      VARCHAR                   -- article it counts as (the original of a copy)
);
CREATE INDEX event_mentions_resolved ON event_mentions(resolved_id);
CREATE INDEX event_mentions_article ON event_mentions(article_id);
CREATE INDEX event_mentions_component ON event_mentions(component);
CREATE TABLE figure_groups (
    id              VARCHAR PRIMARY KEY,
    group_key       VARCHAR NOT NULL,
    quantity        VARCHAR NOT NULL,
    subject_country VARCHAR,
    subject_sector  VARCHAR,
    place_name      VARCHAR,
    admin1          VARCHAR,
    country         VARCHAR,
    lat             DOUBLE,
    lon             DOUBLE,
    period_from     DATE,
    period_to       DATE,
    low             BIGINT,
    best            BIGINT,
    high            BIGINT,
    best_figure_id  VARCHAR,
    best_rule       VARCHAR,                   -- why best was chosen, in words
    time_series     BOOLEAN,                   -- a toll rising over time, not a conflict
    claim_count     INTEGER,
    first_stated    DATE,
    last_stated     DATE,
    confidence      DOUBLE,
    updated_at      TIMESTAMPTZ DEFAULT current_timestamp
);
CREATE INDEX figure_groups_key ON figure_groups(group_key);
CREATE TABLE figure_claims (
    figure_id     VARCHAR PRIMARY KEY,
    group_id      VARCHAR NOT NULL,
    article_id    VARCHAR NOT NULL,
    value         BIGINT,
    low           BIGINT,
    high          BIGINT,
    qualifier     VARCHAR,
    claimant      VARCHAR,
    claimant_type VARCHAR,                     -- international | official | party | media
    stated_date   DATE,
    role          VARCHAR                      -- best | superseded | claim
);
CREATE INDEX figure_claims_group ON figure_claims(group_id);
CREATE INDEX figure_claims_article ON figure_claims(article_id);
CREATE TABLE article_sentences (
    article_id VARCHAR NOT NULL,
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    vec        FLOAT[384],
    PRIMARY KEY (article_id, idx)
);
"""))
