using System.Reflection;
using Talkover.Infrastructure.Persistence;

namespace Talkover.Infrastructure.Tests.Support;

/// <summary>One SQL statement the application runs, named after where it lives (e.g. <c>PhoneNumberRepository.Insert</c>).</summary>
public sealed record SqlStatement(string Name, string Text)
{
    public override string ToString() => Name;
}

/// <summary>Finds, by reflection, every statement the Infrastructure assembly can send to a database.</summary>
internal static class SqlStatements
{
    private static readonly Assembly InfrastructureAssembly = typeof(DatabaseMigrator).Assembly;

    /// <summary>
    /// The <c>const string</c> fields of every nested <c>Sql</c> class: SQL shared by both providers.
    /// Column-list fragments such as <see cref="SqlDialect.PhoneNumberColumns"/> are not nested in a
    /// <c>Sql</c> class, so they are not statements and are not returned.
    /// </summary>
    public static IReadOnlyList<SqlStatement> Shared() =>
    [
        .. InfrastructureAssembly.GetTypes()
            .Where(type => type is { IsNested: true, Name: "Sql" })
            .SelectMany(type => type
                .GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(field => field.IsLiteral && field.FieldType == typeof(string))
                .Select(field => new SqlStatement($"{type.DeclaringType!.Name}.{field.Name}", (string)field.GetRawConstantValue()!)))
            .OrderBy(statement => statement.Name, StringComparer.Ordinal),
    ];

    /// <summary>
    /// Every string property of a dialect instance: the statements whose text differs per provider
    /// (not the paging clause, a fragment that <see cref="For"/> puts into the list statements).
    /// </summary>
    public static IReadOnlyList<SqlStatement> Of(SqlDialect dialect) =>
    [
        .. dialect.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.PropertyType == typeof(string) && property.Name is not (nameof(SqlDialect.PageClause) or nameof(SqlDialect.LockHint)))
            .Select(property => new SqlStatement($"{dialect.GetType().Name}.{property.Name}", (string)property.GetValue(dialect)!))
            .OrderBy(statement => statement.Name, StringComparer.Ordinal),
    ];

    /// <summary>
    /// Every list's statements as the dialect writes them: for each set of filters, its page inside the window,
    /// its page after a cursor and its capped count (named e.g. <c>PhoneNumberQueries.List.PageAfter(type+search)</c>).
    /// </summary>
    public static IReadOnlyList<SqlStatement> Lists(SqlDialect dialect) =>
    [
        .. ListStatements().SelectMany(list => list.Variants(dialect)).Select(variant => new SqlStatement(variant.Name, variant.Text)),
    ];

    /// <summary>The <see cref="ListStatement"/> fields of the Infrastructure assembly.</summary>
    public static IReadOnlyList<ListStatement> ListStatements() =>
    [
        .. InfrastructureAssembly.GetTypes()
            .SelectMany(type => type.GetFields(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.FieldType == typeof(ListStatement))
            .Select(field => (ListStatement)field.GetValue(null)!)
            .OrderBy(list => list.Name, StringComparer.Ordinal),
    ];

    /// <summary>The shared statements as the dialect runs them (locking reads locked), plus the dialect's own and every list's.</summary>
    public static IReadOnlyList<SqlStatement> For(SqlDialect dialect) =>
    [
        .. Shared().Select(statement => statement with { Text = AsRun(dialect, statement.Text) }),
        .. Of(dialect),
        .. Lists(dialect),
    ];

    /// <summary>The repositories' locking reads (a <c>/*lock*/</c> marker), as the dialect runs them.</summary>
    public static IReadOnlyList<SqlStatement> Locking(SqlDialect dialect) =>
    [
        .. Shared().Where(statement => statement.Text.Contains(SqlDialect.LockMarker, StringComparison.Ordinal))
            .Select(statement => statement with { Text = AsRun(dialect, statement.Text) }),
    ];

    private static string AsRun(SqlDialect dialect, string sql) =>
        sql.Contains(SqlDialect.LockMarker, StringComparison.Ordinal) ? dialect.Locking(sql) : sql;

    /// <summary>Embedded migration scripts of a provider, named by their file name.</summary>
    public static IReadOnlyList<SqlStatement> MigrationScripts(DatabaseProvider provider)
    {
        var prefix = DatabaseMigrator.ScriptPrefix(provider);
        return
        [
            .. InfrastructureAssembly.GetManifestResourceNames()
                .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(name => new SqlStatement(name[prefix.Length..], ReadResource(name))),
        ];
    }

    /// <summary>NUnit test cases, one per statement, displayed by the statement's name.</summary>
    public static IEnumerable<TestCaseData> AsTestCases(IEnumerable<SqlStatement> statements) =>
        statements.Select(statement => new TestCaseData(statement).SetArgDisplayNames(statement.Name));

    private static string ReadResource(string name)
    {
        using var stream = InfrastructureAssembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
