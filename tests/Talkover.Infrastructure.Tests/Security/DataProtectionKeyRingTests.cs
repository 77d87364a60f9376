using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Talkover.Application;
using Talkover.Application.Abstractions;
using Talkover.Infrastructure.Tests.Support;

namespace Talkover.Infrastructure.Tests.Security;

/// <summary>
/// The Data Protection key ring in the database, as several instances of the service see it: each one
/// here is its own service provider over the same SQLite file, as separate processes would be.
/// </summary>
[TestFixture]
public sealed class DataProtectionKeyRingTests
{
    private TempSqliteDatabase _database = null!;
    private readonly List<ServiceProvider> _instances = [];

    [SetUp]
    public void CreateDatabase() => _database = new TempSqliteDatabase().Migrated();

    [TearDown]
    public async Task DisposeInstancesAndDatabase()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        _instances.Clear();
        _database.Dispose();
    }

    [Test]
    public void Unprotect_OnAnotherInstance_ReadsWhatTheFirstProtected()
    {
        var first = StartInstance();
        var second = StartInstance();

        var protectedText = Protector(first).Protect("hello");

        Assert.That(Protector(second).Unprotect(protectedText), Is.EqualTo("hello"));
    }

    [Test]
    public async Task Unprotect_AfterARestart_ReadsWhatTheStoppedInstanceProtected()
    {
        var first = StartInstance();
        var protectedText = Protector(first).Protect("hello");
        await StopAsync(first);

        var restarted = StartInstance();

        Assert.That(Protector(restarted).Unprotect(protectedText), Is.EqualTo("hello"));
    }

    [Test]
    public async Task KeyRing_WhenASecondInstanceStartsAfterTheFirst_UsesTheFirstsKey()
    {
        var first = StartInstance();
        Protector(first).Protect("hello");
        var second = StartInstance();
        var fromSecond = Protector(second).Protect("hello again");

        var rows = await KeyRowsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(1), "the second instance found the first one's key instead of making its own");
            Assert.That(Protector(first).Unprotect(fromSecond), Is.EqualTo("hello again"));
        });
        var key = first.GetRequiredService<IKeyManager>().GetAllKeys().Single();
        Assert.Multiple(() =>
        {
            Assert.That(rows[0].FriendlyName, Is.EqualTo($"key-{key.KeyId:D}"));
            Assert.That(rows[0].Xml, Does.StartWith("<key ").And.Contain(key.KeyId.ToString("D")));
            Assert.That(rows[0].CreatedAt, Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$"));
        });
    }

    [Test]
    public async Task Revocation_OnOneInstance_IsSeenByAnInstanceStartedAfterIt()
    {
        var first = StartInstance();
        var protectedText = Protector(first).Protect("hello");
        first.GetRequiredService<IKeyManager>().RevokeAllKeys(DateTimeOffset.UtcNow.AddSeconds(1), "test");

        var second = StartInstance();

        var rows = await KeyRowsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(2), "the key and its revocation, one row each");
            Assert.That(() => Protector(second).Unprotect(protectedText), Throws.InstanceOf<System.Security.Cryptography.CryptographicException>());
        });
    }

    [Test]
    public void StoreElement_WhenTheDatabaseStaysLocked_IsDatabaseUnavailable()
    {
        var instance = StartInstance(("ConnectionStrings:Talkover", _database.ConnectionString + ";Default Timeout=1"));
        var repository = instance.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository!;
        using var holder = new SqliteConnection(_database.ConnectionString);
        holder.Open();
        holder.Execute("BEGIN IMMEDIATE");

        Assert.That(
            () => repository.StoreElement(new System.Xml.Linq.XElement("key"), "key-test"),
            Throws.InstanceOf<DatabaseUnavailableException>());
    }

    private ServiceProvider StartInstance(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["ConnectionStrings:Talkover"] = _database.ConnectionString };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        ProcessSetup.Configure();
        var services = new ServiceCollection();
        services.AddLogging();
        // The repositories hand their aggregates' events to the application's outbox.
        services.AddApplication();
        services.AddSingleton<IWebhookEventSerializer, TestEventSerializer>();
        services.AddSingleton(Moq.Mock.Of<IConsoleLinks>());
        services.AddInfrastructure(DependencyInjection.ReadDatabaseOptions(new ConfigurationBuilder().AddInMemoryCollection(values).Build()));
        services.AddTalkoverDataProtection(keysPath: null);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _instances.Add(provider);
        return provider;
    }

    private async Task StopAsync(ServiceProvider instance)
    {
        _instances.Remove(instance);
        await instance.DisposeAsync();
    }

    private static IDataProtector Protector(IServiceProvider instance) =>
        instance.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

    private async Task<List<KeyRow>> KeyRowsAsync()
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        return (await connection.QueryAsync<KeyRow>("SELECT friendly_name AS FriendlyName, xml AS Xml, created_at AS CreatedAt FROM data_protection_keys")).AsList();
    }

    private sealed record KeyRow(string? FriendlyName, string Xml, string CreatedAt);
}
