namespace Talkover.Application.Abstractions;

/// <summary>Issues the service's secrets (random, shown once) and hashes them for storage and lookup.</summary>
public interface IAccessTokenService
{
    /// <summary>Every environment token starts with this.</summary>
    public const string EnvironmentTokenPrefix = "talq_";

    /// <summary>Every staff API key starts with this.</summary>
    public const string StaffKeyPrefix = "tks_";

    /// <summary>A new environment token: <c>talq_</c> and 32 random bytes, base64url.</summary>
    IssuedSecret IssueEnvironmentToken();

    /// <summary>A new staff API key: <c>tks_</c> and 32 random bytes, base64url.</summary>
    IssuedSecret IssueStaffKey();

    /// <summary>A new setup-link token: 32 random bytes, base64url.</summary>
    IssuedSecret IssueSetupToken();

    /// <summary>SHA-256 of the secret, lowercase hex.</summary>
    string Hash(string secret);
}
