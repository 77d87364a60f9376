using Talkover.Application.Abstractions;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests.Review.ApproveReleaseRequest;

/// <summary>Support approves a pending request: the number is released for good, in the same transaction.</summary>
public sealed record ApproveReleaseRequestCommand(Input<Guid> RequestId, Input<string> Note, Actor Actor) : ICommand<AdminReleaseRequestDto>;
