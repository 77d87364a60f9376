using AutoMapper;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests.Review.ApproveReleaseRequest;

internal sealed class ApproveReleaseRequestCommandHandler(
    IReleaseRequestRepository requests,
    IPhoneNumberRepository phoneNumbers,
    IReleaseRequestQueries queries,
    IMapper mapper,
    TimeProvider clock) : IRequestHandler<ApproveReleaseRequestCommand, AdminReleaseRequestDto>
{
    public async Task<AdminReleaseRequestDto> Handle(ApproveReleaseRequestCommand command, CancellationToken cancellationToken)
    {
        var requestId = command.RequestId.Value;
        // Which number to lock comes from a plain read; number first, then request, is the same order
        // a new release request takes its locks in. The locked read below re-checks the status.
        var target = await queries.GetAsync(requestId, null, cancellationToken) ?? throw DomainErrors.ReleaseRequestNotFound();
        var phoneNumber = await phoneNumbers.GetForUpdateAsync(target.EnvironmentId, target.PhoneNumberId, cancellationToken);
        var request = await requests.GetForUpdateAsync(requestId, null, cancellationToken) ?? throw DomainErrors.ReleaseRequestNotFound();

        var now = clock.GetUtcNow().UtcDateTime;
        request.Approve(now, ResolutionNote.Normalize(command.Note.ValueOr(null)));
        if (phoneNumber is null)
        {
            // A pending request always has an active number; anything else is a broken invariant.
            throw new InvalidOperationException($"Release request {requestId} is pending but its phone number is not active.");
        }

        phoneNumber.Release(now);
        await phoneNumbers.SaveReleasedAsync(phoneNumber, cancellationToken);
        await requests.SaveResolutionAsync(request, Actors.Support, cancellationToken);
        return await ReviewView.LoadAsync(queries, mapper, requestId, cancellationToken);
    }
}
