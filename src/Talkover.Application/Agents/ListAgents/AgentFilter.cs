namespace Talkover.Application.Agents.ListAgents;

/// <summary>The filters as the read side takes them; null means "any".</summary>
public sealed record AgentFilter(string? Status, string? Direction, string? NameContains);
