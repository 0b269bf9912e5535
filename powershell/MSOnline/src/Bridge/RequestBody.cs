// A request body: the parameters a caller bound, as the bridge's JSON.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Text;
using Microsoft.Online.Administration;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>JSON object built member by member. Null members are left out ("not given").</summary>
    public sealed class RequestBody
    {
        private readonly List<KeyValuePair<string, object>> members = new List<KeyValuePair<string, object>>();

        public RequestBody Set(string name, object value)
        {
            for (int i = 0; i < members.Count; i++)
            {
                if (string.Equals(members[i].Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    members[i] = new KeyValuePair<string, object>(name, value);
                    return this;
                }
            }
            members.Add(new KeyValuePair<string, object>(name, value));
            return this;
        }

        public RequestBody Copy()
        {
            RequestBody copy = new RequestBody();
            copy.members.AddRange(members);
            return copy;
        }

        public string ToJson()
        {
            StringBuilder json = new StringBuilder(256);
            WriteObject(json, members);
            return json.ToString();
        }

        /// <summary>A member's value as text (a GUID in its usual form), or null when not given.</summary>
        public string Text(string name)
        {
            foreach (KeyValuePair<string, object> member in members)
            {
                if (!string.Equals(member.Key, name, StringComparison.OrdinalIgnoreCase)) continue;
                object value = Unwrap(member.Value);
                return value == null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
            }
            return null;
        }

        /// <summary>A batch request: {"BatchId":"...","Requests":[body, ...]}.</summary>
        public static string BatchJson(Guid batchId, IEnumerable<RequestBody> bodies)
        {
            StringBuilder json = new StringBuilder(4096);
            json.Append("{\"BatchId\":\"").Append(batchId.ToString()).Append("\",\"Requests\":[");
            bool first = true;
            foreach (RequestBody body in bodies)
            {
                if (!first) json.Append(',');
                first = false;
                WriteObject(json, body.members);
            }
            json.Append("]}");
            return json.ToString();
        }

        private static void WriteObject(StringBuilder json, IEnumerable<KeyValuePair<string, object>> fields)
        {
            json.Append('{');
            bool first = true;
            foreach (KeyValuePair<string, object> field in fields)
            {
                object value = Unwrap(field.Value);
                if (value == null) continue;
                if (!first) json.Append(',');
                first = false;
                WriteString(json, field.Key);
                json.Append(':');
                WriteValue(json, value);
            }
            json.Append('}');
        }

        private static object Unwrap(object value)
        {
            PSObject wrapped = value as PSObject;
            return wrapped != null ? wrapped.BaseObject : value;
        }

        private static void WriteValue(StringBuilder json, object value)
        {
            value = Unwrap(value);
            if (value == null) { json.Append("null"); return; }
            if (value is string) { WriteString(json, (string)value); return; }
            if (value is bool) { json.Append((bool)value ? "true" : "false"); return; }
            if (value is SwitchParameter) { json.Append(((SwitchParameter)value).IsPresent ? "true" : "false"); return; }
            if (value is Guid) { WriteString(json, ((Guid)value).ToString()); return; }
            if (value is DateTime) { WriteString(json, Timestamp((DateTime)value)); return; }
            if (value is Enum) { WriteString(json, value.ToString()); return; }
            if (value is int || value is long || value is uint || value is short || value is byte)
            {
                json.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
            }
            StrongAuthenticationMethod method = value as StrongAuthenticationMethod;
            if (method != null)
            {
                WriteObject(json, new[] {
                    new KeyValuePair<string, object>("MethodType", method.MethodType),
                    new KeyValuePair<string, object>("IsDefault", method.IsDefault) });
                return;
            }
            StrongAuthenticationRequirement requirement = value as StrongAuthenticationRequirement;
            if (requirement != null)
            {
                // A new requirement's RememberDevicesNotIssuedBefore is DateTime.MinValue: "not given".
                object notBefore = requirement.RememberDevicesNotIssuedBefore == DateTime.MinValue ? null : (object)requirement.RememberDevicesNotIssuedBefore;
                WriteObject(json, new[] {
                    new KeyValuePair<string, object>("RelyingParty", requirement.RelyingParty),
                    new KeyValuePair<string, object>("State", requirement.State),
                    new KeyValuePair<string, object>("RememberDevicesNotIssuedBefore", notBefore) });
                return;
            }
            RedirectUri uri = value as RedirectUri;
            if (uri != null)
            {
                WriteObject(json, new[] {
                    new KeyValuePair<string, object>("Address", uri.Address),
                    new KeyValuePair<string, object>("AddressType", uri.AddressType) });
                return;
            }
            LicenseOption option = value as LicenseOption;
            if (option != null)
            {
                string sku = option.AccountSkuId == null ? null : option.AccountSkuId.AccountName + ":" + option.AccountSkuId.SkuPartNumber;
                WriteObject(json, new[] {
                    new KeyValuePair<string, object>("AccountSkuId", sku),
                    new KeyValuePair<string, object>("DisabledServicePlans", option.DisabledServicePlans) });
                return;
            }
            IDictionary map = value as IDictionary;
            if (map != null)
            {
                json.Append('{');
                bool firstEntry = true;
                foreach (DictionaryEntry entry in map)
                {
                    if (!firstEntry) json.Append(',');
                    firstEntry = false;
                    WriteString(json, Convert.ToString(entry.Key, CultureInfo.InvariantCulture));
                    json.Append(':');
                    WriteValue(json, entry.Value);
                }
                json.Append('}');
                return;
            }
            IEnumerable list = value as IEnumerable;
            if (list != null)
            {
                json.Append('[');
                bool first = true;
                foreach (object item in list)
                {
                    if (!first) json.Append(',');
                    first = false;
                    WriteValue(json, item);
                }
                json.Append(']');
                return;
            }
            throw new ArgumentException("The bridge cannot take a value of type " + value.GetType().FullName + ".");
        }

        /// <summary>ISO 8601 in UTC with milliseconds: the bridge's own format, so a value read and
        /// piped back compares equal.</summary>
        public static string Timestamp(DateTime value)
        {
            return value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        private static void WriteString(StringBuilder json, string text)
        {
            json.Append('"');
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"': json.Append("\\\""); break;
                    case '\\': json.Append("\\\\"); break;
                    case '\n': json.Append("\\n"); break;
                    case '\r': json.Append("\\r"); break;
                    case '\t': json.Append("\\t"); break;
                    default:
                        if (c < ' ') json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else json.Append(c);
                        break;
                }
            }
            json.Append('"');
        }
    }
}
