using System.ComponentModel;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talkover.Api.Authentication;
using Talkover.Api.Http;
using Talkover.Api.OpenApi;
using Talkover.Application.Abstractions;
using Talkover.Application.PhoneNumbers;
using Talkover.Application.PhoneNumbers.GetPhoneNumber;
using Talkover.Application.PhoneNumbers.ListPhoneNumbers;
using Talkover.Application.ReleaseRequests;
using Talkover.Application.ReleaseRequests.CancelReleaseRequest;
using Talkover.Application.ReleaseRequests.GetReleaseRequest;
using Talkover.Application.ReleaseRequests.ListReleaseRequests;
using Talkover.Application.ReleaseRequests.RequestRelease;
using Talkover.Application.Validation;
using Talkover.Domain.Common;
using Talkover.Domain.PhoneNumbers;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Api.Controllers;

[Route("api/v1/phone-numbers")]
[Authorize(Policy = Policies.Tenant)]
public sealed class PhoneNumbersController(IMediator mediator) : ApiControllerBase(mediator)
{
    /// <summary>Request the release of a phone number.</summary>
    /// <remarks>Ask support to release a number you no longer need; the request starts as pending. The number must not be held by any agent.</remarks>
    [HttpPost("{phone_number_id}/request-release", Name = "requestPhoneNumberRelease")]
    [LocationHeader]
    [ProducesResponseType<ApiEnvelope<ReleaseRequestDto>>(StatusCodes.Status201Created)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.PhoneNumberNotFound)]
    [ErrorCode(StatusCodes.Status409Conflict, ErrorCodes.ReleaseAlreadyPending)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.PhoneNumberInUse)]
    public async Task<IActionResult> RequestRelease([FromRoute(Name = "phone_number_id")] string phoneNumberId, [FromBody] RequestReleaseBody body, CancellationToken cancellationToken)
    {
        var request = await Mediator.Send(new RequestPhoneNumberReleaseCommand(EnvironmentId, RouteIds.Parse(phoneNumberId), body.Reason, Actor), cancellationToken);
        return CreatedEnvelope($"/api/v1/phone-numbers/release-requests/{request.Id}", request);
    }

    /// <summary>List phone numbers.</summary>
    /// <remarks>The environment's active numbers, newest first.</remarks>
    /// <param name="type">Only numbers of this type.</param>
    /// <param name="search">Part of the E.164 number, or an exact phone number id.</param>
    [HttpGet(Name = "listPhoneNumbers")]
    [ProducesResponseType<ApiEnvelope<IReadOnlyList<PhoneNumberDto>>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> List(
        [FromQuery(Name = "type"), Field(ValuesOf = typeof(PhoneNumberTypes))] Input<string> type,
        [FromQuery(Name = "has_voice"), Description("Only numbers with (true) or without (false) voice.")] Input<bool> hasVoice,
        [FromQuery(Name = "has_whatsapp"), Description("Only numbers with (true) or without (false) WhatsApp.")] Input<bool> hasWhatsapp,
        [FromQuery(Name = "search"), Field(MaxLength = InputRules.MaxSearchLength)] Input<string> search,
        [FromQuery(Name = "")] PageQuery page,
        CancellationToken cancellationToken) =>
        Ok(PageEnvelope(await Mediator.Send(new ListPhoneNumbersQuery(EnvironmentId, type, hasVoice, hasWhatsapp, search, page.ToRequest()), cancellationToken)));

    /// <summary>List release requests.</summary>
    /// <remarks>The environment's release requests, newest first, including those of numbers since released.</remarks>
    /// <param name="status">Only requests in this status.</param>
    [HttpGet("release-requests", Name = "listReleaseRequests")]
    [ProducesResponseType<ApiEnvelope<IReadOnlyList<ReleaseRequestDto>>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> ListReleaseRequests(
        [FromQuery(Name = "status"), Field(ValuesOf = typeof(ReleaseRequestStatus))] Input<string> status,
        [FromQuery(Name = "phone_number_id"), Description("Only this number's requests.")] Input<Guid> phoneNumberId,
        [FromQuery(Name = "")] PageQuery page,
        CancellationToken cancellationToken) =>
        Ok(PageEnvelope(await Mediator.Send(new ListReleaseRequestsQuery(EnvironmentId, status, phoneNumberId, page.ToRequest()), cancellationToken)));

    /// <summary>Get a release request.</summary>
    [HttpGet("release-requests/{request_id}", Name = "getReleaseRequest")]
    [ProducesResponseType<ApiEnvelope<ReleaseRequestDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.ReleaseRequestNotFound)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> GetReleaseRequest([FromRoute(Name = "request_id")] string requestId, CancellationToken cancellationToken) =>
        Ok(Envelope(await Mediator.Send(new GetReleaseRequestQuery(EnvironmentId, RouteIds.Parse(requestId)), cancellationToken)));

    /// <summary>Cancel a release request.</summary>
    /// <remarks>Withdraw a pending release request; the number can then be requested again.</remarks>
    [HttpPost("release-requests/{request_id}/cancel", Name = "cancelReleaseRequest")]
    [ProducesResponseType<ApiEnvelope<ReleaseRequestDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.ReleaseRequestNotFound)]
    [ErrorCode(StatusCodes.Status409Conflict, ErrorCodes.ReleaseRequestNotPending)]
    public async Task<IActionResult> CancelReleaseRequest(
        [FromRoute(Name = "request_id")] string requestId,
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] NoteBody body,
        CancellationToken cancellationToken)
    {
        var request = await Mediator.Send(new CancelReleaseRequestCommand(EnvironmentId, RouteIds.Parse(requestId), body.Note, Actor), cancellationToken);
        return Ok(Envelope(request, "Release request cancelled"));
    }

    /// <summary>Get a phone number.</summary>
    /// <remarks>One active number with its agents and any pending release request.</remarks>
    [HttpGet("{phone_number_id}", Name = "getPhoneNumber")]
    [ProducesResponseType<ApiEnvelope<PhoneNumberDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.PhoneNumberNotFound)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> Get([FromRoute(Name = "phone_number_id")] string phoneNumberId, CancellationToken cancellationToken) =>
        Ok(Envelope(await Mediator.Send(new GetPhoneNumberQuery(EnvironmentId, RouteIds.Parse(phoneNumberId)), cancellationToken)));

    /// <summary>The body of a release request.</summary>
    /// <param name="Reason">Why the number is no longer needed: 10–500 characters once trimmed.</param>
    public sealed record RequestReleaseBody(
        [property: Field(Required = true, MinLength = ReleaseReason.MinLength, MaxLength = ReleaseReason.MaxLength)] Input<string> Reason);

    /// <summary>An optional note.</summary>
    /// <param name="Note">At most 500 characters.</param>
    public sealed record NoteBody([property: Field(MaxLength = ResolutionNote.MaxLength)] Input<string> Note);
}
