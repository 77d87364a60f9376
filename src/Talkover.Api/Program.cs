using System.Data.Common;
using System.Net.Sockets;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Scalar.AspNetCore;
using Talkover.Api.Authentication;
using Talkover.Api.Controllers;
using Talkover.Api.Diagnostics;
using Talkover.Api.Http;
using Talkover.Api.Idempotency;
using Talkover.Api.OpenApi;
using Talkover.Api.RateLimiting;
using Talkover.Api.ReviewConsole;
using Talkover.Api.Startup;
using Talkover.Api.Webhooks;
using Talkover.Application;
using Talkover.Application.Abstractions;
using Talkover.Application.Diagnostics;
using Talkover.Domain.Common;
using Talkover.Domain.Staff;
using Talkover.Infrastructure;
using Talkover.Infrastructure.Persistence;
using Talkover.Infrastructure.Webhooks;

// Process-wide library settings (FluentValidation's field names, Dapper's type mapping), before anything uses them.
Talkover.Infrastructure.ProcessSetup.Configure();

// appsettings*.json are read from the application's own folder, whatever the working directory it was
// started from (the SQLite file's relative path still resolves against the working directory).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

TalkoverSettings settings;
try
{
    settings = TalkoverSettings.Read(builder.Configuration, builder.Environment);
}
catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or KeyNotFoundException)
{
    // ArgumentException and friends come from connection-string builders given a malformed string.
    Console.Error.WriteLine($"talkover: bad configuration: {ex.Message}");
    return 1;
}

// The database is made ready before the host is built, so a bad one stops the process with one
// line (no host start-up stack trace) and the server never listens against a database it cannot use.
var migrator = new DatabaseMigrator(settings.Database);
try
{
    if (settings.Database.MigrateOnStartup || args.Contains("migrate"))
    {
        foreach (var script in migrator.Migrate())
        {
            Console.WriteLine($"talkover: applied migration {script}");
        }
    }
    else
    {
        migrator.EnsureReachable();
    }
}
catch (Exception ex) when (ex is DatabaseUnavailableException or DbException or IOException or UnauthorizedAccessException or ArgumentException)
{
    Console.Error.WriteLine($"talkover: cannot start: {ex.Message.ReplaceLineEndings(" ")}");
    return 1;
}

if (StaffCommandLine.Handles(args))
{
    return await StaffCommandLine.RunAsync(args, settings, builder.Configuration);
}

if (args.Contains("migrate"))
{
    Console.WriteLine("talkover: the database is up to date.");
    return 0;
}

// The local default yields to any address the host is given: --urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS or
// ASPNETCORE_HTTPS_PORTS (the official container images set HTTP_PORTS=8080), or Kestrel endpoints in configuration.
if (new[] { "urls", "http_ports", "https_ports" }.All(key => string.IsNullOrEmpty(builder.Configuration[key]))
    && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

// A start-up failure is reported in one line at the end of this file; the host would also log it with
// its stack trace. A faulted background service still shows: the host logs that as Critical too.
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

// ASP.NET Core's "Request starting/finished" lines carry the query string, and a console setup link carries
// its single-use token there: those lines stay off whatever the configured level. So does the category's
// request scope, whose request id is not the X-Request-Id: RequestLoggingMiddleware writes the request's
// line and scope instead.
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);

