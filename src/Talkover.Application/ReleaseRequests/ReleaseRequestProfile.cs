using AutoMapper;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests;

/// <summary>Flat, server-side shapes only (see docs/decisions/0004-pinned-mediatr-and-automapper.md).</summary>
public sealed class ReleaseRequestProfile : Profile
{
    public ReleaseRequestProfile()
    {
        CreateMap<ReleaseRequest, ReleaseRequestDto>();
        CreateMap<ReleaseRequest, AdminReleaseRequestDto>().ForMember(d => d.EnvironmentName, o => o.Ignore());
        CreateMap<ReleaseRequestStatusChange, ReleaseRequestHistoryDto>().ForMember(d => d.Actor, o => o.MapFrom(s => ActorDto.From(s.Actor)));
        CreateMap<ReleaseRequestReadModel, ReleaseRequestDto>();
        CreateMap<ReleaseRequestReadModel, AdminReleaseRequestDto>().ForMember(d => d.History, o => o.Ignore());
        CreateMap<ReleaseRequestHistoryReadModel, ReleaseRequestHistoryDto>()
            .ForMember(d => d.Actor, o => o.MapFrom(s => ActorDto.From(s.Actor, s.ActorId, s.ActorName, s.ActorEmail)));
    }
}
