using System.Text.RegularExpressions;

namespace Platform.Core.Metadata;

/// <summary>
/// Rules for API names of entities and fields. Names never reach SQL as such (tables and columns
/// get storage keys), but they appear in URLs, OData queries and scripts, so they stay plain.
/// </summary>
public static partial class MetadataNames
{
    public const int MaxLength = 50;

    // Words that read as query syntax in $filter, scripts or SQL; refused to avoid confusion and injection-shaped names.
    // Statement words of SQL, literals and operators of OData filters and JavaScript rules: a field
    // named like them would read as syntax. Plain business words (order, count, primary) stay allowed.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "from", "where", "table", "drop", "insert", "update", "delete", "create", "alter", "union", "join",
        "exec", "execute", "grant", "revoke", "truncate",
        "and", "or", "not", "null", "true", "false", "eq", "ne", "gt", "ge", "lt", "le", "in", "has", "any", "all",
        "constructor", "prototype", "__proto__", "this", "function", "return", "var", "let", "new", "undefined",
    };

    public static string? Problem(string? name) => Check(name)?.Message;

    /// <summary>What is wrong with a name, as a problem at <paramref name="path"/> with its code (for messages in the reader's language); null when it is fine.</summary>
    public static MetadataError? Check(string? name, string path = "$.name")
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return new(path, "A name is required.") { Code = "names.required" };
        }

        if (!Shape().IsMatch(name))
        {
            return new(path, $"'{name}' is not a valid name: use 1 to {MaxLength} letters, digits or underscores, starting with a letter.") { Code = "names.shape", Arguments = [name, MaxLength] };
        }

        if (Reserved.Contains(name))
        {
            return new(path, $"'{name}' is a reserved word; choose another name.") { Code = "names.reserved", Arguments = [name] };
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,49}$")]
    private static partial Regex Shape();
}
