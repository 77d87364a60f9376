using System.Security.Cryptography;
using System.Text;

namespace Talkover.Api.Authentication;

/// <summary>
/// The bootstrap admin credential as the running service holds it: only its SHA-256 hash. A presented key
/// is hashed and compared in constant time, so timing does not reveal it.
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

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
