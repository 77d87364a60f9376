using System.Data.Common;
using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Persistence;

/// <summary>
/// How this process reaches its database, shared by every request:
/// <list type="bullet">
/// <item>at most <see cref="DatabaseOptions.MaxOpenConnections"/> connections are open at once; a request
/// that finds none free waits for one instead of opening another;</item>
/// <item>where the database takes one writer at a time (SQLite), this process's writers queue for their
/// turn first, holding no connection while they wait;</item>
/// <item>a fault (locked, read-only, full, unreachable) becomes <see cref="DatabaseUnavailableException"/>
/// (503), and the pooled connections that saw it are discarded, so none outlives the fault.</item>
/// </list>
/// Every wait is bounded by <see cref="DatabaseOptions.BusyTimeout"/> unless the caller gives a shorter one.
/// </summary>
internal sealed class DatabaseAccess
{
    private const int OpenAttempts = 3;
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(50);

    private readonly DatabaseOptions _options;
    private readonly string _unpooledConnectionString;
    private readonly SemaphoreSlim _writeTurn = new(1, 1);
    private readonly SemaphoreSlim _connections;

    public DatabaseAccess(SqlDialect dialect, DatabaseOptions options)
    {
        Dialect = dialect;
        _options = options;
        _unpooledConnectionString = dialect.Unpooled(options.ConnectionString);
        _connections = new SemaphoreSlim(options.MaxOpenConnections, options.MaxOpenConnections);
    }

    public SqlDialect Dialect { get; }

    public TimeSpan BusyTimeout => _options.BusyTimeout;

    /// <summary>
    /// Waits for this process's turn to write when the provider takes writers one at a time (SQLite);
    /// disposing the result lets the next writer in. Null where writers do not queue here.
    /// </summary>
    // SQLite has one writer per file. Queuing this process's writers here, first come first served,
    // spares them Microsoft.Data.Sqlite's busy retry, which sleeps between attempts and turned a burst
    // of writes into tail latencies of hundreds of milliseconds. Other processes writing the same file
    // are still kept out by SQLite's own lock and busy timeout.
    public async ValueTask<IDisposable?> EnterWriteAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (!Dialect.SerializesWriters)
        {
            return null;
        }

        if (!await _writeTurn.WaitAsync(wait, cancellationToken))
        {
            throw new DatabaseUnavailableException(
                "Timed out waiting for the turn to write.", new TimeoutException($"No write turn within {wait.TotalSeconds:0.#} s."));
        }

        return new Slot(_writeTurn);
    }

    /// <summary>
    /// Takes one of the process's connection slots and opens a connection in it: from the pool, or,
    /// with <paramref name="pooled"/> false, one opened just now that sees the database as it is now.
    /// A connection <paramref name="forWriting"/> (its caller holds the write turn) is first checked to be
    /// able to write; a pooled one that cannot — opened during a fault since gone — is dropped with the
    /// rest of the pool, and a fresh one is opened in its place (twice at most, after short pauses).
    /// </summary>
    public async Task<OpenConnection> OpenAsync(TimeSpan wait, CancellationToken cancellationToken, bool forWriting = false, bool pooled = true)
    {
        if (!await _connections.WaitAsync(wait, cancellationToken))
        {
            throw new DatabaseUnavailableException(
                $"All {_options.MaxOpenConnections} database connections stayed busy.", new TimeoutException($"No connection within {wait.TotalSeconds:0.#} s."));
        }

        var slot = new Slot(_connections);
        for (var attempt = 1; ; attempt++)
        {
            var connection = Dialect.CreateConnection(pooled ? _options.ConnectionString : _unpooledConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                if (forWriting)
                {
                    Dialect.EnsureWritable(connection);
                }

                return new OpenConnection(connection, slot);
            }
            catch (DbException ex) when (attempt < OpenAttempts && pooled && Dialect.IsUnavailable(ex))
            {
                // SQLite shares some files among a process's connections to one database (the -shm
                // index); one opened read-only during the fault stays so until the last connection
                // using it, perhaps still busy in another request, has closed. Give those a moment.
                Dialect.Discard(connection);
                await connection.DisposeAsync();
                await Task.Delay(RetryPause * attempt, cancellationToken);
            }
            catch (DbException ex)
            {
                await DropAsync(connection, slot);
                throw new DatabaseUnavailableException("The database could not be opened.", ex);
            }
            catch
            {
                await DropAsync(connection, slot);
                throw;
            }
        }
    }

    private async Task DropAsync(DbConnection connection, IDisposable slot)
    {
        Dialect.Discard(connection);
        await connection.DisposeAsync();
        slot.Dispose();
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
            Dialect.Discard(connection);
            throw new DatabaseUnavailableException("The database could not complete the request.", ex);
        }
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

/// <summary>An open connection in one of the process's slots; disposing it closes the connection and frees the slot.</summary>
internal sealed class OpenConnection(DbConnection connection, IDisposable slot) : IAsyncDisposable
{
    public DbConnection Connection => connection;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await connection.DisposeAsync();
        }
        finally
        {
            slot.Dispose();
        }
    }
}
