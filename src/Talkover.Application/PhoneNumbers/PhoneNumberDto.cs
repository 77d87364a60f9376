namespace Talkover.Application.PhoneNumbers;

public sealed record PhoneNumberDto
{
    public Guid Id { get; init; }

    public string Number { get; init; } = "";

    public string CountryCode { get; init; } = "";

    public string FormattedNumber { get; init; } = "";

    public string InternationalNumber { get; init; } = "";

    public string Type { get; init; } = "";

    public bool HasVoice { get; init; }

    public bool HasSms { get; init; }

    public bool HasMms { get; init; }

    public bool HasFax { get; init; }

    public bool HasWhatsapp { get; init; }

    public string CurrentStatus { get; init; } = "";

    public bool IsSandbox { get; init; }

    public decimal? CurrentPrice { get; init; }

    public string? Currency { get; init; }

    public DateOnly? RenewalDate { get; init; }

    public bool AutoRenewal { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    public decimal? MonthlyRenewalCost { get; init; }

    public int? DaysUntilMonthlyRenewal { get; init; }

    public bool IsDueForMonthlyRenewal { get; init; }

    public IReadOnlyList<AssignedAgentDto> Agents { get; init; } = [];

    public Guid? PendingReleaseRequestId { get; init; }
}
