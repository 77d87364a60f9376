using AutoMapper;

namespace Talkover.Application.PhoneNumbers;

public static class PhoneNumberMapping
{
    public static PhoneNumberDto MapPhoneNumber(this IMapper mapper, PhoneNumberReadModel model, TimeProvider clock)
    {
        object today = Today(clock);
        return mapper.Map<PhoneNumberDto>(model, options => options.State = today);
    }

    /// <summary>
    /// A page of numbers in one mapping pass, all against the same "today". The page is mapped into an
    /// array of its exact length, and "today" travels as the map's state rather than in an items dictionary.
    /// </summary>
    public static IReadOnlyList<PhoneNumberDto> MapPhoneNumbers(this IMapper mapper, IReadOnlyList<PhoneNumberReadModel> models, TimeProvider clock)
    {
        object today = Today(clock);
        return mapper.Map<PhoneNumberDto[]>(models, options => options.State = today);
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
