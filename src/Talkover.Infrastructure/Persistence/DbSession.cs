using System.Data.Common;
using Dapper;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Infrastructure.Persistence;

/// <summary>
/// A request scope's way to the database. Outside a transaction each statement borrows a connection
/// for its own duration only, so a request holds no connection while it waits for anything else.
/// A transaction keeps one connection from begin to end; repositories and read queries of the scope
/// go through it, so a command reads its own writes. A transaction begun inside another is a
/// savepoint: rolling it back undoes only what was written since it began.
/// <para>
/// When the database ends a transaction itself (SQLite on a full disk or an I/O error, SQL Server
/// with a deadlock victim), or a savepoint cannot be rolled back, nothing more runs in it and it
/// cannot commit: the request answers 503, and rolling back never hides the fault that caused it.
/// </para>
/// </summary>
internal sealed class DbSession(DatabaseAccess database) : IUnitOfWork, IAsyncDisposable
{
    /// <summary>The longest a bookkeeping write waits, for a connection or the lock.</summary>
    private static readonly TimeSpan BookkeepingWait = TimeSpan.FromSeconds(1);

    private OpenConnection? _held;
    private DbTransaction? _transaction;
    private IDisposable? _writeTurn;
    private int _savepoints;
    private bool _broken;

    /// <summary>What runs after the outermost commit, each with the savepoint depth it was registered at.</summary>
    private List<(int Depth, Action Action)>? _afterCommit;

    public SqlDialect Dialect => database.Dialect;

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (_transaction is { } open)
        {
            var name = SavepointName(_savepoints + 1);
            await RunAsync(writes: true, cancellationToken, async (_, _) =>
            {
                await open.SaveAsync(name, cancellationToken);
                return 0;
            });
            _savepoints++;
            return;
        }

        // The turn to write comes before the connection: a queue of writers holds no connections.
        var budget = database.StartWaiting();
        _writeTurn = await database.EnterWriteAsync(budget, cancellationToken);
        try
        {
            _held = await database.OpenAsync(budget, cancellationToken, forWriting: true);
            _transaction = await database.RunAsync(_held.Connection, connection => Dialect.BeginWriteTransactionAsync(connection, cancellationToken));
        }
        catch
        {
            await EndAsync();
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("No transaction is open.");
        if (_savepoints > 0)
        {
            var name = SavepointName(_savepoints);
            await RunAsync(writes: true, cancellationToken, async (_, _) =>
            {
                await transaction.ReleaseAsync(name, cancellationToken);
                return 0;
            });
            KeepAfterCommit(_savepoints);
            _savepoints--;
            return;
        }

        var afterCommit = _afterCommit;
        try
        {
            EnsureUsable();
            await database.RunAsync(_held!.Connection, async _ =>
            {
                await transaction.CommitAsync(cancellationToken);
                return 0;
            });
        }
        catch
        {
            await RollbackQuietlyAsync();
            throw;
        }
        finally
        {
            await EndAsync();
        }

        foreach (var (_, action) in afterCommit ?? [])
        {
            action();
        }
    }

    public void OnCommitted(Action action)
    {
        if (_transaction is null)
        {
            action();
            return;
        }

        (_afterCommit ??= []).Add((_savepoints, action));
    }

