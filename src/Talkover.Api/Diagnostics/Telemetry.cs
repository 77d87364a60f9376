using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Talkover.Application.Diagnostics;

namespace Talkover.Api.Diagnostics;

/// <summary>
/// Metrics and traces with OpenTelemetry: ASP.NET Core's request metrics and the <c>talkover.*</c>
/// instruments, scraped at <c>/metrics</c> (unless <c>Metrics:Prometheus</c> is false) and exported over
/// OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; spans of requests, outgoing HTTP calls and SQL Server
/// commands, exported only then. Without it spans are not recorded, but every request still has a trace
/// id (the caller's <c>traceparent</c>, or a new one) for its log lines.
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";

    public const string ServiceName = "talkover";

    public static IServiceCollection AddTalkoverTelemetry(this IServiceCollection services, IConfiguration configuration, string version)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var prometheus = PrometheusEnabled(configuration);

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: version))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(TalkoverMetrics.MeterName);
                metrics.AddAspNetCoreInstrumentation();
                metrics.AddHttpClientInstrumentation();
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(options => options.Filter = context => !IsOperational(context.Request.Path));
                tracing.AddHttpClientInstrumentation();
                tracing.AddSqlClientInstrumentation();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
                else
                {
                    tracing.SetSampler(new AlwaysOffSampler());
                }
            });
        return services;
    }

    /// <summary><c>/metrics</c> in Prometheus text, without credentials and marked to be never rate limited.</summary>
    public static void MapTalkoverMetrics(this WebApplication app)
    {
        if (PrometheusEnabled(app.Configuration))
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).DisableRateLimiting();
        }
    }

    private static bool PrometheusEnabled(IConfiguration configuration) =>
        !bool.TryParse(configuration["Metrics:Prometheus"], out var enabled) || enabled;

    /// <summary>Probes and scrapes: no span for each of them.</summary>
    private static bool IsOperational(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health") || path.StartsWithSegments("/api/v1/health");
}
