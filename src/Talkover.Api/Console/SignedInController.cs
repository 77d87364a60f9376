using MediatR;
using Microsoft.AspNetCore.Authorization;
using Talkover.Api.Authentication;
using Talkover.Application.Staff;
using Talkover.Domain.ReleaseRequests;
using Talkover.Domain.Staff;

namespace Talkover.Api.ReviewConsole;

/// <summary>
/// A console page for signed-in staff, at least viewers. Pages send the same MediatR commands and queries
/// as the API, as the member signed in; an action that needs more declares its policy, as the API's do.
/// </summary>
[Authorize(Policy = Policies.Viewer)]
public abstract class SignedInController(IMediator mediator) : ConsoleControllerBase
{
    protected IMediator Mediator { get; } = mediator;

    protected Actor Actor => User.ToActor();

    protected StaffCaller Caller => new(User.StaffId(), User.StaffRoleOf()!);

    protected bool Holds(string role) => StaffRole.Includes(User.StaffRoleOf() ?? "", role);
}
