using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;

namespace Talkover.Application.Staff.RevokeApiKey;

internal sealed class RevokeStaffApiKeyCommandHandler(
    IStaffRepository staff, IStaffCredentialRepository credentials, ICredentialCache lookups, IMapper mapper, TimeProvider clock)
    : IRequestHandler<RevokeStaffApiKeyCommand, StaffApiKeyDto>
{
    public async Task<StaffApiKeyDto> Handle(RevokeStaffApiKeyCommand command, CancellationToken cancellationToken)
    {
        command.Caller.EnsureMayManageKeysOf(command.StaffId.Value);
        _ = await staff.GetForUpdateAsync(command.StaffId.Value, cancellationToken) ?? throw DomainErrors.StaffNotFound();
        lookups.Forget();
        await credentials.RevokeApiKeyAsync(command.StaffId.Value, command.KeyId.Value, clock.GetUtcNow().UtcDateTime, cancellationToken);

        // Revoking a revoked key again answers with it as it is: the caller's intent holds.
        var key = (await credentials.ListApiKeysAsync(command.StaffId.Value, cancellationToken)).FirstOrDefault(k => k.Id == command.KeyId.Value)
            ?? throw DomainErrors.StaffApiKeyNotFound();
        return mapper.Map<StaffApiKeyDto>(key);
    }
}
