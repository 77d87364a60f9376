using Talkover.Domain.PhoneNumbers;

namespace Talkover.Domain.Agents;

/// <summary>A voice agent; its calling settings decide which numbers it answers or dials from.</summary>
public sealed class Agent
{
    private readonly List<Guid> _phoneNumberIds;

    private Agent(
        Guid id,
        Guid environmentId,
        string name,
        string? label,
        string language,
        string direction,
        string status,
        IEnumerable<Guid> phoneNumberIds,
        DateTime createdAt,
        DateTime updatedAt)
    {
        Id = id;
        EnvironmentId = environmentId;
        Name = name;
        Label = label;
        Language = language;
        Direction = direction;
        Status = status;
        _phoneNumberIds = [.. phoneNumberIds];
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public Guid Id { get; }

    public Guid EnvironmentId { get; }

    public string Name { get; }

    public string? Label { get; }

    public string Language { get; }

    public string Direction { get; private set; }

    public string Status { get; }

    public IReadOnlyList<Guid> PhoneNumberIds => _phoneNumberIds;

    public DateTime CreatedAt { get; }

    public DateTime UpdatedAt { get; private set; }

    public static Agent CreateDraft(Guid id, Guid environmentId, string name, string? label, string language, string direction, DateTime now) =>
        new(id, environmentId, name, label, language, direction, AgentStatus.Draft, [], now, now);

    public static Agent Rehydrate(
        Guid id,
        Guid environmentId,
        string name,
        string? label,
        string language,
        string direction,
        string status,
        IEnumerable<Guid> phoneNumberIds,
        DateTime createdAt,
        DateTime updatedAt) =>
        new(id, environmentId, name, label, language, direction, status, phoneNumberIds, createdAt, updatedAt);

    /// <summary>
    /// Sets the direction and, when given, replaces the assigned numbers. A number that is
    /// already assigned to this agent may stay; a newly added one must be assignable.
    /// </summary>
    public void UpdateCalling(string direction, IReadOnlyCollection<PhoneNumber>? phoneNumbers, DateTime now)
    {
        if (phoneNumbers is not null)
        {
            foreach (var number in phoneNumbers.Where(n => !_phoneNumberIds.Contains(n.Id)))
            {
                number.EnsureAssignable();
            }

            _phoneNumberIds.Clear();
            _phoneNumberIds.AddRange(phoneNumbers.Select(n => n.Id).Distinct());
        }

        Direction = direction;
        UpdatedAt = now;
    }
}
