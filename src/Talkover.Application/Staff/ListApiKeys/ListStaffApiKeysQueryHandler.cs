using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;

namespace Talkover.Application.Staff.ListApiKeys;

internal sealed class ListStaffApiKeysQueryHandler(IStaffQueries queries, IStaffCredentialRepository credentials, IMapper mapper)
    : IRequestHandler<ListStaffApiKeysQuery, IReadOnlyList<StaffApiKeyDto>>
{
    public async Task<IReadOnlyList<StaffApiKeyDto>> Handle(ListStaffApiKeysQuery query, CancellationToken cancellationToken)
    {
        query.Caller.EnsureMayManageKeysOf(query.StaffId.Value);
        _ = await queries.GetAsync(query.StaffId.Value, cancellationToken) ?? throw DomainErrors.StaffNotFound();
        return mapper.Map<IReadOnlyList<StaffApiKeyDto>>(await credentials.ListApiKeysAsync(query.StaffId.Value, cancellationToken));
    }
}
