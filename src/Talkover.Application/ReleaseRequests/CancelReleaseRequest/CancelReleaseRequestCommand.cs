using Talkover.Application.Abstractions;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests.CancelReleaseRequest;

/// <summary>A customer withdraws a pending release request; the number can then be requested again.</summary>
public sealed record CancelReleaseRequestCommand(Guid EnvironmentId, Input<Guid> RequestId, Input<string> Note, Actor Actor) : ICommand<ReleaseRequestDto>;
