using MediatR;
using Talkover.Application.Abstractions;

namespace Talkover.Application.Staff.CheckSetupLink;

internal sealed class CheckSetupLinkQueryHandler(IStaffCredentialRepository credentials, IAccessTokenService tokens, TimeProvider clock)
    : IRequestHandler<CheckSetupLinkQuery, bool>
{
    public async Task<bool> Handle(CheckSetupLinkQuery query, CancellationToken cancellationToken) =>
        query.Token.ValueOr(null) is { Length: > 0 } token
        && await credentials.FindSetupLinkAsync(tokens.Hash(token), cancellationToken) is { } link
        && link.IsUsable(clock.GetUtcNow().UtcDateTime);
}
