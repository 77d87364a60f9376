using System.Security.Cryptography;
using System.Text;

namespace Talkover.Api.Authentication;

/// <summary>
/// Keys derived from the secret the caller presented (the bootstrap key or a staff API key), for data only
/// that caller may read back — such as a stored response that carries a freshly issued secret. The database
/// holds only the credential's SHA-256 hash, from which these keys cannot be derived.
/// </summary>
public sealed class CredentialSecret(string presented)
{
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(presented);

    /// <summary>A 256-bit key for one purpose.</summary>
    public byte[] DeriveKey(string purpose, string salt) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _secret, 32, Encoding.UTF8.GetBytes(salt), Encoding.UTF8.GetBytes(purpose));
}
