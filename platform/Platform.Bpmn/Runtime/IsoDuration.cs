using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Bpmn.Runtime;

/// <summary>
/// An ISO-8601 duration (<c>P2D</c>, <c>PT5M</c>, <c>P1Y2M</c>, <c>P1W</c>): years and months are added
/// on the calendar (a month after 31 January is the end of February), the rest as exact time.
/// </summary>
public sealed partial record IsoDuration(int Years, int Months, int Days, TimeSpan Time)
{
    public static bool TryParse(string text, out IsoDuration duration)
    {
        duration = new IsoDuration(0, 0, 0, TimeSpan.Zero);
        var match = Pattern().Match(text.Trim());
        if (!match.Success || match.Length <= 1 || text.Trim().EndsWith('T'))
        {
            return false;
        }

        int Whole(string group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        double Part(string group) => match.Groups[group].Success ? double.Parse(match.Groups[group].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : 0;
        try
        {
            var time = TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("min")) + TimeSpan.FromSeconds(Part("s"));
            duration = new IsoDuration(Whole("y"), Whole("mon"), checked(Whole("w") * 7 + Whole("d")), time);
        }
        catch (Exception e) when (e is OverflowException or ArgumentException)
        {
            return false;
        }

        return duration.Years + duration.Months + duration.Days > 0 || duration.Time > TimeSpan.Zero;
    }

    public DateTimeOffset AddTo(DateTimeOffset start) => start.AddYears(Years).AddMonths(Months).AddDays(Days).Add(Time);

    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<mon>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+(?:[.,]\d+)?)H)?(?:(?<min>\d+(?:[.,]\d+)?)M)?(?:(?<s>\d+(?:[.,]\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
