using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.Identity.Models;

namespace Platform.Identity.Endpoints;

/// <summary>
/// Reads a JSON body of an administration call field by field: only the properties present change
/// (a PATCH), each must have its type, and a property the resource does not have is refused by name
/// rather than ignored — a script with a typo learns it at once.
/// </summary>
internal sealed class AdministrationChange(JsonElement body, IStringLocalizer text)
{
    private readonly List<FieldError> _errors = [];

    public static AdministrationChange Of(JsonElement body, HttpContext context) =>
        new(body, context.RequestServices.GetRequiredService<IStringLocalizer>());

    public IReadOnlyList<FieldError> Errors => _errors;

    /// <summary>Refuses anything but an object whose properties are all among <paramref name="known"/>.</summary>
    public bool Check(params string[] known)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(new(null, text["Identity.Api.NotObject"]));
            return false;
        }

        foreach (var property in body.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
        {
            _errors.Add(new(property.Name, text["Identity.Api.UnknownProperty", property.Name, string.Join(", ", known)]));
        }

        return _errors.Count == 0;
    }

    public void Text(string name, Action<string?> set, bool nullable = true)
    {
        if (body.TryGetProperty(name, out var value))
        {
            if (value.ValueKind == JsonValueKind.String || nullable && value.ValueKind == JsonValueKind.Null)
            {
                set(value.ValueKind == JsonValueKind.Null ? null : value.GetString());
            }
            else
            {
                _errors.Add(new(name, text["Identity.Api.WrongType", name, text["Identity.Api.Type.Text"]]));
            }
        }
    }

    public void Flag(string name, Action<bool> set)
    {
        if (body.TryGetProperty(name, out var value))
        {
            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                set(value.GetBoolean());
            }
            else
            {
                _errors.Add(new(name, text["Identity.Api.WrongType", name, text["Identity.Api.Type.Flag"]]));
            }
        }
    }

    public void Number(string name, Action<int> set)
    {
        if (body.TryGetProperty(name, out var value))
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            {
                set(number);
            }
            else
            {
                _errors.Add(new(name, text["Identity.Api.WrongType", name, text["Identity.Api.Type.Number"]]));
            }
        }
    }

    public void List(string name, Action<List<string>> set)
    {
        if (body.TryGetProperty(name, out var value))
        {
            if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
            {
                set([.. value.EnumerateArray().Select(v => v.GetString()!)]);
            }
            else
            {
                _errors.Add(new(name, text["Identity.Api.WrongType", name, text["Identity.Api.Type.List"]]));
            }
        }
    }
}
