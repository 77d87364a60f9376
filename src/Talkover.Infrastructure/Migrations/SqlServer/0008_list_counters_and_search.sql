-- Lists that cost the same at any size: their totals are read from counters, and their substring searches
-- from a trigram table, both kept by triggers in the same transaction as the rows they describe, so no
-- statement of the service can change a row and forget them.

-- How many rows a list holds. scope_id is the environment a list belongs to, or all zeros for a list of
-- every environment; list names the list and, for release requests, the status counted.
CREATE TABLE dbo.list_counters (
    scope_id   uniqueidentifier NOT NULL,
    list       varchar(64) NOT NULL,
    row_count  bigint NOT NULL,
    CONSTRAINT pk_list_counters PRIMARY KEY (scope_id, list)
);
GO

-- Every three characters of a searchable text (lower case), with the row it is part of: a search for
-- text of three characters or more reads the rows having its trigrams, then checks LIKE on those only.
-- SQL Server has no substring index of its own (full-text search finds words and prefixes, not infixes).
CREATE TABLE dbo.search_trigrams (
    source  varchar(32) NOT NULL,
    gram    nvarchar(3) NOT NULL,
    row_id  uniqueidentifier NOT NULL,
    CONSTRAINT pk_search_trigrams PRIMARY KEY (source, gram, row_id)
);
CREATE INDEX ix_search_trigrams_row ON dbo.search_trigrams (row_id);
GO

-- Numbers are searched by digits, which have only a thousand trigrams: each number is also kept by its
-- digit suffixes of four digits or more ('+14155550123' as 14155550123, 4155550123, …, 0123), and a search
-- for digits seeks the suffixes that start with them (LIKE 'digits%' on the key), as many as the matches.
CREATE TABLE dbo.search_suffixes (
    source  varchar(32) NOT NULL,
    suffix  varchar(16) NOT NULL,
    row_id  uniqueidentifier NOT NULL,
    CONSTRAINT pk_search_suffixes PRIMARY KEY (source, suffix, row_id)
);
CREATE INDEX ix_search_suffixes_row ON dbo.search_suffixes (row_id);
GO

-- The lower-case trigrams of a text, and the digit suffixes of four digits or more of a phone number (after
-- its +): what search_trigrams and search_suffixes hold, defined once for the backfill and every trigger.
CREATE FUNCTION dbo.text_trigrams (@text nvarchar(510))
RETURNS TABLE
AS
RETURN
    SELECT DISTINCT LOWER(SUBSTRING(@text, positions.n, 3)) AS gram
    FROM (
        SELECT hundreds.n * 100 + tens.n * 10 + ones.n + 1 AS n
        FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS hundreds (n)
        CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS tens (n)
        CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS ones (n)
    ) AS positions
    WHERE positions.n <= LEN(@text) - 2;
GO

CREATE FUNCTION dbo.digit_suffixes (@number varchar(16))
RETURNS TABLE
AS
RETURN
    SELECT SUBSTRING(@number, positions.n + 1, 16) AS suffix
    FROM (VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12)) AS positions (n)
    WHERE positions.n <= LEN(@number) - 4;
GO

INSERT INTO dbo.list_counters (scope_id, list, row_count)
SELECT environment_id, 'phone_numbers', COUNT(*) FROM dbo.phone_numbers WHERE current_status = 'active' GROUP BY environment_id;
INSERT INTO dbo.list_counters (scope_id, list, row_count)
SELECT environment_id, 'agents', COUNT(*) FROM dbo.agents GROUP BY environment_id;
INSERT INTO dbo.list_counters (scope_id, list, row_count)
SELECT environment_id, 'release_requests', COUNT(*) FROM dbo.release_requests GROUP BY environment_id;
INSERT INTO dbo.list_counters (scope_id, list, row_count)
SELECT environment_id, 'release_requests:' + status, COUNT(*) FROM dbo.release_requests GROUP BY environment_id, status;
INSERT INTO dbo.list_counters (scope_id, list, row_count)
SELECT '00000000-0000-0000-0000-000000000000', 'release_requests:' + status, COUNT(*) FROM dbo.release_requests GROUP BY status;
INSERT INTO dbo.list_counters (scope_id, list, row_count)
SELECT '00000000-0000-0000-0000-000000000000', 'environments', COUNT(*) FROM dbo.environments HAVING COUNT(*) > 0;
INSERT INTO dbo.list_counters (scope_id, list, row_count)
SELECT '00000000-0000-0000-0000-000000000000', 'staff_members', COUNT(*) FROM dbo.staff_members HAVING COUNT(*) > 0;
GO

