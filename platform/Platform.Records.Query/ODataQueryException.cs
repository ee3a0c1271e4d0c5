namespace Platform.Records.Query;

/// <summary>A query the translator cannot run, with the query option it is in (<c>$filter</c>, <c>$orderby</c>…).</summary>
public sealed class ODataQueryException(string target, string message) : Exception(message)
{
    public string Target { get; } = target;
}
