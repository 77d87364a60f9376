using AutoMapper;
using MediatR;

namespace Talkover.Application.ReleaseRequests.Review.GetReviewRequest;

internal sealed class GetReviewRequestQueryHandler(IReleaseRequestQueries queries, IMapper mapper)
    : IRequestHandler<GetReviewRequestQuery, AdminReleaseRequestDto>
{
    public async Task<AdminReleaseRequestDto> Handle(GetReviewRequestQuery query, CancellationToken cancellationToken) =>
        await ReviewView.LoadAsync(queries, mapper, query.RequestId.Value, cancellationToken);
}
