using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Modules;
using Platform.Reports.Endpoints;
using Platform.Reports.Services;
using Platform.Web.Home;

namespace Platform.Reports;

/// <summary>
/// Reports: figures grouped in the database (by fields, date buckets, people), over what each reader may read, for tables,
/// pivots, charts and KPI cards. Builds on the platform's record queries only.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override bool HasPages => true;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<Permissions>();
        services.AddNavigation<Menu>();
        services.AddScoped<ReportRunner>().AddScoped<ReportLabels>().AddSingleton<ComputedMeasures>().AddSingleton<SavedReports>();
        services.AddSingleton<SavedDashboards>();
        services.AddScoped<Platform.Records.Exporting.IExportSource, ReportExportSource>();
        services.AddScoped<Platform.Records.Packages.IAppPackagePart, Packages.PackageReports>();
        services.AddScoped<Platform.Records.Packages.IAppPackagePart, Packages.PackageDashboards>();
        services.AddHomePart<Components.Views.HomeDashboards>(order: 100);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapReportEndpoints();
        endpoints.MapDashboardEndpoints();
    }
}
