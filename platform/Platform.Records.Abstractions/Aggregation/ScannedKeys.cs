namespace Platform.Records.Aggregation;

/// <summary>
/// A field a report groups by, marked so the database groups it after reading the table through rather than walking the field's
/// index: SQLite otherwise walks an index (the owner's, a lookup's) to avoid sorting, and then looks every record up in the table
/// one by one — twice as slow over a whole table, more on a wide one. Other databases group by hashing and are given the field as it is.
/// The record model registers them; called outside a query they answer the value itself.
/// </summary>
public static class ScannedKeys
{
    public static string? Key(string? value) => value;

    public static Guid? Key(Guid? value) => value;

    public static long? Key(long? value) => value;

    public static decimal? Key(decimal? value) => value;

    public static bool? Key(bool? value) => value;

    /// <summary>The overload for a key of <paramref name="type"/>, or null for a type not marked (dates are bucketed by functions already).</summary>
    public static System.Reflection.MethodInfo? For(Type type) => typeof(ScannedKeys).GetMethod(nameof(Key), [type]);

    /// <summary>Every overload, for the record model to register.</summary>
    public static IEnumerable<System.Reflection.MethodInfo> All() => typeof(ScannedKeys).GetMethods().Where(m => m.Name == nameof(Key));
}
