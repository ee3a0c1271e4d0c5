using Microsoft.AspNetCore.Http;

namespace Platform.Web.Endpoints;

/// <summary>Where this service's OData root is, as clients address it.</summary>
public static class ODataAddress
{
    public static string ServiceRoot(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/odata/";
}
