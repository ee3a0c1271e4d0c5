namespace Platform.Records.Packages;

/// <summary>What a package's name and version may be, in one place for the manifest, the apps page and the API.</summary>
public static class AppPackageNames
{
    /// <summary>Lower-case letters, digits, '-' and '_', at most 100 (<c>crm</c>, <c>trade-fair-orders</c>).</summary>
    public static bool IsName(string? name) =>
        name is { Length: > 0 and <= 100 } && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');

    /// <summary>Numbers with dots, one to four of them (<c>1.2.0</c>); missing parts count as 0.</summary>
    public static bool TryVersion(string? text, out Version version)
    {
        version = new Version(0, 0, 0);
        var parts = (text ?? "").Split('.');
        if (text is not { Length: > 0 and <= 40 } || parts.Length > 4 || parts.Any(p => p.Length is 0 or > 9 || !p.All(char.IsAsciiDigit)))
        {
            return false;
        }

        var numbers = parts.Select(int.Parse).Concat(Enumerable.Repeat(0, 3)).Take(Math.Max(3, parts.Length)).ToArray();
        version = numbers.Length == 4 ? new Version(numbers[0], numbers[1], numbers[2], numbers[3]) : new Version(numbers[0], numbers[1], numbers[2]);
        return true;
    }

    /// <summary>A version as people write it: at least major.minor.patch.</summary>
    public static string Show(Version version) => version.Build < 0 ? $"{version.Major}.{version.Minor}.0" : version.ToString();
}
