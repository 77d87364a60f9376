using MediatR;
using Microsoft.AspNetCore.Mvc;
using Talkover.Api.Authentication;
using Talkover.Api.Http;
using Talkover.Application.Common;
using Talkover.Application.Staff;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Api.Controllers;

[ApiController]
[Produces("application/json")]
public abstract class ApiControllerBase(IMediator mediator) : ControllerBase
{
    protected IMediator Mediator { get; } = mediator;

    protected Guid EnvironmentId => User.EnvironmentId();

    /// <summary>Who is calling, as the history of what they change will name them.</summary>
    protected Actor Actor => User.ToActor();

    /// <summary>The staff member (or the bootstrap key) calling an admin route, with their role.</summary>
    protected StaffCaller StaffCaller => new(User.StaffId(), User.StaffRoleOf() ?? throw new InvalidOperationException("Not a staff credential."));

    protected static ApiEnvelope<T> Envelope<T>(T data, string? message = null) => new(data, message);

    protected CreatedResult CreatedEnvelope<T>(string location, T data) => Created(location, Envelope(data));

    protected static ApiEnvelope<IReadOnlyList<T>> PageEnvelope<T>(Paged<T> page) => new(page.Items, Meta: page.Meta);
}
