using Talkover.Domain.PhoneNumbers;

namespace Talkover.Infrastructure.Tests.Support;

internal static class TestData
{
    private static long _lastNumber = Random.Shared.NextInt64(1_000_000, 9_000_000);

    /// <summary>A fixed instant with every 100 ns tick set, so a lost fraction digit shows.</summary>
    public static readonly DateTime Now = new DateTime(2026, 11, 27, 8, 17, 25, DateTimeKind.Utc).AddTicks(9_058_531);

    public const string Reason = "Customer is porting the number out";

    /// <summary>An E.164 number no other test of this run uses.</summary>
    public static string UniqueE164() => $"+1555{Interlocked.Increment(ref _lastNumber):D7}";

    public static PhoneNumberProfile FullProfile() => new(
        CountryCode: "US",
        Type: PhoneNumberTypes.Voice,
        HasVoice: true,
        HasSms: false,
        HasMms: true,
        HasFax: false,
        HasWhatsapp: true,
        IsSandbox: false,
        CurrentPrice: 1.2345m,
        Currency: "USD",
        RenewalDate: new DateOnly(2027, 1, 31),
        AutoRenewal: true,
        MonthlyRenewalCost: 1234567.8901m);

    public static PhoneNumberProfile MinimalProfile() => new(
        CountryCode: "GB",
        Type: "sms",
        HasVoice: false,
        HasSms: true,
        HasMms: false,
        HasFax: true,
        HasWhatsapp: false,
        IsSandbox: true,
        CurrentPrice: null,
        Currency: null,
        RenewalDate: null,
        AutoRenewal: false,
        MonthlyRenewalCost: null);
}
