namespace Talkover.Application.PhoneNumbers.ListPhoneNumbers;

/// <summary>The filters as the read side takes them; null means "any".</summary>
public sealed record PhoneNumberFilter(string? Type, bool? HasVoice, bool? HasWhatsapp, string? NumberContains, Guid? Id);
