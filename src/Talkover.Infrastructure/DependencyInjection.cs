using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Talkover.Application.Abstractions;
using Talkover.Application.Agents;
using Talkover.Application.PhoneNumbers;
using Talkover.Application.ReleaseRequests;
using Talkover.Infrastructure.Persistence;
using Talkover.Infrastructure.Persistence.Queries;
using Talkover.Infrastructure.Persistence.Repositories;
using Talkover.Infrastructure.Security;

namespace Talkover.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, DatabaseOptions options)
    {
        DapperTypeHandlers.Register();

        services.AddSingleton(options);
        services.AddSingleton(SqlDialect.For(options.Provider));
        services.AddScoped<DbSession>();
        services.AddScoped<IUnitOfWork>(provider => provider.GetRequiredService<DbSession>());

        services.AddScoped<IPhoneNumberRepository, PhoneNumberRepository>();
        services.AddScoped<IReleaseRequestRepository, ReleaseRequestRepository>();
        services.AddScoped<IAgentRepository, AgentRepository>();
        services.AddScoped<IEnvironmentRepository, EnvironmentRepository>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();

        services.AddScoped<IPhoneNumberQueries, PhoneNumberQueries>();
        services.AddScoped<IAgentQueries, AgentQueries>();
        services.AddScoped<IReleaseRequestQueries, ReleaseRequestQueries>();
        services.AddScoped<ICredentialQueries, CredentialQueries>();
        services.AddScoped<IDatabaseHealth, DatabaseHealth>();

        services.AddSingleton<IAccessTokenService, AccessTokenService>();
        return services;
    }

    /// <summary>
    /// Reads <c>Database:Provider</c>, <c>Database:MigrateOnStartup</c> and <c>ConnectionStrings:Talkover</c>.
    /// Throws <see cref="InvalidOperationException"/> with a one-line reason when they make no sense.
    /// </summary>
    public static DatabaseOptions ReadDatabaseOptions(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException($"Database:Provider '{providerText}' is not supported; use Sqlite or SqlServer.");
        }

        var connectionString = configuration.GetConnectionString("Talkover");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DatabaseOptions.DefaultSqliteConnectionString
                : throw new InvalidOperationException("ConnectionStrings:Talkover is required when Database:Provider is SqlServer.");
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            // Writers queue for the lock (IMMEDIATE transactions) rather than failing at once; foreign keys are enforced.
            var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, Pooling = true };
            if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
            {
                builder.DefaultTimeout = 30;
            }

            connectionString = builder.ToString();
        }

        var migrateText = configuration["Database:MigrateOnStartup"];
        var migrate = true;
        if (!string.IsNullOrWhiteSpace(migrateText) && !bool.TryParse(migrateText, out migrate))
        {
            throw new InvalidOperationException($"Database:MigrateOnStartup '{migrateText}' must be true or false.");
        }

        return new DatabaseOptions { Provider = provider, ConnectionString = connectionString, MigrateOnStartup = migrate };
    }
}
