// The bare baseline on its own: `dotnet run -c Release --project bench/Talkover.Baseline`, with
// ConnectionStrings__Talkover and urls set as for the service. The benchmark hosts it through BaselineApp.
var app = Talkover.Baseline.BaselineApp.Create(args);
await app.RunAsync();
