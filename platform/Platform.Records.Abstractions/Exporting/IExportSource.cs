using System.Globalization;
using Platform.Core.Security;

namespace Platform.Records.Exporting;

/// <summary>
/// Something that can be exported in the background: a module registers one per kind (the record lists, the saved reports).
/// It checks a request before the export is queued, and writes the file when a host runs it — as the person who asked,
/// with their rights of that moment, in their language.
/// </summary>
public interface IExportSource
{
    /// <summary>The name requests use (<see cref="ExportRun.Source"/>).</summary>
    string Name { get; }

    /// <summary>Checks the request and says what it will be called and how many rows it selects; throws <see cref="ExportRefusedException"/> with the reason.</summary>
    Task<ExportPlan> PlanAsync(ExportRequest request, Actor actor, CultureInfo culture, CancellationToken cancellationToken);

    /// <summary>Writes the file to <paramref name="output"/>, telling <paramref name="progress"/> the rows written so far; answers the rows written.</summary>
    Task<long> WriteAsync(ExportRequest request, Actor actor, CultureInfo culture, Stream output, Func<long, Task> progress, CancellationToken cancellationToken);
}

/// <summary>What to export: the source, what of it, its options (a list's <c>$filter</c>, <c>$orderby</c>, <c>$select</c>; a report's <c>range</c>), and the format.</summary>
public sealed record ExportRequest(string Source, string Subject, IReadOnlyDictionary<string, string> Options, string Format);

/// <summary>What an export will be: its title (the file's name without extension) and the rows it selects now.</summary>
public sealed record ExportPlan(string Title, long Rows);

/// <summary>An export that cannot be written, with the reason in the person's language; <see cref="NotFound"/> when what it names does not exist for them.</summary>
public sealed class ExportRefusedException(string message, bool notFound = false, bool forbidden = false) : Exception(message)
{
    public bool NotFound { get; } = notFound;

    public bool Forbidden { get; } = forbidden;
}

/// <summary>The sources the platform's own modules register: what a page names when it hands its export over.</summary>
public static class ExportSources
{
    /// <summary>A list: the subject is the entity's name.</summary>
    public const string Records = "records";

    /// <summary>A saved report: the subject is its id.</summary>
    public const string Report = "report";
}
