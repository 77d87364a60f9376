using Talkover.Infrastructure.Persistence;
using Talkover.Infrastructure.Persistence.Queries;
using Talkover.Infrastructure.Tests.Support;

namespace Talkover.Infrastructure.Tests.Persistence;

/// <summary>
/// SQLite's EXPLAIN QUERY PLAN for every statement the service runs: each one reaches its rows through
/// an index (a page costs the same however large the tables grow), and a list page is read in index
/// order instead of being sorted. docs/query-plans.md shows the plans and the SQL Server indexes.
/// </summary>
[TestFixture]
public sealed class QueryPlanTests
{
    /// <summary>Statements that may read a table without an index, and why that is fine.</summary>
    private static readonly Dictionary<string, string> AllowedScans = new(StringComparer.Ordinal)
    {
        ["EnvironmentRepository.Any"] = "EXISTS stops at the first row; used once at start-up",
        ["StaffQueries.ListPage"] = "staff are people (hundreds at most); the page walks ix_staff_members_created in order and stops",
        ["StaffQueries.ListCount"] = "staff are people (hundreds at most); counted from the smallest index",
        ["EnvironmentQueries.ListPage"] = "support staff's list of every environment (one per customer) walks ix_environments_created and stops once the page is full",
        ["DatabaseXmlRepository.All"] = "the Data Protection key ring is read whole by design: a handful of rows (one key every 90 days), read at start and when a key is made",
        ["EnvironmentQueries.ListCount"] = "meta.total of support staff's list of every environment (one per customer); a name search cannot use an index",
    };

    /// <summary>
    /// List pages across every tenant, with no leading equality to seek on: they walk the named index in
    /// order instead, so the page is still read in index order and never sorted.
    /// </summary>
    private static readonly Dictionary<string, string> WholeIndexWalks = new(StringComparer.Ordinal)
    {
        ["EnvironmentQueries.ListPage"] = "ix_environments_created",
        ["StaffQueries.ListPage"] = "ix_staff_members_created",
    };

    /// <summary>Derived tables the statements build themselves (a page of ids); scanning those is the point.</summary>
    private static readonly string[] DerivedTables = ["pg"];

    private TempSqliteDatabase _database = null!;

    private static IEnumerable<TestCaseData> Statements() =>
        SqlStatements.AsTestCases(SqlStatements.For(new SqliteDialect()).Where(s => !s.Text.TrimStart().StartsWith("INSERT", StringComparison.Ordinal)));

    private static IEnumerable<TestCaseData> ListPages() =>
        SqlStatements.AsTestCases(SqlStatements.For(new SqliteDialect()).Where(s => s.Name.EndsWith("Page", StringComparison.Ordinal) && !s.Name.EndsWith("OfListPage", StringComparison.Ordinal)));

    [OneTimeSetUp]
    public void OneTimeSetUp()
    {
        _database = new TempSqliteDatabase().Migrated();
    }

    [OneTimeTearDown]
    public void OneTimeTearDown() => _database.Dispose();

    [TestCaseSource(nameof(Statements))]
    public void Plan_WhenStatementRuns_NeverScansAWholeTable(SqlStatement statement)
    {
        var plan = Plan(statement.Text);
        // SQLite names the alias (SCAN r), so every SCAN line counts unless it reads a derived table.
        var scans = FullScans(plan);

        if (AllowedScans.ContainsKey(statement.Name))
        {
            Assert.Pass(AllowedScans[statement.Name]);
        }

        Assert.That(scans, Is.Empty, $"{statement.Name}:\n{string.Join("\n", plan)}");
    }

    [Test]
    public void FullScans_WhenAnAliasedQueryFiltersOnAnUnindexedColumn_AreCaught()
    {
        var plan = Plan("SELECT h.note FROM release_request_history h WHERE h.note = @Id");

        Assert.That(FullScans(plan), Is.EqualTo(new[] { "SCAN h" }));
    }

    [TestCaseSource(nameof(ListPages))]
    public void Plan_WhenAListPageIsRead_FollowsAnIndexInsteadOfSorting(SqlStatement statement)
    {
        var plan = Plan(statement.Text);

        var readsIndex = WholeIndexWalks.TryGetValue(statement.Name, out var walked)
            ? $@"^SCAN \w+ USING (COVERING )?INDEX {walked}$"
            : @"^SEARCH \w+ USING (COVERING )?INDEX ix_\w+ \(\w+=\?\)";

        Assert.Multiple(() =>
        {
            Assert.That(plan, Has.Some.Match(readsIndex), string.Join("\n", plan));
            Assert.That(plan, Has.None.Contains("TEMP B-TREE FOR ORDER BY"), string.Join("\n", plan));
        });
    }

    [Test]
    public void Plan_WhenAnEnvironmentsCountsAreRead_SeeksThatEnvironmentsEntriesOnly()
    {
        var plan = Plan(EnvironmentQueries.Sql.Counts);

        Assert.Multiple(() =>
        {
            Assert.That(plan, Has.Some.Match(@"^SEARCH p USING (COVERING )?INDEX ix_phone_numbers_environment \(environment_id=\?\)$"), string.Join("\n", plan));
            Assert.That(plan, Has.Some.Match(@"^SEARCH r USING (COVERING )?INDEX ix_release_requests_pending_environment \(environment_id=\?\)$"), string.Join("\n", plan));
        });
    }

    [Test]
    public void ListPages_WhenCollected_CoverEveryList()
    {
        var names = ListPages().Select(c => c.Arguments[0]!.ToString());

        Assert.That(names, Is.EquivalentTo(new[]
        {
            "AgentQueries.ListPage", "EnvironmentQueries.ListPage", "PhoneNumberQueries.ListPage", "ReleaseRequestQueries.EnvironmentPage", "ReleaseRequestQueries.QueuePage",
            "StaffQueries.ListPage",
        }));
    }

    /// <summary>
    /// Lines that read every row of a table. SQLite names the alias (<c>SCAN r</c>), so every SCAN
    /// counts except a derived table the statement builds itself and a FROM-less SELECT.
    /// </summary>
    private static List<string> FullScans(IEnumerable<string> plan) =>
        [.. plan.Where(line => line.StartsWith("SCAN ", StringComparison.Ordinal)
            && line != "SCAN CONSTANT ROW"
            && !DerivedTables.Any(derived => line == $"SCAN {derived}"))];

    private List<string> Plan(string sql) =>
        _database.Explain("EXPLAIN QUERY PLAN", sql, name => name is "@Skip" or "@Take" ? 20 : "x", column: 3);
}
