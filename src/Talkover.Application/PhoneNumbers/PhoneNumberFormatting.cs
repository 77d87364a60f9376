using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Talkover.Application.PhoneNumbers;

/// <summary>E.164 parsing and display formats, by libphonenumber.</summary>
public static class PhoneNumberFormatting
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly Regex E164Shape = new(@"^\+[1-9][0-9]{1,14}$", RegexOptions.CultureInvariant);

    /// <summary>
    /// The problem with a number given for provisioning, or null when it is strict E.164 and a
    /// possible number of <paramref name="regionCode"/>. "Possible" (length and shape) rather than
    /// "valid", so fictional 555 numbers such as +15551234567 are accepted.
    /// </summary>
    public static string? E164Problem(string number, string regionCode)
    {
        if (!E164Shape.IsMatch(number))
        {
            return "must be in E.164 format, e.g. +15551234567";
        }

        if (!IsKnownRegion(regionCode))
        {
            return null; // country_code reports its own error
        }

        try
        {
            var parsed = Util.Parse(number, regionCode);
            if (Util.GetCountryCodeForRegion(regionCode) != parsed.CountryCode)
            {
                return $"is not a {regionCode} number";
            }

            return Util.IsPossibleNumber(parsed) ? null : $"is not a possible {regionCode} number";
        }
        catch (NumberParseException)
        {
            return "must be in E.164 format, e.g. +15551234567";
        }
    }

    /// <summary>ISO 3166-1 alpha-2 codes libphonenumber knows (uppercase).</summary>
    public static bool IsKnownRegion(string regionCode) => Util.GetSupportedRegions().Contains(regionCode);

    public static string National(string e164) => Format(e164, PhoneNumberFormat.NATIONAL);

    public static string International(string e164) => Format(e164, PhoneNumberFormat.INTERNATIONAL);

    // A number's display formats never change, and parsing is the costly part of a list page, so
    // formats are remembered per number. The cache is bounded: past the limit it starts over.
    private const int MaxCachedNumbers = 100_000;
    private static readonly ConcurrentDictionary<string, (string National, string International)> Formats = new(StringComparer.Ordinal);
    private static int _cached;

    private static string Format(string e164, PhoneNumberFormat format)
    {
        if (!Formats.TryGetValue(e164, out var formats))
        {
            formats = Compute(e164);
            if (Interlocked.Increment(ref _cached) > MaxCachedNumbers)
            {
                Formats.Clear();
                Interlocked.Exchange(ref _cached, 0);
            }

            Formats[e164] = formats;
        }

        return format == PhoneNumberFormat.NATIONAL ? formats.National : formats.International;
    }

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
