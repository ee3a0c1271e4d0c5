using System.Globalization;
using Platform.Reports.Models;

namespace Platform.Reports.Services;

/// <summary>How a figure reads in a table, a pivot and a KPI card: money with two decimals, percentages, whole numbers, dates.</summary>
public static class ReportFormat
{
    public static string Figure(object? value, string kind, CultureInfo culture) => value switch
    {
        null => "",
        DateOnly day => day.ToString("d", culture),
        DateTimeOffset at => at.ToLocalTime().ToString("g", culture),
        string text => text,
        _ when kind == "percent" => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString("P1", culture),
        _ when kind is "money" => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString("N2", culture),
        _ when kind is "integer" => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString("N0", culture),
        decimal or double or long or int => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString("#,##0.##", culture),
        _ => Convert.ToString(value, culture) ?? "",
    };

    /// <summary>The change from an earlier figure to a later one, as a share of the earlier (null when there is nothing to compare with).</summary>
    public static decimal? Change(object? now, object? before)
    {
        if (now is null || before is null)
        {
            return null;
        }

        var earlier = Convert.ToDecimal(before, CultureInfo.InvariantCulture);
        return earlier == 0 ? null : (Convert.ToDecimal(now, CultureInfo.InvariantCulture) - earlier) / Math.Abs(earlier);
    }

    /// <summary>The kind of the measure column <paramref name="index"/> counts from the first measure.</summary>
    public static string KindOf(ReportAnswer answer, int index) => answer.Columns.Where(c => !c.Group).ElementAt(index).Kind;
}
