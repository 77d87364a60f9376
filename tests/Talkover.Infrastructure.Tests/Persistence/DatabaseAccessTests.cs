using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Talkover.Application;
using Talkover.Application.Abstractions;
using Talkover.Infrastructure.Persistence;
using Talkover.Infrastructure.Tests.Support;

namespace Talkover.Infrastructure.Tests.Persistence;

/// <summary>How many connections a process opens, how long a request waits for one, and which errors mean "try again later".</summary>
[TestFixture]
[NonParallelizable]
public sealed class DatabaseAccessTests
{
    // About a tenth of a second of work for SQLite, so that reads overlap.
    private const string SlowRead = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) SELECT COUNT(*) FROM n, health_probe";

    private TempSqliteDatabase _database = null!;

    [SetUp]
    public void CreateDatabase() => _database = new TempSqliteDatabase().Migrated();

    [TearDown]
    public void DeleteDatabase() => _database.Dispose();

    [Test]
    public async Task Reads_WhenManyRunAtOnce_NeverHoldMoreConnectionsThanTheBound()
    {
        await using var services = Services(("Database:MaxOpenConnections", "2"));
        var maxOpen = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                maxOpen = Math.Max(maxOpen, OpenHandlesOf(_database.FilePath));
                await Task.Delay(5);
            }
        });

        var reads = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DbSession>().ExecuteScalarAsync<long>(SlowRead, null, CancellationToken.None);
        })));
        await stop.CancelAsync();
        await sampler;

        Assert.That(reads, Has.All.EqualTo(300000), "every read waited for a connection and then ran");
        Assert.That(maxOpen, Is.InRange(1, 2), "open handles on the database file");
    }

    [Test]
    public async Task Read_WhenNoConnectionFreesUpWithinTheBusyTimeout_IsUnavailable()
    {
        await using var services = Services(("Database:MaxOpenConnections", "1"), ("ConnectionStrings:Talkover", $"Data Source={_database.FilePath};Default Timeout=1"));
        await using var holder = services.CreateAsyncScope();
        await holder.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginAsync(CancellationToken.None);

        await using var waiter = services.CreateAsyncScope();
        var started = DateTime.UtcNow;
        Assert.That(
            async () => await waiter.ServiceProvider.GetRequiredService<DbSession>().ExecuteScalarAsync<long>("SELECT 1", null, CancellationToken.None),
            Throws.InstanceOf<DatabaseUnavailableException>());
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task Write_WhenAnotherProcessHoldsTheLockPastTheBusyTimeout_IsUnavailableAndTheNextWriteSucceeds()
    {
        await using var services = Services(("ConnectionStrings:Talkover", $"Data Source={_database.FilePath};Default Timeout=1"));
        var holder = new SqliteConnection(_database.ConnectionString + ";Pooling=False");
        holder.Open();
        using (var exclusive = holder.CreateCommand())
        {
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            exclusive.ExecuteNonQuery();
        }

        Assert.That(async () => await WriteProbeAsync(services), Throws.InstanceOf<DatabaseUnavailableException>());

        holder.Dispose();
        Assert.That(await WriteProbeAsync(services), Is.EqualTo(1));
    }

    [TestCase(5, 5, true, TestName = "SQLITE_BUSY is unavailable")]
    [TestCase(8, 1032, true, TestName = "SQLITE_READONLY_DBMOVED is unavailable")]
    [TestCase(10, 778, true, TestName = "SQLITE_IOERR_WRITE is unavailable")]
    [TestCase(13, 13, true, TestName = "SQLITE_FULL is unavailable")]
    [TestCase(14, 14, true, TestName = "SQLITE_CANTOPEN is unavailable")]
    [TestCase(19, 2067, false, TestName = "a unique constraint is the request's answer, not a fault")]
    [TestCase(1, 1, false, TestName = "a plain SQL error is a bug, not a fault")]
    public void IsUnavailable_ClassifiesSqliteErrors(int code, int extendedCode, bool unavailable)
    {
        Assert.That(new SqliteDialect().IsUnavailable(new SqliteException("x", code, extendedCode)), Is.EqualTo(unavailable));
    }

    private static async Task<int> WriteProbeAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DbSession>().ExecuteAsync(
            "UPDATE health_probe SET probed_at = @Now WHERE id = 1", new { Now = DateTime.UtcNow }, CancellationToken.None);
    }

    private ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["ConnectionStrings:Talkover"] = _database.ConnectionString };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication();
        services.AddInfrastructure(DependencyInjection.ReadDatabaseOptions(new ConfigurationBuilder().AddInMemoryCollection(values).Build()));
        return services.BuildServiceProvider();
    }

    /// <summary>This process's open file handles on exactly <paramref name="path"/> (not its -wal or -shm).</summary>
    private static int OpenHandlesOf(string path)
    {
        var count = 0;
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget == path)
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // The descriptor closed while it was being read.
            }
        }

        return count;
    }
}
