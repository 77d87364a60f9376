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
        var status = query.Status.ValueOr(null);
        Guid? phoneNumberId = query.PhoneNumberId.IsProvided ? query.PhoneNumberId.Value : null;
        var scope = ListCursor.Scope("release_requests", query.EnvironmentId, status, phoneNumberId);
        var window = ListCursor.Window(query.Page, scope);
        var slice = await queries.ListForEnvironmentAsync(query.EnvironmentId, status, phoneNumberId, window, cancellationToken);
        return Paged.From(slice, window, scope, r => (r.RequestedAt, r.Id), mapper.Map<IReadOnlyList<ReleaseRequestDto>>);
    }
}
