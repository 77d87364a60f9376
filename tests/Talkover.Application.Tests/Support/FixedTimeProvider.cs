namespace Talkover.Application.Tests.Support;

/// <summary>A clock that always reads the same instant.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    /// <summary>2024-01-15T12:00:00Z, the seed's <c>requested_at</c>.</summary>
    public static readonly DateTimeOffset SeedNow = new(2024, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public FixedTimeProvider()
        : this(SeedNow)
    {
    }

    public DateTime UtcNow => now.UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(now.UtcDateTime);

    public override DateTimeOffset GetUtcNow() => now;
}
