using Talkover.Application.Abstractions;
using Talkover.Domain.Common;
using Talkover.Domain.PhoneNumbers;

namespace Talkover.Infrastructure.Persistence.Repositories;

internal sealed class PhoneNumberRepository(DbSession db) : IPhoneNumberRepository
{
    internal static class Sql
    {
        public const string SelectForUpdate = $"""
            SELECT {SqlDialect.PhoneNumberColumns}
            FROM phone_numbers p /*lock*/
            WHERE p.environment_id = @EnvironmentId AND p.id = @Id AND p.current_status = 'active'
            """;

        // The request is only read to find the number; the number is what is locked.
        public const string SelectForUpdateByReleaseRequest = $"""
            SELECT {SqlDialect.PhoneNumberColumns}
            FROM phone_numbers p /*lock*/
            WHERE p.current_status = 'active'
              AND p.id = (SELECT r.phone_number_id FROM release_requests r WHERE r.id = @ReleaseRequestId)
            """;

        public const string AssignedAgentIds = "SELECT agent_id FROM agent_phone_numbers WHERE phone_number_id = @Id";

        public const string PendingReleaseRequestId = "SELECT id FROM release_requests WHERE phone_number_id = @Id AND status = 'pending'";

        public const string ActiveNumberExists =
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM phone_numbers WHERE number = @Number AND current_status = 'active') THEN 1 ELSE 0 END";

        public const string SaveReleased = "UPDATE phone_numbers SET current_status = 'released', updated_at = @UpdatedAt WHERE id = @Id AND current_status = 'active'";

        public const string Insert = """
            INSERT INTO phone_numbers (id, environment_id, number, country_code, type, has_voice, has_sms, has_mms, has_fax, has_whatsapp,
                is_sandbox, current_status, current_price, currency, renewal_date, auto_renewal, monthly_renewal_cost, created_at, updated_at)
            VALUES (@Id, @EnvironmentId, @Number, @CountryCode, @Type, @HasVoice, @HasSms, @HasMms, @HasFax, @HasWhatsapp,
                @IsSandbox, @Status, @CurrentPrice, @Currency, @RenewalDate, @AutoRenewal, @MonthlyRenewalCost, @CreatedAt, @UpdatedAt)
            """;
    }

    public Task<PhoneNumber?> GetForUpdateAsync(Guid environmentId, Guid phoneNumberId, CancellationToken cancellationToken) =>
        LoadAsync(Sql.SelectForUpdate, new { EnvironmentId = environmentId, Id = phoneNumberId }, cancellationToken);

    public Task<PhoneNumber?> GetForUpdateByReleaseRequestAsync(Guid releaseRequestId, CancellationToken cancellationToken) =>
        LoadAsync(Sql.SelectForUpdateByReleaseRequest, new { ReleaseRequestId = releaseRequestId }, cancellationToken);

    private async Task<PhoneNumber?> LoadAsync(string lockingSql, object parameters, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(db.Dialect.Locking(lockingSql), parameters, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var agentIds = await db.QueryAsync<Guid>(Sql.AssignedAgentIds, new { row.Id }, cancellationToken);
        var pendingId = await db.QuerySingleOrDefaultAsync<Guid?>(Sql.PendingReleaseRequestId, new { row.Id }, cancellationToken);
        var profile = new PhoneNumberProfile(
            row.CountryCode, row.Type, row.HasVoice, row.HasSms, row.HasMms, row.HasFax, row.HasWhatsapp, row.IsSandbox,
            row.CurrentPrice, row.Currency, row.RenewalDate, row.AutoRenewal, row.MonthlyRenewalCost);
        return PhoneNumber.Rehydrate(row.Id, row.EnvironmentId, row.Number, profile, row.CurrentStatus, agentIds, pendingId, row.CreatedAt, row.UpdatedAt);
    }

    public async Task<IReadOnlyList<PhoneNumber>> GetManyForUpdateAsync(Guid environmentId, IReadOnlyCollection<Guid> phoneNumberIds, CancellationToken cancellationToken)
    {
        // One row at a time in id order: two commands locking overlapping sets always take the
        // locks in the same order, so they wait for each other instead of deadlocking.
        var found = new List<PhoneNumber>(phoneNumberIds.Count);
        foreach (var id in phoneNumberIds.Distinct().Order())
        {
            if (await GetForUpdateAsync(environmentId, id, cancellationToken) is { } phoneNumber)
            {
                found.Add(phoneNumber);
            }
        }

        return found;
    }

    public async Task<bool> ActiveNumberExistsAsync(string e164Number, CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<int>(Sql.ActiveNumberExists, new { Number = e164Number }, cancellationToken) == 1;

    public async Task AddAsync(PhoneNumber phoneNumber, CancellationToken cancellationToken)
    {
        var p = phoneNumber.Profile;
        try
        {
            await db.ExecuteAsync(Sql.Insert, new
            {
                phoneNumber.Id,
                phoneNumber.EnvironmentId,
                phoneNumber.Number,
                p.CountryCode,
                p.Type,
                p.HasVoice,
                p.HasSms,
                p.HasMms,
                p.HasFax,
                p.HasWhatsapp,
                p.IsSandbox,
                phoneNumber.Status,
                p.CurrentPrice,
                p.Currency,
                p.RenewalDate,
                p.AutoRenewal,
                p.MonthlyRenewalCost,
                phoneNumber.CreatedAt,
                phoneNumber.UpdatedAt,
            }, cancellationToken);
        }
        catch (System.Data.Common.DbException ex) when (db.Dialect.IsUniqueViolation(ex))
        {
            throw DomainErrors.PhoneNumberAlreadyExists();
        }
    }

    public async Task SaveReleasedAsync(PhoneNumber phoneNumber, CancellationToken cancellationToken)
    {
        var changed = await db.ExecuteAsync(Sql.SaveReleased, new { phoneNumber.Id, phoneNumber.UpdatedAt }, cancellationToken);
        if (changed != 1)
        {
            throw new InvalidOperationException($"Phone number {phoneNumber.Id} was not active when it was released.");
        }
    }

    /// <summary>A phone_numbers row as this repository reads it.</summary>
    private sealed class Row
    {
        public Guid Id { get; init; }

        public Guid EnvironmentId { get; init; }

        public string Number { get; init; } = "";

        public string CountryCode { get; init; } = "";

        public string Type { get; init; } = "";

        public bool HasVoice { get; init; }

        public bool HasSms { get; init; }

        public bool HasMms { get; init; }

        public bool HasFax { get; init; }

        public bool HasWhatsapp { get; init; }

        public bool IsSandbox { get; init; }

        public string CurrentStatus { get; init; } = "";

        public decimal? CurrentPrice { get; init; }

        public string? Currency { get; init; }

        public DateOnly? RenewalDate { get; init; }

        public bool AutoRenewal { get; init; }

        public decimal? MonthlyRenewalCost { get; init; }

        public DateTime CreatedAt { get; init; }

        public DateTime UpdatedAt { get; init; }
    }
}
