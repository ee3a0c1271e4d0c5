using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Platform.Core.Metadata;
using Platform.Rules;

namespace Platform.Data.Records.Saving;

/// <summary>Runs one script of a save, turning its failures into messages: a refusal as the script wrote it, any other failure naming the entity, rule and record.</summary>
internal sealed class ScriptGuard(IStringLocalizer localizer, ILogger logger)
{
    public void Run(List<RecordFieldError> errors, EntityDefinition entity, Dictionary<string, object> row, string? field, Action script, string? rule = null)
    {
        try
        {
            script();
        }
        catch (ScriptFailureException failure) when (failure.Kind == ScriptFailureKind.Refusal)
        {
            errors.Add(new(failure.Field ?? field, failure.Message));
        }
        catch (ScriptFailureException failure)
        {
            var record = row.GetValueOrDefault(SystemFields.Id);
            logger.LogWarning("Rule {Rule} of {Entity} failed on record {Record}: {Message}", rule ?? field, entity.Name, record, failure.Message);
            errors.Add(new(field, localizer["Records.Error.RuleFailed", rule ?? field ?? entity.Name, failure.Message, record ?? "-"]));
        }
    }

    /// <summary>Whether a condition's answer holds: not null, false, zero or empty text.</summary>
    public static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        decimal d => d != 0,
        string s => s.Length > 0,
        _ => true,
    };
}
