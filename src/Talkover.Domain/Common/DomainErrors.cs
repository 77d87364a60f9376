namespace Talkover.Domain.Common;

/// <summary>Every rule the domain can report, with the code and message clients see.</summary>
public static class DomainErrors
{
    public static DomainException PhoneNumberNotFound() =>
        new(ErrorKind.NotFound, "PHONE_NUMBER_NOT_FOUND", "Phone number not found");

    public static DomainException AgentNotFound() =>
        new(ErrorKind.NotFound, "AGENT_NOT_FOUND", "Agent not found");

    public static DomainException ReleaseRequestNotFound() =>
        new(ErrorKind.NotFound, "RELEASE_REQUEST_NOT_FOUND", "Release request not found");

    public static DomainException EnvironmentNotFound() =>
        new(ErrorKind.NotFound, "ENVIRONMENT_NOT_FOUND", "Environment not found");

    public static DomainException TokenNotFound() =>
        new(ErrorKind.NotFound, "TOKEN_NOT_FOUND", "Token not found");

    public static DomainException ReleaseAlreadyPending() =>
        new(ErrorKind.Conflict, "RELEASE_ALREADY_PENDING", "A release request for this phone number is already pending");

    public static DomainException ReleaseRequestNotPending() =>
        new(ErrorKind.Conflict, "RELEASE_REQUEST_NOT_PENDING", "The release request is no longer pending");

    public static DomainException PhoneNumberReleasePending() =>
        new(ErrorKind.Conflict, "PHONE_NUMBER_RELEASE_PENDING", "A phone number with a pending release request cannot be assigned to an agent");

    public static DomainException PhoneNumberAlreadyExists() =>
        new(ErrorKind.Conflict, "PHONE_NUMBER_ALREADY_EXISTS", "This phone number is already provisioned");

    public static DomainException PhoneNumberInUse() =>
        new(ErrorKind.RuleViolation, "PHONE_NUMBER_IN_USE", "Phone number is currently assigned to active agents and cannot be released");
}
