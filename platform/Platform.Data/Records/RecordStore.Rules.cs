using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Rules;

namespace Platform.Data.Records;

public sealed partial class RecordStore
{
    /// <summary>What the rules of one save need (the user as scripts see them) and collect (each lines field's lines, in order).</summary>
    private sealed class RuleRun(IReadOnlyDictionary<string, object?> user, IScriptData data, Actor actor, RecordsSchema schema)
    {
        public RecordsSchema Schema { get; } = schema;

        /// <summary>Who saves: after-save scripts change other records as this user, with these rights.</summary>
        public Actor Actor { get; } = actor;

        public IReadOnlyDictionary<string, object?> User { get; } = user;

        /// <summary>What <c>lookup</c> and <c>find</c> read: the save's records, as the user may read them.</summary>
        public IScriptData Data { get; } = data;

        public Dictionary<string, List<Dictionary<string, object>>> Lines { get; } = new(StringComparer.Ordinal);

        /// <summary>
        /// Set for previews: formulas and defaults run even while other values are missing or refused,
        /// so a half-filled form still shows its totals. Saves never run rules over refused values.
        /// </summary>
        public bool Preview { get; init; }

        public RuleRun ForPreview() => new(User, Data, Actor, Schema) { Preview = true };
    }

    /// <summary>A rule run for saves of <paramref name="entity"/>, or null when neither it nor its line entities have scripts.</summary>
    private async Task<RuleRun?> RulesForAsync(RecordsDbContext records, EntityDefinition entity, Actor actor, CancellationToken cancellationToken)
    {
        var schema = records.Schema;
        var scripted = !EntityScripts.For(entity).IsEmpty
            || entity.LiveFields.Any(f => f.Type == FieldTypes.Lines.Name && schema.Find(f.Target!) is { } line && !EntityScripts.For(line).IsEmpty);
        if (!scripted)
        {
            return null;
        }

        return new RuleRun(
            await Scripts.ScriptUsers.OfAsync(db, actor, cancellationToken),
            new RecordScriptData(records, actor),
            actor,
            schema);
    }

    /// <summary>
    /// Runs an entity's rules on a record about to be saved: computed fields (a parent's after its
    /// lines', which it may sum), before-save scripts (which may set fields or refuse), computed fields
    /// again when a script changed something, then validation rules. All run in one script session
    /// over one copy of the record, kept current as values are stored.
    /// </summary>
    /// <param name="sent">The values the save was given: a new record gets defaults for the fields left out, and read-only conditions guard the fields sent.</param>
    private List<RecordFieldError> RunRules(EntityDefinition entity, Dictionary<string, object> row, Dictionary<string, object>? before, RuleRun run, IReadOnlyDictionary<string, object?> sent, bool beforeSave = true)
    {
        var errors = new List<RecordFieldError>();
        var rules = EntityScripts.For(entity);
        if (rules.IsEmpty)
        {
            return errors;
        }

        using var session = scripts.Open(run.User, run.Data);
        session.Load(WithLines(entity, row, run), before is null ? null : Present(entity, before));
        foreach (var (field, script) in before is not null ? [] : rules.Defaults.Where(d => !sent.ContainsKey(d.Field.Name)))
        {
            Guard(errors, entity, row, field.Name, () =>
            {
                if (Store(field, session.Evaluate(script), row, errors))
                {
                    session.Set(field.Name, row.GetValueOrDefault(field.Name));
                }
            });
            if (field.Required && row.GetValueOrDefault(field.Name) is null && errors.All(e => e.Field != field.Name))
            {
                errors.Add(new(field.Name, localizer["Records.Error.Required"]));
            }
        }

        Compute(entity, row, session, errors);
        foreach (var (rule, script) in beforeSave ? rules.BeforeSave : [])
        {
            if (session.Broken)
            {
                break;
            }

            Guard(errors, entity, row, rule.Field, () =>
            {
                var changedFields = new List<string>();
                foreach (var (name, value) in session.Change(script))
                {
                    if (entity.LiveField(name) is { Column: not null } field && field.Kind is { SetByPlatform: false, HoldsFiles: false })
                    {
                        var previous = row.GetValueOrDefault(field.Name);
                        if (Store(field, value, row, errors) && !Equals(previous, row.GetValueOrDefault(field.Name)))
                        {
                            changedFields.Add(field.Name);
                            session.Set(field.Name, row[field.Name]);
                        }
                    }
                }

                if (changedFields.Count > 0)
                {
                    Compute(entity, row, session, errors, changedFields);
                }
            }, rule.Name);
        }

        if (errors.Count == 0 && !session.Broken)
        {
            errors.AddRange(BrokenConditions(entity, row, before, sent, run, session));
        }

        foreach (var (rule, script) in errors.Count == 0 ? rules.Validations : [])
        {
            if (session.Broken)
            {
                break;
            }

            Guard(errors, entity, row, rule.Field, () =>
            {
                if (Truthy(session.Evaluate(script)))
                {
                    errors.Add(new(rule.Field, rule.Message!.For(CultureInfo.CurrentUICulture.Name)));
                }
            }, rule.Name);
        }

        return errors;
    }

