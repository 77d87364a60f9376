namespace Talkover.Domain.Common;

/// <summary>
/// Every machine-readable <c>code</c> an error response can carry: the domain's rules and the protocol's
/// own (bad JSON, credentials, limits). The domain, the API and the OpenAPI document all name them from here.
/// </summary>
public static class ErrorCodes
{
    public const string InvalidJson = "INVALID_JSON";
    public const string InvalidToken = "INVALID_TOKEN";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string InsufficientRole = "INSUFFICIENT_ROLE";
    public const string NotFound = "NOT_FOUND";
    public const string PhoneNumberNotFound = "PHONE_NUMBER_NOT_FOUND";
    public const string AgentNotFound = "AGENT_NOT_FOUND";
    public const string ReleaseRequestNotFound = "RELEASE_REQUEST_NOT_FOUND";
    public const string EnvironmentNotFound = "ENVIRONMENT_NOT_FOUND";
    public const string TokenNotFound = "TOKEN_NOT_FOUND";
    public const string StaffNotFound = "STAFF_NOT_FOUND";
    public const string StaffApiKeyNotFound = "STAFF_API_KEY_NOT_FOUND";
    public const string WebhookNotFound = "WEBHOOK_NOT_FOUND";
    public const string DeliveryNotFound = "DELIVERY_NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string ReleaseAlreadyPending = "RELEASE_ALREADY_PENDING";
    public const string ReleaseRequestNotPending = "RELEASE_REQUEST_NOT_PENDING";
    public const string PhoneNumberReleasePending = "PHONE_NUMBER_RELEASE_PENDING";
    public const string PhoneNumberAlreadyExists = "PHONE_NUMBER_ALREADY_EXISTS";
    public const string IdempotencyKeyInUse = "IDEMPOTENCY_KEY_IN_USE";
    public const string StaffEmailTaken = "STAFF_EMAIL_TAKEN";
    public const string LastAdmin = "LAST_ADMIN";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string ValidationError = "VALIDATION_ERROR";
    public const string PhoneNumberInUse = "PHONE_NUMBER_IN_USE";
    public const string IdempotencyKeyMismatch = "IDEMPOTENCY_KEY_MISMATCH";
    public const string RateLimitExceeded = "RATE_LIMIT_EXCEEDED";
    public const string InternalError = "INTERNAL_ERROR";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";
}
