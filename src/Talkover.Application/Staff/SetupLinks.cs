using Talkover.Application.Abstractions;
using Talkover.Domain.Staff;

namespace Talkover.Application.Staff;

/// <summary>Issues a member's setup link: a random token kept only as its hash, the member's earlier links retired.</summary>
internal sealed class SetupLinks(IStaffCredentialRepository credentials, IAccessTokenService tokens, IConsoleLinks links)
{
    public async Task<SetupLinkDto> IssueAsync(Guid staffId, DateTime now, CancellationToken cancellationToken)
    {
        var token = tokens.IssueSetupToken();
        var link = new StaffSetupLink(Guid.CreateVersion7(), staffId, token.Hash, now, now + StaffSetupLink.Lifetime, null);
        await credentials.AddSetupLinkAsync(link, cancellationToken);
        return new SetupLinkDto { SetupUrl = links.SetupUrl(token.Secret), ExpiresAt = link.ExpiresAt };
    }
}
