using Talkover.Application.Abstractions;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests.Review.RejectReleaseRequest;

/// <summary>Support turns a pending request down, saying why.</summary>
public sealed record RejectReleaseRequestCommand(Input<Guid> RequestId, Input<string> Note, Actor Actor) : ICommand<AdminReleaseRequestDto>;
