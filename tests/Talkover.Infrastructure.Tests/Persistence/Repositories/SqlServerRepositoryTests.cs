using Microsoft.Data.SqlClient;
using Talkover.Infrastructure.Tests.Support;

namespace Talkover.Infrastructure.Tests.Persistence.Repositories;

/// <summary>
/// The repository contract against a live SQL Server. Set <c>TALKOVER_TEST_SQLSERVER</c> to a
/// connection string with rights to create databases; each run creates its own database and drops it.
/// Without the variable every test is reported as skipped.
/// </summary>
[TestFixture]
public sealed class SqlServerRepositoryTests : RepositoryContractTests
{
    public const string ConnectionStringVariable = "TALKOVER_TEST_SQLSERVER";

    private string? _serverConnectionString;
    private string? _databaseName;
    private string? _databaseConnectionString;

    protected override IReadOnlyDictionary<string, string?> CreateDatabase()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Assert.Ignore("TALKOVER_TEST_SQLSERVER is not set; the live SQL Server suite is skipped.");
        }

        // The migrator creates the database named in Initial Catalog (DbUp EnsureDatabase).
        var builder = new SqlConnectionStringBuilder(connectionString) { InitialCatalog = $"talkover_test_{Guid.NewGuid():N}" };
        _serverConnectionString = connectionString;
        _databaseName = builder.InitialCatalog;
        _databaseConnectionString = builder.ConnectionString;
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Talkover"] = _databaseConnectionString,
        };
    }

    protected override void DropDatabase()
    {
        if (_databaseName is null)
        {
            return;
        }

        SqlConnection.ClearAllPools();
        var master = new SqlConnectionStringBuilder(_serverConnectionString) { InitialCatalog = "master" };
        using var connection = new SqlConnection(master.ConnectionString);
        connection.Open();
        using var quoter = new SqlCommandBuilder();
        var database = quoter.QuoteIdentifier(_databaseName);
        using var command = connection.CreateCommand();
        // A database name cannot be a parameter; it is generated above and quoted here.
        command.CommandText = $"""
            IF DB_ID(@name) IS NOT NULL
            BEGIN
                ALTER DATABASE {database} SET SINGLE_USER WITH ROLLBACK IMMEDIATE;
                DROP DATABASE {database};
            END
            """;
        command.Parameters.AddWithValue("@name", _databaseName);
        command.ExecuteNonQuery();
        _databaseName = null;
    }

    [Test]
    public async Task ReleaseRequestAdd_WhenStoredOnSqlServer_WritesNativeUuidsAndFullPrecisionTimestamps()
    {
        var phone = await ProvisionAsync(TestData.FullProfile());
        var request = await RequestReleaseAsync(phone);

        await using var connection = new SqlConnection(_databaseConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.id, r.phone_number_id, r.requested_at, p.created_at, p.renewal_date, p.current_price, p.monthly_renewal_cost
            FROM release_requests r INNER JOIN phone_numbers p ON p.id = r.phone_number_id
            WHERE r.id = @id
            """;
        command.Parameters.Add(new SqlParameter("@id", System.Data.SqlDbType.UniqueIdentifier) { Value = request.Id });
        await using var reader = await command.ExecuteReaderAsync();

        Assert.That(await reader.ReadAsync(), Is.True);
        Assert.That((reader.GetGuid(0), reader.GetGuid(1)), Is.EqualTo((request.Id, phone.Id)));
        Assert.That((reader.GetDateTime(2), reader.GetDateTime(3)), Is.EqualTo((TestData.Now, TestData.Now)));
        Assert.That(reader.GetDateTime(4), Is.EqualTo(new DateTime(2027, 1, 31)));
        Assert.That((reader.GetDecimal(5), reader.GetDecimal(6)), Is.EqualTo((1.2345m, 1234567.8901m)));
    }
}
