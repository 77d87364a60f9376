using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Application.Staff.ListStaff;

internal sealed class ListStaffQueryHandler(IStaffQueries queries, IMapper mapper) : IRequestHandler<ListStaffQuery, Paged<StaffMemberDto>>
{
    public async Task<Paged<StaffMemberDto>> Handle(ListStaffQuery query, CancellationToken cancellationToken)
    {
        var scope = ListCursor.Scope("staff_members");
        var window = ListCursor.Window(query.Page, scope);
        var slice = await queries.ListAsync(window, cancellationToken);
        return Paged.From(slice, window, scope, s => (s.CreatedAt, s.Id), mapper.Map<IReadOnlyList<StaffMemberDto>>);
    }
}
