using System.Text.Json;
using System.Text.Json.Serialization;
using RiskSim.Core.Time;

namespace RiskSim.Output;

/// <summary>A financial year in JSON as its label, <c>"2019/20"</c> (what pandas and a browser show as is).</summary>
public sealed class FinancialYearJsonConverter : JsonConverter<FinancialYear>
{
    /// <inheritdoc />
    public override FinancialYear Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.GetString();
        return text is not null && FinancialYear.TryParse(text, out var fy)
            ? fy
            : throw new JsonException($"expected a financial year such as \"2019/20\", got \"{text}\".");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, FinancialYear value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Label);
    }
}
