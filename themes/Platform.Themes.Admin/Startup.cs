using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Modules;
using Platform.Themes.Admin.Components;
using Platform.Web.Hosting;

namespace Platform.Themes.Admin;

/// <summary>The administration theme: the shell's layouts and styles. No business logic lives here.</summary>
public sealed class Startup : ModuleStartup
{
    public override bool CanBeDisabled => false;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ShellOptions>(shell =>
        {
            shell.Layout = typeof(MainLayout);
            shell.PublicLayout = typeof(PublicLayout);
            shell.Stylesheets.Add("_content/Platform.Themes.Admin/theme.css");
        });
}
