-- One row that the health check reads and rewrites, so "healthy" means the database can be read and written.
CREATE TABLE dbo.health_probe (
    id         int NOT NULL CONSTRAINT pk_health_probe PRIMARY KEY CONSTRAINT ck_health_probe_single_row CHECK (id = 1),
    probed_at  datetime2(7) NOT NULL
);
INSERT INTO dbo.health_probe (id, probed_at) VALUES (1, '1970-01-01T00:00:00');
GO
