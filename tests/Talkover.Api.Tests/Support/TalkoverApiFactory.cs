using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Talkover.Api.Tests.Support;

/// <summary>
/// The real service on Kestrel (loopback, a free port) over its own SQLite file, configured the
/// way an operator would: connection string, admin key and demo switch through configuration.
/// </summary>
public sealed class TalkoverApiFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789abcdefghijklmnopqrstuvwxyz";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public TalkoverApiFactory(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        DbPath = Path.Combine(Path.GetTempPath(), $"talkover-api-test-{Guid.NewGuid():N}.db");
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ConnectionStrings:Talkover"] = $"Data Source={DbPath}",
            ["Admin:ApiKey"] = AdminKey,
            ["Demo:Seed"] = "false",
            ["urls"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(0);
    }

    public string DbPath { get; }

    public string ConnectionString => $"Data Source={DbPath}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DbPath + suffix);
        }
    }
}
