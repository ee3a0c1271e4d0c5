using System.Globalization;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Rules;

namespace Platform.Data.Records.Saving;

/// <summary>
/// The rules stage of a save, after the row checks and the lines: defaults for a new record, change
/// rules of the fields changed (which may set other fields, whose own change rules follow), computed fields (a parent's after its lines', which it may sum), before-save scripts (which may
/// set fields or refuse), computed fields again where a script changed what they read, the
/// conditions (required when, read-only when) and last the validation rules. After-save scripts
/// run once the rows are written (<see cref="RunAfterSave"/>).
/// </summary>
internal sealed class RunRules(PlatformDbContext db, ScriptHost scripts, RecordValueConverter converter, ScriptGuard guard, IStringLocalizer localizer)
{
    /// <summary>A rule run for saves of <paramref name="entity"/>, or null when neither it nor its line entities have scripts.</summary>
    public async Task<RuleRun?> ForAsync(RecordsDbContext records, EntityDefinition entity, Actor actor, CancellationToken cancellationToken)
    {
        var schema = records.Schema;
        var scripted = !EntityScripts.For(entity).IsEmpty
            || entity.LiveFields.Any(f => f.Type == FieldTypes.Lines.Name && schema.Find(f.Target!) is { } line && !EntityScripts.For(line).IsEmpty);
        if (!scripted)
        {
            return null;
        }

        return new RuleRun(await Scripts.ScriptUsers.OfAsync(db, actor, cancellationToken), new RecordScriptData(records, actor, db, scripts.Clock), actor, schema);
    }

