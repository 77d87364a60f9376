using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Talkover.Infrastructure.Persistence;

namespace Talkover.Infrastructure.Tests;

[TestFixture]
public sealed class DatabaseOptionsTests
{
    [Test]
    public void ReadDatabaseOptions_WhenNothingIsConfigured_UsesSqliteWithTheDefaultFile()
    {
        var options = DependencyInjection.ReadDatabaseOptions(Configuration());

        var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        var expected = new SqliteConnectionStringBuilder(DatabaseOptions.DefaultSqliteConnectionString);
        Assert.That(options.Provider, Is.EqualTo(DatabaseProvider.Sqlite));
        Assert.That(builder.DataSource, Is.EqualTo(expected.DataSource));
        Assert.That(builder.ForeignKeys, Is.True);
        Assert.That(builder.DefaultTimeout, Is.EqualTo(30));
        Assert.That(options.MigrateOnStartup, Is.True);
    }

    [Test]
    public void ReadDatabaseOptions_WhenSqliteHasATimeout_KeepsIt()
    {
        var options = DependencyInjection.ReadDatabaseOptions(Configuration(
            ("ConnectionStrings:Talkover", "Data Source=/tmp/x.db;Default Timeout=5")));

        Assert.That(new SqliteConnectionStringBuilder(options.ConnectionString).DefaultTimeout, Is.EqualTo(5));
    }

    [TestCase("0")]
    [TestCase("-5")]
    [TestCase("601")]
    public void ReadDatabaseOptions_WhenSqliteTimeoutIsOutOfRange_ThrowsNamingIt(string seconds)
    {
        var configuration = Configuration(("ConnectionStrings:Talkover", $"Data Source=/tmp/x.db;Default Timeout={seconds}"));

        Assert.That(
            () => DependencyInjection.ReadDatabaseOptions(configuration),
            Throws.InvalidOperationException.With.Message.Contains($"Default Timeout={seconds}"));
    }

    [Test]
    public void ReadDatabaseOptions_BoundsOpenConnectionsAndWaitsByDefault()
    {
        var options = DependencyInjection.ReadDatabaseOptions(Configuration());

        Assert.That((options.MaxOpenConnections, options.BusyTimeout), Is.EqualTo((DatabaseOptions.DefaultMaxOpenConnections, TimeSpan.FromSeconds(30))));
    }

    [TestCase("Server=db;Database=talkover;Command Timeout=45", 45)]
    [TestCase("Server=db;Database=talkover", 30)]
    public void BusyTimeout_OnSqlServer_IsTheCommandTimeout(string connectionString, int seconds)
    {
        var options = DependencyInjection.ReadDatabaseOptions(Configuration(("Database:Provider", "SqlServer"), ("ConnectionStrings:Talkover", connectionString)));

        Assert.That(options.BusyTimeout, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [TestCase("0")]
    [TestCase("1001")]
    [TestCase("many")]
    public void ReadDatabaseOptions_WhenMaxOpenConnectionsIsOutOfRange_ThrowsNamingIt(string value)
    {
        var configuration = Configuration(("Database:MaxOpenConnections", value));

        Assert.That(
            () => DependencyInjection.ReadDatabaseOptions(configuration),
            Throws.InvalidOperationException.With.Message.Contains($"'{value}'"));
    }

    [Test]
    public void ReadDatabaseOptions_WhenProviderIsUnknown_ThrowsNamingIt()
    {
        var configuration = Configuration(("Database:Provider", "Oracle"));

        Assert.That(
            () => DependencyInjection.ReadDatabaseOptions(configuration),
            Throws.InvalidOperationException.With.Message.Contains("'Oracle'"));
    }

    [Test]
    public void ReadDatabaseOptions_WhenSqlServerHasNoConnectionString_Throws()
    {
        var configuration = Configuration(("Database:Provider", "SqlServer"));

        Assert.That(
            () => DependencyInjection.ReadDatabaseOptions(configuration),
            Throws.InvalidOperationException.With.Message.Contains("ConnectionStrings:Talkover"));
    }

    [Test]
    public void ReadDatabaseOptions_WhenSqlServerHasAConnectionString_KeepsItUnchanged()
    {
        const string connectionString = "Server=db;Database=talkover;Encrypt=True";

        var options = DependencyInjection.ReadDatabaseOptions(Configuration(
            ("Database:Provider", "sqlserver"), ("ConnectionStrings:Talkover", connectionString), ("Database:MigrateOnStartup", "false")));

        Assert.That(options.Provider, Is.EqualTo(DatabaseProvider.SqlServer));
        Assert.That(options.ConnectionString, Is.EqualTo(connectionString));
        Assert.That(options.MigrateOnStartup, Is.False);
    }

    [Test]
    public void ReadDatabaseOptions_WhenMigrateOnStartupIsNotABoolean_ThrowsNamingIt()
    {
        var configuration = Configuration(("Database:MigrateOnStartup", "sometimes"));

        Assert.That(
            () => DependencyInjection.ReadDatabaseOptions(configuration),
            Throws.InvalidOperationException.With.Message.Contains("'sometimes'"));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
