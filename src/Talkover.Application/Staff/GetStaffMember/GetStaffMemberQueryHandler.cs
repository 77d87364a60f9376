using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;

namespace Talkover.Application.Staff.GetStaffMember;

internal sealed class GetStaffMemberQueryHandler(IStaffQueries queries, IMapper mapper) : IRequestHandler<GetStaffMemberQuery, StaffMemberDto>
{
    public async Task<StaffMemberDto> Handle(GetStaffMemberQuery query, CancellationToken cancellationToken) =>
        mapper.Map<StaffMemberDto>(await queries.GetAsync(query.StaffId.Value, cancellationToken) ?? throw DomainErrors.StaffNotFound());
}