    /// <summary>
    /// Runs an entity's rules on a row about to be saved, in one script session over one copy of the
    /// record, kept current as values are stored. Answers what the rules refused.
    /// </summary>
    /// <param name="sent">The values the save was given: a new record gets defaults for the fields left out, and read-only conditions guard the fields sent.</param>
    /// <param name="beforeSave">False for a line: lines have formulas, defaults and validations; their record's scripts see them.</param>
    public List<RecordFieldError> Run(EntityDefinition entity, Dictionary<string, object> row, Dictionary<string, object>? before, RuleRun run,
        IReadOnlyDictionary<string, object?> sent, bool beforeSave = true)
    {
        var errors = new List<RecordFieldError>();
        var rules = EntityScripts.For(entity);
        if (rules.IsEmpty)
        {
            return errors;
        }

        using var session = scripts.Open(run.User, run.Data);
        session.Load(run.WithLines(entity, row), before is null ? null : RecordRows.Present(entity, before), run.Parent);
        foreach (var (field, script) in before is not null ? [] : rules.Defaults.Where(d => !sent.ContainsKey(d.Field.Name)))
        {
            guard.Run(errors, entity, row, field.Name, () =>
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

        RunChanges(entity, row, before, run, sent, session, errors);
        Compute(entity, row, session, errors);
        foreach (var (rule, script) in beforeSave ? rules.BeforeSave : [])
        {
            if (session.Broken)
            {
                break;
            }

            guard.Run(errors, entity, row, rule.Field, () => TakeChanges(entity, row, session, session.Change(script), errors), rule.Name);
        }

        if (errors.Count == 0 && !session.Broken)
        {
            errors.AddRange(BrokenConditions(entity, row, before, sent, run, session));
        }

        // Validation rules judge what people enter (and may ask who they are); the platform's own writes —
        // an approval writing its status, a package's data — are not held to them, as Salesforce does not
        // re-check validation rules after a workflow's field update. A document's submission is judged, though, whoever submits it.
        foreach (var (rule, script) in errors.Count == 0 && (run.Actor.Access is not null || run.DocumentStep) ? rules.Validations : [])
        {
            if (session.Broken)
            {
                break;
            }

            guard.Run(errors, entity, row, rule.Field, () =>
            {
                if (ScriptGuard.Truthy(session.Evaluate(script)))
                {
                    errors.Add(new(rule.Field, rule.Message!.For(CultureInfo.CurrentUICulture.Name)));
                }
            }, rule.Name);
        }

        return errors;
    }

    /// <summary>
    /// How a form shows each field of the row: visible, read-only, required — the field's own settings
    /// with its conditions evaluated on the row (a condition that fails keeps the field's default).
    /// </summary>
    public Dictionary<string, FieldState> FieldStates(EntityDefinition entity, Dictionary<string, object> row, RuleRun? run)
    {
        var states = entity.LiveFields.ToDictionary(
            f => f.Name,
            f => new FieldState(true, f.Kind?.SetByPlatform == true, f.Required),
            StringComparer.Ordinal);
        var conditions = EntityScripts.For(entity).Conditions;
        if (run is null || conditions.Count == 0)
        {
            return states;
        }

        using var session = scripts.Open(run.User, run.Data);
        session.Load(run.WithLines(entity, row), null);
        foreach (var (field, visible, readOnly, required) in conditions)
        {
            bool When(CompiledScript? script, bool otherwise)
            {
                try
                {
                    return script is null ? otherwise : !session.Broken && ScriptGuard.Truthy(session.Evaluate(script));
                }
                catch (ScriptFailureException)
                {
                    return otherwise; // the save reports the failure; the form keeps its default state
                }
            }

            var state = states[field.Name];
            states[field.Name] = new FieldState(When(visible, true), state.ReadOnly || When(readOnly, false), state.Required || When(required, false));
        }

        return states;
    }

    /// <summary>
    /// The change rules: each runs once, in the order declared, when its field changed — the field a form says
    /// was just typed, or (for saves) any field given a value other than the stored one (any value, for a new
    /// record). A field a change rule sets counts as changed in turn, so a product sets the price and the price
    /// the tax-inclusive price — but a field changes once per save: no rule sets a field already changed (the
    /// tax-inclusive price typed sets the net price, whose rule does not set the typed price back). A form's
    /// typing may overwrite the other values it sends; a save's given values stay as given.
    /// </summary>
    private void RunChanges(EntityDefinition entity, Dictionary<string, object> row, Dictionary<string, object>? before, RuleRun run,
        IReadOnlyDictionary<string, object?> sent, ScriptSession session, List<RecordFieldError> errors)
    {
        var changes = EntityScripts.For(entity).Changes;
        if (changes.Count == 0)
        {
            return;
        }

        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in entity.LiveFields.Select(f => f.Name).Append(SystemFields.Owner))
        {
            if (run.Edited is { } edited ? edited.Contains(run.Prefix + name)
                : sent.ContainsKey(name) && (before is null ? row.GetValueOrDefault(name) is not null : !Equals(before.GetValueOrDefault(name), row.GetValueOrDefault(name))))
            {
                changed.Add(name);
            }
        }

        var kept = run.Edited is { } typed ? entity.LiveFields.Select(f => f.Name).Where(n => typed.Contains(run.Prefix + n)).ToHashSet(StringComparer.Ordinal) : sent.Keys.ToHashSet(StringComparer.Ordinal);
        var done = new HashSet<RuleDefinition>();
        while (!session.Broken && changes.FirstOrDefault(c => !done.Contains(c.Rule) && changed.Contains(c.Rule.Field!)) is ({ } rule, { } script))
        {
            done.Add(rule);
            guard.Run(errors, entity, row, rule.Field, () =>
            {
                foreach (var (name, value) in session.Change(script))
                {
                    if (kept.Contains(name) || changed.Contains(name) || entity.LiveField(name) is not { Column: not null } field || field.Kind is not { SetByPlatform: false, HoldsFiles: false })
                    {
                        session.Set(name, row.GetValueOrDefault(name)); // the person's own value, or nothing anyone sets: later scripts see it as it stays
                        continue;
                    }

                    var previous = row.GetValueOrDefault(name);
                    if (Store(field, value, row, errors))
                    {
                        session.Set(name, row.GetValueOrDefault(name));
                        if (!Equals(previous, row.GetValueOrDefault(name)))
                        {
                            changed.Add(name);
                        }

                        if (!run.SetByRules.Contains(run.Prefix + name))
                        {
                            run.SetByRules.Add(run.Prefix + name);
                        }
                    }
                }
            }, rule.Name);
        }
    }

    /// <summary>Stores what a before-save script set — only fields a user could set — and recomputes the formulas that read them.</summary>
    private void TakeChanges(EntityDefinition entity, Dictionary<string, object> row, ScriptSession session, IEnumerable<KeyValuePair<string, object?>> changes, List<RecordFieldError> errors)
    {
        var changedFields = new List<string>();
        foreach (var (name, value) in changes)
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
    }

    /// <summary>
    /// Required-when conditions checked on the record as it will be saved; read-only-when conditions, for
    /// changes to existing records, on the record as it was (a locked record stays locked within the
    /// save that would unlock it) and for the fields the save changes — a lines field when any of its
    /// lines is added, changed or removed. Read-only conditions hold people, not the platform's own
    /// writes: an approved change request applying its lines to a locked order, an approval writing its
    /// status (as approval locks hold people only).
    /// </summary>
    private List<RecordFieldError> BrokenConditions(EntityDefinition entity, Dictionary<string, object> row, Dictionary<string, object>? before,
        IReadOnlyDictionary<string, object?> sent, RuleRun run, ScriptSession session)
    {
        var errors = new List<RecordFieldError>();
        foreach (var conditions in EntityScripts.For(entity).Conditions)
        {
            var field = conditions.Field;
            guard.Run(errors, entity, row, field.Name, () =>
            {
                if (conditions.RequiredWhen is { } required && field.Column is not null && row.GetValueOrDefault(field.Name) is null or string { Length: 0 }
                    && ScriptGuard.Truthy(session.Evaluate(required)))
                {
                    errors.Add(new(field.Name, localizer["Records.Error.Required"]));
                }

                if (conditions.ReadOnlyWhen is { } readOnly && before is not null && run.Actor.Access is not null && sent.ContainsKey(field.Name) && Changed(field, row, before, run)
                    && ScriptGuard.Truthy(scripts.Evaluate(readOnly, RecordRows.Present(entity, before), null, run.User, run.Data)))
                {
                    errors.Add(new(field.Name, localizer["Records.Error.ReadOnly"]));
                }
            }, field.Name);
        }

        return errors;
    }

    private static bool Changed(FieldDefinition field, Dictionary<string, object> row, Dictionary<string, object> before, RuleRun run) =>
        field.Type == FieldTypes.Lines.Name ? run.ChangedLines.Contains(field.Name) : !Equals(before.GetValueOrDefault(field.Name), row.GetValueOrDefault(field.Name));

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

            guard.Run(errors, entity, row, field.Name, () =>
            {
                if (Store(field, session.Evaluate(script), row, errors))
                {
                    session.Set(field.Name, row.GetValueOrDefault(field.Name));
                }
            });
        }
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
}
