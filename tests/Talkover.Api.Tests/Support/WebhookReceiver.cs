using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Talkover.Api.Tests.Support;

/// <summary>
/// A customer's webhook endpoint on loopback: records every request it gets (headers, body, time) and answers
/// with the status <see cref="Respond"/> picks (200 unless told otherwise).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        Port = ServiceProcess.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hooks";

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>The status to answer a request with, given how many came before it.</summary>
    public Func<int, int> Respond { get; set; } = _ => 200;

    /// <summary>Waits until <paramref name="count"/> requests have come, or fails after <paramref name="timeout"/>.</summary>
    public async Task<ReceivedWebhook[]> WaitForAsync(int count, TimeSpan timeout, Func<ReceivedWebhook, bool>? which = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var matching = Received.Where(which ?? (_ => true)).ToArray();
            if (matching.Length >= count)
            {
                return matching;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new AssertionException($"Only {matching.Length} of {count} webhook requests came within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(25);
        }
    }

    private async Task LoopAsync()
    {
        var seen = 0;
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var status = Respond(Interlocked.Increment(ref seen) - 1);
            Received.Enqueue(new ReceivedWebhook(
                context.Request.Headers["webhook-id"] ?? "",
                context.Request.Headers["webhook-timestamp"] ?? "",
                context.Request.Headers["webhook-signature"] ?? "",
                context.Request.ContentType ?? "",
                body,
                DateTime.UtcNow,
                status));
            context.Response.StatusCode = status;
            var answer = Encoding.UTF8.GetBytes(status == 200 ? "ok" : "receiver says no");
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}

/// <summary>One request a receiver got, and what it answered.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string ContentType, string Body, DateTime At, int AnsweredStatus);

/// <summary>
/// A receiver's check of a signature, written from the Standard Webhooks specification alone: the signed content
/// is <c>{webhook-id}.{webhook-timestamp}.{body}</c>, the key is the base64 part of the secret after <c>whsec_</c>,
/// the signature HMAC-SHA256, base64, after <c>v1,</c>; the header may hold several, space-separated.
/// </summary>
public static class StandardWebhooksVerifier
{
    public static bool Verify(string secret, string id, string timestamp, string body, string signatureHeader)
    {
        const string prefix = "whsec_";
        if (!secret.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        using var hmac = new HMACSHA256(Convert.FromBase64String(secret[prefix.Length..]));
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes(id + "." + timestamp + "." + body));
        foreach (var candidate in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = candidate.Split(',', 2);
            if (parts.Length == 2 && parts[0] == "v1" && CryptographicOperations.FixedTimeEquals(expected, SafeFromBase64(parts[1])))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] SafeFromBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
