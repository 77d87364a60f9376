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
        var status = query.Status.ValueOr(ReleaseRequestStatus.Pending)!;
        Guid? environmentId = query.EnvironmentId.IsProvided ? query.EnvironmentId.Value : null;
        var numberContains = string.IsNullOrEmpty(search) ? null : search;
        var scope = ListCursor.Scope("review_queue", status, environmentId, numberContains);
        var window = ListCursor.Window(query.Page, scope);
        var slice = await queries.ListQueueAsync(status, environmentId, numberContains, window, cancellationToken);
        return Paged.From(slice, window, scope, r => (r.RequestedAt, r.Id), mapper.Map<IReadOnlyList<AdminReleaseRequestDto>>);
    }
}
