using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Security;

internal sealed class AccessTokenService : IAccessTokenService
{
    private const int SecretBytes = 32;

    public IssuedSecret IssueEnvironmentToken()
    {
        var secret = IAccessTokenService.EnvironmentTokenPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return new IssuedSecret(secret, Hash(secret));
    }

    public string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
