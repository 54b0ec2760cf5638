-- Hiring the RevOps leader: roles opened from a rubric version, their interview plan,
-- candidates, one scorecard per interviewer and candidate, and decisions.

-- When interviewers may read each other's scorecards (see domain::rubric::Visibility);
-- a role may override it.
ALTER TABLE organisations ADD COLUMN scorecard_visibility TEXT NOT NULL DEFAULT 'after-submit';

-- The exact Markdown of every rubric version a role was opened with, keyed by its SHA-256.
CREATE TABLE rubric_versions (
    hash           TEXT PRIMARY KEY,
    rubric_id      TEXT NOT NULL,
    source         TEXT NOT NULL,
    first_used_at  BIGINT NOT NULL
);

CREATE TABLE hiring_roles (
    id               TEXT PRIMARY KEY,
    organisation_id  TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    title            TEXT NOT NULL,
    rubric_hash      TEXT NOT NULL REFERENCES rubric_versions (hash),
    -- NULL: the organisation's rule applies.
    visibility       TEXT,
    -- JSON object: competency id -> weight (> 0), for every competency of the rubric.
    weights          TEXT NOT NULL,
    created_by       TEXT NOT NULL REFERENCES users (id),
    created_at       BIGINT NOT NULL
);
CREATE INDEX hiring_roles_by_organisation ON hiring_roles (organisation_id, created_at);

-- The interview plan: each stage is one interview per candidate, with one interviewer
-- and 2-4 focus competencies.
CREATE TABLE interview_stages (
    id              TEXT PRIMARY KEY,
    role_id         TEXT NOT NULL REFERENCES hiring_roles (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    name            TEXT NOT NULL,
    interviewer_id  TEXT NOT NULL REFERENCES users (id),
    -- Competency ids, comma-separated, in rubric order.
    focus           TEXT NOT NULL,
    created_at      BIGINT NOT NULL
);
CREATE INDEX interview_stages_by_role ON interview_stages (role_id, position);
CREATE INDEX interview_stages_by_interviewer ON interview_stages (interviewer_id);

CREATE TABLE candidates (
    id             TEXT PRIMARY KEY,
    role_id        TEXT NOT NULL REFERENCES hiring_roles (id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    current_title  TEXT NOT NULL,
    -- JSON array of {title, function, years}: where the candidate has worked.
    career         TEXT NOT NULL,
    created_by     TEXT NOT NULL REFERENCES users (id),
    created_at     BIGINT NOT NULL
);
CREATE INDEX candidates_by_role ON candidates (role_id, created_at);

-- One interviewer's scorecard for one candidate in one stage; a draft until submitted,
-- then locked. Only its author ever reads a draft.
CREATE TABLE scorecards (
    id              TEXT PRIMARY KEY,
    stage_id        TEXT NOT NULL REFERENCES interview_stages (id) ON DELETE CASCADE,
    candidate_id    TEXT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    interviewer_id  TEXT NOT NULL REFERENCES users (id),
    -- JSON object: competency id -> {"rating": "1".."4" | "no-evidence" | null, "evidence": "..."}.
    ratings         TEXT NOT NULL,
    recommendation  TEXT,
    takeaways       TEXT NOT NULL,
    updated_at      BIGINT NOT NULL,
    submitted_at    BIGINT,
    UNIQUE (stage_id, candidate_id)
);
CREATE INDEX scorecards_by_candidate ON scorecards (candidate_id);

-- Every decision recorded for a candidate; the latest one stands.
CREATE TABLE hiring_decisions (
    id            TEXT PRIMARY KEY,
    candidate_id  TEXT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    outcome       TEXT NOT NULL CHECK (outcome IN ('hire', 'no-hire', 'hold')),
    rationale     TEXT NOT NULL,
    decided_by    TEXT NOT NULL REFERENCES users (id),
    decided_at    BIGINT NOT NULL
);
CREATE INDEX hiring_decisions_by_candidate ON hiring_decisions (candidate_id, decided_at);
