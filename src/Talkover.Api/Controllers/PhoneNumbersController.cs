using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talkover.Api.Authentication;
using Talkover.Api.Http;
using Talkover.Application.PhoneNumbers;
using Talkover.Application.PhoneNumbers.GetPhoneNumber;
using Talkover.Application.PhoneNumbers.ListPhoneNumbers;
using Talkover.Application.ReleaseRequests.CancelReleaseRequest;
using Talkover.Application.ReleaseRequests.GetReleaseRequest;
using Talkover.Application.ReleaseRequests.ListReleaseRequests;
using Talkover.Application.ReleaseRequests;
using Talkover.Application.ReleaseRequests.RequestRelease;

namespace Talkover.Api.Controllers;

[Route("api/v1/phone-numbers")]
[Authorize(Policy = Policies.Tenant)]
public sealed class PhoneNumbersController(IMediator mediator) : ApiControllerBase(mediator)
{
    /// <summary>Ask support to release a number you no longer need; the request starts as pending.</summary>
    [HttpPost("{phone_number_id}/request-release")]
    [JsonBody(Schema = typeof(RequestReleaseBody))]
    [ProducesResponseType<ApiEnvelope<ReleaseRequestDto>>(StatusCodes.Status201Created)]
    [ErrorCode(StatusCodes.Status404NotFound, "PHONE_NUMBER_NOT_FOUND")]
    [ErrorCode(StatusCodes.Status409Conflict, "RELEASE_ALREADY_PENDING")]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, "PHONE_NUMBER_IN_USE")]
    public async Task<IActionResult> RequestRelease([FromRoute(Name = "phone_number_id")] string phoneNumberId, JsonBody body, CancellationToken cancellationToken)
    {
        var command = new RequestPhoneNumberReleaseCommand(EnvironmentId, RouteIds.Parse(phoneNumberId), body.String("reason"));
        var request = await Mediator.Send(command, cancellationToken);
        return CreatedEnvelope($"/api/v1/phone-numbers/release-requests/{request.Id}", request);
    }

    /// <summary>The environment's phone numbers, newest first.</summary>
    [HttpGet]
    [Paged]
    [QueryParameter("type", "string", "voice, sms, whatsapp, mms or fax")]
    [QueryParameter("has_voice", "boolean", "true or false")]
    [QueryParameter("has_whatsapp", "boolean", "true or false")]
    [QueryParameter("search", "string", "Part of the E.164 number, or an exact phone number id")]
    [ProducesResponseType<ApiEnvelope<IReadOnlyList<PhoneNumberDto>>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, "VALIDATION_ERROR")]
    public async Task<IActionResult> List(CancellationToken cancellationToken)
    {
        var query = Request.Query;
        var page = await Mediator.Send(
            new ListPhoneNumbersQuery(EnvironmentId, query.String("type"), query.Boolean("has_voice"), query.Boolean("has_whatsapp"), query.String("search"), query.Page()),
            cancellationToken);
        return Ok(PageEnvelope(page));
    }

    /// <summary>The environment's release requests, newest first.</summary>
    [HttpGet("release-requests")]
    [Paged]
    [QueryParameter("status", "string", "pending, approved, rejected or cancelled")]
    [QueryParameter("phone_number_id", "uuid", "Only this number's requests")]
    [ProducesResponseType<ApiEnvelope<IReadOnlyList<ReleaseRequestDto>>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, "VALIDATION_ERROR")]
    public async Task<IActionResult> ListReleaseRequests(CancellationToken cancellationToken)
    {
        var query = Request.Query;
        var page = await Mediator.Send(new ListReleaseRequestsQuery(EnvironmentId, query.String("status"), query.Uuid("phone_number_id"), query.Page()), cancellationToken);
        return Ok(PageEnvelope(page));
    }

    [HttpGet("release-requests/{request_id}")]
    [ProducesResponseType<ApiEnvelope<ReleaseRequestDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, "RELEASE_REQUEST_NOT_FOUND")]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, "VALIDATION_ERROR")]
    public async Task<IActionResult> GetReleaseRequest([FromRoute(Name = "request_id")] string requestId, CancellationToken cancellationToken) =>
        Ok(Envelope(await Mediator.Send(new GetReleaseRequestQuery(EnvironmentId, RouteIds.Parse(requestId)), cancellationToken)));

    /// <summary>Withdraw a pending release request; the number can then be requested again.</summary>
    [HttpPost("release-requests/{request_id}/cancel")]
    [JsonBody(required: false, Schema = typeof(NoteBody))]
    [ProducesResponseType<ApiEnvelope<ReleaseRequestDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, "RELEASE_REQUEST_NOT_FOUND")]
    [ErrorCode(StatusCodes.Status409Conflict, "RELEASE_REQUEST_NOT_PENDING")]
    public async Task<IActionResult> CancelReleaseRequest([FromRoute(Name = "request_id")] string requestId, JsonBody body, CancellationToken cancellationToken)
    {
        var request = await Mediator.Send(new CancelReleaseRequestCommand(EnvironmentId, RouteIds.Parse(requestId), body.String("note")), cancellationToken);
        return Ok(Envelope(request, "Release request cancelled"));
    }

    [HttpGet("{phone_number_id}")]
    [ProducesResponseType<ApiEnvelope<PhoneNumberDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, "PHONE_NUMBER_NOT_FOUND")]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, "VALIDATION_ERROR")]
    public async Task<IActionResult> Get([FromRoute(Name = "phone_number_id")] string phoneNumberId, CancellationToken cancellationToken) =>
        Ok(Envelope(await Mediator.Send(new GetPhoneNumberQuery(EnvironmentId, RouteIds.Parse(phoneNumberId)), cancellationToken)));

    public sealed record RequestReleaseBody(string Reason);

    public sealed record NoteBody(string? Note = null);
}
