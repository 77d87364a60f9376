using Dapper;
using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Persistence.Queries;

/// <summary>
/// Healthy means a read and a write on a newly opened connection both succeed within
/// <see cref="ProbeTimeout"/> — a database that answers reads but is locked, read-only or out of space
/// is not healthy — and, on SQLite, that the database's volume has at least <see cref="MinimumFreeBytes"/>
/// free (a write that fits in pages SQLite already has can succeed on a full disk, so the probe's write
/// alone would not notice).
/// </summary>
internal sealed class DatabaseHealth(DatabaseAccess database, DatabaseOptions options, TimeProvider clock) : IDatabaseHealth
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public const long MinimumFreeBytes = 1024 * 1024;

    internal static class Sql
    {
        public const string Read = "SELECT COUNT(*) FROM health_probe WHERE id = 1";

        public const string Write = "UPDATE health_probe SET probed_at = @Now WHERE id = 1";
    }

    public async Task<bool> IsUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ProbeTimeout * 2);
            return await ProbeAsync(timeout.Token) && HasFreeSpace();
        }
        catch (Exception ex) when (ex is DatabaseUnavailableException or System.Data.Common.DbException)
        {
            // A database that answers but lacks the probe's table (replaced, or not migrated) is not healthy either.
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        var seconds = (int)ProbeTimeout.TotalSeconds;
        var budget = WaitBudget.Of(ProbeTimeout);
        using var turn = await database.EnterWriteAsync(budget, cancellationToken);
        // Not a pooled connection: one opened before a fault can keep writing through file handles it
        // already has (a folder remounted read-only) while no connection opened now could.
        await using var probe = await database.OpenAsync(budget, cancellationToken, forWriting: true, pooled: false);
        return await database.RunAsync(probe.Connection, async connection =>
        {
            await using var transaction = await database.Dialect.BeginWriteTransactionAsync(connection, cancellationToken);
            var read = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Sql.Read, null, transaction, seconds, cancellationToken: cancellationToken));
            var written = await connection.ExecuteAsync(new CommandDefinition(Sql.Write, new { Now = clock.GetUtcNow().UtcDateTime }, transaction, seconds, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return read == 1 && written == 1;
        });
    }

    private bool HasFreeSpace()
    {
        if (options.SqliteFilePath is not { } file)
        {
            return true;
        }

        try
        {
            return new DriveInfo(Path.GetDirectoryName(file)!).AvailableFreeSpace >= MinimumFreeBytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }
}
