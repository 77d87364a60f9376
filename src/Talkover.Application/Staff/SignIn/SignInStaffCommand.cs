using Talkover.Application.Abstractions;

namespace Talkover.Application.Staff.SignIn;

/// <summary>A member signs in to the console with email and password.</summary>
public sealed record SignInStaffCommand(Input<string> Email, Input<string> Password) : ICommand<StaffSignInResult>;
