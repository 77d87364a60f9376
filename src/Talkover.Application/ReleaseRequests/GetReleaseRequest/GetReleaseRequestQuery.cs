using Talkover.Application.Abstractions;

namespace Talkover.Application.ReleaseRequests.GetReleaseRequest;

public sealed record GetReleaseRequestQuery(Guid EnvironmentId, Input<Guid> RequestId) : IQuery<ReleaseRequestDto>;
