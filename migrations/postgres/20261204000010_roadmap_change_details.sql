-- What a line of a roadmap's history records, as data (JSON), so that it can be worded in
-- the reader's language; `description` keeps the English words, and is all that lines
-- from before this column have.
ALTER TABLE roadmap_changes ADD COLUMN details TEXT;
