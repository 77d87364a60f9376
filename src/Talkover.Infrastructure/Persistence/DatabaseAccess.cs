using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Talkover.Application.Abstractions;
using Talkover.Application.Diagnostics;

namespace Talkover.Infrastructure.Persistence;

/// <summary>
/// How this process reaches its database, shared by every request:
/// <list type="bullet">
/// <item>at most <see cref="DatabaseOptions.MaxOpenConnections"/> connections are open at once; a request
/// that finds none free waits for one instead of opening another;</item>
/// <item>where the database takes one writer at a time (SQLite), this process's writers queue for their
/// turn first, holding no connection while they wait;</item>
/// <item>a fault (locked, read-only, full, unreachable) becomes <see cref="DatabaseUnavailableException"/>
/// (503); after one that can leave a connection unusable, the pool is cleared, so none outlives the fault;</item>
/// <item>where the dialect keeps them (SQLite), connections stay open between requests, idle here, with the
/// list statements they have prepared (a page statement is parsed and planned once per connection, not once
/// per request); one in a transaction is closed instead, and clearing the pool closes the idle ones too.</item>
/// </list>
/// The waits one step takes — for the turn, a connection and the database's lock — share one
/// <see cref="WaitBudget"/>: together they last no longer than the busy timeout.
/// </summary>
internal sealed class DatabaseAccess
{
    private const int WritableAttempts = 3;
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(50);

    private readonly string _connectionString;
    private readonly string _unpooledConnectionString;
    private readonly int _maxOpenConnections;
    private readonly SemaphoreSlim _writeTurn = new(1, 1);
    private readonly SemaphoreSlim _connections;

    // Connections kept open between requests where the dialect keeps them (their prepared statements with them),
    // each with the generation it was opened in: a fault that clears the pool starts a new generation, and one
    // of an older generation is closed instead of used. Last in, first out: the connection used most recently
    // has the warmest page cache, and the rest go unused when traffic is light.
    private readonly ConcurrentStack<(DbConnection Connection, int Generation)> _idleReaders = new();
    private int _generation;
    private readonly TalkoverMetrics? _metrics;

    public DatabaseAccess(SqlDialect dialect, DatabaseOptions options, TalkoverMetrics? metrics = null)
    {
        _metrics = metrics;
        Dialect = dialect;
        BusyTimeout = options.BusyTimeout;
        _connectionString = dialect.ForRequests(options.ConnectionString);
        _unpooledConnectionString = dialect.Unpooled(_connectionString);
        _maxOpenConnections = Math.Min(options.MaxOpenConnections, dialect.PoolLimit(options.ConnectionString));
        _connections = new SemaphoreSlim(_maxOpenConnections, _maxOpenConnections);
    }

    public SqlDialect Dialect { get; }

    public TimeSpan BusyTimeout { get; }

    /// <summary>A budget of <see cref="BusyTimeout"/> for the waits of one step.</summary>
    public WaitBudget StartWaiting() => WaitBudget.Of(BusyTimeout);

    /// <summary>
    /// Waits for this process's turn to write when the provider takes writers one at a time (SQLite);
    /// disposing the result lets the next writer in. Null where writers do not queue here.
    /// </summary>
    // SQLite has one writer per file. Queuing this process's writers here, first come first served,
    // spares them Microsoft.Data.Sqlite's busy retry, which sleeps between attempts and turned a burst
    // of writes into tail latencies of hundreds of milliseconds. Other processes writing the same file
    // are still kept out by SQLite's own lock and busy timeout.
    public async ValueTask<IDisposable?> EnterWriteAsync(WaitBudget budget, CancellationToken cancellationToken)
    {
        if (!Dialect.SerializesWriters)
        {
            return null;
        }

        var started = Stopwatch.GetTimestamp();
        var entered = await _writeTurn.WaitAsync(budget.Remaining, cancellationToken);
        _metrics?.DbWriteWait.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        if (!entered)
        {
            throw new DatabaseUnavailableException(
                "Timed out waiting for the turn to write.", new TimeoutException($"No write turn within {budget.Total.TotalSeconds:0.#} s."));
        }

        return new Slot(_writeTurn);
    }

    /// <summary>Whether a writer of this process has the turn right now (never, where writers do not queue here).</summary>
    public bool IsWriting => Dialect.SerializesWriters && _writeTurn.CurrentCount == 0;

