using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.DependencyInjection;
using Talkover.Api.Controllers;
using Talkover.Api.Http;
using Talkover.Api.Tests.Support;
using Talkover.Application.Abstractions;

namespace Talkover.Api.Tests;

/// <summary>MVC leaves request fields to the pipeline's validation, and validates anything else as before.</summary>
public sealed class RequestFieldsObjectValidatorTests : ApiTestBase
{
    private sealed class WithText
    {
        public Input<string> Name { get; init; }

        public string Other { get; init; } = "";
    }

    [TestCase(typeof(Input<string>))]
    [TestCase(typeof(Input<Guid>))]
    [TestCase(typeof(PageQuery))]
    [TestCase(typeof(PhoneNumbersController.RequestReleaseBody))]
    [TestCase(typeof(PhoneNumbersController.NoteBody))]
    public void IsRequestFields_ForInputsAndRecordsOfThem_IsTrue(Type type) =>
        Assert.That(RequestFieldsObjectValidator.IsRequestFields(type), Is.True);

    [TestCase(typeof(string))]
    [TestCase(typeof(Guid))]
    [TestCase(typeof(WithText))]
    [TestCase(typeof(object))]
    public void IsRequestFields_ForAnythingElse_IsFalse(Type type) =>
        Assert.That(RequestFieldsObjectValidator.IsRequestFields(type), Is.False);

    [Test]
    public void TheServiceValidatesObjectsWithIt() =>
        Assert.That(Factory.Services.GetRequiredService<IObjectModelValidator>(), Is.TypeOf<RequestFieldsObjectValidator>());
}