INSERT INTO dbo.search_trigrams (source, gram, row_id)
SELECT DISTINCT 'phone_numbers', g.gram, p.id FROM dbo.phone_numbers p CROSS APPLY dbo.text_trigrams(p.number) g;
INSERT INTO dbo.search_trigrams (source, gram, row_id)
SELECT DISTINCT 'agents', g.gram, a.id FROM dbo.agents a CROSS APPLY dbo.text_trigrams(a.name) g;
INSERT INTO dbo.search_trigrams (source, gram, row_id)
SELECT DISTINCT 'environments', g.gram, e.id FROM dbo.environments e CROSS APPLY dbo.text_trigrams(e.name) g;
INSERT INTO dbo.search_suffixes (source, suffix, row_id)
SELECT DISTINCT 'phone_numbers', x.suffix, p.id FROM dbo.phone_numbers p CROSS APPLY dbo.digit_suffixes(p.number) x;
INSERT INTO dbo.search_suffixes (source, suffix, row_id)
SELECT DISTINCT 'release_requests', x.suffix, r.id FROM dbo.release_requests r CROSS APPLY dbo.digit_suffixes(r.phone_number) x;
INSERT INTO dbo.search_trigrams (source, gram, row_id)
SELECT DISTINCT 'release_requests', g.gram, r.id FROM dbo.release_requests r CROSS APPLY dbo.text_trigrams(r.phone_number) g;
GO

CREATE TRIGGER dbo.trg_phone_numbers_lists ON dbo.phone_numbers AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;

    WITH changes (scope_id, list, delta) AS (
        SELECT environment_id, 'phone_numbers', 1 FROM inserted WHERE current_status = 'active'
        UNION ALL
        SELECT environment_id, 'phone_numbers', -1 FROM deleted WHERE current_status = 'active'
    )
    MERGE dbo.list_counters WITH (HOLDLOCK) AS c
    USING (SELECT scope_id, list, SUM(delta) AS delta FROM changes GROUP BY scope_id, list HAVING SUM(delta) <> 0) AS t
    ON c.scope_id = t.scope_id AND c.list = t.list
    WHEN MATCHED THEN UPDATE SET row_count = c.row_count + t.delta
    WHEN NOT MATCHED THEN INSERT (scope_id, list, row_count) VALUES (t.scope_id, t.list, t.delta);

    DELETE g FROM dbo.search_trigrams g
    INNER JOIN deleted d ON g.row_id = d.id
    WHERE g.source = 'phone_numbers' AND NOT EXISTS (SELECT 1 FROM inserted i WHERE i.id = d.id AND i.number = d.number);

    INSERT INTO dbo.search_trigrams (source, gram, row_id)
    SELECT DISTINCT 'phone_numbers', g.gram, i.id
    FROM inserted i
    CROSS APPLY dbo.text_trigrams(i.number) g
    WHERE NOT EXISTS (SELECT 1 FROM deleted d WHERE d.id = i.id AND d.number = i.number);

    DELETE x FROM dbo.search_suffixes x
    INNER JOIN deleted d ON x.row_id = d.id
    WHERE x.source = 'phone_numbers' AND NOT EXISTS (SELECT 1 FROM inserted i WHERE i.id = d.id AND i.number = d.number);

    INSERT INTO dbo.search_suffixes (source, suffix, row_id)
    SELECT DISTINCT 'phone_numbers', x.suffix, i.id
    FROM inserted i
    CROSS APPLY dbo.digit_suffixes(i.number) x
    WHERE NOT EXISTS (SELECT 1 FROM deleted d WHERE d.id = i.id AND d.number = i.number);
END;
GO

CREATE TRIGGER dbo.trg_agents_lists ON dbo.agents AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;

    WITH changes (scope_id, list, delta) AS (
        SELECT environment_id, 'agents', 1 FROM inserted
        UNION ALL
        SELECT environment_id, 'agents', -1 FROM deleted
    )
    MERGE dbo.list_counters WITH (HOLDLOCK) AS c
    USING (SELECT scope_id, list, SUM(delta) AS delta FROM changes GROUP BY scope_id, list HAVING SUM(delta) <> 0) AS t
    ON c.scope_id = t.scope_id AND c.list = t.list
    WHEN MATCHED THEN UPDATE SET row_count = c.row_count + t.delta
    WHEN NOT MATCHED THEN INSERT (scope_id, list, row_count) VALUES (t.scope_id, t.list, t.delta);

    DELETE g FROM dbo.search_trigrams g
    INNER JOIN deleted d ON g.row_id = d.id
    WHERE g.source = 'agents' AND NOT EXISTS (SELECT 1 FROM inserted i WHERE i.id = d.id AND i.name = d.name);

    INSERT INTO dbo.search_trigrams (source, gram, row_id)
    SELECT DISTINCT 'agents', g.gram, i.id
    FROM inserted i
    CROSS APPLY dbo.text_trigrams(i.name) g
    WHERE NOT EXISTS (SELECT 1 FROM deleted d WHERE d.id = i.id AND d.name = i.name);
END;
GO

