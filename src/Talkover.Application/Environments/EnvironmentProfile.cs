using AutoMapper;

namespace Talkover.Application.Environments;

/// <summary>Flat, server-side shapes only (see docs/decisions/0004-pinned-mediatr-and-automapper.md).</summary>
public sealed class EnvironmentProfile : Profile
{
    public EnvironmentProfile()
    {
        CreateMap<EnvironmentReadModel, EnvironmentDto>().ForMember(d => d.Plan, o => o.MapFrom(s => s.PlanName));
        CreateMap<EnvironmentTokenReadModel, EnvironmentTokenDto>();
        CreateMap<EnvironmentDetailReadModel, EnvironmentDetailDto>().ForMember(d => d.Plan, o => o.MapFrom(s => s.PlanName));
    }
}
