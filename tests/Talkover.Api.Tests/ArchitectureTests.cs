using System.Reflection;
using MediatR;
using Talkover.Application.Abstractions;

namespace Talkover.Api.Tests;

/// <summary>Dependencies point inward only: Domain ← Application ← Infrastructure, and the Api composes.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(Talkover.Domain.PhoneNumbers.PhoneNumber).Assembly;
    private static readonly Assembly Application = typeof(ICommand<>).Assembly;
    private static readonly Assembly Infrastructure = typeof(Talkover.Infrastructure.DependencyInjection).Assembly;

    private static IEnumerable<string> TalkoverReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Talkover.", StringComparison.Ordinal));

    [Test]
    public void Domain_ReferencesOnlyTheBaseLibrary()
    {
        var frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var outsideTheFramework = Domain.GetReferencedAssemblies()
            .Where(name => Path.GetDirectoryName(Assembly.Load(name).Location) != frameworkFolder)
            .Select(name => name.Name);

        Assert.That(outsideTheFramework, Is.Empty);
    }

    [Test]
    public void Application_ReferencesOnlyDomain()
    {
        Assert.That(TalkoverReferences(Application), Is.EquivalentTo(new[] { "Talkover.Domain" }));
    }

    [Test]
    public void Application_DoesNotKnowAboutDatabasesOrHttp()
    {
        var references = Application.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.That(references, Has.None.StartsWith("Microsoft.AspNetCore").And.None.StartsWith("Microsoft.Data").And.None.StartsWith("Dapper"));
    }

    [Test]
    public void Infrastructure_ReferencesApplicationAndDomainButNotApi()
    {
        Assert.That(TalkoverReferences(Infrastructure), Is.SubsetOf(new[] { "Talkover.Application", "Talkover.Domain" }).And.Contains("Talkover.Application"));
    }

    [Test]
    public void Messages_AreNamedForWhatTheyAre()
    {
        var types = Application.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false }).ToArray();
        var commands = types.Where(t => Implements(t, typeof(ICommand<>))).Select(t => t.Name);
        var queries = types.Where(t => Implements(t, typeof(IQuery<>))).Select(t => t.Name);
        var handlers = types.Where(t => Implements(t, typeof(IRequestHandler<,>))).Select(t => t.Name);
        var validators = types.Where(t => typeof(FluentValidation.IValidator).IsAssignableFrom(t)).Select(t => t.Name);

        Assert.Multiple(() =>
        {
            Assert.That(commands, Is.Not.Empty.And.All.EndsWith("Command"));
            Assert.That(queries, Is.Not.Empty.And.All.EndsWith("Query"));
            Assert.That(handlers, Is.Not.Empty.And.All.EndsWith("Handler"));
            Assert.That(validators, Is.Not.Empty.And.All.EndsWith("Validator"));
        });
    }

    [Test]
    public void Handlers_AreInternalSealed()
    {
        var handlers = Application.GetTypes().Where(t => Implements(t, typeof(IRequestHandler<,>)));

        Assert.That(handlers, Is.All.Matches<Type>(t => t.IsSealed && !t.IsPublic));
    }

    private static bool Implements(Type type, Type openGeneric) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == openGeneric);
}
