using Talkover.Bench;

// The service measured against a bare baseline of the same stack, in the same run, as ratios (see
// bench/README.md); exits 1 when a target is missed, 2 when the comparison could not be made.
if (args is ["serve", var target, var dbPath])
{
    return await Serve.RunAsync(target, dbPath);
}

if (BenchOptions.Parse(args) is not { } options)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (options.Absolute)
{
    return await AbsoluteMode.RunAsync(options.Concurrency[0]);
}

try
{
    return options.Scale ? await ScaleMode.RunAsync(options) : await RatioMode.RunAsync(options);
}
catch (BenchException ex)
{
    Console.Error.WriteLine($"bench: {ex.Message}");
    return 2;
}
