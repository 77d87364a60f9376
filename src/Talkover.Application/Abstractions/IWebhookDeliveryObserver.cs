namespace Talkover.Application.Abstractions;

/// <summary>
/// Told the outcome of every delivery attempt, for metrics: <c>delivered</c>, <c>retrying</c> or <c>failed</c>
/// (after the last attempt). The default observer does nothing; a metrics observer replaces it.
/// </summary>
public interface IWebhookDeliveryObserver
{
    void Attempted(string outcome, int? statusCode, TimeSpan duration);
}
