namespace Talkover.Domain.PhoneNumbers;

public static class PhoneNumberTypes
{
    public const string Voice = "voice";

    public static readonly IReadOnlyList<string> All = [Voice, "sms", "whatsapp", "mms", "fax"];
}
