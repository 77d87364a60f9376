using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace Talkover.Application.Validation;

/// <summary>Validation errors name fields as clients send them: <c>phone_number_id</c>, not <c>PhoneNumberId</c>.</summary>
internal static class SnakeCaseNames
{
    // FluentValidation asks for every rule of every validation; the names are the code's own members, so
    // each is converted once (the set is small and fixed) instead of a new string per rule per request.
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);

    public static string? Resolve(Type type, MemberInfo? member, LambdaExpression? expression) =>
        member is null ? null : Names.GetOrAdd(member.Name, static name => JsonNamingPolicy.SnakeCaseLower.ConvertName(name));
}
