using Platform.Core;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Engine;

/// <summary>
/// Instance state as JSON: variables keep their kinds — numbers come back as decimals (exact money),
/// texts, yes/no, lists and objects as they were; dates are kept as ISO-8601 texts.
/// </summary>
public static class InstanceStateJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(), new VariableConverter() },
    };

    public static string Write(InstanceState state) => JsonSerializer.Serialize(state, Options);

    public static InstanceState Read(string json) => JsonSerializer.Deserialize<InstanceState>(json, Options) ?? new InstanceState();

    private sealed class VariableConverter : JsonConverter<object>
    {
        public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return Read(document.RootElement);
        }

        public static object? Read(JsonElement element) => JsonValues.Read(element);

        public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
        {
            switch (value)
            {
                case DateTimeOffset at:
                    writer.WriteStringValue(at.ToString("O", CultureInfo.InvariantCulture));
                    break;
                case Guid id:
                    writer.WriteStringValue(id.ToString());
                    break;
                default:
                    JsonSerializer.Serialize(writer, value, value.GetType(), options);
                    break;
            }
        }
    }
}
