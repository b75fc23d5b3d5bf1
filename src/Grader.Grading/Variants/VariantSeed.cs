using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Grader.Grading.Variants;

/// <summary>Who a variant is for: one student of one course's assignment.</summary>
public sealed record VariantKey(string Course, string Assignment, string Student);

/// <summary>
/// A student's variant seed: the first 8 bytes of SHA-256 over the course salt, problem id, course, assignment and
/// student (each length-prefixed, so no two tuples share a text). The same on every machine and after any restart, unlike
/// string.GetHashCode; without the salt, which only the course has, a student cannot compute a classmate's numbers.
/// The problem id, not its version, goes in: a regrade after an edit that leaves <c>parameters:</c> alone keeps every
/// student's numbers.
/// </summary>
public static class VariantSeed
{
    public static ulong For(string courseSalt, string problemId, VariantKey key)
    {
        ArgumentNullException.ThrowIfNull(courseSalt);
        ArgumentNullException.ThrowIfNull(key);
        var text = new StringBuilder();
        foreach (var field in new[] { courseSalt, problemId, key.Course, key.Assignment, key.Student })
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }
}
