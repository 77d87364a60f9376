using FluentValidation;
using Talkover.Application.Common;

namespace Talkover.Application.Tests.Validation;

[TestFixture]
public sealed class PagingRulesTests
{
    [Test]
    public void PagingRules_NameTheQuerysPageMember_SoTheirAccessorsAreCompiledOnceNotPerRequest()
    {
        Assert.Throws<ArgumentException>(() => new PagingOf(query => Unwrap(query)));
        Assert.DoesNotThrow(() => new PagingOf(query => query.Page));
    }

    [TestCase(0, 20, "page")]
    [TestCase(1, 101, "per_page")]
    public void PagingRules_ReportUnderTheQueryParametersNames(int page, int perPage, string field)
    {
        var result = new PagingOf(query => query.Page).Validate(new Query(new PageRequest(page, perPage)));

        Assert.That(result.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { field }));
    }

    [TestCase(500, 20, null)]
    [TestCase(501, 20, "page must be at most 500 with per_page 20: pages reach the first 10,000 rows; read further with cursor (meta.next_cursor of a page)")]
    [TestCase(10_001, 0, "per_page must be between 1 and 100")]
    [TestCase(101, 100, "page must be at most 100 with per_page 100: pages reach the first 10,000 rows; read further with cursor (meta.next_cursor of a page)")]
    public void PagingRules_KeepPagesInsideTheWindow(int page, int perPage, string? message)
    {
        var result = new PagingOf(query => query.Page).Validate(new Query(new PageRequest(page, perPage)));

        Assert.That(result.Errors.Select(e => e.ErrorMessage), Is.EqualTo(message is null ? Array.Empty<string>() : new[] { message }));
    }

    [Test]
    public void PagingRules_RefuseACursorWithAPageNumber_ButTakeOneWithPerPage()
    {
        var withPage = new PagingOf(query => query.Page).Validate(new Query(new PageRequest(2, 20, "abc")));
        var withPerPage = new PagingOf(query => query.Page).Validate(new Query(new PageRequest(Talkover.Application.Abstractions.Input<int>.Missing, 50, "abc")));

        Assert.That(withPage.Errors.Select(e => (e.PropertyName, e.ErrorMessage)), Is.EqualTo(new[] { ("cursor", "cursor cannot be sent with page: a cursor already says where the page starts") }));
        Assert.That(withPerPage.Errors, Is.Empty);
    }

    private static PageRequest Unwrap(Query query) => query.Page;

    private sealed record Query(PageRequest Page);

    private sealed class PagingOf : AbstractValidator<Query>
    {
        public PagingOf(System.Linq.Expressions.Expression<Func<Query, PageRequest>> page) => this.AddPagingRules(page);
    }
}
