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
public sealed partial class QueryPlanTests
{
    /// <summary>Statements that may read a table without an index, and why that is fine.</summary>
    private static readonly Dictionary<string, string> AllowedScans = new(StringComparer.Ordinal)
    {
        ["EnvironmentRepository.Any"] = "EXISTS stops at the first row; used once at start-up",
        ["StaffQueries.List.Page()"] = "staff are people (hundreds at most); the page walks ix_staff_members_created in order and stops",
        ["EnvironmentQueries.List.Page()"] = "support staff's list of every environment (one per customer) walks ix_environments_created and stops once the page is full",
        ["EnvironmentQueries.List.Page(search_short)"] = "a name search of one or two characters has no trigram to look up: it reads the environments' names (one per customer)",
        ["EnvironmentQueries.List.PageAfter(search_short)"] = "a name search of one or two characters has no trigram to look up: it reads the environments' names (one per customer)",
        ["EnvironmentQueries.List.Count(search_short)"] = "a name search of one or two characters has no trigram to look up: it counts at most 10,001 environments",
        ["DatabaseXmlRepository.All"] = "the Data Protection key ring is read whole by design: a handful of rows (one key every 90 days), read at start and when a key is made",
    };

    /// <summary>
    /// List pages across every tenant, with no leading equality to seek on: they walk the named index in
    /// order instead, so the page is still read in index order and never sorted.
    /// </summary>
    private static readonly Dictionary<string, string> WholeIndexWalks = new(StringComparer.Ordinal)
    {
        ["EnvironmentQueries.List.Page()"] = "ix_environments_created",
        ["EnvironmentQueries.List.Page(search_short)"] = "ix_environments_created",
        ["StaffQueries.List.Page()"] = "ix_staff_members_created",
    };

    /// <summary>Row sources the statements build themselves (the rows a capped count counts); scanning those is the point.</summary>
    private static readonly string[] DerivedTables = ["capped"];

    /// <summary>
    /// A list's rows read through the index of its scope (an environment's, a status's) or walked along a whole
    /// index. A row's children (its agents, say) are still looked up through their own index.
    /// </summary>
    private const string ScopeIndexRead = @"USING (COVERING )?INDEX ix_\w+ \((environment_id|status)=|^SCAN \w+ USING (COVERING )?INDEX ix_";

    private TempSqliteDatabase _database = null!;

    private static IEnumerable<TestCaseData> Statements() =>
        SqlStatements.AsTestCases(SqlStatements.For(new SqliteDialect()).Where(s => !s.Text.TrimStart().StartsWith("INSERT", StringComparison.Ordinal)));

    private static IEnumerable<TestCaseData> ListPages() =>
        SqlStatements.AsTestCases(SqlStatements.Lists(new SqliteDialect()).Where(s => s.Name.Contains(".Page", StringComparison.Ordinal) && !StartsFromKeys(s)));

    private static IEnumerable<TestCaseData> IndexedSearches() =>
        SqlStatements.AsTestCases(SqlStatements.Lists(new SqliteDialect()).Where(IsIndexedSearch));

    private static IEnumerable<TestCaseData> DigitSearches() =>
        SqlStatements.AsTestCases(SqlStatements.Lists(new SqliteDialect()).Where(s => FiltersOf(s).Contains("search_digits")));

    private static IEnumerable<TestCaseData> PagesAfterACursor() =>
        SqlStatements.AsTestCases(SqlStatements.Lists(new SqliteDialect()).Where(s => s.Name.Contains(".PageAfter(", StringComparison.Ordinal) && !StartsFromKeys(s)));

    /// <summary>A list statement whose filters (between the parentheses of its name) include a search through the trigram index.</summary>
    private static bool IsIndexedSearch(SqlStatement statement) => FiltersOf(statement).Contains("search");

    /// <summary>A list statement that starts from its rows' own keys (a search through the trigram index, a lookup by id), so it sorts the few rows found.</summary>
    private static bool StartsFromKeys(SqlStatement statement) => FiltersOf(statement).Any(filter => filter is "search" or "search_digits" or "id");

    private static string[] FiltersOf(SqlStatement statement) => statement.Name[(statement.Name.IndexOf('(', StringComparison.Ordinal) + 1)..^1].Split('+');

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
            : @"^SEARCH \w+ USING (COVERING )?INDEX ix_\w+ \(\w+[=<>]";

