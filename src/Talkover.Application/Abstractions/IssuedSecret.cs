namespace Talkover.Application.Abstractions;

/// <summary>A freshly issued secret and the hash that is the only thing stored.</summary>
public sealed record IssuedSecret(string Secret, string Hash);
