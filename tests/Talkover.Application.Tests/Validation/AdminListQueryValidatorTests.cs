using FluentValidation.Results;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Application.Environments.GetEnvironment;
using Talkover.Application.Environments.ListEnvironments;
using Talkover.Application.ReleaseRequests.Review.ListReviewQueue;

namespace Talkover.Application.Tests.Validation;

/// <summary>The admin reads: the environment list and detail, and the review queue's search.</summary>
[TestFixture]
public sealed class AdminListQueryValidatorTests
{
    private static readonly ListEnvironmentsQueryValidator ListValidator = new();
    private static readonly GetEnvironmentQueryValidator GetValidator = new();
    private static readonly ListReviewQueueQueryValidator QueueValidator = new();

    private static IEnumerable<(string Field, string Message)> Errors(ValidationResult result) =>
        result.Errors.Select(e => (e.PropertyName, e.ErrorMessage));

    private static ListReviewQueueQuery Queue(Input<string> search) => new(Input<string>.Missing, Input<Guid>.Missing, search, PageRequest.Default);

    [TestCase("Acme")]
    [TestCase("100% [sales]_\\")]
    [TestCase("")]
    public void ListEnvironments_WhenSearchIsOneLineOfAtMost100Characters_IsValid(string search)
    {
        Assert.That(ListValidator.Validate(new ListEnvironmentsQuery(search, PageRequest.Default)).Errors, Is.Empty);
        Assert.That(QueueValidator.Validate(Queue(search)).Errors, Is.Empty);
    }

    [Test]
    public void ListEnvironments_WhenNothingIsGiven_IsValid()
    {
        Assert.That(ListValidator.Validate(new ListEnvironmentsQuery(Input<string>.Missing, PageRequest.Default)).Errors, Is.Empty);
    }

    [TestCase("a\0b", "search must not contain control characters")]
    [TestCase("line\n", "search must not contain control characters")]
    [TestCase("\u0085", "search must not contain control characters")]
    public void ListEnvironments_WhenSearchHasAControlCharacter_ReportsSearch(string search, string message)
    {
        Assert.That(Errors(ListValidator.Validate(new ListEnvironmentsQuery(search, PageRequest.Default))), Is.EqualTo(new[] { ("search", message) }));
        Assert.That(Errors(QueueValidator.Validate(Queue(search))), Is.EqualTo(new[] { ("search", message) }));
    }

    [Test]
    public void ListEnvironments_WhenSearchIsTooLongAndPagingIsOutOfRange_ReportsEachField()
    {
        var result = ListValidator.Validate(new ListEnvironmentsQuery(new string('a', 101), new PageRequest(0, 101)));

        Assert.That(Errors(result), Is.EquivalentTo(new[]
        {
            ("search", "search must be at most 100 characters"),
            ("page", "page must be at least 1"),
            ("per_page", "per_page must be between 1 and 100"),
        }));
    }

    [Test]
    public void ListEnvironments_WhenSearchIsNotAString_ReportsItsType()
    {
        Assert.That(Errors(ListValidator.Validate(new ListEnvironmentsQuery(Input<string>.WrongType, PageRequest.Default))), Is.EqualTo(new[] { ("search", "search must be a string") }));
    }

    [Test]
    public void GetEnvironment_WhenTheIdIsMalformed_ReportsEnvironmentId()
    {
        Assert.That(Errors(GetValidator.Validate(new GetEnvironmentQuery(Input<Guid>.WrongType))), Is.EqualTo(new[] { ("environment_id", "environment_id must be a valid UUID") }));
        Assert.That(GetValidator.Validate(new GetEnvironmentQuery(Guid.CreateVersion7())).Errors, Is.Empty);
    }
}
