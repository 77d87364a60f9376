using Microsoft.Data.Sqlite;

namespace Talkover.Infrastructure.Tests.Support;

/// <summary>A SQLite file under the temp folder that is deleted, with its -wal and -shm files, on dispose.</summary>
internal sealed class TempSqliteDatabase : IDisposable
{
    public TempSqliteDatabase()
    {
        FilePath = Path.Combine(Path.GetTempPath(), $"talkover-infra-test-{Guid.NewGuid():N}.db");
    }

    public string FilePath { get; }

    /// <summary>A plain connection string, for raw reads that bypass the application's settings.</summary>
    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();

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
