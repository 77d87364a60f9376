using AutoMapper;

namespace Talkover.Application.Tests.Support;

/// <summary>The real mapping configuration: every profile of the Application assembly.</summary>
internal static class TestMapper
{
    public static readonly MapperConfiguration Configuration =
        new(cfg => cfg.AddMaps(typeof(DependencyInjection).Assembly));

    public static IMapper Create() => Configuration.CreateMapper();
}
