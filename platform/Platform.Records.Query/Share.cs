using System.Globalization;

namespace Platform.Records.Query;

/// <summary>
/// A per cent value on its way into a spreadsheet: stored as a fraction (0.13), read by people as
/// 13%. CSV writes the text (<see cref="ToString"/>), .xlsx the number in a per cent format; imports
/// read both back to the fraction.
/// </summary>
public readonly record struct Share(decimal Fraction)
{
    /// <summary>The share as people write it, the same in every language: <c>13%</c>, <c>12.5%</c>.</summary>
    public override string ToString() => (Fraction * 100m).ToString("0.############", CultureInfo.InvariantCulture) + "%";
}
