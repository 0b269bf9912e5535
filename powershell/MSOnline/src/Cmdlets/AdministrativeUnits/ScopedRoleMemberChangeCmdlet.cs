using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>What Add- and Remove-MsolScopedRoleMember share: the role, the administrative unit and
    /// the user, by -RoleMemberObjectId or -RoleMemberUserPrincipalName. Beyond MSOnline, the role
    /// and the unit bind from a piped object's RoleObjectId and AdministrativeUnitObjectId and the
    /// user's name from UserPrincipalName, so that a piped RoleScopedMember names a whole
    /// assignment and a piped user names the user.</summary>
    public abstract class ScopedRoleMemberChangeCmdlet : MsolCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid RoleObjectId { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid AdministrativeUnitObjectId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public Guid? RoleMemberObjectId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("UserPrincipalName")]
        [ArgumentCompleter(typeof(UserPrincipalNameCompleter))]
        public string RoleMemberUserPrincipalName { get; set; }

        /// <summary>"Add-MsolScopedRoleMember", or Remove-….</summary>
        protected abstract string ActionText { get; }

        protected override object Target()
        {
            return RoleMemberUserPrincipalName ?? (object)RoleMemberObjectId;
        }

        protected override void ProcessOne()
        {
            Change(BoundBody(), Convert.ToString(Target()), ActionText + " (role " + RoleObjectId + " over administrative unit " + AdministrativeUnitObjectId + ")");
        }
    }
}
