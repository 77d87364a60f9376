using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Talkover.Application.Abstractions;

namespace Talkover.Application.Behaviours;

/// <summary>
/// Runs every validator of the request and reports all failing fields at once; then, for a valid request,
/// its checks that need the outside world (<see cref="IRequestCheck{TRequest}"/>), before any transaction.
/// </summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators, IEnumerable<IRequestCheck<TRequest>> checks)
    : IPipelineBehavior<TRequest, TResponse>
{
    // Resolved once: the validators are singletons, and enumerating the container's sequence per request costs an enumerator.
    private readonly IValidator<TRequest>[] _validators = [.. validators];
    private readonly IRequestCheck<TRequest>[] _checks = [.. checks];

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        // Most requests are valid: the list of failures is made only when there is one.
        List<ValidationFailure>? failures = null;
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            if (result.Errors.Count != 0)
            {
                (failures ??= []).AddRange(result.Errors);
            }
        }

        if (failures is not null)
        {
            throw new ValidationException(failures);
        }

        foreach (var check in _checks)
        {
            await check.CheckAsync(request, cancellationToken);
        }

        return await next();
    }
}
