using AutoMapper;

namespace Talkover.Application.PhoneNumbers;

public static class PhoneNumberMapping
{
    public static PhoneNumberDto MapPhoneNumber(this IMapper mapper, PhoneNumberReadModel model, TimeProvider clock) =>
        mapper.Map<PhoneNumberDto>(model, options => options.Items[PhoneNumberMappingProfile.TodayKey] = Today(clock));

    /// <summary>A page of numbers in one mapping pass, all against the same "today".</summary>
    public static IReadOnlyList<PhoneNumberDto> MapPhoneNumbers(this IMapper mapper, IReadOnlyList<PhoneNumberReadModel> models, TimeProvider clock) =>
        mapper.Map<List<PhoneNumberDto>>(models, options => options.Items[PhoneNumberMappingProfile.TodayKey] = Today(clock));

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
