using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests.Review.RejectReleaseRequest;

internal sealed class RejectReleaseRequestCommandHandler(IReleaseRequestRepository requests, IMapper mapper, TimeProvider clock)
    : IRequestHandler<RejectReleaseRequestCommand, AdminReleaseRequestDto>
{
    public async Task<AdminReleaseRequestDto> Handle(RejectReleaseRequestCommand command, CancellationToken cancellationToken)
    {
        var request = await requests.GetForUpdateAsync(command.RequestId.Value, null, cancellationToken) ?? throw DomainErrors.ReleaseRequestNotFound();

        request.Reject(clock.GetUtcNow().UtcDateTime, ResolutionNote.Normalize(command.Note.Value)!, command.Actor);
        await requests.SaveResolutionAsync(request, cancellationToken);
        return mapper.Map<AdminReleaseRequestDto>(request);
    }
}
