using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Talkover.Api.Http;
using Talkover.Domain.Common;

namespace Talkover.Api.Authentication;

/// <summary>Answers a failed authorization with the error envelope: 401 INVALID_TOKEN or 403 UNAUTHORIZED.</summary>
public sealed class EnvelopeAuthorizationResultHandler(AdminKey adminKey) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var adminRoute = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Policies.Admin) == true;
        if (adminRoute && !adminKey.IsConfigured)
        {
            await ApiErrors.WriteAsync(context, StatusCodes.Status403Forbidden, ErrorCodes.Unauthorized, "Admin routes are disabled: Admin__ApiKey is not configured");
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
            var message = adminRoute ? "An environment token cannot use admin routes" : "The admin key cannot use environment routes";
            await ApiErrors.WriteAsync(context, StatusCodes.Status403Forbidden, ErrorCodes.Unauthorized, message);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
