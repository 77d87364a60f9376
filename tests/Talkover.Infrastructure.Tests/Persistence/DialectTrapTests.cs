using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Talkover.Domain.Staff;
using Talkover.Infrastructure.Persistence;
using Talkover.Infrastructure.Tests.Support;

namespace Talkover.Infrastructure.Tests.Persistence;

/// <summary>
/// Where SQLite and SQL Server read the same-looking SQL differently, one test each, run on every build:
/// LIKE's wildcards, text comparison and collation, paging syntax, filtered unique indexes, and returning
/// written rows. SQL Server's side is read from its statements and migrations with ScriptDom.
/// </summary>
[TestFixture]
public sealed partial class DialectTrapTests
{
    private static readonly TSqlSchema SqlServer = TSqlSchema.FromScripts(SqlStatements.MigrationScripts(DatabaseProvider.SqlServer));

    private static IReadOnlyList<SqlStatement> SqlServerStatements => SqlStatements.For(new SqlServerDialect());

    private static IReadOnlyList<SqlStatement> SqliteStatements => SqlStatements.For(new SqliteDialect());

    /// <summary>
    /// SQL Server's LIKE reads <c>[…]</c> as a character class, SQLite's does not: a search for "[0-9]" would match any
    /// digit there. Every LIKE the service sends on SQL Server declares <c>ESCAPE '\'</c>, and the dialect escapes
    /// <c>[</c> along with <c>%</c>, <c>_</c> and the escape character itself (<see cref="LikePatternTests"/>).
    /// </summary>
    [Test]
    public void Like_OnSqlServer_AlwaysDeclaresTheEscapeCharacterTheDialectEscapesWith()
    {
        var likes = SqlServerStatements
            .SelectMany(statement => Fragments<LikePredicate>(statement.Text).Select(like => (statement.Name, Like: like)))
            .ToList();

        Assert.That(likes, Is.Not.Empty);
        Assert.That(
            likes.Where(l => (l.Like.EscapeExpression as StringLiteral)?.Value != "\\" && !IsDigitSeek(l.Like)).Select(l => $"{l.Name}: {TSqlSchema.Text(l.Like)}"),
            Is.Empty);
        Assert.That(SqlDialect.For(DatabaseProvider.SqlServer).LikeContains("[0-9]"), Is.EqualTo(@"%\[0-9]%"));

        // The one LIKE without ESCAPE seeks digit suffixes with 'digits%': only a run of digits ever gets there.
        Assert.That(new[] { "[0-9]1234", "1234%", "12_34", "+1555[", "१२३४" }.Select(SqlDialect.SearchDigits), Has.All.Null);
        Assert.That(SqlDialect.SearchDigits("+15551234"), Is.EqualTo("15551234"));
    }

    /// <summary>
    /// SQL Server compares text case-insensitively under its default collation, SQLite exactly. The service never
    /// leans on either: a staff email is unique through <c>email_key</c> (the address lower-cased by the service),
    /// and keys compared exactly (email keys, idempotency keys) are declared with a binary collation on SQL Server,
    /// the same comparison SQLite makes by default.
    /// </summary>
    [Test]
    public void EmailUniqueness_IsDecidedByTheServicesKeyWithTheSameComparisonOnBothProviders()
    {
        Assert.That(StaffMember.KeyOf("Ada.Lovelace@Example.COM"), Is.EqualTo(StaffMember.KeyOf("ada.lovelace@example.com")));
        Assert.That(SqlServer.Indexes, Has.Some.Matches<TSqlIndex>(i => i is { Table: "staff_members", Unique: true, Filtered: false } && i.Columns.SequenceEqual(new[] { "email_key" })));
        Assert.That(SqliteIndexes(), Has.Some.Matches<(string Table, string Sql)>(i => i.Table == "staff_members" && i.Sql.Contains("UNIQUE INDEX", StringComparison.Ordinal) && i.Sql.EndsWith("(email_key)", StringComparison.Ordinal)));

        foreach (var (table, column) in new[] { ("staff_members", "email_key"), ("idempotency_keys", "idempotency_key") })
        {
            Assert.That(SqlServer.Column(table, column)!.Collation, Does.EndWith("_BIN2"), $"{table}.{column} compared exactly on SQL Server");
        }

        Assert.That(
            SqlServer.Tables.SelectMany(t => t.Value.Where(c => c.Collation is { } collation && collation.Contains("_CS_", StringComparison.Ordinal)).Select(c => $"{t.Key}.{c.Name}")),
            Is.Empty,
            "a case-sensitive (non-binary) collation sorts differently from SQLite's byte order");
    }

