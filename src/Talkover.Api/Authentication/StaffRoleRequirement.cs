using Microsoft.AspNetCore.Authorization;
using Talkover.Domain.Staff;

namespace Talkover.Api.Authentication;

/// <summary>A staff credential (or the bootstrap key, role admin) whose role includes <see cref="Role"/>.</summary>
public sealed class StaffRoleRequirement(string role) : AuthorizationHandler<StaffRoleRequirement>, IAuthorizationRequirement
{
    public string Role { get; } = role;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffRoleRequirement requirement)
    {
        if (context.User.IsStaffOrSystem() && context.User.StaffRoleOf() is { } held && StaffRole.Includes(held, requirement.Role))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
