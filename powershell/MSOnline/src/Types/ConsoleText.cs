// Tenant data as the console shows it: control characters become visible symbols, so a value
// stored by another tool (an escape sequence in a display name) cannot drive the terminal.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Text;

namespace Microsoft.Online.Administration.Automation
{
    public static class ConsoleText
    {
        /// <summary>A value as the console shows it: a string with its control characters as symbols
        /// (the U+2400 block for C0 and DEL, U+FFFD for C1); a collection as PowerShell's list view
        /// writes one, {a, b, ...}, with at most <paramref name="limit"/> items, each made printable;
        /// anything else as it is. Only the format views call this: the objects keep their values.</summary>
        public static object Show(object value, int limit)
        {
            if (value == null) return null;
            string text = value as string;
            if (text != null) return Printable(text);
            IEnumerable items = value as IEnumerable;
            if (items == null) return value;
            List<string> shown = new List<string>();
            bool more = false;
            foreach (object item in items)
            {
                if (limit >= 0 && shown.Count >= limit) { more = true; break; }
                shown.Add(Printable(item == null ? "" : item.ToString()));
            }
            if (more) shown.Add("...");
            return "{" + string.Join(", ", shown.ToArray()) + "}";
        }

        public static object Show(object value)
        {
            return Show(value, 4);
        }

        public static string Printable(string text)
        {
            if (text == null) return null;
            StringBuilder shown = null;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                char replacement;
                if (c < ' ') replacement = (char)(0x2400 + c);
                else if (c == '\u007f') replacement = '\u2421';
                else if (c >= '\u0080' && c <= '\u009f') replacement = '\ufffd';
                else
                {
                    if (shown != null) shown.Append(c);
                    continue;
                }
                if (shown == null) shown = new StringBuilder(text, 0, i, text.Length);
                shown.Append(replacement);
            }
            return shown == null ? text : shown.ToString();
        }
    }
}
