using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace Talkover.Application.Validation;

/// <summary>Validation errors name fields as clients send them: <c>phone_number_id</c>, not <c>PhoneNumberId</c>.</summary>
internal static class SnakeCaseNames
{
    public static string? Resolve(Type type, MemberInfo? member, LambdaExpression? expression) =>
        member is null ? null : JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Name);
}
