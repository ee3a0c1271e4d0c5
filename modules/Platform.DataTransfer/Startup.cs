using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Modules;
using Platform.DataTransfer.Endpoints;

namespace Platform.DataTransfer;

/// <summary>
/// Records in and out of spreadsheets: import (CSV or Excel, with column mapping, keys that update
/// existing records, a dry run and an error report) and export of any list (CSV or Excel, as the
/// list filters and orders it). It works through the record service, so every import row is checked
/// and saved as a form's would be, with the importer's rights.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override bool HasPages => true;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddNavigation<Menu>();
        services.AddSingleton<Import.ImportProgress>();
        services.AddScoped<Platform.Abstractions.Jobs.IBackgroundJobHandler, Import.ImportRunning>();
        services.AddScoped<Import.ImportService>();
        services.AddSingleton(Export.ExportSettings.Read(configuration));
        services.AddScoped<Platform.Abstractions.Jobs.IBackgroundJobHandler, Export.ExportRunning>();
        services.AddScoped<Platform.Records.Exporting.IExportSource, Export.RecordExportSource>();
        services.AddScoped<Export.ExportService>();
        services.AddScoped<Platform.Records.Exporting.IBackgroundExports>(provider => provider.GetRequiredService<Export.ExportService>());
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapExportEndpoints();
        endpoints.MapImportEndpoints();
    }
}
