using System.Data.Common;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;
using Talkover.Domain.Staff;

namespace Talkover.Infrastructure.Persistence.Repositories;

internal sealed class StaffRepository(DbSession db) : IStaffRepository
{
    internal static class Sql
    {
        private const string Columns = """
            s.id, s.email, s.name, s.role, s.status, s.password_hash, s.failed_sign_ins, s.locked_until, s.security_stamp,
            s.created_at, s.updated_at, s.last_sign_in_at
            """;

        public const string SelectForUpdate = $"""
            SELECT {Columns}
            FROM staff_members s /*lock*/
            WHERE s.id = @Id
            """;

        public const string SelectByEmailForUpdate = $"""
            SELECT {Columns}
            FROM staff_members s /*lock*/
            WHERE s.email_key = @EmailKey
            """;

        public const string EmailTaken = "SELECT CASE WHEN EXISTS (SELECT 1 FROM staff_members WHERE email_key = @EmailKey) THEN 1 ELSE 0 END";

        public const string Insert = """
            INSERT INTO staff_members (id, email, email_key, name, role, status, password_hash, failed_sign_ins, locked_until, security_stamp,
                created_at, updated_at, last_sign_in_at)
            VALUES (@Id, @Email, @EmailKey, @Name, @Role, @Status, @PasswordHash, @FailedSignIns, @LockedUntil, @SecurityStamp,
                @CreatedAt, @UpdatedAt, @LastSignInAt)
            """;

        public const string Save = """
            UPDATE staff_members
            SET name = @Name, role = @Role, status = @Status, password_hash = @PasswordHash, failed_sign_ins = @FailedSignIns,
                locked_until = @LockedUntil, security_stamp = @SecurityStamp, updated_at = @UpdatedAt, last_sign_in_at = @LastSignInAt
            WHERE id = @Id
            """;

        public const string CountActiveAdmins = """
            SELECT COUNT(*)
            FROM staff_members s /*lock*/
            WHERE s.role = 'admin' AND s.status = 'active'
            """;
    }

    public Task<StaffMember?> GetForUpdateAsync(Guid staffId, CancellationToken cancellationToken) =>
        LoadAsync(Sql.SelectForUpdate, new { Id = staffId }, cancellationToken);

    public Task<StaffMember?> FindByEmailForUpdateAsync(string email, CancellationToken cancellationToken) =>
        LoadAsync(Sql.SelectByEmailForUpdate, new { EmailKey = StaffMember.KeyOf(email) }, cancellationToken);

    public async Task<bool> EmailTakenAsync(string email, CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<int>(Sql.EmailTaken, new { EmailKey = StaffMember.KeyOf(email) }, cancellationToken) == 1;

    public async Task AddAsync(StaffMember member, CancellationToken cancellationToken)
    {
        try
        {
            await db.ExecuteAsync(Sql.Insert, member, cancellationToken);
        }
        catch (DbException ex) when (db.Dialect.IsUniqueViolation(ex))
        {
            // Two invitations of one email at once: the unique index decides, and the loser hears why.
            throw DomainErrors.StaffEmailTaken();
        }
    }

    public Task SaveAsync(StaffMember member, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Sql.Save, member, cancellationToken);

    public async Task<int> CountActiveAdminsForUpdateAsync(CancellationToken cancellationToken) =>
        (int)await db.ExecuteScalarAsync<long>(db.Dialect.Locking(Sql.CountActiveAdmins), null, cancellationToken);

    private async Task<StaffMember?> LoadAsync(string lockingSql, object parameters, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(db.Dialect.Locking(lockingSql), parameters, cancellationToken);
        return row is null
            ? null
            : StaffMember.Rehydrate(row.Id, row.Email, row.Name, row.Role, row.Status, row.PasswordHash, row.FailedSignIns, row.LockedUntil,
                row.SecurityStamp, row.CreatedAt, row.UpdatedAt, row.LastSignInAt);
    }

    /// <summary>A staff_members row as this repository reads it.</summary>
    private sealed class Row
    {
        public Guid Id { get; init; }

        public string Email { get; init; } = "";

        public string Name { get; init; } = "";

        public string Role { get; init; } = "";

        public string Status { get; init; } = "";

        public string? PasswordHash { get; init; }

        public int FailedSignIns { get; init; }

        public DateTime? LockedUntil { get; init; }

        public string SecurityStamp { get; init; } = "";

        public DateTime CreatedAt { get; init; }

        public DateTime UpdatedAt { get; init; }

        public DateTime? LastSignInAt { get; init; }
    }
}
