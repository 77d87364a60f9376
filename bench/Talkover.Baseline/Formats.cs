using System.Collections.Concurrent;
using PhoneNumbers;

namespace Talkover.Baseline;

/// <summary>
/// A number's national and international display formats, by libphonenumber, remembered per number
/// as the service remembers them (parsing is the costly part of a list page).
/// </summary>
internal static class Formats
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly ConcurrentDictionary<string, (string National, string International)> Known = new(StringComparer.Ordinal);

    public static (string National, string International) Of(string e164) => Known.GetOrAdd(e164, Compute);

    private static (string National, string International) Compute(string e164)
    {
        try
        {
            var parsed = Util.Parse(e164, null);
            return (Util.Format(parsed, PhoneNumberFormat.NATIONAL), Util.Format(parsed, PhoneNumberFormat.INTERNATIONAL));
        }
        catch (NumberParseException)
        {
            return (e164, e164);
        }
    }
}
