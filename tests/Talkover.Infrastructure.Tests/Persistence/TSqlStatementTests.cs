using Microsoft.SqlServer.TransactSql.ScriptDom;
using Talkover.Infrastructure.Persistence;
using Talkover.Infrastructure.Tests.Support;

namespace Talkover.Infrastructure.Tests.Persistence;

/// <summary>
/// No SQL Server runs here, so every T-SQL text the service can send (migrations, shared statements,
/// the SQL Server dialect's own) is at least parsed by SQL Server's own parser.
/// </summary>
[TestFixture]
public sealed class TSqlStatementTests
{
    private static IEnumerable<TestCaseData> MigrationScripts() =>
        SqlStatements.AsTestCases(SqlStatements.MigrationScripts(DatabaseProvider.SqlServer));

    private static IEnumerable<TestCaseData> Statements() =>
        SqlStatements.AsTestCases(SqlStatements.For(new SqlServerDialect()));

    private static IEnumerable<TestCaseData> LockingStatements() =>
        SqlStatements.AsTestCases(SqlStatements.Locking(new SqlServerDialect()));

    [TestCaseSource(nameof(MigrationScripts))]
    public void Parse_WhenSqlServerMigrationScript_HasNoSyntaxErrors(SqlStatement script)
    {
        var fragment = TSql.Parse(script.Text, out var errors);

        Assert.That(errors, Is.Empty, $"{script.Name} does not parse as T-SQL");
        Assert.That(((TSqlScript)fragment).Batches, Is.Not.Empty, $"{script.Name} has no batch");
    }

    [TestCaseSource(nameof(Statements))]
    public void Parse_WhenStatementRunsOnSqlServer_HasNoSyntaxErrors(SqlStatement statement)
    {
        var fragment = TSql.Parse(statement.Text, out var errors);

        Assert.That(errors, Is.Empty, $"{statement.Name} does not parse as T-SQL:\n{statement.Text}");
        var statements = ((TSqlScript)fragment).Batches.SelectMany(b => b.Statements).ToList();
        Assert.That(statements, Has.Count.EqualTo(1), $"{statement.Name} should be exactly one statement");
    }

    [TestCaseSource(nameof(LockingStatements))]
    public void Parse_WhenSqlServerForUpdateStatement_HoldsUpdateLockUntilCommit(SqlStatement statement)
    {
        var fragment = TSql.Parse(statement.Text, out var errors);
        Assert.That(errors, Is.Empty);

        var hints = TSql.TableHints(fragment).Select(h => h.Hint).ToList();

        Assert.That(hints, Does.Contain(TableHintKind.UpdLock).And.Contain(TableHintKind.HoldLock), statement.Name);
    }

    [Test]
    public void Statements_WhenCollectedByReflection_CoverTheRepositoriesQueriesAndDialect()
    {
        var names = SqlStatements.For(new SqlServerDialect()).Select(s => s.Name).ToList();

        Assert.That(names, Has.Count.GreaterThanOrEqualTo(15));
        Assert.That(names, Is.Unique);
        Assert.That(
            names,
            Does.Contain("ReleaseRequestRepository.Insert")
                .And.Contain("PhoneNumberRepository.Insert")
                .And.Contain("PhoneNumberQueries.ById")
                .And.Contain("PhoneNumberRepository.SelectForUpdate")
                .And.Contain("AgentRepository.SelectForUpdate")
                .And.Contain("EnvironmentQueries.List.Page(search)")
                .And.Contain("EnvironmentQueries.Counts")
                .And.Contain("EnvironmentRepository.TouchToken"));
        Assert.That(names, Has.None.Contains("PhoneNumberColumns").And.None.Contains("AgentColumns"));
    }

    [Test]
    public void MigrationScripts_WhenCollected_FindTheSqlServerScripts()
    {
        var scripts = SqlStatements.MigrationScripts(DatabaseProvider.SqlServer);

        Assert.That(scripts.Select(s => s.Name), Is.Not.Empty.And.Contains("0001_initial_schema.sql"));
    }

    [Test]
    public void LockingStatements_WhenCollected_IncludeEveryForUpdateStatement()
    {
        var names = LockingStatements().Select(c => c.Arguments[0]!.ToString());

        Assert.That(names, Is.EquivalentTo(new[]
        {
            "AgentRepository.SelectForUpdate",
            "OutboxStore.Subscribers",
            "PhoneNumberRepository.SelectForUpdate",
            "PhoneNumberRepository.SelectForUpdateByReleaseRequest",
            "ReleaseRequestRepository.SelectForUpdate",
            "StaffRepository.CountActiveAdmins",
            "StaffRepository.SelectByEmailForUpdate",
            "StaffRepository.SelectForUpdate",
            "WebhookRepository.CountForUpdate",
            "WebhookRepository.SelectForUpdate",
        }));
    }

    [Test]
    public void Parse_WhenStatementIsBroken_ReportsTheSyntaxError()
    {
        var errors = TSql.Errors("SELEC id FROM x WITH (UPDLOCK HOLDLOCK WHERE id = 1");

        Assert.That(errors, Is.Not.Empty);
        Assert.That(errors[0], Does.Contain("Incorrect syntax").And.Contain("line 1"));
    }

    [Test]
    public void TableHints_WhenStatementHasNoHints_FindsNone()
    {
        var fragment = TSql.Parse("SELECT p.id FROM phone_numbers p WHERE p.id = @Id", out var errors);

        Assert.That(errors, Is.Empty);
        Assert.That(TSql.TableHints(fragment), Is.Empty);
    }
}
