using Microsoft.Data.Sqlite;
using Talkover.Infrastructure.Persistence;
using Talkover.Infrastructure.Tests.Support;

namespace Talkover.Infrastructure.Tests.Persistence;

[TestFixture]
public sealed class DatabaseMigratorTests
{
    private TempSqliteDatabase _database = null!;

    [SetUp]
    public void SetUp() => _database = new TempSqliteDatabase();

    [TearDown]
    public void TearDown() => _database.Dispose();

    [Test]
    public void Migrate_WhenRunTwice_AppliesNothingTheSecondTime()
    {
        var sqliteScripts = SqlStatements.MigrationScripts(DatabaseProvider.Sqlite);

        var first = new DatabaseMigrator(Options()).Migrate();
        var journalAfterFirst = JournalCount();
        var second = new DatabaseMigrator(Options()).Migrate();

        Assert.That(sqliteScripts, Is.Not.Empty);
        Assert.That(first, Has.Count.EqualTo(sqliteScripts.Count));
        Assert.That(second, Is.Empty);
        Assert.That(JournalCount(), Is.EqualTo(journalAfterFirst).And.EqualTo(sqliteScripts.Count));
    }

    [Test]
    public void Migrate_WhenSqlite_OnlyRunsTheSqliteScripts()
    {
        var applied = new DatabaseMigrator(Options()).Migrate();

        Assert.That(applied, Is.Not.Empty.And.All.StartsWith(DatabaseMigrator.ScriptPrefix(DatabaseProvider.Sqlite)));
    }

    [Test]
    public void Migrate_WhenDone_CreatesTheFilteredUniqueIndexOnPendingReleaseRequests()
    {
        new DatabaseMigrator(Options()).Migrate();

        using var connection = Open();
        using var master = connection.CreateCommand();
        master.CommandText = "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'index' AND name = 'ux_release_requests_pending_phone_number'";
        using (var reader = master.ExecuteReader())
        {
            Assert.That(reader.Read(), Is.True, "index ux_release_requests_pending_phone_number is missing");
            Assert.That(reader.GetString(0), Is.EqualTo("release_requests"));
            Assert.That(reader.GetString(1), Does.StartWith("CREATE UNIQUE INDEX").And.EndsWith("WHERE status = 'pending'"));
        }

        // SQLite's own view of the index: unique and partial (filtered), on phone_number_id only.
        using var list = connection.CreateCommand();
        list.CommandText = "SELECT \"unique\", partial FROM pragma_index_list('release_requests') WHERE name = 'ux_release_requests_pending_phone_number'";
        using (var reader = list.ExecuteReader())
        {
            Assert.That(reader.Read(), Is.True);
            Assert.That((reader.GetInt64(0), reader.GetInt64(1)), Is.EqualTo((1L, 1L)));
        }

        using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT name FROM pragma_index_info('ux_release_requests_pending_phone_number')";
        using (var reader = columns.ExecuteReader())
        {
            var names = new List<string>();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }

            Assert.That(names, Is.EqualTo(new[] { "phone_number_id" }));
        }
    }

    [Test]
    public void Migrate_WhenDone_LeavesTheDatabaseInWalMode()
    {
        new DatabaseMigrator(Options()).Migrate();

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.That(command.ExecuteScalar(), Is.EqualTo("wal"));
    }

    [Test]
    public void Migrate_FromBeforeNamedActors_KeepsEveryHistoryRowAndNamesTheSharedAdminKeyTheSystem()
    {
        new DatabaseMigrator(Options()).Migrate();
        using (var connection = Open())
        {
            // Back to the schema as it was before 0005, with history written then.
            Execute(connection, """
                PRAGMA foreign_keys = OFF;
                ALTER TABLE release_request_history DROP COLUMN actor_id;
                ALTER TABLE release_request_history DROP COLUMN actor_name;
                ALTER TABLE release_request_history DROP COLUMN actor_email;
                DELETE FROM schemaversions WHERE scriptname LIKE '%0005_history_actors.sql';
                INSERT INTO release_request_history (id, release_request_id, from_status, to_status, actor, note, occurred_at) VALUES
                    ('h1', 'r1', NULL, 'pending', 'customer', NULL, '2026-01-01T00:00:00Z'),
                    ('h2', 'r1', 'pending', 'approved', 'support', 'Released on request.', '2026-01-02T00:00:00Z');
                """);
        }

        var applied = new DatabaseMigrator(Options()).Migrate();

        Assert.That(applied, Has.Count.EqualTo(1).And.All.EndsWith("0005_history_actors.sql"));
        using var after = Open();
        using var read = after.CreateCommand();
        read.CommandText = "SELECT id, actor, actor_id, actor_name, actor_email, note FROM release_request_history ORDER BY id";
        using var reader = read.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, 6).Select(i => reader.IsDBNull(i) ? "null" : reader.GetString(i))));
        }

        Assert.That(rows, Is.EqualTo(new[] { "h1|customer|null|null|null|null", "h2|system|null|null|null|Released on request." }));
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private DatabaseOptions Options() => new() { Provider = DatabaseProvider.Sqlite, ConnectionString = _database.ConnectionString };

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        return connection;
    }

    private long JournalCount()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM SchemaVersions";
        return (long)command.ExecuteScalar()!;
    }
}
