using AutoMapper;
using Talkover.Domain.Common;

namespace Talkover.Application.ReleaseRequests.Review;

internal static class ReviewView
{
    /// <summary>The admin view of a request, history included.</summary>
    public static async Task<AdminReleaseRequestDto> LoadAsync(IReleaseRequestQueries queries, IMapper mapper, Guid requestId, CancellationToken cancellationToken)
    {
        var model = await queries.GetAsync(requestId, null, cancellationToken) ?? throw DomainErrors.ReleaseRequestNotFound();
        var history = await queries.HistoryAsync(requestId, cancellationToken);
        return mapper.Map<AdminReleaseRequestDto>(model) with { History = mapper.Map<IReadOnlyList<ReleaseRequestHistoryDto>>(history) };
    }
}
