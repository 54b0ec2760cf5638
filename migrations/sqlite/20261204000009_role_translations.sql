-- The translations of its rubric a role was opened with, one version per locale (English
-- is hiring_roles.rubric_hash). Interviewers rate in any of them; ratings are stored by
-- competency id, which every translation shares, so the debrief combines them.
CREATE TABLE role_translations (
    role_id      TEXT NOT NULL REFERENCES hiring_roles (id) ON DELETE CASCADE,
    locale       TEXT NOT NULL,
    rubric_hash  TEXT NOT NULL REFERENCES rubric_versions (hash),
    PRIMARY KEY (role_id, locale)
);
