using System.Collections.Concurrent;

namespace Talkover.Api.RateLimiting;

/// <summary>
/// This instance's own count of requests per key, in fixed one-minute windows aligned to the clock's
/// minutes: the counter when no Redis is configured, and the fallback while it is unreachable. The
/// framework's FixedWindowRateLimiter is not used because its windows start when each partition is
/// created, not on the clock's minute shared by every instance and by Redis, and it tells neither the
/// time left in a window nor, in its lease, how many requests remain — both headers every response carries.
/// </summary>
public sealed class FixedWindowCounter(TimeProvider clock)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public readonly record struct Decision(bool Allowed, int Limit, int Remaining, int ResetSeconds);

    public Decision Acquire(string key, int limit)
    {
        var (minute, resetSeconds) = WindowAt(clock.GetUtcNow());

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

    /// <summary>The window (minutes since the Unix epoch) a moment falls in, and the seconds left in it (1 to 60).</summary>
    public static (long Minute, int ResetSeconds) WindowAt(DateTimeOffset now)
    {
        var seconds = now.ToUnixTimeSeconds();
        return (seconds / 60, (int)(60 - (seconds % 60)));
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
