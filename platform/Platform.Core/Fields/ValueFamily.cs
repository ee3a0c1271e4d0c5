namespace Platform.Core.Fields;

/// <summary>Groups of field kinds whose values convert into each other when a field's type changes.</summary>
public enum ValueFamily
{
    /// <summary>Changes only to itself (lookups, people, auto-numbers, files, lines).</summary>
    None,

    /// <summary>Text, long text, e-mail, phone, URL, one choice.</summary>
    Text,

    Number,

    Date,

    YesNo,

    /// <summary>Several choices: reached from texts, left only for itself.</summary>
    Choices,
}
