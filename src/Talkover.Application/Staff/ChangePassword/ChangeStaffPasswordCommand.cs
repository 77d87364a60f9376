using Talkover.Application.Abstractions;

namespace Talkover.Application.Staff.ChangePassword;

/// <summary>A signed-in member changes their password; their other sessions end. Null when the current password is wrong.</summary>
public sealed record ChangeStaffPasswordCommand(Guid StaffId, Input<string> CurrentPassword, Input<string> NewPassword) : ICommand<StaffCredential?>;
