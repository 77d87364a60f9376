using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talkover.Api.Authentication;
using Talkover.Api.Http;
using Talkover.Application.ReleaseRequests;
using Talkover.Application.ReleaseRequests.Review.ApproveReleaseRequest;
using Talkover.Application.ReleaseRequests.Review.GetReviewRequest;
using Talkover.Application.ReleaseRequests.Review.ListReviewQueue;
using Talkover.Application.ReleaseRequests.Review.RejectReleaseRequest;

namespace Talkover.Api.Controllers;

/// <summary>The review queue for support staff: every environment's requests, and the decisions on them.</summary>
[Route("api/v1/admin/release-requests")]
[Authorize(Policy = Policies.Admin)]
public sealed class AdminReleaseRequestsController(IMediator mediator) : ApiControllerBase(mediator)
{
    /// <summary>Oldest first; pending unless <c>status</c> says otherwise; optionally one environment's.</summary>
    [HttpGet]
    [Paged]
    [QueryParameter("status", "string", "pending (default), approved, rejected or cancelled")]
    [QueryParameter("environment_id", "uuid", "Only this environment's requests")]
    [ProducesResponseType<ApiEnvelope<IReadOnlyList<AdminReleaseRequestDto>>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, "VALIDATION_ERROR")]
    public async Task<IActionResult> List(CancellationToken cancellationToken)
    {
        var query = Request.Query;
        var page = await Mediator.Send(new ListReviewQueueQuery(query.String("status"), query.Uuid("environment_id"), query.Page()), cancellationToken);
        return Ok(PageEnvelope(page));
    }

    /// <summary>One request with its full history of status changes.</summary>
    [HttpGet("{request_id}")]
    [ProducesResponseType<ApiEnvelope<AdminReleaseRequestDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, "RELEASE_REQUEST_NOT_FOUND")]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, "VALIDATION_ERROR")]
    public async Task<IActionResult> Get([FromRoute(Name = "request_id")] string requestId, CancellationToken cancellationToken) =>
        Ok(Envelope(await Mediator.Send(new GetReviewRequestQuery(RouteIds.Parse(requestId)), cancellationToken)));

    /// <summary>Approve: the number is released for good, in the same transaction. Irreversible.</summary>
    [HttpPost("{request_id}/approve")]
    [JsonBody(required: false, Schema = typeof(ApproveBody))]
    [ProducesResponseType<ApiEnvelope<AdminReleaseRequestDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, "RELEASE_REQUEST_NOT_FOUND")]
    [ErrorCode(StatusCodes.Status409Conflict, "RELEASE_REQUEST_NOT_PENDING")]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, "PHONE_NUMBER_IN_USE")]
    public async Task<IActionResult> Approve([FromRoute(Name = "request_id")] string requestId, JsonBody body, CancellationToken cancellationToken)
    {
        var request = await Mediator.Send(new ApproveReleaseRequestCommand(RouteIds.Parse(requestId), body.String("note")), cancellationToken);
        return Ok(Envelope(request, "Release request approved; the phone number is released"));
    }

    /// <summary>Reject, saying why (10–500 characters).</summary>
    [HttpPost("{request_id}/reject")]
    [JsonBody(Schema = typeof(RejectBody))]
    [ProducesResponseType<ApiEnvelope<AdminReleaseRequestDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, "RELEASE_REQUEST_NOT_FOUND")]
    [ErrorCode(StatusCodes.Status409Conflict, "RELEASE_REQUEST_NOT_PENDING")]
    public async Task<IActionResult> Reject([FromRoute(Name = "request_id")] string requestId, JsonBody body, CancellationToken cancellationToken)
    {
        var request = await Mediator.Send(new RejectReleaseRequestCommand(RouteIds.Parse(requestId), body.String("note")), cancellationToken);
        return Ok(Envelope(request, "Release request rejected"));
    }

    public sealed record ApproveBody(string? Note = null);

    public sealed record RejectBody(string Note);
}
