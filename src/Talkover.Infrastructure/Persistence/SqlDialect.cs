using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using SQLitePCL;

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

    /// <summary>The database takes one writer at a time, so this process queues its writers (see <see cref="DatabaseAccess"/>).</summary>
    public virtual bool SerializesWriters => false;

    /// <summary>
    /// The database cannot serve the request for now — locked past the busy timeout, read-only, full,
    /// unreachable, out of resources — as opposed to a statement the database rejected (a constraint,
    /// a bug). Clients get 503 and may retry.
    /// </summary>
    public abstract bool IsUnavailable(DbException exception);

    /// <summary>The fault can leave connections unusable after its cause is gone (so the pool is cleared), unlike a lock wait or a throttle.</summary>
    public abstract bool PoisonsConnections(DbException exception);

    /// <summary>Drops the pooled connections of this database, so that none that saw a fault is used again.</summary>
    public abstract void Discard(DbConnection connection);

    /// <summary>The database ended the transaction itself (a full disk, an I/O error, a deadlock victim): nothing of it remains.</summary>
    public abstract bool TransactionEnded(DbConnection connection, DbTransaction transaction);

    /// <summary>The connection string requests use (the configured one may let the migrator create the database).</summary>
    public virtual string ForRequests(string connectionString) => connectionString;

    /// <summary>The most connections the provider's own pool hands out; more slots than that would only wait inside it.</summary>
    public virtual int PoolLimit(string connectionString) => int.MaxValue;

    /// <summary>
    /// <paramref name="connectionString"/> for a connection that is not taken from the pool nor returned
    /// to it, where a pooled connection can hide what a new one would meet.
    /// </summary>
    public virtual string Unpooled(string connectionString) => connectionString;

    /// <summary>Settings a newly opened connection takes once (a pooled one keeps them).</summary>
    public virtual void Configure(DbConnection connection)
    {
    }

    /// <summary>
    /// Whether a connection that only read may stay open after its request, in the process's own set of idle
    /// readers, to serve the next with the statements it has prepared (see <see cref="ExecuteReaderAsync"/>).
    /// </summary>
    public virtual bool KeepsReaders => false;

    /// <summary>Whether the connection holds no transaction, so another request may use it as it is.</summary>
    public virtual bool IsIdle(DbConnection connection) => true;

    /// <summary>Runs a statement that reads rows (Dapper's mapping of <paramref name="parameters"/>).</summary>
    public virtual Task<DbDataReader> ExecuteReaderAsync(
        DbConnection connection, string sql, Dapper.DynamicParameters parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        Dapper.SqlMapper.ExecuteReaderAsync(connection, new Dapper.CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

    /// <summary>Throws when a connection about to write can only read (SQLite falls back to read-only silently).</summary>
    public virtual void EnsureWritable(DbConnection connection)
    {
    }

    /// <summary>Bounds how long this connection's statements wait for a lock (a probe must answer quickly).</summary>
    public virtual void LimitLockWait(DbConnection connection, TimeSpan wait)
    {
    }

    /// <summary>Deletes at most <c>@BatchSize</c> idempotency keys that expired before <c>@Now</c>.</summary>
    public abstract string DeleteExpiredIdempotencyKeys { get; }

    /// <summary>
    /// Leases at most <c>@BatchSize</c> pending deliveries due by <c>@Now</c>, oldest due first, to <c>@LeaseOwner</c>
    /// until <c>@LeaseUntil</c> (their next attempt moves there, so a lease that is never given back expires by itself).
    /// </summary>
    public abstract string ClaimDueWebhookDeliveries { get; }

    /// <summary>A unique index rejected the row (the pending-release index, the active-number index).</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>What makes a read lock its rows until the transaction ends (SQL Server's hints; nothing on SQLite).</summary>
    public abstract string LockHint { get; }

    /// <summary>The clause that takes rows <c>@Skip</c> to <c>@Skip + @Take</c> of an ordered query (see <see cref="ListStatement"/>).</summary>
    public abstract string PageClause { get; }

    /// <summary>
    /// A repository's locking read with its <c>/*lock*/</c> marker (after the table it locks) replaced by
    /// <see cref="LockHint"/>. The marker is a comment, so the shared text is valid SQL on its own.
    /// </summary>
    public string Locking(string sql) => sql.Contains(LockMarker, StringComparison.Ordinal)
        ? sql.Replace(LockMarker, LockHint, StringComparison.Ordinal)
        : throw new ArgumentException("The statement has no /*lock*/ marker.", nameof(sql));

    internal const string LockMarker = "/*lock*/";

    /// <summary>
    /// A list row's <paramref name="children"/> as one column holding a JSON array of objects (keys as named,
    /// in the children's order); no children: <c>[]</c> or NULL, depending on the provider.
    /// </summary>
    public abstract string JsonArray(ListChildren children);

    /// <summary>The escape character of every <c>LIKE … ESCAPE '\'</c> in the shared SQL.</summary>
    internal const char LikeEscape = '\\';

    /// <summary>The characters with a meaning in this provider's LIKE patterns, besides <see cref="LikeEscape"/>.</summary>
    protected abstract string LikeWildcards { get; }

    /// <summary>
    /// A pattern for <c>LIKE @p ESCAPE '\'</c> that matches <paramref name="text"/> anywhere, each of its
    /// characters standing for itself: what the user searches for is what is found.
    /// </summary>
    public string LikeContains(string text)
    {
        var pattern = new StringBuilder(text.Length + 8).Append('%');
        foreach (var character in text)
        {
            if (character == LikeEscape || LikeWildcards.Contains(character, StringComparison.Ordinal))
            {
                pattern.Append(LikeEscape);
            }

            pattern.Append(character);
        }

        return pattern.Append('%').ToString();
    }

    /// <summary>Counts the rows of <paramref name="from"/> <paramref name="where"/>, stopping at <c>@Cap</c>.</summary>
    public abstract string CappedCount(string from, string where);

    /// <summary>
    /// A condition keeping the rows (<paramref name="id"/>) whose <paramref name="column"/> of <paramref name="table"/>
    /// has every trigram of the searched text, read from the table's trigram index: candidates that a
    /// <c>LIKE</c> then decides, never fewer rows than the <c>LIKE</c> alone would find.
    /// </summary>
    public abstract string TrigramCandidates(string id, string table, string column);

    /// <summary>The parameters <see cref="TrigramCandidates"/> reads, for a text of three characters or more.</summary>
    public abstract void AddTrigramParameters(Dapper.DynamicParameters parameters, string text);

    /// <summary>
    /// A condition keeping the rows (<paramref name="id"/>) of <paramref name="table"/> whose phone number has a
    /// digit suffix starting with <c>@SearchDigits</c>' digits: every number containing them, read from the
    /// table's digit-suffix index.
    /// </summary>
    public abstract string DigitCandidates(string id, string table);

    /// <summary>The parameters <see cref="DigitCandidates"/> reads, for <paramref name="digits"/> (see <see cref="SearchDigits"/>).</summary>
    public abstract void AddDigitParameters(Dapper.DynamicParameters parameters, string digits);

    /// <summary>Adds the parameters of a search for <paramref name="text"/>: the row's own LIKE, and its index's narrowing.</summary>
    public void AddSearch(Dapper.DynamicParameters parameters, string text, bool digits)
    {
        parameters.Add("Search", LikeContains(text));
        if (digits)
        {
            AddDigitParameters(parameters, SearchDigits(text)!);
        }
        else if (text.Length >= 3)
        {
            AddTrigramParameters(parameters, text);
        }
    }

    /// <summary>The digits a search for part of a phone number looks up by suffix: four or more, after an optional +; else null.</summary>
    public static string? SearchDigits(string text)
    {
        var digits = text.StartsWith('+') ? text[1..] : text;
        return digits.Length >= 4 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

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

    // BEGIN IMMEDIATE takes the write lock up front, so read-then-write commands run one at a time
    // instead of failing with SQLITE_BUSY when two of them try to upgrade a read lock.
    public override Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    public override bool SerializesWriters => true;

    public override bool KeepsReaders => true;

    public override bool IsIdle(DbConnection connection) =>
        connection.State == ConnectionState.Open && ((SqliteConnection)connection).Handle is { } handle && raw.sqlite3_get_autocommit(handle) != 0;

    // Each kept reader's statements, prepared once: Microsoft.Data.Sqlite prepares a command's text on its first
    // run and keeps it while the command and its connection live, and SQLite plans at prepare time, so a list's
    // long page statement (its pending request, agents and total) is parsed and planned once per connection
    // instead of once per request. A connection is used by one request at a time; its cache goes with it.
    private readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> _prepared = new();

    /// <summary>The most statements one connection keeps prepared.</summary>
    internal const int PreparedPerConnection = 32;

    /// <summary>The statements <paramref name="connection"/> keeps prepared (each text once).</summary>
    internal IReadOnlyCollection<string> PreparedOn(DbConnection connection) =>
        _prepared.TryGetValue((SqliteConnection)connection, out var commands) ? commands.Keys : [];

    public override async Task<DbDataReader> ExecuteReaderAsync(
        DbConnection connection, string sql, Dapper.DynamicParameters parameters, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            return await base.ExecuteReaderAsync(connection, sql, parameters, transaction, cancellationToken);
        }

        var sqlite = (SqliteConnection)connection;
        var commands = _prepared.GetOrCreateValue(sqlite);
        if (!commands.TryGetValue(sql, out var command))
        {
            // Bounded: a connection that met many filter combinations starts over rather than keep them all.
            if (commands.Count >= PreparedPerConnection)
            {
                foreach (var old in commands.Values)
                {
                    old.Dispose();
                }

                commands.Clear();
            }

            command = sqlite.CreateCommand();
            command.CommandText = sql;
            commands[sql] = command;
        }

        command.CommandTimeout = sqlite.DefaultTimeout;
        command.Parameters.Clear();
        foreach (var name in parameters.ParameterNames)
        {
            command.Parameters.AddWithValue("@" + name, DapperTypeHandlers.SqliteValue(parameters.Get<object?>(name)));
        }

        return await command.ExecuteReaderAsync(cancellationToken);
    }

    // BUSY, LOCKED, NOMEM, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, PROTOCOL, NOTADB (primary result codes).
    public override bool IsUnavailable(DbException exception) =>
        exception is SqliteException sqlite && (sqlite.SqliteErrorCode & 0xFF) is 5 or 6 or 7 or 8 or 10 or 11 or 13 or 14 or 15 or 26;

    // READONLY, IOERR, CORRUPT, CANTOPEN, PROTOCOL, NOTADB: what the connection holds (file handles, a
    // read-only fallback) may not work once the cause is gone. BUSY, LOCKED and FULL leave it sound.
    public override bool PoisonsConnections(DbException exception) =>
        exception is SqliteException sqlite && (sqlite.SqliteErrorCode & 0xFF) is 8 or 10 or 11 or 14 or 15 or 26;

    public override void Discard(DbConnection connection) => SqliteConnection.ClearPool((SqliteConnection)connection);

    // SQLite rolls the whole transaction back itself on SQLITE_FULL, IOERR, NOMEM and BUSY in some cases.
    public override bool TransactionEnded(DbConnection connection, DbTransaction transaction) =>
        ((SqliteConnection)connection).Handle is not { } handle || raw.sqlite3_get_autocommit(handle) != 0;

    // Only the migrator may create the file: a database lost at run time answers 503 instead of
    // being silently replaced by an empty one.
    public override string ForRequests(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            builder.Mode = SqliteOpenMode.ReadWrite;
        }

        return builder.ToString();
    }

    // A pooled connection keeps the file handles it opened before a fault: after the database's folder
    // is remounted read-only it still writes, where every connection opened from then on can only read.
    public override string Unpooled(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();

    private static readonly object Verified = new();

    // Connections (native handles, which the pool keeps) already found able to write.
    private readonly ConditionalWeakTable<sqlite3, object> _writable = new();

    // Connections (native handles) already configured.
    private readonly ConditionalWeakTable<sqlite3, object> _configured = new();

    /// <summary>Each connection's page cache, in KiB: SQLite's default is 2,000.</summary>
    internal const int PageCacheKib = 8_192;

    // A list page of a large database reads each of its rows through two or three B-trees; with SQLite's
    // default 2 MB cache per connection the upper levels of those trees are read again and again (a
    // system call and a copy each time). 8 MB keeps them, and is only taken as pages are read.
    public override void Configure(DbConnection connection)
    {
        var handle = ((SqliteConnection)connection).Handle!;
        if (_configured.TryGetValue(handle, out _))
        {
            return;
        }

        SqliteException.ThrowExceptionForRC(raw.sqlite3_exec(handle, $"PRAGMA cache_size = -{PageCacheKib}"), handle);
        _configured.AddOrUpdate(handle, Verified);
    }

    // Opened while the file or its folder could not be written (a read-only mount, permissions),
    // SQLite gives a read-only connection without saying so; pooled, it would keep failing every
    // write after the cause is gone. The main file alone does not tell: SQLite may give a new
    // connection a writable handle to it left over from a closed one, and opens the write-ahead log
    // only at the first statement, read-only. So a connection about to write for the first time
    // begins a write and rolls it back at once (its caller holds the write turn, so no writer of this
    // process is in the way). SQLite answers READONLY for a read-only log before it looks at any
    // lock, and BUSY only when the log is writable and another process holds the lock, which is as
    // good an answer. Microsoft.Data.Sqlite leaves SQLite's own busy timeout at 0, so this never waits.
    public override void EnsureWritable(DbConnection connection)
    {
        var sqlite = (SqliteConnection)connection;
        var handle = sqlite.Handle!;
        if (_writable.TryGetValue(handle, out _)
            || new SqliteConnectionStringBuilder(sqlite.ConnectionString).Mode == SqliteOpenMode.ReadOnly)
        {
            return;
        }

        if (raw.sqlite3_db_readonly(handle, "main") == 1)
        {
            throw new SqliteException("The database file can only be read.", raw.SQLITE_READONLY);
        }

        var rc = raw.sqlite3_exec(handle, "BEGIN IMMEDIATE");
        rc = rc == raw.SQLITE_OK ? raw.sqlite3_exec(handle, "ROLLBACK")
            : (rc & 0xFF) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED ? raw.SQLITE_OK
            : rc;
        SqliteException.ThrowExceptionForRC(rc, handle);
        _writable.AddOrUpdate(handle, Verified);
    }

    public override void LimitLockWait(DbConnection connection, TimeSpan wait) =>
        ((SqliteConnection)connection).DefaultTimeout = Math.Max(1, (int)wait.TotalSeconds);

    public override string DeleteExpiredIdempotencyKeys => """
        DELETE FROM idempotency_keys
        WHERE rowid IN (SELECT rowid FROM idempotency_keys WHERE expires_at <= @Now ORDER BY expires_at LIMIT @BatchSize)
        """;

    // Run with this process's write turn, as one statement: no two dispatchers (of any process) claim the same row.
    public override string ClaimDueWebhookDeliveries => """
        UPDATE webhook_deliveries SET lease_owner = @LeaseOwner, next_attempt_at = @LeaseUntil
        WHERE id IN (
            SELECT d.id FROM webhook_deliveries d
            WHERE d.status = 'pending' AND d.next_attempt_at <= @Now
            ORDER BY d.next_attempt_at
            LIMIT @BatchSize)
        """;

    // The IMMEDIATE transaction already holds the database's write lock.
    public override string LockHint => "";

    public override string PageClause => "LIMIT @Take OFFSET @Skip";

    protected override string LikeWildcards => "%_";

    public override string CappedCount(string from, string where) => $"SELECT COUNT(*) FROM (SELECT 1 FROM {from} {where} LIMIT @Cap) AS capped";

    public override string JsonArray(ListChildren children) => $"""
        (SELECT json_group_array(json_object({string.Join(", ", children.Fields.Select(f => $"'{f.Key}', {f.Column}"))}) ORDER BY {children.OrderBy})
            FROM {children.From}
            WHERE {children.Where}) AS {children.Name}
        """;

    // FTS5 answers LIKE from its trigram index only without an ESCAPE clause, so the text goes in as it is:
    // a % or _ in it is then a wildcard, which can only let more candidates through.
    public override string TrigramCandidates(string id, string table, string column) =>
        $"{id} IN (SELECT s.id FROM {table}_search s WHERE s.{column} LIKE @SearchNarrow)";

    // FTS5 reads the rows of every trigram of the pattern's literal runs. Digits have only a thousand
    // trigrams, each in about 1 % of a million numbers, so a text of six characters or more is narrowed
    // by its first and last three only (two lists read instead of four or more); the rows found hold both
    // in that order, and the LIKE on the row itself decides.
    // A cut through a surrogate pair would leave half a character, which no text contains: then the whole text narrows.
    public override void AddTrigramParameters(Dapper.DynamicParameters parameters, string text) =>
        parameters.Add("SearchNarrow", text.Length >= 6 && !char.IsSurrogate(text[2]) && !char.IsSurrogate(text[^3])
            ? $"%{text[..3]}%{text[^3..]}%"
            : $"%{text}%");

    // A prefix query of the digits (only digits: nothing in it is FTS5 syntax) on the suffixes.
    public override string DigitCandidates(string id, string table) =>
        $"{id} IN (SELECT id FROM {table}_digits WHERE {table}_digits MATCH @SearchDigits)";

    public override void AddDigitParameters(Dapper.DynamicParameters parameters, string digits) =>
        parameters.Add("SearchDigits", "\"" + digits + "\"*");
}

internal sealed class SqlServerDialect : SqlDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public override async Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    public override bool IsUniqueViolation(DbException exception) => exception is SqlException { Number: 2601 or 2627 };

    // Connection-level errors (class 20 and above), timeouts, deadlock victims and lock timeouts, a full
    // log, filegroup or database quota, no memory, a database that is read-only, offline, starting or
    // being failed over, and Azure SQL's throttling: all pass, none is the request's fault.
    private static readonly HashSet<int> UnavailableNumbers =
    [
        -2, -1, 2, 53, 64, 121, 233, 258, 701, 942, 1101, 1105, 1205, 1222, 8645, 9002, 3906, 3908, 904, 945, 952, 976, 978, 983,
        4060, 4221, 10053, 10054, 10060, 10061, 10928, 10929, 40143, 40197, 40501, 40544, 40613, 49918, 49919, 49920,
    ];

    public override bool IsUnavailable(DbException exception) =>
        exception is SqlException sql && (sql.Class >= 20 || UnavailableNumbers.Contains(sql.Number));

    // Connection-class errors and broken transports; a deadlock, a lock timeout or throttling leave the connection sound.
    private static readonly HashSet<int> BrokenConnectionNumbers = [-1, 2, 53, 64, 121, 233, 10053, 10054, 10060, 10061, 40197, 40613];

    public override bool PoisonsConnections(DbException exception) =>
        exception is SqlException sql && (sql.Class >= 20 || BrokenConnectionNumbers.Contains(sql.Number));

    public override void Discard(DbConnection connection) => SqlConnection.ClearPool((SqlConnection)connection);

    // SqlClient detaches a transaction the server has ended (a deadlock victim, XACT_ABORT, a broken connection).
    public override bool TransactionEnded(DbConnection connection, DbTransaction transaction) =>
        transaction.Connection is null || connection.State != ConnectionState.Open;

    public override int PoolLimit(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        return builder.Pooling ? builder.MaxPoolSize : int.MaxValue;
    }

    public override string DeleteExpiredIdempotencyKeys => """
        DELETE TOP (@BatchSize) FROM idempotency_keys
        WHERE expires_at <= @Now
        """;

    // READPAST skips rows another dispatcher is claiming right now instead of waiting for them; UPDLOCK keeps
    // two claims from reading the same row before either writes it.
    public override string ClaimDueWebhookDeliveries => """
        WITH due AS (
            SELECT TOP (@BatchSize) d.lease_owner, d.next_attempt_at
            FROM webhook_deliveries d WITH (ROWLOCK, UPDLOCK, READPAST)
            WHERE d.status = 'pending' AND d.next_attempt_at <= @Now
            ORDER BY d.next_attempt_at)
        UPDATE due SET lease_owner = @LeaseOwner, next_attempt_at = @LeaseUntil
        """;

    // UPDLOCK makes a second writer of the same row wait here; HOLDLOCK keeps the lock (and the
    // key range, when the row is missing) until commit. Together they give the same one-at-a-time
    // check-then-write as SQLite's IMMEDIATE transaction, but per row instead of per database.
    public override string LockHint => "WITH (UPDLOCK, HOLDLOCK)";

    public override string PageClause => "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";

    // [ opens a character class ([0-9], [^a]); ] and ^ mean something only inside one, so an escaped [ leaves none.
    protected override string LikeWildcards => "%_[";

    public override string CappedCount(string from, string where) => $"SELECT COUNT(*) FROM (SELECT TOP (@Cap) 1 AS one FROM {from} {where}) AS capped";

    public override string JsonArray(ListChildren children) => $"""
        (SELECT {string.Join(", ", children.Fields.Select(f => $"{f.Column} AS [{f.Key}]"))}
            FROM {children.From}
            WHERE {children.Where}
            ORDER BY {children.OrderBy}
            FOR JSON PATH) AS {children.Name}
        """;

    // Three of the text's trigrams (its first, middle and last) narrow the rows as well as all of them
    // would in practice, with one statement shape for any length.
    public override string TrigramCandidates(string id, string table, string column) => $"""
        {id} IN (
            SELECT g.row_id FROM search_trigrams g WHERE g.source = '{table}' AND g.gram = @Gram1
            INTERSECT SELECT g.row_id FROM search_trigrams g WHERE g.source = '{table}' AND g.gram = @Gram2
            INTERSECT SELECT g.row_id FROM search_trigrams g WHERE g.source = '{table}' AND g.gram = @Gram3)
        """;

    // Only digits, so nothing in the pattern but its trailing % means anything to LIKE.
    public override string DigitCandidates(string id, string table) =>
        $"{id} IN (SELECT x.row_id FROM search_suffixes x WHERE x.source = '{table}' AND x.suffix LIKE @SearchDigits)";

    // varchar like the column: an nvarchar parameter would convert every key it is compared with and scan.
    public override void AddDigitParameters(Dapper.DynamicParameters parameters, string digits) =>
        parameters.Add("SearchDigits", new Dapper.DbString { Value = digits + "%", IsAnsi = true, Length = 17 });

    public override void AddTrigramParameters(Dapper.DynamicParameters parameters, string text)
    {
        var lower = text.ToLowerInvariant();
        parameters.Add("Gram1", lower[..3]);
        parameters.Add("Gram2", lower.Substring((lower.Length - 3) / 2, 3));
        parameters.Add("Gram3", lower[^3..]);
    }
}
