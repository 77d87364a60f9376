-- Lists that cost the same at any size: their totals are read from counters, and their substring searches
-- from trigram indexes, both kept by triggers in the same transaction as the rows they describe, so no
-- statement of the service can change a row and forget them.

-- How many rows a list holds. scope_id is the environment a list belongs to, or all zeros for a list of
-- every environment; list names the list and, for release requests, the status counted.
CREATE TABLE list_counters (
    scope_id   TEXT NOT NULL,
    list       TEXT NOT NULL,
    row_count  INTEGER NOT NULL,
    PRIMARY KEY (scope_id, list)
) WITHOUT ROWID;

INSERT INTO list_counters (scope_id, list, row_count)
SELECT environment_id, 'phone_numbers', COUNT(*) FROM phone_numbers WHERE current_status = 'active' GROUP BY environment_id;
INSERT INTO list_counters (scope_id, list, row_count)
SELECT environment_id, 'agents', COUNT(*) FROM agents GROUP BY environment_id;
INSERT INTO list_counters (scope_id, list, row_count)
SELECT environment_id, 'release_requests', COUNT(*) FROM release_requests GROUP BY environment_id;
INSERT INTO list_counters (scope_id, list, row_count)
SELECT environment_id, 'release_requests:' || status, COUNT(*) FROM release_requests GROUP BY environment_id, status;
INSERT INTO list_counters (scope_id, list, row_count)
SELECT '00000000-0000-0000-0000-000000000000', 'release_requests:' || status, COUNT(*) FROM release_requests GROUP BY status;
INSERT INTO list_counters (scope_id, list, row_count)
SELECT '00000000-0000-0000-0000-000000000000', 'environments', COUNT(*) FROM environments HAVING COUNT(*) > 0;
INSERT INTO list_counters (scope_id, list, row_count)
SELECT '00000000-0000-0000-0000-000000000000', 'staff_members', COUNT(*) FROM staff_members HAVING COUNT(*) > 0;

CREATE TRIGGER trg_phone_numbers_count_insert AFTER INSERT ON phone_numbers WHEN NEW.current_status = 'active'
BEGIN
    INSERT INTO list_counters (scope_id, list, row_count) VALUES (NEW.environment_id, 'phone_numbers', 1)
    ON CONFLICT (scope_id, list) DO UPDATE SET row_count = row_count + 1;
END;

CREATE TRIGGER trg_phone_numbers_count_update AFTER UPDATE OF current_status, environment_id ON phone_numbers
WHEN (OLD.current_status = 'active') <> (NEW.current_status = 'active') OR OLD.environment_id <> NEW.environment_id
BEGIN
    UPDATE list_counters SET row_count = row_count - 1
    WHERE OLD.current_status = 'active' AND scope_id = OLD.environment_id AND list = 'phone_numbers';
    INSERT INTO list_counters (scope_id, list, row_count) SELECT NEW.environment_id, 'phone_numbers', 1 WHERE NEW.current_status = 'active'
    ON CONFLICT (scope_id, list) DO UPDATE SET row_count = row_count + 1;
END;

CREATE TRIGGER trg_phone_numbers_count_delete AFTER DELETE ON phone_numbers WHEN OLD.current_status = 'active'
BEGIN
    UPDATE list_counters SET row_count = row_count - 1 WHERE scope_id = OLD.environment_id AND list = 'phone_numbers';
END;

CREATE TRIGGER trg_agents_count_insert AFTER INSERT ON agents
BEGIN
    INSERT INTO list_counters (scope_id, list, row_count) VALUES (NEW.environment_id, 'agents', 1)
    ON CONFLICT (scope_id, list) DO UPDATE SET row_count = row_count + 1;
END;

CREATE TRIGGER trg_agents_count_delete AFTER DELETE ON agents
BEGIN
    UPDATE list_counters SET row_count = row_count - 1 WHERE scope_id = OLD.environment_id AND list = 'agents';
END;

CREATE TRIGGER trg_release_requests_count_insert AFTER INSERT ON release_requests
BEGIN
    INSERT INTO list_counters (scope_id, list, row_count)
    VALUES (NEW.environment_id, 'release_requests', 1),
           (NEW.environment_id, 'release_requests:' || NEW.status, 1),
           ('00000000-0000-0000-0000-000000000000', 'release_requests:' || NEW.status, 1)
    ON CONFLICT (scope_id, list) DO UPDATE SET row_count = row_count + 1;
