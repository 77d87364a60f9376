using System.Collections.Concurrent;
using Talkover.Application.Abstractions;

namespace Talkover.Application.Webhooks.CreateWebhook;

/// <summary>
/// The URL guard's verdicts on webhook URLs, asked before a keyed create opens its transaction: the DNS lookup
/// must not hold the database's write lock, so the check inside the pipeline takes the verdict left here for its
/// URL (once, within <see cref="Freshness"/>) and resolves again only when there is none. Each delivery checks
/// the address it connects to anyway, so a verdict a few seconds old lets nothing through at send time.
/// </summary>
public sealed class WebhookUrlVerdicts(IWebhookUrlGuard guard, TimeProvider clock)
{
    /// <summary>How long a verdict left before the transaction may be taken by the check inside it.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (string? Problem, DateTimeOffset At)> _left = new(StringComparer.Ordinal);

    /// <summary>Asks the guard now and leaves its answer for the request's own check.</summary>
    public async Task PrecheckAsync(Uri url, CancellationToken cancellationToken)
    {
        var problem = await guard.ProblemAsync(url, cancellationToken);
        var now = clock.GetUtcNow();
        _left[url.AbsoluteUri] = (problem, now);

        // Verdicts never taken (the request failed before its check) do not pile up.
        foreach (var stale in _left.Where(entry => now - entry.Value.At > Freshness))
        {
            _left.TryRemove(stale);
        }
    }

    /// <summary>What is wrong with <paramref name="url"/> as a webhook target (null: nothing): the verdict left for it, or the guard's answer now.</summary>
    public async Task<string?> ProblemAsync(Uri url, CancellationToken cancellationToken) =>
        _left.TryRemove(url.AbsoluteUri, out var left) && clock.GetUtcNow() - left.At <= Freshness
            ? left.Problem
            : await guard.ProblemAsync(url, cancellationToken);
}
