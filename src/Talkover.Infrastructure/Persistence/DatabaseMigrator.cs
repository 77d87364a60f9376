using System.Reflection;
using DbUp;
using DbUp.Engine;
using Microsoft.Data.Sqlite;
using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Persistence;

/// <summary>Applies the provider's numbered, embedded DbUp scripts; each script runs once.</summary>
public sealed class DatabaseMigrator(DatabaseOptions options)
{
    private static readonly Assembly ScriptAssembly = typeof(DatabaseMigrator).Assembly;

    public static string ScriptPrefix(DatabaseProvider provider) => $"Talkover.Infrastructure.Migrations.{provider}.";

    /// <summary>Applies what is missing and returns the names of the scripts it applied.</summary>
    public IReadOnlyList<string> Migrate()
    {
        var result = options.Provider switch
        {
            DatabaseProvider.Sqlite => MigrateSqlite(),
            DatabaseProvider.SqlServer => MigrateSqlServer(),
            _ => throw new InvalidOperationException($"Unknown database provider {options.Provider}."),
        };

        if (!result.Successful)
        {
            throw new DatabaseUnavailableException($"Migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }

        return [.. result.Scripts.Select(script => script.Name)];
    }

    /// <summary>Fails when the database cannot be opened, for a start without migrations.</summary>
    public void EnsureReachable()
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            SqliteFile.Prepare(options.ConnectionString);
        }

        using var connection = SqlDialect.For(options.Provider).CreateConnection(options.ConnectionString);
        try
        {
            connection.Open();
        }
        catch (System.Data.Common.DbException ex)
        {
            throw new DatabaseUnavailableException("The database could not be opened: " + ex.Message, ex);
        }
    }

    private DatabaseUpgradeResult MigrateSqlite()
    {
        SqliteFile.Prepare(options.ConnectionString);

        // WAL lets readers run while a writer holds the lock; the setting is stored in the file.
        using (var connection = new SqliteConnection(options.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            command.ExecuteNonQuery();
        }

        var result = DeployChanges.To.SqliteDatabase(options.ConnectionString)
            .WithScriptsEmbeddedInAssembly(ScriptAssembly, name => name.StartsWith(ScriptPrefix(DatabaseProvider.Sqlite), StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();

        // The migration's pooled connections would stay open beside the service's own, outside its bound.
        using (var pooled = new SqliteConnection(options.ConnectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }

        return result;
    }

    private DatabaseUpgradeResult MigrateSqlServer()
    {
        EnsureDatabase.For.SqlDatabase(options.ConnectionString);
        return DeployChanges.To.SqlDatabase(options.ConnectionString)
            .WithScriptsEmbeddedInAssembly(ScriptAssembly, name => name.StartsWith(ScriptPrefix(DatabaseProvider.SqlServer), StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
    }
}
