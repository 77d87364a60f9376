using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;

namespace Talkover.Application.ReleaseRequests.GetReleaseRequest;

internal sealed class GetReleaseRequestQueryHandler(IReleaseRequestQueries queries, IMapper mapper)
    : IRequestHandler<GetReleaseRequestQuery, ReleaseRequestDto>
{
    public async Task<ReleaseRequestDto> Handle(GetReleaseRequestQuery query, CancellationToken cancellationToken)
    {
        var model = await queries.GetAsync(query.RequestId.Value, query.EnvironmentId, cancellationToken)
            ?? throw DomainErrors.ReleaseRequestNotFound();
        return mapper.Map<ReleaseRequestDto>(model);
    }
}
