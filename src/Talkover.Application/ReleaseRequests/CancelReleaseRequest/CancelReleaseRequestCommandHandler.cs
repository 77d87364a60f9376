using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests.CancelReleaseRequest;

internal sealed class CancelReleaseRequestCommandHandler(IReleaseRequestRepository requests, IMapper mapper, TimeProvider clock)
    : IRequestHandler<CancelReleaseRequestCommand, ReleaseRequestDto>
{
    public async Task<ReleaseRequestDto> Handle(CancelReleaseRequestCommand command, CancellationToken cancellationToken)
    {
        var request = await requests.GetForUpdateAsync(command.RequestId.Value, command.EnvironmentId, cancellationToken)
            ?? throw DomainErrors.ReleaseRequestNotFound();

        request.Cancel(clock.GetUtcNow().UtcDateTime, ResolutionNote.Normalize(command.Note.ValueOr(null)), command.Actor);
        await requests.SaveResolutionAsync(request, cancellationToken);
        return mapper.Map<ReleaseRequestDto>(request);
    }
}
