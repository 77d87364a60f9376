using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Persistence.Queries;

internal sealed class CredentialQueries(DbSession db) : ICredentialQueries
{
    internal static class Sql
    {
        public const string ByTokenHash = """
            SELECT t.id AS token_id, t.environment_id, e.plan_name
            FROM environment_tokens t
            INNER JOIN environments e ON e.id = t.environment_id
            WHERE t.token_hash = @TokenHash AND t.revoked_at IS NULL
            """;

        public const string StaffByKeyHash = """
            SELECT s.id AS staff_id, s.email, s.name, s.role, s.security_stamp, k.id AS key_id, k.last_used_at AS key_last_used_at
            FROM staff_api_keys k
            INNER JOIN staff_members s ON s.id = k.staff_id
            WHERE k.key_hash = @KeyHash AND k.revoked_at IS NULL AND s.status = 'active'
            """;

        public const string ActiveStaff = """
            SELECT s.id AS staff_id, s.email, s.name, s.role, s.security_stamp
            FROM staff_members s
            WHERE s.id = @StaffId AND s.status = 'active'
            """;
    }

    public async Task<EnvironmentCredential?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<CredentialRow>(Sql.ByTokenHash, new { TokenHash = tokenHash }, cancellationToken);
        return row is null ? null : new EnvironmentCredential(row.TokenId, row.EnvironmentId, row.PlanName);
    }

    public async Task<StaffCredential?> FindStaffByKeyHashAsync(string keyHash, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<StaffRow>(Sql.StaffByKeyHash, new { KeyHash = keyHash }, cancellationToken))?.ToCredential();

    public async Task<StaffCredential?> FindActiveStaffAsync(Guid staffId, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<StaffRow>(Sql.ActiveStaff, new { StaffId = staffId }, cancellationToken))?.ToCredential();

    private sealed class StaffRow
    {
        public Guid StaffId { get; init; }

        public string Email { get; init; } = "";

        public string Name { get; init; } = "";

        public string Role { get; init; } = "";

        public string SecurityStamp { get; init; } = "";

        public Guid? KeyId { get; init; }

        public DateTime? KeyLastUsedAt { get; init; }

        public StaffCredential ToCredential() => new(StaffId, Email, Name, Role, SecurityStamp, KeyId, KeyLastUsedAt);
    }

    private sealed class CredentialRow
    {
        public Guid TokenId { get; init; }

        public Guid EnvironmentId { get; init; }

        public string PlanName { get; init; } = "";
    }
}
