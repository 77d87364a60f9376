using Microsoft.AspNetCore.Mvc;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;

namespace Talkover.Api.Http;

/// <summary>The <c>page</c>, <c>per_page</c> and <c>cursor</c> query parameters every list takes.</summary>
public sealed class PageQuery
{
    /// <summary>Page number, from 1 (default 1).</summary>
    [FromQuery(Name = "page")]
    public Input<int> Page { get; init; }

    /// <summary>Items per page, 1–100 (default 20).</summary>
    [FromQuery(Name = "per_page")]
    public Input<int> PerPage { get; init; }

    /// <summary>Where to continue: the <c>meta.next_cursor</c> of the page before, instead of <c>page</c>.</summary>
    [FromQuery(Name = "cursor")]
    public Input<string> Cursor { get; init; }

    public PageRequest ToRequest() => new(Page, PerPage, Cursor);
}
