using Talkover.Application.PhoneNumbers;
using Talkover.Application.ReleaseRequests;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Api.ReviewConsole;

/// <summary>How the console writes numbers, ages, times and people.</summary>
public static class ConsoleFormat
{
    public const int ReasonPreviewLength = 80;

    /// <summary>The number as people read it (international format), the E.164 form when it cannot be formatted.</summary>
    public static string Number(string e164) => PhoneNumberFormatting.International(e164);

    public static string Shorten(string text) =>
        text.Length <= ReasonPreviewLength ? text : string.Concat(text.AsSpan(0, ReasonPreviewLength - 1).TrimEnd(), "…");

    public static string Age(DateTime since, DateTime now)
    {
        var age = now - since;
        return age.TotalMinutes < 1 ? "just now"
            : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} min"
            : age.TotalDays < 1 ? $"{(int)age.TotalHours} h"
            : $"{(int)age.TotalDays} d";
    }

    /// <summary>UTC, to the minute, as every timestamp of the API is UTC.</summary>
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    public static string Who(ActorDto actor) => actor.Type switch
    {
        Actor.StaffType => $"{actor.Name} ({actor.Email})",
        Actor.CustomerType => "the customer",
        _ => "the system (admin key)",
    };

    /// <summary>Who, without the email: for the one-line notice of someone else's decision.</summary>
    public static string WhoShort(ActorDto actor) => actor.Type switch
    {
        Actor.StaffType => actor.Name ?? "a staff member",
        Actor.CustomerType => "the customer",
        _ => "the system",
    };
}
