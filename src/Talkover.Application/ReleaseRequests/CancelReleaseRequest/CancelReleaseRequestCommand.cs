using AutoMapper;
using FluentValidation;
using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Validation;
using Talkover.Domain.Common;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests.CancelReleaseRequest;

/// <summary>A customer withdraws a pending release request; the number can then be requested again.</summary>
public sealed record CancelReleaseRequestCommand(Guid EnvironmentId, Input<Guid> RequestId, Input<string> Note) : ICommand<ReleaseRequestDto>;

internal sealed class CancelReleaseRequestCommandValidator : AbstractValidator<CancelReleaseRequestCommand>
{
    public CancelReleaseRequestCommandValidator()
    {
        RuleFor(x => x.RequestId).OfType("a valid UUID");
        RuleFor(x => x.Note).Cascade(CascadeMode.Stop).OfType("a string").Meets(ResolutionNote.OptionalProblem);
    }
}

internal sealed class CancelReleaseRequestCommandHandler(IReleaseRequestRepository requests, IMapper mapper, TimeProvider clock)
    : IRequestHandler<CancelReleaseRequestCommand, ReleaseRequestDto>
{
    public async Task<ReleaseRequestDto> Handle(CancelReleaseRequestCommand command, CancellationToken cancellationToken)
    {
        var request = await requests.GetForUpdateAsync(command.RequestId.Value, command.EnvironmentId, cancellationToken)
            ?? throw DomainErrors.ReleaseRequestNotFound();

        request.Cancel(clock.GetUtcNow().UtcDateTime, ResolutionNote.Normalize(command.Note.ValueOr(null)));
        await requests.SaveResolutionAsync(request, Actors.Customer, cancellationToken);
        return mapper.Map<ReleaseRequestDto>(request);
    }
}
