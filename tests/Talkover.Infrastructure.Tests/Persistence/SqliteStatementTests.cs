using Microsoft.Data.Sqlite;
using Talkover.Infrastructure.Persistence;
using Talkover.Infrastructure.Tests.Support;

namespace Talkover.Infrastructure.Tests.Persistence;

/// <summary>
/// Every statement the service can send to SQLite is prepared against the migrated schema with
/// EXPLAIN, which compiles it (tables, columns, syntax) without running it.
/// </summary>
[TestFixture]
public sealed class SqliteStatementTests
{
    private TempSqliteDatabase _database = null!;

    private static IEnumerable<TestCaseData> Statements() =>
        SqlStatements.AsTestCases(SqlStatements.For(new SqliteDialect()));

    [OneTimeSetUp]
    public void OneTimeSetUp()
    {
        _database = new TempSqliteDatabase().Migrated();
    }

    [OneTimeTearDown]
    public void OneTimeTearDown() => _database.Dispose();

    [TestCaseSource(nameof(Statements))]
    public void Explain_WhenStatementRunsOnSqlite_CompilesAgainstTheMigratedSchema(SqlStatement statement)
    {
        Assert.That(() => Explain(statement.Text), Throws.Nothing, $"{statement.Name} does not compile on SQLite:\n{statement.Text}");
    }

    [Test]
    public void Statements_WhenCollectedByReflection_IncludeTheSqliteDialect()
    {
        var names = SqlStatements.For(new SqliteDialect()).Select(s => s.Name).ToList();

        Assert.That(names, Has.Count.GreaterThanOrEqualTo(15));
        Assert.That(names, Does.Contain("PhoneNumberRepository.SelectForUpdate").And.Contain("AgentRepository.SelectForUpdate"));
    }

    [Test]
    public void Explain_WhenStatementNamesAMissingColumn_Throws()
    {
        Assert.That(
            () => Explain("SELECT p.no_such_column FROM phone_numbers p WHERE p.id = @Id"),
            Throws.TypeOf<SqliteException>().With.Message.Contains("no such column"));
    }

    private void Explain(string sql) => _database.Explain("EXPLAIN", sql, _ => DBNull.Value, column: 1);
}
