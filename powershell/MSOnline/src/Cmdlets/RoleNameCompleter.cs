using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Tab completion of -RoleName from the connected tenant's roles (the bridge owns the names).</summary>
    public class RoleNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            List<CompletionResult> results = new List<CompletionResult>();
            if (!BridgeSession.IsConnected) return results;
            string prefix = (wordToComplete ?? "").Trim('\'', '"');
            ListPage<Role> roles;
            try
            {
                roles = BridgeSession.Client.Call<ListPage<Role>>("Get-MsolRole", new RequestBody());
            }
            catch (MicrosoftOnlineException)
            {
                return results;
            }
            List<string> names = new List<string>();
            foreach (Role role in roles.Value)
            {
                if (role.Name != null && role.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) names.Add(role.Name);
            }
            names.Sort(StringComparer.OrdinalIgnoreCase);
            foreach (string name in names)
            {
                string text = name.IndexOf(' ') >= 0 ? "'" + name + "'" : name;
                results.Add(new CompletionResult(text, name, CompletionResultType.ParameterValue, name));
            }
            return results;
        }
    }
}
