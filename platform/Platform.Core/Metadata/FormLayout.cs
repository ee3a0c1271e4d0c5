namespace Platform.Core.Metadata;

/// <summary>
/// How an entity's generated form arranges its fields: sections, each with a title and one to three
/// columns. Fields no section names follow in a last, untitled section, so a new field always shows.
/// </summary>
public sealed class FormLayout
{
    public const int MaxSections = 50;

    public List<FormSection> Sections { get; set; } = [];
}
