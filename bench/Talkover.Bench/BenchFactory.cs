using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Talkover.Bench;

/// <summary>
/// The real service (its Program, middleware and settings) on Kestrel over a SQLite file, as the tests
/// host it, with rate limits lifted so they never answer a benchmark's request.
/// </summary>
// Any type of the Api assembly names the entry point; "Program" would be this tool's own.
internal sealed class BenchFactory : WebApplicationFactory<Talkover.Api.Controllers.HealthController>
{
    public const string AdminKey = "bench-admin-key-0123456789abcdefghijklmnopqrstuvwxyz";

    private readonly string _dbPath;
    private readonly Action<IServiceCollection>? _services;

    public BenchFactory(string dbPath, Action<IServiceCollection>? services = null)
    {
        _dbPath = dbPath;
        _services = services;
        UseKestrel(0);
    }

    /// <summary>The test host looks for the service's content root; this points it at src/Talkover.Api of this checkout.</summary>
    public static void UseCheckoutContentRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Talkover.sln")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TALKOVER_API", Path.Combine(root?.FullName ?? ".", "src", "Talkover.Api"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Talkover", $"Data Source={_dbPath}");
        builder.UseSetting("Admin:ApiKey", AdminKey);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("RateLimits:EnterprisePerMinute", "1000000");
        builder.UseSetting("RateLimits:StaffPerMinute", "1000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }
}
