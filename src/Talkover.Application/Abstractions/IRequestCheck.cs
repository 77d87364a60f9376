namespace Talkover.Application.Abstractions;

/// <summary>
/// A check of a request that needs the outside world (a DNS lookup, say), run by the validation step after the
/// request's validators pass and before any transaction opens, so nothing waits on it while holding a lock.
/// It reports a problem by throwing FluentValidation's <c>ValidationException</c>, as a validator would.
/// </summary>
public interface IRequestCheck<in TRequest>
{
    Task CheckAsync(TRequest request, CancellationToken cancellationToken);
}
