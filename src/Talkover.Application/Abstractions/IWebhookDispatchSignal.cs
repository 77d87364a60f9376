namespace Talkover.Application.Abstractions;

/// <summary>Wakes this instance's webhook dispatcher: deliveries were just committed, or queued again.</summary>
public interface IWebhookDispatchSignal
{
    void Notify();
}
