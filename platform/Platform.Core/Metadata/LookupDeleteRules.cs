namespace Platform.Core.Metadata;

/// <summary>What deleting a record does to the records whose lookups point at it.</summary>
public static class LookupDeleteRules
{
    /// <summary>The delete is refused while live records refer to it.</summary>
    public const string Restrict = "restrict";

    /// <summary>The referring records' field is emptied.</summary>
    public const string SetNull = "setNull";

    /// <summary>The referring records go to the recycle bin too.</summary>
    public const string Cascade = "cascade";

    public static IReadOnlyList<string> All { get; } = [Restrict, SetNull, Cascade];

    public static string Of(FieldDefinition field) => field.OnDelete ?? Restrict;
}
