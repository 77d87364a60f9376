using MediatR;
using Talkover.Application.Abstractions;

namespace Talkover.Application.Staff.EndSessions;

/// <summary>
/// A member signs out of the console: every session cookie issued to them stops working, a copied one
/// included. Their API keys are not affected.
/// </summary>
public sealed record EndStaffSessionsCommand(Guid StaffId) : ICommand<Unit>;
