using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;
using Talkover.Domain.Staff;

namespace Talkover.Application.Staff.CreateApiKey;

internal sealed class CreateStaffApiKeyCommandHandler(
    IStaffRepository staff,
    IStaffCredentialRepository credentials,
    IAccessTokenService tokens,
    IMapper mapper,
    TimeProvider clock) : IRequestHandler<CreateStaffApiKeyCommand, IssuedStaffApiKeyDto>
{
    public async Task<IssuedStaffApiKeyDto> Handle(CreateStaffApiKeyCommand command, CancellationToken cancellationToken)
    {
        command.Caller.EnsureMayManageKeysOf(command.StaffId.Value);
        var member = await staff.GetForUpdateAsync(command.StaffId.Value, cancellationToken) ?? throw DomainErrors.StaffNotFound();

        var issued = tokens.IssueStaffKey();
        var key = new StaffApiKey(Guid.CreateVersion7(), member.Id, command.Name.Value!.Trim(), issued.Hash, clock.GetUtcNow().UtcDateTime, null, null);
        await credentials.AddApiKeyAsync(key, cancellationToken);
        return mapper.Map<IssuedStaffApiKeyDto>(key) with { Key = issued.Secret };
    }
}