CREATE TRIGGER dbo.trg_release_requests_lists ON dbo.release_requests AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;

    WITH changes (scope_id, list, delta) AS (
        SELECT environment_id, 'release_requests', 1 FROM inserted
        UNION ALL SELECT environment_id, 'release_requests:' + status, 1 FROM inserted
        UNION ALL SELECT '00000000-0000-0000-0000-000000000000', 'release_requests:' + status, 1 FROM inserted
        UNION ALL SELECT environment_id, 'release_requests', -1 FROM deleted
        UNION ALL SELECT environment_id, 'release_requests:' + status, -1 FROM deleted
        UNION ALL SELECT '00000000-0000-0000-0000-000000000000', 'release_requests:' + status, -1 FROM deleted
    )
    MERGE dbo.list_counters WITH (HOLDLOCK) AS c
    USING (SELECT scope_id, list, SUM(delta) AS delta FROM changes GROUP BY scope_id, list HAVING SUM(delta) <> 0) AS t
    ON c.scope_id = t.scope_id AND c.list = t.list
    WHEN MATCHED THEN UPDATE SET row_count = c.row_count + t.delta
    WHEN NOT MATCHED THEN INSERT (scope_id, list, row_count) VALUES (t.scope_id, t.list, t.delta);

    DELETE g FROM dbo.search_trigrams g
    INNER JOIN deleted d ON g.row_id = d.id
    WHERE g.source = 'release_requests' AND NOT EXISTS (SELECT 1 FROM inserted i WHERE i.id = d.id AND i.phone_number = d.phone_number);

    INSERT INTO dbo.search_trigrams (source, gram, row_id)
    SELECT DISTINCT 'release_requests', g.gram, i.id
    FROM inserted i
    CROSS APPLY dbo.text_trigrams(i.phone_number) g
    WHERE NOT EXISTS (SELECT 1 FROM deleted d WHERE d.id = i.id AND d.phone_number = i.phone_number);

    DELETE x FROM dbo.search_suffixes x
    INNER JOIN deleted d ON x.row_id = d.id
    WHERE x.source = 'release_requests' AND NOT EXISTS (SELECT 1 FROM inserted i WHERE i.id = d.id AND i.phone_number = d.phone_number);

    INSERT INTO dbo.search_suffixes (source, suffix, row_id)
    SELECT DISTINCT 'release_requests', x.suffix, i.id
    FROM inserted i
    CROSS APPLY dbo.digit_suffixes(i.phone_number) x
    WHERE NOT EXISTS (SELECT 1 FROM deleted d WHERE d.id = i.id AND d.phone_number = i.phone_number);
END;
GO

CREATE TRIGGER dbo.trg_environments_lists ON dbo.environments AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;

    WITH changes (scope_id, list, delta) AS (
        SELECT '00000000-0000-0000-0000-000000000000', 'environments', 1 FROM inserted
        UNION ALL
        SELECT '00000000-0000-0000-0000-000000000000', 'environments', -1 FROM deleted
    )
    MERGE dbo.list_counters WITH (HOLDLOCK) AS c
    USING (SELECT scope_id, list, SUM(delta) AS delta FROM changes GROUP BY scope_id, list HAVING SUM(delta) <> 0) AS t
    ON c.scope_id = t.scope_id AND c.list = t.list
    WHEN MATCHED THEN UPDATE SET row_count = c.row_count + t.delta
    WHEN NOT MATCHED THEN INSERT (scope_id, list, row_count) VALUES (t.scope_id, t.list, t.delta);

    DELETE g FROM dbo.search_trigrams g
    INNER JOIN deleted d ON g.row_id = d.id
    WHERE g.source = 'environments' AND NOT EXISTS (SELECT 1 FROM inserted i WHERE i.id = d.id AND i.name = d.name);

    INSERT INTO dbo.search_trigrams (source, gram, row_id)
    SELECT DISTINCT 'environments', g.gram, i.id
    FROM inserted i
    CROSS APPLY dbo.text_trigrams(i.name) g
    WHERE NOT EXISTS (SELECT 1 FROM deleted d WHERE d.id = i.id AND d.name = i.name);
END;
GO

CREATE TRIGGER dbo.trg_staff_members_lists ON dbo.staff_members AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;

    WITH changes (scope_id, list, delta) AS (
        SELECT '00000000-0000-0000-0000-000000000000', 'staff_members', 1 FROM inserted
        UNION ALL
        SELECT '00000000-0000-0000-0000-000000000000', 'staff_members', -1 FROM deleted
    )
    MERGE dbo.list_counters WITH (HOLDLOCK) AS c
    USING (SELECT scope_id, list, SUM(delta) AS delta FROM changes GROUP BY scope_id, list HAVING SUM(delta) <> 0) AS t
    ON c.scope_id = t.scope_id AND c.list = t.list
    WHEN MATCHED THEN UPDATE SET row_count = c.row_count + t.delta
    WHEN NOT MATCHED THEN INSERT (scope_id, list, row_count) VALUES (t.scope_id, t.list, t.delta);
END;
GO

-- An environment's active numbers, newest first, and nothing else: a deep page walks these entries only,
-- without reading each number's row to skip the released ones.
CREATE INDEX ix_phone_numbers_environment_active ON dbo.phone_numbers (environment_id, created_at, id) WHERE current_status = 'active';
GO

-- An environment's requests of one status, and one number's requests, newest first.
CREATE INDEX ix_release_requests_environment_status ON dbo.release_requests (environment_id, status, requested_at, id);
CREATE INDEX ix_release_requests_phone_number ON dbo.release_requests (phone_number_id, requested_at, id);
GO
