using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>What Add-MsolRoleMember and Remove-MsolRoleMember share: the member, named by its
    /// object id or (for a user) its user principal name, and the change itself.</summary>
    public abstract class RoleMemberChangeCmdlet : MsolCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)] public RoleMemberType RoleMemberType { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public Guid? RoleMemberObjectId { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string RoleMemberEmailAddress { get; set; }

        /// <summary>The role as the caller named it (name or object id).</summary>
        protected abstract string RoleText { get; }

        /// <summary>"Add-MsolRoleMember to role" or "Remove-MsolRoleMember from role".</summary>
        protected abstract string ActionText { get; }

        protected override object Target()
        {
            return RoleMemberEmailAddress ?? (object)RoleMemberObjectId;
        }

        protected override void ProcessOne()
        {
            Change(BoundBody(), Convert.ToString(Target()), ActionText + " " + RoleText);
        }
    }
}
