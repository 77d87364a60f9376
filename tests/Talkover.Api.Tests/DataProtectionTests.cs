using System.Net;
using System.Xml.Linq;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>
/// The Data Protection key ring behind the console's cookies: in the database by default, so a cookie one
/// instance of the service issued is accepted by another over the same database; in a folder when
/// DataProtection:KeysPath names one; and never in a log line.
/// </summary>
public sealed partial class DataProtectionTests
{
    private static readonly Dictionary<string, string?> TraceLogging = new()
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
    };

    [Test]
    public async Task AntiforgeryCookie_FromOneInstance_IsAcceptedByAnotherOverTheSameDatabase()
    {
        using var first = new TalkoverApiFactory();
        using var firstClient = RawClient(first);
        var (cookie, token) = await SignInPageAsync(firstClient);

        using var second = new TalkoverApiFactory(new Dictionary<string, string?> { ["ConnectionStrings:Talkover"] = first.ConnectionString });
        using var secondClient = RawClient(second);
        Assert.That(secondClient.BaseAddress, Is.Not.EqualTo(firstClient.BaseAddress), "two instances, each on its own port");

        var response = await PostSignInAsync(secondClient, cookie, token);

        Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.BadRequest), "the second instance refused the first one's antiforgery cookie");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Email or password is incorrect"));
        Assert.That(await KeyRowCountAsync(first.ConnectionString), Is.EqualTo(1), "one key ring, in the database, shared by both");
    }

    [Test]
    public async Task AntiforgeryCookie_AfterARestart_IsStillAccepted()
    {
        string cookie, token, connectionString, dbPath;
        using (var before = new TalkoverApiFactory())
        {
            using var client = RawClient(before);
            (cookie, token) = await SignInPageAsync(client);

            // The restarted service reads the same file; keep it by copying it (this factory deletes its own).
            connectionString = before.ConnectionString;
            dbPath = Path.Combine(Path.GetTempPath(), $"talkover-api-test-{Guid.NewGuid():N}.db");
            await using var source = new SqliteConnection(connectionString);
            await using var copy = new SqliteConnection($"Data Source={dbPath}");
            await source.OpenAsync();
            await copy.OpenAsync();
            source.BackupDatabase(copy);
        }

        try
        {
            using var after = new TalkoverApiFactory(new Dictionary<string, string?> { ["ConnectionStrings:Talkover"] = $"Data Source={dbPath}" });
            using var client = RawClient(after);

            var response = await PostSignInAsync(client, cookie, token);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the restarted service refused the cookie it issued before");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(dbPath + suffix);
            }
        }
    }

    [Test]
    public async Task KeysPath_WhenSet_KeepsTheKeyRingInThatFolderAndNoneInTheDatabase()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"talkover-keys-test-{Guid.NewGuid():N}", "keys");
        try
        {
            using var factory = new TalkoverApiFactory(new Dictionary<string, string?> { ["DataProtection:KeysPath"] = folder });
            using var client = RawClient(factory);
            var (cookie, token) = await SignInPageAsync(client);
            (await PostSignInAsync(client, cookie, token)).EnsureSuccessStatusCode();

            Assert.That(Directory.GetFiles(folder, "key-*.xml"), Has.Length.EqualTo(1));
            Assert.That(await KeyRowCountAsync(factory.ConnectionString), Is.Zero);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Test]
    public async Task Logs_NeverContainKeyMaterial()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = new TalkoverApiFactory(TraceLogging, services => services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        using var client = RawClient(factory);
        var (cookie, token) = await SignInPageAsync(client);
        (await PostSignInAsync(client, cookie, token)).EnsureSuccessStatusCode();

        await using var connection = new SqliteConnection(factory.ConnectionString);
        var xml = await connection.QuerySingleAsync<string>("SELECT xml FROM data_protection_keys");
        var secret = XElement.Parse(xml).Descendants("masterKey").Descendants("value").Single().Value;

        var lines = logs.Lines.ToArray();
        Assert.That(lines, Has.Some.Contains("DataProtection"), "the key ring's own log lines were captured; an empty log would prove nothing");
        Assert.That(lines, Has.None.Contains(secret).And.None.Contains("<masterKey"));
    }

    // A browser-like client without a cookie jar or redirects, so each test sends exactly the cookie it means to.
    private static HttpClient RawClient(TalkoverApiFactory factory)
    {
        using var started = factory.CreateClient();
        return new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = started.BaseAddress };
    }

    private static async Task<(string Cookie, string Token)> SignInPageAsync(HttpClient client)
    {
        var page = await client.GetAsync("/console/sign-in");
        page.EnsureSuccessStatusCode();
        var html = await page.Content.ReadAsStringAsync();
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("talkover_console_antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        return (cookie, ConsoleForms.AntiforgeryToken(html));
    }

    private static Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string cookie, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/console/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Email"] = "staff@talkover.example",
                ["Password"] = "not-the-password",
            }),
        };
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }

    private static async Task<long> KeyRowCountAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM data_protection_keys");
    }

}
