using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Application.Staff;

namespace Talkover.Infrastructure.Persistence.Queries;

internal sealed class StaffQueries(DbSession db) : IStaffQueries
{
    internal static class Sql
    {
        private const string Columns = "s.id, s.email, s.name, s.role, s.status, s.created_at, s.last_sign_in_at";

        public const string ListPage = $"""
            SELECT {Columns}
            FROM staff_members s
            ORDER BY s.created_at, s.id
            {SqlDialect.PageMarker}
            """;

        public const string ListCount = "SELECT COUNT(*) FROM staff_members";

        public const string ById = $"""
            SELECT {Columns}
            FROM staff_members s
            WHERE s.id = @Id
            """;
    }

    public async Task<(IReadOnlyList<StaffMemberReadModel> Items, long Total)> ListAsync(PageRequest page, CancellationToken cancellationToken) =>
        await db.QueryPageAsync<StaffMemberReadModel>(Sql.ListPage, Sql.ListCount, new { page.Skip, Take = page.Size }, cancellationToken);

    public Task<StaffMemberReadModel?> GetAsync(Guid staffId, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<StaffMemberReadModel>(Sql.ById, new { Id = staffId }, cancellationToken);
}