        Assert.Multiple(() =>
        {
            Assert.That(plan, Has.Some.Match(readsIndex), string.Join("\n", plan));
            Assert.That(plan, Has.None.Contains("TEMP B-TREE FOR ORDER BY"), string.Join("\n", plan));
        });
    }

    [TestCaseSource(nameof(PagesAfterACursor))]
    public void Plan_WhenAPageAfterACursorIsRead_SeeksToThePositionInsteadOfWalkingUpToIt(SqlStatement statement)
    {
        var plan = Plan(statement.Text);

        Assert.That(plan, Has.Some.Match(@"^SEARCH \w+ USING (COVERING )?INDEX ix_\w+ \((\w+=\? AND )*(created_at|requested_at)[<>]\?\)$"), string.Join("\n", plan));
    }

    [TestCaseSource(nameof(IndexedSearches))]
    public void Plan_WhenASearchOfThreeCharactersOrMoreRuns_StartsFromTheTrigramIndex(SqlStatement statement)
    {
        var plan = Plan(statement.Text);

        Assert.Multiple(() =>
        {
            // L: FTS5 answers the LIKE from its trigram index (a bare "INDEX 0:" would read every row of it).
            Assert.That(plan, Has.Some.Match(@"^SCAN s VIRTUAL TABLE INDEX 0:L\d"), string.Join("\n", plan));
            Assert.That(plan, Has.Some.Match(@"^SEARCH \w+ USING INDEX sqlite_autoindex_\w+ \(id=\?\)$"), string.Join("\n", plan));
            Assert.That(plan, Has.None.Match(ScopeIndexRead), "the candidates lead, not an index of the scope:\n" + string.Join("\n", plan));
        });
    }

    [TestCaseSource(nameof(DigitSearches))]
    public void Plan_WhenASearchForFourDigitsOrMoreRuns_StartsFromTheDigitSuffixIndex(SqlStatement statement)
    {
        var plan = Plan(statement.Text);

        Assert.Multiple(() =>
        {
            // M: FTS5 answers the MATCH (a prefix query of the digits) from its index.
            Assert.That(plan, Has.Some.Match(@"^SCAN \w+_digits VIRTUAL TABLE INDEX 0:M"), string.Join("\n", plan));
            Assert.That(plan, Has.Some.Match(@"^SEARCH \w+ USING INDEX sqlite_autoindex_\w+ \(id=\?\)$"), string.Join("\n", plan));
            Assert.That(plan, Has.None.Match(ScopeIndexRead), "the candidates lead, not an index of the scope:\n" + string.Join("\n", plan));
        });
    }

    [Test]
    public void Plan_WhenAnEnvironmentsCountsAreRead_ReadsItsTwoCountersOnly()
    {
        var plan = Plan(EnvironmentQueries.Sql.Counts);

        Assert.That(plan.Where(line => line.StartsWith("SEARCH", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "SEARCH c USING PRIMARY KEY (scope_id=? AND list=?)", "SEARCH c USING PRIMARY KEY (scope_id=? AND list=?)",
        }), string.Join("\n", plan));
    }

    [Test]
    public void Plan_WhenAListsCounterIsRead_ReadsOneRowByItsKey()
    {
        var plan = Plan(ListCounters.Sql.Read);

        Assert.That(plan, Is.EqualTo(new[] { "SEARCH c USING PRIMARY KEY (scope_id=? AND list=?)" }));
    }

    [Test]
    public void ListStatements_WhenCollected_CoverEveryList()
    {
        var names = SqlStatements.ListStatements().Select(list => list.Name);

        Assert.That(names, Is.EquivalentTo(new[]
        {
            "AgentQueries.List", "EnvironmentQueries.List", "PhoneNumberQueries.List", "ReleaseRequestQueries.EnvironmentList", "ReleaseRequestQueries.Queue",
            "StaffQueries.List", "WebhookQueries.Deliveries", "WebhookQueries.List",
        }));
    }

    /// <summary>
    /// Lines that read every row of a table. SQLite names the alias (<c>SCAN r</c>), so every SCAN
    /// counts except a derived table the statement builds itself and a FROM-less SELECT.
    /// </summary>
    private static List<string> FullScans(IEnumerable<string> plan) =>
        [.. plan.Where(line => line.StartsWith("SCAN ", StringComparison.Ordinal)
            && line != "SCAN CONSTANT ROW"
            && !TrigramLookup().IsMatch(line)
            && !DerivedTables.Any(derived => line == $"SCAN {derived}" || line.StartsWith($"SCAN {derived} VIRTUAL TABLE", StringComparison.Ordinal)))];

    /// <summary>FTS5 answering a LIKE from its trigram index (L) or a MATCH from its index (M), as opposed to reading every row of it.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^SCAN \w+ VIRTUAL TABLE INDEX 0:(L\d|M)")]
    private static partial System.Text.RegularExpressions.Regex TrigramLookup();

    private List<string> Plan(string sql) =>
        _database.Explain("EXPLAIN QUERY PLAN", sql, name => name is "@Skip" or "@Take" or "@Cap" ? 20 : name == "@Ids" ? "[]" : "x", column: 3);
}
