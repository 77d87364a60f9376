using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Application.Staff;

namespace Talkover.Infrastructure.Persistence.Queries;

internal sealed class StaffQueries(DbSession db) : IStaffQueries
{
    /// <summary>Every member, oldest first: ix_staff_members_created (created_at, id) walked in order.</summary>
    internal static readonly ListStatement List = new()
    {
        Name = "StaffQueries.List",
        Table = "staff_members",
        Alias = "s",
        Columns = Sql.Columns,
        SortColumn = "s.created_at",
        IdColumn = "s.id",
        Counted = new HashSet<int> { 0 },
    };

    internal static class Sql
    {
        internal const string Columns = "s.id, s.email, s.name, s.role, s.status, s.created_at, s.last_sign_in_at";

        public const string ById = $"""
            SELECT {Columns}
            FROM staff_members s
            WHERE s.id = @Id
            """;
    }

    public Task<ListSlice<StaffMemberReadModel>> ListAsync(ListWindow window, CancellationToken cancellationToken) =>
        db.QueryListAsync<StaffMemberReadModel>(new ListRequest(List).CountedBy(ListCounters.Everywhere, "staff_members"), window, cancellationToken);

    public Task<StaffMemberReadModel?> GetAsync(Guid staffId, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<StaffMemberReadModel>(Sql.ById, new { Id = staffId }, cancellationToken);
}
