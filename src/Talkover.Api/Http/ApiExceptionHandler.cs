using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Talkover.Api.ReviewConsole;
using Talkover.Application.Abstractions;
using Talkover.Domain.Common;

namespace Talkover.Api.Http;

/// <summary>The one place exceptions become responses. Unexpected ones get a generic 500: no stack trace, no SQL.</summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (ConsolePaths.IsConsole(context.Request))
        {
            // The console shows what it expects next to the field it concerns; anything that reaches here is a page of its own.
            var status = exception switch
            {
                DomainException domain => StatusFor(domain.Kind),
                ValidationException => StatusCodes.Status422UnprocessableEntity,
                DatabaseUnavailableException => StatusCodes.Status503ServiceUnavailable,
                BadHttpRequestException badRequest => badRequest.StatusCode,
                _ => StatusCodes.Status500InternalServerError,
            };
            if (status >= 500)
            {
                logger.LogError(exception, status == StatusCodes.Status503ServiceUnavailable ? "Database unavailable" : "Unhandled exception");
            }

            await ConsoleErrorPage.WriteAsync(context, status);
            return true;
        }

        switch (exception)
        {
            case ValidationException validation:
                await ApiErrors.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError, "The request has invalid fields", ToErrors(validation));
                break;
            case DomainException domain:
                await ApiErrors.WriteAsync(context, StatusFor(domain.Kind), domain.Code, domain.Message);
                break;
            case DatabaseUnavailableException:
                logger.LogError(exception, "Database unavailable");
                await WriteForStatusAsync(context, StatusCodes.Status503ServiceUnavailable);
                break;
            case BadHttpRequestException badRequest:
                await WriteForStatusAsync(context, badRequest.StatusCode);
                break;
            default:
                logger.LogError(exception, "Unhandled exception");
                await WriteForStatusAsync(context, StatusCodes.Status500InternalServerError);
                break;
        }

        return true;
    }

    public static int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    private static Task WriteForStatusAsync(HttpContext context, int status)
    {
        var (code, message) = ApiErrors.ForStatus(status);
        return ApiErrors.WriteAsync(context, status, code, message);
    }

    private static Dictionary<string, string[]> ToErrors(ValidationException exception) =>
        exception.Errors
            .GroupBy(failure => failure.PropertyName, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);
}
