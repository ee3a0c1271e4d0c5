namespace Platform.Records.Importing;

/// <summary>A problem with one row of an import: the column's heading and field (null for the row as a whole) and the reason.</summary>
public sealed class ImportProblem
{
    public Guid Id { get; set; }

    public Guid RunId { get; set; }

    public int Row { get; set; }

    public string? Heading { get; set; }

    public string? Field { get; set; }

    public string Message { get; set; } = "";
}
