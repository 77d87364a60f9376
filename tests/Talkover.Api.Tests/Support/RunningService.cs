using Microsoft.Data.Sqlite;

namespace Talkover.Api.Tests.Support;

/// <summary>
/// The built service as its own process (Production settings, the test admin key, generous rate limits)
/// over a SQLite file the test chooses, reachable through <see cref="Api"/>. It can be killed and started
/// again on the same port and file, as an operator's supervisor would.
/// </summary>
public sealed class RunningService : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, string> _environment;
    private readonly int _port;

    private RunningService(Dictionary<string, string> environment, int port, HttpClient http)
    {
        _environment = environment;
        _port = port;
        Api = new ApiClient(http);
    }

    public ApiClient Api { get; }

    public ServiceProcess Process { get; private set; } = null!;

    /// <summary>
    /// Starts the service on <paramref name="connectionString"/> (SQLite); <paramref name="settings"/> are
    /// extra environment variables (<c>Section__Key</c>) that win over the defaults here.
    /// </summary>
    public static async Task<RunningService> StartAsync(string connectionString, IDictionary<string, string>? settings = null)
    {
        var port = ServiceProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Talkover"] = connectionString,
            ["Admin__ApiKey"] = TalkoverApiFactory.AdminKey,
            ["RateLimits__StandardPerMinute"] = "1000000",
            ["RateLimits__EnterprisePerMinute"] = "1000000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(120),
        };
        var service = new RunningService(environment, port, http);
        await service.StartProcessAsync();
        return service;
    }

    /// <summary>kill -9, then a fresh start on the same port and database.</summary>
    public async Task KillAndRestartAsync()
    {
        await Process.KillAsync();
        await Process.DisposeAsync();
        await StartProcessAsync();
    }

    private async Task StartProcessAsync()
    {
        Process = ServiceProcess.Start(_environment, "--urls", $"http://127.0.0.1:{_port}");
        await Process.WaitForOutputAsync("Now listening on", StartPatience);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Http.Dispose();
        await Process.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
