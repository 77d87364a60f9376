using MediatR;

namespace Talkover.Application.Abstractions;

/// <summary>A request that only reads; it never opens a transaction.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;
