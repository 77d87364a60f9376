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

    /// <summary>
    /// A parameter's value as SQLite stores it (the handlers below give Dapper the same): UUIDs as lower-case
    /// text, timestamps as sortable UTC text, dates and amounts as invariant text; anything else as it is.
    /// </summary>
    public static object SqliteValue(object? value) => value switch
    {
        null => DBNull.Value,
        Guid guid => guid.ToString("D"),
        DateTime time => Utc(time).ToString(SqliteDateTimeFormat, CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal amount => amount.ToString(CultureInfo.InvariantCulture),
        DbString text => (object?)text.Value ?? DBNull.Value,
        _ => value,
    };

    private static DateTime Utc(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = SqliteValue(value);
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
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = SqliteValue(value);
            }
            else
            {
                parameter.DbType = DbType.DateTime2;
                parameter.Value = Utc(value);
            }
        }

        public override DateTime Parse(object value) => value switch
        {
            DateTime dateTime => DateTime.SpecifyKind(dateTime, DateTimeKind.Utc),
            string text => ParseSqliteTimestamp(text),
            _ => throw new DataException($"Cannot read a timestamp from {value.GetType().Name}."),
        };
    }

    /// <summary>
    /// A timestamp as SQLite stores it. The service writes <see cref="SqliteDateTimeFormat"/>, read here digit by
    /// digit (the general parser costs several times more, on every row of every list); any other text
    /// (written by hand, say) goes to the general parser, as UTC.
    /// </summary>
    public static DateTime ParseSqliteTimestamp(string text)
    {
        var span = text.AsSpan();
        if (span.Length == 28 && span[4] == '-' && span[7] == '-' && span[10] == 'T' && span[13] == ':' && span[16] == ':' && span[19] == '.' && span[27] == 'Z'
            && Digits(span[..4], out var year) && Digits(span.Slice(5, 2), out var month) && Digits(span.Slice(8, 2), out var day)
            && Digits(span.Slice(11, 2), out var hour) && Digits(span.Slice(14, 2), out var minute) && Digits(span.Slice(17, 2), out var second)
            && Digits(span.Slice(20, 7), out var fraction)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(1, year), month) && hour < 24 && minute < 60 && second < 60 && year >= 1)
        {
            return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fraction);
        }

        return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var character in text)
        {
            if (!char.IsAsciiDigit(character))
            {
                return false;
            }

            value = (value * 10) + (character - '0');
        }

        return true;
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = SqliteValue(value);
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
                parameter.Value = SqliteValue(value);
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
