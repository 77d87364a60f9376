namespace Talkover.Application.PhoneNumbers;

/// <summary>A phone number row as the read side loads it, before derived fields are computed.</summary>
public sealed record PhoneNumberReadModel
{
    public Guid Id { get; init; }

    public Guid EnvironmentId { get; init; }

    public string Number { get; init; } = "";

    public string CountryCode { get; init; } = "";

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

    public decimal? MonthlyRenewalCost { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    public Guid? PendingReleaseRequestId { get; init; }

    public IReadOnlyList<AssignedAgentReadModel> Agents { get; init; } = [];
}
