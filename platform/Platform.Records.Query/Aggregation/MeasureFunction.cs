namespace Platform.Records.Query.Aggregation;

/// <summary>What a measure works out over each group's records.</summary>
public enum MeasureFunction
{
    /// <summary>How many records (with a field: how many have a value in it).</summary>
    Count,

    /// <summary>How many different values the field has.</summary>
    CountDistinct,

    Sum,

    Average,

    Min,

    Max,
}
