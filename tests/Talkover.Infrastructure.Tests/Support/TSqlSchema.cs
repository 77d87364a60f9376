using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Talkover.Infrastructure.Tests.Support;

/// <summary>A column of the SQL Server schema: its type as declared (e.g. <c>nvarchar(510)</c>), whether SQL Server computes it, and its collation when declared.</summary>
internal sealed record TSqlColumn(string Name, string Type, bool Nullable, bool Computed, string? Collation = null);

/// <summary>An index or key the migrations create; <see cref="Filtered"/> when it holds only the rows of its WHERE.</summary>
internal sealed record TSqlIndex(string Table, string Name, IReadOnlyList<string> Columns, bool Unique, bool Filtered, string? Filter);

/// <summary>
/// The SQL Server schema as the T-SQL migrations build it, read with ScriptDom in migration order: tables
/// and their columns (<c>CREATE TABLE</c>, <c>ALTER TABLE … ADD</c> / <c>DROP COLUMN</c>), indexes and keys, and
/// the columns inline table-valued functions return. No server is needed, so every build checks against it.
/// </summary>
internal sealed class TSqlSchema
{
    private readonly Dictionary<string, List<TSqlColumn>> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _functions = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, List<TSqlColumn>> Tables => _tables;

    public IReadOnlyDictionary<string, List<string>> Functions => _functions;

    public List<TSqlIndex> Indexes { get; } = [];

    /// <summary>The schema the scripts build, applied one after the other; a script that does not parse fails the read.</summary>
    public static TSqlSchema FromScripts(IEnumerable<SqlStatement> scripts)
    {
        var schema = new TSqlSchema();
        foreach (var script in scripts)
        {
            var fragment = TSql.Parse(script.Text, out var errors);
            if (errors.Count != 0)
            {
                throw new InvalidOperationException($"{script.Name} does not parse: {string.Join("; ", errors)}");
            }

            foreach (var statement in ((TSqlScript)fragment).Batches.SelectMany(batch => batch.Statements))
            {
                schema.Apply(statement);
            }
        }

        return schema;
    }

    public TSqlColumn? Column(string table, string column) =>
        _tables.TryGetValue(table, out var columns) ? columns.Find(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase)) : null;

    private void Apply(TSqlStatement statement)
    {
        switch (statement)
        {
            case CreateTableStatement create:
                {
                    var table = create.SchemaObjectName.BaseIdentifier.Value;
                    _tables[table] = [.. create.Definition.ColumnDefinitions.Select(ColumnOf)];
                    AddKeys(table, create.Definition);
                    break;
                }

            case AlterTableAddTableElementStatement add:
                {
                    var table = add.SchemaObjectName.BaseIdentifier.Value;
                    _tables[table].AddRange(add.Definition.ColumnDefinitions.Select(ColumnOf));
                    AddKeys(table, add.Definition);
                    break;
                }

            case AlterTableDropTableElementStatement drop:
                {
                    var table = drop.SchemaObjectName.BaseIdentifier.Value;
                    foreach (var element in drop.AlterTableDropTableElements.Where(e => e.TableElementType == TableElementType.Column))
                    {
                        _tables[table].RemoveAll(c => string.Equals(c.Name, element.Name.Value, StringComparison.OrdinalIgnoreCase));
                    }

                    break;
                }

            case DropTableStatement dropTable:
                foreach (var name in dropTable.Objects)
                {
                    _tables.Remove(name.BaseIdentifier.Value);
                    Indexes.RemoveAll(index => string.Equals(index.Table, name.BaseIdentifier.Value, StringComparison.OrdinalIgnoreCase));
                }

                break;

            case CreateIndexStatement index:
                Indexes.Add(new TSqlIndex(
                    index.OnName.BaseIdentifier.Value,
                    index.Name.Value,
                    [.. index.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value)],
                    index.Unique,
                    index.FilterPredicate is not null,
                    index.FilterPredicate is null ? null : Text(index.FilterPredicate)));
                break;

            case CreateFunctionStatement { ReturnType: SelectFunctionReturnType select } function:
                _functions[function.Name.BaseIdentifier.Value] = [.. OutputNames(select.SelectStatement.QueryExpression)];
                break;
        }
    }

    private void AddKeys(string table, TableDefinition definition)
    {
        foreach (var key in definition.TableConstraints.OfType<UniqueConstraintDefinition>())
        {
            Indexes.Add(new TSqlIndex(table, key.ConstraintIdentifier?.Value ?? "key", [.. key.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value)], true, false, null));
        }

        foreach (var column in definition.ColumnDefinitions)
        {
            foreach (var key in column.Constraints.OfType<UniqueConstraintDefinition>())
            {
                Indexes.Add(new TSqlIndex(table, key.ConstraintIdentifier?.Value ?? "key", [column.ColumnIdentifier.Value], true, false, null));
            }
        }
    }

    private static TSqlColumn ColumnOf(ColumnDefinition column) => new(
        column.ColumnIdentifier.Value,
        column.DataType is null ? "computed" : TypeOf(column.DataType),
        !column.Constraints.OfType<NullableConstraintDefinition>().Any(c => !c.Nullable),
        column.ComputedColumnExpression is not null,
        column.Collation?.Value);

    private static string TypeOf(DataTypeReference type) => type switch
    {
        SqlDataTypeReference sql when sql.Parameters.Count > 0 =>
            $"{sql.SqlDataTypeOption.ToString().ToLowerInvariant()}({string.Join(",", sql.Parameters.Select(p => p.Value.ToLowerInvariant()))})",
        SqlDataTypeReference sql => sql.SqlDataTypeOption.ToString().ToLowerInvariant(),
        _ => type.Name.BaseIdentifier.Value.ToLowerInvariant(),
    };

    /// <summary>The names of the columns a query returns (each select element's alias, or its column's name).</summary>
    public static IEnumerable<string> OutputNames(QueryExpression query) => query switch
    {
        QuerySpecification specification => specification.SelectElements.Select(OutputName),
        BinaryQueryExpression binary => OutputNames(binary.FirstQueryExpression),
        QueryParenthesisExpression parenthesis => OutputNames(parenthesis.QueryExpression),
        _ => [],
    };

    private static string OutputName(SelectElement element) => element switch
    {
        SelectScalarExpression { ColumnName: { } alias } => alias.Value,
        SelectScalarExpression { Expression: ColumnReferenceExpression column } => column.MultiPartIdentifier.Identifiers[^1].Value,
        SelectStarExpression => "*",
        _ => "?",
    };

    public static string Text(TSqlFragment fragment) =>
        string.Concat(Enumerable.Range(fragment.FirstTokenIndex, fragment.LastTokenIndex - fragment.FirstTokenIndex + 1)
            .Select(i => fragment.ScriptTokenStream[i].Text));
}
