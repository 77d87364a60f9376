using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Talkover.Api.Tests.Support;

/// <summary>One running service and SQLite file per fixture; each test makes its own environment.</summary>
public abstract class ApiTestBase
{
    protected TalkoverApiFactory Factory { get; private set; } = null!;

    protected ApiClient Api { get; private set; } = null!;

    protected virtual IDictionary<string, string?>? Settings => null;

    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    [OneTimeSetUp]
    public void StartService()
    {
        Factory = new TalkoverApiFactory(Settings, ConfigureServices);
        Api = new ApiClient(Factory.CreateClient());
    }

    [OneTimeTearDown]
    public void StopService()
    {
        Api.Http.Dispose();
        Factory.Dispose();
    }

    /// <summary>Reads the database directly, as an operator would, to check what was really stored.</summary>
    protected async Task<IReadOnlyList<T>> QueryDatabaseAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection(Factory.ConnectionString);
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    }

    protected async Task ExecuteDatabaseAsync(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection(Factory.ConnectionString);
        await connection.ExecuteAsync(sql, parameters);
    }

    protected async Task<long> CountAsync(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection(Factory.ConnectionString);
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    /// <summary>Whether the secret appears anywhere in the database file (or its WAL), in UTF-8.</summary>
    protected bool DatabaseFileContains(string secret)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var needle = Encoding.UTF8.GetBytes(secret);
        foreach (var suffix in new[] { "", "-wal" })
        {
            var path = Factory.DbPath + suffix;
            if (File.Exists(path))
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                if (copy.ToArray().AsSpan().IndexOf(needle) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
