using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Talkover.Infrastructure.Tests.Support;

/// <summary>
/// Checks one T-SQL statement against a <see cref="TSqlSchema"/>: every table it names exists; every column it
/// reads resolves — through its alias to that table (or derived table, function, OPENJSON, VALUES list), or, when
/// unqualified, to one of the statement's sources or select aliases; every column it writes (INSERT, UPDATE, MERGE)
/// exists and is not computed; and the <c>@parameters</c> it uses are reported for the caller to compare with what
/// the code supplies. Aliases are resolved per statement, not per nested query: a column is accepted when any
/// source of that alias has it, which is enough to catch a misspelled column or table.
/// </summary>
internal static class TSqlChecker
{
    public static IReadOnlyList<string> Check(TSqlSchema schema, string sql) => Check(schema, sql, out _);

    public static IReadOnlyList<string> Check(TSqlSchema schema, string sql, out IReadOnlySet<string> parameters)
    {
        var fragment = TSql.Parse(sql, out var errors);
        if (errors.Count != 0)
        {
            parameters = new HashSet<string>();
            return errors;
        }

        var sources = new SourceCollector(schema);
        fragment.Accept(sources);
        var problems = new List<string>(sources.Problems);
        problems.AddRange(sources.UnknownTables.Where(name => !sources.ByAlias.ContainsKey(name)).Select(name => $"table {name} does not exist in the SQL Server schema"));
        var checker = new ColumnChecker(schema, sources, problems);
        fragment.Accept(checker);
        parameters = checker.Parameters;
        return problems;
    }

