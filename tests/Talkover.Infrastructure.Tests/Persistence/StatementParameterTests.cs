using Talkover.Infrastructure.Persistence;
using Talkover.Infrastructure.Tests.Support;

namespace Talkover.Infrastructure.Tests.Persistence;

/// <summary>
/// Every <c>@parameter</c> of a statement is supplied by each place in the code that runs it, and nothing a place
/// supplies goes unused (Dapper drops a property the statement does not name, silently). SQLite reports a missing
/// parameter at run time, but only on the paths a test takes, and SQL Server only in production; this reads the
/// call sites (<see cref="StatementCallSites"/>) and the statements (ScriptDom) on every build.
/// </summary>
[TestFixture]
public sealed class StatementParameterTests
{
    /// <summary>Statements no code passes to Dapper itself, with the reason: they are parts of other statements.</summary>
    private static readonly Dictionary<string, string> NotRunAlone = new(StringComparer.Ordinal)
    {
        ["ListCounters.Read"] = "the total column of a counted list page (ListStatement), whose parameters QueryListAsync adds",
    };

    private static readonly TSqlSchema Schema = TSqlSchema.FromScripts(SqlStatements.MigrationScripts(DatabaseProvider.SqlServer));

    private static readonly IReadOnlyList<StatementCallSite> CallSites = StatementCallSites.InInfrastructure();

    private static IEnumerable<TestCaseData> Statements() =>
        SqlStatements.AsTestCases(SqlStatements.Shared().Concat(SqlStatements.Of(new SqlServerDialect())));

    [TestCaseSource(nameof(Statements))]
    public void Statement_GetsEveryParameterItUsesAndNoOtherFromEachCallSite(SqlStatement statement)
    {
        var sites = CallSites.Where(site => site.Statement == statement.Name).ToList();
        if (NotRunAlone.TryGetValue(statement.Name, out var reason))
        {
            Assert.That(sites, Is.Empty, $"{statement.Name} is listed as not run alone ({reason}), yet code runs it");
            return;
        }

        Assert.That(sites, Is.Not.Empty, $"no code runs {statement.Name} through Dapper with a parameter object the checker can read");
        Assert.That(Mismatches(statement.Text, sites), Is.Empty);
    }

    private static IEnumerable<TestCaseData> Lists() =>
        SqlStatements.ListStatements().Select(list => new TestCaseData(list.Name).SetArgDisplayNames(list.Name));

    /// <summary>
    /// Each list in every filter combination, first page and after a cursor, as <see cref="ListRequest.Prepare"/> builds it
    /// for SQL Server: the page and the count statements use only parameters the request holds, and it holds none that
    /// neither uses.
    /// </summary>
    [TestCaseSource(nameof(Lists))]
    public void ListStatements_InEveryVariant_GetExactlyTheParametersTheyUse(string name)
    {
        var list = SqlStatements.ListStatements().Single(l => l.Name == name);
        var dialect = new SqlServerDialect();
        var problems = new List<string>();
        foreach (var (request, label) in Requests(list))
        {
            foreach (var after in new[] { false, true })
            {
                var window = after ? new Application.Common.ListWindow(0, 20, new Application.Common.ListPosition(DateTime.UtcNow, Guid.NewGuid(), 40), 40) : new Application.Common.ListWindow(0, 20, null, 0);
                var (page, count, parameters) = request().Prepare(dialect, window);
                problems.AddRange(TSqlChecker.Check(Schema, page, out var pageUses).Select(p => $"{label}: {p}"));
                problems.AddRange(TSqlChecker.Check(Schema, count, out var countUses).Select(p => $"{label}: {p}"));
                var supplied = parameters.ParameterNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
                problems.AddRange(pageUses.Concat(countUses).Where(p => !supplied.Contains(p)).Distinct().Select(p => $"{label}{(after ? " after a cursor" : "")}: @{p} used, not supplied"));
                problems.AddRange(supplied.Where(p => !pageUses.Contains(p) && !countUses.Contains(p)).Select(p => $"{label}{(after ? " after a cursor" : "")}: {p} supplied, never used"));
            }
        }

        Assert.That(problems, Is.Empty);
    }

