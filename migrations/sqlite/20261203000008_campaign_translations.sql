-- The translations of its model a campaign was launched with, one version per locale
-- (English is campaigns.model_hash). Respondents answer in any of them; the answers share
-- question ids, so results combine them.
CREATE TABLE campaign_translations (
    campaign_id  TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    locale       TEXT NOT NULL,
    model_hash   TEXT NOT NULL REFERENCES model_versions (hash),
    PRIMARY KEY (campaign_id, locale)
);
