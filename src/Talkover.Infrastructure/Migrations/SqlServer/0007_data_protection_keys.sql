-- The ASP.NET Core Data Protection key ring (console cookies, antiforgery tokens): one row per element
-- of the ring (a key, or a revocation), kept as the XML the framework wrote. Every instance of the
-- service reads the same ring, so a cookie issued by one is accepted by another and survives restarts.
-- It is a handful of rows (a new key every 90 days), always read whole: no index beyond the key.
CREATE TABLE dbo.data_protection_keys (
    id             uniqueidentifier NOT NULL CONSTRAINT pk_data_protection_keys PRIMARY KEY,
    friendly_name  nvarchar(256) NULL,
    xml            nvarchar(max) NOT NULL,
    created_at     datetime2(7) NOT NULL
);
GO
