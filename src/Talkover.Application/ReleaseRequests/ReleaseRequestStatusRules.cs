using FluentValidation;
using Talkover.Application.Abstractions;
using Talkover.Application.Validation;
using Talkover.Domain.ReleaseRequests;

namespace Talkover.Application.ReleaseRequests;

internal static class ReleaseRequestStatusRules
{
    public static IRuleBuilderOptions<T, Input<string>> ValidStatus<T>(this IRuleBuilder<T, Input<string>> rule) =>
        rule.OfType("a string").OneOf(ReleaseRequestStatus.All);
}
