using Talkover.Application.Abstractions;

namespace Talkover.Application.ReleaseRequests.Review.GetReviewRequest;

/// <summary>One request with every status change it went through.</summary>
public sealed record GetReviewRequestQuery(Input<Guid> RequestId) : IQuery<AdminReleaseRequestDto>;
