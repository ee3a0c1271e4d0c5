using Microsoft.AspNetCore.Http;

namespace Platform.Entities.OData;

/// <summary>Where this service's OData root is, as clients address it.</summary>
public static class ODataAddress
{
    public static string ServiceRoot(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/odata/";
}
