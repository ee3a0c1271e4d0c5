using System.Runtime.CompilerServices;
using Platform.Core.Metadata;

namespace Platform.Rules;

/// <summary>
/// The compiled scripts of one entity definition: computed-field formulas, defaults, validation
/// conditions and before-save scripts. Compiled once per definition (so once per metadata version)
/// and shared by every request and thread.
/// </summary>
public sealed class EntityScripts
{
    private static readonly ConditionalWeakTable<EntityDefinition, EntityScripts> Cache = new();

    private EntityScripts()
    {
    }

    public IReadOnlyList<(FieldDefinition Field, CompiledScript Script)> Formulas { get; private init; } = [];

    public IReadOnlyList<(FieldDefinition Field, CompiledScript Script)> Defaults { get; private init; } = [];

    public IReadOnlyList<(RuleDefinition Rule, CompiledScript Script)> Validations { get; private init; } = [];

    public IReadOnlyList<(RuleDefinition Rule, CompiledScript Script)> BeforeSave { get; private init; } = [];

    public IReadOnlyList<(RuleDefinition Rule, CompiledScript Script)> AfterSave { get; private init; } = [];

    /// <summary>Change rules, in the order declared: each runs when its field changes and may set other fields.</summary>
    public IReadOnlyList<(RuleDefinition Rule, CompiledScript Script)> Changes { get; private init; } = [];

    /// <summary>Record actions: when each is offered (null: always) and what it runs.</summary>
    public IReadOnlyList<(RecordActionDefinition Action, CompiledScript? When, CompiledScript Script)> Actions { get; private init; } = [];

    /// <summary>Form conditions per field: when it shows, when it is read-only, when it is required.</summary>
    public IReadOnlyList<FieldConditions> Conditions { get; private init; } = [];

    /// <summary>Whether a formula of this (line) entity reads its document: its stored lines are computed again whenever the document is saved.</summary>
    public bool FormulasReadParent => Formulas.Any(f => f.Script.ReadsParent);

    public bool IsEmpty => Formulas.Count + Defaults.Count + Validations.Count + BeforeSave.Count + AfterSave.Count + Changes.Count + Conditions.Count == 0; // actions run on request, not on saves

    /// <summary>The scripts of a stored (already checked) definition, compiled on first use.</summary>
    public static EntityScripts For(EntityDefinition entity) => Cache.GetValue(entity, e => Compile(e, []));

    /// <summary>Every syntax error of a definition's scripts, each with the JSON path of the script, line and column.</summary>
    public static List<MetadataError> Check(EntityDefinition entity)
    {
        var errors = new List<MetadataError>();
        Compile(entity, errors);
        return errors;
    }

    private static EntityScripts Compile(EntityDefinition entity, List<MetadataError> errors)
    {
        CompiledScript? One(string path, string name, string? source, ScriptShape shape, ScriptFrame? frame = null)
        {
            if (source is null)
            {
                return null;
            }

            var script = ScriptCompiler.Compile(name, source, shape, frame ?? ScriptFrame.Record, out var error);
            if (error is not null)
            {
                // Coded, so the designer says it in the analyst's language: line, column, script, the parser's words (or the length limit).
                errors.Add(MetadataError.Coded(path, $"script.{error.Kind}", $"{error} (in {name})",
                    error.Line, error.Column, name, error.Kind == ScriptSyntaxError.Length ? ScriptCompiler.MaxLength : error.Message));
            }

            return script;
        }

        var formulas = new List<(FieldDefinition, CompiledScript)>();
        var defaults = new List<(FieldDefinition, CompiledScript)>();
        var conditions = new List<FieldConditions>();
        for (var i = 0; i < entity.Fields.Count; i++)
        {
            var field = entity.Fields[i];
            if (field.Removed)
            {
                continue;
            }

            if (field.Type == FieldTypes.Computed.Name && One($"$.fields[{i}].formula", $"{entity.Name}.{field.Name}", field.Formula, ScriptShape.Expression) is { } formula)
            {
                formulas.Add((field, formula));
            }

            if (One($"$.fields[{i}].default", $"{entity.Name}.{field.Name} default", field.Default, ScriptShape.Expression) is { } value)
            {
                defaults.Add((field, value));
            }

            var visible = One($"$.fields[{i}].visibleWhen", $"{entity.Name}.{field.Name} visibleWhen", field.VisibleWhen, ScriptShape.Expression);
            var readOnly = One($"$.fields[{i}].readOnlyWhen", $"{entity.Name}.{field.Name} readOnlyWhen", field.ReadOnlyWhen, ScriptShape.Expression);
            var required = One($"$.fields[{i}].requiredWhen", $"{entity.Name}.{field.Name} requiredWhen", field.RequiredWhen, ScriptShape.Expression);
            if (visible is not null || readOnly is not null || required is not null)
            {
                conditions.Add(new FieldConditions(field, visible, readOnly, required));
            }
        }

        var validations = new List<(RuleDefinition, CompiledScript)>();
        var beforeSave = new List<(RuleDefinition, CompiledScript)>();
        var afterSave = new List<(RuleDefinition, CompiledScript)>();
        var changes = new List<(RuleDefinition, CompiledScript)>();
        for (var r = 0; r < (entity.Rules?.Count ?? 0); r++)
        {
            var rule = entity.Rules![r];
            if (rule.Kind == RuleDefinition.Validation && One($"$.rules[{r}].when", $"{entity.Name} rule {rule.Name}", rule.When, ScriptShape.Expression) is { } when)
            {
                validations.Add((rule, when));
            }
            else if (rule.Kind is RuleDefinition.BeforeSave or RuleDefinition.AfterSave or RuleDefinition.Change
                     && One($"$.rules[{r}].script", $"{entity.Name} rule {rule.Name}", rule.Script, ScriptShape.Statements) is { } script)
            {
                (rule.Kind switch { RuleDefinition.BeforeSave => beforeSave, RuleDefinition.AfterSave => afterSave, _ => changes }).Add((rule, script));
            }
        }

        var actions = new List<(RecordActionDefinition, CompiledScript?, CompiledScript)>();
        for (var a = 0; a < (entity.Actions?.Count ?? 0); a++)
        {
            var action = entity.Actions![a];
            if (action is null)
            {
                continue;
            }

            var when = One($"$.actions[{a}].when", $"{entity.Name} action {action.Name} when", action.When, ScriptShape.Expression);
            if (One($"$.actions[{a}].script", $"{entity.Name} action {action.Name}", action.Script, ScriptShape.Statements, ScriptFrame.Action) is { } script)
            {
                actions.Add((action, when, script));
            }
        }

        return new EntityScripts { Formulas = formulas, Defaults = defaults, Validations = validations, BeforeSave = beforeSave, AfterSave = afterSave, Changes = changes, Conditions = conditions, Actions = actions };
    }
}
