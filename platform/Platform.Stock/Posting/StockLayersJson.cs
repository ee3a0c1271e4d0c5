using System.Text.Json;
using Platform.Stock.Valuation;

namespace Platform.Stock.Posting;

/// <summary>Layers as stored beside an entry and a bin: <c>[{"q":5,"r":10.5,"b":"B1"}]</c>.</summary>
internal static class StockLayersJson
{
    private sealed record Stored(decimal q, decimal r, string? b);

    public static string Write(IReadOnlyList<StockLayer> layers) =>
        layers.Count == 0 ? "[]" : JsonSerializer.Serialize(layers.Select(l => new Stored(l.Quantity, l.Rate, l.Batch)));

    public static IReadOnlyList<StockLayer> Read(string? json) =>
        string.IsNullOrEmpty(json) || json == "[]" ? [] : JsonSerializer.Deserialize<List<Stored>>(json)!.Select(s => new StockLayer(s.q, s.r, s.b)).ToList();
}