    /// <summary>The queries name each filter's and scope's parameter as their list statement writes it (<c>Filter("type", "Type", …)</c> for <c>@Type</c>).</summary>
    [Test]
    public void ListQueries_NameTheParametersTheirListStatementsUse()
    {
        var lists = SqlStatements.ListStatements().ToLookup(list => list.Name[..list.Name.IndexOf('.', StringComparison.Ordinal)]);
        var named = StatementCallSites.ListParameters();
        var problems = new List<string>();
        foreach (var (owner, method, filter, parameter, location) in named)
        {
            // A class with several lists (the tenant's requests and the review queue): one of them must have it.
            var expected = lists[owner].Any(list => method == "With"
                ? list.Scope.Select(t => t.Value).Contains($"@{parameter}")
                : list.Filters.SingleOrDefault(f => f.Name == filter)?.Term?.Value == $"@{parameter}");
            if (lists.Contains(owner) && !expected)
            {
                problems.Add($"{location}: {method}({(filter is null ? "" : $"\"{filter}\", ")}\"{parameter}\") is not a parameter of {owner}'s lists");
            }
        }

        Assert.That(named.Select(n => n.Class).Distinct(), Is.SupersetOf(new[] { "PhoneNumberQueries", "AgentQueries", "ReleaseRequestQueries" }));
        Assert.That(problems, Is.Empty);
    }

    /// <summary>The queries' own way to ask for each filter set: the scope's parameters, a value per filter, a search long or short.</summary>
    private static IEnumerable<(Func<ListRequest> Request, string Label)> Requests(ListStatement list)
    {
        for (var mask = 0; mask < 1 << list.Filters.Count; mask++)
        {
            var active = list.Filters.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            var searches = active.Where(f => f.SearchColumn is not null).ToList();
            if (searches.Count > 1 || active.Count(f => f.SearchColumn is not null || f.Alone) > 1)
            {
                continue;
            }

            var counted = list.Counted.Contains(mask);
            yield return (() =>
            {
                var request = new ListRequest(list);
                foreach (var term in list.Scope.Where(t => t.Value.StartsWith('@')))
                {
                    request.With(term.Value[1..], Guid.NewGuid());
                }

                foreach (var filter in active.Where(f => f.Term is not null))
                {
                    request.Filter(filter.Name, filter.Term!.Value[1..], "value");
                }

                if (searches is [var search])
                {
                    request.Search(search.Digits ? "+15551234" : search.Short ? "ab" : "abcdefg");
                }

                return counted ? request.CountedBy(Guid.NewGuid(), "list") : request;
            }, active.Count == 0 ? "(no filter)" : string.Join("+", active.Select(f => f.Name)));
        }
    }

    [Test]
    public void CallSites_AreFoundForTheRepositoriesQueriesAndDialect()
    {
        Assert.That(CallSites.Select(site => site.Statement), Does.Contain("ReleaseRequestRepository.Insert").And.Contain("EnvironmentRepository.TouchToken").And.Contain("SqlServerDialect.DeleteExpiredIdempotencyKeys"));
        Assert.That(CallSites.Where(site => site.Unresolved is not null).Select(site => $"{site.Location}: {site.Unresolved}"), Is.Empty);
    }

    [TestCase("new { EnvironmentId = environmentId }", "@Id: used by the statement, not supplied")]
    [TestCase("new { EnvironmentId = environmentId, Id = id, Extra = 1 }", "Extra: supplied, never used")]
    [TestCase("new { EnvironmentId = environmentId, model.Id, Id2 = 2 }", "Id2: supplied, never used")]
    [TestCase("null", "@EnvironmentId: used by the statement, not supplied")]
    public void Mismatches_WhenACallSiteSuppliesTheWrongParameters_AreFound(string parameters, string expected)
    {
        var source = $$"""
            internal sealed class Example(DbSession db)
            {
                internal static class Sql
                {
                    public const string ById = "SELECT p.id FROM phone_numbers p WHERE p.environment_id = @EnvironmentId AND p.id = @Id";
                }

                public Task<Row?> GetAsync(Guid environmentId, Guid id) =>
                    db.QuerySingleOrDefaultAsync<Row>(Sql.ById, {{parameters}}, CancellationToken.None);
            }
            """;

        var sites = StatementCallSites.In(source, "Example.cs").ToList();

        Assert.That(sites.Select(s => s.Statement), Is.EqualTo(new[] { "Example.ById" }));
        Assert.That(Mismatches("SELECT p.id FROM phone_numbers p WHERE p.environment_id = @EnvironmentId AND p.id = @Id", sites), Has.Some.EndsWith(expected));
    }

    private static List<string> Mismatches(string sql, IReadOnlyList<StatementCallSite> sites)
    {
        var problems = TSqlChecker.Check(Schema, sql, out var used).ToList();
        foreach (var site in sites)
        {
            if (site.Unresolved is { } why)
            {
                problems.Add($"{site.Location}: {why}");
                continue;
            }

            problems.AddRange(used.Where(name => !site.Supplied.Contains(name)).Select(name => $"{site.Location}: @{name}: used by the statement, not supplied"));
            if (site.Exact)
            {
                problems.AddRange(site.Supplied.Where(name => !used.Contains(name)).Select(name => $"{site.Location}: {name}: supplied, never used"));
            }
        }

        return problems;
    }
}
