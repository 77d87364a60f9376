using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Application.ReleaseRequests.ListReleaseRequests;

internal sealed class ListReleaseRequestsQueryHandler(IReleaseRequestQueries queries, IMapper mapper)
    : IRequestHandler<ListReleaseRequestsQuery, Paged<ReleaseRequestDto>>
{
    public async Task<Paged<ReleaseRequestDto>> Handle(ListReleaseRequestsQuery query, CancellationToken cancellationToken)
    {
        var (items, total) = await queries.ListForEnvironmentAsync(
            query.EnvironmentId,
            query.Status.ValueOr(null),
            query.PhoneNumberId.IsProvided ? query.PhoneNumberId.Value : null,
            query.Page,
            cancellationToken);
        return new Paged<ReleaseRequestDto>(mapper.Map<IReadOnlyList<ReleaseRequestDto>>(items), PageMeta.For(query.Page, total));
    }
}
