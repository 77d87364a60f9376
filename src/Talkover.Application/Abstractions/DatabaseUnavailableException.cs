namespace Talkover.Application.Abstractions;

/// <summary>The database could not be reached; clients get 503 SERVICE_UNAVAILABLE.</summary>
public sealed class DatabaseUnavailableException(string message, Exception innerException) : Exception(message, innerException);
