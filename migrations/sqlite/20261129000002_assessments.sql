-- Maturity assessments: campaigns launched from a model version, the links respondents
-- answer through, their responses and answers.

-- The exact Markdown of every model version a campaign was launched with, keyed by its
-- SHA-256, so a campaign keeps showing the version it started with after the file changes.
CREATE TABLE model_versions (
    hash           TEXT PRIMARY KEY,
    model_id       TEXT NOT NULL,
    source         TEXT NOT NULL,
    first_used_at  BIGINT NOT NULL
);

CREATE TABLE campaigns (
    id               TEXT PRIMARY KEY,
    organisation_id  TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name             TEXT NOT NULL,
    model_hash       TEXT NOT NULL REFERENCES model_versions (hash),
    -- Functions taking part, comma-separated in Function::ALL order ("marketing,sales").
    functions        TEXT NOT NULL,
    -- Anonymity threshold: a function's numbers show only from this many submissions.
    min_group_size   INTEGER NOT NULL,
    closes_at        BIGINT,
    closed_at        BIGINT,
    created_by       TEXT NOT NULL REFERENCES users (id),
    created_at       BIGINT NOT NULL
);
CREATE INDEX campaigns_by_organisation ON campaigns (organisation_id, created_at);

-- Invitation links. A function link is shared by everyone in that function; a person link
-- (person_name set) belongs to one respondent. The token is kept readable (unlike account
-- invites) because admins copy these links again while a campaign runs; it grants nothing
-- but answering this campaign.
CREATE TABLE campaign_links (
    id           TEXT PRIMARY KEY,
    campaign_id  TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    token        TEXT NOT NULL UNIQUE,
    function     TEXT NOT NULL,
    person_name  TEXT,
    created_at   BIGINT NOT NULL,
    revoked_at   BIGINT
);
CREATE INDEX campaign_links_by_campaign ON campaign_links (campaign_id);

-- One respondent's answers. Through a function link each browser gets its own response,
-- found again by a cookie holding a random token (only its hash is stored); through a
-- person link there is at most one response, enforced by the unique person_link_id.
CREATE TABLE responses (
    id              TEXT PRIMARY KEY,
    campaign_id     TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    link_id         TEXT NOT NULL REFERENCES campaign_links (id) ON DELETE CASCADE,
    person_link_id  TEXT UNIQUE REFERENCES campaign_links (id) ON DELETE CASCADE,
    resume_hash     TEXT UNIQUE,
    function        TEXT NOT NULL,
    started_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    submitted_at    BIGINT
);
CREATE INDEX responses_by_campaign ON responses (campaign_id, submitted_at);

CREATE TABLE answers (
    response_id  TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
    question_id  TEXT NOT NULL,
    -- '1'..'10', 'dont-know' or 'not-applicable' (see domain::model::Answer).
    value        TEXT NOT NULL,
    comment      TEXT NOT NULL,
    answered_at  BIGINT NOT NULL,
    PRIMARY KEY (response_id, question_id)
);
