using RiskSim.Core.Results.Run;

namespace RiskSim.Tests.Results;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(-1_315_000, "(1,315)")]
    [InlineData(1_315_499, "1,315")]
    [InlineData(1_315_500, "1,316")]
    [InlineData(-499, "0")]
    [InlineData(0, "0")]
    public void Thousands_show_a_surplus_in_parentheses(double gbp, string text) => Assert.Equal(text, Money.Thousands(gbp));

    [Theory]
    [InlineData(8_100_000, "£8.1m")]
    [InlineData(-2_250_000, "(£2.3m)")]
    [InlineData(-40_000, "£0.0m")]
    [InlineData(1_234_500_000, "£1,234.5m")]
    public void Millions_show_a_surplus_in_parentheses_never_a_minus_sign(double gbp, string text) => Assert.Equal(text, Money.Millions(gbp));

    [Theory]
    [InlineData(-1_315_210.4, "(£1,315,210)")]
    [InlineData(12.5, "£13")]
    public void Pounds_show_a_surplus_in_parentheses(double gbp, string text) => Assert.Equal(text, Money.Pounds(gbp));
}
