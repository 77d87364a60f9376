using Talkover.Application.Abstractions;

namespace Talkover.Application.Staff.GetCaller;

/// <summary>Who the caller is: their staff record, or the system for the bootstrap key.</summary>
public sealed record GetCallerQuery(StaffCaller Caller) : IQuery<CallerDto>;