    /// <summary>A savepoint released: what was registered inside it now waits for the enclosing transaction.</summary>
    private void KeepAfterCommit(int depth)
    {
        if (_afterCommit is not { } list)
        {
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Depth >= depth)
            {
                list[i] = (depth - 1, list[i].Action);
            }
        }
    }

    /// <summary>A savepoint rolled back: what was registered inside it never runs.</summary>
    private void ForgetAfterCommit(int depth) => _afterCommit?.RemoveAll(entry => entry.Depth >= depth);

    /// <summary>Never throws: whatever made the caller roll back is what the request answers.</summary>
    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not { } transaction)
        {
            return;
        }

        if (_savepoints > 0)
        {
            ForgetAfterCommit(_savepoints);
            var name = SavepointName(_savepoints--);
            if (_broken || Dialect.TransactionEnded(_held!.Connection, transaction))
            {
                _broken = true;
                return;
            }

            try
            {
                await transaction.RollbackAsync(name, CancellationToken.None);
                await transaction.ReleaseAsync(name, CancellationToken.None);
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException)
            {
                // The savepoint's writes may still be there: the transaction must not commit them.
                _broken = true;
            }

            return;
        }

        try
        {
            await RollbackQuietlyAsync();
        }
        finally
        {
            await EndAsync();
        }
    }

    public Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(writes: false, cancellationToken, async (connection, transaction) =>
            (IReadOnlyList<T>)(await connection.QueryAsync<T>(Command(sql, parameters, transaction, cancellationToken))).AsList());

    /// <summary>
    /// The rows of <paramref name="window"/> of a list (one more is read to learn whether more follow) and the
    /// list's count: its counter, read with the page, when it has one; else the rows counted up to one past
    /// the window. Each row is read by <paramref name="read"/> (null: Dapper's mapping by column name), and
    /// given its children (the statement's <see cref="ListStatement.Children"/> column) by <paramref name="children"/>.
    /// </summary>
    public Task<ListSlice<T>> QueryListAsync<T>(
        ListRequest request,
        ListWindow window,
        CancellationToken cancellationToken,
        Func<DbDataReader, T>? read = null,
        Func<T, DbDataReader, int, T>? children = null)
    {
        if ((children is null) != (request.Statement.Children is null))
        {
            throw new InvalidOperationException($"{request.Statement.Name}: rows with children are read with their children, and only those.");
        }

        var (page, countSql, parameters) = request.Prepare(Dialect, window);
        var counted = request.Counter is not null;

        return RunAsync(writes: false, cancellationToken, async (connection, transaction) =>
        {
            var rows = new List<T>(window.Take + 1);
            long? total = null;
            await using (var reader = await Dialect.ExecuteReaderAsync(connection, page, parameters, transaction, cancellationToken))
            {
                var parse = read ?? reader.GetRowParser<T>();
                var totalColumn = counted ? reader.GetOrdinal("list_total") : -1;
                var childrenColumn = request.Statement.Children is { } list ? reader.GetOrdinal(list.Name) : -1;
                while (await reader.ReadAsync(cancellationToken))
                {
                    var row = parse(reader);
                    rows.Add(childrenColumn >= 0 ? children!(row, reader, childrenColumn) : row);
                    if (totalColumn >= 0 && total is null)
                    {
                        total = reader.IsDBNull(totalColumn) ? 0 : reader.GetInt64(totalColumn);
                    }
                }
            }

            var hasMore = rows.Count > window.Take;

            // A first page that holds the whole list has counted it; a counted list's page carries its total;
            // otherwise (a filtered list, or a page past the end of a counted one) the count is read.
            var count = !hasMore && window is { Skip: 0, After: null } ? rows.Count
                : total ?? await connection.ExecuteScalarAsync<long?>(Command(countSql, parameters, transaction, cancellationToken)) ?? 0;
            if (hasMore)
            {
                rows.RemoveAt(rows.Count - 1);
            }

            var slice = new ListSlice<T>(rows, hasMore, counted ? new ListCount(count, false) : ListCount.UpToWindow(count));
            return slice;
        });
    }

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(writes: false, cancellationToken, (connection, transaction) =>
            connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, transaction, cancellationToken)));

    public Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(writes: false, cancellationToken, (connection, transaction) =>
            connection.ExecuteScalarAsync<T>(Command(sql, parameters, transaction, cancellationToken)));

    /// <summary>Runs a statement that writes; outside a transaction it still waits its turn to write.</summary>
    public Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(writes: true, cancellationToken, (connection, transaction) =>
            connection.ExecuteAsync(Command(sql, parameters, transaction, cancellationToken)));

    /// <summary>
    /// A write of bookkeeping that may be lost (when a credential was last used): outside a transaction
    /// it never makes a request of this process wait. It is skipped, answering false, when another write
    /// has the turn; otherwise it runs without taking the turn — so a lock held elsewhere, which it waits
    /// for only the shortest time the provider allows, keeps no writer or health probe here waiting — and
    /// at worst a writer that starts meanwhile retries the lock for the few milliseconds the update holds it.
    /// </summary>
    public async Task<bool> TryExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        if (_held is not null)
        {
            await ExecuteAsync(sql, parameters, cancellationToken);
            return true;
        }

        if (database.IsWriting)
        {
            return false;
        }

        await using var borrowed = await database.OpenAsync(WaitBudget.Of(BookkeepingWait), cancellationToken, forWriting: true);
        await database.RunAsync(borrowed.Connection, connection => connection.ExecuteAsync(Command(sql, parameters, null, cancellationToken)));
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        _savepoints = 0;
        await RollbackAsync(CancellationToken.None);
    }

    private async Task<T> RunAsync<T>(bool writes, CancellationToken cancellationToken, Func<DbConnection, DbTransaction?, Task<T>> work)
    {
        if (_held is { } held)
        {
            EnsureUsable();
            try
            {
                return await database.RunAsync(held.Connection, connection => work(connection, _transaction));
            }
            catch when (_transaction is { } transaction && Dialect.TransactionEnded(held.Connection, transaction))
            {
                _broken = true;
                throw;
            }
        }

        var budget = database.StartWaiting();
        using var turn = writes ? await database.EnterWriteAsync(budget, cancellationToken) : null;
        await using var borrowed = await database.OpenAsync(budget, cancellationToken, forWriting: writes);
        return await database.RunAsync(borrowed.Connection, connection => work(connection, null));
    }

    private void EnsureUsable()
    {
        if (_broken)
        {
            throw new DatabaseUnavailableException(
                "The database ended the transaction.", new InvalidOperationException("The transaction was rolled back by the database."));
        }
    }

    private async Task RollbackQuietlyAsync()
    {
        if (_transaction is not { } transaction || Dialect.TransactionEnded(_held!.Connection, transaction))
        {
            return;
        }

        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // Nothing of the transaction was committed either way; its connection is not reused.
            database.Discard(_held.Connection);
        }
    }

    private async Task EndAsync()
    {
        var transaction = _transaction;
        var held = _held;
        var turn = _writeTurn;
        _transaction = null;
        _held = null;
        _writeTurn = null;
        _savepoints = 0;
        _broken = false;
        _afterCommit = null;
        try
        {
            try
            {
                transaction?.Dispose();
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException)
            {
                // Disposing rolls back what is left; the database has already given it up.
            }

            if (held is not null)
            {
                await held.DisposeAsync();
            }
        }
        finally
        {
            turn?.Dispose();
        }
    }

    // A /*lock*/ marker is a comment: a statement run without its dialect's text would run unlocked
    // without a word, so it is refused instead.
    private static CommandDefinition Command(string sql, object? parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        sql.Contains(SqlDialect.LockMarker, StringComparison.Ordinal)
            ? throw new InvalidOperationException("The statement still has a /*lock*/ marker; run it through the dialect (Locking).")
            : new(sql, parameters, transaction, cancellationToken: cancellationToken);

    private static string SavepointName(int depth) => $"talkover_{depth}";
}
