using System.Data.Common;
using System.Globalization;
using Talkover.Application.Abstractions;
using Talkover.Application.Common;
using Talkover.Application.PhoneNumbers;
using Talkover.Application.PhoneNumbers.ListPhoneNumbers;

namespace Talkover.Infrastructure.Persistence.Queries;

internal sealed class PhoneNumberQueries(DbSession db) : IPhoneNumberQueries
{
    /// <summary>
    /// The environment's active numbers, newest first: served by ix_phone_numbers_environment
    /// (environment_id, created_at, id) walked backwards, or by the trigram index for a search.
    /// </summary>
    internal static readonly ListStatement List = new()
    {
        Name = "PhoneNumberQueries.List",
        Table = "phone_numbers",
        Alias = "p",
        Columns = $"{SqlDialect.PhoneNumberColumns}, {Sql.PendingRequestColumn}",
        Scope = [new("p.environment_id", "@EnvironmentId"), new("p.current_status", "'active'")],
        Filters =
        [
            new("type", new ListTerm("p.type", "@Type")),
            new("has_voice", new ListTerm("p.has_voice", "@HasVoice")),
            new("has_whatsapp", new ListTerm("p.has_whatsapp", "@HasWhatsapp")),
            new("id", new ListTerm("p.id", "@SearchId"), Alone: true),
            new("search", SearchColumn: "number"),
            new("search_digits", SearchColumn: "number", Digits: true),
            new("search_short", SearchColumn: "number", Short: true),
        ],
        SortColumn = "p.created_at",
        IdColumn = "p.id",
        Descending = true,
        Counted = new HashSet<int> { 0 },
        Children = new(
            "agents_json",
            [("id", "a.id"), ("name", "a.name"), ("direction", "a.direction")],
            From: "agent_phone_numbers ap INNER JOIN agents a ON a.id = ap.agent_id",
            Where: "ap.phone_number_id = p.id",
            OrderBy: "a.created_at, a.id"),
    };

    internal static class Sql
    {
        internal const string PendingRequestColumn =
            "(SELECT r.id FROM release_requests r WHERE r.phone_number_id = p.id AND r.status = 'pending') AS pending_release_request_id";

        public const string ById = $"""
            SELECT {SqlDialect.PhoneNumberColumns}, {PendingRequestColumn}
            FROM phone_numbers p
            WHERE p.environment_id = @EnvironmentId AND p.id = @Id AND p.current_status = 'active'
            """;

        public const string Agents = """
            SELECT a.id, a.name, a.direction
            FROM agent_phone_numbers ap
            INNER JOIN agents a ON a.id = ap.agent_id
            WHERE ap.phone_number_id = @Id
            ORDER BY a.created_at, a.id
            """;
    }

    public async Task<PhoneNumberReadModel?> GetAsync(Guid environmentId, Guid phoneNumberId, CancellationToken cancellationToken)
    {
        var model = await db.QuerySingleOrDefaultAsync<PhoneNumberReadModel>(Sql.ById, new { EnvironmentId = environmentId, Id = phoneNumberId }, cancellationToken);
        if (model is null)
        {
            return null;
        }

        var agents = await db.QueryAsync<AgentRow>(Sql.Agents, new { model.Id }, cancellationToken);
        return model with { Agents = [.. agents.Select(a => new AssignedAgentReadModel(a.Id, a.Name, a.Direction))] };
    }

    public async Task<ListSlice<PhoneNumberReadModel>> ListAsync(
        Guid environmentId, PhoneNumberFilter filter, ListWindow window, CancellationToken cancellationToken)
    {
        var request = new ListRequest(List)
            .With("EnvironmentId", environmentId)
            .Filter("type", "Type", filter.Type)
            .Filter("has_voice", "HasVoice", filter.HasVoice)
            .Filter("has_whatsapp", "HasWhatsapp", filter.HasWhatsapp);

        // A search that is a number's id finds that number; no number contains an id's text.
        if (filter.Id is { } id)
        {
            request.Filter("id", "SearchId", id);
        }
        else
        {
            request.Search(filter.NumberContains);
        }

        if (filter is { Type: null, HasVoice: null, HasWhatsapp: null, NumberContains: null, Id: null })
        {
            request.CountedBy(environmentId, "phone_numbers");
        }

        return await db.QueryListAsync(request, window, cancellationToken, ReadListRow,
            (item, row, column) => item with { Agents = ListChildren.Read<AssignedAgentReadModel>(row, column) });
    }

    /// <summary>
    /// A row of <see cref="List"/> (columns in <see cref="SqlDialect.PhoneNumberColumns"/> order, then the pending
    /// request) through the reader's typed getters: the same values Dapper's type handlers give, without boxing
    /// each one on the way, for the list read most. Text columns are SQLite's storage; SQL Server's are native.
    /// </summary>
    internal static PhoneNumberReadModel ReadListRow(DbDataReader row) => new()
    {
        Id = row.GetGuid(0),
        EnvironmentId = row.GetGuid(1),
        Number = row.GetString(2),
        CountryCode = row.GetString(3),
        Type = row.GetString(4),
        HasVoice = row.GetBoolean(5),
        HasSms = row.GetBoolean(6),
        HasMms = row.GetBoolean(7),
        HasFax = row.GetBoolean(8),
        HasWhatsapp = row.GetBoolean(9),
        IsSandbox = row.GetBoolean(10),
        CurrentStatus = row.GetString(11),
        CurrentPrice = row.IsDBNull(12) ? null : Money(row, 12),
        Currency = row.IsDBNull(13) ? null : row.GetString(13),
        RenewalDate = row.IsDBNull(14) ? null
            : row.GetFieldType(14) == typeof(string) ? DateOnly.ParseExact(row.GetString(14), "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : DateOnly.FromDateTime(row.GetDateTime(14)),
        AutoRenewal = row.GetBoolean(15),
        MonthlyRenewalCost = row.IsDBNull(16) ? null : Money(row, 16),
        CreatedAt = Timestamp(row, 17),
        UpdatedAt = Timestamp(row, 18),
        PendingReleaseRequestId = row.IsDBNull(19) ? null : row.GetGuid(19),
    };

    // As DapperTypeHandlers: SQLite's text read invariantly; dividing by 1.000… drops SQL Server's trailing zeros.
    private static decimal Money(DbDataReader row, int column) =>
        (row.GetFieldType(column) == typeof(string)
            ? decimal.Parse(row.GetString(column), NumberStyles.Number, CultureInfo.InvariantCulture)
            : row.GetDecimal(column)) / 1.0000000000000000000000000000m;

    private static DateTime Timestamp(DbDataReader row, int column) =>
        row.GetFieldType(column) == typeof(string)
            ? DapperTypeHandlers.ParseSqliteTimestamp(row.GetString(column))
            : DateTime.SpecifyKind(row.GetDateTime(column), DateTimeKind.Utc);

    private sealed class AgentRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = "";

        public string Direction { get; init; } = "";
    }
}
