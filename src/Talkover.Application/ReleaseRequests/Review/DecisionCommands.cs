using AutoMapper;
using FluentValidation;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Validation;
using Talkover.Domain.Common;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests.Review;

/// <summary>Support approves a pending request: the number is released for good, in the same transaction.</summary>
public sealed record ApproveReleaseRequestCommand(Input<Guid> RequestId, Input<string> Note) : ICommand<AdminReleaseRequestDto>;

/// <summary>Support turns a pending request down, saying why.</summary>
public sealed record RejectReleaseRequestCommand(Input<Guid> RequestId, Input<string> Note) : ICommand<AdminReleaseRequestDto>;

internal sealed class ApproveReleaseRequestCommandValidator : AbstractValidator<ApproveReleaseRequestCommand>
{
    public ApproveReleaseRequestCommandValidator()
    {
        RuleFor(x => x.RequestId).OfType("a valid UUID");
        RuleFor(x => x.Note).Cascade(CascadeMode.Stop).OfType("a string").Meets(ResolutionNote.OptionalProblem);
    }
}

internal sealed class RejectReleaseRequestCommandValidator : AbstractValidator<RejectReleaseRequestCommand>
{
    public RejectReleaseRequestCommandValidator()
    {
        RuleFor(x => x.RequestId).OfType("a valid UUID");
        RuleFor(x => x.Note).Cascade(CascadeMode.Stop).Present().OfType("a string").Meets(ResolutionNote.RejectionProblem);
    }
}

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
        var unlocked = await requests.GetAsync(requestId, null, cancellationToken) ?? throw DomainErrors.ReleaseRequestNotFound();

        // Number first, then request: the same order as a new release request takes its locks.
        var phoneNumber = await phoneNumbers.GetForUpdateAsync(unlocked.EnvironmentId, unlocked.PhoneNumberId, cancellationToken);
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

internal sealed class RejectReleaseRequestCommandHandler(
    IReleaseRequestRepository requests,
    IReleaseRequestQueries queries,
    IMapper mapper,
    TimeProvider clock) : IRequestHandler<RejectReleaseRequestCommand, AdminReleaseRequestDto>
{
    public async Task<AdminReleaseRequestDto> Handle(RejectReleaseRequestCommand command, CancellationToken cancellationToken)
    {
        var request = await requests.GetForUpdateAsync(command.RequestId.Value, null, cancellationToken) ?? throw DomainErrors.ReleaseRequestNotFound();

        request.Reject(clock.GetUtcNow().UtcDateTime, ResolutionNote.Normalize(command.Note.Value)!);
        await requests.SaveResolutionAsync(request, Actors.Support, cancellationToken);
        return await ReviewView.LoadAsync(queries, mapper, request.Id, cancellationToken);
    }
}
