namespace Talkover.Application.ReleaseRequests;

/// <summary>Who a history row names as having made the change.</summary>
public static class Actors
{
    public const string Customer = "customer";
    public const string Support = "support";
}
