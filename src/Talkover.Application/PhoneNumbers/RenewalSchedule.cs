namespace Talkover.Application.PhoneNumbers;

/// <summary>Monthly renewal countdown: days left until <c>renewal_date</c> (0 once it has passed); due on or after that day.</summary>
public static class RenewalSchedule
{
    public static int? DaysUntil(DateOnly? renewalDate, DateOnly today) =>
        renewalDate is { } date ? Math.Max(0, date.DayNumber - today.DayNumber) : null;

    public static bool IsDue(DateOnly? renewalDate, DateOnly today) => renewalDate is { } date && date <= today;
}