END;

CREATE TRIGGER trg_release_requests_count_update AFTER UPDATE OF status ON release_requests WHEN OLD.status <> NEW.status
BEGIN
    UPDATE list_counters SET row_count = row_count - 1
    WHERE list = 'release_requests:' || OLD.status AND scope_id IN (OLD.environment_id, '00000000-0000-0000-0000-000000000000');
    INSERT INTO list_counters (scope_id, list, row_count)
    VALUES (NEW.environment_id, 'release_requests:' || NEW.status, 1),
           ('00000000-0000-0000-0000-000000000000', 'release_requests:' || NEW.status, 1)
    ON CONFLICT (scope_id, list) DO UPDATE SET row_count = row_count + 1;
END;

CREATE TRIGGER trg_release_requests_count_delete AFTER DELETE ON release_requests
BEGIN
    UPDATE list_counters SET row_count = row_count - 1
    WHERE (scope_id = OLD.environment_id AND list IN ('release_requests', 'release_requests:' || OLD.status))
       OR (scope_id = '00000000-0000-0000-0000-000000000000' AND list = 'release_requests:' || OLD.status);
END;

CREATE TRIGGER trg_environments_count_insert AFTER INSERT ON environments
BEGIN
    INSERT INTO list_counters (scope_id, list, row_count) VALUES ('00000000-0000-0000-0000-000000000000', 'environments', 1)
    ON CONFLICT (scope_id, list) DO UPDATE SET row_count = row_count + 1;
END;

CREATE TRIGGER trg_environments_count_delete AFTER DELETE ON environments
BEGIN
    UPDATE list_counters SET row_count = row_count - 1 WHERE scope_id = '00000000-0000-0000-0000-000000000000' AND list = 'environments';
END;

CREATE TRIGGER trg_staff_members_count_insert AFTER INSERT ON staff_members
BEGIN
    INSERT INTO list_counters (scope_id, list, row_count) VALUES ('00000000-0000-0000-0000-000000000000', 'staff_members', 1)
    ON CONFLICT (scope_id, list) DO UPDATE SET row_count = row_count + 1;
END;

CREATE TRIGGER trg_staff_members_count_delete AFTER DELETE ON staff_members
BEGIN
    UPDATE list_counters SET row_count = row_count - 1 WHERE scope_id = '00000000-0000-0000-0000-000000000000' AND list = 'staff_members';
END;

-- Substring search: FTS5's trigram tokenizer (built into SQLite) indexes every three characters of a
-- text, so LIKE '%text%' of three characters or more reads the matching rows' entries instead of every
-- row. Each index keeps its own copy of the text and the row's id (detail=none: no positions, a small
-- index; SQLite checks each candidate's text). Rows are found again by id on the rare update or delete
-- (numbers, agents, environments and requests are never deleted by the service), never by a rowid
-- that VACUUM may renumber.
CREATE VIRTUAL TABLE phone_numbers_search USING fts5(number, id UNINDEXED, tokenize = 'trigram', detail = 'none');
INSERT INTO phone_numbers_search (number, id) SELECT number, id FROM phone_numbers;

CREATE TRIGGER trg_phone_numbers_search_insert AFTER INSERT ON phone_numbers
BEGIN
    INSERT INTO phone_numbers_search (number, id) VALUES (NEW.number, NEW.id);
END;

CREATE TRIGGER trg_phone_numbers_search_update AFTER UPDATE OF number ON phone_numbers
BEGIN
    DELETE FROM phone_numbers_search WHERE id = OLD.id;
    INSERT INTO phone_numbers_search (number, id) VALUES (NEW.number, NEW.id);
END;

CREATE TRIGGER trg_phone_numbers_search_delete AFTER DELETE ON phone_numbers
BEGIN
    DELETE FROM phone_numbers_search WHERE id = OLD.id;
END;

CREATE VIRTUAL TABLE agents_search USING fts5(name, id UNINDEXED, tokenize = 'trigram', detail = 'none');
INSERT INTO agents_search (name, id) SELECT name, id FROM agents;

CREATE TRIGGER trg_agents_search_insert AFTER INSERT ON agents
BEGIN
    INSERT INTO agents_search (name, id) VALUES (NEW.name, NEW.id);
