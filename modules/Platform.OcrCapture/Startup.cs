using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Jobs;
using Platform.Abstractions.Modules;
using Platform.OcrCapture.Batches;
using Platform.OcrCapture.Endpoints;
using Platform.Records.Packages;

namespace Platform.OcrCapture;

/// <summary>
/// Scanned order forms in the browser: templates from packages kept in the database, batches of scans read
/// by a durable background job on any host, their pages and cells with pictures. The OCR engine is the
/// platform's (database-free); switched off, no batch is read on this host.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override bool HasPages => true;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<Permissions>();
        services.AddNavigation<Menu>();
        services.AddSingleton(_ => new Platform.Ocr.Recognition.RecognizerPool());
        services.AddScoped<IAppPackagePart, Templates.PackageFormTemplates>();
        services.AddScoped<ScanBatchService>();
        services.AddScoped<Templates.TemplateDesign>();
        services.AddScoped<Templates.EntityChoices>();
        services.AddScoped<Proofreading.ProofreadingService>();
        services.AddScoped<Records.SheetRecordService>();
        var watched = new WatchedFolderSettings();
        configuration.GetSection("Platform:Ocr:Watch").Bind(watched);
        services.AddSingleton(watched);
        services.AddSingleton<WatchedFolders>();
        services.AddHostedService(sp => sp.GetRequiredService<WatchedFolders>());
        services.AddScoped<Records.BatchExport>();
        services.AddScoped<IBackgroundJobHandler>(sp => new ScanBatchReading(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<Platform.Ocr.Recognition.RecognizerPool>(),
            sp.GetRequiredService<TimeProvider>()) { Parallelism = configuration.GetValue("Platform:Ocr:Parallelism", Environment.ProcessorCount) });
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFormTemplateEndpoints();
        endpoints.MapScanBatchEndpoints();
        endpoints.MapProofreadingEndpoints();
        endpoints.MapSheetRecordEndpoints();
    }
}
