-- Transformation roadmaps, one per campaign: the executive's settings and targets, people's
-- decisions about single initiatives (pin to a phase, drop, owner, done), and who changed
-- what. The plan itself is never stored: it is recomputed from these and the results, so
-- every decision survives re-planning.

-- Settings as JSON: {"phases", "capacity_weeks", "phase_length", "starts_on", "targets":
-- {dimension id: level}}; dimensions missing from "targets" use the default target. No row:
-- every setting at its default.
CREATE TABLE roadmaps (
    campaign_id  TEXT PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
    settings     TEXT NOT NULL,
    updated_by   TEXT NOT NULL REFERENCES users (id),
    updated_at   BIGINT NOT NULL
);

-- One row per initiative someone decided something about. `choice` is 'pin' (with its
-- 0-based `phase`), 'drop', or NULL (the planner decides); `owner` is the person
-- responsible, as typed; `done_at` marks it done.
CREATE TABLE roadmap_initiatives (
    campaign_id    TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    initiative_id  TEXT NOT NULL,
    choice         TEXT,
    phase          INTEGER,
    owner          TEXT,
    done_at        BIGINT,
    done_by        TEXT REFERENCES users (id),
    PRIMARY KEY (campaign_id, initiative_id)
);

-- The history of a roadmap, one line per change, in words, in the order they were made.
CREATE TABLE roadmap_changes (
    id             BIGSERIAL PRIMARY KEY,
    campaign_id    TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    initiative_id  TEXT,
    actor_id       TEXT NOT NULL REFERENCES users (id),
    at             BIGINT NOT NULL,
    description    TEXT NOT NULL
);
CREATE INDEX roadmap_changes_by_campaign ON roadmap_changes (campaign_id, id);
