using FluentValidation;
using Talkover.Application.Behaviours;

namespace Talkover.Application.Tests.Validation;

[TestFixture]
public sealed class ValidatorLifetimeTests
{
    /// <summary>Validators are registered once for the whole process, so none may hold anything but its rules.</summary>
    [Test]
    public void EveryValidator_HasOnlyAParameterlessConstructor_SoOneInstanceCanServeEveryRequest()
    {
        var validators = typeof(ValidationBehaviour<,>).Assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(type))
            .ToList();

        Assert.That(validators, Is.Not.Empty);
        Assert.That(validators.Where(type => type.GetConstructors(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
            .Any(ctor => ctor.GetParameters().Length > 0)).Select(type => type.Name), Is.Empty);
    }
}
