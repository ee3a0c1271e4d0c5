using Platform.Core.Metadata;
using Platform.Core.Metadata.Documents;

namespace Platform.Records.Documents;

/// <summary>
/// A fulfilment declaration with the entities it joins: the fulfilling <see cref="Document"/> and its <see cref="Line"/> entity,
/// the <see cref="SourceLine"/> entity its lines point at and the submittable <see cref="SourceDocument"/> those lines belong to
/// (by <see cref="SourceLines"/>). A source may also be a submittable document itself (a payment's advance against an order): then
/// <see cref="SourceLine"/> is that document, as its own one line, and <see cref="SourceLines"/> is null.
/// </summary>
public sealed record FulfilmentLink(EntityDefinition Document, EntityDefinition Line, Fulfilment Declaration, EntityDefinition SourceLine,
    EntityDefinition SourceDocument, FieldDefinition? SourceLines)
{
    /// <summary>Whether the source is a whole document (its own fields keep what it got) rather than a line of one.</summary>
    public bool SourceIsDocument => SourceLines is null;

    /// <summary>
    /// Every declaration of the schema that joins what it names — a lines field, a lookup from its line to a line entity of a submittable
    /// document; <see cref="Problems"/> says why the others do not.
    /// </summary>
    public static IReadOnlyList<FulfilmentLink> In(RecordsSchema schema) => [.. Resolved(schema).Where(r => r.Link is not null).Select(r => r.Link!)];

    /// <summary>The declarations of <paramref name="schema"/> that name fields or entities that do not fit, each with why (English, for the package's author).</summary>
    public static IReadOnlyList<string> Problems(RecordsSchema schema) => [.. Resolved(schema).Where(r => r.Problem is not null).Select(r => r.Problem!)];

    /// <summary>Every save asks (the save handler, the access check): a schema is resolved once, as it never changes.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RecordsSchema, List<(FulfilmentLink? Link, string? Problem)>> Known = new();

    private static List<(FulfilmentLink? Link, string? Problem)> Resolved(RecordsSchema schema) => Known.GetValue(schema, s => [.. Resolve(s)]);

    /// <summary>The fields the platform keeps up to date on <paramref name="entity"/> (its percentages) and on its lines (what they got), which it may change once submitted.</summary>
    public static (IReadOnlySet<string> Fields, IReadOnlySet<(string Line, string Field)> LineFields) Maintained(RecordsSchema schema, EntityDefinition entity)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        var lineFields = new HashSet<(string, string)>();
        foreach (var link in In(schema).Where(l => l.SourceDocument.Name == entity.Name))
        {
            if (link.Declaration.Percent is { } percent)
            {
                fields.Add(percent);
            }

            if (link.SourceIsDocument)
            {
                fields.Add(link.Declaration.Into);
            }
            else
            {
                lineFields.Add((link.SourceLine.Name, link.Declaration.Into));
            }
        }

        return (fields, lineFields);
    }

    private static IEnumerable<(FulfilmentLink? Link, string? Problem)> Resolve(RecordsSchema schema)
    {
        foreach (var document in schema.Entities.Where(e => e.Fulfils is { Count: > 0 }))
        {
            foreach (var declaration in document.Fulfils!)
            {
                var line = declaration.Lines is { } lines ? document.LiveField(lines) is { Type: var type, Target: { } target } && type == FieldTypes.Lines.Name ? schema.Find(target) : null : document;
                var sourceLine = line?.LiveField(declaration.Source) is { Target: { } source } lookup && lookup.Type == FieldTypes.Lookup.Name ? schema.Find(source) : null;
                var parent = sourceLine is null ? null : schema.ParentOf(sourceLine.Name);
                if (parent is null && sourceLine is { Submittable: true })
                {
                    parent = (sourceLine, null!); // the source is a document itself
                }

                string? problem =
                    line is null ? $"{document.Name}: '{declaration.Lines}' is not a lines field."
                    : sourceLine is null ? $"{document.Name}: '{declaration.Source}' of {line.Name} is not a lookup to a line entity or a document."
                    : parent is not { Parent.Submittable: true } ? $"{document.Name}: {sourceLine.Name} is neither a submittable document nor the lines of one."
                    : !Number(line, declaration.Quantity, computed: true) ? $"{document.Name}: '{declaration.Quantity}' is not a number field of {line.Name}."
                    : !Number(sourceLine, declaration.Into) ? $"{document.Name}: '{declaration.Into}' is not a stored number field of {sourceLine.Name}."
                    : !Number(sourceLine, declaration.Of, computed: true) ? $"{document.Name}: '{declaration.Of}' is not a number field of {sourceLine.Name}."
                    : declaration.Percent is { } percent && !Number(parent.Value.Parent, percent) ? $"{document.Name}: '{percent}' is not a number field of {parent.Value.Parent.Name}."
                    : declaration.Closed is { } closed && parent.Value.Parent.LiveField(closed)?.Type != FieldTypes.YesNo.Name ? $"{document.Name}: '{closed}' is not a yes/no field of {parent.Value.Parent.Name}."
                    : declaration.AllowanceField is { } allowance && !Number(sourceLine, allowance, computed: true) ? $"{document.Name}: '{allowance}' is not a number field of {sourceLine.Name}."
                    : null;
                yield return problem is null ? (new FulfilmentLink(document, line!, declaration, sourceLine!, parent!.Value.Parent, parent.Value.Field as FieldDefinition), null) : (null, problem);
            }
        }
    }

    /// <param name="computed">Whether a formula giving a number will do (what is read); a field the platform writes must be stored.</param>
    private static bool Number(EntityDefinition entity, string name, bool computed = false) =>
        entity.LiveField(name) is { } field
        && (computed && field.Formula is not null && field.ResultType is "integer" or "decimal" or "money" or "percent"
            || field.Formula is null && FieldTypes.Find(field.Type) is { } type && (type == FieldTypes.WholeNumber || type == FieldTypes.DecimalNumber || type == FieldTypes.Money || type == FieldTypes.Percent));
}
