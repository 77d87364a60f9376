using System.Collections.Concurrent;
using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Security;

/// <summary>
/// Credential lookups by hash, found or not, kept for <see cref="Lifetime"/>: long enough that a client
/// sending many requests a second costs one query a second, short enough that a revocation on another
/// instance counts within a second here. At most <see cref="MaxEntries"/> are kept (a flood of made-up
/// tokens empties it rather than growing it).
/// </summary>
internal sealed class CredentialCache(TimeProvider clock) : ICredentialCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (object? Value, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);

    public async Task<T?> GetOrLoadAsync<T>(string key, Func<Task<T?>> load)
        where T : class
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.Until > now)
        {
            return (T?)entry.Value;
        }

        var value = await load();
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[key] = (value, now + Lifetime);
        return value;
    }

    public void Forget() => _entries.Clear();
}
