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
