using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Platform.RecordApi.Endpoints;

/// <summary>The JSON body of a record request outside OData (shares, duplicates, merges); null when it is not JSON of that shape, for the endpoint to answer 400 with what it expects.</summary>
internal static class RequestBodies
{
    public static async Task<T?> ReadAsync<T>(HttpContext context) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(context.Request.Body, JsonSerializerOptions.Web, context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
