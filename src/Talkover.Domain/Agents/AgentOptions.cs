namespace Talkover.Domain.Agents;

public static class AgentDirection
{
    public const string Inbound = "inbound";
    public const string Outbound = "outbound";

    public static readonly IReadOnlyList<string> All = [Inbound, Outbound];
}

public static class AgentStatus
{
    public const string Draft = "draft";
    public const string Published = "published";

    public static readonly IReadOnlyList<string> All = [Draft, Published];
}

public static class AgentLanguages
{
    public const string Default = "en-US";

    public static readonly IReadOnlyList<string> All =
        ["pt-BR", "pt-PT", "en-US", "en-CA", "es-ES", "fr-FR", "de-DE", "it-IT", "nl-NL", "ja-JP", "ko-KR", "zh-TW"];
}
