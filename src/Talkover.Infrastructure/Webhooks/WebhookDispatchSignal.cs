using System.Threading.Channels;
using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Webhooks;

/// <summary>Wakes this instance's dispatcher at once when a command commits deliveries, instead of at its next poll.</summary>
public sealed class WebhookDispatchSignal : IWebhookDispatchSignal
{
    private readonly Channel<bool> _wakes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _wakes.Writer.TryWrite(true);

    /// <summary>Waits until notified or until <paramref name="timeout"/> has passed; true when notified.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _wakes.Reader.ReadAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
