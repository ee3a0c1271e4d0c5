using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;

namespace Platform.Printing.Services;

/// <summary>
/// Liquid templates (Fluid) in a sandbox: no file or network access (no file provider: <c>include</c> and <c>render</c> find nothing),
/// at most <see cref="MostSteps"/> statements and <see cref="MostCharacters"/> characters written, nesting at most
/// <see cref="MostDepth"/> deep, ranges at most <see cref="BoundedRanges.Most"/> long. Filters a Chinese business document needs: <c>money</c> (¥12,345.60), <c>rmb_upper</c>
/// (壹万贰仟叁佰肆拾伍元陆角), <c>qr</c> (a QR code as inline SVG), <c>barcode</c> (Code 128 as inline SVG), <c>long_date</c> (2026年12月7日 / 7 December 2026), and Liquid's own (<c>date</c>, <c>plus</c>, …).
/// </summary>
public static class LiquidTemplates
{
    public const int MostSteps = 200_000;

    public const int MostCharacters = 8_000_000;

    public const int MostDepth = 20;

    private static readonly FluidParser Parser = new();

    /// <summary>Values written into the page keep their Chinese as it is; what HTML needs escaped is escaped.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <exception cref="PrintRefusedException">The template does not parse (with the line and column).</exception>
    public static IFluidTemplate Parse(string source)
    {
        if (Parser.TryParse(source, out var template, out var error))
        {
            return new BoundedRanges().VisitTemplate(template);
        }

        // Fluid says where as "(line:column)" or "at (line:column)".
        var where = System.Text.RegularExpressions.Regex.Match(error ?? "", @"\((\d+):(\d+)\)");
        return where.Success
            ? throw new PrintRefusedException("Printing.Error.Syntax", $"The template does not parse at line {where.Groups[1].Value}, column {where.Groups[2].Value}: {error}",
                int.Parse(where.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(where.Groups[2].Value, CultureInfo.InvariantCulture), error ?? "")
            : throw new PrintRefusedException("Printing.Error.SyntaxSomewhere", $"The template does not parse: {error}", error ?? "");
    }

    /// <summary>Writes the page's HTML with <paramref name="model"/>'s values (each a top-level name: record, lines, company, user, today).</summary>
    /// <exception cref="PrintRefusedException">The template ran past a limit.</exception>
    public static async Task<string> RenderAsync(IFluidTemplate template, IReadOnlyDictionary<string, object?> model, CultureInfo culture)
    {
        var options = new TemplateOptions { MaxSteps = MostSteps, MaxRecursion = MostDepth, CultureInfo = culture, TimeZone = TimeZoneInfo.Local };
        options.Filters.AddFilter("money", Money);
        options.Filters.AddFilter("rmb_upper", RmbUpper);
        options.Filters.AddFilter("qr", Qr);
        options.Filters.AddFilter("barcode", Barcode);
        options.Filters.AddFilter("long_date", LongDate);
        var context = new TemplateContext(options);
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value);
        }

        await using var writer = new BoundedWriter(MostCharacters);
        try
        {
            await template.RenderAsync(writer, Encoder, context);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("The maximum", StringComparison.Ordinal))
        {
            // Fluid says "maximum number of statements" or "maximum level of recursion" when its step count runs out.
            throw new PrintRefusedException("Printing.Error.TooManySteps", $"The template was stopped after {MostSteps:N0} steps: a loop that does not end?", MostSteps);
        }
        catch (Exception e) when (e is not PrintRefusedException and not OperationCanceledException)
        {
            // A filter given what it cannot take, a partial that is not there (templates have no files to include): said, not a server error.
            throw new PrintRefusedException("Printing.Error.Render", $"The template failed: {e.Message}", e.Message);
        }

