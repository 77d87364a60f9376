using Talkover.Application.Abstractions;

namespace Talkover.Application.Environments.GetEnvironment;

/// <summary>One environment for support staff: its tokens and the counts of its active numbers and pending requests.</summary>
public sealed record GetEnvironmentQuery(Input<Guid> EnvironmentId) : IQuery<EnvironmentDetailDto>;
