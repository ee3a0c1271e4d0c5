namespace Platform.Core.Fields;

/// <summary>How lists filter on a field: which operators it offers and how a value is written in the filter.</summary>
public enum FilterKind
{
    /// <summary>Not filtered (lines, files).</summary>
    None,

    /// <summary>contains, equals, starts with, empty.</summary>
    Text,

    /// <summary>Comparisons of numbers.</summary>
    Number,

    Date,

    DateTime,

    YesNo,

    /// <summary>Equals one of the choices.</summary>
    Choice,

    /// <summary>Contains one of several choices.</summary>
    Choices,

    /// <summary>Equals a user or department id.</summary>
    Key,

    /// <summary>Equals a record id (lookups).</summary>
    RecordId,
}
