namespace Talkover.Domain.Agents;

public static class AgentDirection
{
    public const string Inbound = "inbound";
    public const string Outbound = "outbound";

    public static readonly IReadOnlyList<string> All = [Inbound, Outbound];
}
