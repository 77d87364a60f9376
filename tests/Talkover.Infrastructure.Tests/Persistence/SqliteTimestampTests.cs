using System.Globalization;
using Talkover.Infrastructure.Persistence;

namespace Talkover.Infrastructure.Tests.Persistence;

/// <summary>The fast reading of SQLite timestamps gives exactly what the general parser gave, for every text.</summary>
[TestFixture]
public sealed class SqliteTimestampTests
{
    [TestCase("2026-11-30T12:34:56.1234567Z")]
    [TestCase("0001-01-01T00:00:00.0000000Z")]
    [TestCase("9999-12-31T23:59:59.9999999Z")]
    [TestCase("2024-02-29T00:00:00.0000001Z")]
    [TestCase("2026-11-30T12:34:56Z")]
    [TestCase("2026-11-30T12:34:56.123Z")]
    [TestCase("2026-11-30T14:34:56.1234567+02:00")]
    [TestCase("2026-11-30 12:34:56")]
    public void ParseSqliteTimestamp_ReadsWhatTheGeneralParserReads(string text)
    {
        var expected = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        var read = DapperTypeHandlers.ParseSqliteTimestamp(text);

        Assert.That((read, read.Kind), Is.EqualTo((expected, DateTimeKind.Utc)));
    }

    [TestCase("2026-02-30T00:00:00.0000000Z")]
    [TestCase("2026-13-01T00:00:00.0000000Z")]
    [TestCase("2026-11-30T24:00:00.0000000Z")]
    [TestCase("2026-1x-30T12:34:56.1234567Z")]
    public void ParseSqliteTimestamp_WhenTheTextIsNoTimestamp_FailsAsTheGeneralParserDoes(string text)
    {
        Assert.Throws<FormatException>(() => DapperTypeHandlers.ParseSqliteTimestamp(text));
    }
}
