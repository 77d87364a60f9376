using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talkover.Api.Authentication;
using Talkover.Api.Http;
using Talkover.Api.OpenApi;
using Talkover.Application.Abstractions;
using Talkover.Application.Environments;
using Talkover.Application.Environments.CreateEnvironment;
using Talkover.Application.Environments.GetEnvironment;
using Talkover.Application.Environments.IssueToken;
using Talkover.Application.Environments.ListEnvironments;
using Talkover.Application.Environments.RevokeToken;
using Talkover.Application.PhoneNumbers;
using Talkover.Application.PhoneNumbers.ProvisionPhoneNumber;
using Talkover.Application.Validation;
using Talkover.Domain.Common;
using Talkover.Domain.Environments;
using Talkover.Domain.PhoneNumbers;

namespace Talkover.Api.Controllers;

/// <summary>Environments for support tooling and test harnesses: looking them up, creating them, their tokens and numbers.</summary>
[Route("api/v1/admin/environments")]
[Authorize(Policy = Policies.Viewer)]
public sealed class AdminEnvironmentsController(IMediator mediator) : ApiControllerBase(mediator)
{
    /// <summary>List environments.</summary>
    /// <remarks>Every environment, newest first. No token or token hash is ever shown.</remarks>
    /// <param name="search">Part of the environment's name, ignoring ASCII letter case.</param>
    [HttpGet(Name = "listEnvironments")]
    [ProducesResponseType<ApiEnvelope<IReadOnlyList<EnvironmentDto>>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> List(
        [FromQuery(Name = "search"), Field(MaxLength = InputRules.MaxSearchLength)] Input<string> search,
        [FromQuery(Name = "")] PageQuery page,
        CancellationToken cancellationToken) =>
        Ok(PageEnvelope(await Mediator.Send(new ListEnvironmentsQuery(search, page.ToRequest()), cancellationToken)));

    /// <summary>Get an environment.</summary>
    /// <remarks>
    /// One environment with its tokens, oldest first (when each was issued, last accepted and revoked; never
    /// the token or its hash), and how many active phone numbers and pending release requests it has.
    /// </remarks>
    [HttpGet("{environment_id}", Name = "getEnvironment")]
    [ProducesResponseType<ApiEnvelope<EnvironmentDetailDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.EnvironmentNotFound)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> Get([FromRoute(Name = "environment_id")] string environmentId, CancellationToken cancellationToken) =>
        Ok(Envelope(await Mediator.Send(new GetEnvironmentQuery(RouteIds.Parse(environmentId)), cancellationToken)));

    /// <summary>Create an environment.</summary>
    /// <remarks>The response holds its first token, shown this once only.</remarks>
    [HttpPost(Name = "createEnvironment")]
    [Authorize(Policy = Policies.Admin)]
    [LocationHeader]
    [ProducesResponseType<ApiEnvelope<CreatedEnvironmentDto>>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create([FromBody] CreateEnvironmentBody body, CancellationToken cancellationToken)
    {
        var environment = await Mediator.Send(new CreateEnvironmentCommand(body.Name, body.Plan), cancellationToken);
        return CreatedEnvelope($"/api/v1/admin/environments/{environment.Id}", environment);
    }

    /// <summary>Issue an environment token.</summary>
    /// <remarks>Another token for the environment, shown this once only. The request takes no body.</remarks>
    [HttpPost("{environment_id}/tokens", Name = "issueEnvironmentToken")]
    [Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<ApiEnvelope<IssuedTokenDto>>(StatusCodes.Status201Created)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.EnvironmentNotFound)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> IssueToken([FromRoute(Name = "environment_id")] string environmentId, CancellationToken cancellationToken)
    {
        var token = await Mediator.Send(new IssueEnvironmentTokenCommand(RouteIds.Parse(environmentId)), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, Envelope(token));
    }

    /// <summary>Revoke an environment token.</summary>
    /// <remarks>The token is refused from the next request on. Revoking twice is harmless.</remarks>
    [HttpDelete("{environment_id}/tokens/{token_id}", Name = "revokeEnvironmentToken")]
    [Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<ApiEnvelope<RevokedTokenDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.EnvironmentNotFound)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.TokenNotFound)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> RevokeToken([FromRoute(Name = "environment_id")] string environmentId, [FromRoute(Name = "token_id")] string tokenId, CancellationToken cancellationToken)
    {
        var token = await Mediator.Send(new RevokeEnvironmentTokenCommand(RouteIds.Parse(environmentId), RouteIds.Parse(tokenId)), cancellationToken);
        return Ok(Envelope(token, "Token revoked"));
    }

    /// <summary>Provision a phone number.</summary>
    /// <remarks>The number must be a possible number for its country; its display formats come from libphonenumber.</remarks>
    [HttpPost("{environment_id}/phone-numbers", Name = "provisionPhoneNumber")]
    [Authorize(Policy = Policies.Admin)]
    [LocationHeader]
    [ProducesResponseType<ApiEnvelope<PhoneNumberDto>>(StatusCodes.Status201Created)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.EnvironmentNotFound)]
    [ErrorCode(StatusCodes.Status409Conflict, ErrorCodes.PhoneNumberAlreadyExists)]
    public async Task<IActionResult> ProvisionPhoneNumber([FromRoute(Name = "environment_id")] string environmentId, [FromBody] ProvisionPhoneNumberBody body, CancellationToken cancellationToken)
    {
        var command = new ProvisionPhoneNumberCommand
        {
            EnvironmentId = RouteIds.Parse(environmentId),
            Number = body.Number,
            CountryCode = body.CountryCode,
            Type = body.Type,
            HasVoice = body.HasVoice,
            HasSms = body.HasSms,
            HasMms = body.HasMms,
            HasFax = body.HasFax,
            HasWhatsapp = body.HasWhatsapp,
            IsSandbox = body.IsSandbox,
            CurrentPrice = body.CurrentPrice,
            Currency = body.Currency,
            RenewalDate = body.RenewalDate,
            AutoRenewal = body.AutoRenewal,
            MonthlyRenewalCost = body.MonthlyRenewalCost,
        };
        var phoneNumber = await Mediator.Send(command, cancellationToken);
        return CreatedEnvelope($"/api/v1/phone-numbers/{phoneNumber.Id}", phoneNumber);
    }

