using MediatR;
using Microsoft.AspNetCore.Mvc;
using Talkover.Api.Authentication;
using Talkover.Api.Http;
using Talkover.Application.Common;

namespace Talkover.Api.Controllers;

[ApiController]
[Produces("application/json")]
public abstract class ApiControllerBase(IMediator mediator) : ControllerBase
{
    protected IMediator Mediator { get; } = mediator;

    protected Guid EnvironmentId => User.EnvironmentId();

    protected static ApiEnvelope<T> Envelope<T>(T data, string? message = null) => new(data, message);

    protected CreatedResult CreatedEnvelope<T>(string location, T data) => Created(location, Envelope(data));

    protected static ApiEnvelope<IReadOnlyList<T>> PageEnvelope<T>(Paged<T> page) => new(page.Items, Meta: page.Meta);
}
