using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Records;

namespace Platform.RecordPages.Forms;

/// <summary>
/// What a form may do with an entity's records, for the user at hand; <see cref="HeldBecause"/> says why
/// this record may not be changed or deleted now (an approval holds it), which takes away Delete and
/// Update — or limits Update to <see cref="OnlyFields"/>, those the approver's step lets them change.
/// Update and Delete are this record's: a role that changes only its own records reads a colleague's
/// without a save button; <see cref="Share"/> whether they may share it (not when it was only shared with them).
/// </summary>
public sealed record FormRights(bool Create, bool Update, bool Delete, string? HeldBecause = null, IReadOnlySet<string>? OnlyFields = null, bool Share = false)
{
    /// <summary>Whether the user may change the whole record (not only some fields an approval step allows).</summary>
    public bool UpdateAll => Update && OnlyFields is null;
}

/// <summary>
/// The server side of generated forms: opens a record (or a new one) as a <see cref="RecordDraft"/>,
/// checks the draft through every rule as the user edits (computed totals, defaults, conditions,
/// problems), and saves it. Each call runs in its own scope, so a form open for an hour holds no
/// database context.
/// </summary>
public sealed class RecordEditor(IServiceScopeFactory scopes)
{
    /// <summary>The draft of record <paramref name="id"/> (a new record when null) and the user's rights; null when there is no such entity or record to read.</summary>
    public async Task<(RecordDraft Draft, FormRights Rights)?> OpenAsync(string entityName, Guid? id, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IRecordStore>();
        await using var reader = await store.OpenReaderAsync(entityName, actor, cancellationToken);
        if (reader is null || reader.Forbidden || reader.Schema.ParentOf(reader.Entity.Name) is not null)
        {
            return null; // lines are edited within their document
        }

        IReadOnlyDictionary<string, object?>? stored = null;
        if (id is { } existing && (stored = await store.GetAsync(reader.Entity.Name, existing, actor: actor, cancellationToken: cancellationToken)) is null)
        {
            return null;
        }

        var lineEntities = reader.Entity.LiveFields.Where(f => f.Type == FieldTypes.Lines.Name)
            .ToDictionary(f => f.Name, f => reader.Schema.Find(f.Target!)!, StringComparer.Ordinal);
        var held = id is { } saved ? await store.HeldAsync(reader.Entity.Name, saved, actor, cancellationToken) : null;
        var allowed = id is { } kept ? await store.AllowanceAsync(reader.Entity.Name, kept, actor, cancellationToken) : null;
        var only = held is { AllowsSome: true } ? held.Editable : null;
        var rights = new FormRights(reader.ScopeFor(RecordAction.Create) != RecordScope.None,
            only is not null || (held is null && (allowed?.Update ?? reader.ScopeFor(RecordAction.Update) != RecordScope.None)),
            held is null && (allowed?.Delete ?? reader.ScopeFor(RecordAction.Delete) != RecordScope.None), held?.Reason, only, allowed?.Share ?? false);
        var draft = new RecordDraft(reader.Entity, lineEntities, stored);
        await CheckAsync(draft, actor, cancellationToken);
        return (draft, rights);
    }

    /// <summary>
    /// A new record opened from another one (a customer's 新建联系人): lookups named in the address start pointing at the
    /// record given, where the person may fill them in — <c>records/contact/new?customer=&lt;id&gt;</c>. Anything else is ignored.
    /// </summary>
    public async Task PresetAsync(RecordDraft draft, IEnumerable<KeyValuePair<string, string?>> given, Actor actor, CancellationToken cancellationToken = default)
    {
        var access = FieldAccess.Of(draft.Entity, actor.Rights);
        var set = false;
        foreach (var (name, value) in given)
        {
            if (draft.Entity.LiveField(name) is { } field && field.Kind == FieldTypes.Lookup && access.MayChange(field.Name) && Guid.TryParse(value, out var id))
            {
                draft.Set(field.Name, id);
                set = true;
            }
        }

        if (set)
        {
            await CheckAsync(draft, actor, cancellationToken);
        }
    }

    /// <summary>Runs the draft through every check and rule without saving and takes in the outcome.</summary>
    public async Task CheckAsync(RecordDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        string[] edited = [.. draft.Edited];
        var preview = await scope.ServiceProvider.GetRequiredService<IRecordStore>().PreviewAsync(draft.Entity.Name, draft.Id, draft.ToSave(), actor, edited, cancellationToken);
        if (preview is not null)
        {
            draft.Absorb(preview, edited);
        }

        // The entity's duplicate rules, asked with every value as the form now holds it (the record itself left out).
        if (draft.Entity.Duplicates is { Count: > 0 })
        {
            var finder = scope.ServiceProvider.GetRequiredService<Platform.Records.Duplicates.IDuplicateFinder>();
            draft.Duplicates = await finder.FindAsync(draft.Entity.Name, draft.Values, draft.Id, actor, cancellationToken) ?? [];
        }
    }

    /// <summary>Saves the user's changes. On success the draft starts over from the saved record; otherwise the problems are filed at their fields.</summary>
    public async Task<RecordResult> SaveAsync(RecordDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IRecordStore>();
        var result = draft.Id is { } id
            ? await store.UpdateAsync(draft.Entity.Name, id, draft.RowVersion, draft.ToSave(), actor, cancellationToken)
            : await store.CreateAsync(draft.Entity.Name, draft.ToSave(), actor, cancellationToken);
        if (result.Succeeded)
        {
            // Read back as stored: lines with their ids, numbers drawn, after-save rules' work.
            draft.Load(await store.GetAsync(draft.Entity.Name, (Guid)result.Record![SystemFields.Id]!, actor: actor, cancellationToken: cancellationToken) ?? result.Record);
        }
        else
        {
            draft.ShowErrors(result.Errors);
        }

        return result;
    }

    /// <summary>
    /// After a conflict: the record as the other person saved it, with this user's changes laid on
    /// top, so saving again keeps both — theirs in the fields this user did not touch.
    /// </summary>
    public async Task<bool> RebaseAsync(RecordDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var current = await scope.ServiceProvider.GetRequiredService<IRecordStore>().GetAsync(draft.Entity.Name, draft.Id!.Value, actor: actor, cancellationToken: cancellationToken);
        if (current is null)
        {
            return false;
        }

        draft.Rebase(current);
        await CheckAsync(draft, actor, cancellationToken);
        return true;
    }

    /// <summary>Moves the record to the recycle bin.</summary>
    public async Task<RecordResult> DeleteAsync(RecordDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IRecordStore>().DeleteAsync(draft.Entity.Name, draft.Id!.Value, draft.RowVersion, actor, cancellationToken);
    }

    /// <summary>The record's history, its lines' changes included, newest first, without the fields <paramref name="actor"/> may not see.</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(RecordDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var trail = await scope.ServiceProvider.GetRequiredService<IRecordStore>().AuditTrailAsync(draft.Entity.Name, draft.Id, actor, cancellationToken);
        trail.Reverse();
        return trail;
    }
}
