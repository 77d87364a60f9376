using Talkover.Application.Abstractions;

namespace Talkover.Application.Staff.IssueSetupLink;

/// <summary>A password reset: a new setup link; the member's old password and earlier links stop working.</summary>
public sealed record IssueSetupLinkCommand(Input<Guid> StaffId) : ICommand<SetupLinkDto>;
