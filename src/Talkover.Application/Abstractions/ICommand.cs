using MediatR;

namespace Talkover.Application.Abstractions;

/// <summary>A request that changes state; the transaction behaviour wraps its handler in one database transaction.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>, ITransactional;
