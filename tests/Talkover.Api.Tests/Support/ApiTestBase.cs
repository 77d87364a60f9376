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
}
