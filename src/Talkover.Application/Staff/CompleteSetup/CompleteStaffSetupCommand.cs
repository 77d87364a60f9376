using Talkover.Application.Abstractions;

namespace Talkover.Application.Staff.CompleteSetup;

/// <summary>A member opens their setup link and chooses a password; the result signs them in, or is null when the link no longer works.</summary>
public sealed record CompleteStaffSetupCommand(Input<string> Token, Input<string> Password) : ICommand<StaffCredential?>;
