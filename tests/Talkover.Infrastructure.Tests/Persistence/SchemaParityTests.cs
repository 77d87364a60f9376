using Microsoft.Data.Sqlite;
using Talkover.Infrastructure.Persistence;
using Talkover.Infrastructure.Tests.Support;

namespace Talkover.Infrastructure.Tests.Persistence;

/// <summary>
/// The two migration sets must end with the same tables and columns, so a statement shared by both providers
/// means the same on each. SQLite's side is read from a database its migrations built; SQL Server's from its
/// migrations with ScriptDom (<see cref="TSqlSchema"/>). Types are compared through <see cref="SqliteTypeOf"/>.
/// </summary>
[TestFixture]
public sealed class SchemaParityTests
{
    /// <summary>
    /// Tables one provider has and the other does not, by design: substring and digit searches are indexed by
    /// FTS5 virtual tables on SQLite and by tables the triggers keep on SQL Server (ADR 7).
    /// </summary>
    private static readonly HashSet<string> SqlServerOnly = new(StringComparer.Ordinal) { "search_trigrams", "search_suffixes" };

    private static readonly Dictionary<string, List<(string Name, string Type, bool NotNull)>> Sqlite = ReadSqlite();

    /// <summary>
    /// How each SQL Server type is stored on SQLite: ids, timestamps, dates and amounts as text (ids lower case,
    /// timestamps as sortable UTC text, amounts as invariant decimal text), flags and counts as integers, bytes as blobs.
    /// </summary>
    public static string SqliteTypeOf(string sqlServerType) => sqlServerType[..(sqlServerType.IndexOf('(', StringComparison.Ordinal) is var at and >= 0 ? at : sqlServerType.Length)] switch
    {
        "uniqueidentifier" or "datetime2" or "date" or "nvarchar" or "varchar" or "nchar" or "char" or "decimal" or "numeric" => "TEXT",
        "bit" or "tinyint" or "smallint" or "int" or "bigint" => "INTEGER",
        "varbinary" or "binary" => "BLOB",
        _ => $"(no mapping for {sqlServerType})",
    };

    [Test]
    public void Migrations_EndWithTheSameTablesColumnsAndTypesOnBothProviders()
    {
        var sqlServer = TSqlSchema.FromScripts(SqlStatements.MigrationScripts(DatabaseProvider.SqlServer));

        Assert.That(Drift(Sqlite, sqlServer), Is.Empty);
    }

    [TestCase("ALTER TABLE dbo.phone_numbers ADD nickname nvarchar(50) NULL;", "phone_numbers.nickname: only on SQL Server")]
    [TestCase("ALTER TABLE dbo.agents DROP COLUMN label;", "agents.label: only on SQLite")]
    [TestCase("CREATE TABLE dbo.notes (id uniqueidentifier NOT NULL);", "table notes: only on SQL Server")]
    [TestCase("ALTER TABLE dbo.release_requests DROP COLUMN resolution_note;\nGO\nALTER TABLE dbo.release_requests ADD resolution_note bit NULL;", "release_requests.resolution_note: SQL Server bit (INTEGER on SQLite), SQLite TEXT")]
    public void Drift_WhenTheSqlServerMigrationsChangeAlone_IsFound(string script, string expected)
    {
        var sqlServer = TSqlSchema.FromScripts([.. SqlStatements.MigrationScripts(DatabaseProvider.SqlServer), new SqlStatement("9999_drift.sql", script)]);

        Assert.That(Drift(Sqlite, sqlServer), Has.Some.EqualTo(expected));
    }

