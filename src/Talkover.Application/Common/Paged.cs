namespace Talkover.Application.Common;

/// <summary>One page of a list, and where it stands in the whole.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, PageMeta Meta);
