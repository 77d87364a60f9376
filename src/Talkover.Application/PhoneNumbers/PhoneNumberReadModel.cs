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

public sealed record AssignedAgentReadModel(Guid Id, string Name, string Direction);

public interface IPhoneNumberQueries
{
    /// <summary>An active number of the environment with its agents, or null (unknown, released or another environment's).</summary>
    Task<PhoneNumberReadModel?> GetAsync(Guid environmentId, Guid phoneNumberId, CancellationToken cancellationToken);

    /// <summary>A page of the environment's active numbers, newest first, with their agents.</summary>
    Task<(IReadOnlyList<PhoneNumberReadModel> Items, long Total)> ListAsync(
        Guid environmentId, ListPhoneNumbers.PhoneNumberFilter filter, Common.PageRequest page, CancellationToken cancellationToken);
}
