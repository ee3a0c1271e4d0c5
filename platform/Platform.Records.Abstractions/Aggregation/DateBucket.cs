namespace Platform.Records.Aggregation;

/// <summary>How a report groups the values of a date or date-time field: by the day, the week (from Monday), the month, the quarter or the year they fall in.</summary>
public enum DateBucket
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
}
