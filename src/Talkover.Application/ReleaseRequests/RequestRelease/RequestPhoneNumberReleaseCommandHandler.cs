using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests.RequestRelease;

internal sealed class RequestPhoneNumberReleaseCommandHandler(
    IPhoneNumberRepository phoneNumbers,
    IReleaseRequestRepository releaseRequests,
    IMapper mapper,
    TimeProvider clock) : IRequestHandler<RequestPhoneNumberReleaseCommand, ReleaseRequestDto>
{
    public async Task<ReleaseRequestDto> Handle(RequestPhoneNumberReleaseCommand command, CancellationToken cancellationToken)
    {
        var phoneNumber = await phoneNumbers.GetForUpdateAsync(command.EnvironmentId, command.PhoneNumberId.Value, cancellationToken)
            ?? throw DomainErrors.PhoneNumberNotFound();

        var request = phoneNumber.RequestRelease(Guid.CreateVersion7(), ReleaseReason.From(command.Reason.Value!), clock.GetUtcNow().UtcDateTime, command.Actor);
        await releaseRequests.AddAsync(request, cancellationToken);
        return mapper.Map<ReleaseRequestDto>(request);
    }
}
