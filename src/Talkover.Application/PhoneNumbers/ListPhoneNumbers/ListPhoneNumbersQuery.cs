using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Application.PhoneNumbers.ListPhoneNumbers;

/// <summary>The environment's active numbers, newest first. <c>search</c> matches part of the number, or an exact id.</summary>
public sealed record ListPhoneNumbersQuery(
    Guid EnvironmentId,
    Input<string> Type,
    Input<bool> HasVoice,
    Input<bool> HasWhatsapp,
    Input<string> Search,
    PageRequest Page) : IQuery<Paged<PhoneNumberDto>>;
