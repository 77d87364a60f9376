using System.ComponentModel;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talkover.Api.Authentication;
using Talkover.Api.Http;
using Talkover.Api.OpenApi;
using Talkover.Application.Abstractions;
using Talkover.Application.ReleaseRequests;
using Talkover.Application.ReleaseRequests.Review.ApproveReleaseRequest;
using Talkover.Application.ReleaseRequests.Review.GetReviewRequest;
using Talkover.Application.ReleaseRequests.Review.ListReviewQueue;
using Talkover.Application.ReleaseRequests.Review.RejectReleaseRequest;
using Talkover.Application.Validation;
using Talkover.Domain.Common;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Api.Controllers;

/// <summary>The review queue for support staff: every environment's requests, and the decisions on them.</summary>
[Route("api/v1/admin/release-requests")]
[Authorize(Policy = Policies.Viewer)]
public sealed class AdminReleaseRequestsController(IMediator mediator) : ApiControllerBase(mediator)
{
    /// <summary>List the review queue.</summary>
    /// <remarks>Every environment's release requests, oldest first; pending unless <c>status</c> says otherwise. Each carries its environment's name.</remarks>
    /// <param name="status">Requests in this status (default pending).</param>
    /// <param name="search">Part of the E.164 number.</param>
    [HttpGet(Name = "listReviewQueue")]
    [ProducesResponseType<ApiEnvelope<IReadOnlyList<AdminReleaseRequestDto>>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> List(
        [FromQuery(Name = "status"), Field(ValuesOf = typeof(ReleaseRequestStatus))] Input<string> status,
        [FromQuery(Name = "environment_id"), Description("Only this environment's requests.")] Input<Guid> environmentId,
        [FromQuery(Name = "search"), Field(MaxLength = InputRules.MaxSearchLength)] Input<string> search,
        [FromQuery(Name = "")] PageQuery page,
        CancellationToken cancellationToken) =>
        Ok(PageEnvelope(await Mediator.Send(new ListReviewQueueQuery(status, environmentId, search, page.ToRequest()), cancellationToken)));

    /// <summary>Get a release request under review.</summary>
    /// <remarks>One request with its full history of status changes.</remarks>
    [HttpGet("{request_id}", Name = "getReviewRequest")]
    [ProducesResponseType<ApiEnvelope<AdminReleaseRequestDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.ReleaseRequestNotFound)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> Get([FromRoute(Name = "request_id")] string requestId, CancellationToken cancellationToken) =>
        Ok(Envelope(await Mediator.Send(new GetReviewRequestQuery(RouteIds.Parse(requestId)), cancellationToken)));

    /// <summary>Approve a release request.</summary>
    /// <remarks>The number is released for good, in the same transaction. Irreversible.</remarks>
    [HttpPost("{request_id}/approve", Name = "approveReleaseRequest")]
    [Authorize(Policy = Policies.Reviewer)]
    [ProducesResponseType<ApiEnvelope<AdminReleaseRequestDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.ReleaseRequestNotFound)]
    [ErrorCode(StatusCodes.Status409Conflict, ErrorCodes.ReleaseRequestNotPending)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.PhoneNumberInUse)]
    public async Task<IActionResult> Approve(
        [FromRoute(Name = "request_id")] string requestId,
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] ApproveBody body,
        CancellationToken cancellationToken)
    {
        var request = await Mediator.Send(new ApproveReleaseRequestCommand(RouteIds.Parse(requestId), body.Note, Actor), cancellationToken);
        return Ok(Envelope(request, "Release request approved; the phone number is released"));
    }

    /// <summary>Reject a release request.</summary>
    /// <remarks>Reject, saying why (10–500 characters).</remarks>
    [HttpPost("{request_id}/reject", Name = "rejectReleaseRequest")]
    [Authorize(Policy = Policies.Reviewer)]
    [ProducesResponseType<ApiEnvelope<AdminReleaseRequestDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.ReleaseRequestNotFound)]
    [ErrorCode(StatusCodes.Status409Conflict, ErrorCodes.ReleaseRequestNotPending)]
    public async Task<IActionResult> Reject([FromRoute(Name = "request_id")] string requestId, [FromBody] RejectBody body, CancellationToken cancellationToken)
    {
        var request = await Mediator.Send(new RejectReleaseRequestCommand(RouteIds.Parse(requestId), body.Note, Actor), cancellationToken);
        return Ok(Envelope(request, "Release request rejected"));
    }

    /// <summary>An approval's optional note.</summary>
    /// <param name="Note">At most 500 characters.</param>
    public sealed record ApproveBody([property: Field(MaxLength = ResolutionNote.MaxLength)] Input<string> Note);

    /// <summary>A rejection.</summary>
    /// <param name="Note">Why: 10–500 characters.</param>
    public sealed record RejectBody([property: Field(Required = true, MinLength = ResolutionNote.RejectionMinLength, MaxLength = ResolutionNote.MaxLength)] Input<string> Note);
}
