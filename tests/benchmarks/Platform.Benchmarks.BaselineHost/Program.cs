// The baseline for host start-up and memory figures: an empty ASP.NET Core app with one endpoint,
// started and measured the same way as Platform.Host in the same run.
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/health", () => "Healthy");
await app.RunAsync();
