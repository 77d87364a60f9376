namespace Talkover.Domain.ReleaseRequests;

/// <summary>
/// Who made a change: a customer (through one of their environment's tokens), a support staff member (with
/// their name and email as they were at that moment), or the system (the bootstrap admin key, automation).
/// </summary>
public sealed record Actor(string Type, Guid? Id = null, string? Name = null, string? Email = null)
{
    public const string CustomerType = "customer";
    public const string StaffType = "staff";
    public const string SystemType = "system";

    public static readonly Actor System = new(SystemType);

    /// <summary>A customer; <paramref name="tokenId"/> names the environment token used (unknown for changes recorded before tokens were kept).</summary>
    public static Actor Customer(Guid? tokenId) => new(CustomerType, tokenId);

    public static Actor Staff(Guid staffId, string name, string email) => new(StaffType, staffId, name, email);
}
