using AutoMapper;
using Talkover.Application.PhoneNumbers;

namespace Talkover.Application.Agents;

public sealed class AgentProfile : Profile
{
    public AgentProfile()
    {
        CreateMap<AgentPhoneNumberReadModel, AgentPhoneNumberDto>()
            .ForMember(d => d.FormattedNumber, o => o.MapFrom(s => PhoneNumberFormatting.National(s.Number)));
        CreateMap<AgentReadModel, AgentDto>();
    }
}
