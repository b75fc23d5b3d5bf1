using System.Globalization;
using System.Text;
using CsCheck;
using Grader.Contracts.Submissions;

namespace Grader.Contracts.Tests.Submissions;

/// <summary>The webhook reads numbers from their UTF-8 bytes; it must accept, refuse and measure them as the text reading does.</summary>
public sealed class StoredNumberTests
{
    private static readonly Gen<string> JsonNumber = Gen.OneOf<string>(
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e999"),
        Gen.Long.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Select(Gen.Int[-9, 9], Gen.Int[-400, 400], (m, e) => $"{m}e{e}"),
        Gen.Select(Gen.Char['0', '9'].Array[1, 40], Gen.Int[-40000, 40000], (d, e) => $"-0.{new string(d)}E{e:+0;-0}"),
        Gen.Char['0', '9'].Array[1, 400].Select(d => "0." + new string(d)));

    [Fact]
    public void Reading_the_bytes_accepts_and_refuses_as_reading_the_text() =>
        JsonNumber.Sample(raw =>
        {
            var fromText = StoredNumber.TryRead(raw, out var textValue);
            var fromBytes = StoredNumber.TryRead(Encoding.UTF8.GetBytes(raw), out var byteValue);

            Assert.Equal(fromText, fromBytes);
            if (fromText is null)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(textValue), BitConverter.DoubleToInt64Bits(byteValue));
            }
        }, iter: 20_000);

    [Theory]
    [InlineData("1e-400")]
    [InlineData("0.000e-400")]
    [InlineData("-1e309")]
    [InlineData("1e100000")]
    public void A_number_a_double_cannot_hold_is_refused_from_its_bytes_in_the_same_words(string raw)
    {
        var fromBytes = StoredNumber.TryRead(Encoding.UTF8.GetBytes(raw), out _);

        Assert.Equal(StoredNumber.TryRead(raw, out _), fromBytes);
        Assert.Equal(raw == "0.000e-400", fromBytes is null);
    }

    [Fact]
    public void The_extra_printed_length_is_printed_minus_written() =>
        Gen.Double.Where(double.IsFinite).Sample(value =>
            Assert.Equal(Math.Max(0, StoredNumber.PrintedLength(value) - StoredNumber.WrittenLength(value)),
                StoredNumber.ExtraPrintedLength(value)),
            iter: 20_000);
}
