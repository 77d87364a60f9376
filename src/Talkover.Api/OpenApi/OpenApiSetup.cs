using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Talkover.Api.OpenApi;

public static class OpenApiSetup
{
    public static IServiceCollection AddTalkoverOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Talkover phone-number API",
                    Version = "v1",
                    Description = "Phone-number release workflow. Tenant routes take an environment token (Bearer talq_…); admin routes take the admin key.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["environment_token"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Environment token: talq_ followed by 43 base64url characters.",
                };
                document.Components.SecuritySchemes["admin_key"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Admin key (Admin__ApiKey).",
                };
                return Task.CompletedTask;
            });
        });
}
