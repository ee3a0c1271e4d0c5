using Platform.Data.PostgreSql;
using Platform.Data.Sqlite;
using Platform.Data.SqlServer;
using Platform.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform(databases: [new SqliteDatabaseProvider(), new PostgreSqlDatabaseProvider(), new SqlServerDatabaseProvider()]);

var app = builder.Build();
await app.InitializePlatformAsync();
app.MapPlatform();
await app.RunAsync();

/// <summary>The product's web host; tests start it through <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
