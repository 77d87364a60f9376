using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Talkover.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>The <c>Database</c> configuration section and the <c>Talkover</c> connection string.</summary>
public sealed class DatabaseOptions
{
    public const string DefaultSqliteConnectionString = "Data Source=data/talkover.db";

    public const int DefaultMaxOpenConnections = 32;

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; init; } = DefaultSqliteConnectionString;

    public bool MigrateOnStartup { get; init; } = true;

    /// <summary>
    /// How many connections this process keeps open at once, at most. A request that finds them all in
    /// use waits (up to <see cref="BusyTimeout"/>) instead of opening another.
    /// </summary>
    public int MaxOpenConnections { get; init; } = DefaultMaxOpenConnections;

    /// <summary>
    /// How long a statement waits for a lock, a writer for its turn and a request for a connection
    /// before the request is answered 503: SQLite's <c>Default Timeout</c>, SQL Server's <c>Command Timeout</c>.
    /// </summary>
    public TimeSpan BusyTimeout => TimeSpan.FromSeconds(Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString).DefaultTimeout
        : new SqlConnectionStringBuilder(ConnectionString).CommandTimeout);

    /// <summary>The SQLite file's full path, for messages to the person running the service; null for SQL Server.</summary>
    public string? SqliteFilePath => Provider == DatabaseProvider.Sqlite
        ? Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource)
        : null;
}
