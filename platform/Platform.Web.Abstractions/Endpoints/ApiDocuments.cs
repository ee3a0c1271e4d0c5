namespace Platform.Web.Endpoints;

/// <summary>The platform's OpenAPI documents by name, for modules that add to them (a document transformer of that name).</summary>
public static class ApiDocuments
{
    /// <summary>The one document: <c>/api/openapi/v1.json</c>.</summary>
    public const string Main = "v1";
}