    /// <summary>A new environment.</summary>
    /// <param name="Name">Required.</param>
    /// <param name="Plan">Default standard; sets the rate limit.</param>
    public sealed record CreateEnvironmentBody(
        [property: Field(Required = true, MinLength = 1, MaxLength = NameRules.MaxLength)] Input<string> Name,
        [property: Field(ValuesOf = typeof(Plans))] Input<string> Plan);

    /// <summary>A phone number to provision.</summary>
    /// <param name="Number">E.164, unique among numbers not released.</param>
    /// <param name="CountryCode">ISO 3166-1 alpha-2.</param>
    /// <param name="Type">Default voice.</param>
    /// <param name="HasVoice">Default false.</param>
    /// <param name="HasSms">Default false.</param>
    /// <param name="HasMms">Default false.</param>
    /// <param name="HasFax">Default false.</param>
    /// <param name="HasWhatsapp">Default false.</param>
    /// <param name="IsSandbox">Default false.</param>
    /// <param name="CurrentPrice">Monthly price.</param>
    /// <param name="Currency">ISO 4217 code.</param>
    /// <param name="RenewalDate">YYYY-MM-DD.</param>
    /// <param name="AutoRenewal">Default false.</param>
    /// <param name="MonthlyRenewalCost">Default current_price.</param>
    public sealed record ProvisionPhoneNumberBody(
        [property: Field(Required = true)] Input<string> Number,
        [property: Field(Required = true, MinLength = 2, MaxLength = 2)] Input<string> CountryCode,
        [property: Field(ValuesOf = typeof(PhoneNumberTypes))] Input<string> Type,
        Input<bool> HasVoice,
        Input<bool> HasSms,
        Input<bool> HasMms,
        Input<bool> HasFax,
        Input<bool> HasWhatsapp,
        Input<bool> IsSandbox,
        Input<decimal> CurrentPrice,
        [property: Field(MinLength = 3, MaxLength = 3)] Input<string> Currency,
        Input<DateOnly> RenewalDate,
        Input<bool> AutoRenewal,
        Input<decimal> MonthlyRenewalCost);
}
