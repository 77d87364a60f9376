using System.Net;
using System.Net.Sockets;

namespace Talkover.Infrastructure.Webhooks;

/// <summary>
/// Which addresses a webhook may reach: public unicast ones only. Loopback, private, link-local, CGNAT,
/// unspecified, multicast and reserved addresses are refused, in IPv4, IPv6, and IPv6 forms that carry an
/// IPv4 address (mapped <c>::ffff:a.b.c.d</c>, compatible <c>::a.b.c.d</c>, SIIT <c>::ffff:0:a.b.c.d</c>, NAT64
/// <c>64:ff9b::/96</c>, 6to4 <c>2002::/16</c>); Teredo and local-use NAT64, whose target cannot be checked, are refused.
/// </summary>
public static class NetworkAddresses
{
    /// <summary>Why the address may not be reached (e.g. "loopback"), or null when it is a public address.</summary>
    public static string? Restriction(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv4MappedToIPv6)
            {
                return Restriction(address.MapToIPv4());
            }

            var bytes = address.GetAddressBytes();
            if (IPAddress.IPv6Any.Equals(address))
            {
                return "unspecified";
            }

            if (IPAddress.IPv6Loopback.Equals(address))
            {
                return "loopback";
            }

            // ::a.b.c.d (IPv4-compatible, deprecated), ::ffff:0:a.b.c.d (SIIT) and 64:ff9b::a.b.c.d (NAT64) reach an IPv4 address.
            if (bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0
                || (bytes.AsSpan(0, 8).IndexOfAnyExcept((byte)0) < 0 && bytes[8] == 0xff && bytes[9] == 0xff && bytes[10] == 0 && bytes[11] == 0)
                || (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0))
            {
                return Restriction(new IPAddress(bytes.AsSpan(12, 4)));
            }

            // 6to4 (2002:a.b.c.d::/48) carries its IPv4 address in bytes 2-5.
            if (bytes[0] == 0x20 && bytes[1] == 0x02)
            {
                return Restriction(new IPAddress(bytes.AsSpan(2, 4)));
            }

            // Teredo (2001:0::/32) hides its client's address; local-use NAT64 (64:ff9b:1::/48) maps a network of the operator's.
            if ((bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0 && bytes[3] == 0)
                || (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes[4] == 0 && bytes[5] == 1))
            {
                return "a tunnel or translation to an address that cannot be checked";
            }

            return (bytes[0] & 0xfe) == 0xfc ? "private"
                : bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80 ? "link-local"
                : bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0xc0 ? "private"
                : bytes[0] == 0xff ? "multicast"
                : null;
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return "not an IP address";
        }

        var b = address.GetAddressBytes();
        return b[0] == 0 ? "unspecified"
            : b[0] == 127 ? "loopback"
            : b[0] == 10 || (b[0] == 172 && (b[1] & 0xf0) == 16) || (b[0] == 192 && b[1] == 168) ? "private"
            : b[0] == 169 && b[1] == 254 ? "link-local"
            : b[0] == 100 && (b[1] & 0xc0) == 64 ? "CGNAT"
            : (b[0] == 198 && (b[1] & 0xfe) == 18) || (b[0] == 192 && b[1] == 0 && b[2] == 0) ? "reserved"
            : b[0] >= 224 ? "multicast or reserved"
            : null;
    }

    /// <summary>
    /// The address a URL's host names literally, in any form a client library might accept (dotted, hex,
    /// octal, a single number, bracketed IPv6), or null when the host is a name to resolve.
    /// </summary>
    public static IPAddress? Literal(Uri url)
    {
        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(url.DnsSafeHost.Trim('[', ']'), out var parsed))
        {
            return parsed;
        }

        // IPAddress.TryParse takes forms Uri may leave as names (0x7f.1, 2130706433, 017700000001).
        return IPAddress.TryParse(url.DnsSafeHost, out var literal) ? literal : null;
    }
}
