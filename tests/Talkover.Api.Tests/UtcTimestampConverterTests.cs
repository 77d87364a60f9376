using System.Globalization;
using System.Text.Json;
using Talkover.Api.Http;

namespace Talkover.Api.Tests;

/// <summary>Timestamps are written straight into UTF-8; the text must be what formatting them as a string gave.</summary>
public sealed class UtcTimestampConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new UtcTimestampConverter() } };

    private static IEnumerable<DateTime> Timestamps()
    {
        yield return new DateTime(2024, 1, 15, 12, 0, 0, DateTimeKind.Utc);
        yield return new DateTime(2026, 11, 30, 23, 59, 59, 999, DateTimeKind.Utc).AddTicks(9999);
        yield return new DateTime(2026, 6, 1, 8, 30, 5, DateTimeKind.Unspecified);
        yield return new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Local);
        yield return new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        yield return DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc);
    }

    [TestCaseSource(nameof(Timestamps))]
    public void Write_GivesTheSameTextAsFormattingAString(DateTime value)
    {
        var expected = "\"" + value.ToUniversalTime().ToString(UtcTimestampConverter.Format, CultureInfo.InvariantCulture) + "\"";

        Assert.That(JsonSerializer.Serialize(value, Options), Is.EqualTo(expected));
    }
}
