using AutoMapper;
using Talkover.Domain.Staff;

namespace Talkover.Application.Staff;

/// <summary>Flat, server-side shapes only (see docs/decisions/0004-pinned-mediatr-and-automapper.md).</summary>
public sealed class StaffProfile : Profile
{
    public StaffProfile()
    {
        CreateMap<StaffMember, StaffMemberDto>();
        CreateMap<StaffMember, InvitedStaffMemberDto>()
            .ForMember(d => d.SetupUrl, o => o.Ignore())
            .ForMember(d => d.SetupUrlExpiresAt, o => o.Ignore());
        CreateMap<StaffMemberReadModel, StaffMemberDto>();
        CreateMap<StaffApiKey, StaffApiKeyDto>();
        CreateMap<StaffApiKey, IssuedStaffApiKeyDto>().ForMember(d => d.Key, o => o.Ignore());
    }
}
