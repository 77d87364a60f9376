using System.Data.Common;
using Dapper;
using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Persistence;

/// <summary>
/// One connection per request scope, opened on first use, and the command's transaction when one is open.
/// Repositories and read queries of the same scope go through it, so a command reads its own writes.
/// </summary>
internal sealed class DbSession(SqlDialect dialect, DatabaseOptions options) : IUnitOfWork, IAsyncDisposable
{
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private IDisposable? _writeTurn;

    public SqlDialect Dialect => dialect;

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already open in this scope.");
        }

        _writeTurn = await dialect.EnterWriteAsync(options.ConnectionString, cancellationToken);
        try
        {
            var connection = await OpenAsync(cancellationToken);
            _transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        }
        catch
        {
            EndWriteTurn();
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("No transaction is open.");
        _transaction = null;
        try
        {
            await using (transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            EndWriteTurn();
        }
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        var transaction = _transaction;
        _transaction = null;
        if (transaction is null)
        {
            return;
        }

        try
        {
            await using (transaction)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
        }
        finally
        {
            EndWriteTurn();
        }
    }

    private void EndWriteTurn()
    {
        _writeTurn?.Dispose();
        _writeTurn = null;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<T>(Command(sql, parameters, cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// One page of a list (the statement's <c>/*page*/</c> marker replaced by the dialect) and the size of
    /// the whole list. <paramref name="parameters"/> carry the filters plus <c>Skip</c> and <c>Take</c>.
    /// </summary>
    public async Task<(IReadOnlyList<T> Items, long Total)> QueryPageAsync<T>(string pageSql, string countSql, object parameters, CancellationToken cancellationToken)
    {
        var items = await QueryAsync<T>(dialect.Paged(pageSql), parameters, cancellationToken);
        var total = await ExecuteScalarAsync<long>(countSql, parameters, cancellationToken);
        return (items, total);
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken));
    }

    public async Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<T>(Command(sql, parameters, cancellationToken));
    }

    /// <summary>Runs a statement that writes; outside a transaction it still waits its turn to write.</summary>
    public async Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        if (_transaction is not null)
        {
            return await connection.ExecuteAsync(Command(sql, parameters, cancellationToken));
        }

        using (await dialect.EnterWriteAsync(options.ConnectionString, cancellationToken))
        {
            return await connection.ExecuteAsync(Command(sql, parameters, cancellationToken));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await RollbackAsync(CancellationToken.None);
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, _transaction, cancellationToken: cancellationToken);

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            return _connection;
        }

        var connection = dialect.CreateConnection(options.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            await connection.DisposeAsync();
            throw new DatabaseUnavailableException("The database could not be opened.", ex);
        }

        _connection = connection;
        return connection;
    }
}
