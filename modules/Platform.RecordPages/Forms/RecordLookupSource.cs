using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Records;
using Platform.Records.People;
using Platform.Records.Query;

namespace Platform.RecordPages.Forms;

/// <summary>Picker options from the records themselves (the list's query path: permissions, search), and from the users and departments.</summary>
public sealed class RecordLookupSource(IServiceScopeFactory scopes) : ILookupSource
{
    /// <summary>A picker shows this many at a time.</summary>
    public const int MaxPage = 100;

    private const string ServiceRoot = "http://localhost/odata/";

    public async Task<(IReadOnlyList<LookupOption> Options, int Count)> SearchAsync(FieldDefinition field, string? text, int skip, int take, Actor actor, CancellationToken cancellationToken = default)
    {
        (skip, take) = (Math.Max(0, skip), Math.Clamp(take, 1, MaxPage));
        await using var scope = scopes.CreateAsyncScope();
        if (field.Kind == FieldTypes.User || field.Kind == FieldTypes.Department)
        {
            return await PeopleAsync(scope.ServiceProvider.GetRequiredService<IPeopleDirectory>(), field, text, skip, take, cancellationToken);
        }

        await using var reader = await scope.ServiceProvider.GetRequiredService<IRecordStore>().OpenReaderAsync(field.Target ?? "", actor, cancellationToken);
        if (reader is null || reader.Forbidden)
        {
            return ([], 0);
        }

        var title = reader.Entity.NamingField();
        var options = new List<KeyValuePair<string, string>>
        {
            new("$skip", skip.ToString(CultureInfo.InvariantCulture)),
            new("$top", take.ToString(CultureInfo.InvariantCulture)),
            new("$count", "true"),
        };
        if (RecordQueries.Search(reader.Entity, text, null, reader.Fields) is { } filter)
        {
            options.Add(new("$filter", filter));
        }

        if (title is not null)
        {
            options.Add(new("$orderby", title.Name));
        }

        var page = await new RecordQuery(reader, RecordQueries.Parser(reader, ServiceRoot, options)).RunAsync(cancellationToken);
        var detail = DetailField(reader.Entity, title);
        return ([.. page.Rows.Select(r => Option(r, title, detail))], (int)Math.Min(page.Count ?? 0, int.MaxValue));
    }

    public async Task<IReadOnlyDictionary<string, string>> TitlesAsync(FieldDefinition field, IReadOnlyCollection<string> keys, Actor actor, CancellationToken cancellationToken = default)
    {
        if (keys.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        await using var scope = scopes.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<IPeopleDirectory>();
        if (field.Kind == FieldTypes.User)
        {
            return await people.UserNamesAsync(keys, cancellationToken);
        }

        if (field.Kind == FieldTypes.Department)
        {
            return await people.DepartmentNamesAsync(keys, cancellationToken);
        }

        await using var reader = await scope.ServiceProvider.GetRequiredService<IRecordStore>().OpenReaderAsync(field.Target ?? "", actor, cancellationToken);
        if (reader is null || reader.Forbidden)
        {
            return new Dictionary<string, string>();
        }

        var title = reader.Entity.NamingField();
        var ids = keys.Select(k => Guid.TryParse(k, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        var found = await reader.FindManyAsync(reader.Entity, ids, cancellationToken);
        return found.ToDictionary(p => p.Key.ToString(), p => Option(p.Value, title, null).Title);
    }

    /// <summary>A code-like field shown under the title, so two customers of one name can be told apart.</summary>
    private static FieldDefinition? DetailField(EntityDefinition entity, FieldDefinition? title) =>
        entity.LiveFields.FirstOrDefault(f => f != title && (f.Kind == FieldTypes.Text || f.Kind == FieldTypes.AutoNumber) && (f.Unique || f.Name.Contains("code", StringComparison.OrdinalIgnoreCase)));

    private static LookupOption Option(IReadOnlyDictionary<string, object?> row, FieldDefinition? title, FieldDefinition? detail)
    {
        var id = ((Guid)row[SystemFields.Id]!).ToString();
        var name = title is null ? null : Convert.ToString(row.GetValueOrDefault(title.Name), CultureInfo.InvariantCulture);
        return new LookupOption(id, string.IsNullOrEmpty(name) ? id : name,
            detail is null ? null : Convert.ToString(row.GetValueOrDefault(detail.Name), CultureInfo.InvariantCulture));
    }

    private static async Task<(IReadOnlyList<LookupOption>, int)> PeopleAsync(IPeopleDirectory people, FieldDefinition field, string? text, int skip, int take, CancellationToken cancellationToken)
    {
        var term = text?.Trim() ?? "";
        var (page, total) = field.Kind == FieldTypes.User
            ? await people.FindUsersAsync(term, skip, take, cancellationToken)
            : await people.FindDepartmentsAsync(term, skip, take, cancellationToken);
        return ([.. page.Select(p => new LookupOption(p.Id, p.Name, p.Detail))], total);
    }
}
