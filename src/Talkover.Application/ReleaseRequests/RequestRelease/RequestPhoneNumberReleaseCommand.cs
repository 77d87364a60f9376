using Talkover.Application.Abstractions;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests.RequestRelease;

/// <summary>A customer asks support to release one of the environment's phone numbers.</summary>
public sealed record RequestPhoneNumberReleaseCommand(Guid EnvironmentId, Input<Guid> PhoneNumberId, Input<string> Reason, Actor Actor)
    : ICommand<ReleaseRequestDto>;
