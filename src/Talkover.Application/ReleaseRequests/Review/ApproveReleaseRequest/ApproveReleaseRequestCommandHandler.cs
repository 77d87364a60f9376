using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests.Review.ApproveReleaseRequest;

internal sealed class ApproveReleaseRequestCommandHandler(
    IReleaseRequestRepository requests,
    IPhoneNumberRepository phoneNumbers,
    IMapper mapper,
    TimeProvider clock) : IRequestHandler<ApproveReleaseRequestCommand, AdminReleaseRequestDto>
{
    public async Task<AdminReleaseRequestDto> Handle(ApproveReleaseRequestCommand command, CancellationToken cancellationToken)
    {
        // Number first, then request: the order a new release request takes its locks in.
        var phoneNumber = await phoneNumbers.GetForUpdateByReleaseRequestAsync(command.RequestId.Value, cancellationToken);
        var request = await requests.GetForUpdateAsync(command.RequestId.Value, null, cancellationToken) ?? throw DomainErrors.ReleaseRequestNotFound();

        var now = clock.GetUtcNow().UtcDateTime;
        request.Approve(now, ResolutionNote.Normalize(command.Note.ValueOr(null)), command.Actor);
        // A pending request always has an active number; anything else is a broken invariant.
        (phoneNumber ?? throw new InvalidOperationException($"Release request {request.Id} is pending but its phone number is not active."))
            .Release(now);

        await phoneNumbers.SaveReleasedAsync(phoneNumber, cancellationToken);
        await requests.SaveResolutionAsync(request, cancellationToken);
        return mapper.Map<AdminReleaseRequestDto>(request);
    }
}
