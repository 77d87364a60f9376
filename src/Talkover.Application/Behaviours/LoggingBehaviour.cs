using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Talkover.Application.Behaviours;

/// <summary>Logs which request ran and how long it took; never its fields, which may hold secrets.</summary>
public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();

            // The level is checked first: a disabled call would still build its arguments (an array, a boxed number).
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("{Request} handled in {ElapsedMs:0.0} ms", typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return response;
        }
        catch (Exception ex)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("{Request} ended with {Outcome} after {ElapsedMs:0.0} ms", typeof(TRequest).Name, ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            throw;
        }
    }
}
