using System.Collections;
using System.Globalization;
using System.Text.Json.Serialization.Metadata;

namespace RiskSim.Output;

/// <summary>
/// Finds a null that a file read by System.Text.Json left where its type allows none: a member the
/// file lacks or gives as <c>null</c>, or a <c>null</c> element of a list. The serializer's
/// <c>RespectNullableAnnotations</c> refuses an explicit null for a settable member only; members set
/// by a constructor or an object initializer, and list elements, come through as null and would fail
/// far from the file (a report's chart, a comparison), as a stack trace instead of a message.
/// </summary>
/// <remarks>
/// Walks the value with the same metadata the serializer used (<see cref="JsonTypeInfo"/>), so the
/// path it reports uses the file's own member names (<c>$.plan[3]</c>, <c>$.files[1].name</c>). A
/// member may be null where its declared type is nullable (<see cref="JsonPropertyInfo.IsGetNullable"/>);
/// a list element where it is a <see cref="Nullable{T}"/> (no list in these files holds nullable references).
/// </remarks>
internal static class JsonNullCheck
{
    /// <summary>The JSON path of the first disallowed null in <paramref name="value"/>, or null when there is none.</summary>
    /// <param name="value">What was read.</param>
    /// <param name="info">The type information it was read with.</param>
    public static string? FirstNull(object value, JsonTypeInfo info) => Find(value, info) is { } path ? "$" + path : null;

    /// <summary>The path, below <paramref name="value"/>, of its first disallowed null; built only on the way back from one.</summary>
    private static string? Find(object value, JsonTypeInfo info)
    {
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                foreach (var property in info.Properties)
                {
                    if (property.Get is not null
                        && Below(property.Get(value), property.IsGetNullable, info.Options.GetTypeInfo(property.PropertyType)) is { } path)
                    {
                        return "." + property.Name + path;
                    }
                }

                return null;

            case JsonTypeInfoKind.Enumerable:
            {
                var elementType = info.ElementType!;
                bool nullableElements = Nullable.GetUnderlyingType(elementType) is not null;
                var elementInfo = info.Options.GetTypeInfo(elementType);
                int i = 0;
                foreach (object? element in (IEnumerable)value)
                {
                    if (Below(element, nullableElements, elementInfo) is { } path)
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"[{i}]{path}");
                    }

                    i++;
                }

                return null;
            }

            default:
                // A number, a string, a label read by a converter: nothing inside to check.
                return null;
        }
    }

    /// <summary>"" when <paramref name="value"/> is a null its type does not allow, else the path of a null inside it, or null.</summary>
    private static string? Below(object? value, bool mayBeNull, JsonTypeInfo info) =>
        value is null ? (mayBeNull ? null : string.Empty) : Find(value, info);
}
