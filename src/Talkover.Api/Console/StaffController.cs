using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talkover.Api.Authentication;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Application.Staff;
using Talkover.Application.Staff.InviteStaffMember;
using Talkover.Application.Staff.IssueSetupLink;
using Talkover.Application.Staff.ListStaff;
using Talkover.Application.Staff.UpdateStaffMember;
using Talkover.Domain.Common;

namespace Talkover.Api.ReviewConsole;

/// <summary>Admins manage the support team: add a member (the setup link is shown once), change a role, disable, reset a password.</summary>
[Route("console/staff")]
[Authorize(Policy = Policies.Admin)]
public sealed class StaffController(IMediator mediator) : SignedInController(mediator)
{
    public const int PageSize = 50;

    [HttpGet]
    public async Task<IActionResult> Index([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken) =>
        View(await PageAsync(page, cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Add([FromForm] StaffForm form, CancellationToken cancellationToken)
    {
        try
        {
            var member = await Mediator.Send(new InviteStaffMemberCommand(form.Email ?? "", form.Name ?? "", form.Role ?? ""), cancellationToken);
            return View(nameof(Index), await PageAsync(null, cancellationToken) with
            {
                SetupLink = new ShownSetupLink(member.Name, member.SetupUrl, member.SetupUrlExpiresAt),
            });
        }
        catch (ValidationException ex)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), await PageAsync(null, cancellationToken) with
            {
                Form = form,
                EmailError = FieldErrors.For(ex, "email"),
                NameError = FieldErrors.For(ex, "name"),
                RoleError = FieldErrors.For(ex, "role"),
            });
        }
        catch (DomainException ex) when (ex.Code == ErrorCodes.StaffEmailTaken)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Index), await PageAsync(null, cancellationToken) with { Form = form, EmailError = ex.Message });
        }
    }

    [HttpPost("{id:guid}/role")]
    public Task<IActionResult> ChangeRole(Guid id, [FromForm(Name = "role")] string? role, CancellationToken cancellationToken) =>
        UpdateAsync(new UpdateStaffMemberCommand(id, Input<string>.Missing, role ?? "", Input<string>.Missing), "Role changed.", cancellationToken);

    [HttpPost("{id:guid}/status")]
    public Task<IActionResult> ChangeStatus(Guid id, [FromForm(Name = "status")] string? status, CancellationToken cancellationToken) =>
        UpdateAsync(new UpdateStaffMemberCommand(id, Input<string>.Missing, Input<string>.Missing, status ?? ""), "Status changed.", cancellationToken);

    /// <summary>A password reset: the member's password and earlier links stop working; the new link is shown once.</summary>
    [HttpPost("{id:guid}/setup-link")]
    public async Task<IActionResult> NewSetupLink(Guid id, CancellationToken cancellationToken)
    {
        var link = await Mediator.Send(new IssueSetupLinkCommand(id), cancellationToken);
        var page = await PageAsync(null, cancellationToken);
        var name = page.Members.FirstOrDefault(m => m.Id == id)?.Name ?? "the member";
        return View(nameof(Index), page with { SetupLink = new ShownSetupLink(name, link.SetupUrl, link.ExpiresAt) });
    }

    private async Task<IActionResult> UpdateAsync(UpdateStaffMemberCommand command, string done, CancellationToken cancellationToken)
    {
        try
        {
            var member = await Mediator.Send(command, cancellationToken);
            return View(nameof(Index), await PageAsync(null, cancellationToken) with { Notice = $"{member.Name}: {done}" });
        }
        catch (Exception ex) when (ex is DomainException { Code: ErrorCodes.LastAdmin } or ValidationException)
        {
            Response.StatusCode = ex is DomainException ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), await PageAsync(null, cancellationToken) with { Problem = ex is DomainException domain ? domain.Message : "That role or status does not exist." });
        }
    }

    private async Task<StaffPage> PageAsync(int? page, CancellationToken cancellationToken)
    {
        var members = await Mediator.Send(new ListStaffQuery(new PageRequest(Math.Max(1, page ?? 1), PageSize)), cancellationToken);
        return new StaffPage(members.Items, members.Meta, User.StaffId());
    }
}

/// <summary>What the add-member form posts.</summary>
public sealed record StaffForm
{
    public string? Email { get; init; }

    public string? Name { get; init; }

    public string? Role { get; init; }
}

/// <summary>A setup link just issued, shown this once.</summary>
public sealed record ShownSetupLink(string For, string Url, DateTime ExpiresAt);

/// <summary>The staff page: one page of members, and what the last action left to show.</summary>
public sealed record StaffPage(IReadOnlyList<StaffMemberDto> Members, PageMeta Meta, Guid? Me)
{
    public ShownSetupLink? SetupLink { get; init; }

    public StaffForm? Form { get; init; }

    public string? EmailError { get; init; }

    public string? NameError { get; init; }

    public string? RoleError { get; init; }

    public string? Notice { get; init; }

    public string? Problem { get; init; }
}
