using System.Net;
using Microsoft.Data.Sqlite;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>When the database cannot be reached the service answers 503 SERVICE_UNAVAILABLE, never a 500 or an HTML page.</summary>
public sealed class DatabaseDownTests : ApiTestBase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"talkover-down-{Guid.NewGuid():N}");

    public DatabaseDownTests()
    {
        // Mode=ReadWrite never creates the file, so once it is gone every open fails, as with a lost disk.
        Directory.CreateDirectory(_folder);
        using var create = new SqliteConnection($"Data Source={Path.Combine(_folder, "talkover.db")}");
        create.Open();
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Talkover"] = $"Data Source={Path.Combine(_folder, "talkover.db")};Mode=ReadWrite",
    };

    [Test]
    public async Task Requests_WhenTheDatabaseFileIsGone_Answer503()
    {
        var environment = await Api.CreateEnvironmentAsync();
        (await Api.GetAsync("/api/v1/health", null)).ExpectStatus(HttpStatusCode.OK);

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);

        (await Api.GetAsync("/api/v1/health", null)).ExpectError(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        (await Api.GetAsync("/api/v1/agents", environment.Token)).ExpectError(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        (await Api.PostAsync("/api/v1/admin/environments", TalkoverApiFactory.AdminKey, new { name = "Later" }))
            .ExpectError(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
    }

    [OneTimeTearDown]
    public void RemoveFolder()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
