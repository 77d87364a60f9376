using Talkover.Domain.Agents;

namespace Talkover.Domain.Tests.Builders;

/// <summary>A draft inbound agent with no numbers, unless told otherwise.</summary>
internal sealed class AgentBuilder
{
    public static readonly DateTime CreatedAt = new(2024, 1, 2, 8, 0, 0, DateTimeKind.Utc);

    private string _direction = AgentDirection.Inbound;
    private Guid[] _phoneNumberIds = [];

    public AgentBuilder WithDirection(string direction)
    {
        _direction = direction;
        return this;
    }

    public AgentBuilder WithNumbers(params Guid[] phoneNumberIds)
    {
        _phoneNumberIds = phoneNumberIds;
        return this;
    }

    public Agent Build() =>
        Agent.Rehydrate(
            Guid.NewGuid(),
            PhoneNumberBuilder.DefaultEnvironmentId,
            "Front desk",
            null,
            AgentLanguages.Default,
            _direction,
            AgentStatus.Draft,
            _phoneNumberIds,
            CreatedAt,
            CreatedAt);
}
