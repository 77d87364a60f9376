using Microsoft.AspNetCore.Authorization;
using Talkover.Domain.Staff;

namespace Talkover.Api.Authentication;

/// <summary>
/// A route about one staff member (its <c>{staff_id}</c>) that the member may use on themselves whatever
/// their role, and an admin on anyone — their API keys. Decided with the other policies, before the body is
/// read; the application checks the same rule again (<c>StaffCaller.EnsureMayManageKeysOf</c>) for the console.
/// </summary>
public sealed class OwnStaffRecordRequirement : AuthorizationHandler<OwnStaffRecordRequirement>, IAuthorizationRequirement
{
    public const string RouteValue = "staff_id";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnStaffRecordRequirement requirement)
    {
        var user = context.User;
        if (user.IsStaffOrSystem() && StaffRole.Includes(user.StaffRoleOf() ?? "", StaffRole.Admin))
        {
            context.Succeed(requirement);
        }
        else if (context.Resource is HttpContext http
            && Guid.TryParse(http.GetRouteValue(RouteValue) as string, out var staffId)
            && user.Kind() == CredentialKinds.Staff
            && user.StaffId() == staffId)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
