using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Platform.Records;
using Platform.Records.Query;

namespace Platform.RecordApi.OData;

/// <summary>Writes OData JSON (minimal metadata) responses and OData error bodies.</summary>
public static class ODataJson
{
    // API responses are never embedded in HTML: plain quotes and Chinese characters, not \u escapes.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WritePageAsync(HttpResponse response, string context, RecordPage page, string? nextLink)
    {
        response.ContentType = "application/json; odata.metadata=minimal; charset=utf-8";
        response.Headers["OData-Version"] = "4.0";
        await using var json = new Utf8JsonWriter(response.Body, Options);
        json.WriteStartObject();
        json.WriteString("@odata.context", context);
        if (page.Count is { } count)
        {
            json.WriteNumber("@odata.count", count);
        }

        json.WriteStartArray("value");
        foreach (var row in page.Rows)
        {
            WriteRecord(json, row);
        }

        json.WriteEndArray();
        if (nextLink is not null)
        {
            json.WriteString("@odata.nextLink", nextLink);
        }

        json.WriteEndObject();
    }

    public static async Task WriteEntityAsync(HttpResponse response, string context, IReadOnlyDictionary<string, object?> record, string? etag = null)
    {
        response.ContentType = "application/json; odata.metadata=minimal; charset=utf-8";
        response.Headers["OData-Version"] = "4.0";
        await using var json = new Utf8JsonWriter(response.Body, Options);
        json.WriteStartObject();
        json.WriteString("@odata.context", context);
        if (etag is not null)
        {
            json.WriteString("@odata.etag", etag);
        }

        WriteProperties(json, record);
        json.WriteEndObject();
    }

    public static async Task WriteErrorAsync(HttpResponse response, int status, string code, string message, string? target, IEnumerable<RecordFieldError>? details = null)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers["OData-Version"] = "4.0";
        await using var json = new Utf8JsonWriter(response.Body, Options);
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("code", code);
        json.WriteString("message", message);
        if (target is not null)
        {
            json.WriteString("target", target);
        }

        if (details is not null)
        {
            json.WriteStartArray("details");
            foreach (var detail in details)
            {
                json.WriteStartObject();
                json.WriteString("code", code);
                json.WriteString("target", detail.Field);
                json.WriteString("message", detail.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRecord(Utf8JsonWriter json, IReadOnlyDictionary<string, object?> record)
    {
        json.WriteStartObject();
        WriteProperties(json, record);
        json.WriteEndObject();
    }

    private static void WriteProperties(Utf8JsonWriter json, IReadOnlyDictionary<string, object?> record)
    {
        foreach (var (name, value) in record)
        {
            if (name == Core.Metadata.SystemFields.DeletedAt)
            {
                continue;
            }

            json.WritePropertyName(name);
            switch (value)
            {
                case null: json.WriteNullValue(); break;
                case string s: json.WriteStringValue(s); break;
                case bool b: json.WriteBooleanValue(b); break;
                case long l: json.WriteNumberValue(l); break;
                case int i: json.WriteNumberValue(i); break;
                case decimal d: json.WriteNumberValue(d); break;
                case Guid g: json.WriteStringValue(g); break;
                case DateOnly d: json.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                case DateTimeOffset d: json.WriteStringValue(d.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture)); break;
                case IReadOnlyDictionary<string, object?> expanded: WriteRecord(json, expanded); break;
                case IEnumerable<string> values:
                    json.WriteStartArray();
                    foreach (var item in values)
                    {
                        json.WriteStringValue(item);
                    }

                    json.WriteEndArray();
                    break;
                case IEnumerable<IReadOnlyDictionary<string, object?>> lines:
                    json.WriteStartArray();
                    foreach (var line in lines)
                    {
                        WriteRecord(json, line);
                    }

                    json.WriteEndArray();
                    break;
                default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            }
        }
    }
}
