using Talkover.Application.Abstractions;

namespace Talkover.Application.PhoneNumbers.GetPhoneNumber;

public sealed record GetPhoneNumberQuery(Guid EnvironmentId, Input<Guid> PhoneNumberId) : IQuery<PhoneNumberDto>;
