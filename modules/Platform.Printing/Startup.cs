using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Modules;
using Platform.Printing.Endpoints;
using Platform.Printing.Services;
using Platform.Web.Forms;
using Platform.Web.Lists;

namespace Platform.Printing;

/// <summary>
/// Printing: records printed to PDF with print templates (Liquid writing HTML and CSS, in a sandbox) by a warm headless Chromium —
/// quotes, contracts, orders, delivery notes. Builds on the platform's record reading only.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override bool HasPages => true;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<Permissions>();
        services.AddNavigation<Menu>();
        services.AddSingleton<ChromiumPool>().AddSingleton<PdfPrinter>().AddSingleton<PrintTemplates>().AddSingleton<CompanySettings>();
        services.AddScoped<PrintModel>().AddScoped<PrintService>().AddScoped<SampleRecords>();
        services.AddScoped<Platform.Records.Packages.IAppPackagePart, Packages.PackagePrintTemplates>();
        services.AddScoped<Platform.Records.Packages.IAppPackagePart, Packages.PackageCompanySettings>();
        services.AddRecordFormPart<Components.PrintBar>(order: 50);
        services.AddRecordSelectionPart<Components.PrintSelected>(order: 50);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrintEndpoints();
        endpoints.MapPrintDesignEndpoints();
    }
}