    /// <summary>Every row source of the statement by alias (or name), with the columns it offers.</summary>
    private sealed class SourceCollector(TSqlSchema schema) : TSqlFragmentVisitor
    {
        public Dictionary<string, List<IReadOnlyCollection<string>>> ByAlias { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> SelectAliases { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<string> Problems { get; } = [];

        /// <summary>Names used as tables that the schema lacks; an UPDATE's or DELETE's target may be an alias of its FROM.</summary>
        public List<string> UnknownTables { get; } = [];

        /// <summary>The table behind each alias (and each table's own name).</summary>
        public Dictionary<string, string> TableByAlias { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>The table an INSERT, UPDATE, DELETE or MERGE writes (for <c>inserted</c>/<c>deleted</c> in OUTPUT).</summary>
        public string? Target => _target is null ? null : TableByAlias.GetValueOrDefault(_target, _target);

        private string? _target;

        public override void ExplicitVisit(NamedTableReference node)
        {
            var name = node.SchemaObject.BaseIdentifier.Value;
            if (name is "inserted" or "deleted")
            {
                return;
            }

            if (!schema.Tables.TryGetValue(name, out var columns))
            {
                UnknownTables.Add(name);
                return;
            }

            TableByAlias[node.Alias?.Value ?? name] = name;
            TableByAlias[name] = name;
            Add(node.Alias?.Value ?? name, [.. columns.Select(c => c.Name)]);
            if (node.Alias is not null)
            {
                Add(name, [.. columns.Select(c => c.Name)]);
            }
        }

        public override void ExplicitVisit(QueryDerivedTable node)
        {
            Add(node.Alias.Value, node.Columns.Count > 0 ? [.. node.Columns.Select(c => c.Value)] : [.. TSqlSchema.OutputNames(node.QueryExpression)]);
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(InlineDerivedTable node)
        {
            Add(node.Alias.Value, [.. node.Columns.Select(c => c.Value)]);
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(SchemaObjectFunctionTableReference node)
        {
            var name = node.SchemaObject.BaseIdentifier.Value;
            if (!schema.Functions.TryGetValue(name, out var columns))
            {
                Problems.Add($"function {name} does not exist in the SQL Server schema");
                columns = [];
            }

            Add(node.Alias?.Value ?? name, node.Columns.Count > 0 ? [.. node.Columns.Select(c => c.Value)] : columns);
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(OpenJsonTableReference node)
        {
            // Without a WITH clause OPENJSON returns key, value and type.
            Add(node.Alias?.Value ?? "openjson", node.SchemaDeclarationItems.Count > 0
                ? [.. node.SchemaDeclarationItems.Select(i => i.ColumnDefinition.ColumnIdentifier.Value)]
                : ["key", "value", "type"]);
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(CommonTableExpression node)
        {
            Add(node.ExpressionName.Value, node.Columns.Count > 0 ? [.. node.Columns.Select(c => c.Value)] : [.. TSqlSchema.OutputNames(node.QueryExpression)]);
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(SelectScalarExpression node)
        {
            if (node.ColumnName is { } alias)
            {
                SelectAliases.Add(alias.Value);
            }

            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(InsertSpecification node)
        {
            _target ??= (node.Target as NamedTableReference)?.SchemaObject.BaseIdentifier.Value;
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(UpdateSpecification node)
        {
            _target ??= (node.Target as NamedTableReference)?.SchemaObject.BaseIdentifier.Value;
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(DeleteSpecification node)
        {
            _target ??= (node.Target as NamedTableReference)?.SchemaObject.BaseIdentifier.Value;
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(MergeSpecification node)
        {
            _target ??= (node.Target as NamedTableReference)?.SchemaObject.BaseIdentifier.Value;
            if (node.TableAlias is not null && Target is { } target && schema.Tables.TryGetValue(target, out var columns))
            {
                TableByAlias[node.TableAlias.Value] = target;
                Add(node.TableAlias.Value, [.. columns.Select(c => c.Name)]);
            }

            base.ExplicitVisit(node);
        }

        private void Add(string alias, IReadOnlyCollection<string> columns)
        {
            if (!ByAlias.TryGetValue(alias, out var list))
            {
                ByAlias[alias] = list = [];
            }

            list.Add(columns);
        }
    }

    private sealed class ColumnChecker(TSqlSchema schema, SourceCollector sources, List<string> problems) : TSqlFragmentVisitor
    {
        public HashSet<string> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void ExplicitVisit(VariableReference node) => Parameters.Add(node.Name.TrimStart('@'));

        public override void ExplicitVisit(ColumnReferenceExpression node)
        {
            if (node.ColumnType != ColumnType.Regular || node.MultiPartIdentifier is null)
            {
                return;
            }

            var parts = node.MultiPartIdentifier.Identifiers.Select(i => i.Value).ToList();
            var column = parts[^1];
            if (parts.Count >= 2)
            {
                var alias = parts[^2];
                if (alias is "inserted" or "deleted")
                {
                    CheckWritten(sources.Target, column, reading: true);
                }
                else if (!sources.ByAlias.TryGetValue(alias, out var candidates))
                {
                    problems.Add($"{alias}.{column}: no table or alias {alias} in the statement");
                }
                else if (!candidates.Any(columns => columns.Contains(column, StringComparer.OrdinalIgnoreCase)))
                {
                    problems.Add($"{alias}.{column}: {alias} has no column {column}");
                }

                return;
            }

            if (!sources.SelectAliases.Contains(column)
                && !sources.ByAlias.Values.SelectMany(list => list).Any(columns => columns.Contains(column, StringComparer.OrdinalIgnoreCase)))
            {
                problems.Add($"{column}: no table of the statement has this column");
            }
        }

        public override void ExplicitVisit(InsertSpecification node)
        {
            var table = (node.Target as NamedTableReference)?.SchemaObject.BaseIdentifier.Value;
            foreach (var column in node.Columns)
            {
                CheckWritten(table, column.MultiPartIdentifier.Identifiers[^1].Value, reading: false);
            }

            if (node.InsertSource is ValuesInsertSource values)
            {
                foreach (var row in values.RowValues.Where(row => row.ColumnValues.Count != node.Columns.Count))
                {
                    problems.Add($"INSERT INTO {table}: {node.Columns.Count} columns but {row.ColumnValues.Count} values");
                }
            }

            // The column list names the target's columns, not references to check against the sources.
            node.InsertSource.Accept(this);
            node.OutputClause?.Accept(this);
            node.OutputIntoClause?.Accept(this);
        }

        public override void ExplicitVisit(AssignmentSetClause node)
        {
            if (node.Column is { } column)
            {
                var parts = column.MultiPartIdentifier.Identifiers.Select(i => i.Value).ToList();
                var table = parts.Count >= 2 ? sources.TableByAlias.GetValueOrDefault(parts[^2]) : sources.Target;
                CheckWritten(table, parts[^1], reading: false);
            }

            node.NewValue?.Accept(this);
        }

        public override void ExplicitVisit(InsertMergeAction node)
        {
            foreach (var column in node.Columns)
            {
                CheckWritten(sources.Target, column.MultiPartIdentifier.Identifiers[^1].Value, reading: false);
            }

            node.Source?.Accept(this);
        }

        private void CheckWritten(string? table, string column, bool reading)
        {
            if (table is null)
            {
                problems.Add($"{column}: written to a table the checker cannot name");
                return;
            }

            // An updatable CTE (WITH due AS (SELECT TOP …) UPDATE due SET …) writes the columns it selected.
            if (!schema.Tables.ContainsKey(table) && sources.ByAlias.TryGetValue(table, out var selected))
            {
                if (!selected.Any(columns => columns.Contains(column, StringComparer.OrdinalIgnoreCase)))
                {
                    problems.Add($"{table}.{column}: {table} does not select {column}");
                }

                return;
            }

            var found = schema.Column(table, column);
            if (found is null)
            {
                problems.Add($"{table}.{column}: {table} has no column {column}");
            }
            else if (found.Computed && !reading)
            {
                problems.Add($"{table}.{column}: a computed column cannot be written");
            }
        }
    }
}