    /// <summary>
    /// The statements whose text differs per provider (the dialects' own, and every list variant) exist under the same
    /// name for both, and each SELECT returns the same columns in the same order, so one row mapping reads both.
    /// </summary>
    [Test]
    public void ProviderStatements_ExistForBothAndSelectTheSameColumnsInTheSameOrder()
    {
        var sqlite = SqlStatements.Of(new SqliteDialect()).Concat(SqlStatements.Lists(new SqliteDialect())).ToDictionary(s => s.Name.Replace("SqliteDialect.", "", StringComparison.Ordinal));
        var sqlServer = SqlStatements.Of(new SqlServerDialect()).Concat(SqlStatements.Lists(new SqlServerDialect())).ToDictionary(s => s.Name.Replace("SqlServerDialect.", "", StringComparison.Ordinal));

        Assert.That(sqlServer.Keys, Is.EquivalentTo(sqlite.Keys));

        using var database = new TempSqliteDatabase().Migrated();
        var different = new List<string>();
        foreach (var (name, statement) in sqlServer)
        {
            var script = (Microsoft.SqlServer.TransactSql.ScriptDom.TSqlScript)TSql.Parse(statement.Text, out _);
            if (script.Batches.SelectMany(b => b.Statements).SingleOrDefault() is not Microsoft.SqlServer.TransactSql.ScriptDom.SelectStatement select)
            {
                continue;
            }

            var tsql = TSqlSchema.OutputNames(select.QueryExpression).Select(n => n.ToLowerInvariant()).ToList();
            var lite = database.ColumnNames(sqlite[name].Text).Select(n => n.ToLowerInvariant()).ToList();
            // An unnamed expression (a scalar's COUNT(*)) is read by position on both: only its place must match.
            if (tsql.Count != lite.Count || tsql.Zip(lite).Any(pair => pair.First != "?" && pair.First != pair.Second))
            {
                different.Add($"{name}: SQL Server [{string.Join(", ", tsql)}], SQLite [{string.Join(", ", lite)}]");
            }
        }

        SqliteConnection.ClearAllPools();
        Assert.That(different, Is.Empty);
    }

    private static List<string> Drift(Dictionary<string, List<(string Name, string Type, bool NotNull)>> sqlite, TSqlSchema sqlServer)
    {
        var drift = new List<string>();
        foreach (var table in sqlServer.Tables.Keys.Where(t => !SqlServerOnly.Contains(t)).Except(sqlite.Keys, StringComparer.OrdinalIgnoreCase))
        {
            drift.Add($"table {table}: only on SQL Server");
        }

        foreach (var (table, columns) in sqlite)
        {
            if (!sqlServer.Tables.TryGetValue(table, out var twin))
            {
                drift.Add($"table {table}: only on SQLite");
                continue;
            }

            foreach (var column in columns)
            {
                var other = twin.Find(c => string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase));
                if (other is null)
                {
                    drift.Add($"{table}.{column.Name}: only on SQLite");
                }
                else if (SqliteTypeOf(other.Type) != column.Type)
                {
                    drift.Add($"{table}.{column.Name}: SQL Server {other.Type} ({SqliteTypeOf(other.Type)} on SQLite), SQLite {column.Type}");
                }
                else if (column.NotNull == other.Nullable)
                {
                    drift.Add($"{table}.{column.Name}: {(other.Nullable ? "NULL" : "NOT NULL")} on SQL Server, {(column.NotNull ? "NOT NULL" : "NULL")} on SQLite");
                }
            }

            drift.AddRange(twin.Where(c => !columns.Exists(s => string.Equals(s.Name, c.Name, StringComparison.OrdinalIgnoreCase)))
                .Select(c => $"{table}.{c.Name}: only on SQL Server"));
        }

        return drift;
    }

    /// <summary>The tables of a freshly migrated SQLite database, without SQLite's own, DbUp's journal and the FTS5 tables with their shadow tables.</summary>
    private static Dictionary<string, List<(string Name, string Type, bool NotNull)>> ReadSqlite()
    {
        using var database = new TempSqliteDatabase().Migrated();
        using var connection = new SqliteConnection(database.ConnectionString + ";Pooling=False");
        connection.Open();
        var tables = new List<(string Name, string Sql)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add((reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1)));
            }
        }

        var virtualTables = tables.Where(t => t.Sql.StartsWith("CREATE VIRTUAL TABLE", StringComparison.OrdinalIgnoreCase)).Select(t => t.Name).ToList();
        var result = new Dictionary<string, List<(string Name, string Type, bool NotNull)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, _) in tables.Where(t => !t.Name.StartsWith("sqlite_", StringComparison.Ordinal) && t.Name != "SchemaVersions"
            && !virtualTables.Exists(v => t.Name == v || t.Name.StartsWith(v + "_", StringComparison.Ordinal))))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name, type, \"notnull\", pk FROM pragma_table_info(@Table) ORDER BY cid";
            command.Parameters.AddWithValue("@Table", name);
            using var reader = command.ExecuteReader();
            var columns = new List<(string Name, string Type, bool NotNull)>();
            while (reader.Read())
            {
                // SQLite lets a primary key column hold NULL unless it says NOT NULL; SQL Server never does.
                columns.Add((reader.GetString(0), reader.GetString(1).ToUpperInvariant(), reader.GetInt64(2) == 1 || reader.GetInt64(3) > 0));
            }

            result[name] = columns;
        }

        SqliteConnection.ClearAllPools();
        return result;
    }
}