    /// <summary>
    /// Required-when conditions checked on the record as it will be saved; read-only-when conditions, for
    /// changes to existing records, on the record as it was (a locked record stays locked within the
    /// save that would unlock it) and for the fields the save changes.
    /// </summary>
    private List<RecordFieldError> BrokenConditions(EntityDefinition entity, Dictionary<string, object> row, Dictionary<string, object>? before, IReadOnlyDictionary<string, object?> sent, RuleRun run, ScriptSession session)
    {
        var errors = new List<RecordFieldError>();
        foreach (var conditions in EntityScripts.For(entity).Conditions)
        {
            var field = conditions.Field;
            Guard(errors, entity, row, field.Name, () =>
            {
                if (conditions.RequiredWhen is { } required && field.Column is not null && row.GetValueOrDefault(field.Name) is null or string { Length: 0 }
                    && Truthy(session.Evaluate(required)))
                {
                    errors.Add(new(field.Name, localizer["Records.Error.Required"]));
                }

                if (conditions.ReadOnlyWhen is { } readOnly && before is not null && sent.ContainsKey(field.Name) && !Equals(before.GetValueOrDefault(field.Name), row.GetValueOrDefault(field.Name))
                    && Truthy(scripts.Evaluate(readOnly, Present(entity, before), null, run.User, run.Data)))
                {
                    errors.Add(new(field.Name, localizer["Records.Error.ReadOnly"]));
                }
            }, field.Name);
        }

        return errors;
    }

    /// <param name="changed">When set, only formulas that may read one of these fields (or an earlier recomputed one) run again.</param>
    private void Compute(EntityDefinition entity, Dictionary<string, object> row, ScriptSession session, List<RecordFieldError> errors, List<string>? changed = null)
    {
        foreach (var (field, script) in EntityScripts.For(entity).Formulas)
        {
            if (changed is not null && !script.MayRead(changed))
            {
                continue;
            }

            changed?.Add(field.Name);
            if (session.Broken)
            {
                break;
            }

            Guard(errors, entity, row, field.Name, () =>
            {
                if (Store(field, session.Evaluate(script), row, errors))
                {
                    session.Set(field.Name, row.GetValueOrDefault(field.Name));
                }
            });
        }
    }

    /// <summary>After-save scripts nest (a record they create may have its own): this deep at most.</summary>
    private const int MaxAfterSaveDepth = 5;

    private int _afterSaveDepth;

