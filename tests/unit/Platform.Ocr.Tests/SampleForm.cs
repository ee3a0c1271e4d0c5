using Platform.Ocr.Templates;
using Platform.Tests;

namespace Platform.Ocr.Tests;

/// <summary>The trade-fair package's apparel order sheet, read from the repository.</summary>
internal static class SampleForm
{
    public static string TemplatePath => Path.Combine(RepositoryFolder.Root, "apps", "packages", "trade-fair-orders", "ocr", "apparel_order.template.json");

    public static FormTemplate Load() => FormTemplate.Load(TemplatePath);
}
