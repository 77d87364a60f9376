namespace Talkover.Application.Abstractions;

public interface IDatabaseHealth
{
    Task<bool> IsUpAsync(CancellationToken cancellationToken);
}
