using Microsoft.AspNetCore.RateLimiting;
using StackExchange.Redis;
using Talkover.Api.Http;
using Talkover.Api.ReviewConsole;
using Talkover.Application.Diagnostics;
using Talkover.Domain.Common;

namespace Talkover.Api.RateLimiting;

/// <summary>§1.4's limits on ASP.NET Core's rate-limiting middleware, with <see cref="TalkoverRateLimiter"/> as its global limiter.</summary>
public static class RateLimitingSetup
{
    /// <param name="redis">The client settings for shared counters (<see cref="RedisWindowCounter.ReadOptions"/>), or null to count in each instance.</param>
    public static IServiceCollection AddTalkoverRateLimiting(this IServiceCollection services, RateLimitOptions limits, ConfigurationOptions? redis)
    {
        services.AddSingleton(limits);
        services.AddSingleton<FixedWindowCounter>();
        if (redis is not null)
        {
            services.AddSingleton(provider => new RedisWindowCounter(
                redis,
                provider.GetRequiredService<FixedWindowCounter>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<TalkoverMetrics>(),
                provider.GetRequiredService<ILogger<RedisWindowCounter>>()));
            services.AddHostedService<FirstRedisConnection>();
            services.AddHealthChecks().AddCheck<Diagnostics.RedisHealthCheck>("redis", Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, [Diagnostics.HealthEndpoints.ReadyTag]);
        }

        services.AddSingleton(provider => new TalkoverRateLimiter(
            limits,
            provider.GetRequiredService<FixedWindowCounter>(),
            provider.GetRequiredService<TalkoverMetrics>(),
            provider.GetService<RedisWindowCounter>()));
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<TalkoverRateLimiter>((options, limiter) =>
            {
                options.GlobalLimiter = limiter;
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.OnRejected = RejectAsync;
            });
        return services;
    }

    /// <summary>A 429 in the API's envelope, or under /console its HTML page; the limiter has set the headers.</summary>
    private static ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        if (ConsolePaths.IsConsole(context.Request))
        {
            return new ValueTask(ConsoleErrorPage.WriteAsync(context, StatusCodes.Status429TooManyRequests));
        }

        rejected.Lease.TryGetMetadata(TalkoverRateLimiter.Standing, out var standing);
        return new ValueTask(ApiErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimitExceeded,
            $"Rate limit of {standing.Limit} requests per minute exceeded; retry in {standing.ResetSeconds} s"));
    }

    /// <summary>
    /// Waits at start (at most the connect timeout) for the first connection to Redis, so the first requests
    /// already count where every instance counts. Unreachable, the service starts anyway and counts on its own.
    /// </summary>
    private sealed class FirstRedisConnection(RedisWindowCounter counter) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                await counter.FirstConnectionAttempt.WaitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Reported by the counter on the first request it cannot take to Redis.
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
