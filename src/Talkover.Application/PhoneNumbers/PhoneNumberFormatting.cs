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

    private static string Format(string e164, PhoneNumberFormat format)
    {
        try
        {
            return Util.Format(Util.Parse(e164, null), format);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}
