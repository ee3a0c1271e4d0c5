using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Ocr.Pipeline;

/// <summary>Page results as JSON (camelCase, enums as words, Chinese kept readable): the result file and the worker protocol.</summary>
public static class PageResultJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Line(IReadOnlyList<PageResult> pages) => JsonSerializer.Serialize(pages, Options);

    public static IReadOnlyList<PageResult>? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<List<PageResult>>(line, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
