using Talkover.Infrastructure.Persistence;
using Talkover.Infrastructure.Tests.Support;

namespace Talkover.Infrastructure.Tests.Persistence;

/// <summary>
/// No SQL Server runs here to show a plan, so the SQL Server twin of <see cref="QueryPlanTests"/> reads the
/// indexes the T-SQL migrations create (ScriptDom) and checks every list against them: each list's page,
/// in every filter combination, has an index that seeks its scope (and what else it may of the filters) and
/// then yields its rows in the list's order — so neither a page, a page after a cursor, nor a capped count
/// reads rows outside the list's owner, and no page is sorted. Searches seek their suffix or trigram table
/// by its key, and totals read <c>list_counters</c> by its key.
/// </summary>
[TestFixture]
public sealed class SqlServerListIndexTests
{
    private static readonly IReadOnlyList<(string Table, string Name, IReadOnlyList<string> Columns)> Indexes = ReadIndexes();

    private static IEnumerable<TestCaseData> Lists() =>
        SqlStatements.ListStatements().Select(list => new TestCaseData(list.Name).SetArgDisplayNames(list.Name));

    [TestCaseSource(nameof(Lists))]
    public void ListPages_InEveryFilterCombination_HaveAnIndexThatSeeksTheScopeAndYieldsTheOrder(string name)
    {
        var list = SqlStatements.ListStatements().Single(l => l.Name == name);

        Assert.That(Unserved(list), Is.Empty);
    }

    private static List<string> Unserved(ListStatement list)
    {
        var failures = new List<string>();
        for (var mask = 0; mask < 1 << list.Filters.Count; mask++)
        {
            var active = list.Filters.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            if (active.Any(f => f.SearchColumn is not null || f.Alone))
            {
                continue; // started from the search's own table or the id: a few rows, sorted
            }

            // The scope's parameters must be sought (its owner); a constant of it (status = 'active') may be checked on the way.
            var scope = list.Scope.Where(term => term.Value.StartsWith('@')).Select(term => Column(term.Column)).ToHashSet(StringComparer.Ordinal);
            var equalities = list.Scope.Select(term => Column(term.Column)).Concat(active.Select(f => Column(f.Term!.Column))).ToHashSet(StringComparer.Ordinal);
            var order = new[] { Column(list.SortColumn), Column(list.IdColumn) };
            var serving = Indexes.Where(index => index.Table == list.Table && Serves(index.Columns, scope, equalities, order)).Select(index => index.Name).ToList();
            if (serving.Count == 0)
            {
                failures.Add($"{list.Name} with [{string.Join(", ", active.Select(f => f.Name))}]: no index of {list.Table} is (some of [{string.Join(", ", equalities)}] including [{string.Join(", ", scope)}]), {string.Join(", ", order)}");
            }
        }

        return failures;
    }

    [TestCase("search_suffixes", "source", "suffix")]
    [TestCase("search_trigrams", "source", "gram")]
    [TestCase("list_counters", "scope_id", "list")]
    public void SearchAndCounterTables_AreSeekableByTheirKey(string table, string first, string second)
    {
        Assert.That(Indexes.Where(index => index.Table == table).Select(index => index.Columns.Take(2)), Has.Some.EqualTo(new[] { first, second }));
    }

    [Test]
    public void IndexReader_WhenAnIndexIsMissing_DoesNotFindOne()
    {
        var unindexed = new ListStatement
        {
            Name = "Unindexed",
            Table = "release_request_history",
            Alias = "h",
            Columns = "h.id",
            Scope = [new ListTerm("h.note", "@Note")],
            SortColumn = "h.occurred_at",
            IdColumn = "h.id",
        };

        Assert.That(Unserved(unindexed), Has.Count.EqualTo(1));
    }

    /// <summary>Leading columns: equality columns (all of the scope's, any of the filters'), then the order.</summary>
    private static bool Serves(IReadOnlyList<string> columns, HashSet<string> scope, HashSet<string> equalities, string[] order)
    {
        var leading = columns.TakeWhile(equalities.Contains).ToList();
        return scope.IsSubsetOf(leading) && columns.Skip(leading.Count).Take(order.Length).SequenceEqual(order);
    }

    private static string Column(string qualified) => qualified[(qualified.IndexOf('.', StringComparison.Ordinal) + 1)..];

    /// <summary>Every unfiltered index and key the SQL Server migrations create, in migration order (<see cref="TSqlSchema"/>).</summary>
    private static List<(string Table, string Name, IReadOnlyList<string> Columns)> ReadIndexes() =>
    [
        .. TSqlSchema.FromScripts(SqlStatements.MigrationScripts(DatabaseProvider.SqlServer)).Indexes
            .Where(index => !index.Filtered)
            .Select(index => (index.Table, index.Name, index.Columns)),
    ];
}
