using Talkover.Application.Abstractions;

namespace Talkover.Application.Staff.ChangePassword;

/// <summary>
/// A signed-in member changes their password; their other sessions end. Null when the current password is
/// wrong or the account is locked (five wrong passwords in a row, here or on the sign-in page).
/// </summary>
public sealed record ChangeStaffPasswordCommand(Guid StaffId, Input<string> CurrentPassword, Input<string> NewPassword) : ICommand<StaffCredential?>;
