using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Dapper;
using Talkover.Application.Common;

namespace Talkover.Infrastructure.Persistence;

/// <summary><c>column = value</c> in a list's WHERE: the list's scope, or a filter the caller sent.</summary>
internal sealed record ListTerm(string Column, string Value);

/// <summary>
/// A filter a list may be asked for: an equality (<see cref="Term"/>) or a substring search of one text
/// column (<see cref="SearchColumn"/>, through the table's trigram index unless <see cref="Short"/>).
/// <see cref="Digits"/>: a search of a phone-number column for four digits or more, through its digit-suffix index.
/// A filter with <see cref="Alone"/> set is never combined with another such filter (a search and a lookup by id).
/// </summary>
internal sealed record ListFilter(string Name, ListTerm? Term = null, string? SearchColumn = null, bool Short = false, bool Alone = false, bool Digits = false)
{
    public bool IsIndexedSearch => SearchColumn is not null && !Short;
}

/// <summary>
/// The children of a list's rows (a number's agents, an agent's numbers), read with each row as one column
/// <see cref="Name"/> holding a JSON array: a correlated subquery through an index, so a page and its children
/// are one statement. <see cref="Fields"/> pairs each JSON key with its column.
/// </summary>
internal sealed record ListChildren(string Name, IReadOnlyList<(string Key, string Column)> Fields, string From, string Where, string OrderBy)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The children in column <paramref name="ordinal"/> of <paramref name="row"/>, keys read as snake_case properties.</summary>
    public static IReadOnlyList<T> Read<T>(DbDataReader row, int ordinal)
    {
        if (row.IsDBNull(ordinal))
        {
            return [];
        }

        var json = row.GetString(ordinal);
        return json == "[]" ? [] : JsonSerializer.Deserialize<T[]>(json, Json) ?? [];
    }
}

/// <summary>
/// Which filters a list statement holds (bit i: <see cref="ListStatement.Filters"/>[i]), whether it reads after a
/// cursor, and whether each row carries the list's counter (<c>list_total</c>) so no second statement reads it.
/// </summary>
internal readonly record struct ListVariant(int Filters, bool After, bool Counted = false);

/// <summary>
/// One list's SQL, written out for each set of filters sent, so every statement holds only its own
/// conditions and parameters (one prepared shape per variant instead of <c>(@X IS NULL OR …)</c> for all):
/// a page inside the offset window, a page after a cursor's position (keyset: the same cost at any depth),
/// and a count that stops one row past the window. Rows are ordered by <see cref="SortColumn"/> and then
/// <see cref="IdColumn"/>, so positions are total and paging never skips or repeats a row.
/// <para>
/// A search of three characters or more reads the table's trigram index (SQLite: the FTS5 table
/// <c>{table}_search</c>; SQL Server: <c>search_trigrams</c>) and checks <c>LIKE</c> on what it finds.
/// On SQLite the other conditions are then written <c>+column = …</c>, which keeps the planner from
/// walking the environment's index instead and reading every row of it.
/// </para>
/// </summary>
internal sealed class ListStatement
{
    public required string Name { get; init; }

    /// <summary>The table and its alias (<c>phone_numbers p</c>); the search index is named after the table.</summary>
    public required string Table { get; init; }

    public required string Alias { get; init; }

    public required string Columns { get; init; }

    /// <summary>Joins the page needs for its columns (not the count).</summary>
    public string Joins { get; init; } = "";

    public IReadOnlyList<ListTerm> Scope { get; init; } = [];

    public IReadOnlyList<ListFilter> Filters { get; init; } = [];

    public required string SortColumn { get; init; }

    public required string IdColumn { get; init; }

    public bool Descending { get; init; }

    /// <summary>Each row's children, read in the same statement (<see cref="ListChildren"/>).</summary>
    public ListChildren? Children { get; init; }

    /// <summary>The filter sets whose total a counter in <c>list_counters</c> holds, so no count statement is made for them.</summary>
    public IReadOnlySet<int> Counted { get; init; } = new HashSet<int>();

    private readonly ConcurrentDictionary<(DatabaseProvider, ListVariant), string> _pages = new();
    private readonly ConcurrentDictionary<(DatabaseProvider, int), string> _counts = new();

    /// <summary>The bit of the filter named <paramref name="name"/>.</summary>
    public int Bit(string name)
    {
        for (var i = 0; i < Filters.Count; i++)
        {
            if (Filters[i].Name == name)
            {
                return 1 << i;
            }
        }

        throw new ArgumentException($"{Name} has no filter {name}.", nameof(name));
    }

    public string Page(SqlDialect dialect, ListVariant variant) =>
        _pages.GetOrAdd((dialect.Provider, variant), _ => BuildPage(dialect, variant));

    public string Count(SqlDialect dialect, int filters) =>
        _counts.GetOrAdd((dialect.Provider, filters), _ => dialect.CappedCount($"{Table} {Alias}", Where(dialect, filters, after: false)));

    /// <summary>Every statement this list can run on <paramref name="dialect"/>, named for tests.</summary>
    public IEnumerable<(string Name, string Text)> Variants(SqlDialect dialect)
    {
        for (var mask = 0; mask < 1 << Filters.Count; mask++)
        {
            if (!IsValid(mask))
            {
                continue;
            }

            var label = mask == 0 ? "" : string.Join("+", Filters.Where((_, i) => (mask & (1 << i)) != 0).Select(f => f.Name));
            var counted = Counted.Contains(mask);
            yield return ($"{Name}.Page({label})", Page(dialect, new ListVariant(mask, After: false, counted)));
            yield return ($"{Name}.PageAfter({label})", Page(dialect, new ListVariant(mask, After: true, counted)));
            if (!counted)
            {
                yield return ($"{Name}.Count({label})", Count(dialect, mask));
            }
        }
    }

