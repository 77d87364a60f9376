using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Talkover.Application.Abstractions;

namespace Talkover.Infrastructure.Security;

internal sealed class AccessTokenService : IAccessTokenService
{
    private const int SecretBytes = 32;

    public IssuedSecret IssueEnvironmentToken() => Issue(IAccessTokenService.EnvironmentTokenPrefix);

    public IssuedSecret IssueStaffKey() => Issue(IAccessTokenService.StaffKeyPrefix);

    public IssuedSecret IssueSetupToken() => Issue("");

    public string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private IssuedSecret Issue(string prefix)
    {
        var secret = prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return new IssuedSecret(secret, Hash(secret));
    }
}
