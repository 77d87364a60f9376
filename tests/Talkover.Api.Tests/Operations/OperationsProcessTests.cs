using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests.Operations;

/// <summary>
/// The built service as its own process, started from a folder that is not its own, as an operator or a
/// container runs it: its JSON log lines, the address it listens on, the modes of its database files, and
/// the container settings of its project.
/// </summary>
[NonParallelizable]
public sealed class OperationsProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private string _folder = null!;

    [SetUp]
    public void NewFolder() => _folder = Path.Combine(Path.GetTempPath(), $"talkover-ops-{Guid.NewGuid():N}");

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "data", "talkover.db")}";

    [Test]
    public async Task ProductionLogs_AreOneJsonLinePerRequest_WithTheRequestIdTheClientSaw()
    {
        var port = ServiceProcess.FreePort();
        await using var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Talkover"] = ConnectionString,
            ["Admin__ApiKey"] = TalkoverApiFactory.AdminKey,
        }, "--urls", $"http://127.0.0.1:{port}");
        await service.WaitForOutputAsync("Now listening on", Patience);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var api = new ApiClient(http);
        using var health = new HttpRequestMessage(HttpMethod.Get, "/api/v1/health");
        health.Headers.Add("X-Request-Id", "ops-check-0001");
        (await api.SendAsync(health)).ExpectStatus(HttpStatusCode.OK);
        var guessed = "talq_" + new string('D', 43);
        var refused = (await api.GetAsync("/api/v1/phone-numbers?per_page=5", guessed)).ExpectStatus(HttpStatusCode.Unauthorized);
        var environment = (await api.PostAsync("/api/v1/admin/environments", TalkoverApiFactory.AdminKey, new { name = "Logged" })).ExpectStatus(HttpStatusCode.Created);
        var token = environment.Data["token"]!.GetValue<string>();
        (await api.GetAsync("/api/v1/phone-numbers", token)).ExpectStatus(HttpStatusCode.OK);
        var injected = await RawHttp.SendAsync(http.BaseAddress!, "GET", "/api/v1/nothing%0D%0Ainjected:%20yes%0D%0A");
        Assert.That(injected, Is.EqualTo(404));

        var lines = await RequestLinesAsync(service, expected: 5);
        var byId = lines.Where(line => RequestIdOf(line) == "ops-check-0001").ToArray();
        var refusedLine = lines.Single(line => RequestIdOf(line) == refused.Header("X-Request-Id"));
        var tenantLine = lines.Single(line => line.GetProperty("State").GetProperty("Route").GetString() == "/api/v1/phone-numbers" && RequestIdOf(line) != refused.Header("X-Request-Id"));
        var stdout = service.Stdout;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(byId, Has.Length.EqualTo(1), "one line for the request");
            Assert.That(byId[0].GetProperty("LogLevel").GetString(), Is.EqualTo("Information"));
            Assert.That(byId[0].GetProperty("State").GetProperty("Route").GetString(), Is.EqualTo("/api/v1/health"));
            Assert.That(byId[0].GetProperty("State").GetProperty("StatusCode").GetInt32(), Is.EqualTo(200));
            Assert.That(byId[0].GetProperty("Scopes").EnumerateArray().Any(s => s.TryGetProperty("RequestId", out var id) && id.GetString() == "ops-check-0001"
                && s.TryGetProperty("TraceId", out var trace) && trace.GetString()!.Length == 32), "the request and trace ids are in the line's scope");
            Assert.That(refusedLine.GetProperty("State").GetProperty("StatusCode").GetInt32(), Is.EqualTo(401));
            Assert.That(tenantLine.GetProperty("State").GetProperty("Caller").GetString(), Is.EqualTo("environment " + environment.Data["id"]!.GetValue<string>()));
            Assert.That(stdout.Split('\n'), Has.None.StartsWith("injected"), "a CR LF in the path never starts a line of its own");
            Assert.That(stdout, Does.Not.Contain(guessed).And.Not.Contain(token).And.Not.Contain(TalkoverApiFactory.AdminKey).And.Not.Contain("per_page=5"));
        }
    }

    [Test]
    public async Task AspNetCoreHttpPorts_WinOverTheLocalDefault()
    {
        var port = ServiceProcess.FreePort();
        await using var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Talkover"] = ConnectionString,
            ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await service.WaitForOutputAsync("Now listening on", Patience);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var live = await http.GetAsync("/health/live");

        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK), service.Stdout);
        Assert.That(service.Stdout, Does.Not.Contain("127.0.0.1:5080").And.Not.Contain("Overriding"));
    }

    [Test]
    public async Task NewDatabase_IsReadableByTheServiceUserOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes only.");
            return;
        }

        await using var service = await RunningService.StartAsync(ConnectionString);
        (await service.Api.PostAsync("/api/v1/admin/environments", TalkoverApiFactory.AdminKey, new { name = "Private" })).ExpectStatus(HttpStatusCode.Created);

        var database = Path.Combine(_folder, "data", "talkover.db");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(database)!), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute), "the folder");
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                Assert.That(File.Exists(file), Is.True, file);
                Assert.That(File.GetUnixFileMode(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), file);
            }
        }
    }

    [Test]
    public async Task ContainerSettings_AreANonRootImageOnPort8080WrittenAsATarball()
    {
        var (exitCode, output) = await ExternalCommand.RunAsync(RepositoryFolder.Root, TimeSpan.FromSeconds(60), null, "dotnet", "msbuild", "src/Talkover.Api/Talkover.Api.csproj",
            "-getProperty:ContainerUser", "-getProperty:ContainerArchiveOutputPath", "-getProperty:ContainerBaseImage", "-getItem:ContainerPort", "-getItem:ContainerEnvironmentVariable");
        Assert.That(exitCode, Is.Zero, output);
        using var evaluated = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        var properties = evaluated.RootElement.GetProperty("Properties");
        var items = evaluated.RootElement.GetProperty("Items");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(properties.GetProperty("ContainerUser").GetString(), Is.EqualTo("app"), "the image's non-root user");
            Assert.That(properties.GetProperty("ContainerArchiveOutputPath").GetString(), Does.EndWith(".tar.gz"), "a tarball: no Docker daemon needed");
            Assert.That(properties.GetProperty("ContainerBaseImage").GetString(), Does.StartWith("mcr.microsoft.com/dotnet/aspnet:10.0"));
            Assert.That(items.GetProperty("ContainerPort").EnumerateArray().Select(p => p.GetProperty("Identity").GetString()), Is.EqualTo(new[] { "8080" }));
            Assert.That(items.GetProperty("ContainerEnvironmentVariable").EnumerateArray().Select(v => $"{v.GetProperty("Identity").GetString()}={v.GetProperty("Value").GetString()}"),
                Does.Contain("ASPNETCORE_HTTP_PORTS=8080"));
        }
    }

    /// <summary>The request lines of the service's JSON log, once at least <paramref name="expected"/> have been written.</summary>
    private static async Task<JsonElement[]> RequestLinesAsync(ServiceProcess service, int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var lines = service.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => line.StartsWith('{'))
                .Select(line => JsonDocument.Parse(line).RootElement.Clone())
                .Where(line => line.GetProperty("Category").GetString() == "Talkover.Api.Diagnostics.RequestLoggingMiddleware")
                .ToArray();
            if (lines.Length >= expected || DateTime.UtcNow > deadline)
            {
                return lines;
            }

            await Task.Delay(100);
        }
    }

    private static string? RequestIdOf(JsonElement line) => line.GetProperty("State").GetProperty("RequestId").GetString();

}
