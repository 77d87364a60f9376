using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Application.Environments.ListEnvironments;
using Talkover.Application.ReleaseRequests.Review.ListReviewQueue;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Api.ReviewConsole;

/// <summary>The review queue: pending requests oldest first, 25 a page, filtered by environment, number and status.</summary>
[Route("console")]
public sealed class QueueController(IMediator mediator, TimeProvider clock) : SignedInController(mediator)
{
    public const int PageSize = 25;

    /// <summary>How many environments the filter offers by name (the newest); others are reached from a request's page.</summary>
    public const int EnvironmentChoices = 100;

    [HttpGet]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "status")] string? status,
        [FromQuery(Name = "environment_id")] string? environmentId,
        [FromQuery(Name = "search")] string? search,
        [FromQuery(Name = "page")] int? page,
        CancellationToken cancellationToken)
    {
        var filters = new QueueFilters(
            string.IsNullOrWhiteSpace(status) ? ReleaseRequestStatus.Pending : status,
            Guid.TryParse(environmentId, out var id) ? id : null,
            string.IsNullOrWhiteSpace(search) ? null : search.Trim());
        var environments = await Mediator.Send(new ListEnvironmentsQuery(Input<string>.Missing, new PageRequest(1, EnvironmentChoices)), cancellationToken);
        try
        {
            var queue = await Mediator.Send(
                new ListReviewQueueQuery(filters.Status, filters.EnvironmentId is { } e ? e : Input<Guid>.Missing, filters.Search ?? Input<string>.Missing,
                    new PageRequest(Math.Max(1, page ?? 1), PageSize)),
                cancellationToken);
            return View(new QueuePage(queue.Items, queue.Meta, filters, environments.Items, clock.GetUtcNow().UtcDateTime, null));
        }
        catch (ValidationException ex)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            var problem = string.Join(" ", ex.Errors.Select(e => $"{e.PropertyName.Replace('_', ' ')} {e.ErrorMessage}."));
            return View(new QueuePage([], PageMeta.For(new PageRequest(1, PageSize), 0), filters, environments.Items, clock.GetUtcNow().UtcDateTime, problem));
        }
    }
}

/// <summary>The queue's filters as the form shows them.</summary>
public sealed record QueueFilters(string Status, Guid? EnvironmentId, string? Search);

/// <summary>One page of the queue, the filters that chose it, and the environments to filter by.</summary>
public sealed record QueuePage(
    IReadOnlyList<Talkover.Application.ReleaseRequests.AdminReleaseRequestDto> Items,
    PageMeta Meta,
    QueueFilters Filters,
    IReadOnlyList<Talkover.Application.Environments.EnvironmentDto> Environments,
    DateTime Now,
    string? Problem)
{
    /// <summary>The address of another page of the same filtered queue.</summary>
    public string PageUrl(long page)
    {
        var query = new List<string> { $"status={Uri.EscapeDataString(Filters.Status)}" };
        if (Filters.EnvironmentId is { } environment)
        {
            query.Add($"environment_id={environment}");
        }

        if (Filters.Search is { } search)
        {
            query.Add($"search={Uri.EscapeDataString(search)}");
        }

        query.Add($"page={page}");
        return $"{ConsolePaths.Root}?{string.Join('&', query)}";
    }
}
