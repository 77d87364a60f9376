namespace Talkover.Domain.Environments;

/// <summary>A customer's environment: the tenant that owns numbers, agents and release requests.</summary>
public sealed record TenantEnvironment(Guid Id, string Name, string Plan, DateTime CreatedAt);

public static class Plans
{
    public const string Standard = "standard";
    public const string Professional = "professional";
    public const string Enterprise = "enterprise";

    public static readonly IReadOnlyList<string> All = [Standard, Professional, Enterprise];
}

/// <summary>An environment token as stored: only its SHA-256 hash, never the secret.</summary>
public sealed record EnvironmentToken(Guid Id, Guid EnvironmentId, string TokenHash, DateTime CreatedAt, DateTime? RevokedAt);
