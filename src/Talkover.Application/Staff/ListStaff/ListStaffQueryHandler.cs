using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Application.Staff.ListStaff;

internal sealed class ListStaffQueryHandler(IStaffQueries queries, IMapper mapper) : IRequestHandler<ListStaffQuery, Paged<StaffMemberDto>>
{
    public async Task<Paged<StaffMemberDto>> Handle(ListStaffQuery query, CancellationToken cancellationToken)
    {
        var (items, total) = await queries.ListAsync(query.Page, cancellationToken);
        return new Paged<StaffMemberDto>(mapper.Map<IReadOnlyList<StaffMemberDto>>(items), PageMeta.For(query.Page, total));
    }
}
