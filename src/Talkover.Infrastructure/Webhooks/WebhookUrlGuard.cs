using System.Net;
using System.Net.Sockets;
using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Webhooks;

/// <summary>
/// The SSRF guard: a webhook URL must be https (unless <see cref="WebhookOptions.AllowInsecureUrls"/>), and its
/// host must be, and resolve only to, public addresses (unless <see cref="WebhookOptions.AllowPrivateNetworks"/>).
/// The same check runs again at send time on the address actually connected to (<see cref="ConnectAsync"/>),
/// so a name that later resolves elsewhere (DNS rebinding) is still refused.
/// </summary>
public sealed class WebhookUrlGuard(WebhookOptions options) : IWebhookUrlGuard
{
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(5);

    public async Task<string?> ProblemAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && options.AllowInsecureUrls))
        {
            return "must be an https URL";
        }

        if (options.AllowPrivateNetworks)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(url.DnsSafeHost, NetworkAddresses.Literal(url), cancellationToken);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ArgumentException && !cancellationToken.IsCancellationRequested)
        {
            return "has a host name that could not be resolved";
        }

        return addresses.Length == 0 ? "has a host name that could not be resolved"
            : addresses.Select(NetworkAddresses.Restriction).FirstOrDefault(r => r is not null) is { } restriction
                ? $"must not point to a {restriction} address"
            : null;
    }

    /// <summary>
    /// Connects to the host of a request the way <see cref="SocketsHttpHandler.ConnectCallback"/> asks: resolves
    /// it here, refuses it if any of its addresses may not be reached, and connects to the addresses in turn.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var literal = IPAddress.TryParse(host.Trim('[', ']'), out var parsed) ? parsed : null;
        var addresses = await ResolveAsync(host, literal, cancellationToken);
        if (!options.AllowPrivateNetworks && addresses.Select(NetworkAddresses.Restriction).FirstOrDefault(r => r is not null) is { } restriction)
        {
            throw new HttpRequestException($"The webhook's host resolves to a {restriction} address; it is not contacted.");
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, IPAddress? literal, CancellationToken cancellationToken)
    {
        if (literal is not null)
        {
            return [literal];
        }

        // The system resolver does not stop when cancelled (getaddrinfo runs to its own end, 10 s and more
        // against a name server that never answers): the wait for it is what is bounded.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(LookupTimeout);
        return await Dns.GetHostAddressesAsync(host, timeout.Token).WaitAsync(timeout.Token);
    }
}