    /// <summary>
    /// Paging is <c>LIMIT … OFFSET</c> on SQLite and <c>OFFSET … FETCH</c> on SQL Server, which also needs an ORDER BY
    /// in the same query (T-SQL refuses OFFSET without one) and parentheses around a parameter in TOP.
    /// </summary>
    [Test]
    public void Paging_IsEachProvidersOwnSyntaxWithTheOrderSqlServerRequires()
    {
        Assert.That(SqlServerStatements.Where(s => LimitClause().IsMatch(s.Text)).Select(s => s.Name), Is.Empty, "LIMIT on SQL Server");
        Assert.That(SqliteStatements.Where(s => s.Text.Contains("FETCH NEXT", StringComparison.Ordinal) || TopClause().IsMatch(s.Text)).Select(s => s.Name), Is.Empty, "OFFSET … FETCH or TOP on SQLite");

        var paged = SqlServerStatements.SelectMany(s => Fragments<QuerySpecification>(s.Text).Where(q => q.OffsetClause is not null).Select(q => (s.Name, Query: q))).ToList();
        Assert.That(paged, Is.Not.Empty);
        Assert.That(paged.Where(p => p.Query.OrderByClause is null).Select(p => p.Name), Is.Empty, "OFFSET without ORDER BY");
        Assert.That(
            SqlServerStatements.SelectMany(s => Fragments<TopRowFilter>(s.Text).Where(t => t.Expression is not ParenthesisExpression and not IntegerLiteral).Select(_ => s.Name)),
            Is.Empty,
            "TOP with a parameter needs parentheses");
    }

    /// <summary>
    /// The rules that live in the database — one pending request per number, one active number per E.164 — are
    /// unique indexes filtered by a predicate: a partial index on SQLite, a filtered index on SQL Server. Both
    /// providers must filter each one by the same predicate, or a rule holds on one and not the other.
    /// </summary>
    [Test]
    public void FilteredUniqueIndexes_HaveTheSameColumnsAndPredicateOnBothProviders()
    {
        var sqlServer = SqlServer.Indexes.Where(i => i is { Unique: true, Filtered: true }).ToList();
        var sqlite = SqliteIndexes().Where(i => i.Sql.Contains(" WHERE ", StringComparison.Ordinal) && i.Sql.Contains("UNIQUE", StringComparison.Ordinal)).ToList();

        Assert.That(sqlServer.Select(i => i.Name), Is.EquivalentTo(new[] { "ux_phone_numbers_active_number", "ux_release_requests_pending_phone_number" }));
        foreach (var index in sqlServer)
        {
            var twin = sqlite.Single(i => i.Sql.Contains($"INDEX {index.Name} ", StringComparison.Ordinal));
            Assert.That(Normalized(twin.Sql[(twin.Sql.IndexOf(" WHERE ", StringComparison.Ordinal) + 7)..]), Is.EqualTo(Normalized(index.Filter!)), index.Name);
            Assert.That(twin.Sql, Does.Contain($"({string.Join(", ", index.Columns)})"), index.Name);
        }
    }

    /// <summary>
    /// SQL Server returns written rows with OUTPUT, SQLite with RETURNING, and they differ (OUTPUT fails on a table with
    /// triggers, which the counters need). The service needs neither: ids are made by the service (UUID v7) before the
    /// insert, and a write's effect is read back by the number of rows it changed.
    /// </summary>
    [Test]
    public void WrittenRows_AreNeverReturnedByTheStatementOnEitherProvider()
    {
        Assert.That(SqlServerStatements.Where(s => Fragments<OutputClause>(s.Text).Any() || Fragments<OutputIntoClause>(s.Text).Any()).Select(s => s.Name), Is.Empty);
        Assert.That(SqliteStatements.Where(s => ReturningClause().IsMatch(s.Text)).Select(s => s.Name), Is.Empty);
    }

    // A digit search seeks search_suffixes by its key with LIKE @SearchDigits: the digits and a final %.
    private static bool IsDigitSeek(LikePredicate like) =>
        like.SecondExpression is VariableReference { Name: "@SearchDigits" };

    private static string Normalized(string predicate) => Whitespace().Replace(predicate, "").Trim('(', ')').ToLowerInvariant();

    private static List<T> Fragments<T>(string sql)
        where T : TSqlFragment
    {
        var visitor = new Collector<T>();
        TSql.Parse(sql, out _).Accept(visitor);
        return visitor.Found;
    }

    private static List<(string Table, string Sql)> SqliteIndexes()
    {
        using var database = new TempSqliteDatabase().Migrated();
        using var connection = new SqliteConnection(database.ConnectionString + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL";
        using var reader = command.ExecuteReader();
        var indexes = new List<(string Table, string Sql)>();
        while (reader.Read())
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }

    [GeneratedRegex(@"\bLIMIT\b", RegexOptions.IgnoreCase)]
    private static partial Regex LimitClause();

    [GeneratedRegex(@"\bSELECT\s+TOP\b", RegexOptions.IgnoreCase)]
    private static partial Regex TopClause();

    [GeneratedRegex(@"\bRETURNING\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReturningClause();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private sealed class Collector<T> : TSqlFragmentVisitor
        where T : TSqlFragment
    {
        public List<T> Found { get; } = [];

        public override void Visit(TSqlFragment fragment)
        {
            if (fragment is T found)
            {
                Found.Add(found);
            }

            base.Visit(fragment);
        }
    }
}
