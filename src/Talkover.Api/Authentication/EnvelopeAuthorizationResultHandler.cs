using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Talkover.Api.Http;
using Talkover.Domain.Common;

namespace Talkover.Api.Authentication;

/// <summary>
/// Answers a failed authorization on an API route with the error envelope: 401 INVALID_TOKEN, 403
/// UNAUTHORIZED (a credential of the wrong kind) or 403 INSUFFICIENT_ROLE (a staff role too low).
/// </summary>
public sealed class EnvelopeAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            // The console signs in and out with its own pages.
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (authorizeResult.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            var (code, message) = ApiErrors.ForStatus(StatusCodes.Status401Unauthorized);
            await ApiErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, code, message);
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var staffRoute = policy.Requirements.OfType<StaffRoleRequirement>().Any();
            var (code, message) = (staffRoute, context.User.IsStaffOrSystem()) switch
            {
                (true, true) => (ErrorCodes.InsufficientRole, RoleMessage(authorizeResult)),
                (true, false) => (ErrorCodes.Unauthorized, "An environment token cannot use admin routes"),
                _ => (ErrorCodes.Unauthorized, "Staff credentials cannot use environment routes"),
            };
            await ApiErrors.WriteAsync(context, StatusCodes.Status403Forbidden, code, message);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private static string RoleMessage(PolicyAuthorizationResult result) =>
        result.AuthorizationFailure?.FailedRequirements.OfType<StaffRoleRequirement>().FirstOrDefault() is { } failed
            ? $"This action needs the {failed.Role} role"
            : result.AuthorizationFailure?.FailedRequirements.OfType<OwnStaffRecordRequirement>().Any() == true
                ? "Only the member themselves or an admin may do this"
                : "Your role does not allow this action";
}
