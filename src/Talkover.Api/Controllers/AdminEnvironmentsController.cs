using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talkover.Api.Authentication;
using Talkover.Api.Http;
using Talkover.Application.Environments;
using Talkover.Application.Environments.CreateEnvironment;
using Talkover.Application.Environments.IssueToken;
using Talkover.Application.Environments.RevokeToken;
using Talkover.Application.PhoneNumbers;
using Talkover.Application.PhoneNumbers.ProvisionPhoneNumber;

namespace Talkover.Api.Controllers;

/// <summary>Provisioning for support tooling and test harnesses.</summary>
[Route("api/v1/admin/environments")]
[Authorize(Policy = Policies.Admin)]
public sealed class AdminEnvironmentsController(IMediator mediator) : ApiControllerBase(mediator)
{
    /// <summary>Create an environment; the response holds its first token, shown this once only.</summary>
    [HttpPost]
    [JsonBody(Schema = typeof(CreateEnvironmentBody))]
    [ProducesResponseType<ApiEnvelope<CreatedEnvironmentDto>>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(JsonBody body, CancellationToken cancellationToken)
    {
        var environment = await Mediator.Send(new CreateEnvironmentCommand(body.String("name"), body.String("plan")), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, Envelope(environment));
    }

    /// <summary>Issue another token for the environment, shown this once only.</summary>
    [HttpPost("{environment_id}/tokens")]
    [JsonBody(required: false)]
    [ProducesResponseType<ApiEnvelope<IssuedTokenDto>>(StatusCodes.Status201Created)]
    [ErrorCode(StatusCodes.Status404NotFound, "ENVIRONMENT_NOT_FOUND")]
    public async Task<IActionResult> IssueToken([FromRoute(Name = "environment_id")] string environmentId, JsonBody body, CancellationToken cancellationToken)
    {
        var token = await Mediator.Send(new IssueEnvironmentTokenCommand(RouteIds.Parse(environmentId)), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, Envelope(token));
    }

    /// <summary>Revoke a token: it is refused from the next request on. Revoking twice is harmless.</summary>
    [HttpDelete("{environment_id}/tokens/{token_id}")]
    [ProducesResponseType<ApiEnvelope<RevokedTokenDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, "ENVIRONMENT_NOT_FOUND")]
    [ErrorCode(StatusCodes.Status404NotFound, "TOKEN_NOT_FOUND")]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, "VALIDATION_ERROR")]
    public async Task<IActionResult> RevokeToken([FromRoute(Name = "environment_id")] string environmentId, [FromRoute(Name = "token_id")] string tokenId, CancellationToken cancellationToken)
    {
        var token = await Mediator.Send(new RevokeEnvironmentTokenCommand(RouteIds.Parse(environmentId), RouteIds.Parse(tokenId)), cancellationToken);
        return Ok(Envelope(token, "Token revoked"));
    }

    [HttpPost("{environment_id}/phone-numbers")]
    [JsonBody(Schema = typeof(ProvisionPhoneNumberBody))]
    [ProducesResponseType<ApiEnvelope<PhoneNumberDto>>(StatusCodes.Status201Created)]
    [ErrorCode(StatusCodes.Status404NotFound, "ENVIRONMENT_NOT_FOUND")]
    [ErrorCode(StatusCodes.Status409Conflict, "PHONE_NUMBER_ALREADY_EXISTS")]
    public async Task<IActionResult> ProvisionPhoneNumber([FromRoute(Name = "environment_id")] string environmentId, JsonBody body, CancellationToken cancellationToken)
    {
        var command = new ProvisionPhoneNumberCommand
        {
            EnvironmentId = RouteIds.Parse(environmentId),
            Number = body.String("number"),
            CountryCode = body.String("country_code"),
            Type = body.String("type"),
            HasVoice = body.Boolean("has_voice"),
            HasSms = body.Boolean("has_sms"),
            HasMms = body.Boolean("has_mms"),
            HasFax = body.Boolean("has_fax"),
            HasWhatsapp = body.Boolean("has_whatsapp"),
            IsSandbox = body.Boolean("is_sandbox"),
            CurrentPrice = body.Decimal("current_price"),
            Currency = body.String("currency"),
            RenewalDate = body.Date("renewal_date"),
            AutoRenewal = body.Boolean("auto_renewal"),
            MonthlyRenewalCost = body.Decimal("monthly_renewal_cost"),
        };
        var phoneNumber = await Mediator.Send(command, cancellationToken);
        return CreatedEnvelope($"/api/v1/phone-numbers/{phoneNumber.Id}", phoneNumber);
    }

    public sealed record CreateEnvironmentBody(string Name, string? Plan = null);

    public sealed record ProvisionPhoneNumberBody(
        string Number,
        string CountryCode,
        string? Type = null,
        bool? HasVoice = null,
        bool? HasSms = null,
        bool? HasMms = null,
        bool? HasFax = null,
        bool? HasWhatsapp = null,
        bool? IsSandbox = null,
        decimal? CurrentPrice = null,
        string? Currency = null,
        DateOnly? RenewalDate = null,
        bool? AutoRenewal = null,
        decimal? MonthlyRenewalCost = null);
}
