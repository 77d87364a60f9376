using MediatR;
using Talkover.Application.Abstractions;
using Talkover.Application.Events;

namespace Talkover.Application.Behaviours;

/// <summary>
/// Wraps a command's handler in one transaction: everything it writes lands together or not at all, and
/// so do the events its aggregates recorded, stored in the outbox just before the commit.
/// Inside a keyed request's transaction it is a savepoint, so a domain error undoes only the command's writes.
/// </summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(IUnitOfWork unitOfWork, EventOutbox events)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ITransactional)
        {
            return await next();
        }

        await unitOfWork.BeginAsync(cancellationToken);
        TResponse response;
        try
        {
            response = await next();
            await events.StoreAsync(cancellationToken);
        }
        catch
        {
            events.Discard();
            await unitOfWork.RollbackAsync(CancellationToken.None);
            throw;
        }

        try
        {
            await unitOfWork.CommitAsync(cancellationToken);
        }
        catch
        {
            events.Discard();
            throw;
        }

        events.Committed();
        return response;
    }
}
