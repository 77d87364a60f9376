using MediatR;
using Talkover.Application.Abstractions;

namespace Talkover.Application.Behaviours;

/// <summary>
/// Wraps a command's handler in one transaction: everything it writes lands together or not at all.
/// Inside a keyed request's transaction it is a savepoint, so a domain error undoes only the command's writes.
/// </summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(IUnitOfWork unitOfWork)
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
        }
        catch
        {
            await unitOfWork.RollbackAsync(CancellationToken.None);
            throw;
        }

        await unitOfWork.CommitAsync(cancellationToken);
        return response;
    }
}
