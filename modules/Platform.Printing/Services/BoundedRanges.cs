using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Platform.Printing.Services;

/// <summary>
/// Liquid's ranges (<c>(1..n)</c>) are lists made in memory before a loop walks them: a template asking for a hundred million numbers
/// would take gigabytes before the step limit could stop it. Every range of a parsed template is checked for its length first, and
/// refused past <see cref="Most"/> numbers.
/// </summary>
internal sealed class BoundedRanges : AstRewriter
{
    public const int Most = 10_000;

    protected override Expression VisitRangeExpression(RangeExpression rangeExpression) => new Bounded(rangeExpression);

    private sealed class Bounded(RangeExpression range) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            var from = (await range.From.EvaluateAsync(context)).ToNumberValue();
            var to = (await range.To.EvaluateAsync(context)).ToNumberValue();
            if (to - from + 1 > Most)
            {
                throw new PrintRefusedException("Printing.Error.RangeTooLong", $"A range in the template runs over more than {Most:N0} numbers.", Most);
            }

            return await range.EvaluateAsync(context);
        }
    }
}
