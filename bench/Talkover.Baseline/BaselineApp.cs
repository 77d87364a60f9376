using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Talkover.Application.Common;
using Talkover.Application.PhoneNumbers;
using Talkover.Infrastructure.Persistence;

namespace Talkover.Baseline;

/// <summary>
/// The same two routes as the service, written the shortest sound way on the same stack: minimal API,
/// raw Microsoft.Data.Sqlite, a Utf8JsonWriter straight into the response. Same schema (the service's
/// migration scripts), same connection settings, same durable work and response shapes; none of the
/// service's layers (MVC, MediatR, FluentValidation, AutoMapper, Dapper, idempotency, rate limits, request
/// ids). What else differs is listed in bench/README.md. It is the yardstick the benchmark divides by.
/// </summary>
public static class BaselineApp
{
    public const string DefaultConnectionString = "Data Source=data/baseline.db";

    /// <param name="configure">Lets the benchmark add to the host (its statistics route) before it is built.</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var configured = builder.Configuration.GetConnectionString("Talkover");
        var connectionString = string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured;

        // The service's own scripts, applied as the service applies them at start-up (WAL included).
        new DatabaseMigrator(new DatabaseOptions { ConnectionString = connectionString }).Migrate();

        // The connection string the service's requests use: the file must exist, foreign keys on,
        // pooled, a 30 s lock wait. synchronous is left at SQLite's default, as the service leaves it.
        var forRequests = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, Pooling = true, Mode = SqliteOpenMode.ReadWrite };
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            forRequests.DefaultTimeout = 30;
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5090");
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        configure?.Invoke(builder);

        var routes = new Routes(forRequests.ToString());
        var app = builder.Build();
        app.MapPost("/api/v1/phone-numbers/{phone_number_id}/request-release", routes.RequestReleaseAsync);
        app.MapGet("/api/v1/phone-numbers", routes.ListPhoneNumbersAsync);
        return app;
    }

    private sealed class Routes(string connectionString)
    {
        private const string StoredTimestamp = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
        private const string OutputTimestamp = "yyyy-MM-dd'T'HH:mm:ss'Z'";

        // The escaping MVC's JSON output uses (a '+' stays a '+').
        private static readonly JsonWriterOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        // One writer at a time, queued here, as SQLite takes them (the service queues its writers the same way).
        private readonly SemaphoreSlim _writeTurn = new(1, 1);

        public async Task RequestReleaseAsync(HttpContext context)
        {
            var cancellationToken = context.RequestAborted;
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            if (await AuthenticateAsync(context, connection) is not { } credential)
            {
                await ErrorAsync(context, 401, "INVALID_TOKEN", "Missing, malformed, unknown or revoked token");
                return;
            }

            if (!context.Request.HasJsonContentType())
            {
                await ErrorAsync(context, 415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json");
                return;
            }

            string? reason = null;
            try
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body, default, cancellationToken);
                if (body.RootElement.ValueKind == JsonValueKind.Object
                    && body.RootElement.TryGetProperty("reason", out var reasonElement)
                    && reasonElement.ValueKind == JsonValueKind.String)
                {
                    reason = reasonElement.GetString()!.Trim();
                }
            }
            catch (JsonException)
            {
                await ErrorAsync(context, 400, "INVALID_JSON", "The request body is not valid JSON");
                return;
            }

            if (reason is not { Length: >= 10 and <= 500 })
            {
                await ErrorAsync(context, 422, "VALIDATION_ERROR", "reason must be 10 to 500 characters");
                return;
            }

            if (!Guid.TryParse((string?)context.Request.RouteValues["phone_number_id"], out var phoneNumberId))
            {
                await ErrorAsync(context, 404, "PHONE_NUMBER_NOT_FOUND", "Phone number not found");
                return;
            }

            var requestId = Guid.CreateVersion7();
            var now = DateTime.UtcNow;
            var stored = now.ToString(StoredTimestamp, CultureInfo.InvariantCulture);
            string number;
            await _writeTurn.WaitAsync(cancellationToken);
            try
            {
                // BEGIN IMMEDIATE: the write lock up front, one commit for the request and its history.
                await using var transaction = connection.BeginTransaction(deferred: false);
                await using (var check = connection.CreateCommand())
                {
                    check.CommandText = """
                        SELECT p.number,
                            EXISTS (SELECT 1 FROM release_requests r WHERE r.phone_number_id = p.id AND r.status = 'pending'),
                            EXISTS (SELECT 1 FROM agent_phone_numbers ap WHERE ap.phone_number_id = p.id)
                        FROM phone_numbers p
                        WHERE p.environment_id = $environment AND p.id = $id AND p.current_status = 'active'
                        """;
                    check.Parameters.AddWithValue("$environment", credential.EnvironmentId);
                    check.Parameters.AddWithValue("$id", phoneNumberId.ToString("D"));
                    await using var reader = await check.ExecuteReaderAsync(cancellationToken);
                    if (!await reader.ReadAsync(cancellationToken))
                    {
                        await ErrorAsync(context, 404, "PHONE_NUMBER_NOT_FOUND", "Phone number not found");
                        return;
                    }

                    if (reader.GetBoolean(1))
                    {
                        await ErrorAsync(context, 409, "RELEASE_ALREADY_PENDING", "A release request for this phone number is already pending");
                        return;
                    }

                    if (reader.GetBoolean(2))
                    {
                        await ErrorAsync(context, 422, "PHONE_NUMBER_IN_USE", "Phone number is currently assigned to active agents and cannot be released");
                        return;
                    }

                    number = reader.GetString(0);
                }

                await using (var insert = connection.CreateCommand())
                {
                    insert.CommandText = """
                        INSERT INTO release_requests (id, environment_id, phone_number_id, phone_number, reason, status, requested_at)
                        VALUES ($id, $environment, $phone_number_id, $number, $reason, 'pending', $now);
                        INSERT INTO release_request_history (id, release_request_id, from_status, to_status, actor, actor_id, occurred_at)
                        VALUES ($history_id, $id, NULL, 'pending', 'customer', $token_id, $now);
                        """;
                    insert.Parameters.AddWithValue("$id", requestId.ToString("D"));
                    insert.Parameters.AddWithValue("$environment", credential.EnvironmentId);
                    insert.Parameters.AddWithValue("$phone_number_id", phoneNumberId.ToString("D"));
                    insert.Parameters.AddWithValue("$number", number);
                    insert.Parameters.AddWithValue("$reason", reason);
                    insert.Parameters.AddWithValue("$now", stored);
                    insert.Parameters.AddWithValue("$history_id", Guid.CreateVersion7().ToString("D"));
                    insert.Parameters.AddWithValue("$token_id", credential.TokenId);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }
            catch (SqliteException ex) when (ex is { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 })
            {
                await ErrorAsync(context, 409, "RELEASE_ALREADY_PENDING", "A release request for this phone number is already pending");
                return;
            }
            finally
            {
                _writeTurn.Release();
            }

            context.Response.StatusCode = 201;
            context.Response.Headers.Location = $"/api/v1/phone-numbers/release-requests/{requestId:D}";
            context.Response.ContentType = "application/json; charset=utf-8";
            await using var json = new Utf8JsonWriter(context.Response.BodyWriter, Output);
            json.WriteStartObject();
            json.WriteBoolean("success", true);
            json.WriteStartObject("data");
            json.WriteString("id", requestId);
            json.WriteString("phone_number_id", phoneNumberId);
            json.WriteString("phone_number", number);
            json.WriteString("reason", reason);
            json.WriteString("status", "pending");
            json.WriteString("requested_at", now.ToString(OutputTimestamp, CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken);
        }

        public async Task ListPhoneNumbersAsync(HttpContext context)
        {
            var cancellationToken = context.RequestAborted;
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            if (await AuthenticateAsync(context, connection) is not { } credential)
            {
                await ErrorAsync(context, 401, "INVALID_TOKEN", "Missing, malformed, unknown or revoked token");
                return;
            }

            if (!TryQueryInt(context, "page", 1, PageRequest.Window, out var page) || !TryQueryInt(context, "per_page", 20, 100, out var perPage)
                || (long)page * perPage > PageRequest.Window)
            {
                await ErrorAsync(context, 422, "VALIDATION_ERROR", "page × per_page must stay within 10,000 and per_page 1 to 100");
                return;
            }

            var skip = (page - 1) * perPage;
            var rows = new List<Row>(perPage);
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = """
                    SELECT p.id, p.number, p.country_code, p.type, p.has_voice, p.has_sms, p.has_mms, p.has_fax, p.has_whatsapp,
                        p.current_status, p.is_sandbox, p.current_price, p.currency, p.renewal_date, p.auto_renewal,
                        p.created_at, p.updated_at, p.monthly_renewal_cost,
                        (SELECT r.id FROM release_requests r WHERE r.phone_number_id = p.id AND r.status = 'pending'),
                        (SELECT json_group_array(json_object('id', a.id, 'name', a.name, 'direction', a.direction) ORDER BY a.created_at, a.id)
                            FROM agent_phone_numbers ap INNER JOIN agents a ON a.id = ap.agent_id
                            WHERE ap.phone_number_id = p.id)
                    FROM phone_numbers p
                    WHERE p.environment_id = $environment AND p.current_status = 'active'
                    ORDER BY p.created_at DESC, p.id DESC
                    LIMIT $take OFFSET $skip
                    """;
                list.Parameters.AddWithValue("$environment", credential.EnvironmentId);
                list.Parameters.AddWithValue("$take", perPage);
                list.Parameters.AddWithValue("$skip", skip);
                await using var reader = await list.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(new Row(
                        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                        reader.GetBoolean(4), reader.GetBoolean(5), reader.GetBoolean(6), reader.GetBoolean(7), reader.GetBoolean(8),
                        reader.GetString(9), reader.GetBoolean(10), DecimalOrNull(reader, 11), StringOrNull(reader, 12),
                        reader.IsDBNull(13) ? null : DateOnly.ParseExact(reader.GetString(13), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                        reader.GetBoolean(14), reader.GetString(15), reader.GetString(16), DecimalOrNull(reader, 17), StringOrNull(reader, 18),
                        reader.GetString(19)));
                }
            }

            long total;
            await using (var count = connection.CreateCommand())
            {
                count.CommandText = "SELECT row_count FROM list_counters WHERE scope_id = $environment AND list = 'phone_numbers'";
                count.Parameters.AddWithValue("$environment", credential.EnvironmentId);
                total = (long?)await count.ExecuteScalarAsync(cancellationToken) ?? 0;
            }

            // The service's cursor format (Talkover.Application), so both answer byte for byte.
            string? nextCursor = null;
            if (skip + rows.Count < total && rows.Count > 0)
            {
                var window = ListWindow.For(new PageRequest(page, perPage), null);
                var scope = ListCursor.Scope("phone_numbers", credential.EnvironmentId, null, null, null, null);
                nextCursor = ListCursor.Next(window, new ListSlice<Row>(rows, HasMore: true, default), scope, row =>
                    (DateTime.Parse(row.CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), Guid.Parse(row.Id)));
            }

            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json; charset=utf-8";
            await using var json = new Utf8JsonWriter(context.Response.BodyWriter, Output);
            json.WriteStartObject();
            json.WriteBoolean("success", true);
            json.WriteStartArray("data");
            foreach (var row in rows)
            {
                // The service's own remembered libphonenumber formats (parsing is the costly part of a list page).
                var (national, international) = (PhoneNumberFormatting.National(row.Number), PhoneNumberFormatting.International(row.Number));
                json.WriteStartObject();
                json.WriteString("id", row.Id);
                json.WriteString("number", row.Number);
                json.WriteString("country_code", row.CountryCode);
                json.WriteString("formatted_number", national);
                json.WriteString("international_number", international);
                json.WriteString("type", row.Type);
                json.WriteBoolean("has_voice", row.HasVoice);
                json.WriteBoolean("has_sms", row.HasSms);
                json.WriteBoolean("has_mms", row.HasMms);
                json.WriteBoolean("has_fax", row.HasFax);
                json.WriteBoolean("has_whatsapp", row.HasWhatsapp);
                json.WriteString("current_status", row.CurrentStatus);
                json.WriteBoolean("is_sandbox", row.IsSandbox);
                if (row.CurrentPrice is { } price)
                {
                    json.WriteNumber("current_price", price);
                }

                if (row.Currency is { } currency)
                {
                    json.WriteString("currency", currency);
                }

                if (row.RenewalDate is { } renewal)
                {
                    json.WriteString("renewal_date", renewal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                json.WriteBoolean("auto_renewal", row.AutoRenewal);
                json.WriteString("created_at", Timestamp(row.CreatedAt));
                json.WriteString("updated_at", Timestamp(row.UpdatedAt));
                if (row.MonthlyRenewalCost is { } cost)
                {
                    json.WriteNumber("monthly_renewal_cost", cost);
                }

                if (row.RenewalDate is { } date)
                {
                    json.WriteNumber("days_until_monthly_renewal", Math.Max(0, date.DayNumber - today.DayNumber));
                }

                json.WriteBoolean("is_due_for_monthly_renewal", row.RenewalDate is { } due && due <= today);
                // Each number's agents come from the same statement as one JSON array, written as it is.
                json.WritePropertyName("agents");
                json.WriteRawValue(row.AgentsJson);
                if (row.PendingReleaseRequestId is { } pending)
                {
                    json.WriteString("pending_release_request_id", pending);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("meta");
            json.WriteNumber("current_page", page);
            json.WriteNumber("per_page", perPage);
            json.WriteNumber("total", total);
            json.WriteNumber("last_page", Math.Max(1, (total + perPage - 1) / perPage));
            if (nextCursor is not null)
            {
                json.WriteString("next_cursor", nextCursor);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken);
        }

        /// <summary>The environment token in <c>Authorization: Bearer</c>, looked up by its SHA-256 hash as the service does.</summary>
        private static async Task<Credential?> AuthenticateAsync(HttpContext context, SqliteConnection connection)
        {
            var header = context.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var token = header.AsSpan("Bearer ".Length).Trim();
            if (token.Length is 0 or > 512 || !token.StartsWith("talq_", StringComparison.Ordinal))
            {
                return null;
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.ToString())));
            await using var lookup = connection.CreateCommand();
            lookup.CommandText = """
                SELECT t.id, t.environment_id
                FROM environment_tokens t
                INNER JOIN environments e ON e.id = t.environment_id
                WHERE t.token_hash = $hash AND t.revoked_at IS NULL
                """;
            lookup.Parameters.AddWithValue("$hash", hash);
            await using var reader = await lookup.ExecuteReaderAsync(context.RequestAborted);
            return await reader.ReadAsync(context.RequestAborted) ? new Credential(reader.GetString(0), reader.GetString(1)) : null;
        }

        private static bool TryQueryInt(HttpContext context, string name, int missing, int max, out int value)
        {
            var text = context.Request.Query[name];
            if (text.Count == 0)
            {
                value = missing;
                return true;
            }

            return int.TryParse(text.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max;
        }

        private static async Task ErrorAsync(HttpContext context, int status, string code, string message)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            await using var json = new Utf8JsonWriter(context.Response.BodyWriter, Output);
            json.WriteStartObject();
            json.WriteBoolean("success", false);
            json.WriteString("message", message);
            json.WriteString("code", code);
            json.WriteEndObject();
            await json.FlushAsync(context.RequestAborted);
        }

        // Stored 'yyyy-MM-ddTHH:mm:ss.fffffffZ'; sent without the fraction, as the service sends it.
        private static string Timestamp(string stored) =>
            DateTime.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
                .ToString(OutputTimestamp, CultureInfo.InvariantCulture);

        private static string? StringOrNull(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

        // Stored as invariant text; dividing by 1.000… drops trailing zeros, as the service reads it.
        private static decimal? DecimalOrNull(SqliteDataReader reader, int ordinal) =>
            reader.IsDBNull(ordinal) ? null : decimal.Parse(reader.GetString(ordinal), NumberStyles.Number, CultureInfo.InvariantCulture) / 1.0000000000000000000000000000m;
    }

    private sealed record Credential(string TokenId, string EnvironmentId);

    private sealed record Row(
        string Id, string Number, string CountryCode, string Type, bool HasVoice, bool HasSms, bool HasMms, bool HasFax, bool HasWhatsapp,
        string CurrentStatus, bool IsSandbox, decimal? CurrentPrice, string? Currency, DateOnly? RenewalDate, bool AutoRenewal,
        string CreatedAt, string UpdatedAt, decimal? MonthlyRenewalCost, string? PendingReleaseRequestId, string AgentsJson);
}
