using AutoMapper;

namespace Talkover.Application.PhoneNumbers;

/// <summary>
/// Derived fields are computed at read time, never stored: the display formats come from
/// libphonenumber, the renewal countdown from the date passed as <see cref="TodayKey"/>.
/// </summary>
public sealed class PhoneNumberMappingProfile : Profile
{
    public const string TodayKey = "today";

    public PhoneNumberMappingProfile()
    {
        CreateMap<AssignedAgentReadModel, AssignedAgentDto>();
        CreateMap<PhoneNumberReadModel, PhoneNumberDto>()
            .ForMember(d => d.FormattedNumber, o => o.MapFrom(s => PhoneNumberFormatting.National(s.Number)))
            .ForMember(d => d.InternationalNumber, o => o.MapFrom(s => PhoneNumberFormatting.International(s.Number)))
            .ForMember(d => d.DaysUntilMonthlyRenewal, o => o.MapFrom((s, _, _, context) => RenewalSchedule.DaysUntil(s.RenewalDate, Today(context))))
            .ForMember(d => d.IsDueForMonthlyRenewal, o => o.MapFrom((s, _, _, context) => RenewalSchedule.IsDue(s.RenewalDate, Today(context))))
            // Most numbers have no agent: they keep the DTO's shared empty list instead of a new one each.
            .ForMember(d => d.Agents, o => o.PreCondition(s => s.Agents.Count != 0));
    }

    // Today's date is the map's state (PhoneNumberMapping); the items dictionary is still read for callers that pass it there.
    private static DateOnly Today(ResolutionContext context) =>
        context.State is DateOnly date ? date
        : context.TryGetItems(out var items) && items.TryGetValue(TodayKey, out var today) && today is DateOnly itemDate ? itemDate
        : throw new InvalidOperationException("Map phone numbers with MapPhoneNumber, which passes today's date.");
}
