using Platform.Stock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Data.Packages;
using Platform.Data.Records;
using Platform.Records;
using Platform.Records.Files;
using Platform.Records.Identity;
using Platform.Records.Menus;
using Platform.Records.People;
using Platform.Records.Views;

namespace Platform.Web.Data;

public static class PlatformRecordsServiceCollectionExtensions
{
    /// <summary>The entity engine's services, shared by the host and the CLI.</summary>
    public static IServiceCollection AddPlatformRecords(this IServiceCollection services)
    {
        services.AddSingleton<RecordsDbContextFactory>();
        services.AddSingleton<SchemaCache>();
        services.AddSingleton(sp => new Platform.Rules.ScriptHost(
            Platform.Rules.RuleLimits.From(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<SchemaManager>();
        services.AddScoped<ISchemaManager>(sp => sp.GetRequiredService<SchemaManager>());
        services.AddScoped<RecordValueConverter>();
        services.AddSingleton(sp => Platform.Data.Files.FileStoreSettings.Read(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()));
        services.AddScoped<Platform.Data.Files.FileStore>();
        services.AddScoped<IFileStore>(sp => sp.GetRequiredService<Platform.Data.Files.FileStore>());
        services.AddScoped<Platform.Data.Files.FileSweeper>();
        services.AddScoped<ISavedViewStore, Platform.Data.Views.SavedViewStore>();
        services.AddScoped<Platform.Records.Reports.ISavedReportStore, Platform.Data.Reports.SavedReportStore>();
        services.AddScoped<IAppMenuStore, Platform.Data.Menus.AppMenuStore>();
        services.AddScoped<Platform.Records.Ocr.IScanBatchStore, Platform.Data.Ocr.ScanBatchStore>();
        services.AddScoped<Platform.Records.Importing.IImportRunStore, Platform.Data.Importing.ImportRunStore>();
        services.AddScoped<Platform.Records.Exporting.IExportRunStore, Platform.Data.Exporting.ExportRunStore>();
        services.AddScoped<IPeopleDirectory, Platform.Data.Identity.PeopleDirectory>();
        services.TryAddScoped<Platform.Records.Notifications.INotificationCentre, Platform.Data.Notifications.NotificationCentre>();
        services.AddScoped<IIdentityTables>(sp => sp.GetRequiredService<Platform.Data.PlatformDbContext>());
        services.AddScoped<RecordStore>();
        services.AddScoped<IRecordStore>(sp => sp.GetRequiredService<RecordStore>());
        services.AddScoped<IRecordActions>(sp => sp.GetRequiredService<RecordStore>());
        services.AddScoped<Platform.Records.Merging.IRecordMerging>(sp => sp.GetRequiredService<RecordStore>());
        services.AddScoped<Platform.Records.Documents.IRecordSubmission>(sp => sp.GetRequiredService<RecordStore>());
        services.AddStockLedger();
        services.AddScoped<Platform.Records.Sharing.IRecordSharing, RecordSharing>();
        Platform.Data.Records.Duplicates.DuplicateServices.AddDuplicateChecks(services);
        Platform.Data.Records.Fulfilment.FulfilmentServices.AddFulfilment(services);
        services.AddScoped<AppPackageService>();
        services.AddScoped<AppPackageInstaller>();
        services.AddScoped<Platform.Records.Packages.IAppPackages>(provider => provider.GetRequiredService<AppPackageInstaller>());
        services.AddScoped<PackageSampleData>();
        services.AddScoped<PackageSampleExport>();
        return services;
    }
}
