using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Remove-MsolScopedRoleMember: takes a role over one administrative unit from a user.</summary>
    [Cmdlet(VerbsCommon.Remove, "MsolScopedRoleMember", SupportsShouldProcess = true)]
    public class RemoveScopedRoleMember : ScopedRoleMemberChangeCmdlet
    {
        protected override string ActionText { get { return "Remove-MsolScopedRoleMember"; } }
    }
}
