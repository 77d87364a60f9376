using FluentValidation;
using FluentValidation.Validators;
using Talkover.Application.Abstractions;

namespace Talkover.Application.Validation;

/// <summary>Rules for <see cref="Input{T}"/> fields: present, of the right JSON type, and meeting a domain rule.</summary>
public static class InputRules
{
    /// <summary>The longest <c>search</c> text a list takes.</summary>
    public const int MaxSearchLength = 100;

    public static IRuleBuilderOptions<T, Input<TValue>> Present<T, TValue>(this IRuleBuilder<T, Input<TValue>> rule) =>
        rule.Must(input => !input.IsMissing).WithMessage("{PropertyName} is required");

    public static IRuleBuilderOptions<T, Input<TValue>> OfType<T, TValue>(this IRuleBuilder<T, Input<TValue>> rule, string expected) =>
        rule.Must(input => input.State != InputState.WrongType).WithMessage("{PropertyName} must be " + expected);

    /// <summary>Checks a provided value with a function that names the broken rule, or returns null.</summary>
    public static IRuleBuilderOptions<T, Input<TValue>> Meets<T, TValue>(this IRuleBuilder<T, Input<TValue>> rule, Func<TValue, string?> problem) =>
        rule.SetValidator(new ProblemValidator<T, TValue>((_, value) => problem(value)));

    /// <summary>As <see cref="Meets{T,TValue}(IRuleBuilder{T,Input{TValue}},Func{TValue,string})"/>, for rules that also look at other fields.</summary>
    public static IRuleBuilderOptions<T, Input<TValue>> Meets<T, TValue>(this IRuleBuilder<T, Input<TValue>> rule, Func<T, TValue, string?> problem) =>
        rule.SetValidator(new ProblemValidator<T, TValue>(problem));

    public static IRuleBuilderOptions<T, Input<string>> OneOf<T>(this IRuleBuilder<T, Input<string>> rule, IReadOnlyCollection<string> allowed) =>
        rule.Meets(value => allowed.Contains(value, StringComparer.Ordinal) ? null : "must be one of: " + string.Join(", ", allowed));

    /// <summary>
    /// A list's <c>search</c> text: one line of at most <see cref="MaxSearchLength"/> characters. A control
    /// character is refused, not searched for: a NUL ends SQLite's pattern early, so it would match everything.
    /// </summary>
    public static IRuleBuilderOptions<T, Input<string>> SearchText<T>(this IRuleBuilder<T, Input<string>> rule) =>
        rule.Meets(text =>
            text.Any(char.IsControl) ? "must not contain control characters"
            : text.Length > MaxSearchLength ? $"must be at most {MaxSearchLength} characters"
            : null);

    private sealed class ProblemValidator<T, TValue>(Func<T, TValue, string?> problem) : PropertyValidator<T, Input<TValue>>
    {
        public override string Name => "InputProblemValidator";

        public override bool IsValid(ValidationContext<T> context, Input<TValue> value)
        {
            if (!value.IsProvided)
            {
                return true;
            }

            var found = problem(context.InstanceToValidate, value.Value!);
            if (found is null)
            {
                return true;
            }

            context.MessageFormatter.AppendArgument("Problem", found);
            return false;
        }

        protected override string GetDefaultMessageTemplate(string errorCode) => "{PropertyName} {Problem}";
    }
}
