using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talkover.Api.Authentication;
using Talkover.Api.Http;
using Talkover.Application.PhoneNumbers;
using Talkover.Application.PhoneNumbers.GetPhoneNumber;
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

    [HttpGet("{phone_number_id}")]
    [ProducesResponseType<ApiEnvelope<PhoneNumberDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, "PHONE_NUMBER_NOT_FOUND")]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, "VALIDATION_ERROR")]
    public async Task<IActionResult> Get([FromRoute(Name = "phone_number_id")] string phoneNumberId, CancellationToken cancellationToken) =>
        Ok(Envelope(await Mediator.Send(new GetPhoneNumberQuery(EnvironmentId, RouteIds.Parse(phoneNumberId)), cancellationToken)));

    public sealed record RequestReleaseBody(string Reason);
}
