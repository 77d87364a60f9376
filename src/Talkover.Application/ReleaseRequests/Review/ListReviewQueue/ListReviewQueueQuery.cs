using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Application.ReleaseRequests.Review.ListReviewQueue;

/// <summary>Support staff's queue across environments, oldest first; pending unless another status is asked for.</summary>
public sealed record ListReviewQueueQuery(Input<string> Status, Input<Guid> EnvironmentId, PageRequest Page) : IQuery<Paged<AdminReleaseRequestDto>>;
