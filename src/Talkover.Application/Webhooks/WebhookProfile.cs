using AutoMapper;
using Talkover.Domain.Webhooks;

namespace Talkover.Application.Webhooks;

public sealed class WebhookProfile : Profile
{
    /// <summary>How a webhook's event types are kept in one column.</summary>
    public const char EventSeparator = ',';

    public WebhookProfile()
    {
        CreateMap<WebhookReadModel, WebhookDto>()
            .ForMember(d => d.Events, o => o.MapFrom(s => s.Events.Split(EventSeparator, StringSplitOptions.RemoveEmptyEntries)));
        CreateMap<Webhook, CreatedWebhookDto>().ForMember(d => d.Secret, o => o.Ignore());
        // A delivery in flight or finished has no next attempt to show.
        CreateMap<WebhookDeliveryReadModel, WebhookDeliveryDto>()
            .ForMember(d => d.NextAttemptAt, o => o.MapFrom(s => s.Status == WebhookDeliveryStatus.Pending ? s.NextAttemptAt : null));
    }
}
