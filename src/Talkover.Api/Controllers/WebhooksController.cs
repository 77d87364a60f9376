using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talkover.Api.Authentication;
using Talkover.Api.Http;
using Talkover.Api.Idempotency;
using Talkover.Api.OpenApi;
using Talkover.Api.Webhooks;
using Talkover.Application.Abstractions;
using Talkover.Application.Webhooks;
using Talkover.Application.Webhooks.CreateWebhook;
using Talkover.Application.Webhooks.DeleteWebhook;
using Talkover.Application.Webhooks.GetWebhook;
using Talkover.Application.Webhooks.ListDeliveries;
using Talkover.Application.Webhooks.ListWebhooks;
using Talkover.Application.Webhooks.RetryDelivery;
using Talkover.Domain.Common;
using Talkover.Domain.Webhooks;

namespace Talkover.Api.Controllers;

[Route("api/v1/webhooks")]
[Authorize(Policy = Policies.Tenant)]
public sealed class WebhooksController(IMediator mediator) : ApiControllerBase(mediator)
{
    /// <summary>Create a webhook.</summary>
    /// <remarks>
    /// Release-request events are POSTed to the URL, signed with the secret in this response — the only time it is shown.
    /// At most 10 per environment.
    /// </remarks>
    [HttpPost(Name = "createWebhook")]
    [LocationHeader]
    [SealedResponse]
    [PrecheckWebhookUrl]
    [ProducesResponseType<ApiEnvelope<CreatedWebhookDto>>(StatusCodes.Status201Created)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> Create([FromBody] CreateWebhookBody body, CancellationToken cancellationToken)
    {
        var webhook = await Mediator.Send(new CreateWebhookCommand(EnvironmentId, body.Url, body.Events, body.Description), cancellationToken);
        return CreatedEnvelope($"/api/v1/webhooks/{webhook.Id}", webhook);
    }

    /// <summary>List webhooks.</summary>
    /// <remarks>The environment's webhooks, newest first; never their secrets.</remarks>
    [HttpGet(Name = "listWebhooks")]
    [ProducesResponseType<ApiEnvelope<IReadOnlyList<WebhookDto>>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> List([FromQuery(Name = "")] PageQuery page, CancellationToken cancellationToken) =>
        Ok(PageEnvelope(await Mediator.Send(new ListWebhooksQuery(EnvironmentId, page.ToRequest()), cancellationToken)));

    /// <summary>Get a webhook.</summary>
    [HttpGet("{webhook_id}", Name = "getWebhook")]
    [ProducesResponseType<ApiEnvelope<WebhookDto>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.WebhookNotFound)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> Get([FromRoute(Name = "webhook_id")] string webhookId, CancellationToken cancellationToken) =>
        Ok(Envelope(await Mediator.Send(new GetWebhookQuery(EnvironmentId, RouteIds.Parse(webhookId)), cancellationToken)));

    /// <summary>Delete a webhook.</summary>
    /// <remarks>Its pending deliveries are dropped; its secret stops signing anything.</remarks>
    [HttpDelete("{webhook_id}", Name = "deleteWebhook")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.WebhookNotFound)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> Delete([FromRoute(Name = "webhook_id")] string webhookId, CancellationToken cancellationToken)
    {
        await Mediator.Send(new DeleteWebhookCommand(EnvironmentId, RouteIds.Parse(webhookId)), cancellationToken);
        return NoContent();
    }

    /// <summary>List a webhook's deliveries.</summary>
    /// <remarks>Newest first: each event's delivery to this webhook, its attempts and the receiver's last answer.</remarks>
    [HttpGet("{webhook_id}/deliveries", Name = "listWebhookDeliveries")]
    [ProducesResponseType<ApiEnvelope<IReadOnlyList<WebhookDeliveryDto>>>(StatusCodes.Status200OK)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.WebhookNotFound)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> ListDeliveries(
        [FromRoute(Name = "webhook_id")] string webhookId, [FromQuery(Name = "")] PageQuery page, CancellationToken cancellationToken) =>
        Ok(PageEnvelope(await Mediator.Send(new ListWebhookDeliveriesQuery(EnvironmentId, RouteIds.Parse(webhookId), page.ToRequest()), cancellationToken)));

    /// <summary>Retry a delivery.</summary>
    /// <remarks>The delivery is queued again, due now, with a fresh run of retries.</remarks>
    [HttpPost("{webhook_id}/deliveries/{delivery_id}/retry", Name = "retryWebhookDelivery")]
    [ProducesResponseType<ApiEnvelope<WebhookDeliveryDto>>(StatusCodes.Status202Accepted)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.WebhookNotFound)]
    [ErrorCode(StatusCodes.Status404NotFound, ErrorCodes.DeliveryNotFound)]
    [ErrorCode(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError)]
    public async Task<IActionResult> Retry(
        [FromRoute(Name = "webhook_id")] string webhookId, [FromRoute(Name = "delivery_id")] string deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await Mediator.Send(new RetryWebhookDeliveryCommand(EnvironmentId, RouteIds.Parse(webhookId), RouteIds.Parse(deliveryId)), cancellationToken);
        return Accepted(Envelope(delivery));
    }

    /// <summary>A new webhook.</summary>
    /// <param name="Url">Required: an absolute https URL of at most 2048 characters, reaching a public address.</param>
    /// <param name="Events">The event types to receive; left out, all of them.</param>
    /// <param name="Description">Optional, for your own records.</param>
    public sealed record CreateWebhookBody(
        [property: Field(Required = true, MinLength = 1, MaxLength = Webhook.MaxUrlLength)] Input<string> Url,
        [property: Field(ValuesOf = typeof(WebhookEventTypes))] Input<IReadOnlyList<string>> Events,
        [property: Field(MaxLength = Webhook.MaxDescriptionLength)] Input<string> Description);
}
