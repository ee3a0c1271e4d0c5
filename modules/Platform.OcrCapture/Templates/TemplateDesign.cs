using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Core.Metadata;
using Platform.Ocr.Imaging;
using Platform.Ocr.Pipeline;
using Platform.Ocr.Recognition;
using Platform.Ocr.Templates;
using Platform.OcrCapture.Records;
using Platform.Records;
using Platform.Records.Ocr;

namespace Platform.OcrCapture.Templates;

/// <summary>
/// The template designer's work: a new template from an uploaded blank form, drafts saved as often as wanted (kept even when
/// incomplete, with what still keeps them from use), publication (the draft checked in full and made the next version batches
/// are read with), the blank's lines and marks to snap to, and a sample scan read with the draft.
/// </summary>
public sealed partial class TemplateDesign(IScanBatchStore store, ISchemaManager schemas, RecognizerPool recognizers, EntityChoices choices, TimeProvider clock)
{
    /// <summary>A blank form or sample scan larger than this is refused before it is decoded.</summary>
    public const long MaxUploadBytes = 50L * 1024 * 1024;

    /// <summary>Makes a template from a blank form (PNG, JPEG, TIFF or PDF: its first page), unpublished until its draft is complete.</summary>
    public async Task<StoredFormTemplate> CreateAsync(string name, string? labelZh, string? labelEn, byte[] blank, string userId, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (!NamePattern().IsMatch(name))
        {
            throw new CaptureRefusedException("OcrCapture.Error.TemplateName", name);
        }

        if (await store.FindTemplateAsync(name, cancellationToken) is not null)
        {
            throw new CaptureRefusedException("OcrCapture.Error.TemplateExists", name);
        }

        byte[] png;
        (int Width, int Height) size;
        try
        {
            using var page = FirstPage(blank, FormTemplateDefaults.Dpi);
            using var grey = page.Depth == 8 ? page.Share() : page.ToGrey();
            (png, size) = (grey.ToPng(), (grey.Width, grey.Height));
        }
        catch (ImageRejectedException e)
        {
            throw new CaptureRefusedException("OcrCapture.Error.BlankUnreadable", e.Message);
        }

        var (width, height) = size;
        var template = new FormTemplate
        {
            Name = name, Page = new PageSize { Width = width, Height = height, Dpi = FormTemplateDefaults.Dpi },
            Label = new Dictionary<string, string> { ["zh-CN"] = Blank(labelZh) ?? name, ["en"] = Blank(labelEn) ?? Blank(labelZh) ?? name },
        };
        var now = clock.GetUtcNow();
        var stored = new StoredFormTemplate
        {
            Id = Guid.CreateVersion7(now), Name = name, Blank = png, Draft = template.ToJson(), DraftSavedAt = now, DraftSavedBy = userId, UpdatedAt = now, UpdatedBy = userId,
        };
        store.AddTemplate(stored);
        await store.SaveChangesAsync(cancellationToken);
        return stored;
    }

    /// <summary>The draft when there is one, else the published definition.</summary>
    public async Task<(StoredFormTemplate Stored, string Document)> OpenAsync(string name, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(name, cancellationToken);
        return (stored, stored.Draft ?? stored.Definition);
    }

    /// <summary>
    /// Keeps the designer's document as the draft. Only a document that is no template at all (not JSON, unknown parts, a value of
    /// the wrong kind) is refused; what keeps a complete-looking one from use is answered, for the designer to show.
    /// </summary>
    public async Task<IReadOnlyList<TemplateProblem>> SaveDraftAsync(string name, string document, string userId, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(name, cancellationToken);
        var template = Read(document);
        template.Name = stored.Name;
        stored.Draft = template.ToJson();
        (stored.DraftSavedAt, stored.DraftSavedBy) = (clock.GetUtcNow(), userId);
        await store.SaveChangesAsync(cancellationToken);
        return await ProblemsAsync(template, cancellationToken);
    }

    /// <summary>Makes the draft the next version batches are read with, when it has no problem at all; else refuses naming them.</summary>
    public async Task<int> PublishAsync(string name, string userId, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(name, cancellationToken);
        if (stored.Draft is not { } draft)
        {
            throw new CaptureRefusedException("OcrCapture.Error.NothingToPublish", name);
        }

        var problems = await ProblemsAsync(Read(draft), cancellationToken);
        if (problems.Count > 0)
        {
            throw new TemplateProblemsException(problems);
        }

        stored.Version++;
        (stored.Definition, stored.Draft, stored.DraftSavedAt, stored.DraftSavedBy) = (draft, null, null, null);
        (stored.UpdatedAt, stored.UpdatedBy, stored.Source) = (clock.GetUtcNow(), userId, null);
        await store.SaveChangesAsync(cancellationToken);
        return stored.Version;
    }

