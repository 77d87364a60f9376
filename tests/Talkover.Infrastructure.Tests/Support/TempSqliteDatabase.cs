using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Talkover.Infrastructure.Persistence;

namespace Talkover.Infrastructure.Tests.Support;

/// <summary>A SQLite file under the temp folder that is deleted, with its -wal and -shm files, on dispose.</summary>
internal sealed partial class TempSqliteDatabase : IDisposable
{
    public TempSqliteDatabase()
    {
        FilePath = Path.Combine(Path.GetTempPath(), $"talkover-infra-test-{Guid.NewGuid():N}.db");
    }

    public string FilePath { get; }

    /// <summary>A plain connection string, for raw reads that bypass the application's settings.</summary>
    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();

    /// <summary>Applies the service's SQLite migrations to the file.</summary>
    public TempSqliteDatabase Migrated()
    {
        new DatabaseMigrator(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = ConnectionString }).Migrate();
        return this;
    }

    /// <summary>
    /// Runs <paramref name="prefix"/> + <paramref name="sql"/> (EXPLAIN, EXPLAIN QUERY PLAN) with every
    /// <c>@name</c> parameter bound to <paramref name="valueFor"/>'s value, and returns column
    /// <paramref name="column"/> of each row as text.
    /// </summary>
    public List<string> Explain(string prefix, string sql, Func<string, object> valueFor, int column)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = prefix + " " + sql;
        foreach (var name in ParameterName().Matches(sql).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            command.Parameters.AddWithValue(name, valueFor(name));
        }

        var rows = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(reader.GetValue(column).ToString() ?? "");
        }

        return rows;
    }

    /// <summary>The names of the columns a SELECT returns, read with every parameter 1 (a LIMIT takes no NULL).</summary>
    public List<string> ColumnNames(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in ParameterName().Matches(sql).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            command.Parameters.AddWithValue(name, 1);
        }

        using var reader = command.ExecuteReader(System.Data.CommandBehavior.SchemaOnly);
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex ParameterName();

    public void Dispose()
    {
        // Pooled connections keep the file open; release them before deleting.
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { FilePath, FilePath + "-wal", FilePath + "-shm" })
        {
            File.Delete(path);
        }
    }
}
