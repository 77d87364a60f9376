using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talkover.Api.Authentication;
using Talkover.Api.Http;
using Talkover.Api.OpenApi;
using Talkover.Application.Abstractions;
using Talkover.Application.Staff;
using Talkover.Application.Staff.CreateApiKey;
using Talkover.Application.Staff.GetCaller;
using Talkover.Application.Staff.GetStaffMember;
using Talkover.Application.Staff.InviteStaffMember;
using Talkover.Application.Staff.IssueSetupLink;
using Talkover.Application.Staff.ListApiKeys;
using Talkover.Application.Staff.ListStaff;
using Talkover.Application.Staff.RevokeApiKey;
using Talkover.Application.Staff.UpdateStaffMember;
using Talkover.Application.Validation;
using Talkover.Domain.Common;
using Talkover.Domain.Staff;

namespace Talkover.Api.Controllers;

/// <summary>Support staff: the people who review release requests, their roles and their credentials.</summary>
[Route("api/v1/admin")]
[Authorize(Policy = Policies.Viewer)]
public sealed class AdminStaffController(IMediator mediator) : ApiControllerBase(mediator)
{
    /// <summary>Who am I.</summary>
    /// <remarks>The staff member the credential belongs to, with their role; <c>system</c> for the bootstrap admin key.</remarks>
    [HttpGet("me", Name = "getMe")]
    [ProducesResponseType<ApiEnvelope<CallerDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Me(CancellationToken cancellationToken) =>
        Ok(Envelope(await Mediator.Send(new GetCallerQuery(StaffCaller), cancellationToken)));

    /// <summary>Add a staff member.</summary>
    /// <remarks>
    /// The response holds a setup link, shown this once only: send it to the member, who opens it and chooses
    /// a password (single use, valid 72 hours). Nobody else ever knows the password.
    /// </remarks>
    [HttpPost("staff", Name = "createStaffMember")]
    [Authorize(Policy = Policies.Admin)]
    [LocationHeader]
    [ProducesResponseType<ApiEnvelope<InvitedStaffMemberDto>>(StatusCodes.Status201Created)]
    [ErrorCode(StatusCodes.Status409Conflict, ErrorCodes.StaffEmailTaken)]
    public async Task<IActionResult> Create([FromBody] CreateStaffMemberBody body, CancellationToken cancellationToken)
    {
        var member = await Mediator.Send(new InviteStaffMemberCommand(body.Email, body.Name, body.Role), cancellationToken);
        return CreatedEnvelope($"/api/v1/admin/staff/{member.Id}", member);
    }

    /// <summary>List staff members.</summary>
    /// <remarks>Every member, disabled ones included, oldest first.</remarks>
    [HttpGet("staff", Name = "listStaff")]
    [Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<ApiEnvelope<IReadOnlyList<StaffMemberDto>>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> List([FromQuery(Name = "")] PageQuery page, CancellationToken cancellationToken) =>
        Ok(PageEnvelope(await Mediator.Send(new ListStaffQuery(page.ToRequest()), cancellationToken)));

    /// <summary>Get a staff member.</summary>
    [HttpGet("staff/{staff_id}", Name = "getStaffMember")]
    [Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<ApiEnvelope<StaffMemberDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.StaffNotFound)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> Get([FromRoute(Name = "staff_id")] string staffId, CancellationToken cancellationToken) =>
        Ok(Envelope(await Mediator.Send(new GetStaffMemberQuery(RouteIds.Parse(staffId)), cancellationToken)));

    /// <summary>Change a staff member.</summary>
    /// <remarks>
    /// Rename, change the role, or disable (and enable again). Disabling ends the member's console sessions and
    /// stops their API keys from the next request. The last active admin cannot be demoted or disabled.
    /// </remarks>
    [HttpPatch("staff/{staff_id}", Name = "updateStaffMember")]
    [Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<ApiEnvelope<StaffMemberDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.StaffNotFound)]
    [ErrorCode(StatusCodes.Status409Conflict, ErrorCodes.LastAdmin)]
    public async Task<IActionResult> Update([FromRoute(Name = "staff_id")] string staffId, [FromBody] UpdateStaffMemberBody body, CancellationToken cancellationToken)
    {
        var member = await Mediator.Send(new UpdateStaffMemberCommand(RouteIds.Parse(staffId), body.Name, body.Role, body.Status), cancellationToken);
        return Ok(Envelope(member, "Staff member updated"));
    }

    /// <summary>Issue a new setup link.</summary>
    /// <remarks>A password reset: the member's old password and earlier links stop working at once. The link is shown this once only. The request takes no body.</remarks>
    [HttpPost("staff/{staff_id}/setup-link", Name = "issueStaffSetupLink")]
    [Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<ApiEnvelope<SetupLinkDto>>(StatusCodes.Status201Created)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.StaffNotFound)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> IssueSetupLink([FromRoute(Name = "staff_id")] string staffId, CancellationToken cancellationToken)
    {
        var link = await Mediator.Send(new IssueSetupLinkCommand(RouteIds.Parse(staffId)), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, Envelope(link));
    }

    /// <summary>Create a personal API key.</summary>
    /// <remarks>The key (<c>tks_…</c>) is shown this once only; it acts with the member's role. Anyone may create their own; admins, anyone's.</remarks>
    [HttpPost("staff/{staff_id}/api-keys", Name = "createStaffApiKey")]
    [Authorize(Policy = Policies.OwnRecordOrAdmin)]
    [ProducesResponseType<ApiEnvelope<IssuedStaffApiKeyDto>>(StatusCodes.Status201Created)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.StaffNotFound)]
    public async Task<IActionResult> CreateApiKey([FromRoute(Name = "staff_id")] string staffId, [FromBody] CreateApiKeyBody body, CancellationToken cancellationToken)
    {
        var key = await Mediator.Send(new CreateStaffApiKeyCommand(RouteIds.Parse(staffId), body.Name, StaffCaller), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, Envelope(key));
    }

