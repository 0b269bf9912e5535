// Tab completion of parameter values. Values that live in the tenant come from the connected
// bridge, bounded so that a tab press stays quick on a large tenant; without a connection they
// offer nothing (not file names).
using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>One completion: what is inserted, what the list shows, and its tooltip.</summary>
    public sealed class Completion
    {
        public Completion(string value, string listText, string toolTip)
        {
            Value = value;
            ListText = listText;
            ToolTip = toolTip;
        }

        public string Value { get; private set; }
        public string ListText { get; private set; }
        public string ToolTip { get; private set; }
    }

    public abstract class TenantCompleter : IArgumentCompleter
    {
        /// <summary>The most a tenant search asks for: a tab press must not list 50,000 users.</summary>
        public const int SearchLimit = 25;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            List<CompletionResult> results = new List<CompletionResult>();
            string prefix = (wordToComplete ?? "").Trim('\'', '"');
            List<Completion> found;
            try
            {
                found = Candidates(prefix);
            }
            catch (MicrosoftOnlineException)
            {
                return results;
            }
            found.Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.ListText, b.ListText));
            foreach (Completion completion in found)
            {
                results.Add(new CompletionResult(Quote(completion.Value), completion.ListText, CompletionResultType.ParameterValue,
                    string.IsNullOrEmpty(completion.ToolTip) ? completion.ListText : completion.ToolTip));
            }
            return results;
        }

        /// <summary>The values that start with <paramref name="prefix"/> (case-insensitive).</summary>
        protected abstract List<Completion> Candidates(string prefix);

        protected static bool Starts(string text, string prefix)
        {
            return text != null && text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Calls the connected bridge; no connection, no candidates.</summary>
        protected static T Ask<T>(string cmdlet, RequestBody body) where T : class
        {
            if (!BridgeSession.IsConnected) return null;
            return BridgeSession.Client.Call<T>(cmdlet, body);
        }

        /// <summary>Quoted where the text would not stay one bare argument (a UPN's @ and # are fine
        /// inside a word, not at its start).</summary>
        private static string Quote(string value)
        {
            bool quote = value.Length == 0 || value[0] == '@' || value[0] == '#';
            foreach (char c in value)
            {
                if (char.IsWhiteSpace(c) || "'\"`$(){};,|&<>".IndexOf(c) >= 0) quote = true;
            }
            return quote ? "'" + value.Replace("'", "''") + "'" : value;
        }
    }

    /// <summary>-RoleName: the connected tenant's roles (the bridge owns the names).</summary>
    public class RoleNameCompleter : TenantCompleter
    {
        protected override List<Completion> Candidates(string prefix)
        {
            List<Completion> found = new List<Completion>();
            ListPage<Role> roles = Ask<ListPage<Role>>("Get-MsolRole", new RequestBody());
            if (roles == null) return found;
            foreach (Role role in roles.Value)
            {
                if (Starts(role.Name, prefix)) found.Add(new Completion(role.Name, role.Name, role.Description));
            }
            return found;
        }
    }

    /// <summary>-RoleObjectId: a role's id, found by the start of its id or of its name.</summary>
    public class RoleObjectIdCompleter : TenantCompleter
    {
        protected override List<Completion> Candidates(string prefix)
        {
            List<Completion> found = new List<Completion>();
            ListPage<Role> roles = Ask<ListPage<Role>>("Get-MsolRole", new RequestBody());
            if (roles == null) return found;
            foreach (Role role in roles.Value)
            {
                if (role.ObjectId == null) continue;
                string id = role.ObjectId.Value.ToString();
                if (Starts(id, prefix) || Starts(role.Name, prefix)) found.Add(new Completion(id, role.Name, id + "  " + role.Name));
            }
            return found;
        }
    }

    /// <summary>-GroupObjectId: a group's id, found by the start of its display name (a bounded
    /// search) or, with no text yet, among the first groups.</summary>
    public class GroupObjectIdCompleter : TenantCompleter
    {
        protected override List<Completion> Candidates(string prefix)
        {
            List<Completion> found = new List<Completion>();
            RequestBody body = new RequestBody().Set("MaxResults", SearchLimit);
            if (prefix.Length > 0) body.Set("SearchString", prefix);
            ListPage<Group> groups = Ask<ListPage<Group>>("Get-MsolGroup", body);
            if (groups == null) return found;
            foreach (Group group in groups.Value)
            {
                if (group.ObjectId == null) continue;
                string id = group.ObjectId.Value.ToString();
                found.Add(new Completion(id, group.DisplayName ?? id, id + "  " + group.DisplayName));
            }
            return found;
        }
    }

    /// <summary>-DomainName: the company's domains.</summary>
    public class DomainNameCompleter : TenantCompleter
    {
        protected override List<Completion> Candidates(string prefix)
        {
            List<Completion> found = new List<Completion>();
            ListPage<Domain> domains = Ask<ListPage<Domain>>("Get-MsolDomain", new RequestBody());
            if (domains == null) return found;
            foreach (Domain domain in domains.Value)
            {
                if (Starts(domain.Name, prefix)) found.Add(new Completion(domain.Name, domain.Name, domain.Name + "  " + domain.Status));
            }
            return found;
        }
    }

    /// <summary>-UserPrincipalName: users whose UPN starts with the text, by a bounded search.</summary>
    public class UserPrincipalNameCompleter : TenantCompleter
    {
        protected override List<Completion> Candidates(string prefix)
        {
            List<Completion> found = new List<Completion>();
            RequestBody body = new RequestBody().Set("MaxResults", SearchLimit);
            if (prefix.Length > 0) body.Set("SearchString", prefix);
            ListPage<User> users = Ask<ListPage<User>>("Get-MsolUser", body);
            if (users == null) return found;
            foreach (User user in users.Value)
            {
                if (Starts(user.UserPrincipalName, prefix))
                {
                    found.Add(new Completion(user.UserPrincipalName, user.UserPrincipalName, user.DisplayName));
                }
            }
            return found;
        }
    }

    /// <summary>-AddLicenses, -RemoveLicenses, -AccountSkuId: the tenant's AccountSkuIds.</summary>
    public class AccountSkuIdCompleter : TenantCompleter
    {
        protected override List<Completion> Candidates(string prefix)
        {
            List<Completion> found = new List<Completion>();
            ListPage<AccountSKU> skus = Ask<ListPage<AccountSKU>>("Get-MsolAccountSku", new RequestBody());
            if (skus == null) return found;
            foreach (AccountSKU sku in skus.Value)
            {
                if (Starts(sku.AccountSkuId, prefix) || Starts(sku.SkuPartNumber, prefix))
                {
                    found.Add(new Completion(sku.AccountSkuId, sku.AccountSkuId,
                        sku.AccountSkuId + ": " + sku.ConsumedUnits + " of " + sku.ActiveUnits + " assigned"));
                }
            }
            return found;
        }
    }

    /// <summary>-UsageLocation: ISO 3166-1 alpha-2 codes. They are here, not asked of the bridge,
    /// so that completion works before Connect-MsolService; a test keeps them equal to the codes
    /// the bridge accepts (src/domain/country.rs).</summary>
    public class UsageLocationCompleter : TenantCompleter
    {
        public static readonly string[] Codes =
        {
            "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
            "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
            "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
            "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
            "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
            "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
            "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
            "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
            "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
            "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
            "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
            "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
            "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
            "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
            "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
            "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
        };

        protected override List<Completion> Candidates(string prefix)
        {
            List<Completion> found = new List<Completion>();
            foreach (string code in Codes)
            {
                if (Starts(code, prefix)) found.Add(new Completion(code, code, code));
            }
            return found;
        }
    }
}
