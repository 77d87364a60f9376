namespace Talkover.Domain.Common;

/// <summary>Every rule the domain can report, with the code and message clients see.</summary>
public static class DomainErrors
{
    public static DomainException PhoneNumberNotFound() =>
        new(ErrorKind.NotFound, ErrorCodes.PhoneNumberNotFound, "Phone number not found");

    public static DomainException AgentNotFound() =>
        new(ErrorKind.NotFound, ErrorCodes.AgentNotFound, "Agent not found");

    public static DomainException ReleaseRequestNotFound() =>
        new(ErrorKind.NotFound, ErrorCodes.ReleaseRequestNotFound, "Release request not found");

    public static DomainException EnvironmentNotFound() =>
        new(ErrorKind.NotFound, ErrorCodes.EnvironmentNotFound, "Environment not found");

    public static DomainException TokenNotFound() =>
        new(ErrorKind.NotFound, ErrorCodes.TokenNotFound, "Token not found");

    public static DomainException StaffNotFound() =>
        new(ErrorKind.NotFound, ErrorCodes.StaffNotFound, "Staff member not found");

    public static DomainException StaffApiKeyNotFound() =>
        new(ErrorKind.NotFound, ErrorCodes.StaffApiKeyNotFound, "API key not found");

    public static DomainException WebhookNotFound() =>
        new(ErrorKind.NotFound, ErrorCodes.WebhookNotFound, "Webhook not found");

    public static DomainException DeliveryNotFound() =>
        new(ErrorKind.NotFound, ErrorCodes.DeliveryNotFound, "Delivery not found");

    public static DomainException StaffEmailTaken() =>
        new(ErrorKind.Conflict, ErrorCodes.StaffEmailTaken, "A staff member with this email already exists");

    public static DomainException LastAdmin() =>
        new(ErrorKind.Conflict, ErrorCodes.LastAdmin, "At least one active admin must remain");

    public static DomainException InsufficientRole(string required) =>
        new(ErrorKind.Forbidden, ErrorCodes.InsufficientRole, $"This action needs the {required} role");

    public static DomainException ReleaseAlreadyPending() =>
        new(ErrorKind.Conflict, ErrorCodes.ReleaseAlreadyPending, "A release request for this phone number is already pending");

    public static DomainException ReleaseRequestNotPending() =>
        new(ErrorKind.Conflict, ErrorCodes.ReleaseRequestNotPending, "The release request is no longer pending");

    public static DomainException PhoneNumberReleasePending() =>
        new(ErrorKind.Conflict, ErrorCodes.PhoneNumberReleasePending, "A phone number with a pending release request cannot be assigned to an agent");

    public static DomainException PhoneNumberAlreadyExists() =>
        new(ErrorKind.Conflict, ErrorCodes.PhoneNumberAlreadyExists, "This phone number is already provisioned");

    public static DomainException PhoneNumberInUse() =>
        new(ErrorKind.RuleViolation, ErrorCodes.PhoneNumberInUse, "Phone number is currently assigned to active agents and cannot be released");
}