    /// <summary>List a member's API keys.</summary>
    /// <remarks>Never the keys themselves; revoked ones included, oldest first. Anyone may list their own; admins, anyone's.</remarks>
    [HttpGet("staff/{staff_id}/api-keys", Name = "listStaffApiKeys")]
    [Authorize(Policy = Policies.OwnRecordOrAdmin)]
    [ProducesResponseType<ApiEnvelope<IReadOnlyList<StaffApiKeyDto>>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.StaffNotFound)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> ListApiKeys([FromRoute(Name = "staff_id")] string staffId, CancellationToken cancellationToken) =>
        Ok(Envelope(await Mediator.Send(new ListStaffApiKeysQuery(RouteIds.Parse(staffId), StaffCaller), cancellationToken)));

    /// <summary>Revoke an API key.</summary>
    /// <remarks>The key is refused from the next request on. Revoking twice is harmless.</remarks>
    [HttpDelete("staff/{staff_id}/api-keys/{key_id}", Name = "revokeStaffApiKey")]
    [Authorize(Policy = Policies.OwnRecordOrAdmin)]
    [ProducesResponseType<ApiEnvelope<StaffApiKeyDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.StaffNotFound)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.StaffApiKeyNotFound)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> RevokeApiKey([FromRoute(Name = "staff_id")] string staffId, [FromRoute(Name = "key_id")] string keyId, CancellationToken cancellationToken)
    {
        var key = await Mediator.Send(new RevokeStaffApiKeyCommand(RouteIds.Parse(staffId), RouteIds.Parse(keyId), StaffCaller), cancellationToken);
        return Ok(Envelope(key, "API key revoked"));
    }

    /// <summary>A new staff member.</summary>
    /// <param name="Email">Unique whatever its letter case.</param>
    /// <param name="Name">How the member appears in history and the console.</param>
    /// <param name="Role">What the member may do.</param>
    public sealed record CreateStaffMemberBody(
        [property: Field(Required = true, MinLength = 3, MaxLength = StaffRules.MaxEmailLength)] Input<string> Email,
        [property: Field(Required = true, MinLength = 1, MaxLength = NameRules.MaxLength)] Input<string> Name,
        [property: Field(Required = true, ValuesOf = typeof(StaffRole))] Input<string> Role);

    /// <summary>What to change; absent fields stay as they are.</summary>
    /// <param name="Name">A new name (history keeps the name each decision was made under).</param>
    /// <param name="Role">A new role.</param>
    /// <param name="Status">disabled ends sessions and stops keys at once.</param>
    public sealed record UpdateStaffMemberBody(
        [property: Field(MinLength = 1, MaxLength = NameRules.MaxLength)] Input<string> Name,
        [property: Field(ValuesOf = typeof(StaffRole))] Input<string> Role,
        [property: Field(ValuesOf = typeof(StaffStatus))] Input<string> Status);

    /// <summary>A new API key.</summary>
    /// <param name="Name">What the key is for, e.g. "queue dashboard".</param>
    public sealed record CreateApiKeyBody([property: Field(Required = true, MinLength = 1, MaxLength = NameRules.MaxLength)] Input<string> Name);
}
