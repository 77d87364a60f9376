using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Talkover.Application.Abstractions;
using Talkover.Domain.Webhooks;
using Talkover.Infrastructure.Webhooks;

namespace Talkover.Api.Webhooks;

/// <summary>
/// Sends the outbox's deliveries. Each round claims the due deliveries with a lease (one UPDATE, so several
/// instances on one database never claim the same delivery), POSTs each one signed, and records the outcome:
/// delivered on any 2xx, otherwise due again after the next pause of the retry schedule (±10 %), and failed
/// after the last. It wakes on its interval or at once when a command of this instance commits deliveries.
/// On shutdown an attempt in flight is abandoned to its lease, and sent again once the lease runs out.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    WebhookOptions options,
    WebhookDispatchSignal signal,
    IWebhookSecrets secrets,
    IWebhookDeliveryObserver observer,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";

    /// <summary>The most of a receiver's answer (or of an error) a delivery keeps.</summary>
    public const int MaxErrorBytes = 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A database fault must not stop delivery for good: the next round tries again.
                logger.LogWarning("Webhook deliveries could not be dispatched ({Error}); trying again shortly", ex.GetType().Name);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // A full batch means more may be due already.
            if (claimed < options.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(options.DispatchInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round: claims what is due, sends it, records the outcomes; returns how many were claimed.</summary>
    // Time to record an attempt's outcome after it ends, within the lease.
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(2);

    public async Task<int> DispatchDueAsync(CancellationToken stoppingToken)
    {
        var leaseOwner = Guid.NewGuid();
        IReadOnlyList<ClaimedDelivery> claimed;
        DateTime leaseEnds;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = clock.GetUtcNow().UtcDateTime;
            leaseEnds = now + options.Lease;
            claimed = await scope.ServiceProvider.GetRequiredService<WebhookDeliveryStore>()
                .ClaimAsync(leaseOwner, now, leaseEnds, options.BatchSize, stoppingToken);
        }

        if (claimed.Count == 0)
        {
            return 0;
        }

        using var sends = new SemaphoreSlim(options.MaxConcurrentSends);
        await Task.WhenAll(claimed.Select(async delivery =>
        {
            await sends.WaitAsync(CancellationToken.None);
            try
            {
                await DeliverAsync(delivery, leaseOwner, leaseEnds, stoppingToken);
            }
            finally
            {
                sends.Release();
            }
        }));
        return claimed.Count;
    }

    private async Task DeliverAsync(ClaimedDelivery delivery, Guid leaseOwner, DateTime leaseEnds, CancellationToken stoppingToken)
    {
        // An attempt starts only if it can end within the lease: one that waited behind slow receivers is left
        // to the lease's end, when whichever instance claims it next sends it, so it is never sent twice at once.
        if (stoppingToken.IsCancellationRequested || clock.GetUtcNow().UtcDateTime + WebhookOptions.AttemptTimeout + LeaseMargin > leaseEnds)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        int? statusCode = null;
        string? error;
        try
        {
            (statusCode, error) = await SendAsync(delivery, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return; // left to its lease
        }
        catch (Exception ex)
        {
            error = Describe(ex);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = statusCode is >= 200 and < 300
            ? new DeliveryOutcome(WebhookDeliveryStatus.Delivered, delivery.RetryStep, null, statusCode, null, now)
            : Failed(delivery.RetryStep + 1, now, statusCode, error);
        observer.Attempted(outcome.Status == WebhookDeliveryStatus.Pending ? "retrying" : outcome.Status, statusCode, Stopwatch.GetElapsedTime(started));

        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<WebhookDeliveryStore>().RecordAsync(delivery.Id, leaseOwner, outcome, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Not recorded: the lease runs out and the delivery is sent again (at least once, receivers dedupe by webhook-id).
            logger.LogWarning("A webhook delivery's outcome could not be recorded ({Error}); it will be sent again", ex.GetType().Name);
        }
    }

    private DeliveryOutcome Failed(int failures, DateTime now, int? statusCode, string? error)
    {
        if (failures > options.RetrySchedule.Count)
        {
            return new DeliveryOutcome(WebhookDeliveryStatus.Failed, failures, null, statusCode, error, null);
        }

        var jitter = 0.9 + (Random.Shared.NextDouble() * 0.2);
        return new DeliveryOutcome(WebhookDeliveryStatus.Pending, failures, now + (options.RetrySchedule[failures - 1] * jitter), statusCode, error, null);
    }

    private async Task<(int StatusCode, string? Error)> SendAsync(ClaimedDelivery delivery, CancellationToken stoppingToken)
    {
        var url = new Uri(delivery.Url, UriKind.Absolute);
        if (url.Scheme != Uri.UriSchemeHttps && !options.AllowInsecureUrls)
        {
            throw new HttpRequestException("The webhook's URL is not https; it is not contacted.");
        }

        var id = delivery.EventId.ToString("D");
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.IdHeader, id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secrets.Unprotect(delivery.SecretProtected), id, timestamp, delivery.Body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Talkover-Webhooks", "1"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(WebhookOptions.AttemptTimeout);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return status is >= 200 and < 300 ? (status, null) : (status, await ReadStartAsync(response, timeout.Token));
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No answer within {WebhookOptions.AttemptTimeout.TotalSeconds:0} s.");
        }
    }

    /// <summary>The first <see cref="MaxErrorBytes"/> of the receiver's answer, as text.</summary>
    private static async Task<string?> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxErrorBytes];
            var read = 0;
            int chunk;
            while (read < buffer.Length && (chunk = await body.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
            {
                read += chunk;
            }

            return read == 0 ? null : Truncate(Encoding.UTF8.GetString(buffer, 0, read));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            return null;
        }
    }

    private static string Describe(Exception ex) => Truncate(ex switch
    {
        TimeoutException timeout => timeout.Message,
        HttpRequestException { InnerException: HttpRequestException inner } => inner.Message,
        HttpRequestException request => request.Message,
        _ => ex.GetType().Name,
    });

    /// <summary>At most <see cref="MaxErrorBytes"/> bytes of UTF-8, cut between characters.</summary>
    internal static string Truncate(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) <= MaxErrorBytes)
        {
            return text;
        }

        var length = Math.Min(text.Length, MaxErrorBytes);
        while (Encoding.UTF8.GetByteCount(text.AsSpan(0, length)) > MaxErrorBytes || (length > 0 && char.IsHighSurrogate(text[length - 1])))
        {
            length--;
        }

        return text[..length];
    }
}
