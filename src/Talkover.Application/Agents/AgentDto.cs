using AutoMapper;
using Talkover.Application.PhoneNumbers;

namespace Talkover.Application.Agents;

public sealed record AgentDto
{
    public Guid Id { get; init; }

    public string Name { get; init; } = "";

    public string? Label { get; init; }

    public string Language { get; init; } = "";

    public string Direction { get; init; } = "";

    public string CurrentStatus { get; init; } = "";

    public IReadOnlyList<AgentPhoneNumberDto> PhoneNumbers { get; init; } = [];

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }
}

public sealed record AgentPhoneNumberDto
{
    public Guid Id { get; init; }

    public string Number { get; init; } = "";

    public string CountryCode { get; init; } = "";

    public string FormattedNumber { get; init; } = "";

    public string CurrentStatus { get; init; } = "";
}

/// <summary>An agent row as the read side loads it.</summary>
public sealed record AgentReadModel
{
    public Guid Id { get; init; }

    public Guid EnvironmentId { get; init; }

    public string Name { get; init; } = "";

    public string? Label { get; init; }

    public string Language { get; init; } = "";

    public string Direction { get; init; } = "";

    public string CurrentStatus { get; init; } = "";

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    public IReadOnlyList<AgentPhoneNumberReadModel> PhoneNumbers { get; init; } = [];
}

public sealed record AgentPhoneNumberReadModel(Guid Id, string Number, string CountryCode, string CurrentStatus);

public sealed class AgentProfile : Profile
{
    public AgentProfile()
    {
        CreateMap<AgentPhoneNumberReadModel, AgentPhoneNumberDto>()
            .ForMember(d => d.FormattedNumber, o => o.MapFrom(s => PhoneNumberFormatting.National(s.Number)));
        CreateMap<AgentReadModel, AgentDto>();
    }
}
