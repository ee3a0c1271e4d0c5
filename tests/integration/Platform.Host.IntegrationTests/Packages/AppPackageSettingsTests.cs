using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Security;
using Platform.Data.Packages;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Printing.Models;
using Platform.Printing.Services;
using Platform.Records.Packages;

namespace Platform.Host.IntegrationTests.Packages;

/// <summary>
/// The company's details for printing travel in a package only when chosen (an app shared with another company must not carry this
/// one's bank account), install where they are checked as the company page checks them, and go back to the host's defaults when the
/// app that brought them is uninstalled.
/// </summary>
public sealed class AppPackageSettingsTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly string[] DocumentsAndSettings = ["entities", "views", "menus", "roles", "reports", "dashboards", "print", "ocr", "workflows", "settings"];

    private static Task<IReadOnlyList<AppPackageFile>> ExportAsync(PlatformHost host, IReadOnlyList<string>? items) =>
        host.InScopeAsync(s => s.GetRequiredService<AppPackageInstaller>().ExportAsync(new AppPackageExport("branding", "1.0.0", Items: items)));

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_companys_details_go_only_when_chosen_install_checked_and_go_back_to_the_defaults_on_uninstall(string provider)
    {
        await using var first = await PlatformHost.StartAsync(provider);
        await first.Services.GetRequiredService<CompanySettings>().SaveAsync(
            new CompanyProfile { Name = "上海示例贸易有限公司", Bank = "中国工商银行上海分行", Account = "1001 2345", Logo = LogoImage.DataAddress(Png()) }, new Actor("admin", "admin"));

        Assert.DoesNotContain(await ExportAsync(first, null), f => f.Path.StartsWith("settings/", StringComparison.Ordinal));
        var files = await ExportAsync(first, DocumentsAndSettings);
        var settings = files.Single(f => f.Path == "settings/company.json");
        Assert.Contains("上海示例贸易有限公司", settings.Content, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", settings.Content, StringComparison.Ordinal);

        await using var second = await PlatformHost.StartAsync(provider, ("Platform:Company:Name", "配置里的公司"));
        var company = second.Services.GetRequiredService<CompanySettings>();
        Assert.Equal("配置里的公司", (await company.LoadAsync()).Name);

        // A logo that is not a picture is refused, naming the file; nothing is applied.
        var bad = files.Select(f => f.Path == settings.Path ? f with { Content = settings.Content.Replace(settings.Content.Split("base64,")[1].Split('"')[0], Convert.ToBase64String(Encoding.UTF8.GetBytes("<svg/>")), StringComparison.Ordinal) } : f).ToList();
        var refused = await second.InScopeAsync(s => s.GetRequiredService<AppPackageInstaller>().InstallAsync(bad, "admin"));
        Assert.False(refused.Succeeded);
        Assert.Equal("settings/company.json", Assert.Single(refused.Errors).Path);
        Assert.Equal("配置里的公司", (await company.LoadAsync()).Name);

        var installed = await second.InScopeAsync(s => s.GetRequiredService<AppPackageInstaller>().InstallAsync(files, "admin"));
        Assert.True(installed.Succeeded, string.Join(Environment.NewLine, installed.Errors));
        Assert.Contains(installed.Items, i => i.Item == "settings/company" && i.State == AppPackageItemStates.New);
        var printed = await company.LoadAsync();
        Assert.Equal(("上海示例贸易有限公司", "1001 2345"), (printed.Name, printed.Account));
        Assert.StartsWith("data:image/png;base64,", printed.Logo, StringComparison.Ordinal);

        Assert.True((await second.InScopeAsync(s => s.GetRequiredService<AppPackageInstaller>().UninstallAsync("branding", "admin"))).Succeeded);
        Assert.Equal("配置里的公司", (await company.LoadAsync()).Name);
    }

    /// <summary>A small PNG drawn here.</summary>
    private static byte[] Png()
    {
        using var bitmap = new SkiaSharp.SKBitmap(40, 20);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(SkiaSharp.SKColors.SteelBlue);
        }

        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
