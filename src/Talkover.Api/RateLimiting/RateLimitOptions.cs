using Talkover.Domain.Environments;

namespace Talkover.Api.RateLimiting;

/// <summary>The <c>RateLimits</c> section: requests per minute for each plan.</summary>
public sealed class RateLimitOptions
{
    public int StandardPerMinute { get; set; } = 100;

    public int ProfessionalPerMinute { get; set; } = 1000;

    public int EnterprisePerMinute { get; set; } = 10000;

    public int ForPlan(string? plan) => plan switch
    {
        Plans.Professional => ProfessionalPerMinute,
        Plans.Enterprise => EnterprisePerMinute,
        _ => StandardPerMinute,
    };
}
