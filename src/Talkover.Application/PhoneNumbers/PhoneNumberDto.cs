using AutoMapper;

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

public sealed record AssignedAgentDto(Guid Id, string Name, string Direction);

/// <summary>
/// Derived fields are computed at read time, never stored: the display formats come from
/// libphonenumber, the renewal countdown from the date passed as <see cref="TodayKey"/>.
/// </summary>
public sealed class PhoneNumberProfileMap : Profile
{
    public const string TodayKey = "today";

    public PhoneNumberProfileMap()
    {
        CreateMap<AssignedAgentReadModel, AssignedAgentDto>();
        CreateMap<PhoneNumberReadModel, PhoneNumberDto>()
            .ForMember(d => d.FormattedNumber, o => o.MapFrom(s => PhoneNumberFormatting.National(s.Number)))
            .ForMember(d => d.InternationalNumber, o => o.MapFrom(s => PhoneNumberFormatting.International(s.Number)))
            .ForMember(d => d.DaysUntilMonthlyRenewal, o => o.MapFrom((s, _, _, context) => RenewalSchedule.DaysUntil(s.RenewalDate, Today(context))))
            .ForMember(d => d.IsDueForMonthlyRenewal, o => o.MapFrom((s, _, _, context) => RenewalSchedule.IsDue(s.RenewalDate, Today(context))));
    }

    private static DateOnly Today(ResolutionContext context) =>
        context.TryGetItems(out var items) && items.TryGetValue(TodayKey, out var today) && today is DateOnly date
            ? date
            : throw new InvalidOperationException("Map phone numbers with MapPhoneNumber, which passes today's date.");
}

public static class PhoneNumberMapping
{
    public static PhoneNumberDto MapPhoneNumber(this IMapper mapper, PhoneNumberReadModel model, TimeProvider clock) =>
        mapper.Map<PhoneNumberDto>(model, options => options.Items[PhoneNumberProfileMap.TodayKey] = Today(clock));

    /// <summary>A page of numbers in one mapping pass, all against the same "today".</summary>
    public static IReadOnlyList<PhoneNumberDto> MapPhoneNumbers(this IMapper mapper, IReadOnlyList<PhoneNumberReadModel> models, TimeProvider clock) =>
        mapper.Map<List<PhoneNumberDto>>(models, options => options.Items[PhoneNumberProfileMap.TodayKey] = Today(clock));

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
