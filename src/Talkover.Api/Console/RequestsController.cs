using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talkover.Api.Authentication;
using Talkover.Application.Abstractions;
using Talkover.Application.Environments.GetEnvironment;
using Talkover.Application.PhoneNumbers;
using Talkover.Application.PhoneNumbers.GetPhoneNumber;
using Talkover.Application.ReleaseRequests;
using Talkover.Application.ReleaseRequests.Review.ApproveReleaseRequest;
using Talkover.Application.ReleaseRequests.Review.GetReviewRequest;
using Talkover.Application.ReleaseRequests.Review.RejectReleaseRequest;
using Talkover.Domain.Common;
using Talkover.Domain.ReleaseRequests;
using Talkover.Domain.Staff;

namespace Talkover.Api.ReviewConsole;

/// <summary>
/// One release request: the number, its agents, the reason and the whole history with names; for
/// reviewers, approve (after a confirmation that says it is irreversible) and reject (with a note).
/// </summary>
[Route("console/requests/{id:guid}")]
public sealed class RequestsController(IMediator mediator) : SignedInController(mediator)
{
    [HttpGet]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken) =>
        View(await PageAsync(id, cancellationToken));

    /// <summary>
    /// The approve form posts here twice: first without <c>confirmed</c>, answered by the confirmation step;
    /// then, confirmed, the request is approved and the number released for good.
    /// </summary>
    [HttpPost("approve")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Approve(Guid id, [FromForm] DecisionForm form, CancellationToken cancellationToken)
    {
        if (form.Confirmed != "yes")
        {
            var page = await PageAsync(id, cancellationToken);
            return page.Request.Status == ReleaseRequestStatus.Pending ? View("ConfirmApprove", page with { ApproveNote = form.Note }) : View(nameof(Show), Decided(page));
        }

        return await DecideAsync(id, form, new ApproveReleaseRequestCommand(id, form.Note ?? Input<string>.Missing, Actor), "approve", cancellationToken);
    }

    [HttpPost("reject")]
    [Authorize(Policy = Policies.Reviewer)]
    public Task<IActionResult> Reject(Guid id, [FromForm] DecisionForm form, CancellationToken cancellationToken) =>
        DecideAsync(id, form, new RejectReleaseRequestCommand(id, form.Note ?? "", Actor), "reject", cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid id, DecisionForm form, IRequest<AdminReleaseRequestDto> command, string decision, CancellationToken cancellationToken)
    {
        try
        {
            await Mediator.Send(command, cancellationToken);
            return LocalRedirect($"{ConsolePaths.Root}/requests/{id}");
        }
        catch (ValidationException ex)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            var page = await PageAsync(id, cancellationToken);
            var error = FieldErrors.For(ex, "note");
            return View(nameof(Show), decision == "approve"
                ? page with { ApproveNote = form.Note, ApproveNoteError = error }
                : page with { RejectNote = form.Note, RejectNoteError = error });
        }
        catch (DomainException ex) when (ex.Code == ErrorCodes.ReleaseRequestNotPending)
        {
            // Someone else decided first (or the customer cancelled): say who and when, change nothing.
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Show), Decided(await PageAsync(id, cancellationToken)));
        }
        catch (DomainException ex) when (ex.Code == ErrorCodes.PhoneNumberInUse)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Show), await PageAsync(id, cancellationToken) with { Notice = ex.Message });
        }
    }

    private static RequestPage Decided(RequestPage page)
    {
        var last = page.Request.History?.LastOrDefault();
        return last is null
            ? page
            : page with { Notice = $"Already {last.ToStatus} by {ConsoleFormat.WhoShort(last.Actor)} at {ConsoleFormat.Time(last.OccurredAt)}. Nothing was changed." };
    }

    private async Task<RequestPage> PageAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = await Mediator.Send(new GetReviewRequestQuery(id), cancellationToken);

        // The request alone carries its environment's id; reviewers know environments by name, as on the queue.
        if (request.EnvironmentName is null)
        {
            try
            {
                var environment = await Mediator.Send(new GetEnvironmentQuery(request.EnvironmentId), cancellationToken);
                request = request with { EnvironmentName = environment.Name };
            }
            catch (DomainException ex) when (ex.Code == ErrorCodes.EnvironmentNotFound)
            {
                // The page falls back to the environment's id.
            }
        }

        PhoneNumberDto? number = null;
        if (request.Status == ReleaseRequestStatus.Pending)
        {
            try
            {
                number = await Mediator.Send(new GetPhoneNumberQuery(request.EnvironmentId, request.PhoneNumberId), cancellationToken);
            }
            catch (DomainException ex) when (ex.Code == ErrorCodes.PhoneNumberNotFound)
            {
                // Released meanwhile: the page shows the request as it is.
            }
        }

        return new RequestPage(request, number, Holds(StaffRole.Reviewer));
    }
}

/// <summary>What the approve and reject forms post.</summary>
public sealed record DecisionForm
{
    public string? Note { get; init; }

    /// <summary>"yes" on the approve form's confirmation step.</summary>
    public string? Confirmed { get; init; }
}

/// <summary>A request's page: the request with its history, its number while active, and what the signed-in member may do.</summary>
public sealed record RequestPage(AdminReleaseRequestDto Request, PhoneNumberDto? Number, bool MayDecide)
{
    public string? Notice { get; init; }

    public string? ApproveNote { get; init; }

    public string? ApproveNoteError { get; init; }

    public string? RejectNote { get; init; }

    public string? RejectNoteError { get; init; }

    public bool ShowsDecisionForms => MayDecide && Request.Status == ReleaseRequestStatus.Pending;
}
