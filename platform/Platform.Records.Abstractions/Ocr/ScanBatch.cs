namespace Platform.Records.Ocr;

/// <summary>A stack of scans read with one template: the template as it was when the batch was made, and how far the reading is.</summary>
public sealed class ScanBatch
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string TemplateName { get; set; } = "";

    public int TemplateVersion { get; set; }

    /// <summary>The template's definition when the batch was made.</summary>
    public string Template { get; set; } = "";

    /// <summary><see cref="ScanBatchStates"/>.</summary>
    public string State { get; set; } = ScanBatchStates.Queued;

    /// <summary>The background job reading it.</summary>
    public Guid? JobId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset? ReadAt { get; set; }
}

public static class ScanBatchStates
{
    /// <summary>Waiting for a host to read it.</summary>
    public const string Queued = "queued";

    public const string Reading = "reading";

    /// <summary>Every page has a result (read, blank, not aligned or rejected).</summary>
    public const string Read = "read";
}
