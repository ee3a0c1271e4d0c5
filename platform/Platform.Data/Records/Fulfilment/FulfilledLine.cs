namespace Platform.Data.Records.Fulfilment;

/// <summary>A source line as fulfilment sees it: what it holds now, what it is to get, and how far beyond that it may go.</summary>
internal sealed record FulfilledLine(Guid Id, int Number, decimal Into, decimal Of, decimal Allowance)
{
    /// <summary>The most it may get: what it is to get plus the allowance (in percent).</summary>
    public decimal Limit => Of + Math.Abs(Of) * Allowance / 100m;
}
