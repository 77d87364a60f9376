using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Talkover.Application.Abstractions;
using Talkover.Infrastructure.Persistence;
using Talkover.Infrastructure.Persistence.Queries;
using Talkover.Infrastructure.Persistence.Repositories;
using Talkover.Infrastructure.Security;
using Talkover.Infrastructure.Webhooks;

namespace Talkover.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// The database, its repositories and queries, and webhooks' infrastructure (<paramref name="webhooks"/>: the
    /// defaults when null). The host adds the event serializer (<see cref="IWebhookEventSerializer"/>), which
    /// writes bodies in its own JSON.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, DatabaseOptions options, WebhookOptions? webhooks = null)
    {
        services.AddWebhookInfrastructure(webhooks ?? new WebhookOptions());
        services.AddSingleton(options);
        services.AddSingleton(SqlDialect.For(options.Provider));
        services.AddSingleton<DatabaseAccess>();
        services.AddScoped<DbSession>();
        services.AddScoped<IUnitOfWork>(provider => provider.GetRequiredService<DbSession>());

        services.AddScoped<IPhoneNumberRepository, PhoneNumberRepository>();
        services.AddScoped<IReleaseRequestRepository, ReleaseRequestRepository>();
        services.AddScoped<IAgentRepository, AgentRepository>();
        services.AddScoped<IEnvironmentRepository, EnvironmentRepository>();
        services.AddScoped<IStaffRepository, StaffRepository>();
        services.AddScoped<IStaffCredentialRepository, StaffCredentialRepository>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddScoped<IWebhookRepository, WebhookRepository>();
        services.AddScoped<IOutbox, OutboxStore>();
        services.AddScoped<WebhookDeliveryStore>(provider => new WebhookDeliveryStore(provider.GetRequiredService<DbSession>()));

        services.AddScoped<IPhoneNumberQueries, PhoneNumberQueries>();
        services.AddScoped<IAgentQueries, AgentQueries>();
        services.AddScoped<IWebhookQueries, WebhookQueries>();
        services.AddScoped<IReleaseRequestQueries, ReleaseRequestQueries>();
        services.AddScoped<IEnvironmentQueries, EnvironmentQueries>();
        services.AddScoped<CredentialQueries>();
        services.AddScoped<ICredentialQueries, CachedCredentialQueries>();
        services.AddSingleton<CredentialCache>();
        services.AddSingleton<ICredentialCache>(provider => provider.GetRequiredService<CredentialCache>());
        services.AddScoped<IStaffQueries, StaffQueries>();
        services.AddScoped<IDatabaseHealth, DatabaseHealth>();
        services.AddSingleton<IReleaseQueueStatistics, ReleaseQueueStatistics>();

        services.AddSingleton<IAccessTokenService, AccessTokenService>();
        services.AddSingleton<IStaffPasswordHasher, StaffPasswordHasher>();
        return services;
    }

    /// <summary>
    /// Webhooks' infrastructure: the URL guard (also the send-time connect check), secrets under Data Protection
    /// (<see cref="DataProtectionSetup.AddTalkoverDataProtection"/> registers the key ring), and the dispatcher's wake-up signal.
    /// </summary>
    private static IServiceCollection AddWebhookInfrastructure(this IServiceCollection services, WebhookOptions options)
    {
        // A provider for the secrets' protector; AddTalkoverDataProtection gives it its shared key ring.
        services.AddDataProtection();
        services.AddSingleton(options);
        services.AddSingleton<WebhookUrlGuard>();
        services.AddSingleton<IWebhookUrlGuard>(provider => provider.GetRequiredService<WebhookUrlGuard>());
        services.AddSingleton<IWebhookSecrets, WebhookSecrets>();
        services.AddSingleton<WebhookDispatchSignal>();
        services.AddSingleton<IWebhookDispatchSignal>(provider => provider.GetRequiredService<WebhookDispatchSignal>());
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

            // Microsoft.Data.Sqlite reads 0 as "no timeout", and a writer that may not wait fails at once.
            if (builder.DefaultTimeout is < 1 or > 600)
            {
                throw new InvalidOperationException(
                    $"ConnectionStrings:Talkover has Default Timeout={builder.DefaultTimeout}; use 1 to 600 seconds (how long a write waits for the lock).");
            }

            connectionString = builder.ToString();
        }

        var migrateText = configuration["Database:MigrateOnStartup"];
        var migrate = true;
        if (!string.IsNullOrWhiteSpace(migrateText) && !bool.TryParse(migrateText, out migrate))
        {
            throw new InvalidOperationException($"Database:MigrateOnStartup '{migrateText}' must be true or false.");
        }

        if (provider == DatabaseProvider.SqlServer && new SqlConnectionStringBuilder(connectionString).CommandTimeout is < 1 or > 600)
        {
            // SqlClient reads 0 as "wait forever"; every wait of a request is bounded by this instead.
            throw new InvalidOperationException("ConnectionStrings:Talkover has a Command Timeout outside 1 to 600 seconds (how long a request waits for the database).");
        }

        var maxText = configuration["Database:MaxOpenConnections"];
        var maxOpen = DatabaseOptions.DefaultMaxOpenConnections;
        if (!string.IsNullOrWhiteSpace(maxText) && (!int.TryParse(maxText, out maxOpen) || maxOpen is < 1 or > 1000))
        {
            throw new InvalidOperationException($"Database:MaxOpenConnections '{maxText}' must be a whole number from 1 to 1000.");
        }

        return new DatabaseOptions { Provider = provider, ConnectionString = connectionString, MigrateOnStartup = migrate, MaxOpenConnections = maxOpen };
    }
}
