using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;

namespace Talkover.Application.ReleaseRequests.Review.GetReviewRequest;

internal sealed class GetReviewRequestQueryHandler(IReleaseRequestQueries queries, IMapper mapper)
    : IRequestHandler<GetReviewRequestQuery, AdminReleaseRequestDto>
{
    public async Task<AdminReleaseRequestDto> Handle(GetReviewRequestQuery query, CancellationToken cancellationToken)
    {
        var model = await queries.GetAsync(query.RequestId.Value, null, cancellationToken) ?? throw DomainErrors.ReleaseRequestNotFound();
        var history = await queries.HistoryAsync(model.Id, cancellationToken);
        return mapper.Map<AdminReleaseRequestDto>(model) with { History = mapper.Map<IReadOnlyList<ReleaseRequestHistoryDto>>(history) };
    }
}
