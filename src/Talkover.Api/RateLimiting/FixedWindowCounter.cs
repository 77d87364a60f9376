using System.Collections.Concurrent;

namespace Talkover.Api.RateLimiting;

/// <summary>
/// Requests per key in fixed one-minute windows aligned to the clock's minutes. Hand-written rather
/// than System.Threading.RateLimiting because every response must tell how many requests remain and
/// when the window resets, which the framework's limiters do not expose.
/// </summary>
public sealed class FixedWindowCounter(TimeProvider clock)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public readonly record struct Decision(bool Allowed, int Limit, int Remaining, int ResetSeconds);

    public Decision Acquire(string key, int limit)
    {
        var now = clock.GetUtcNow();
        var minute = now.ToUnixTimeSeconds() / 60;
        var resetSeconds = (int)(60 - (now.ToUnixTimeSeconds() % 60));

        var window = _windows.GetOrAdd(key, _ => new Window());
        int used;
        lock (window)
        {
            if (window.Minute != minute)
            {
                window.Minute = minute;
                window.Count = 0;
            }

            if (window.Count < limit)
            {
                window.Count++;
            }
            else
            {
                return new Decision(false, limit, 0, resetSeconds);
            }

            used = window.Count;
        }

        if (_windows.Count > PruneAbove)
        {
            Prune(minute);
        }

        return new Decision(true, limit, limit - used, resetSeconds);
    }

    private void Prune(long currentMinute)
    {
        foreach (var (key, window) in _windows)
        {
            if (window.Minute < currentMinute)
            {
                _windows.TryRemove(key, out _);
            }
        }
    }

    private sealed class Window
    {
        public long Minute { get; set; } = long.MinValue;

        public int Count { get; set; }
    }
}
