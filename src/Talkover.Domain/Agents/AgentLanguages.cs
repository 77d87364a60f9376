namespace Talkover.Domain.Agents;

public static class AgentLanguages
{
    public const string Default = "en-US";

    public static readonly IReadOnlyList<string> All =
        ["pt-BR", "pt-PT", "en-US", "en-CA", "es-ES", "fr-FR", "de-DE", "it-IT", "nl-NL", "ja-JP", "ko-KR", "zh-TW"];
}
