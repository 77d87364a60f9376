using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.Staff.GetCaller;

internal sealed class GetCallerQueryHandler(IStaffQueries queries, IMapper mapper) : IRequestHandler<GetCallerQuery, CallerDto>
{
    public async Task<CallerDto> Handle(GetCallerQuery query, CancellationToken cancellationToken)
    {
        if (query.Caller.StaffId is not { } staffId)
        {
            return new CallerDto { Type = Actor.SystemType, Role = query.Caller.Role };
        }

        var member = await queries.GetAsync(staffId, cancellationToken) ?? throw DomainErrors.StaffNotFound();
        return new CallerDto { Type = Actor.StaffType, Role = member.Role, Staff = mapper.Map<StaffMemberDto>(member) };
    }
}
