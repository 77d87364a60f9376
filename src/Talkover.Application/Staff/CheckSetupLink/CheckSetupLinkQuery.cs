using Talkover.Application.Abstractions;

namespace Talkover.Application.Staff.CheckSetupLink;

/// <summary>Whether a setup link still works (unused, not expired, its member's newest), before the member types a password into it.</summary>
public sealed record CheckSetupLinkQuery(Input<string> Token) : IQuery<bool>;
