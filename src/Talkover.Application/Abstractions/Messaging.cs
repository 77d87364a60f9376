using MediatR;

namespace Talkover.Application.Abstractions;

/// <summary>A request that changes state; the transaction behaviour wraps its handler in one database transaction.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>, ITransactional;

/// <summary>A request that only reads; it never opens a transaction.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;

/// <summary>Marker the transaction behaviour looks for.</summary>
public interface ITransactional;
