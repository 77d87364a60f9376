using Talkover.Api.Authentication;
using Talkover.Api.Http;
using Talkover.Api.RateLimiting;
using Talkover.Infrastructure;
using Talkover.Infrastructure.Persistence;
using Talkover.Infrastructure.Webhooks;

namespace Talkover.Api.Startup;

/// <summary>
/// Configuration read once at start. Anything that makes no sense stops the process with a
/// one-line reason rather than letting it start half-configured.
/// </summary>
public sealed record TalkoverSettings
{
    public required DatabaseOptions Database { get; init; }

    /// <summary>The admin key to accept, or null when admin routes are off.</summary>
    public required string? AdminApiKey { get; init; }

    /// <summary>True when the key was generated at start (Development only) and must be shown once.</summary>
    public required bool AdminKeyGenerated { get; init; }

    public required bool SeedDemoData { get; init; }

    public required RateLimitOptions RateLimits { get; init; }

    /// <summary>Senders whose X-Forwarded-For/-Proto are believed (<c>ForwardedHeaders:KnownProxies</c>); empty: none.</summary>
    public required TrustedProxies KnownProxies { get; init; }

    /// <summary>The Redis client's settings for shared rate-limit counters (<c>Redis:Configuration</c>), or null to count per instance.</summary>
    public required StackExchange.Redis.ConfigurationOptions? Redis { get; init; }

    /// <summary>The folder of the Data Protection key ring, or null to keep it in the database (the default).</summary>
    public required string? DataProtectionKeysPath { get; init; }

    public required WebhookOptions Webhooks { get; init; }

    public static TalkoverSettings Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var database = DependencyInjection.ReadDatabaseOptions(configuration);

        var adminKey = configuration["Admin:ApiKey"];
        var generated = false;
        if (string.IsNullOrEmpty(adminKey))
        {
            adminKey = null;
            if (environment.IsDevelopment())
            {
                adminKey = "talkover_admin_" + System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
                generated = true;
            }
        }
        else if (adminKey.Length < AdminKey.MinLength)
        {
            throw new InvalidOperationException($"Admin:ApiKey must be at least {AdminKey.MinLength} characters.");
        }

        var seedText = configuration["Demo:Seed"];
        var seed = environment.IsDevelopment();
        if (!string.IsNullOrWhiteSpace(seedText) && !bool.TryParse(seedText, out seed))
        {
            throw new InvalidOperationException($"Demo:Seed '{seedText}' must be true or false.");
        }

        var rateLimits = new RateLimitOptions();
        configuration.GetSection("RateLimits").Bind(rateLimits);
        if (rateLimits.StandardPerMinute < 1 || rateLimits.ProfessionalPerMinute < 1 || rateLimits.EnterprisePerMinute < 1
            || rateLimits.AnonymousPerMinute < 1 || rateLimits.StaffPerMinute < 1)
        {
            throw new InvalidOperationException(
                "RateLimits:StandardPerMinute, ProfessionalPerMinute, EnterprisePerMinute, AnonymousPerMinute and StaffPerMinute must be at least 1.");
        }

        var knownProxies = TrustedProxies.Parse(configuration["ForwardedHeaders:KnownProxies"]);
        var redis = ReadRedis(configuration["Redis:Configuration"]);

        var keysPath = ReadKeysPath(configuration["DataProtection:KeysPath"]);

        var publicUrl = configuration["Console:PublicUrl"];
        if (!string.IsNullOrWhiteSpace(publicUrl)
            && !(Uri.TryCreate(publicUrl, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" && parsed.Query.Length == 0))
        {
            throw new InvalidOperationException($"Console:PublicUrl '{publicUrl}' must be an absolute http or https address without a query.");
        }

        return new TalkoverSettings
        {
            Database = database,
            AdminApiKey = adminKey,
            AdminKeyGenerated = generated,
            SeedDemoData = seed,
            RateLimits = rateLimits,
            KnownProxies = knownProxies,
            Redis = redis,
            DataProtectionKeysPath = keysPath,
            Webhooks = WebhookOptions.Read(configuration),
        };
    }

    private static StackExchange.Redis.ConfigurationOptions? ReadRedis(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        try
        {
            return RedisWindowCounter.ReadOptions(configured);
        }
        catch (ArgumentException ex)
        {
            // The parser's message names the option it did not understand, never the string (which may hold a password).
            throw new InvalidOperationException($"Redis:Configuration is not a StackExchange.Redis configuration string: {ex.Message.ReplaceLineEndings(" ")}");
        }
    }

    /// <summary>
    /// A configured key ring folder is created now and checked to take a file, so a folder the service
    /// cannot write stops it at start instead of failing the first console page.
    /// </summary>
    private static string? ReadKeysPath(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        try
        {
            // The key ring can forge console sessions: a folder made here is its user's only (0700 on Unix).
            var folder = (OperatingSystem.IsWindows()
                ? Directory.CreateDirectory(Path.GetFullPath(configured))
                : Directory.CreateDirectory(Path.GetFullPath(configured), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)).FullName;
            using (File.Create(Path.Combine(folder, $".talkover-write-check-{Guid.NewGuid():N}"), 1, FileOptions.DeleteOnClose))
            {
            }

            return folder;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidOperationException($"DataProtection:KeysPath '{configured}' cannot be used: {ex.Message.ReplaceLineEndings(" ")}");
        }
    }
}
