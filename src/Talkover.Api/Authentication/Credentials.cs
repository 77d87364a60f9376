using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Talkover.Api.Authentication;

public static class CredentialKinds
{
    public const string ClaimType = "talkover:kind";
    public const string Environment = "environment";
    public const string Admin = "admin";
}

public static class Policies
{
    public const string Tenant = "tenant";
    public const string Admin = "admin";
}

public static class TalkoverClaims
{
    public const string EnvironmentIdClaim = "talkover:environment_id";
    public const string TokenIdClaim = "talkover:token_id";
    public const string PlanClaim = "talkover:plan";

    public static Guid EnvironmentId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(EnvironmentIdClaim) ?? throw new InvalidOperationException("Not an environment credential."));
}

/// <summary>
/// The admin credential as the running service holds it: only its SHA-256 hash. A presented key is
/// hashed and compared in constant time, so timing does not reveal it.
/// </summary>
public sealed class AdminKey
{
    public const int MinLength = 32;

    private readonly byte[]? _hash;

    public AdminKey(string? key) => _hash = key is null ? null : Hash(key);

    public bool IsConfigured => _hash is not null;

    public bool Matches(string presented) => _hash is not null && CryptographicOperations.FixedTimeEquals(_hash, Hash(presented));

    /// <summary>A stable, non-secret name for this key (it changes when the key is rotated).</summary>
    public string ScopeName => _hash is null ? "admin" : "admin:" + Convert.ToHexStringLower(SHA256.HashData(_hash).AsSpan(0, 8));

    /// <summary>A 256-bit key for one purpose, derived from the admin key; usable only by whoever holds the admin key.</summary>
    public byte[] DeriveKey(string purpose, string salt) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _hash ?? throw new InvalidOperationException("No admin key is configured."), 32,
            Encoding.UTF8.GetBytes(salt), Encoding.UTF8.GetBytes(purpose));

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