    /// <summary>Throws the draft away: the designer opens the published definition again.</summary>
    public async Task DiscardDraftAsync(string name, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(name, cancellationToken);
        if (!stored.IsPublished)
        {
            throw new CaptureRefusedException("OcrCapture.Error.NeverPublished", name);
        }

        (stored.Draft, stored.DraftSavedAt, stored.DraftSavedBy) = (null, null, null);
        await store.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The blank's ruling lines and filled squares, for the designer to snap cells and marks to.</summary>
    public async Task<BlankLayout> LayoutAsync(string name, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(name, cancellationToken);
        if (stored.Blank is not { } blank)
        {
            return new BlankLayout([], [], []);
        }

        using var picture = Picture.Decode(blank);
        return BlankLayout.Find(picture);
    }

    /// <summary>Reads the first page of <paramref name="scan"/> with <paramref name="document"/> (the designer's current template), each cell with its picture.</summary>
    public async Task<PageResult> TestAsync(string document, byte[] scan, string fileName, CancellationToken cancellationToken)
    {
        var template = Read(document);
        if (await ProblemsAsync(template, cancellationToken) is { Count: > 0 } problems)
        {
            throw new TemplateProblemsException(problems);
        }

        await choices.FillAsync(template, cancellationToken);
        Picture page;
        try
        {
            page = FirstPage(scan, template.Page.Dpi);
        }
        catch (ImageRejectedException e)
        {
            return PageResult.Failed(fileName, 1, PageStatus.Rejected, e.Message, e.Code);
        }

        using (page)
        {
            return new FormReader(template, recognizers) { KeepCrops = true }.ReadPage(page, fileName, 1);
        }
    }

    /// <summary>Everything that keeps <paramref name="template"/> from use: the format's checks, then its record mapping against the entities.</summary>
    public async Task<IReadOnlyList<TemplateProblem>> ProblemsAsync(FormTemplate template, CancellationToken cancellationToken) =>
        Problems(template, await schemas.LoadSchemaAsync(cancellationToken));

    /// <summary>Everything that keeps <paramref name="template"/> from use, against the entities of <paramref name="schema"/>.</summary>
    public static IReadOnlyList<TemplateProblem> Problems(FormTemplate template, RecordsSchema schema)
    {
        var problems = template.Problems();
        return problems.Count > 0 ? problems : SheetMappingCheck.Problems(template, schema);
    }

    /// <summary>A template document as the designer sends it, not yet checked; a document that is no template is refused with the reason.</summary>
    public static FormTemplate Read(string document)
    {
        try
        {
            return FormTemplate.Deserialize(document) ?? throw new CaptureRefusedException("OcrCapture.Error.NotATemplate", "empty");
        }
        catch (JsonException e)
        {
            throw new CaptureRefusedException("OcrCapture.Error.NotATemplate", e.Message);
        }
    }

    private async Task<StoredFormTemplate> FindAsync(string name, CancellationToken cancellationToken) =>
        await store.FindTemplateAsync(name, cancellationToken) ?? throw new CaptureRefusedException("OcrCapture.Error.NoTemplate", name);

    /// <summary>The first page of an uploaded file (image, multi-page TIFF or PDF drawn at <paramref name="dpi"/>), decoded by the engine from a working copy.</summary>
    /// <exception cref="ImageRejectedException">The file is no readable scan.</exception>
    private static Picture FirstPage(byte[] file, int dpi)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, Limited(file));
            return ScanDocument.Open(path, dpi).Page(1);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Limited(byte[] file) =>
        file.LongLength <= MaxUploadBytes ? file : throw new CaptureRefusedException("OcrCapture.Error.UploadTooLarge", MaxUploadBytes / (1024 * 1024));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

/// <summary>Where the designer's new templates start.</summary>
internal static class FormTemplateDefaults
{
    /// <summary>Blank forms are taken at 200 DPI (PDFs drawn at it); images keep their pixels.</summary>
    public const int Dpi = 200;
}

/// <summary>A template the designer cannot publish or test yet, with every problem (each naming its place).</summary>
public sealed class TemplateProblemsException(IReadOnlyList<TemplateProblem> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<TemplateProblem> Problems { get; } = problems;
}
