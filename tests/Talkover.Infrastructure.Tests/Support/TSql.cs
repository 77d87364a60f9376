using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Talkover.Infrastructure.Tests.Support;

/// <summary>Parses T-SQL with the newest ScriptDom parser, the way SQL Server would read it.</summary>
internal static class TSql
{
    public static TSqlFragment Parse(string sql, out IReadOnlyList<string> errors)
    {
        var parser = new TSql180Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var parseErrors);
        errors = [.. parseErrors.Select(e => $"error {e.Number} at line {e.Line} col {e.Column}: {e.Message}")];
        return fragment;
    }

    public static IReadOnlyList<string> Errors(string sql)
    {
        Parse(sql, out var errors);
        return errors;
    }

    /// <summary>The table hints (UPDLOCK, HOLDLOCK, …) on each table a fragment reads, by table name.</summary>
    public static IReadOnlyList<(string Table, TableHintKind Hint)> TableHints(TSqlFragment fragment)
    {
        var visitor = new TableHintVisitor();
        fragment.Accept(visitor);
        return visitor.Hints;
    }

    private sealed class TableHintVisitor : TSqlFragmentVisitor
    {
        public List<(string Table, TableHintKind Hint)> Hints { get; } = [];

        public override void ExplicitVisit(NamedTableReference node)
        {
            var table = node.SchemaObject.BaseIdentifier.Value;
            Hints.AddRange(node.TableHints.Select(hint => (table, hint.HintKind)));
            base.ExplicitVisit(node);
        }
    }
}
