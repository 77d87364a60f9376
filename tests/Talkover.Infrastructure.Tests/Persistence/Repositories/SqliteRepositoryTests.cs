using Microsoft.Data.Sqlite;
using Talkover.Infrastructure.Tests.Support;

namespace Talkover.Infrastructure.Tests.Persistence.Repositories;

/// <summary>The repository contract on a real SQLite file, plus how values are stored as text.</summary>
[TestFixture]
public sealed class SqliteRepositoryTests : RepositoryContractTests
{
    // Disposed in DropDatabase, which the base fixture's [OneTimeTearDown] calls after it has disposed the services.
#pragma warning disable NUnit1032
    private TempSqliteDatabase? _database;
#pragma warning restore NUnit1032

    protected override IReadOnlyDictionary<string, string?> CreateDatabase()
    {
        _database = new TempSqliteDatabase();
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Talkover"] = _database.ConnectionString,
        };
    }

    protected override void DropDatabase()
    {
        _database?.Dispose();
        _database = null;
    }

    [Test]
    public async Task ReleaseRequestAdd_WhenStoredOnSqlite_WritesLowercaseUuidsAndSortableUtcText()
    {
        var phone = await ProvisionAsync(TestData.FullProfile());
        var request = await RequestReleaseAsync(phone);

        using var connection = new SqliteConnection(_database!.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT typeof(r.id), r.id, r.environment_id, r.phone_number_id, typeof(r.requested_at), r.requested_at,
                p.created_at, p.updated_at, p.renewal_date, p.current_price, p.monthly_renewal_cost
            FROM release_requests r INNER JOIN phone_numbers p ON p.id = r.phone_number_id
            WHERE r.id = $id
            """;
        command.Parameters.AddWithValue("$id", request.Id.ToString("D"));
        using var reader = command.ExecuteReader();

        Assert.That(reader.Read(), Is.True, "no row found by the lowercase UUID text");
        Assert.That(reader.GetString(0), Is.EqualTo("text"));
        Assert.That(
            new[] { reader.GetString(1), reader.GetString(2), reader.GetString(3) },
            Is.EqualTo(new[] { request.Id.ToString("D"), phone.EnvironmentId.ToString("D"), phone.Id.ToString("D") })
                .And.All.Matches(@"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
        Assert.That(reader.GetString(4), Is.EqualTo("text"));
        Assert.That(
            new[] { reader.GetString(5), reader.GetString(6), reader.GetString(7) },
            Has.All.EqualTo("2026-11-27T08:17:25.9058531Z"));
        Assert.That(reader.GetString(8), Is.EqualTo("2027-01-31"));
        Assert.That((reader.GetString(9), reader.GetString(10)), Is.EqualTo(("1.2345", "1234567.8901")));
    }
}
