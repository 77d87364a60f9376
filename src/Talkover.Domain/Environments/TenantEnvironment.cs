namespace Talkover.Domain.Environments;

/// <summary>A customer's environment: the tenant that owns numbers, agents and release requests.</summary>
public sealed record TenantEnvironment(Guid Id, string Name, string Plan, DateTime CreatedAt);
