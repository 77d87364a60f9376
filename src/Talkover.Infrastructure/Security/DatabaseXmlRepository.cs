using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Talkover.Infrastructure.Persistence;

namespace Talkover.Infrastructure.Security;

/// <summary>
/// The Data Protection key ring in the database, one row per element (a key, or a revocation), so every
/// instance of the service reads the same keys and a console cookie outlives a restart.
/// <para>
/// The framework calls this synchronously and outside any request: at start, when it looks for a key,
/// and about every 90 days, when it makes the next one. Each call takes its own scope and goes through
/// <see cref="DbSession"/> like a request does (a write waits its turn; a database fault becomes
/// <see cref="Application.Abstractions.DatabaseUnavailableException"/>), and waits for it: the calls are
/// rare, and the framework has no asynchronous way in. Nothing of an element is ever logged here.
/// </para>
/// </summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes, TimeProvider clock) : IXmlRepository
{
    internal static class Sql
    {
        // The whole ring, always: a handful of rows, one more every 90 days.
        public const string All = "SELECT xml FROM data_protection_keys ORDER BY created_at, id";

        public const string Insert = """
            INSERT INTO data_protection_keys (id, friendly_name, xml, created_at)
            VALUES (@Id, @FriendlyName, @Xml, @CreatedAt)
            """;
    }

    public IReadOnlyCollection<XElement> GetAllElements() =>
        Wait(async db => (IReadOnlyCollection<XElement>)[.. (await db.QueryAsync<string>(Sql.All, null, CancellationToken.None)).Select(xml => XElement.Parse(xml))]);

    public void StoreElement(XElement element, string friendlyName) =>
        Wait(db => db.ExecuteAsync(
            Sql.Insert,
            new
            {
                Id = Guid.CreateVersion7(),
                FriendlyName = string.IsNullOrEmpty(friendlyName) ? null : friendlyName,
                Xml = element.ToString(SaveOptions.DisableFormatting),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            },
            CancellationToken.None));

    // On the thread pool, so a caller with a synchronization context cannot deadlock on the wait.
    private T Wait<T>(Func<DbSession, Task<T>> work) =>
        Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<DbSession>());
        }).GetAwaiter().GetResult();
}
