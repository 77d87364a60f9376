namespace Talkover.Domain.Webhooks;

/// <summary>Where one event's delivery to one webhook stands; the strings are what the API and the database carry.</summary>
public static class WebhookDeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Pending, Delivered, Failed];
}
