using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.RecordPages.Forms;
using Platform.Web.Localization;
using Radzen;

namespace Platform.Entities.Tests.Components;

/// <summary>
/// A bunit context for the form components: the module's real texts in Chinese, Radzen's services,
/// and picker options from a list instead of a database.
/// </summary>
public abstract class FormComponentContext : BunitContext
{
    private readonly CultureInfo _savedCulture = CultureInfo.CurrentUICulture;

    protected FormComponentContext()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
        Services.AddSingleton<IStringLocalizer>(new CatalogStringLocalizer(new LocalizationCatalog([typeof(RecordPages.Startup).Assembly, typeof(LocalizationCatalog).Assembly, typeof(Core.Fields.FieldType).Assembly])));
        Services.AddSingleton<ILookupSource>(Options);
    }

    protected ListLookupSource Options { get; } = new();

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentUICulture = _savedCulture;
        base.Dispose(disposing);
    }
}
