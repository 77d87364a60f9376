using System.Data.Common;
using Dapper;
using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Persistence;

/// <summary>
/// A request scope's way to the database. Outside a transaction each statement borrows a connection
/// for its own duration only, so a request holds no connection while it waits for anything else.
/// A transaction keeps one connection from begin to end; repositories and read queries of the scope
/// go through it, so a command reads its own writes. A transaction begun inside another is a
/// savepoint: rolling it back undoes only what was written since it began.
/// </summary>
internal sealed class DbSession(DatabaseAccess database) : IUnitOfWork, IAsyncDisposable
{
    private OpenConnection? _held;
    private DbTransaction? _transaction;
    private IDisposable? _writeTurn;
    private int _savepoints;

    public SqlDialect Dialect => database.Dialect;

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (_transaction is { } open)
        {
            _savepoints++;
            await database.RunAsync(_held!.Connection, async _ =>
            {
                await open.SaveAsync(SavepointName(_savepoints), cancellationToken);
                return 0;
            });
            return;
        }

        // The turn to write comes before the connection: a queue of writers holds no connections.
        _writeTurn = await database.EnterWriteAsync(database.BusyTimeout, cancellationToken);
        try
        {
            _held = await database.OpenAsync(database.BusyTimeout, cancellationToken, forWriting: true);
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
            var name = SavepointName(_savepoints--);
            await database.RunAsync(_held!.Connection, async _ =>
            {
                await transaction.ReleaseAsync(name, cancellationToken);
                return 0;
            });
            return;
        }

        try
        {
            await database.RunAsync(_held!.Connection, async _ =>
            {
                await transaction.CommitAsync(cancellationToken);
                return 0;
            });
        }
        finally
        {
            await EndAsync();
        }
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not { } transaction)
        {
            return;
        }

        if (_savepoints > 0)
        {
            var name = SavepointName(_savepoints--);
            await database.RunAsync(_held!.Connection, async _ =>
            {
                await transaction.RollbackAsync(name, cancellationToken);
                await transaction.ReleaseAsync(name, cancellationToken);
                return 0;
            });
            return;
        }

        try
        {
            await transaction.RollbackAsync(cancellationToken);
        }
        catch (DbException)
        {
            // The database may have ended the transaction itself (SQLite does on a full disk or an I/O
            // error). Nothing of it was committed either way; the connection is not reused.
            Dialect.Discard(_held!.Connection);
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
    /// One page of a list (the statement's <c>/*page*/</c> marker replaced by the dialect) and the size of
    /// the whole list. <paramref name="parameters"/> carry the filters plus <c>Skip</c> and <c>Take</c>.
    /// </summary>
    public Task<(IReadOnlyList<T> Items, long Total)> QueryPageAsync<T>(string pageSql, string countSql, object parameters, CancellationToken cancellationToken) =>
        RunAsync(writes: false, cancellationToken, async (connection, transaction) =>
        {
            var items = (await connection.QueryAsync<T>(Command(Dialect.Paged(pageSql), parameters, transaction, cancellationToken))).AsList();
            var total = await connection.ExecuteScalarAsync<long>(Command(countSql, parameters, transaction, cancellationToken));
            return ((IReadOnlyList<T>)items, total);
        });

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

    public async ValueTask DisposeAsync()
    {
        _savepoints = 0;
        await RollbackAsync(CancellationToken.None);
    }

    private async Task<T> RunAsync<T>(bool writes, CancellationToken cancellationToken, Func<DbConnection, DbTransaction?, Task<T>> work)
    {
        if (_held is { } held)
        {
            return await database.RunAsync(held.Connection, connection => work(connection, _transaction));
        }

        using var turn = writes ? await database.EnterWriteAsync(database.BusyTimeout, cancellationToken) : null;
        await using var borrowed = await database.OpenAsync(database.BusyTimeout, cancellationToken, forWriting: writes);
        return await database.RunAsync(borrowed.Connection, connection => work(connection, null));
    }

    private async Task EndAsync()
    {
        _transaction?.Dispose();
        _transaction = null;
        _savepoints = 0;
        if (_held is not null)
        {
            await _held.DisposeAsync();
            _held = null;
        }

        _writeTurn?.Dispose();
        _writeTurn = null;
    }

    private static CommandDefinition Command(string sql, object? parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    private static string SavepointName(int depth) => $"talkover_{depth}";
}