END;

CREATE TRIGGER trg_agents_search_update AFTER UPDATE OF name ON agents
BEGIN
    DELETE FROM agents_search WHERE id = OLD.id;
    INSERT INTO agents_search (name, id) VALUES (NEW.name, NEW.id);
END;

CREATE TRIGGER trg_agents_search_delete AFTER DELETE ON agents
BEGIN
    DELETE FROM agents_search WHERE id = OLD.id;
END;

CREATE VIRTUAL TABLE environments_search USING fts5(name, id UNINDEXED, tokenize = 'trigram', detail = 'none');
INSERT INTO environments_search (name, id) SELECT name, id FROM environments;

CREATE TRIGGER trg_environments_search_insert AFTER INSERT ON environments
BEGIN
    INSERT INTO environments_search (name, id) VALUES (NEW.name, NEW.id);
END;

CREATE TRIGGER trg_environments_search_update AFTER UPDATE OF name ON environments
BEGIN
    DELETE FROM environments_search WHERE id = OLD.id;
    INSERT INTO environments_search (name, id) VALUES (NEW.name, NEW.id);
END;

CREATE TRIGGER trg_environments_search_delete AFTER DELETE ON environments
BEGIN
    DELETE FROM environments_search WHERE id = OLD.id;
END;

CREATE VIRTUAL TABLE release_requests_search USING fts5(phone_number, id UNINDEXED, tokenize = 'trigram', detail = 'none');
INSERT INTO release_requests_search (phone_number, id) SELECT phone_number, id FROM release_requests;

CREATE TRIGGER trg_release_requests_search_insert AFTER INSERT ON release_requests
BEGIN
    INSERT INTO release_requests_search (phone_number, id) VALUES (NEW.phone_number, NEW.id);
END;

CREATE TRIGGER trg_release_requests_search_delete AFTER DELETE ON release_requests
BEGIN
    DELETE FROM release_requests_search WHERE id = OLD.id;
END;