// The JSON console formatter (Production's, appsettings.Production.json) escapes control characters; it keeps
// other characters as they are, since a log line is never HTML.
builder.Services.Configure<Microsoft.Extensions.Logging.Console.JsonConsoleFormatterOptions>(options =>
    options.JsonWriterOptions = options.JsonWriterOptions with { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

if (settings.AdminKeyGenerated)
{
    Console.WriteLine($"Admin key for this run (Development only; set Admin__ApiKey to keep one): {settings.AdminApiKey}");
}

// From here on only the admin key's hash is kept.
builder.Services.AddSingleton(new AdminKey(settings.AdminApiKey));
builder.Services.AddSingleton(settings with { AdminApiKey = null });
builder.Services.AddApplication();
builder.Services.AddInfrastructure(settings.Database, settings.Webhooks);
// The key ring behind the console's cookies and antiforgery tokens: in the database, shared by every
// instance and kept across restarts, unless DataProtection:KeysPath names a folder.
builder.Services.AddTalkoverDataProtection(settings.DataProtectionKeysPath);
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton<IConsoleLinks, ConsoleLinks>();
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddHostedService<StartupTasks>();
builder.Services.AddHostedService<ExpiredKeySweeper>();

// Release-request notifications: the outbox's dispatcher POSTs through its own HttpClient, which follows no
// redirect, uses no proxy (it would connect in our place) and connects only through the SSRF guard, which
// checks the address it is about to connect to.
builder.Services.AddSingleton<IWebhookEventSerializer, WebhookEventSerializer>();
builder.Services.AddHttpClient(WebhookDispatcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
    .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = services.GetRequiredService<WebhookUrlGuard>().ConnectAsync,
    });
builder.Services.AddHostedService<WebhookDispatcher>();

// The API's controllers and the support console's pages. The JSON body handling below is the API's only:
// JsonBodyFilter passes console actions (not [ApiController]) through, and they post forms, not [FromBody].
builder.Services
    .AddControllersWithViews(options =>
    {
        // A [FromBody] record is read once (415/413/400 first), its fields kept as Input<T>; query
        // parameters bind to Input<T> too. Both are validated once, in the MediatR pipeline.
        // One instance for every action (it holds nothing): added by type, MVC would make one per request.
        options.Filters.Add(new JsonBodyFilter());
        options.ModelBinderProviders.Insert(0, new JsonBodyModelBinderProvider());
        options.ModelBinderProviders.Insert(0, new InputModelBinderProvider());
        // page and per_page (PageQuery) are read in one step, not through MVC's object binder per property.
        options.ModelBinderProviders.Insert(0, new InputFieldsModelBinderProvider());
    })
    .ConfigureApiBehaviorOptions(options =>
    {
        options.SuppressModelStateInvalidFilter = true;
        options.SuppressMapClientErrors = true;
    })
    .AddJsonOptions(options => JsonDefaults.Apply(options.JsonSerializerOptions));
builder.Services.ConfigureHttpJsonOptions(options => JsonDefaults.Apply(options.SerializerOptions));

// MVC does not walk request fields (Input<T> and records of them) for validation: the pipeline validates them.
builder.Services.AddSingleton<Microsoft.AspNetCore.Mvc.ModelBinding.Validation.IObjectModelValidator>(services => new RequestFieldsObjectValidator(
    services.GetRequiredService<Microsoft.AspNetCore.Mvc.ModelBinding.IModelMetadataProvider>(),
    services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Mvc.MvcOptions>>().Value));

// The console's views live under Views/Console/; its cookies (the antiforgery one now, sign-in next) are
// HttpOnly, SameSite=Strict, and Secure whenever the request came over HTTPS.
builder.Services.Configure<Microsoft.AspNetCore.Mvc.Razor.RazorViewEngineOptions>(options =>
{
    options.ViewLocationFormats.Insert(0, "/Views/Console/Shared/{0}.cshtml");
    options.ViewLocationFormats.Insert(0, "/Views/Console/{1}/{0}.cshtml");
});
builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "talkover_console_antiforgery";
    options.Cookie.Path = ConsolePaths.Root;
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
builder.Services.Configure<CookiePolicyOptions>(options =>
{
    options.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
    options.MinimumSameSitePolicy = SameSiteMode.Strict;
    options.Secure = CookieSecurePolicy.SameAsRequest;
});

builder.Services
    .AddAuthentication(ConsoleAuthentication.ByPath)
    .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null)
    .AddConsoleCookie();
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(Policies.Tenant, policy => policy.RequireClaim(CredentialKinds.ClaimType, CredentialKinds.Environment))
    .AddPolicy(Policies.Viewer, policy => policy.AddRequirements(new StaffRoleRequirement(StaffRole.Viewer)))
    .AddPolicy(Policies.Reviewer, policy => policy.AddRequirements(new StaffRoleRequirement(StaffRole.Reviewer)))
    .AddPolicy(Policies.Admin, policy => policy.AddRequirements(new StaffRoleRequirement(StaffRole.Admin)))
    .AddPolicy(Policies.OwnRecordOrAdmin, policy => policy.AddRequirements(new StaffRoleRequirement(StaffRole.Viewer), new OwnStaffRecordRequirement()));
builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, EnvelopeAuthorizationResultHandler>();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddTalkoverOpenApi();
builder.Services.AddTalkoverHealthChecks();
builder.Services.AddTalkoverTelemetry(builder.Configuration, HealthController.Version);
builder.Services.AddTalkoverRateLimiting(settings.RateLimits, settings.Redis);
builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(settings.KnownProxies.Apply);

var app = builder.Build();

// The review-queue gauges read the database, whose access records the write-wait histogram on the same meter.
app.Services.GetRequiredService<TalkoverMetrics>().ObserveReleaseQueue(app.Services.GetRequiredService<IReleaseQueueStatistics>());

// First, so the request id, logs, rate-limit buckets and cookies' Secure flag all see the client's address and
// scheme as the trusted load balancer forwarded them; without ForwardedHeaders:KnownProxies nothing is believed.
if (!settings.KnownProxies.IsEmpty)
{
    app.UseForwardedHeaders();
}

app.UseMiddleware<RequestIdMiddleware>();
app.UseMiddleware<RequestLoggingMiddleware>();
app.UseMiddleware<ConsoleHeadersMiddleware>();
app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteUnexpectedErrorAsync });

// A bare status code becomes the API's JSON envelope, or under /console an HTML page.
app.UseStatusCodePages(async statusContext =>
{
    var context = statusContext.HttpContext;
    if (ConsolePaths.IsConsole(context.Request))
    {
        await ConsoleErrorPage.WriteAsync(context, context.Response.StatusCode);
        return;
    }

    var (code, message) = ApiErrors.ForStatus(context.Response.StatusCode);
    await ApiErrors.WriteAsync(context, context.Response.StatusCode, code, message);
});

// The console's stylesheet (wwwroot/console/, built into the assembly so it is there whatever the working
// directory): only under /console/assets, before authentication and rate limits.
app.UseStaticFiles(new StaticFileOptions
{
    RequestPath = ConsolePaths.Assets,
    FileProvider = new Microsoft.Extensions.FileProviders.EmbeddedFileProvider(typeof(ConsolePaths).Assembly, "Talkover.Api.wwwroot.console"),
});

app.UseCookiePolicy();
app.UseAuthentication();
// After authentication (a request counts against its caller's bucket), before authorization (a 401 or 403 counts too).
app.UseRateLimiter();
app.UseAuthorization();
app.UseMiddleware<CredentialUsageMiddleware>();
app.UseMiddleware<IdempotencyMiddleware>();

// Inside the idempotency layer as well, so the response it keeps is the real 4xx, not an exception.
app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteUnexpectedErrorAsync });

// Health, metrics, the API description and its reference page carry the framework's DisableRateLimiting
// metadata: no flood of requests can make a healthy node look down.
app.MapTalkoverHealth();
app.MapTalkoverMetrics();
app.MapOpenApi().DisableRateLimiting();
app.MapScalarApiReference("/docs", options => options.WithOpenApiRoutePattern("/openapi/{documentName}.json")).DisableRateLimiting();
app.MapControllers();

await using (app)
{
    try
    {
        await app.StartAsync();
    }
    catch (Exception ex) when (ex is IOException or SocketException or FormatException)
    {
        // Kestrel could not listen: the port is taken, the address is not this machine's, the URL is
        // malformed. Stopping the host ends the background services it had started as a normal
        // shutdown would, instead of logging each as faulted.
        await app.StopAsync();
        var reason = ex is SocketException ? $"cannot listen on {app.Configuration["urls"]}: {ex.Message}" : ex.Message;
        Console.Error.WriteLine($"talkover: cannot start: {reason}");
        return 1;
    }

    await app.WaitForShutdownAsync();
    return 0;
}

// An unexpected exception: the API's INTERNAL_ERROR envelope, or the console's error page; no detail either way.
static Task WriteUnexpectedErrorAsync(HttpContext context) =>
    ConsolePaths.IsConsole(context.Request)
        ? ConsoleErrorPage.WriteAsync(context, StatusCodes.Status500InternalServerError)
        : ApiErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "An unexpected error occurred");
