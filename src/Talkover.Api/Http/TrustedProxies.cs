using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Talkover.Api.Http;

/// <summary>
/// <c>ForwardedHeaders:KnownProxies</c>: the load balancers and proxies (addresses, or networks in CIDR form)
/// whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. From any other sender those
/// headers are ignored and the socket's address is the client's, so nobody picks their own rate-limit bucket.
/// </summary>
public sealed record TrustedProxies(IReadOnlyList<IPAddress> Addresses, IReadOnlyList<System.Net.IPNetwork> Networks)
{
    public static readonly TrustedProxies None = new([], []);

    public bool IsEmpty => Addresses.Count == 0 && Networks.Count == 0;

    /// <summary>Reads the comma-separated list; an entry that is neither an address nor a network stops the service at start.</summary>
    public static TrustedProxies Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        var addresses = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPAddress.TryParse(entry, out var address) && !entry.Contains('/', StringComparison.Ordinal))
            {
                addresses.Add(address);
            }
            else if (System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else
            {
                throw new InvalidOperationException($"ForwardedHeaders:KnownProxies entry '{entry}' is not an IP address or a CIDR network.");
            }
        }

        return new TrustedProxies(addresses, networks);
    }

    /// <summary>The framework's forwarded-headers options trusting exactly these senders (not the default loopback).</summary>
    public void Apply(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var address in Addresses)
        {
            options.KnownProxies.Add(address);
        }

        foreach (var network in Networks)
        {
            options.KnownIPNetworks.Add(network);
        }

        // Walk back through the chain while each hop is a trusted proxy (a load balancer in front of a
        // reverse proxy, say); the first untrusted hop is the client. Entries a client wrote itself sit to
        // the left of that and are never reached.
        options.ForwardLimit = null;
    }
}