-- Numbers are searched by digits, and digits have only a thousand trigrams, each in about 1 % of a
-- million numbers: a trigram lookup still reads thousands of entries. So each number is also indexed by
-- its digit suffixes of four digits or more ('+14155550123' as 14155550123, 4155550123, …, 0123), and a
-- search for digits is a prefix query on them: it reads the suffixes that start with those digits, as
-- many as the matches, at any table size. Contentless (only the row's id is kept) and without
-- positions: about 110 bytes a number.
CREATE VIRTUAL TABLE phone_numbers_digits USING fts5(
    digits, id UNINDEXED, content = '', contentless_unindexed = 1, contentless_delete = 1, detail = 'none');
-- Each row's digit suffixes as one text, written here once for the backfill and the triggers.
CREATE VIEW phone_number_digit_suffixes AS
SELECT id, CASE WHEN length(number) >= 5 THEN substr(number, 2) || ' ' ELSE '' END
        || CASE WHEN length(number) >= 6 THEN substr(number, 3) || ' ' ELSE '' END
        || CASE WHEN length(number) >= 7 THEN substr(number, 4) || ' ' ELSE '' END
        || CASE WHEN length(number) >= 8 THEN substr(number, 5) || ' ' ELSE '' END
        || CASE WHEN length(number) >= 9 THEN substr(number, 6) || ' ' ELSE '' END
        || CASE WHEN length(number) >= 10 THEN substr(number, 7) || ' ' ELSE '' END
        || CASE WHEN length(number) >= 11 THEN substr(number, 8) || ' ' ELSE '' END
        || CASE WHEN length(number) >= 12 THEN substr(number, 9) || ' ' ELSE '' END
        || CASE WHEN length(number) >= 13 THEN substr(number, 10) || ' ' ELSE '' END
        || CASE WHEN length(number) >= 14 THEN substr(number, 11) || ' ' ELSE '' END
        || CASE WHEN length(number) >= 15 THEN substr(number, 12) || ' ' ELSE '' END
        || CASE WHEN length(number) >= 16 THEN substr(number, 13) || ' ' ELSE '' END
        || CASE WHEN length(number) >= 17 THEN substr(number, 14) || ' ' ELSE '' END
        || CASE WHEN length(number) >= 18 THEN substr(number, 15) || ' ' ELSE '' END
        || CASE WHEN length(number) >= 19 THEN substr(number, 16) || ' ' ELSE '' END AS digits
FROM phone_numbers;

INSERT INTO phone_numbers_digits (digits, id) SELECT digits, id FROM phone_number_digit_suffixes;

CREATE TRIGGER trg_phone_numbers_digits_insert AFTER INSERT ON phone_numbers
BEGIN
    INSERT INTO phone_numbers_digits (digits, id) SELECT digits, id FROM phone_number_digit_suffixes WHERE id = NEW.id;
END;

CREATE TRIGGER trg_phone_numbers_digits_update AFTER UPDATE OF number ON phone_numbers
BEGIN
    DELETE FROM phone_numbers_digits WHERE id = OLD.id;
    INSERT INTO phone_numbers_digits (digits, id) SELECT digits, id FROM phone_number_digit_suffixes WHERE id = NEW.id;
END;

CREATE TRIGGER trg_phone_numbers_digits_delete AFTER DELETE ON phone_numbers
BEGIN
    DELETE FROM phone_numbers_digits WHERE id = OLD.id;
END;

CREATE VIRTUAL TABLE release_requests_digits USING fts5(
    digits, id UNINDEXED, content = '', contentless_unindexed = 1, contentless_delete = 1, detail = 'none');
-- Each row's digit suffixes as one text, written here once for the backfill and the triggers.
CREATE VIEW release_request_digit_suffixes AS
SELECT id, CASE WHEN length(phone_number) >= 5 THEN substr(phone_number, 2) || ' ' ELSE '' END
        || CASE WHEN length(phone_number) >= 6 THEN substr(phone_number, 3) || ' ' ELSE '' END
        || CASE WHEN length(phone_number) >= 7 THEN substr(phone_number, 4) || ' ' ELSE '' END
        || CASE WHEN length(phone_number) >= 8 THEN substr(phone_number, 5) || ' ' ELSE '' END
        || CASE WHEN length(phone_number) >= 9 THEN substr(phone_number, 6) || ' ' ELSE '' END
        || CASE WHEN length(phone_number) >= 10 THEN substr(phone_number, 7) || ' ' ELSE '' END
        || CASE WHEN length(phone_number) >= 11 THEN substr(phone_number, 8) || ' ' ELSE '' END
        || CASE WHEN length(phone_number) >= 12 THEN substr(phone_number, 9) || ' ' ELSE '' END
        || CASE WHEN length(phone_number) >= 13 THEN substr(phone_number, 10) || ' ' ELSE '' END
        || CASE WHEN length(phone_number) >= 14 THEN substr(phone_number, 11) || ' ' ELSE '' END
        || CASE WHEN length(phone_number) >= 15 THEN substr(phone_number, 12) || ' ' ELSE '' END
        || CASE WHEN length(phone_number) >= 16 THEN substr(phone_number, 13) || ' ' ELSE '' END
        || CASE WHEN length(phone_number) >= 17 THEN substr(phone_number, 14) || ' ' ELSE '' END
        || CASE WHEN length(phone_number) >= 18 THEN substr(phone_number, 15) || ' ' ELSE '' END
        || CASE WHEN length(phone_number) >= 19 THEN substr(phone_number, 16) || ' ' ELSE '' END AS digits
FROM release_requests;

INSERT INTO release_requests_digits (digits, id) SELECT digits, id FROM release_request_digit_suffixes;

CREATE TRIGGER trg_release_requests_digits_insert AFTER INSERT ON release_requests
BEGIN
    INSERT INTO release_requests_digits (digits, id) SELECT digits, id FROM release_request_digit_suffixes WHERE id = NEW.id;
END;

CREATE TRIGGER trg_release_requests_digits_delete AFTER DELETE ON release_requests
BEGIN
    DELETE FROM release_requests_digits WHERE id = OLD.id;
END;

-- An environment's active numbers, newest first, and nothing else: a deep page walks these entries only,
-- without reading each number's row to skip the released ones.
CREATE INDEX ix_phone_numbers_environment_active ON phone_numbers (environment_id, created_at, id) WHERE current_status = 'active';

-- An environment's requests of one status, and one number's requests, newest first.
CREATE INDEX ix_release_requests_environment_status ON release_requests (environment_id, status, requested_at, id);
CREATE INDEX ix_release_requests_phone_number ON release_requests (phone_number_id, requested_at, id);
