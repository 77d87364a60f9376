using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Talkover.Infrastructure.Security;

namespace Talkover.Infrastructure;

public static class DataProtectionSetup
{
    /// <summary>The application name every instance shares: keys made by one protect for all of them.</summary>
    public const string ApplicationName = "Talkover";

    /// <summary>
    /// ASP.NET Core Data Protection (console cookies, antiforgery tokens) with its key ring in the
    /// database, shared by every instance of the service; or, when <paramref name="keysPath"/> is given,
    /// as XML files in that folder. Needs <see cref="DependencyInjection.AddInfrastructure"/> for the database.
    /// </summary>
    public static IServiceCollection AddTalkoverDataProtection(this IServiceCollection services, string? keysPath)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (!string.IsNullOrWhiteSpace(keysPath))
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysPath));
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, KeyRingInTheDatabase>();
        return services;
    }

    private sealed class KeyRingInTheDatabase(IServiceScopeFactory scopes, TimeProvider clock) : IConfigureOptions<KeyManagementOptions>
    {
        public void Configure(KeyManagementOptions options) => options.XmlRepository = new DatabaseXmlRepository(scopes, clock);
    }
}
