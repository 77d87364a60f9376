using Talkover.Domain.Environments;

namespace Talkover.Api.RateLimiting;

/// <summary>The <c>RateLimits</c> section: requests per minute for each plan, for callers without a credential, and for each staff member.</summary>
public sealed class RateLimitOptions
{
    public int StandardPerMinute { get; set; } = 100;

    public int ProfessionalPerMinute { get; set; } = 1000;

    public int EnterprisePerMinute { get; set; } = 10000;

    /// <summary>Per client address, for requests without a valid credential.</summary>
    public int AnonymousPerMinute { get; set; } = 100;

    /// <summary>Per staff member (and for the bootstrap key).</summary>
    public int StaffPerMinute { get; set; } = 1000;

    public int ForPlan(string? plan) => plan switch
    {
        Plans.Professional => ProfessionalPerMinute,
        Plans.Enterprise => EnterprisePerMinute,
        _ => StandardPerMinute,
    };
}
