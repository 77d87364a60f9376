using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Talkover.Api.Authentication;
using Talkover.Application.Abstractions;

namespace Talkover.Api.ReviewConsole;

/// <summary>
/// The console's session: a cookie (HttpOnly, SameSite=Strict, Secure over HTTPS, 8 hours sliding) holding
/// the member's id and security stamp, protected by the Data Protection key ring. Every request checks it
/// against the database, so disabling a member, a new password, signing out or a role change counts from the next page.
/// </summary>
public static class ConsoleAuthentication
{
    public const string Scheme = "Console";

    /// <summary>The default scheme: the console's cookie under /console, bearer credentials everywhere else.</summary>
    public const string ByPath = "ByPath";

    public const string CookieName = "talkover_console";

    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public static AuthenticationBuilder AddConsoleCookie(this AuthenticationBuilder authentication) =>
        authentication
            .AddPolicyScheme(ByPath, "Bearer credentials, or the console's session under /console", options =>
                options.ForwardDefaultSelector = context => ConsolePaths.IsConsole(context.Request) ? Scheme : BearerAuthenticationHandler.SchemeName)
            .AddCookie(Scheme, options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.Path = ConsolePaths.Root;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = SessionLifetime;
                options.SlidingExpiration = true;
                options.LoginPath = ConsolePaths.Root + "/sign-in";
                options.LogoutPath = ConsolePaths.Root + "/sign-out";
                options.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = ValidateAsync,
                    OnRedirectToAccessDenied = context => ConsoleErrorPage.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden),
                };
            });

    /// <summary>Starts a session for the member who just signed in (or chose a password).</summary>
    public static Task SignInAsync(HttpContext context, StaffCredential staff) =>
        context.SignInAsync(Scheme, Principal(staff), new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);

    private static ClaimsPrincipal Principal(StaffCredential staff) =>
        new(new ClaimsIdentity(TalkoverClaims.ForStaff(staff.StaffId, staff.Name, staff.Email, staff.Role, staff.SecurityStamp), Scheme,
            TalkoverClaims.NameClaim, TalkoverClaims.RoleClaim));

    /// <summary>
    /// The member as they are now: gone, disabled or with a new security stamp (a new password, a reset,
    /// disabling, signing out) ends the session; a new name or role is taken into the session at once.
    /// </summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal!;
        var current = principal.StaffId() is { } staffId
            ? await context.HttpContext.RequestServices.GetRequiredService<ICredentialQueries>().FindActiveStaffAsync(staffId, context.HttpContext.RequestAborted)
            : null;
        if (current is null || current.SecurityStamp != principal.FindFirstValue(TalkoverClaims.SecurityStampClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }

        if (current.Name != principal.FindFirstValue(TalkoverClaims.NameClaim)
            || current.Email != principal.FindFirstValue(TalkoverClaims.EmailClaim)
            || current.Role != principal.StaffRoleOf())
        {
            context.ReplacePrincipal(Principal(current));
            context.ShouldRenew = true;
        }
    }
}