        return writer.ToString();
    }

    /// <summary><c>{{ amount | money }}</c>: 12,345.60 — with <c>money: "¥"</c> a sign before it, <c>money: "", 0</c> no decimals.</summary>
    private static ValueTask<FluidValue> Money(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.IsNil() || (input.Type == FluidValues.String && input.ToStringValue().Length == 0))
        {
            return new(StringValue.Empty);
        }

        var sign = arguments.Count > 0 ? arguments.At(0).ToStringValue() : "";
        var decimals = arguments.Count > 1 ? (int)Math.Clamp(arguments.At(1).ToNumberValue(), 0, 6) : 2;
        var amount = input.ToNumberValue();
        var text = Math.Abs(amount).ToString("#,0." + new string('0', decimals), CultureInfo.InvariantCulture).TrimEnd('.');
        return new(new StringValue((amount < 0 ? "-" : "") + sign + text));
    }

    /// <summary><c>{{ amount | rmb_upper }}</c>: the amount in Chinese capitals (壹万贰仟叁佰肆拾伍元陆角柒分).</summary>
    private static ValueTask<FluidValue> RmbUpper(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.IsNil() || (input.Type == FluidValues.String && input.ToStringValue().Length == 0))
        {
            return new(StringValue.Empty);
        }

        var amount = input.ToNumberValue();
        return new(new StringValue(Math.Abs(amount) <= ChineseAmount.Most ? ChineseAmount.Of(amount) : ""));
    }

    /// <summary><c>{{ record.orderDate | long_date }}</c>: the day written out in the printing person's language — 2026年12月7日, 7 December 2026.</summary>
    private static ValueTask<FluidValue> LongDate(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (!DateOnly.TryParse(input.ToStringValue().Split(' ')[0], CultureInfo.InvariantCulture, out var day))
        {
            return new(StringValue.Empty);
        }

        var culture = context.CultureInfo;
        return new(new StringValue(culture.TwoLetterISOLanguageName == "zh"
            ? $"{day.Year}年{day.Month}月{day.Day}日"
            : day.ToString("d MMMM yyyy", culture)));
    }

    /// <summary><c>{{ record.code | qr }}</c>: a QR code of the text as inline SVG (<c>qr: 30</c> its side in millimetres, 25 unless said).</summary>
    private static ValueTask<FluidValue> Qr(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var text = input.ToStringValue();
        if (text.Length == 0)
        {
            return new(StringValue.Empty);
        }

        var side = arguments.Count > 0 ? Math.Clamp(arguments.At(0).ToNumberValue(), 5, 200) : 25;
        return new(new StringValue(QrCodes.Svg(text, side), encode: false));
    }

    /// <summary><c>{{ record.code | barcode }}</c>: a Code 128 barcode of the text as inline SVG (<c>barcode: 15</c> its height in millimetres, 12 unless said).</summary>
    private static ValueTask<FluidValue> Barcode(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var height = arguments.Count > 0 ? Math.Clamp(arguments.At(0).ToNumberValue(), 4, 100) : 12;
        return new(new StringValue(Barcodes.Svg(input.ToStringValue(), height), encode: false));
    }

    /// <summary>A writer that refuses to grow past its limit (a template writing without end).</summary>
    private sealed class BoundedWriter(int most) : StringWriter(CultureInfo.InvariantCulture)
    {
        public override void Write(char value)
        {
            Check(1);
            base.Write(value);
        }

        public override void Write(string? value)
        {
            Check(value?.Length ?? 0);
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Check(count);
            base.Write(buffer, index, count);
        }

        public override Task WriteAsync(string? value)
        {
            Check(value?.Length ?? 0);
            return base.WriteAsync(value);
        }

        public override Task WriteAsync(char value)
        {
            Check(1);
            return base.WriteAsync(value);
        }

        public override Task WriteAsync(char[] buffer, int index, int count)
        {
            Check(count);
            return base.WriteAsync(buffer, index, count);
        }

        private void Check(int more)
        {
            if (GetStringBuilder().Length + more > most)
            {
                throw new PrintRefusedException("Printing.Error.TooLong", $"The template wrote more than {most:N0} characters.", most);
            }
        }
    }
}
