namespace Talkover.Domain.PhoneNumbers;

/// <summary>What a provisioned number is and costs; set when it is provisioned.</summary>
public sealed record PhoneNumberProfile(
    string CountryCode,
    string Type,
    bool HasVoice,
    bool HasSms,
    bool HasMms,
    bool HasFax,
    bool HasWhatsapp,
    bool IsSandbox,
    decimal? CurrentPrice,
    string? Currency,
    DateOnly? RenewalDate,
    bool AutoRenewal,
    decimal? MonthlyRenewalCost);
