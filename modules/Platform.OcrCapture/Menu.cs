using Platform.Abstractions.Navigation;

namespace Platform.OcrCapture;

/// <summary>The module's menu entries: the scan batches and the form templates, for those who may see them.</summary>
public sealed class Menu : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() =>
    [
        new("OcrCapture.Menu.Batches", "/ocr/batches", "document_scanner", 300, Permissions.ReadBatches),
        new("OcrCapture.Menu.Templates", "/ocr/templates", "design_services", 301, Permissions.ManageTemplates),
    ];
}
