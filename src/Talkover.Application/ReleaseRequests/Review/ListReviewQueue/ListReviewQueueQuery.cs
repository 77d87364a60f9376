using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Application.ReleaseRequests.Review.ListReviewQueue;

/// <summary>
/// Support staff's queue across environments, oldest first; pending unless another status is asked for.
/// <c>search</c> matches part of the E.164 number.
/// </summary>
public sealed record ListReviewQueueQuery(Input<string> Status, Input<Guid> EnvironmentId, Input<string> Search, PageRequest Page)
    : IQuery<Paged<AdminReleaseRequestDto>>;
