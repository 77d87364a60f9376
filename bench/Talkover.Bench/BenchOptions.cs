using System.Globalization;

namespace Talkover.Bench;

internal sealed record BenchOptions(
    IReadOnlyList<int> Concurrency, int Rounds, TimeSpan Duration, TimeSpan Warmup, int ListedNumbers, int? WritePool, bool Absolute,
    bool Scale = false, int ScaleSmall = 10_000, int ScaleLarge = 1_000_000, int ScaleSamples = 400, int ScaleWarmup = 50)
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Talkover.Bench -- [options]
          --concurrency 16,64   client connections, one comparison per level (default 16,64)
          --rounds 3            timed rounds of each workload against each target (default 3)
          --duration 5          seconds per timed run (default 5)
          --warmup 2            seconds of warm-up per workload and target (default 2)
          --write-pool N        numbers available to request the release of, per target and level (default: enough)
          --absolute            the earlier mode: the service alone, in this process, against fixed targets
          --scale               lists at two sizes instead: each list's latency with 1,000,000 rows against 10,000
          --scale-rows 10000,1000000   the two sizes (default 10000,1000000)
          --samples 400         requests per list and size in --scale (after 50 of warm-up)
        A bare number is read as --concurrency.
        """;

    public static BenchOptions? Parse(string[] args)
    {
        var options = new BenchOptions([16, 64], 3, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), 2_000, null, false);
        for (var i = 0; i < args.Length; i++)
        {
            string? Value() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--concurrency" when Levels(Value()) is { } levels:
                    options = options with { Concurrency = levels };
                    break;
                case "--rounds" when Positive(Value()) is { } rounds:
                    options = options with { Rounds = rounds };
                    break;
                case "--duration" when Seconds(Value()) is { } duration:
                    options = options with { Duration = duration };
                    break;
                case "--warmup" when Seconds(Value()) is { } warmup:
                    options = options with { Warmup = warmup };
                    break;
                case "--write-pool" when Positive(Value()) is { } pool:
                    options = options with { WritePool = pool };
                    break;
                case "--absolute":
                    options = options with { Absolute = true };
                    break;
                case "--scale":
                    options = options with { Scale = true };
                    break;
                case "--scale-rows" when Levels(Value()) is [var small, var large] && small < large:
                    options = options with { ScaleSmall = small, ScaleLarge = large };
                    break;
                case "--samples" when Positive(Value()) is { } samples:
                    options = options with { ScaleSamples = samples };
                    break;
                case var level when Levels(level) is { } levels:
                    options = options with { Concurrency = levels };
                    break;
                default:
                    return null;
            }
        }

        return options;
    }

    private static int? Positive(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    private static TimeSpan? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? TimeSpan.FromSeconds(s) : null;

    private static int[]? Levels(string? text)
    {
        var levels = text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Positive).ToArray();
        return levels is { Length: > 0 } && levels.All(n => n is not null) ? [.. levels.Select(n => n!.Value)] : null;
    }
}
