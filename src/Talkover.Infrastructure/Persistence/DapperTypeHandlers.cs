using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Talkover.Infrastructure.Persistence;

/// <summary>
/// SQLite has no uuid, datetime, date or decimal types, so these values are stored as text in a
/// fixed, sortable form (lowercase UUIDs, <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>). SQL Server gets
/// its native types. Dapper only uses a handler's SetValue for these types after RemoveTypeMap.
/// </summary>
internal static class DapperTypeHandlers
{
    private static readonly Lock Gate = new();
    private static bool _registered;

    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            DefaultTypeMap.MatchNamesWithUnderscores = true;
            foreach (var type in new[] { typeof(Guid), typeof(DateTime), typeof(DateOnly), typeof(decimal) })
            {
                SqlMapper.RemoveTypeMap(type);
                SqlMapper.RemoveTypeMap(typeof(Nullable<>).MakeGenericType(type));
            }

            SqlMapper.AddTypeHandler(new GuidHandler());
            SqlMapper.AddTypeHandler(new UtcDateTimeHandler());
            SqlMapper.AddTypeHandler(new DateOnlyHandler());
            SqlMapper.AddTypeHandler(new DecimalHandler());
            _registered = true;
        }
    }

    public const string SqliteDateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("D");
            }
            else
            {
                parameter.DbType = DbType.Guid;
                parameter.Value = value;
            }
        }

        public override Guid Parse(object value) => value switch
        {
            Guid guid => guid,
            string text => Guid.Parse(text),
            byte[] bytes => new Guid(bytes),
            _ => throw new DataException($"Cannot read a UUID from {value.GetType().Name}."),
        };
    }

    private sealed class UtcDateTimeHandler : SqlMapper.TypeHandler<DateTime>
    {
        public override void SetValue(IDbDataParameter parameter, DateTime value)
        {
            var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = utc.ToString(SqliteDateTimeFormat, CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.DbType = DbType.DateTime2;
                parameter.Value = utc;
            }
        }

        public override DateTime Parse(object value) => value switch
        {
            DateTime dateTime => DateTime.SpecifyKind(dateTime, DateTimeKind.Utc),
            string text => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            _ => throw new DataException($"Cannot read a timestamp from {value.GetType().Name}."),
        };
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.DbType = DbType.Date;
                parameter.Value = value.ToDateTime(TimeOnly.MinValue);
            }
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => throw new DataException($"Cannot read a date from {value.GetType().Name}."),
        };
    }

    private sealed class DecimalHandler : SqlMapper.TypeHandler<decimal>
    {
        public override void SetValue(IDbDataParameter parameter, decimal value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.DbType = DbType.Decimal;
                parameter.Value = value;
            }
        }

        // Dividing by 1.000… drops trailing zeros, so SQL Server's decimal(12,4) 1.1500 reads as 1.15, as on SQLite.
        public override decimal Parse(object value) => value switch
        {
            string text => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture),
            _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        } / 1.0000000000000000000000000000m;
    }
}
