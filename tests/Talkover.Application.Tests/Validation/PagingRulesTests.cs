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

    private static PageRequest Unwrap(Query query) => query.Page;

    private sealed record Query(PageRequest Page);

    private sealed class PagingOf : AbstractValidator<Query>
    {
        public PagingOf(System.Linq.Expressions.Expression<Func<Query, PageRequest>> page) => this.AddPagingRules(page);
    }
}
