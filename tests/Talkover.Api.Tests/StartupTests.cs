using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>The process itself: the newcomer path, the migrate command, and refusing bad configuration.</summary>
[NonParallelizable]
public sealed partial class StartupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private string _dbPath = null!;

    [SetUp]
    public void NewDatabasePath() => _dbPath = Path.Combine(Path.GetTempPath(), $"talkover-startup-{Guid.NewGuid():N}", "data", "talkover.db");

    [TearDown]
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        var folder = Path.GetDirectoryName(Path.GetDirectoryName(_dbPath))!;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task FirstRunInDevelopment_PrintsATokenAndACurlThatReturns201()
    {
        var port = ServiceProcess.FreePort();
        await using var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Talkover"] = $"Data Source={_dbPath}",
        }, "--urls", $"http://127.0.0.1:{port}");

        await service.WaitForOutputAsync("Request the release of the free demo number", Patience);
        var output = service.Stdout;
        var token = TokenLine().Match(output).Groups[1].Value;
        var path = CurlPath().Match(output).Groups[1].Value;
        var body = CurlBody().Match(output).Groups[1].Value;
        Assert.That(new[] { token, path, body }, Has.None.Empty, output);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var api = new ApiClient(http);
        var created = await api.SendAsync(HttpMethod.Post, path, token, body);
        var again = await api.SendAsync(HttpMethod.Post, path, token, body);

        created.ExpectStatus(HttpStatusCode.Created);
        again.ExpectError(HttpStatusCode.Conflict, "RELEASE_ALREADY_PENDING");
        Assert.That(output, Does.Contain("Admin key for this run"));
        Assert.That(output, Does.Match(@"email +demo-admin@talkover\.example\s+password +[A-Za-z0-9_-]{16}\s"), "a demo admin for the console");
        Assert.That(File.Exists(_dbPath), Is.True, "the SQLite folder is created when missing");
    }

    [Test]
    public async Task SecondRun_DoesNotSeedAgainOrReprintAToken()
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Talkover"] = $"Data Source={_dbPath}",
        };
        await using (var first = ServiceProcess.Start(environment, "--urls", $"http://127.0.0.1:{ServiceProcess.FreePort()}"))
        {
            await first.WaitForOutputAsync("Request the release of the free demo number", Patience);
        }

        await using var second = ServiceProcess.Start(environment, "--urls", $"http://127.0.0.1:{ServiceProcess.FreePort()}");
        await second.WaitForOutputAsync("Demo data is already in the database", Patience);

        Assert.That(second.Stdout, Does.Not.Match("talq_[A-Za-z0-9_-]{43}").And.Contain("Demo data is already in the database"));
    }

    [Test]
    public async Task MigrateCommand_AppliesTheSchemaAndExits()
    {
        await using var service = ServiceProcess.Start(new Dictionary<string, string> { ["ConnectionStrings__Talkover"] = $"Data Source={_dbPath}" }, "migrate");

        var exitCode = await service.WaitForExitAsync(Patience);

        Assert.That(exitCode, Is.Zero, service.Stderr);
        await using var connection = new SqliteConnection($"Data Source={_dbPath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'release_requests'";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(1L));
    }

    [Test]
    public async Task StaffAddCommand_PrintsTheSetupLinkOnce_AndRefusesATakenEmail()
    {
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Talkover"] = $"Data Source={_dbPath}" };
        string[] add = ["staff", "add", "--email", "first.admin@support.example", "--name", "First Admin", "--role", "admin"];

        await using (var first = ServiceProcess.Start(environment, add))
        {
            Assert.That(await first.WaitForExitAsync(Patience), Is.Zero, first.Stderr);
            Assert.That(first.Stdout, Does.Match(@"http://127\.0\.0\.1:5080/console/setup\?token=[A-Za-z0-9_-]{43}"));
        }

        await using var second = ServiceProcess.Start(environment, add);
        Assert.That(await second.WaitForExitAsync(Patience), Is.EqualTo(1));
        Assert.That(second.Stderr.Trim(), Is.EqualTo("talkover: A staff member with this email already exists"));

        await using var connection = new SqliteConnection($"Data Source={_dbPath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT role || ' ' || status FROM staff_members";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("admin active"));
    }

    [Test]
    public async Task StaffAddCommand_WithoutItsOptions_SaysHowToUseIt()
    {
        await using var service = ServiceProcess.Start(new Dictionary<string, string> { ["ConnectionStrings__Talkover"] = $"Data Source={_dbPath}" }, "staff", "add", "--email", "x@support.example");

        Assert.That(await service.WaitForExitAsync(Patience), Is.EqualTo(2));
        Assert.That(service.Stderr, Does.Contain("usage: staff add --email EMAIL --name NAME"));
    }

    [TestCase("Database__Provider", "Oracle", "Database:Provider 'Oracle' is not supported")]
    [TestCase("Admin__ApiKey", "too-short", "Admin:ApiKey must be at least 32 characters")]
    [TestCase("Database__MigrateOnStartup", "sometimes", "Database:MigrateOnStartup 'sometimes' must be true or false")]
    [TestCase("RateLimits__StandardPerMinute", "0", "RateLimits")]
    [TestCase("Database__MaxOpenConnections", "0", "Database:MaxOpenConnections '0' must be a whole number from 1 to 1000")]
    [TestCase("ConnectionStrings__Talkover", "Data Source={db};Default Timeout=0", "Default Timeout=0; use 1 to 600 seconds")]
    [TestCase("DataProtection__KeysPath", "/proc/talkover/keys", "DataProtection:KeysPath '/proc/talkover/keys' cannot be used")]
    [TestCase("ForwardedHeaders__KnownProxies", "10.0.0.1, load-balancer", "ForwardedHeaders:KnownProxies entry 'load-balancer' is not an IP address or a CIDR network")]
    [TestCase("Redis__Configuration", "127.0.0.1:6379,password=s3cret-redis-password,tls=maybe", "Redis:Configuration is not a StackExchange.Redis configuration string")]
    [TestCase("Console__PublicUrl", "support.example.com", "Console:PublicUrl 'support.example.com' must be an absolute http or https address")]
    public async Task BadConfiguration_ExitsNonZeroWithOneLine(string key, string value, string reason)
    {
        await using var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Talkover"] = $"Data Source={_dbPath}",
            [key] = value.Replace("{db}", _dbPath, StringComparison.Ordinal),
        });

        var exitCode = await service.WaitForExitAsync(Patience);

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(service.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1).And.One.Contains(reason), service.Stderr);
        Assert.That(service.Stderr + service.Stdout, Does.Not.Contain("s3cret-redis-password"), "a configuration string's password is never printed");
    }

    [TestCase("Sqlite", "Foo=bar")]
    [TestCase("SqlServer", "Server=tcp:127.0.0.1,1;Nonsense Keyword=1")]
    [TestCase("Sqlite", "Data Source=/proc/talkover/cannot/be/created.db")]
    public async Task MalformedConnectionStringOrUnusablePath_ExitsNonZeroWithOneLine(string provider, string connectionString)
    {
        await using var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["Database__Provider"] = provider,
            ["ConnectionStrings__Talkover"] = connectionString,
        });

        var exitCode = await service.WaitForExitAsync(Patience);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(service.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1).And.One.StartsWith("talkover: "), service.Stderr);
    }

    [Test]
    public async Task UnreachableSqlServer_ExitsNonZeroWithOneLine()
    {
        await using var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["Database__Provider"] = "SqlServer",
            ["ConnectionStrings__Talkover"] = "Server=tcp:127.0.0.1,1;Database=talkover;User Id=sa;Password=unused;Connect Timeout=2;Encrypt=False",
        });

        var exitCode = await service.WaitForExitAsync(Patience);

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(service.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1).And.One.StartsWith("talkover: cannot start:"), service.Stderr);
    }

    [Test]
    public async Task PortAlreadyInUse_ExitsNonZeroWithOneLineAndNoStackTrace()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        await using var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Talkover"] = $"Data Source={_dbPath}",
        }, "--urls", $"http://127.0.0.1:{port}");

        var exitCode = await service.WaitForExitAsync(Patience);

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(service.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1).And.One.StartsWith("talkover: ").And.One.Contains($"127.0.0.1:{port}"), service.Stderr);
        Assert.That(service.Stdout + service.Stderr, Does.Not.Contain("   at "), "no stack trace on either stream");
    }

    [Test]
    public async Task PortAlreadyInUse_OnAFirstRun_KeepsTheDemoTokenForTheRunThatListens()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var development = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Talkover"] = $"Data Source={_dbPath}",
        };
        await using (var failed = ServiceProcess.Start(development, "--urls", $"http://127.0.0.1:{((IPEndPoint)occupant.LocalEndpoint).Port}"))
        {
            Assert.That(await failed.WaitForExitAsync(Patience), Is.Not.Zero);
            Assert.That(failed.Stdout, Does.Not.Match("talq_[A-Za-z0-9_-]{43}"), "no token is printed by a run that cannot serve it");
        }

        await using var listening = ServiceProcess.Start(development, "--urls", $"http://127.0.0.1:{ServiceProcess.FreePort()}");
        await listening.WaitForOutputAsync("Request the release of the free demo number", Patience);

        Assert.That(TokenLine().Match(listening.Stdout).Success, Is.True, listening.Stdout);
    }

    [GeneratedRegex(@"^\s+(talq_[A-Za-z0-9_-]{43})\s*$", RegexOptions.Multiline)]
    private static partial Regex TokenLine();

    [GeneratedRegex(@"curl -i -X POST ""http://[^/]+(/api/v1/phone-numbers/[0-9a-f-]{36}/request-release)""")]
    private static partial Regex CurlPath();

    [GeneratedRegex(@"-d '(\{.*\})'")]
    private static partial Regex CurlBody();
}