    /// <summary>
    /// Runs the entity's after-save scripts on the saved records, then carries out the records they
    /// create and change, each through this service (checks, rules, audit) in the same transaction.
    /// Answers what refused the save: the whole save then rolls back.
    /// </summary>
    private async Task<List<RecordFieldError>> RunAfterSaveAsync(EntityDefinition entity, IReadOnlyList<Dictionary<string, object>> rows, RuleRun run, CancellationToken cancellationToken)
    {
        var errors = new List<RecordFieldError>();
        var rules = EntityScripts.For(entity).AfterSave;
        if (rules.Count > 0 && _afterSaveDepth >= MaxAfterSaveDepth)
        {
            errors.Add(new(null, localizer["Records.Error.AfterSaveDepth", MaxAfterSaveDepth]));
            return errors;
        }

        foreach (var row in rows)
        {
            foreach (var (rule, script) in rules)
            {
                var changes = new List<RecordChange>();
                Guard(errors, entity, row, null, () =>
                {
                    using var session = scripts.Open(run.User, run.Data, changes);
                    session.Load(WithLines(entity, row, run), null);
                    session.Change(script);
                }, rule.Name);
                if (errors.Count > 0)
                {
                    return errors;
                }

                _afterSaveDepth++;
                try
                {
                    foreach (var change in changes)
                    {
                        var result = change.Id is null
                            ? await CreateAsync(change.Entity, change.Values, run.Actor, cancellationToken)
                            : await UpdateLatestAsync(change.Entity, change.Id, change.Values, run.Actor, cancellationToken);
                        if (!result.Succeeded)
                        {
                            errors.AddRange(result.Errors.Select(e => new RecordFieldError(null,
                                localizer["Records.Error.AfterSaveRefused", rule.Name, change.Entity, e.Field is null ? e.Message : $"{e.Field}: {e.Message}"])));
                            return errors;
                        }
                    }
                }
                finally
                {
                    _afterSaveDepth--;
                }
            }
        }

        return errors;
    }

    /// <summary>Updates whatever version the record has now (an after-save script's change, inside the save's transaction).</summary>
    private async Task<RecordResult> UpdateLatestAsync(string entityName, string id, IReadOnlyDictionary<string, object?> values, Actor actor, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var key) || await GetAsync(entityName, key, actor: actor, cancellationToken: cancellationToken) is not { } current)
        {
            return RecordResult.Fail(RecordOutcome.NotFound, localizer["Records.Error.NotFound"]);
        }

        return await UpdateAsync(entityName, key, (int)current[SystemFields.RowVersion]!, values, actor, cancellationToken);
    }

    /// <summary>Converts a script's value like typed input (decimals first rounded to the field's scale) and stores it; false when refused.</summary>
    private bool Store(FieldDefinition field, object? value, Dictionary<string, object> row, List<RecordFieldError> errors)
    {
        var type = FieldTypes.StorageOf(field);
        if (value is decimal number && type.ClrType == typeof(decimal))
        {
            value = Math.Round(number, field.Scale ?? type.DefaultScale ?? 4, MidpointRounding.AwayFromZero);
        }

        if (value is List<object?> list)
        {
            value = list.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)).ToList();
        }

        if (converter.TryConvert(field, value, out var converted, out var problem))
        {
            row[field.Name] = converted!;
            return true;
        }

        errors.Add(new(field.Name, problem!));
        return false;
    }

    /// <summary>
    /// The record as scripts (and the preview) see it: its values and, per lines field, its lines as
    /// they will be saved — each presented like any record (multi-choice as lists, files described).
    /// </summary>
    private static Dictionary<string, object?> WithLines(EntityDefinition entity, Dictionary<string, object> row, RuleRun run)
    {
        var record = Present(entity, row);
        foreach (var (name, lines) in run.Lines)
        {
            var lineEntity = run.Schema.Find(entity.LiveField(name)!.Target!)!;
            record[name] = lines.Select(l => (IReadOnlyDictionary<string, object?>)Present(lineEntity, l)).ToList();
        }

        return record;
    }

    /// <summary>Runs one script, turning its failures into messages at the field: a refusal as written, other failures naming the entity, rule and record.</summary>
    private void Guard(List<RecordFieldError> errors, EntityDefinition entity, Dictionary<string, object> row, string? field, Action run, string? rule = null)
    {
        try
        {
            run();
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

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        decimal d => d != 0,
        string s => s.Length > 0,
        _ => true,
    };
}
