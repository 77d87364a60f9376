using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talkover.Api.Authentication;
using Talkover.Api.Http;
using Talkover.Api.OpenApi;
using Talkover.Application.Abstractions;
using Talkover.Application.Agents;
using Talkover.Application.Agents.CreateAgent;
using Talkover.Application.Agents.GetAgent;
using Talkover.Application.Agents.ListAgents;
using Talkover.Application.Agents.UpdateAgentCalling;
using Talkover.Application.Validation;
using Talkover.Domain.Agents;
using Talkover.Domain.Common;

namespace Talkover.Api.Controllers;

[Route("api/v1/agents")]
[Authorize(Policy = Policies.Tenant)]
public sealed class AgentsController(IMediator mediator) : ApiControllerBase(mediator)
{
    /// <summary>Create an agent.</summary>
    /// <remarks>The agent starts as a draft, holding no numbers.</remarks>
    [HttpPost(Name = "createAgent")]
    [LocationHeader]
    [ProducesResponseType<ApiEnvelope<AgentDto>>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create([FromBody] CreateAgentBody body, CancellationToken cancellationToken)
    {
        var agent = await Mediator.Send(new CreateAgentCommand(EnvironmentId, body.Name, body.Label, body.Language, body.Direction), cancellationToken);
        return CreatedEnvelope($"/api/v1/agents/{agent.Id}", agent);
    }

    /// <summary>List agents.</summary>
    /// <remarks>The environment's agents, newest first.</remarks>
    /// <param name="status">Only agents in this status.</param>
    /// <param name="direction">Only agents with this direction.</param>
    /// <param name="search">Part of the agent's name, ignoring ASCII letter case.</param>
    [HttpGet(Name = "listAgents")]
    [ProducesResponseType<ApiEnvelope<IReadOnlyList<AgentDto>>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> List(
        [FromQuery(Name = "status"), Field(ValuesOf = typeof(AgentStatus))] Input<string> status,
        [FromQuery(Name = "direction"), Field(ValuesOf = typeof(AgentDirection))] Input<string> direction,
        [FromQuery(Name = "search"), Field(MaxLength = InputRules.MaxSearchLength)] Input<string> search,
        [FromQuery(Name = "")] PageQuery page,
        CancellationToken cancellationToken) =>
        Ok(PageEnvelope(await Mediator.Send(new ListAgentsQuery(EnvironmentId, status, direction, search, page.ToRequest()), cancellationToken)));

    /// <summary>Get an agent.</summary>
    [HttpGet("{agent_id}", Name = "getAgent")]
    [ProducesResponseType<ApiEnvelope<AgentDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.AgentNotFound)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> Get([FromRoute(Name = "agent_id")] string agentId, CancellationToken cancellationToken) =>
        Ok(Envelope(await Mediator.Send(new GetAgentQuery(EnvironmentId, RouteIds.Parse(agentId)), cancellationToken)));

    /// <summary>Update an agent's calling settings.</summary>
    /// <remarks>Set the direction and replace the assigned numbers; <c>[]</c> detaches all, leaving the field out keeps them.</remarks>
    [HttpPut("{agent_id}/calling", Name = "updateAgentCalling")]
    [ProducesResponseType<ApiEnvelope<AgentDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.AgentNotFound)]
    [ErrorCode(StatusCodes.Status409Conflict, ErrorCodes.PhoneNumberReleasePending)]
    public async Task<IActionResult> UpdateCalling([FromRoute(Name = "agent_id")] string agentId, [FromBody] UpdateCallingBody body, CancellationToken cancellationToken)
    {
        var agent = await Mediator.Send(new UpdateAgentCallingCommand(EnvironmentId, RouteIds.Parse(agentId), body.Direction, body.PhoneNumberIds), cancellationToken);
        return Ok(Envelope(agent, "Agent calling settings updated successfully"));
    }

    /// <summary>A new agent.</summary>
    /// <param name="Name">Required.</param>
    /// <param name="Label">Optional display label.</param>
    /// <param name="Language">Default en-US.</param>
    /// <param name="Direction">Default inbound.</param>
    public sealed record CreateAgentBody(
        [property: Field(Required = true, MinLength = 1, MaxLength = NameRules.MaxLength)] Input<string> Name,
        [property: Field(MaxLength = NameRules.MaxLength)] Input<string> Label,
        [property: Field(ValuesOf = typeof(AgentLanguages))] Input<string> Language,
        [property: Field(ValuesOf = typeof(AgentDirection))] Input<string> Direction);

    /// <summary>An agent's calling settings.</summary>
    /// <param name="Direction">Required.</param>
    /// <param name="PhoneNumberIds">The numbers the agent holds from now on; left out, they stay as they are.</param>
    public sealed record UpdateCallingBody(
        [property: Field(Required = true, ValuesOf = typeof(AgentDirection))] Input<string> Direction,
        Input<IReadOnlyList<Guid>> PhoneNumberIds);
}
