-- The language a person chose for the UI; NULL follows their browser's Accept-Language.
ALTER TABLE users ADD COLUMN locale TEXT CHECK (locale IN ('en', 'zh-CN'));
