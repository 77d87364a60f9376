using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talkover.Api.Authentication;
using Talkover.Api.Http;
using Talkover.Application.Agents;
using Talkover.Application.Agents.CreateAgent;
using Talkover.Application.Agents.GetAgent;
using Talkover.Application.Agents.ListAgents;
using Talkover.Application.Agents.UpdateAgentCalling;

namespace Talkover.Api.Controllers;

[Route("api/v1/agents")]
[Authorize(Policy = Policies.Tenant)]
public sealed class AgentsController(IMediator mediator) : ApiControllerBase(mediator)
{
    [HttpPost]
    [JsonBody(Schema = typeof(CreateAgentBody))]
    [ProducesResponseType<ApiEnvelope<AgentDto>>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(JsonBody body, CancellationToken cancellationToken)
    {
        var command = new CreateAgentCommand(EnvironmentId, body.String("name"), body.String("label"), body.String("language"), body.String("direction"));
        var agent = await Mediator.Send(command, cancellationToken);
        return CreatedEnvelope($"/api/v1/agents/{agent.Id}", agent);
    }

    /// <summary>The environment's agents, newest first.</summary>
    [HttpGet]
    [Paged]
    [QueryParameter("status", "string", "draft or published")]
    [QueryParameter("direction", "string", "inbound or outbound")]
    [QueryParameter("search", "string", "Part of the agent's name")]
    [ProducesResponseType<ApiEnvelope<IReadOnlyList<AgentDto>>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, "VALIDATION_ERROR")]
    public async Task<IActionResult> List(CancellationToken cancellationToken)
    {
        var query = Request.Query;
        var page = await Mediator.Send(new ListAgentsQuery(EnvironmentId, query.String("status"), query.String("direction"), query.String("search"), query.Page()), cancellationToken);
        return Ok(PageEnvelope(page));
    }

    [HttpGet("{agent_id}")]
    [ProducesResponseType<ApiEnvelope<AgentDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, "AGENT_NOT_FOUND")]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, "VALIDATION_ERROR")]
    public async Task<IActionResult> Get([FromRoute(Name = "agent_id")] string agentId, CancellationToken cancellationToken) =>
        Ok(Envelope(await Mediator.Send(new GetAgentQuery(EnvironmentId, RouteIds.Parse(agentId)), cancellationToken)));

    /// <summary>Set the direction and replace the assigned numbers; <c>[]</c> detaches all, omitting the field keeps them.</summary>
    [HttpPut("{agent_id}/calling")]
    [JsonBody(Schema = typeof(UpdateCallingBody))]
    [ProducesResponseType<ApiEnvelope<AgentDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, "AGENT_NOT_FOUND")]
    [ErrorCode(StatusCodes.Status409Conflict, "PHONE_NUMBER_RELEASE_PENDING")]
    public async Task<IActionResult> UpdateCalling([FromRoute(Name = "agent_id")] string agentId, JsonBody body, CancellationToken cancellationToken)
    {
        var command = new UpdateAgentCallingCommand(EnvironmentId, RouteIds.Parse(agentId), body.String("direction"), body.UuidArray("phone_number_ids"));
        var agent = await Mediator.Send(command, cancellationToken);
        return Ok(Envelope(agent, "Agent calling settings updated successfully"));
    }

    public sealed record CreateAgentBody(string Name, string? Label = null, string? Language = null, string? Direction = null);

    public sealed record UpdateCallingBody(string Direction, IReadOnlyList<Guid>? PhoneNumberIds = null);
}
