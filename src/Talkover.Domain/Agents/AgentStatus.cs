namespace Talkover.Domain.Agents;

public static class AgentStatus
{
    public const string Draft = "draft";
    public const string Published = "published";

    public static readonly IReadOnlyList<string> All = [Draft, Published];
}
