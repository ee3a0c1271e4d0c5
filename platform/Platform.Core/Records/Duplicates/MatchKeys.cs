using System.Security.Cryptography;
using System.Text;
using Platform.Core.Metadata;

namespace Platform.Core.Records.Duplicates;

/// <summary>
/// The key a record has under a duplicate rule: its fields' values normalised by kind and joined — two records with the same
/// key are duplicates under an exact rule; a similar rule's key is its one field's normalised text, compared by its pairs.
/// No key when a field is empty (records with gaps are not compared).
/// </summary>
public static class MatchKeys
{
    /// <summary>Keys longer than this are kept as a hash (exact rules) or cut (similar rules).</summary>
    public const int Longest = 200;

    public static string? Of(EntityDefinition entity, DuplicateRule rule, IReadOnlyDictionary<string, object?> values)
    {
        var parts = new List<string>(rule.Fields.Count);
        foreach (var name in rule.Fields)
        {
            if (entity.LiveField(name) is not { } field || values.GetValueOrDefault(field.Name) is not { } value)
            {
                return null;
            }

            var part = Normalised(field, rule, value);
            if (part.Length == 0)
            {
                return null;
            }

            parts.Add(part);
        }

        if (parts.Count == 0)
        {
            return null;
        }

        var key = string.Join('\u001f', parts);
        if (key.Length <= Longest)
        {
            return key;
        }

        return rule.IsSimilar ? key[..Longest] : "#" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private static string Normalised(FieldDefinition field, DuplicateRule rule, object value)
    {
        if (field.Kind == FieldTypes.Phone)
        {
            return MatchText.Phone(MatchText.Invariant(value));
        }

        if (field.Kind == FieldTypes.Text || field.Kind == FieldTypes.LongText)
        {
            return rule.CompanyName ? MatchText.Company(MatchText.Invariant(value)) : MatchText.Plain(MatchText.Invariant(value));
        }

        if (field.Kind == FieldTypes.Email || field.Kind == FieldTypes.Url)
        {
            return MatchText.Invariant(value).Trim().ToLowerInvariant();
        }

        return MatchText.Invariant(value).Trim();
    }
}
