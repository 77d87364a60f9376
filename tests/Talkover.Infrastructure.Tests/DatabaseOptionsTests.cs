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
