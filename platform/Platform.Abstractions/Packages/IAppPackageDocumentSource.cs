namespace Platform.Abstractions.Packages;

/// <summary>Provides the app-package documents a module carries.</summary>
public interface IAppPackageDocumentSource
{
    IEnumerable<AppPackageDocument> GetDocuments();
}
