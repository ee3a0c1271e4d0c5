using Platform.Abstractions.Navigation;

namespace Platform.OcrCapture;

/// <summary>The module's menu entry: the scan batches, for those who may see them.</summary>
public sealed class Menu : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() =>
    [
        new("OcrCapture.Menu.Batches", "/ocr/batches", "document_scanner", 300, Permissions.ReadBatches),
    ];
}
