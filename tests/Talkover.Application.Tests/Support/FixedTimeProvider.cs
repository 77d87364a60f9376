namespace Talkover.Application.Tests.Support;

/// <summary>A clock that reads the same instant until a test moves it on.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    /// <summary>2024-01-15T12:00:00Z, the seed's <c>requested_at</c>.</summary>
    public static readonly DateTimeOffset SeedNow = new(2024, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public FixedTimeProvider()
        : this(SeedNow)
    {
    }

    public DateTime UtcNow => _now.UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(_now.UtcDateTime);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
