using Platform.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();

var app = builder.Build();
await app.InitializePlatformAsync();
app.MapPlatform();
await app.RunAsync();

/// <summary>The product's web host; tests start it through <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
