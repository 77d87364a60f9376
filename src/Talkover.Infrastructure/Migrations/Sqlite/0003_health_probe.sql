-- One row that the health check reads and rewrites, so "healthy" means the database can be read and written.
CREATE TABLE health_probe (
    id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    probed_at  TEXT NOT NULL
);
INSERT INTO health_probe (id, probed_at) VALUES (1, '1970-01-01T00:00:00.0000000Z');
