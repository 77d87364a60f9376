using System.Net;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Talkover.Api.Http;
using Talkover.Api.Tests.Support;

namespace Talkover.Api.Tests;

/// <summary>
/// page and per_page are read in one step (<see cref="InputFieldsModelBinder"/>); every way of sending them
/// binds as MVC's object binder bound them: the same pages and the same field errors.
/// </summary>
public sealed class PageQueryBindingTests : ApiTestBase
{
    private TestEnvironment _environment = null!;

    [OneTimeSetUp]
    public async Task CreateEnvironmentWithThreeNumbers()
    {
        _environment = await Api.CreateEnvironmentAsync(plan: "enterprise");
        for (var i = 0; i < 3; i++)
        {
            (await Api.PostAsync($"/api/v1/admin/environments/{_environment.Id}/phone-numbers", TalkoverApiFactory.AdminKey,
                new { number = ApiClient.NewNumber(), country_code = "US", type = "voice", has_voice = true, has_whatsapp = false })).ExpectStatus(HttpStatusCode.Created);
        }
    }

    [TestCase("", 1, 20)]
    [TestCase("page=&per_page=", 1, 20)]
    [TestCase("page=2&per_page=2", 2, 2)]
    [TestCase("PAGE=2&Per_Page=2", 2, 2)]
    [TestCase("per_page=1&page=3", 3, 1)]
    [TestCase("page.page=2", 1, 20)]
    public async Task Paging_WhenSent_PagesAsAsked(string query, int page, int perPage)
    {
        var response = (await Api.GetAsync($"/api/v1/phone-numbers?{query}", _environment.Token)).ExpectStatus(HttpStatusCode.OK);

        Assert.That(response.Json["meta"]!.ToJsonString(), Is.EqualTo($$"""{"current_page":{{page}},"per_page":{{perPage}},"total":3,"last_page":{{(3 + perPage - 1) / perPage}}}"""));
    }

    [TestCase("page=abc", "page", "page must be an integer")]
    [TestCase("page=2&page=3", "page", "page must be an integer")]
    [TestCase("page=+2", "page", "page must be an integer")]
    [TestCase("page=0", "page", "page must be at least 1")]
    [TestCase("page=501", "page", "page must be at most 500 with per_page 20: pages reach the first 10,000 rows; read further with cursor (meta.next_cursor of a page)")]
    [TestCase("cursor=abc&cursor=def", "cursor", "cursor must be a string")]
    [TestCase("per_page=1.5", "per_page", "per_page must be an integer")]
    [TestCase("per_page=101", "per_page", "per_page must be between 1 and 100")]
    public async Task Paging_WhenMalformed_Returns422OnThatField(string query, string field, string message)
    {
        var response = (await Api.GetAsync($"/api/v1/phone-numbers?{query}", _environment.Token)).ExpectError(HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");

        Assert.That(response.FieldErrors(field), Is.EqualTo(new[] { message }));
    }

    [Test]
    public void Provider_TakesOnlyQueryParametersMadeOfInputs()
    {
        var metadata = new EmptyModelMetadataProvider();
        var parameter = typeof(PageQueryBindingTests).GetMethod(nameof(Sample), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetParameters();

        Assert.Multiple(() =>
        {
            Assert.That(BinderFor(metadata, parameter[0], BindingSource.Query), Is.TypeOf<InputFieldsModelBinder>());
            Assert.That(BinderFor(metadata, parameter[0], BindingSource.Body), Is.Null);
            Assert.That(BinderFor(metadata, parameter[1], BindingSource.Query), Is.Null, "a property that is not an Input<T>");
        });
    }

    private static void Sample(PageQuery page, WithText other)
    {
    }

    private sealed class WithText
    {
        public Application.Abstractions.Input<int> Page { get; init; }

        public string Text { get; init; } = "";
    }

    private static IModelBinder? BinderFor(ModelMetadataProvider metadata, System.Reflection.ParameterInfo parameter, BindingSource source) =>
        new InputFieldsModelBinderProvider().GetBinder(new TestProviderContext(metadata.GetMetadataForParameter(parameter), new BindingInfo { BindingSource = source }, metadata));

    private sealed class TestProviderContext(ModelMetadata model, BindingInfo binding, IModelMetadataProvider metadata) : ModelBinderProviderContext
    {
        public override BindingInfo BindingInfo => binding;

        public override ModelMetadata Metadata => model;

        public override IModelMetadataProvider MetadataProvider => metadata;

        public override IModelBinder CreateBinder(ModelMetadata metadata) => throw new NotSupportedException();
    }
}
