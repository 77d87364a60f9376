using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Talkover.Infrastructure.Persistence;

/// <summary>
/// What differs between the providers: connections, transactions, error numbers and the few
/// statements whose text is not the same. Everything else is shared SQL in the repositories.
/// </summary>
internal abstract class SqlDialect
{
    public abstract DatabaseProvider Provider { get; }

    public abstract DbConnection CreateConnection(string connectionString);

    public abstract Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Waits for this process's turn to write, if the provider takes writers one at a time anyway;
    /// disposing the result lets the next one in.
    /// </summary>
    public virtual ValueTask<IDisposable?> EnterWriteAsync(string connectionString, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IDisposable?>(null);

    /// <summary>A unique index rejected the row (the pending-release index, the active-number index).</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>An active phone number of an environment, locked for the rest of the transaction.</summary>
    public abstract string SelectPhoneNumberForUpdate { get; }

    /// <summary>An agent of an environment, locked for the rest of the transaction.</summary>
    public abstract string SelectAgentForUpdate { get; }

    /// <summary>A release request (of an environment when one is given), locked for the rest of the transaction.</summary>
    public abstract string SelectReleaseRequestForUpdate { get; }

    /// <summary>The clause that takes rows <c>@Skip</c> to <c>@Skip + @Take</c> of an ordered query.</summary>
    public abstract string PageClause { get; }

    /// <summary>
    /// A shared list statement with its <c>/*page*/</c> marker replaced by this provider's paging
    /// clause. The marker is a comment, so the shared text is valid SQL on its own.
    /// </summary>
    public string Paged(string sql) => sql.Contains(PageMarker, StringComparison.Ordinal)
        ? sql.Replace(PageMarker, PageClause, StringComparison.Ordinal)
        : throw new ArgumentException("The statement has no /*page*/ marker.", nameof(sql));

    internal const string PageMarker = "/*page*/";

    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteDialect(),
        DatabaseProvider.SqlServer => new SqlServerDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    internal const string PhoneNumberColumns = """
        p.id, p.environment_id, p.number, p.country_code, p.type, p.has_voice, p.has_sms, p.has_mms, p.has_fax, p.has_whatsapp,
        p.is_sandbox, p.current_status, p.current_price, p.currency, p.renewal_date, p.auto_renewal, p.monthly_renewal_cost,
        p.created_at, p.updated_at
        """;

    internal const string AgentColumns = """
        a.id, a.environment_id, a.name, a.label, a.language, a.direction, a.current_status, a.created_at, a.updated_at
        """;

    internal const string ReleaseRequestColumns = """
        r.id, r.environment_id, r.phone_number_id, r.phone_number, r.reason, r.status, r.requested_at, r.resolved_at, r.resolution_note
        """;
}

internal sealed class SqliteDialect : SqlDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _writeGates = new(StringComparer.Ordinal);

    // SQLite has one writer per file. Queuing this process's writers here, first come first served,
    // spares them Microsoft.Data.Sqlite's busy retry, which sleeps between attempts and turned a
    // burst of writes into tail latencies of hundreds of milliseconds. Other processes writing the
    // same file are still kept out by SQLite's own lock and busy timeout.
    // The wait is bounded like SQLite's own busy timeout: a queue that does not move is answered with
    // 503 rather than holding requests (and their idempotency leases) indefinitely.
    public override async ValueTask<IDisposable?> EnterWriteAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var gate = _writeGates.GetOrAdd(Path.GetFullPath(builder.DataSource), _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(TimeSpan.FromSeconds(builder.DefaultTimeout), cancellationToken))
        {
            throw new Application.Abstractions.DatabaseUnavailableException(
                "Timed out waiting for the SQLite write lock.", new TimeoutException($"No write turn within {builder.DefaultTimeout} s."));
        }

        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    // BEGIN IMMEDIATE takes the write lock up front, so read-then-write commands run one at a time
    // instead of failing with SQLITE_BUSY when two of them try to upgrade a read lock.
    public override Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    // The IMMEDIATE transaction already holds the database's write lock.
    public override string SelectPhoneNumberForUpdate { get; } = $"""
        SELECT {PhoneNumberColumns}
        FROM phone_numbers p
        WHERE p.environment_id = @EnvironmentId AND p.id = @Id AND p.current_status = 'active'
        """;

    public override string SelectAgentForUpdate { get; } = $"""
        SELECT {AgentColumns}
        FROM agents a
        WHERE a.environment_id = @EnvironmentId AND a.id = @Id
        """;

    public override string SelectReleaseRequestForUpdate { get; } = $"""
        SELECT {ReleaseRequestColumns}
        FROM release_requests r
        WHERE r.id = @Id AND (@EnvironmentId IS NULL OR r.environment_id = @EnvironmentId)
        """;

    public override string PageClause => "LIMIT @Take OFFSET @Skip";
}

internal sealed class SqlServerDialect : SqlDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public override async Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    public override bool IsUniqueViolation(DbException exception) => exception is SqlException { Number: 2601 or 2627 };

    // UPDLOCK makes a second writer of the same row wait here; HOLDLOCK keeps the lock (and the
    // key range, when the row is missing) until commit. Together they give the same one-at-a-time
    // check-then-write as SQLite's IMMEDIATE transaction, but per row instead of per database.
    public override string SelectPhoneNumberForUpdate { get; } = $"""
        SELECT {PhoneNumberColumns}
        FROM phone_numbers p WITH (UPDLOCK, HOLDLOCK)
        WHERE p.environment_id = @EnvironmentId AND p.id = @Id AND p.current_status = 'active'
        """;

    public override string SelectAgentForUpdate { get; } = $"""
        SELECT {AgentColumns}
        FROM agents a WITH (UPDLOCK, HOLDLOCK)
        WHERE a.environment_id = @EnvironmentId AND a.id = @Id
        """;

    public override string SelectReleaseRequestForUpdate { get; } = $"""
        SELECT {ReleaseRequestColumns}
        FROM release_requests r WITH (UPDLOCK, HOLDLOCK)
        WHERE r.id = @Id AND (@EnvironmentId IS NULL OR r.environment_id = @EnvironmentId)
        """;

    public override string PageClause => "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";
}
