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

    /// <summary>
    /// A field's or a choice's name made from its English label, in camel case ("Order date" →
    /// <c>orderDate</c>); null when the label has no Latin letters to make one (a Chinese-only label)
    /// or makes a reserved word.
    /// </summary>
    public static string? FieldFrom(string? label) => From(label, words => words[0] + string.Concat(words.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w[1..])));

    /// <summary>An entity's name made from its English label, in snake case ("Sales order" → <c>sales_order</c>); null as for <see cref="FieldFrom"/>.</summary>
    public static string? EntityFrom(string? label) => From(label, words => string.Join('_', words));

    /// <summary>Whether <paramref name="name"/> still is what the designer made for it — from <paramref name="label"/>, or a placeholder like <c>field3</c> or <c>entity2</c> — so it may follow the label.</summary>
    public static bool Follows(string? name, string? label, Func<string?, string?> derive) =>
        string.IsNullOrEmpty(name) || name == derive(label) || Placeholder().IsMatch(name);

    private static string? From(string? label, Func<List<string>, string> join)
    {
        var words = Words().Matches(label ?? "").Select(m => m.Value.ToLowerInvariant()).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var name = join(words);
        name = char.IsAsciiLetter(name[0]) ? name : "n" + name;
        name = name.Length > MaxLength ? name[..MaxLength].TrimEnd('_') : name;
        return Check(name) is null ? name : null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,49}$")]
    private static partial Regex Shape();

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex Words();

    [GeneratedRegex("^(field|option|entity)[0-9]+$")]
    private static partial Regex Placeholder();
}
