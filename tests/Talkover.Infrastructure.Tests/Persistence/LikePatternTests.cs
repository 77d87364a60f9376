using Talkover.Infrastructure.Persistence;

namespace Talkover.Infrastructure.Tests.Persistence;

/// <summary>
/// The search pattern each provider gets. SQLite's LIKE is run for real in the repository contract
/// tests; no SQL Server runs here (and ScriptDom cannot evaluate LIKE), so its pattern is checked as text.
/// </summary>
[TestFixture]
public sealed class LikePatternTests
{
    [TestCase(DatabaseProvider.SqlServer, "[0-9]", @"%\[0-9]%")]
    [TestCase(DatabaseProvider.SqlServer, "[^a]", @"%\[^a]%")]
    [TestCase(DatabaseProvider.SqlServer, "100%", @"%100\%%")]
    [TestCase(DatabaseProvider.SqlServer, "a_b", @"%a\_b%")]
    [TestCase(DatabaseProvider.SqlServer, @"a\b", @"%a\\b%")]
    [TestCase(DatabaseProvider.SqlServer, "+1555", "%+1555%")]
    [TestCase(DatabaseProvider.Sqlite, "100%", @"%100\%%")]
    [TestCase(DatabaseProvider.Sqlite, "a_b", @"%a\_b%")]
    [TestCase(DatabaseProvider.Sqlite, @"a\b", @"%a\\b%")]
    [TestCase(DatabaseProvider.Sqlite, "+1555", "%+1555%")]
    public void LikeContains_WhenTextHasCharactersTheProviderTreatsAsWildcards_EscapesEachOne(DatabaseProvider provider, string text, string expected)
    {
        Assert.That(SqlDialect.For(provider).LikeContains(text), Is.EqualTo(expected));
    }
}
