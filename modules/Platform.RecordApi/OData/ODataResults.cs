using Microsoft.AspNetCore.Http;
using Platform.Records;

namespace Platform.RecordApi.OData;

/// <summary>An OData error (<c>{ "error": { code, message, target, details } }</c>) as an endpoint result.</summary>
public sealed class ODataErrorResult(int status, string code, string message, string? target, IReadOnlyList<RecordFieldError>? details = null) : IResult, IStatusCodeHttpResult
{
    public int StatusCode => status;

    int? IStatusCodeHttpResult.StatusCode => status;

    public Task ExecuteAsync(HttpContext httpContext) => ODataJson.WriteErrorAsync(httpContext.Response, status, code, message, target, details);
}

/// <summary>One record as an OData entity with its ETag (in the header and as <c>@odata.etag</c>), answered with <paramref name="status"/>.</summary>
public sealed class ODataEntityResult(int status, string context, IReadOnlyDictionary<string, object?> record, string etag, string? location = null) : IResult, IStatusCodeHttpResult
{
    public int StatusCode => status;

    int? IStatusCodeHttpResult.StatusCode => status;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = status;
        httpContext.Response.Headers.ETag = etag;
        if (location is not null)
        {
            httpContext.Response.Headers.Location = location;
        }

        return ODataJson.WriteEntityAsync(httpContext.Response, context, record, etag);
    }
}
