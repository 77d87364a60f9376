using System.Diagnostics;
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
        var holder = HoldExclusiveLock();

        Assert.That(async () => await WriteProbeAsync(services), Throws.InstanceOf<DatabaseUnavailableException>());

        holder.Dispose();
        Assert.That(await WriteProbeAsync(services), Is.EqualTo(1));
    }

    [Test]
    public async Task Writes_WhenTheyQueueBehindAForeignLock_EachAnswersWithinItsOwnBusyTimeout()
    {
        await using var services = Services(("ConnectionStrings:Talkover", $"Data Source={_database.FilePath};Default Timeout=2"));
        using var holder = HoldExclusiveLock();

        var writers = Enumerable.Range(0, 3).Select(async i =>
        {
            await Task.Delay(300 * i);
            var started = Stopwatch.GetTimestamp();
            try
            {
                await WriteProbeAsync(services);
                return (Unavailable: false, Took: Stopwatch.GetElapsedTime(started));
            }
            catch (DatabaseUnavailableException)
            {
                return (Unavailable: true, Took: Stopwatch.GetElapsedTime(started));
            }
        }).ToList();
        var outcomes = await Task.WhenAll(writers);

        Assert.That(outcomes.Select(o => o.Unavailable), Is.All.True);
        Assert.That(outcomes.Select(o => o.Took), Is.All.LessThan(TimeSpan.FromSeconds(2.5)), "the turn, a connection and the lock share one busy timeout");
    }

    [Test]
    public async Task Command_WhenTheDiskFillsInsideASavepoint_IsUnavailableAndNothingCommits()
    {
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        await unitOfWork.BeginAsync(CancellationToken.None);
        var pages = await db.ExecuteScalarAsync<long>("PRAGMA page_count", null, CancellationToken.None);
        await db.ExecuteAsync($"PRAGMA max_page_count = {pages + 2}", null, CancellationToken.None);
        await db.ExecuteAsync("UPDATE health_probe SET probed_at = 'outer write' WHERE id = 1", null, CancellationToken.None);
        await unitOfWork.BeginAsync(CancellationToken.None);

        Assert.That(
            async () => await db.ExecuteAsync(
                "INSERT INTO idempotency_keys (scope, idempotency_key, fingerprint, state, response_body, created_at, expires_at) VALUES ('s', 'k', 'f', 'completed', zeroblob(1000000), 'now', 'later')",
                null, CancellationToken.None),
            Throws.InstanceOf<DatabaseUnavailableException>());
        Assert.That(async () => await unitOfWork.RollbackAsync(CancellationToken.None), Throws.Nothing, "rolling back never hides the fault");
        Assert.That(async () => await unitOfWork.CommitAsync(CancellationToken.None), Throws.InstanceOf<DatabaseUnavailableException>());

        await using var check = new SqliteConnection(_database.ConnectionString);
        await check.OpenAsync();
        await using var read = check.CreateCommand();
        read.CommandText = "SELECT probed_at FROM health_probe WHERE id = 1";
        Assert.That(await read.ExecuteScalarAsync(), Is.Not.EqualTo("outer write"));
    }

    [Test]
    public async Task Requests_WhenTheDatabaseFileIsLost_AreUnavailableAndNoEmptyDatabaseTakesItsPlace()
    {
        await using var services = Services();
        await using (var before = services.CreateAsyncScope())
        {
            Assert.That(await before.ServiceProvider.GetRequiredService<IDatabaseHealth>().IsUpAsync(CancellationToken.None), Is.True);
        }

        SqliteConnection.ClearAllPools();
        File.Delete(_database.FilePath);

        await using var scope = services.CreateAsyncScope();
        Assert.That(await scope.ServiceProvider.GetRequiredService<IDatabaseHealth>().IsUpAsync(CancellationToken.None), Is.False);
        Assert.That(
            async () => await scope.ServiceProvider.GetRequiredService<DbSession>().ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agents", null, CancellationToken.None),
            Throws.InstanceOf<DatabaseUnavailableException>());
        Assert.That(File.Exists(_database.FilePath), Is.False);
    }

    [Test]
    public async Task Readers_AreKeptOpenForTheNextRequest_UntilAFaultClearsThePool()
    {
        await using var services = Services();
        var access = services.GetRequiredService<DatabaseAccess>();

        var first = await ConnectionOfAReadAsync(access);
        var second = await ConnectionOfAReadAsync(access);
        var writer = await access.OpenAsync(access.StartWaiting(), CancellationToken.None, forWriting: true);
        var written = writer.Connection;
        await writer.DisposeAsync();
        access.Discard(second);
        var afterFault = await ConnectionOfAReadAsync(access);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.SameAs(first), "a reader goes back to the process's idle readers, still open");
            Assert.That(written, Is.SameAs(first), "a writer takes a kept connection too, once it is checked to be able to write");
            Assert.That(afterFault, Is.Not.SameAs(first), "a fault that clears the pool closes the kept ones");
            Assert.That(first.State, Is.EqualTo(System.Data.ConnectionState.Closed));
        });
    }

    [Test]
    public async Task Readers_ReturnedInsideATransaction_AreClosedNotKept()
    {
        await using var services = Services();
        var access = services.GetRequiredService<DatabaseAccess>();
        var borrowed = await access.OpenAsync(access.StartWaiting(), CancellationToken.None);
        var connection = borrowed.Connection;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await borrowed.DisposeAsync();
        }

        Assert.That(await ConnectionOfAReadAsync(access), Is.Not.SameAs(connection));
    }

    [Test]
    public async Task ListPages_ArePreparedOncePerKeptConnection()
    {
        await using var services = Services();
        var environmentId = Guid.CreateVersion7();
        for (var i = 0; i < 3; i++)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IPhoneNumberQueries>().ListAsync(
                environmentId, new Application.PhoneNumbers.ListPhoneNumbers.PhoneNumberFilter(null, null, null, null, null), new Application.Common.ListWindow(0, 20, null, 0), CancellationToken.None);
        }

        var access = services.GetRequiredService<DatabaseAccess>();
        var kept = await access.OpenAsync(access.StartWaiting(), CancellationToken.None);
        var prepared = ((SqliteDialect)access.Dialect).PreparedOn(kept.Connection).ToList();
        await kept.DisposeAsync();

        Assert.That(prepared, Has.Count.EqualTo(1), "three list requests, one page statement prepared and kept on the connection they shared");
        Assert.That(prepared[0], Does.StartWith("SELECT p.id"));
    }

    private static async Task<System.Data.Common.DbConnection> ConnectionOfAReadAsync(DatabaseAccess access)
    {
        var borrowed = await access.OpenAsync(access.StartWaiting(), CancellationToken.None);
        var connection = borrowed.Connection;
        await borrowed.DisposeAsync();
        return connection;
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

    /// <summary>Another connection, outside the service's pool and gates, holding SQLite's write lock until disposed.</summary>
    private SqliteConnection HoldExclusiveLock()
    {
        var holder = new SqliteConnection(_database.ConnectionString + ";Pooling=False");
        holder.Open();
        using var exclusive = holder.CreateCommand();
        exclusive.CommandText = "BEGIN EXCLUSIVE";
        exclusive.ExecuteNonQuery();
        return holder;
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

        ProcessSetup.Configure();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication();
        services.AddInfrastructure(DependencyInjection.ReadDatabaseOptions(new ConfigurationBuilder().AddInMemoryCollection(values).Build()));
        services.AddSingleton<IWebhookEventSerializer, TestEventSerializer>();
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
