using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Persistence.Queries;

internal sealed class DatabaseHealth(DbSession db) : IDatabaseHealth
{
    internal static class Sql
    {
        public const string Ping = "SELECT 1";
    }

    public async Task<bool> IsUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await db.ExecuteScalarAsync<int>(Sql.Ping, null, cancellationToken) == 1;
        }
        catch (DatabaseUnavailableException)
        {
            return false;
        }
    }
}
