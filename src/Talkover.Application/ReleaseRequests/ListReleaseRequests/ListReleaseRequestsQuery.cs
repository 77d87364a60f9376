using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Application.ReleaseRequests.ListReleaseRequests;

/// <summary>The environment's release requests, newest first, optionally by status and phone number.</summary>
public sealed record ListReleaseRequestsQuery(Guid EnvironmentId, Input<string> Status, Input<Guid> PhoneNumberId, PageRequest Page)
    : IQuery<Paged<ReleaseRequestDto>>;