    /// <summary>At most one search (or lookup by id) at a time.</summary>
    private bool IsValid(int mask) => Filters.Where((f, i) => (f.SearchColumn is not null || f.Alone) && (mask & (1 << i)) != 0).Count() <= 1;

    private string BuildPage(SqlDialect dialect, ListVariant variant)
    {
        var direction = Descending ? "DESC" : "ASC";
        var where = Where(dialect, variant.Filters, variant.After);
        var total = variant.Counted ? $", ({ListCounters.Sql.Read}) AS list_total" : "";
        var children = Children is null ? "" : ", " + dialect.JsonArray(Children);
        return $"""
            SELECT {Columns}{children}{total}
            FROM {Table} {Alias}{(Joins.Length == 0 ? "" : "\n" + Joins)}
            {where}
            ORDER BY {SortColumn} {direction}, {IdColumn} {direction}
            {dialect.PageClause}
            """;
    }

    private string Where(SqlDialect dialect, int mask, bool after)
    {
        var active = Filters.Where((_, i) => (mask & (1 << i)) != 0).ToList();
        var steer = dialect.Provider == DatabaseProvider.Sqlite && active.Any(f => f.IsIndexedSearch) ? "+" : "";
        var conditions = new List<string>();
        conditions.AddRange(Scope.Select(term => $"{steer}{term.Column} = {term.Value}"));
        foreach (var filter in active)
        {
            if (filter.Term is { } term)
            {
                conditions.Add($"{steer}{term.Column} = {term.Value}");
            }
            else if (filter.SearchColumn is { } column)
            {
                if (filter.Digits)
                {
                    conditions.Add(dialect.DigitCandidates($"{Alias}.id", Table));
                }
                else if (!filter.Short)
                {
                    conditions.Add(dialect.TrigramCandidates($"{Alias}.id", Table, column));
                }

                conditions.Add($"{Alias}.{column} LIKE @Search ESCAPE '\\'");
            }
        }

        if (after)
        {
            var op = Descending ? "<" : ">";
            conditions.Add($"{steer}{SortColumn} {op}= @AfterSort AND ({SortColumn} {op} @AfterSort OR {IdColumn} {op} @AfterId)");
        }

        return conditions.Count == 0 ? "" : "WHERE " + string.Join("\n  AND ", conditions);
    }
}

/// <summary>The counters of <c>list_counters</c>, kept by triggers in the transaction that changes the rows.</summary>
internal static class ListCounters
{
    /// <summary>The scope of a list of every environment.</summary>
    public static readonly Guid Everywhere = Guid.Empty;

    internal static class Sql
    {
        public const string Read = "SELECT c.row_count FROM list_counters c WHERE c.scope_id = @CounterScope AND c.list = @CounterList";
    }
}

/// <summary>What a list query asks of <see cref="DbSession.QueryListAsync{T}"/>.</summary>
internal sealed class ListRequest(ListStatement statement)
{
    public DynamicParameters Parameters { get; } = new();

    private int _mask;
    private string? _search;
    private bool _digits;

    public ListStatement Statement => statement;

    /// <summary>The counter holding this list's total (scope and list name), when its filters have one.</summary>
    public (Guid Scope, string List)? Counter { get; private set; }

    /// <summary>
    /// The page statement for these filters on <paramref name="dialect"/>, the statement that counts the list when
    /// the page does not (its counter, or the capped count), and the parameters both read: the filters', the
    /// search's, the window's (<c>Take</c>, <c>Skip</c>, and a cursor's position) and the count's.
    /// </summary>
    public (string Page, string Count, DynamicParameters Parameters) Prepare(SqlDialect dialect, ListWindow window)
    {
        var counted = Counter is not null;
        if (counted != statement.Counted.Contains(_mask))
        {
            throw new InvalidOperationException($"{statement.Name}: a counter must be named exactly for the filter sets it counts.");
        }

        if (_search is { } text)
        {
            dialect.AddSearch(Parameters, text, _digits);
        }

        var page = statement.Page(dialect, new ListVariant(_mask, window.After is not null, counted));
        Parameters.Add("Take", window.Take + 1);
        Parameters.Add("Skip", window.Skip);
        if (window.After is { } after)
        {
            Parameters.Add("AfterSort", after.SortValue);
            Parameters.Add("AfterId", after.Id);
        }

        if (Counter is { } counter)
        {
            Parameters.Add("CounterScope", counter.Scope);
            Parameters.Add("CounterList", counter.List);
            return (page, ListCounters.Sql.Read, Parameters);
        }

        Parameters.Add("Cap", PageRequest.Window + 1);
        return (page, statement.Count(dialect, _mask), Parameters);
    }

    public ListRequest With(string name, object value)
    {
        Parameters.Add(name, value);
        return this;
    }

    public ListRequest Filter(string filter, string parameter, object? value)
    {
        if (value is not null)
        {
            _mask |= statement.Bit(filter);
            Parameters.Add(parameter, value);
        }

        return this;
    }

    /// <summary>
    /// A substring search: four digits or more (after an optional +) through the digit-suffix index where the
    /// list has one, three characters or more through the trigram index, else checked row by row within the scope.
    /// </summary>
    public ListRequest Search(string? text)
    {
        if (text is not null)
        {
            _search = text;
            _digits = statement.Filters.Any(f => f.Digits) && SqlDialect.SearchDigits(text) is not null;
            _mask |= statement.Bit(_digits ? "search_digits" : text.Length >= 3 ? "search" : "search_short");
        }

        return this;
    }

    public ListRequest CountedBy(Guid scope, string list)
    {
        Counter = (scope, list);
        return this;
    }
}
