using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests.Review.ListReviewQueue;

internal sealed class ListReviewQueueQueryHandler(IReleaseRequestQueries queries, IMapper mapper)
    : IRequestHandler<ListReviewQueueQuery, Paged<AdminReleaseRequestDto>>
{
    public async Task<Paged<AdminReleaseRequestDto>> Handle(ListReviewQueueQuery query, CancellationToken cancellationToken)
    {
        var search = query.Search.ValueOr(null)?.Trim();
        var (items, total) = await queries.ListQueueAsync(
            query.Status.ValueOr(ReleaseRequestStatus.Pending)!,
            query.EnvironmentId.IsProvided ? query.EnvironmentId.Value : null,
            string.IsNullOrEmpty(search) ? null : search,
            query.Page,
            cancellationToken);
        return new Paged<AdminReleaseRequestDto>(mapper.Map<IReadOnlyList<AdminReleaseRequestDto>>(items), PageMeta.For(query.Page, total));
    }
}
