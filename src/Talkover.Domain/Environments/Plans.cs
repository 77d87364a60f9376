namespace Talkover.Domain.Environments;

public static class Plans
{
    public const string Standard = "standard";
    public const string Professional = "professional";
    public const string Enterprise = "enterprise";

    public static readonly IReadOnlyList<string> All = [Standard, Professional, Enterprise];
}
