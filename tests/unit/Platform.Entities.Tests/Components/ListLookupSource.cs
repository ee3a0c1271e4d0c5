using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data.Records;
using Platform.RecordPages.Forms;

namespace Platform.Entities.Tests.Components;

/// <summary>Picker options from a list, searched by title and detail the way the record source searches; records every search.</summary>
public sealed class ListLookupSource : ILookupSource
{
    public List<LookupOption> Items { get; } = [];

    public List<string?> Searches { get; } = [];

    public Task<(IReadOnlyList<LookupOption> Options, int Count)> SearchAsync(FieldDefinition field, string? text, int skip, int take, Actor actor, CancellationToken cancellationToken = default)
    {
        Searches.Add(text);
        var found = Items.Where(o => string.IsNullOrEmpty(text) || o.Title.Contains(text, StringComparison.OrdinalIgnoreCase) || (o.Detail?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)).ToList();
        return Task.FromResult<(IReadOnlyList<LookupOption>, int)>(([.. found.Skip(skip).Take(take)], found.Count));
    }

    public Task<IReadOnlyDictionary<string, string>> TitlesAsync(FieldDefinition field, IReadOnlyCollection<string> keys, Actor actor, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(Items.Where(o => keys.Contains(o.Key)).ToDictionary(o => o.Key, o => o.Title));
}
