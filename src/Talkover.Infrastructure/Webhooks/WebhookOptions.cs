using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Talkover.Infrastructure.Webhooks;

/// <summary>How webhooks are checked and delivered (<c>Webhooks:*</c>).</summary>
public sealed record WebhookOptions
{
    /// <summary>How long one attempt may take, connection included.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The §3.9 schedule: the pause before each retry, ±10 %, then <c>failed</c>.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetrySchedule =
        [.. new[] { 5, 30, 120, 600, 1800, 3600, 10800, 21600 }.Select(seconds => TimeSpan.FromSeconds(seconds))];

    /// <summary><c>http</c> URLs are accepted (tests, development).</summary>
    public bool AllowInsecureUrls { get; init; }

    /// <summary>Loopback, private, link-local, CGNAT and unspecified addresses are accepted (tests, development).</summary>
    public bool AllowPrivateNetworks { get; init; }

    /// <summary>How often the dispatcher looks for due deliveries when nothing wakes it sooner.</summary>
    public TimeSpan DispatchInterval { get; init; } = TimeSpan.FromSeconds(2);

    public IReadOnlyList<TimeSpan> RetrySchedule { get; init; } = DefaultRetrySchedule;

    /// <summary>How long a claimed delivery stays with its dispatcher; it must outlast an attempt.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many deliveries one claim takes (and sends at once, at most <see cref="MaxConcurrentSends"/> in parallel).</summary>
    public int BatchSize { get; init; } = 32;

    public int MaxConcurrentSends { get; init; } = 8;

    /// <summary>Reads <c>Webhooks:*</c>; throws <see cref="InvalidOperationException"/> with a one-line reason when a value makes no sense.</summary>
    public static WebhookOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Webhooks");
        var interval = Seconds(section, "DispatchIntervalSeconds", 2, 0.05, 3600);
        var lease = Seconds(section, "LeaseSeconds", 60, AttemptTimeout.TotalSeconds + 5, 3600);
        var schedule = DefaultRetrySchedule;
        if (section["RetryScheduleSeconds"] is { Length: > 0 } text)
        {
            var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var parsed = parts.Select(part => double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is > 0 and <= 86_400 ? s : -1).ToArray();
            if (parsed.Length is 0 or > 20 || parsed.Any(s => s < 0))
            {
                throw new InvalidOperationException($"Webhooks:RetryScheduleSeconds '{text}' must be 1 to 20 comma-separated numbers of seconds, each above 0 and at most 86400.");
            }

            schedule = [.. parsed.Select(TimeSpan.FromSeconds)];
        }

        return new WebhookOptions
        {
            AllowInsecureUrls = Flag(section, "AllowInsecureUrls"),
            AllowPrivateNetworks = Flag(section, "AllowPrivateNetworks"),
            DispatchInterval = interval,
            RetrySchedule = schedule,
            Lease = lease,
        };
    }

    private static bool Flag(IConfiguration section, string key)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return bool.TryParse(text, out var value) ? value : throw new InvalidOperationException($"Webhooks:{key} '{text}' must be true or false.");
    }

    private static TimeSpan Seconds(IConfiguration section, string key, double fallback, double min, double max)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return TimeSpan.FromSeconds(fallback);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= min && seconds <= max
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"Webhooks:{key} '{text}' must be a number of seconds from {min} to {max}.");
    }
}
