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

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; init; } = DefaultSqliteConnectionString;

    public bool MigrateOnStartup { get; init; } = true;

    /// <summary>The SQLite file's full path, for messages to the person running the service; null for SQL Server.</summary>
    public string? SqliteFilePath => Provider == DatabaseProvider.Sqlite
        ? Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource)
        : null;
}
