namespace Platform.Core.Fields;

/// <summary>The settings a field kind offers in the designer, so its settings panel shows those and no others.</summary>
[Flags]
public enum FieldSetting
{
    None = 0,
    Required = 1,

    /// <summary>Unique and indexed.</summary>
    Unique = 2,
    MaxLength = 4,
    Pattern = 8,
    Precision = 16,

    /// <summary>Min and max.</summary>
    Range = 32,
    Choices = 64,

    /// <summary>The entity referred to (lookups) or holding the lines.</summary>
    Target = 128,
    OnDelete = 256,
    Format = 512,

    /// <summary>Formula and result type.</summary>
    Formula = 1024,

    /// <summary>Default, visible-when, read-only-when and required-when scripts.</summary>
    Expressions = 2048,

    /// <summary>Whether a line grid's total row sums the column.</summary>
    LinesTotal = 4096,

    /// <summary>Whether an auto-number may skip numbers to keep concurrent saves from waiting (<see cref="Metadata.FieldDefinition.AllowGaps"/>).</summary>
    NumberGaps = 8192,
}
