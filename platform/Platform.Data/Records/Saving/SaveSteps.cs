using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Platform.Rules;

namespace Platform.Data.Records.Saving;

/// <summary>
/// The steps of one record save, in the order they run:
/// <list type="number">
/// <item><see cref="Access"/> — the right to create, or to change this record at this version;</item>
/// <item><see cref="Checks"/> — the record's values converted, files attached, lookups and people checked, its owner;</item>
/// <item><see cref="Lines"/> — each lines field brought to the list sent, every line checked and its rules run;</item>
/// <item><see cref="Rules"/> — defaults, formulas, before-save scripts, conditions, validations;</item>
/// <item><see cref="Numbers"/> — auto-numbers drawn inside the transaction;</item>
/// <item>the rows and their <see cref="AuditEntries"/> written (the record service);</item>
/// <item><see cref="AfterSave"/> — after-save scripts, their changes saved through these same steps;</item>
/// <item><see cref="Handlers"/> — the modules' save handlers, told before and after the write.</item>
/// </list>
/// Any refusal leaves nothing written.
/// </summary>
internal sealed class SaveSteps
{
    /// <param name="store">The record service the steps serve: after-save scripts save through it.</param>
    public SaveSteps(PlatformDbContext db, RecordValueConverter converter, ScriptHost scripts, IEnumerable<IRecordSaveHandler> handlers,
        IStringLocalizer localizer, ILogger logger, IRecordStore store)
    {
        var guard = new ScriptGuard(localizer, logger);
        Access = new CheckAccess(handlers, localizer);
        Checks = new RowChecks(db, converter, localizer);
        Rules = new RunRules(db, scripts, converter, guard, localizer);
        Lines = new SaveLines(Checks, Rules, localizer);
        Numbers = new AutoNumbers(db);
        AfterSave = new RunAfterSave(store, scripts, guard, localizer);
        Handlers = new TellHandlers(handlers);
    }

    public CheckAccess Access { get; }

    public RowChecks Checks { get; }

    public SaveLines Lines { get; }

    public RunRules Rules { get; }

    public AutoNumbers Numbers { get; }

    public RunAfterSave AfterSave { get; }

    public TellHandlers Handlers { get; }

    /// <summary>
    /// Everything a save does to a record's row before it is written: its values through the row checks,
    /// its lines, then its rules (defaults only for a new record). Rules never run over refused values
    /// but in a preview, which shows what it can. Answers every refused value.
    /// </summary>
    /// <param name="lineAudit">Receives the audit entries of the lines.</param>
    public async Task<List<RecordFieldError>> TakeValuesAsync(RowSave save, DateTimeOffset now, List<AuditEntry> lineAudit, RuleRun? run, CancellationToken cancellationToken)
    {
        await Checks.RecordAsync(save, cancellationToken);
        var errors = save.Errors;
        run?.Lines.Clear();
        run?.ChangedLines.Clear();
        errors.AddRange(await Lines.ApplyAsync(save, now, lineAudit, run, cancellationToken));
        if (run is not null && (errors.Count == 0 || run.Preview))
        {
            var known = errors.Select(e => e.Field).ToHashSet();
            errors.AddRange(Rules.Run(save.Entity, save.Row, save.Before, run, save.Values).Where(e => !known.Contains(e.Field)));
        }

        return errors;
    }
}