    /// <summary>
    /// Takes one of the process's connection slots and opens a connection in it: from the pool, or,
    /// with <paramref name="pooled"/> false, one opened just now that sees the database as it is now.
    /// Its statements wait for locks no longer than what is left of <paramref name="budget"/>.
    /// A connection <paramref name="forWriting"/> (its caller holds the write turn) is first checked to be
    /// able to write; a pooled one that cannot — opened during a fault since gone — is dropped with the
    /// rest of the pool, and a fresh one is opened in its place (twice at most, after short pauses).
    /// </summary>
    public async Task<OpenConnection> OpenAsync(WaitBudget budget, CancellationToken cancellationToken, bool forWriting = false, bool pooled = true)
    {
        if (!await _connections.WaitAsync(budget.Remaining, cancellationToken))
        {
            throw new DatabaseUnavailableException(
                $"All {_maxOpenConnections} database connections stayed busy.", new TimeoutException($"No connection within {budget.Total.TotalSeconds:0.#} s."));
        }

        var slot = new Slot(_connections);
        var keep = pooled && Dialect.KeepsReaders;
        try
        {
            while (keep && _idleReaders.TryPop(out var idle))
            {
                if (idle.Generation == Volatile.Read(ref _generation) && Dialect.IsIdle(idle.Connection) && WriteProblem(idle.Connection, forWriting) is null)
                {
                    LimitLockWait(idle.Connection, budget, forWriting);
                    return new OpenConnection(idle.Connection, slot, this, idle.Generation);
                }

                await idle.Connection.DisposeAsync();
            }

            var generation = Volatile.Read(ref _generation);
            for (var attempt = 1; ; attempt++)
            {
                var connection = Dialect.CreateConnection(pooled ? _connectionString : _unpooledConnectionString);
                try
                {
                    if (await TryOpenAsync(connection, forWriting, mayRetry: pooled && attempt < WritableAttempts, cancellationToken))
                    {
                        LimitLockWait(connection, budget, forWriting);
                        return keep ? new OpenConnection(connection, slot, this, generation) : new OpenConnection(connection, slot);
                    }
                }
                catch
                {
                    await connection.DisposeAsync();
                    throw;
                }

                await connection.DisposeAsync();
                await Task.Delay(RetryPause * attempt, CancellationToken.None);
            }
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    // The database's own lock wait counts in whole seconds: a writer gets what is left of its budget,
    // rounded to the nearest second, and one with less than half a second left answers 503 now; so the
    // budget is overrun by half a second at most.
    private void LimitLockWait(DbConnection connection, WaitBudget budget, bool forWriting)
    {
        var seconds = Math.Round(budget.Remaining.TotalSeconds, MidpointRounding.AwayFromZero);
        if (seconds < 1 && forWriting)
        {
            throw new DatabaseUnavailableException(
                "Timed out waiting to write.", new TimeoutException($"The {budget.Total.TotalSeconds:0.#} s busy timeout ran out before the write lock."));
        }

        Dialect.LimitLockWait(connection, TimeSpan.FromSeconds(Math.Max(1, seconds)));
    }

    /// <summary>
    /// Opens the connection; false when it cannot write although it should and a fresh one may be
    /// tried. SQLite shares some files among a process's connections to one database (the -shm
    /// index); one opened read-only during a fault stays so until the last connection using it,
    /// perhaps still busy in another request when the pool is cleared, has closed.
    /// </summary>
    private async Task<bool> TryOpenAsync(DbConnection connection, bool forWriting, bool mayRetry, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken);
            Dialect.Configure(connection);
        }
        catch (DbException ex)
        {
            Forget(connection, ex);
            throw new DatabaseUnavailableException("The database could not be opened.", ex);
        }

        if (WriteProblem(connection, forWriting) is not { } problem)
        {
            return true;
        }

        return mayRetry ? false : throw new DatabaseUnavailableException("The database can only be read.", problem);
    }

    /// <summary>Runs <paramref name="work"/> on <paramref name="connection"/>, turning a database fault into a 503.</summary>
    public async Task<T> RunAsync<T>(DbConnection connection, Func<DbConnection, Task<T>> work)
    {
        try
        {
            return await work(connection);
        }
        catch (DbException ex) when (Dialect.IsUnavailable(ex))
        {
            Forget(connection, ex);
            throw new DatabaseUnavailableException("The database could not complete the request.", ex);
        }
    }

    /// <summary>After a fault that can leave connections unusable, no pooled connection of this database is used again.</summary>
    public void Forget(DbConnection connection, DbException fault)
    {
        if (Dialect.PoisonsConnections(fault))
        {
            Discard(connection);
        }
    }

    // Why a connection about to write cannot (null: it can, or it will not write), the pool already forgotten
    // when that can outlive the fault. A kept connection is checked as a newly opened one is.
    private DbException? WriteProblem(DbConnection connection, bool forWriting)
    {
        if (!forWriting)
        {
            return null;
        }

        try
        {
            Dialect.EnsureWritable(connection);
            return null;
        }
        catch (DbException ex) when (Dialect.IsUnavailable(ex))
        {
            Forget(connection, ex);
            return ex;
        }
    }

    /// <summary>Drops every pooled connection of this database, the idle readers kept here included.</summary>
    public void Discard(DbConnection connection)
    {
        Interlocked.Increment(ref _generation);
        Dialect.Discard(connection);
        while (_idleReaders.TryPop(out var idle))
        {
            idle.Connection.Dispose();
        }
    }

    /// <summary>A reader back from its request: kept for the next while it is of this generation and holds no transaction; else closed.</summary>
    internal ValueTask ReturnAsync(DbConnection connection, int generation)
    {
        if (generation == Volatile.Read(ref _generation) && Dialect.IsIdle(connection))
        {
            _idleReaders.Push((connection, generation));

            // A fault may have started a new generation meanwhile: then this reader is not left behind.
            if (generation == Volatile.Read(ref _generation))
            {
                return ValueTask.CompletedTask;
            }
        }

        return connection.DisposeAsync();
    }

    private sealed class Slot(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}

/// <summary>How long the waits of one step may take together: what is left of a total, never negative.</summary>
internal readonly record struct WaitBudget(TimeSpan Total, long StartedAt)
{
    public static WaitBudget Of(TimeSpan total) => new(total, Stopwatch.GetTimestamp());

    public TimeSpan Remaining
    {
        get
        {
            var left = Total - Stopwatch.GetElapsedTime(StartedAt);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }
}

/// <summary>
/// An open connection in one of the process's slots; disposing it closes the connection (or gives a kept reader
/// back to <paramref name="keeper"/>) and frees the slot.
/// </summary>
internal sealed class OpenConnection(DbConnection connection, IDisposable slot, DatabaseAccess? keeper = null, int generation = 0) : IAsyncDisposable
{
    public DbConnection Connection => connection;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await (keeper is null ? connection.DisposeAsync() : keeper.ReturnAsync(connection, generation));
        }
        finally
        {
            slot.Dispose();
        }
    }
}
