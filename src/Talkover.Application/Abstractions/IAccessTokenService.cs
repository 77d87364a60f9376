namespace Talkover.Application.Abstractions;

public interface IAccessTokenService
{
    /// <summary>Every environment token starts with this.</summary>
    public const string EnvironmentTokenPrefix = "talq_";

    /// <summary>A new environment token: <c>talq_</c> and 32 random bytes, base64url.</summary>
    IssuedSecret IssueEnvironmentToken();

    /// <summary>SHA-256 of the secret, lowercase hex.</summary>
    string Hash(string secret);
}
