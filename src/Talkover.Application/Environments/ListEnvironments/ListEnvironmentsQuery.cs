using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Application.Environments.ListEnvironments;

/// <summary>Every environment, newest first, for support staff. <c>search</c> matches part of the name.</summary>
public sealed record ListEnvironmentsQuery(Input<string> Search, PageRequest Page) : IQuery<Paged<EnvironmentDto>>;
