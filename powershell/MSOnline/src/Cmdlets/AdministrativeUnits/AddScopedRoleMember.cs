using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Add-MsolScopedRoleMember: gives a user a role over one administrative unit.</summary>
    [Cmdlet(VerbsCommon.Add, "MsolScopedRoleMember", SupportsShouldProcess = true)]
    public class AddScopedRoleMember : ScopedRoleMemberChangeCmdlet
    {
        protected override string ActionText { get { return "Add-MsolScopedRoleMember"; } }
    }
}
