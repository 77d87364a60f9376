using Talkover.Infrastructure.Persistence;
using Talkover.Infrastructure.Tests.Support;

namespace Talkover.Infrastructure.Tests.Persistence;

/// <summary>
/// No SQL Server runs here, so every T-SQL statement the service can send is checked against the schema the
/// T-SQL migrations build (read with ScriptDom, <see cref="TSqlSchema"/>): the tables and columns it names exist,
/// and what it writes can be written. A misspelled column or table parses fine and fails only on a server; here it
/// fails the build.
/// </summary>
[TestFixture]
public sealed class TSqlSchemaTests
{
    private static readonly TSqlSchema Schema = TSqlSchema.FromScripts(SqlStatements.MigrationScripts(DatabaseProvider.SqlServer));

    private static IEnumerable<TestCaseData> Statements() =>
        SqlStatements.AsTestCases(SqlStatements.For(new SqlServerDialect()));

    [TestCaseSource(nameof(Statements))]
    public void Statement_OnTheSqlServerSchema_NamesOnlyTablesAndColumnsThatExist(SqlStatement statement)
    {
        Assert.That(TSqlChecker.Check(Schema, statement.Text), Is.Empty, statement.Text);
    }

    /// <summary>Real statements with one deliberate mistake each: the checker must refuse every one.</summary>
    [TestCase("PhoneNumberQueries.ById", "p.number,", "p.numbr,", "p has no column numbr")]
    [TestCase("PhoneNumberQueries.ById", "FROM phone_numbers p", "FROM phone_number p", "table phone_number does not exist")]
    [TestCase("PhoneNumberQueries.ById", "p.current_status = 'active'", "q.current_status = 'active'", "no table or alias q")]
    [TestCase("AgentQueries.PhoneNumbers", "ORDER BY p.number, p.id", "ORDER BY p.number, p.idx", "p has no column idx")]
    [TestCase("ReleaseRequestRepository.Insert", "phone_number_id", "phone_numberid", "release_requests has no column phone_numberid")]
    [TestCase("ReleaseRequestRepository.Insert", "@PhoneNumberId, ", "", "columns but")]
    [TestCase("EnvironmentRepository.TouchToken", "last_used_at =", "last_use_at =", "environment_tokens has no column last_use_at")]
    public void Checker_WhenAStatementHasAMistake_RefusesIt(string name, string find, string replace, string expected)
    {
        var statement = SqlStatements.For(new SqlServerDialect()).Single(s => s.Name == name);
        Assert.That(statement.Text, Does.Contain(find), "the mistake must be made in the real statement");

        var broken = ReplaceFirst(statement.Text, find, replace);

        Assert.That(TSqlChecker.Check(Schema, broken), Has.Some.Contains(expected), broken);
    }

    [Test]
    public void Checker_WhenAColumnIsComputed_RefusesToWriteIt()
    {
        var schema = TSqlSchema.FromScripts([new SqlStatement("computed.sql", "CREATE TABLE dbo.t (id int NOT NULL, twice AS id * 2);")]);

        Assert.That(TSqlChecker.Check(schema, "INSERT INTO dbo.t (id, twice) VALUES (@Id, @Twice)"), Has.Some.Contains("computed column"));
        Assert.That(TSqlChecker.Check(schema, "UPDATE dbo.t SET twice = 4 WHERE id = @Id"), Has.Some.Contains("computed column"));
        Assert.That(TSqlChecker.Check(schema, "SELECT t.twice FROM dbo.t t WHERE t.id = @Id"), Is.Empty);
    }

    [Test]
    public void Schema_FollowsTheMigrationsInOrder()
    {
        var schema = TSqlSchema.FromScripts(
        [
            new SqlStatement("1.sql", "CREATE TABLE dbo.t (id int NOT NULL, old_name nvarchar(10) NULL);"),
            new SqlStatement("2.sql", "ALTER TABLE dbo.t ADD added datetime2(7) NULL;\nGO\nALTER TABLE dbo.t DROP COLUMN old_name;"),
        ]);

        Assert.That(schema.Tables["t"].Select(c => c.Name), Is.EqualTo(new[] { "id", "added" }));
        Assert.That(TSqlChecker.Check(schema, "SELECT t.old_name FROM dbo.t t"), Has.Some.Contains("no column old_name"));
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
