namespace Talkover.Domain.PhoneNumbers;

public static class PhoneNumberStatus
{
    public const string Active = "active";
    public const string Released = "released";
}
