namespace Platform.Core.Metadata;

/// <summary>One section of a form: its title, how many columns its fields flow into, and its fields in order.</summary>
public sealed class FormSection
{
    public LocalizedText Label { get; set; } = [];

    /// <summary>1, 2 or 3; lines and long texts always take the whole width.</summary>
    public int Columns { get; set; } = 2;

    public List<string> Fields { get; set; } = [];
}
